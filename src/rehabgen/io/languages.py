"""How complete each language is: its messages (``locale/``) and its catalogue and template overlays (``i18n/``).

A language can print a handout once it has a message catalogue and every exercise and template is
translated; ``rehabgen languages`` shows where each one stands, so a translator knows what is left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from rehabgen.errors import InputError
from rehabgen.i18n import SOURCE_LANGUAGE, catalogue_languages, is_language
from rehabgen.i18n.catalogs import Completeness, completeness, extract
from rehabgen.io.cache import Cache
from rehabgen.io.catalogue import catalogue_dirs
from rehabgen.io.templates import list_templates, template_dirs
from rehabgen.io.translations import languages as overlay_languages
from rehabgen.io.translations import load_translations
from rehabgen.model.catalogue import Catalogue


@dataclass(frozen=True)
class LanguageStatus:
    """One language: its name, how many messages, exercises and templates it translates, and any problem."""

    code: str
    name: str
    messages: Completeness
    exercises: int
    templates: int
    problems: int = 0
    """Problems in its overlay files, or exercises and templates left untranslated (``rehabgen validate``)."""

    @property
    def is_complete(self) -> bool:
        """Whether every message, exercise and template is translated, so a handout can be printed in it."""
        done = self.messages.translated == self.messages.total and not self.messages.fuzzy
        return done and not self.problems and is_language(self.code)


def language_statuses(
    catalogue: Catalogue,
    extra: Sequence[Path] = (),
    extra_templates: Sequence[Path] = (),
    *,
    cache: Cache | None = None,
) -> list[LanguageStatus]:
    """Every language with a message catalogue or an overlay folder, English first.

    ``catalogue`` is the English one, loaded from the bundled folder with ``extra`` layered over it.
    """
    template = extract()
    folders, template_folders = catalogue_dirs(extra), template_dirs(extra_templates)
    found = dict.fromkeys([SOURCE_LANGUAGE, *catalogue_languages(), *overlay_languages([*folders, *template_folders])])
    templates = len(list_templates(extra_templates))
    out = []
    for code in found:
        has_messages = code == SOURCE_LANGUAGE or code in catalogue_languages()
        messages = completeness(code, template) if has_messages else Completeness(code, 0, _total(template))
        if code == SOURCE_LANGUAGE:
            out.append(LanguageStatus(code, _name(code), messages, len(catalogue), templates))
            continue
        try:
            translations = load_translations(code, catalogue, folders, template_folders, cache=cache)
        except InputError as exc:
            out.append(LanguageStatus(code, _name(code), messages, 0, 0, len(exc.problems)))
            continue
        done = (len(translations.exercises), len(translations.templates))
        missing = templates - done[1]
        out.append(LanguageStatus(code, _name(code), messages, *done, problems=missing))
    return out


def _total(template: Catalog) -> int:
    return sum(1 for m in template if m.id)


def _name(code: str) -> str:
    """The language's own name for itself (``español``), from Babel's CLDR data."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_")).get_display_name() or code
    except (ValueError, UnknownLocaleError):
        return code
