"""The handout's look: page geometry, colours and paragraph styles, built once per option set.

Large print scales every size so body text is 14 pt or more; the content stays the same. Colours are chosen
to survive greyscale printing: every coloured band also carries its meaning in words.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from rehabgen.model.vocab import Phase
from rehabgen.render.pdf.fonts import SANS, SANS_BOLD, register_fonts

DEFAULT_ACCENT = "#1f6f8b"

PHASE_TINT: dict[Phase, colors.Color] = {
    Phase.PROTECT: colors.HexColor("#fdecea"),
    Phase.RESTORE: colors.HexColor("#fff4d6"),
    Phase.STRENGTHEN: colors.HexColor("#e3f1e6"),
    Phase.RETURN_TO_RUN: colors.HexColor("#e2eef8"),
}
GREEN = colors.HexColor("#2e7d32")
AMBER = colors.HexColor("#b26a00")
RED = colors.HexColor("#c62828")
GREY = colors.HexColor("#555555")
LIGHT = colors.HexColor("#f2f4f5")
RULE = colors.HexColor("#b8c2c8")


@dataclass(frozen=True, slots=True)
class Theme:
    """Sizes and colours for one rendering."""

    page: tuple[float, float]
    body: float
    accent: str

    @property
    def large(self) -> bool:
        """Large-print mode."""
        return self.body >= 14

    @property
    def margin(self) -> float:
        """Page margin on every side."""
        return float(12 * mm)

    @property
    def footer_space(self) -> float:
        """Room kept at the foot of each page for the footer (two lines of its small type)."""
        return max(22.0, max(self.body * 0.72, 7) * 2.4)

    @property
    def frame_width(self) -> float:
        """Usable width between the margins."""
        return self.page[0] - 2 * self.margin

    @property
    def accent_colour(self) -> colors.Color:
        """The accent as a reportlab colour."""
        return colors.HexColor(self.accent)


def frame_height(theme: Theme) -> float:
    """The height a page leaves for content: the page less its margins and the footer."""
    return theme.page[1] - 2 * theme.margin - theme.footer_space


def make_theme(page_size: str, large_print: bool, accent: str | None) -> Theme:
    """The theme for ``--page-size`` and ``--large-print``."""
    page = LETTER if page_size.lower() == "letter" else A4
    return Theme(page=page, body=14.0 if large_print else 10.0, accent=accent or DEFAULT_ACCENT)


@functools.cache
def styles(theme: Theme) -> dict[str, ParagraphStyle]:
    """Paragraph styles for a theme (cached: built once per theme per process)."""
    register_fonts()
    b = theme.body
    # Bullets and list numbers in the bundled face too: reportlab's default is an unembedded Helvetica, which
    # text extraction and screen readers get as "\x7f" instead of "•".
    # Large type needs less extra line spacing than small type to read easily.
    leading, after = (1.22, 0.15) if theme.large else (1.32, 0.35)
    base = ParagraphStyle(
        "body", fontName=SANS, bulletFontName=SANS, fontSize=b, leading=b * leading, spaceAfter=b * after
    )
    # In large print nothing a patient reads is smaller than the body text: tables, labels and small print
    # scale with it. Only the codes for the clinician stay small.
    small, cell = (b, b) if theme.large else (b * 0.82, b * 0.8)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=small, leading=small * leading, spaceAfter=b * 0.2),
        "tiny": ParagraphStyle(
            "tiny", parent=base, fontSize=max(b * 0.72, 7), leading=max(b * 0.72, 7) * 1.2, spaceAfter=0
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=cell, leading=cell * 1.22, spaceAfter=0),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=base, fontName=SANS_BOLD, fontSize=cell, leading=cell * 1.22, spaceAfter=0
        ),
        "cell_centre": ParagraphStyle(
            "cell_centre", parent=base, fontSize=cell, leading=cell * 1.22, spaceAfter=0, alignment=TA_CENTER
        ),
        "bold": ParagraphStyle("bold", parent=base, fontName=SANS_BOLD),
        **_display_styles(base, theme),
        **_band_styles(base, theme),
    }


def _display_styles(base: ParagraphStyle, theme: Theme) -> dict[str, ParagraphStyle]:
    """Titles and headings, in proportion to the body text."""
    b = theme.body
    accent = theme.accent_colour
    return {
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=b * 2.1,
            leading=b * 2.5,
            textColor=accent,
            spaceAfter=b * 0.4,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=b * 1.15, leading=b * 1.5, textColor=GREY, spaceAfter=b * 0.6
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=b * 1.6,
            leading=b * 2.0,
            textColor=accent,
            spaceBefore=b * 0.4,
            spaceAfter=b * 0.5,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=b * 1.25,
            leading=b * 1.6,
            textColor=accent,
            spaceBefore=b * 0.6,
            spaceAfter=b * 0.3,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=b * 1.05,
            leading=b * 1.35,
            spaceBefore=b * 0.3,
            spaceAfter=b * 0.15,
        ),
        "card_title": ParagraphStyle(
            "card_title",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=b * 1.3,
            leading=b * 1.6,
            textColor=accent,
            spaceAfter=b * 0.1,
        ),
    }


def _band_styles(base: ParagraphStyle, theme: Theme) -> dict[str, ParagraphStyle]:
    """Labels, and the text on the coloured banner and header bands."""
    b = theme.body
    return {
        "label": ParagraphStyle(
            "label",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=b if theme.large else b * 0.85,
            leading=b * 1.3 if theme.large else b * 1.1,
            textColor=GREY,
            spaceAfter=b * 0.1,
            spaceBefore=b * 0.25,
        ),
        "banner": ParagraphStyle(
            "banner",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=b * 1.1,
            leading=b * 1.45,
            textColor=colors.white,
            alignment=TA_LEFT,
            spaceAfter=0,
        ),
        "banner_body": ParagraphStyle("banner_body", parent=base, textColor=colors.white, spaceAfter=b * 0.2),
        "header": ParagraphStyle(
            "header",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=b * 1.35,
            leading=b * 1.6,
            textColor=colors.white,
            spaceAfter=0,
        ),
        "header_small": ParagraphStyle(
            "header_small", parent=base, fontSize=b * 0.85, leading=b * 1.1, textColor=colors.white, spaceAfter=0
        ),
    }
