"""The message catalogues as files: extracting the messages from the code, merging them into each language.

``python -m rehabgen.i18n`` (after changing a message in the code) rewrites ``locale/rehabgen.pot`` from the
code and merges it into every ``locale/<language>/LC_MESSAGES/rehabgen.po``: a new message is added empty, a
changed one is kept as a *fuzzy* suggestion (not used until a translator confirms it) and a removed one is
dropped. A test fails while the template is out of date or any message of a language is untranslated.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from rehabgen.i18n import DOMAIN, LOCALE_DIR, SOURCE_LANGUAGE, catalogue_languages, po_path

PACKAGE = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "_f": None, "N_": None, "ngettext": (1, 2)}
POT_PATH = LOCALE_DIR / f"{DOMAIN}.pot"
_HEADER = {"project": "rehabgen", "copyright_holder": "rehabgen contributors", "fuzzy": False}


def extract() -> Catalog:
    """Every message marked in the code, with where it is used (sorted: the same code gives the same file)."""
    catalog = Catalog(domain=DOMAIN, **_HEADER)  # type: ignore[arg-type]
    found = extract_from_dir(PACKAGE, [("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",))
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(f"rehabgen/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def pot_text(catalog: Catalog) -> bytes:
    """The template as written to ``rehabgen.pot`` (no dates, so it changes only when messages do)."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=116, sort_output=True, omit_header=False, no_location=False)
    return _without_dates(buffer.getvalue())


def read(language: str) -> Catalog:
    """One language's catalogue as it is on disk."""
    with po_path(language).open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


def po_text(catalog: Catalog) -> bytes:
    """A language's catalogue as written to its ``.po`` file."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=116, sort_output=True, include_previous=True)
    return _without_dates(buffer.getvalue())


def _without_dates(text: bytes) -> bytes:
    lines = text.split(b"\n")
    return b"\n".join(line for line in lines if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision-Date')))


@dataclass(frozen=True)
class Completeness:
    """How much of the messages a language has translated."""

    language: str
    translated: int
    total: int
    fuzzy: int = 0

    @property
    def percent(self) -> int:
        """Translated messages as a whole percentage (rounded down: 100 only when complete)."""
        return 100 if self.total == 0 else self.translated * 100 // self.total


def completeness(language: str, template: Catalog | None = None) -> Completeness:
    """Of the messages in the code, how many ``language`` translates (fuzzy ones do not count)."""
    template = template or extract()
    total = sum(1 for m in template if m.id)
    if language == SOURCE_LANGUAGE:
        return Completeness(language, total, total)
    catalog = read(language)
    done = fuzzy = 0
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, message.context)
        if found is None or not _has_text(found.string):
            continue
        if found.fuzzy:
            fuzzy += 1
        else:
            done += 1
    return Completeness(language, done, total, fuzzy)


def _has_text(value: object) -> bool:
    if isinstance(value, tuple | list):
        return all(bool(v) for v in value)
    return bool(value)


def update(languages_to_update: list[str] | None = None) -> list[Path]:
    """Rewrite the template from the code and merge it into each language's catalogue; the files written."""
    template = extract()
    POT_PATH.parent.mkdir(parents=True, exist_ok=True)
    POT_PATH.write_bytes(pot_text(template))
    written = [POT_PATH]
    for language in languages_to_update or list(catalogue_languages()):
        path = po_path(language)
        new = Catalog(locale=language, domain=DOMAIN, **_HEADER)  # type: ignore[arg-type]
        catalog = read(language) if path.is_file() else new
        catalog.update(template, no_fuzzy_matching=False)
        catalog.obsolete.clear()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(po_text(catalog))
        written.append(path)
    return written
