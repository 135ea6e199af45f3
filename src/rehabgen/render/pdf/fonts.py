"""Fonts shipped with rehabgen, and turning any text into safe reportlab markup that every name can print.

Three font families are bundled (licences beside them in ``fontfiles/``) so a fresh machine needs nothing:

* Noto Sans (regular and bold): the handout's face; Latin, Greek and Cyrillic, including
  Vietnamese ("Nguyễn Thị Minh Khai") and Polish ("Łukasz Żółć").
* DejaVu Sans: a fallback for symbols and scripts Noto Sans lacks.
* Droid Sans Fallback: Chinese, Japanese and Korean ("陈伟明").

Fallback faces are registered only when some text needs them, so a Latin-only handout parses two fonts.

reportlab has no automatic font fallback, so ``markup`` escapes the text (``&``, ``<`` and ``>`` would
otherwise break or silently drop words) and wraps each run of characters the main face lacks in a
``<font>`` tag naming a face that has them.

What cannot print is left out rather than drawn as empty boxes or garbled (``printable_text``): characters
no bundled face has (emoji; Korean Hangul, Devanagari, Thai and other scripts), and right-to-left scripts
(Hebrew, Arabic …), which reportlab would draw unjoined and in the wrong order. Text left with no letter or
digit prints as ``NOT_PRINTABLE``; ``rehabgen.render.pdf.printable`` warns about each such field.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from rehabgen.i18n import N_, _
from rehabgen.model.text import strip_unsafe

FONT_DIR = Path(__file__).resolve().parent / "fontfiles"
SANS = "NotoSans"
SANS_BOLD = "NotoSans-Bold"
SYMBOLS = "DejaVuSans"
SYMBOLS_BOLD = "DejaVuSans-Bold"
CJK = "DroidSansFallback"

_FILES = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    SYMBOLS: "DejaVuSans.ttf",
    SYMBOLS_BOLD: "DejaVuSans-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}


def _register(*names: str) -> None:
    for name in names:
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / _FILES[name])))


@functools.cache
def register_fonts() -> None:
    """Register the handout's face once per process (never at import time); fallbacks come when needed."""
    _register(SANS, SANS_BOLD)
    # The handout uses no italics: italic maps to the upright face rather than shipping two more files.
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD)


@functools.cache
def _register_symbols() -> None:
    register_fonts()
    _register(SYMBOLS, SYMBOLS_BOLD)
    pdfmetrics.registerFontFamily(SYMBOLS, normal=SYMBOLS, bold=SYMBOLS_BOLD, italic=SYMBOLS, boldItalic=SYMBOLS_BOLD)


@functools.cache
def _register_cjk() -> None:
    register_fonts()
    _register(CJK)
    pdfmetrics.registerFontFamily(CJK, normal=CJK, bold=CJK, italic=CJK, boldItalic=CJK)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(CJK, bold, italic, CJK)


@functools.cache
def _coverage(name: str) -> frozenset[int]:
    {CJK: _register_cjk, SYMBOLS: _register_symbols}.get(name, register_fonts)()
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


NOT_PRINTABLE = N_("(not printable here)")
"""What a field prints as when nothing of it can be printed."""
_RIGHT_TO_LEFT = frozenset({"R", "AL"})


def can_print(char: str) -> bool:
    """Whether a bundled face draws ``char`` as it should be read (not right-to-left, not missing)."""
    code = ord(char)
    if code < 0x250 or char in "\n\t":
        return True
    if unicodedata.bidirectional(char) in _RIGHT_TO_LEFT:
        return False
    return code in _coverage(SANS) or code in _coverage(SYMBOLS) or code in _coverage(CJK)


def unprintable(text: str) -> list[str]:
    """The distinct characters of ``text`` that cannot print, in order."""
    if text.isascii():
        return []
    return list(dict.fromkeys(ch for ch in text if not can_print(ch)))


def printable_text(text: str, fallback: str | None = None) -> str:
    """``text`` without what cannot print; ``fallback`` (``NOT_PRINTABLE``) when no letter or digit is left of it."""
    kept = _printable(text)
    if kept is not None:
        return kept
    return _(NOT_PRINTABLE) if fallback is None else fallback


@functools.lru_cache(maxsize=4096)
def _printable(text: str) -> str | None:
    if not unprintable(text):
        return text
    kept = re.sub(r"[ \t]{2,}", " ", "".join(ch for ch in text if can_print(ch))).strip()
    return kept if any(ch.isalnum() for ch in kept) else None


def face_for(char: str) -> str | None:
    """The fallback face a character needs, or None when the main face has it."""
    code = ord(char)
    if code < 0x250 or code in _coverage(SANS) or char in "\n\t":
        return None
    if code in _coverage(SYMBOLS):
        return SYMBOLS
    if code in _coverage(CJK):
        return CJK
    return None  # no bundled face has it: the main face prints its "missing" box


@functools.lru_cache(maxsize=16384)
def markup(text: str) -> str:
    """Escape ``text`` for a reportlab Paragraph and route characters to a face that can draw them.

    Control characters and bidirectional overrides are dropped (input files may not hold them at all), and
    so is what no bundled face can print as it should be read (``printable_text``).
    """
    text = printable_text(strip_unsafe(text))
    if text.isascii():
        return escape(text).replace("\n", "<br/>")
    parts: list[str] = []
    run: list[str] = []
    face: str | None = None
    for char in text:
        needed = face_for(char)
        if needed != face and run:
            parts.append(_wrap("".join(run), face))
            run = []
        face = needed
        run.append(char)
    if run:
        parts.append(_wrap("".join(run), face))
    return "".join(parts).replace("\n", "<br/>")


def _wrap(run: str, face: str | None) -> str:
    text = escape(run)
    return text if face is None else f'<font name="{face}">{text}</font>'


def plain_face(text: str, default: str = SANS) -> str:
    """For canvas drawing (no markup): the one face that can draw all of ``text``."""
    faces = {face_for(c) for c in text} - {None}
    if CJK in faces:
        return CJK
    if SYMBOLS in faces:
        return SYMBOLS
    return default
