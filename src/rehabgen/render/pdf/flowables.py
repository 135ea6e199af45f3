"""Small flowable builders shared by the handout's sections: paragraphs from plain text, boxes, tick boxes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from rehabgen.render.pdf.fonts import SANS, SANS_BOLD, markup
from rehabgen.render.pdf.styles import RULE, Theme

FAST_STYLES = frozenset({"body", "small", "tiny", "cell", "cell_bold", "cell_centre", "label"})
"""Styles plain text may be drawn in by ``PlainText``: none of them is a bookmarked heading."""
_FAST_LENGTH = 900


def para(text: str, style: ParagraphStyle, *, bold_prefix: str | None = None) -> Flowable:
    """A paragraph from plain text (escaped and font-routed), optionally with a bold lead-in.

    Text in the main face is laid out by ``PlainText``: the same lines at a fraction of the cost of parsing it
    as markup (a handout has thousands of short paragraphs and table cells).
    """
    if style.name in FAST_STYLES and len(text) < _FAST_LENGTH and _plain(text) and _plain(bold_prefix or ""):
        return PlainText(text, style, lead=bold_prefix)
    body = markup(text)
    if bold_prefix:
        body = f"<b>{markup(bold_prefix)}</b> {body}"
    return Paragraph(body, style)


_PLAIN = re.compile("[ -~\u00a0-\u017f–—’‘“”…·×•→☐]*")
_WIDTHS: dict[tuple[str, str, float], float] = {}


def _plain(text: str) -> bool:
    """Text the main face draws as it stands: printable ASCII and Latin letters, no line breaks."""
    return _PLAIN.fullmatch(text) is not None


def _width(word: str, font: str, size: float) -> float:
    """A word's width, remembered: a handout sets the same words thousands of times."""
    key = (word, font, size)
    found = _WIDTHS.get(key)
    if found is None:
        if len(_WIDTHS) > 50_000:
            _WIDTHS.clear()
        found = _WIDTHS[key] = float(stringWidth(word, font, size))
    return found


class PlainText(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A paragraph of plain text in the main face, wrapped at spaces, with an optional bold lead-in and bullet.

    Lays out like a reportlab Paragraph of the same style (left-aligned or centred, hanging indent for a
    bullet) and draws each line with one or two ``drawString`` calls; the lines are kept per width.
    """

    def __init__(self, text: str, style: ParagraphStyle, *, lead: str | None = None, bullet: str | None = None):
        super().__init__()
        self.text = text
        self.style = style
        self.lead = lead
        self.bullet = bullet
        self._lines: list[list[tuple[str, bool]]] = []
        self._width = -1.0

    def _bold(self) -> str:
        return SANS_BOLD if self.style.fontName == SANS else self.style.fontName

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Break the text into lines for this width (once per width)."""
        if availWidth != self._width:
            self._lines = self._break(availWidth - self.style.leftIndent - self.style.rightIndent)
            self._width = availWidth
        self.width = availWidth
        self.height = self.style.leading * len(self._lines)
        return self.width, self.height

    def _break(self, width: float) -> list[list[tuple[str, bool]]]:
        size, regular, bold = self.style.fontSize, self.style.fontName, self._bold()
        space = _width(" ", regular, size)
        words = [(w, True) for w in (self.lead or "").split()] + [(w, False) for w in self.text.split()]
        lines: list[list[tuple[str, bool]]] = [[]]
        used = 0.0
        for word, is_bold in words:
            wide = _width(word, bold if is_bold else regular, size)
            if lines[-1] and used + space + wide > width:
                lines.append([])
                used = 0.0
            used += (space if lines[-1] else 0.0) + wide
            lines[-1].append((word, is_bold))
        return lines

    def getSpaceBefore(self) -> float:
        """The style's space before."""
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        """The style's space after."""
        return float(self.style.spaceAfter)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Never split: the paragraph moves whole (rehabgen's paragraphs are far shorter than a page)."""
        return []

    def draw(self) -> None:
        """Draw the lines, baseline by baseline, in one text object (far cheaper than a string per line)."""
        style, canvas = self.style, self.canv
        size, regular, bold = style.fontSize, style.fontName, self._bold()
        y = self.height - size
        text = canvas.beginText()
        text.setFillColor(style.textColor)
        if self.bullet:
            text.setTextOrigin(style.bulletIndent, y)
            text.setFont(regular, size)
            text.textOut(self.bullet)
        for line in self._lines:
            x = float(style.leftIndent)
            if style.alignment == TA_CENTER:
                x += (self.width - style.leftIndent - style.rightIndent - self._line_width(line)) / 2
            text.setTextOrigin(x, y)
            leading = [w for w, b in line if b]
            rest = [w for w, b in line if not b]
            if leading:
                text.setFont(bold, size)
                text.textOut(" ".join(leading) + (" " if rest else ""))
            if rest:
                text.setFont(regular, size)
                text.textOut(" ".join(rest))
            y -= style.leading
        canvas.drawText(text)

    def _line_width(self, line: list[tuple[str, bool]]) -> float:
        size = self.style.fontSize
        words = sum(_width(w, self._bold() if b else self.style.fontName, size) for w, b in line)
        return words + _width(" ", self.style.fontName, size) * (len(line) - 1)


def bullets(items: Sequence[str], style: ParagraphStyle, *, bullet: str = "•") -> list[Flowable]:
    """Bulleted paragraphs (hanging indent)."""
    indent = style.fontSize * 1.1
    hung = ParagraphStyle(f"{style.name}-bullet", parent=style, leftIndent=indent, bulletIndent=0)
    return [
        PlainText(item, hung, bullet=bullet)
        if _plain(item) and len(item) < _FAST_LENGTH and style.name in FAST_STYLES
        else Paragraph(markup(item), hung, bulletText=bullet)
        for item in items
    ]


def numbered(items: Sequence[str], style: ParagraphStyle) -> list[Flowable]:
    """Numbered paragraphs (hanging indent)."""
    indent = style.fontSize * 1.4
    hung = ParagraphStyle(f"{style.name}-numbered", parent=style, leftIndent=indent, bulletIndent=0)
    return [
        PlainText(item, hung, bullet=f"{n}.")
        if _plain(item) and len(item) < _FAST_LENGTH and style.name in FAST_STYLES
        else Paragraph(markup(item), hung, bulletText=f"{n}.")
        for n, item in enumerate(items, 1)
    ]


def side_by_side(columns: list[list[Flowable]], theme: Theme) -> list[Flowable]:
    """Two blocks of flowables in two columns; one block, or large print, stacks them (each kept together)."""
    if len(columns) < 2 or theme.large:
        return [KeepTogether(column) for column in columns]
    half = theme.frame_width / 2
    table = Table([columns], colWidths=[half, half])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 8),
            ]
        )
    )
    return [table]


def boxed(
    content: list[Any],
    theme: Theme,
    *,
    border: colors.Color,
    background: colors.Color | None = None,
    width: float | None = None,
    border_width: float = 1.2,
    padding: float = 8,
) -> Table:
    """Flowables inside a bordered (optionally filled) box the full frame width."""
    table = Table([[content]], colWidths=[width or theme.frame_width])
    commands: list[tuple[Any, ...]] = [
        ("BOX", (0, 0), (-1, -1), border_width, border),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding * 0.75),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding * 0.75),
    ]
    if background is not None:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), background))
    table.setStyle(TableStyle(commands))
    return table


class Stack(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Flowables one above the other, laid out once per width.

    A table cell holds one of these instead of a list, which the table would otherwise measure again and
    again while it lays out and draws.
    """

    def __init__(self, flowables: Sequence[Flowable]) -> None:
        super().__init__()
        self.flowables = list(flowables)
        self._width = -1.0
        self._heights: list[float] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Stack the flowables for this width (once per width)."""
        if availWidth != self._width:
            self._heights = [f.wrap(availWidth, availHeight)[1] for f in self.flowables]
            self._width = availWidth
        self.width = availWidth
        gaps = sum(f.getSpaceAfter() for f in self.flowables[:-1])
        self.height = sum(self._heights) + gaps
        return self.width, self.height

    def draw(self) -> None:
        """Each flowable under the one before."""
        y = self.height
        for flowable, height in zip(self.flowables, self._heights, strict=True):
            y -= height
            flowable.drawOn(self.canv, 0, y)
            y -= flowable.getSpaceAfter()


class TickLabel(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A box to tick with a short label beside it, on one line (the session sheets' dated boxes)."""

    def __init__(self, label: str, style: ParagraphStyle, size: float) -> None:
        super().__init__()
        self.label = label
        self.style = style
        self.size = size
        self.height = max(size, style.leading) + 3

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """One line, the width it is given."""
        self.width = availWidth
        return self.width, self.height

    def draw(self) -> None:
        """The box, then the label."""
        canvas = self.canv
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.8)
        canvas.rect(0, 1.5, self.size, self.size, stroke=1, fill=0)
        canvas.setFont(self.style.fontName, self.style.fontSize)
        canvas.setFillColor(self.style.textColor)
        canvas.drawString(self.size + 3, 1.5 + (self.size - self.style.fontSize * 0.7) / 2, self.label)


class TickBox(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """An empty square to tick with a pen."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size
        self.width = size
        self.height = size

    def draw(self) -> None:
        """Draw the box."""
        self.canv.setStrokeColor(colors.black)
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


def grid_style(header_rows: int = 1, *, font_size: float = 8) -> list[tuple[Any, ...]]:
    """Table commands for a light grid with a shaded header."""
    return [
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e6ebee")),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
