"""Small flowable builders shared by the handout's sections: paragraphs from plain text, boxes, tick boxes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from rehabgen.render.pdf.fonts import markup
from rehabgen.render.pdf.styles import RULE, Theme


def para(text: str, style: ParagraphStyle, *, bold_prefix: str | None = None) -> Paragraph:
    """A paragraph from plain text (escaped and font-routed), optionally with a bold lead-in."""
    body = markup(text)
    if bold_prefix:
        body = f"<b>{markup(bold_prefix)}</b> {body}"
    return Paragraph(body, style)


def bullets(items: Sequence[str], style: ParagraphStyle, *, bullet: str = "•") -> list[Paragraph]:
    """Bulleted paragraphs (hanging indent)."""
    indent = style.fontSize * 1.1
    hung = ParagraphStyle(f"{style.name}-bullet", parent=style, leftIndent=indent, bulletIndent=0)
    return [Paragraph(markup(item), hung, bulletText=bullet) for item in items]


def numbered(items: Sequence[str], style: ParagraphStyle) -> list[Paragraph]:
    """Numbered paragraphs (hanging indent)."""
    indent = style.fontSize * 1.4
    hung = ParagraphStyle(f"{style.name}-numbered", parent=style, leftIndent=indent, bulletIndent=0)
    return [Paragraph(markup(item), hung, bulletText=f"{n}.") for n, item in enumerate(items, 1)]


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
