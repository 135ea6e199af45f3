"""Words in the reader's language: gettext message catalogues, read with Babel, and the current language.

Every sentence a patient or clinician reads is written in English in the code, marked ``_("...")`` where it
is used or ``N_("...")`` where it is kept in a table, and looked up at the moment it is used in the message
catalogue of the *current language* (``src/rehabgen/locale/<language>/LC_MESSAGES/rehabgen.po``). The English
text is the message id, so English needs no catalogue and a message never read from a catalogue is English.

The current language lives in a context variable: ``build_programme`` sets it from the profile (or its
caller) while it plans, and the renderers set it from ``programme.meta.language`` while they print, so the
library reads no environment variable and two threads can print in two languages. The ``.po`` files are read
as they are shipped (no compiled ``.mo`` and no build step): Babel parses them once per process.

Dates, numbers and distances are formatted for the language with Babel (``long_date``, ``number``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gettext
import io
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Generic, Literal, TypeVar, cast

SOURCE_LANGUAGE = "en"
"""The language the messages are written in; its handouts read no catalogue."""
DOMAIN = "rehabgen"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
"""``locale/<language>/LC_MESSAGES/rehabgen.po`` for each language, and ``locale/rehabgen.pot``."""

_LANGUAGE: ContextVar[str] = ContextVar("rehabgen_language", default=SOURCE_LANGUAGE)


def po_path(language: str) -> Path:
    """Where the message catalogue of ``language`` lives."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def catalogue_languages() -> tuple[str, ...]:
    """Every language with a message catalogue, complete or not."""
    return (
        tuple(sorted(p.name for p in LOCALE_DIR.iterdir() if po_path(p.name).is_file())) if LOCALE_DIR.is_dir() else ()
    )


@functools.cache
def languages() -> tuple[str, ...]:
    """Every language rehabgen can print in: English, then each language whose catalogue translates every message.

    A catalogue still being translated is left out, so no handout is ever printed half in English: every
    message of the template (``locale/rehabgen.pot``, kept in step with the code by a test) needs a
    translation that is not marked fuzzy.
    """
    return (SOURCE_LANGUAGE, *(code for code in catalogue_languages() if _is_complete(code)))


def _is_complete(language: str) -> bool:
    from babel.messages.pofile import read_po

    with (LOCALE_DIR / f"{DOMAIN}.pot").open("rb") as file:
        wanted = [m for m in read_po(file) if m.id]
    with po_path(language).open("rb") as file:
        catalog = read_po(file, locale=language, domain=DOMAIN)
    for message in wanted:
        found = catalog.get(message.id, message.context)
        strings = found.string if found is not None else None
        if not strings or found is None or found.fuzzy:
            return False
        if isinstance(strings, tuple | list) and not all(strings):
            return False
    return True


def is_language(code: str) -> bool:
    """Whether rehabgen can print in ``code`` (English without reading a catalogue)."""
    return code == SOURCE_LANGUAGE or code in languages()


def current_language() -> str:
    """The language messages are looked up in now (``en`` unless set by ``use_language``)."""
    return _LANGUAGE.get()


@contextlib.contextmanager
def use_language(language: str | None) -> Iterator[str]:
    """Look messages up in ``language`` inside the block (None keeps the current language).

    Raises:
        ValueError: rehabgen has no messages in that language.
    """
    chosen = current_language() if language is None else language
    if not is_language(chosen):
        raise ValueError(f"'{chosen}' is not a language rehabgen prints in; use {', '.join(languages())}")
    token = _LANGUAGE.set(chosen)
    try:
        yield chosen
    finally:
        _LANGUAGE.reset(token)


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """The language's messages, read from its ``.po`` file (untranslated and fuzzy messages stay English)."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    with po_path(language).open("rb") as file:
        catalog = read_po(file, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def _(message: str) -> str:
    """``message`` in the current language."""
    language = _LANGUAGE.get()
    return message if language == SOURCE_LANGUAGE else translations(language).gettext(message)


class _Keep(dict[str, object]):
    """Format values that leaves a placeholder it is not given as it is (``{physio}`` is filled later)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _f(message: str, **values: object) -> str:
    """``message`` in the current language with ``values`` put in its ``{placeholders}``.

    A placeholder not given (``{physio}``, ``{shoe_life}``) is left for ``plan.wording`` to fill.
    """
    return _(message).format_map(_Keep(values))


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue where it is stored; it is looked up (``_``) where it is used."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural message for ``count``, in the current language."""
    language = _LANGUAGE.get()
    if language == SOURCE_LANGUAGE:
        return singular if count == 1 else plural
    return translations(language).ngettext(singular, plural, count)


def number(value: float, digits: int = 1) -> str:
    """``3.1`` in English, ``3,1`` in Spanish: rounded to ``digits`` places, no trailing zeros, no grouping."""
    from babel.numbers import format_decimal

    rounded = round(value, digits)
    if _LANGUAGE.get() == SOURCE_LANGUAGE:
        return f"{rounded:g}"
    return format_decimal(rounded, format="0." + "#" * max(digits, 1), locale=_LANGUAGE.get())


def percent(value: float) -> str:
    """``75%``; ``75 %`` in Spanish."""
    from babel.numbers import format_percent

    if _LANGUAGE.get() == SOURCE_LANGUAGE:
        return f"{value:.0%}"
    return format_percent(value, locale=_LANGUAGE.get())


def long_date(value: dt.date) -> str:
    """``7 December 2026``; ``7 de diciembre de 2026``."""
    from babel.dates import format_date

    return format_date(value, format=_("d MMMM y"), locale=_locale())


def short_date(value: dt.date) -> str:
    """``7 Dec``; ``7 dic``."""
    from babel.dates import format_date

    return format_date(value, format=_("d MMM"), locale=_locale())


def day_and_date(value: dt.date) -> str:
    """``Mon 07 Dec``; ``lun 07 dic``: a session's day in a list of sessions."""
    from babel.dates import format_date

    if _LANGUAGE.get() == SOURCE_LANGUAGE:
        return value.strftime("%a %d %b")
    return format_date(value, format="EEE dd MMM", locale=_locale())


def weekday_names(width: Literal["abbreviated", "wide"] = "abbreviated") -> tuple[str, ...]:
    """Monday to Sunday: ``Mon`` … (``abbreviated``) or ``Monday`` … (``wide``), in the current language."""
    from babel.dates import get_day_names

    names = get_day_names(width, context="format", locale=_locale())
    return tuple(str(names[day]) for day in range(7))


def _locale() -> str:
    language = _LANGUAGE.get()
    return "en_GB" if language == SOURCE_LANGUAGE else language.replace("-", "_")


K = TypeVar("K")
V = TypeVar("V", str, tuple[str, ...], tuple[str, str])


class Words(Mapping[K, V], Generic[K, V]):
    """A table of English messages (marked ``N_``) that gives each value in the current language when read."""

    def __init__(self, table: Mapping[K, V]) -> None:
        self._table: dict[K, V] = dict(table)

    def __getitem__(self, key: K) -> V:
        value: str | tuple[str, ...] = self._table[key]
        if isinstance(value, str):
            return cast(V, _(value))  # type: ignore[redundant-cast]  # V is str here
        return cast(V, tuple(_(part) for part in value))

    def __iter__(self) -> Iterator[K]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    def english(self, key: K) -> V:
        """The value as written, in English."""
        return self._table[key]
