"""rehabgen as a library: one function per step a caller takes, the same ones the CLI, batch and web app use.

::

    catalogue = load_catalogue()
    profile = read_profile(Path("examples/profile.yaml"))
    programme = build_programme(profile, catalogue, load_template("runner_back_pain"))
    pdf = render_handout(programme, catalogue, "pdf")

Bad input raises ``InputError`` (a ``ProfileError``, ``CatalogueError`` … with every problem found);
``build_programme`` never raises for a valid profile and template, except for a template whose bans leave
a session of that profile's plan empty (``TemplateError``): a red flag gives a referral programme with no
exercise content. Nothing here reads environment variables or the clock; the only files written are the
optional cache's (``cache=False`` switches it off).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from rehabgen.i18n import SOURCE_LANGUAGE, is_language, languages
from rehabgen.io import catalogue as _catalogue
from rehabgen.io import profiles as _profiles
from rehabgen.io import templates as _templates
from rehabgen.io.cache import Cache
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.clinic import Clinic
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Programme
from rehabgen.model.template import DEFAULT_TEMPLATE, Template
from rehabgen.plan.planner import build_programme
from rehabgen.render import registry
from rehabgen.render.handout import Handout, HandoutOptions

CacheChoice = Cache | bool
"""A cache to use, ``True`` for the platform's cache folder, or ``False`` for none."""

__all__ = [
    "CacheChoice",
    "build_programme",
    "in_language",
    "languages",
    "load_catalogue",
    "load_clinic",
    "load_template",
    "profile_from_dict",
    "read_profile",
    "render_handout",
    "render_warnings",
    "resolve_cache",
]


def resolve_cache(cache: CacheChoice) -> Cache | None:
    """The Cache a ``cache=`` argument stands for."""
    if isinstance(cache, Cache):
        return cache
    return Cache.default() if cache else None


def load_catalogue(folders: Sequence[Path] = (), *, cache: CacheChoice = True) -> Catalogue:
    """The bundled exercise catalogue with ``folders`` layered over it, validated.

    Raises:
        CatalogueError: every problem in every file.
    """
    return _catalogue.load_catalogue(folders, cache=resolve_cache(cache))


def in_language(
    language: str,
    catalogue: Catalogue,
    template: Template | None = None,
    *,
    folders: Sequence[Path] = (),
    template_folders: Sequence[Path] = (),
    cache: CacheChoice = True,
) -> tuple[Catalogue, Template]:
    """The catalogue and template with their words in ``language``, ready for ``build_programme(language=)``.

    ``catalogue`` is the English one as ``load_catalogue(folders)`` gave it; English gives both back as they
    are. A handout is printed from the pair this returns, so its exercise cards and advice are in the language
    of its sentences.

    Raises:
        UsageError: rehabgen has no messages in ``language`` (``languages()`` lists those it has).
        TranslationError: an exercise or the template has no translation (never filled in from the English).
    """
    from rehabgen.errors import Problem, UsageError
    from rehabgen.io.translations import load_translations

    template = template or DEFAULT_TEMPLATE
    if not is_language(language):
        raise UsageError([Problem(f"'{language}' is not a language rehabgen prints in; use {', '.join(languages())}")])
    if language == SOURCE_LANGUAGE or catalogue.language == language:
        return catalogue, template
    translations = load_translations(
        language,
        catalogue,
        _catalogue.catalogue_dirs(folders),
        _templates.template_dirs(template_folders),
        cache=resolve_cache(cache),
    )
    return catalogue.translated(translations), translations.template(template)


def load_template(name_or_path: str | Path | None = None, *, folders: Sequence[Path] = ()) -> Template:
    """A programme template by id (``"mcgill_core"``) or file path; None gives the default template.

    ``folders`` are searched after the bundled ``programs/``.

    Raises:
        UnknownTemplateError: an unknown name (the known ones are listed); also a UsageError.
        TemplateError: a missing or broken file.
    """
    if name_or_path is None:
        return DEFAULT_TEMPLATE
    if isinstance(name_or_path, Path):
        return _templates.load_template(name_or_path)
    return _templates.find_template(name_or_path, folders)


def read_profile(path: Path) -> Profile:
    """An intake profile from a YAML file.

    Raises:
        ProfileError: every bad field, with file, line and the allowed values.
    """
    return _profiles.load_profile(path)


def profile_from_dict(data: Mapping[str, Any], *, source: str | None = None) -> Profile:
    """An intake profile from already-parsed data (JSON, a form); ``source`` names it in problems.

    Raises:
        ProfileError: every bad field.
    """
    return _profiles.profile_from_data(dict(data), file=source)


def load_clinic(path: Path) -> Clinic:
    """A clinic branding file, its logo found relative to it.

    Raises:
        ClinicError: every problem in the file.
    """
    from rehabgen.io.clinics import load_clinic as load  # only commands with a clinic file need it

    return load(path)


def render_handout(
    programme: Programme,
    catalogue: Catalogue,
    format_name: str = "pdf",
    *,
    template: Template | None = None,
    clinic: Clinic | None = None,
    options: HandoutOptions | None = None,
    cache: CacheChoice = True,
) -> bytes:
    """The programme in any registered format (``rehabgen.render.registry.FORMATS``), as bytes.

    Raises:
        UsageError: an unknown format.
        InputError: a calendar for a programme without a start date.
    """
    handout = Handout(programme, catalogue, template or DEFAULT_TEMPLATE, clinic, options or HandoutOptions())
    return registry.render(handout, format_name, cache=resolve_cache(cache))


def render_warnings(
    programme: Programme,
    catalogue: Catalogue,
    format_name: str = "pdf",
    *,
    template: Template | None = None,
    clinic: Clinic | None = None,
) -> list[str]:
    """What ``render_handout`` cannot show as given in this format, e.g. a name the PDF's fonts cannot draw.

    Raises:
        UsageError: an unknown format.
    """
    handout = Handout(programme, catalogue, template or DEFAULT_TEMPLATE, clinic)
    return registry.get_format(format_name).warnings(handout)
