"""Fonts shipped with rehabgen, and turning any text into safe reportlab markup that every name can print.

Three font families are bundled (licences beside them in ``fontfiles/``) so a fresh machine needs nothing:

* Noto Sans (regular, bold, italic, bold italic): the handout's face; Latin, Greek and Cyrillic, including
  Vietnamese ("Nguyễn Thị Minh Khai") and Polish ("Łukasz Żółć").
* DejaVu Sans: a fallback for symbols and scripts Noto Sans lacks.
* Droid Sans Fallback: Chinese, Japanese and Korean ("陈伟明"). It is large, so it is registered only when
  some text needs it.

reportlab has no automatic font fallback, so ``markup`` escapes the text (``&``, ``<`` and ``>`` would
otherwise break or silently drop words) and wraps each run of characters the main face lacks in a
``<font>`` tag naming a face that has them.
"""

from __future__ import annotations

import functools
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fontfiles"
SANS = "NotoSans"
SANS_BOLD = "NotoSans-Bold"
SANS_ITALIC = "NotoSans-Italic"
SANS_BOLD_ITALIC = "NotoSans-BoldItalic"
SYMBOLS = "DejaVuSans"
CJK = "DroidSansFallback"

_FILES = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    SANS_ITALIC: "NotoSans-Italic.ttf",
    SANS_BOLD_ITALIC: "NotoSans-BoldItalic.ttf",
    SYMBOLS: "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}


@functools.cache
def register_fonts() -> None:
    """Register the handout fonts once per process (never at import time)."""
    for name in (SANS, SANS_BOLD, SANS_ITALIC, SANS_BOLD_ITALIC, SYMBOLS, "DejaVuSans-Bold"):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / _FILES[name])))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD_ITALIC)
    pdfmetrics.registerFontFamily(
        SYMBOLS, normal=SYMBOLS, bold="DejaVuSans-Bold", italic=SYMBOLS, boldItalic="DejaVuSans-Bold"
    )


@functools.cache
def _register_cjk() -> None:
    pdfmetrics.registerFont(TTFont(CJK, str(FONT_DIR / _FILES[CJK])))
    pdfmetrics.registerFontFamily(CJK, normal=CJK, bold=CJK, italic=CJK, boldItalic=CJK)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(CJK, bold, italic, CJK)


@functools.cache
def _coverage(name: str) -> frozenset[int]:
    if name == CJK:
        _register_cjk()
    else:
        register_fonts()
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


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


def markup(text: str) -> str:
    """Escape ``text`` for a reportlab Paragraph and route characters to a face that can draw them."""
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
