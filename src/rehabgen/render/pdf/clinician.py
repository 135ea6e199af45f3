"""The clinician's hand on the handout: page 1's block, and the clinician page's list of adjustments.

Page 1 carries a small boxed table beside the title facts (under the safety net in large print): the clinician's name
and contact, the next appointment and a note, from the profile and the clinic file, or ruled lines to write on
when not given. The clinician's page lists every adjustment asked for: what the plan does with it and, for
what safety refused, why (with the JSON's code in small print).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from rehabgen.i18n import _
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.clinic import Clinic
from rehabgen.model.programme import Programme
from rehabgen.render.pdf.flowables import grid_style, para
from rehabgen.render.pdf.styles import LIGHT, RULE, Theme, styles
from rehabgen.render.text import (
    CLINICIAN_BOX,
    NEXT_APPOINTMENT,
    adjustment_rows,
    adjustments_heading,
    clinician_lines,
    for_region,
)

BOX_SHARE = 0.46
"""The clinician block's share of the frame's width, beside the title facts."""


def clinician_box(
    programme: Programme, theme: Theme, clinic: Clinic | None, width: float, *, on_page_1: bool = False
) -> Table:
    """Name, contact, next appointment and note; a ruled line to write on for each one not given.

    ``on_page_1``: the next appointment is already among page 1's facts (large print), so it is not repeated.
    """
    s = styles(theme)
    label_w = theme.body * (11.5 if theme.large else 9.6)
    rows: list[list[Any]] = [[para(for_region(CLINICIAN_BOX, programme), s["cell_bold"]), ""]]
    commands: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (1, 0)),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for label, value, lines in clinician_lines(programme, clinic):
        if on_page_1 and label == _(NEXT_APPOINTMENT):
            continue
        if value:
            rows.append([para(label, s["label"]), para(value, s["cell"])])
            continue
        for n in range(lines):
            row = len(rows)
            rows.append([para(label, s["label"]) if n == 0 else "", Spacer(1, theme.body * 1.45)])
            commands.append(("LINEBELOW", (1, row), (1, row), 0.6, colors.HexColor("#7d8b93")))
            commands.append(("VALIGN", (0, row), (-1, row), "BOTTOM"))
    table = Table(rows, colWidths=[label_w, width - label_w])
    table.setStyle(TableStyle(commands))
    return table


def beside(facts: Table | None, box: Table, theme: Theme) -> list[Flowable]:
    """The title facts and the clinician block side by side."""
    if facts is None:
        return [box]
    gap = theme.body
    left = theme.frame_width * (1 - BOX_SHARE) - gap
    table = Table([[facts, box]], colWidths=[left + gap, theme.frame_width - left - gap])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table]


def facts_width(theme: Theme) -> float:
    """The title facts' width when the clinician block stands beside them."""
    return theme.frame_width if theme.large else theme.frame_width * (1 - BOX_SHARE) - theme.body


def box_width(theme: Theme) -> float:
    """The clinician block's width."""
    return theme.frame_width if theme.large else theme.frame_width * BOX_SHARE


def adjustments_section(programme: Programme, catalogue: Catalogue, theme: Theme) -> list[Flowable]:
    """The clinician page's table of adjustments: asked, done, and not done with why (codes in small print)."""
    rows = adjustment_rows(programme, catalogue)
    if not rows:
        return []
    s = styles(theme)
    cells: list[list[Any]] = [[para(h, s["cell_bold"]) for h in (_("Change asked for"), _("What the plan does"))]]
    for row in rows:
        result = [para(text, s["cell"]) for text in row.done]
        for why, code in row.refused:
            result += [para(why, s["cell"], bold_prefix=_("Not as asked:") if row.done else _("Not done:"))]
            result.append(para(code, s["tiny"]))
        cells.append([[para(row.label, s["cell"]), para(row.item, s["tiny"])], result])
    w = theme.frame_width
    table = Table(cells, colWidths=[w * 0.32, w * 0.68], repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    return [para(adjustments_heading(programme), s["h3"]), table]
