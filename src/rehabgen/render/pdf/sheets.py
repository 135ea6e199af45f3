"""Session sheets in the PDF: one table per session and block of weeks, "what to do today".

Each row is an exercise in the order it is done: its picture, its name with a reminder (its first tip) and
the rest between sets, and its dose in words for each week of the block. Each week's column heading has a
box to tick for every dated session. The block's runs and cross-training follow its sheets. In large print
the dose goes under the exercise, one line a week, and the boxes to tick under the table.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from rehabgen.i18n import _, _f
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.programme import Programme, Session
from rehabgen.render.pdf.flowables import Stack, TickBox, TickLabel, para
from rehabgen.render.pdf.pages import warnings_box
from rehabgen.render.pdf.pictures import Picture, PictureStore
from rehabgen.render.pdf.styles import PHASE_TINT, RULE, Theme, styles
from rehabgen.render.sheets import Block, Sheet, SheetRow, blocks, day_names
from rehabgen.render.text import CLINICIAN_NOTE, SHEETS_INTRO
from rehabgen.words.doses import run_words
from rehabgen.words.labels import PHASE_NAMES
from rehabgen.words.units import Units

PICTURE_W = 72.0
PICTURE_H = 43.0
MARKS_PER_LINE = 5


def session_sheets(
    programme: Programme, catalogue: Catalogue, theme: Theme, pictures: PictureStore, *, warnings: bool = False
) -> list[Flowable]:
    """Every block's sheets, then its runs and cross-training; with ``warnings``, the plan's notes first."""
    s = styles(theme)
    out: list[Flowable] = [para(_("Your sessions, week by week"), s["h1"])]
    out.append(para(_(SHEETS_INTRO), s["body"]))
    if warnings:
        out += warnings_box(programme, theme)
    for block in blocks(programme):
        for sheet in block.sheets:
            out += sheet_flowables(sheet, catalogue, theme, pictures)
        out += block_extras(block, theme, programme.meta.units)
    return out


def sheet_flowables(sheet: Sheet, catalogue: Catalogue, theme: Theme, pictures: PictureStore) -> list[Flowable]:
    """One sheet: a heading band, the exercise table and the dated boxes to tick."""
    s = styles(theme)
    phases = _(" and ").join(PHASE_NAMES[p].lower() for p in sheet.phases)
    band = Table(
        [
            [
                [
                    para(sheet.title, s["h2"]),
                    para(
                        _f("{phases} phase. {how_often}", phases=phases.capitalize(), how_often=sheet.how_often()),
                        s["small"],
                    ),
                ]
            ]
        ],
        colWidths=[theme.frame_width],
    )
    band.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), PHASE_TINT[sheet.phases[0]]),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    table = (
        _large_table(sheet, catalogue, theme, pictures) if theme.large else _table(sheet, catalogue, theme, pictures)
    )
    ticks = tick_row(sheet, theme) if theme.large else []  # otherwise the boxes head each week's column
    # Start a new page rather than leave the heading and a row or two at the foot of one.
    return [CondPageBreak(theme.body * 15), band, table, *ticks, Spacer(1, theme.body)]


def _about(row: SheetRow, catalogue: Catalogue, theme: Theme) -> list[Flowable]:
    """The name column: name, each side / optional, a reminder and the rest between sets."""
    s = styles(theme)
    marks = [m for m, on in ((_("each side"), row.per_side), (_("optional"), row.optional)) if on]
    title = row.name + (" (" + ", ".join(marks) + ")" if marks else "")
    out: list[Flowable] = [para(title, s["cell_bold"])]
    exercise = catalogue.exercises.get(row.exercise_id)
    if exercise is not None and exercise.cues:
        out.append(para(exercise.cues[0], s["small"], bold_prefix=_("Remember:")))
    extra = " ".join(x for x in (row.note if row.optional else None, row.rest) if x)
    if extra:
        out.append(para(extra, s["small"]))
    if row.clinician_note:
        out.append(para(row.clinician_note, s["small"], bold_prefix=_(CLINICIAN_NOTE)))
    return out


def _picture(row: SheetRow, catalogue: Catalogue, pictures: PictureStore, width: float, height: float) -> Any:
    exercise = catalogue.exercises.get(row.exercise_id)
    return Picture(exercise, width, height, pictures) if exercise is not None else ""


def _table(sheet: Sheet, catalogue: Catalogue, theme: Theme, pictures: PictureStore) -> Table:
    s = styles(theme)
    weeks = sheet.weeks
    week_w = min(60.0, 200.0 / len(weeks))
    about_w = theme.frame_width - PICTURE_W - 8 - week_w * len(weeks)
    header = [
        para("", s["cell"]),
        para(_("Exercise. Tick the box under the week when you have done the session."), s["cell_bold"]),
    ]
    lighter = {span.weeks[0] for row in sheet.rows for span in row.doses if span.lighter}
    header += [Stack(_week_head(sheet, w, w in lighter, week_w, theme)) for w in weeks]
    rows: list[list[Any]] = [header]
    for row in sheet.rows:
        cells: list[Any] = [
            _picture(row, catalogue, pictures, PICTURE_W, PICTURE_H),
            Stack(_about(row, catalogue, theme)),
        ]
        by_week = {w: span.words for span in row.doses for w in span.weeks}
        cells += [para(by_week.get(w, "–"), s["cell"]) for w in weeks]
        rows.append(cells)
    table = Table(rows, colWidths=[PICTURE_W + 8, about_w, *([week_w] * len(weeks))], repeatRows=1)
    table.setStyle(TableStyle(_grid()))
    return table


def _week_head(sheet: Sheet, week: int, lighter: bool, width: float, theme: Theme) -> list[Flowable]:
    """A week column's heading: the week, and a box to tick for each of its sessions, with its day."""
    s = styles(theme)
    size = theme.body * 0.9
    out: list[Flowable] = [para(_f("Week {week}", week=week) + (_(" (lighter)") if lighter else ""), s["cell_bold"])]
    for mark in (m for m in sheet.marks if m.week == week):
        label = day_names()[mark.day - 1] + (f" {mark.date.day}" if mark.date else "")
        out.append(TickLabel(label, s["cell"], size))
    return out


def _large_table(sheet: Sheet, catalogue: Catalogue, theme: Theme, pictures: PictureStore) -> Table:
    """Large print: the picture scales with the type, and each week's dose is a line under the exercise."""
    s = styles(theme)
    scale = theme.body / 10
    width, height = PICTURE_W * scale, PICTURE_H * scale
    rows: list[list[Any]] = []
    for row in sheet.rows:
        about = _about(row, catalogue, theme)
        about += [para(span.words, s["cell"], bold_prefix=span.label + ":") for span in row.doses]
        rows.append([_picture(row, catalogue, pictures, width, height), about])
    table = Table(rows, colWidths=[width + 8, theme.frame_width - width - 8])
    table.setStyle(TableStyle(_grid(header=False)))
    return table


def _grid(*, header: bool = True) -> list[tuple[Any, ...]]:
    commands: list[tuple[Any, ...]] = [
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6ebee")))
    return commands


def tick_row(sheet: Sheet, theme: Theme) -> list[Flowable]:
    """A box to tick for every dated session of the sheet."""
    s = styles(theme)
    size = theme.body * 1.1
    per_line = MARKS_PER_LINE if not theme.large else 3
    cells = [[TickBox(size), para(mark.label, s["cell"])] for mark in sheet.marks]
    lines = [cells[i : i + per_line] for i in range(0, len(cells), per_line)]
    rows = [[part for cell in line for part in cell] + [""] * 2 * (per_line - len(line)) for line in lines]
    if not rows:
        return []
    label_w = (theme.frame_width - per_line * (size + 6)) / per_line
    table = Table(rows, colWidths=[size + 6, label_w] * per_line)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return [KeepTogether([Spacer(1, 4), para(_("Tick each session when you have done it:"), s["label"]), table])]


def block_extras(block: Block, theme: Theme, units: Units = "km") -> list[Flowable]:
    """The block's runs and cross-training, week by week in the sheets' columns (walks are in the calendar)."""
    s = styles(theme)
    weeks = block.weeks
    lines: dict[str, dict[int, list[str]]] = {}
    for week in weeks:
        for label, sessions in _others(week.sessions, units).items():
            lines.setdefault(label, {})[week.week] = [_day_words(days, text) for text, days in sessions.items()]
    if not lines:
        return []
    week_w = min(90.0, (theme.frame_width - 90) / len(weeks))
    label_w = theme.frame_width - week_w * len(weeks)
    header = [
        para(_("Runs and other exercise"), s["cell_bold"]),
        *(para(_f("Week {week}", week=w.week), s["cell_bold"]) for w in weeks),
    ]
    rows: list[list[Any]] = [header]
    for label, by_week in lines.items():
        cells = [[para(x, s["cell"]) for x in by_week.get(w.week, ["–"])] for w in weeks]
        rows.append([para(label, s["cell_bold"]), *cells])
    table = Table(rows, colWidths=[label_w, *([week_w] * len(weeks))], repeatRows=1)
    table.setStyle(TableStyle(_grid()))
    return [CondPageBreak(theme.body * 8), table, Spacer(1, theme.body)]


def _others(sessions: list[Session], units: Units) -> dict[str, dict[str, list[int]]]:
    """Runs and cross-training of a week: label → words → days."""
    found: dict[str, dict[str, list[int]]] = {}
    for sess in sessions:
        if sess.kind == "run" and sess.run is not None:
            label, text = _("Runs"), run_words(sess.run, units)
        elif sess.kind == "cross_training":  # walks are in the calendar
            label, text = _("Other exercise"), sess.title
        else:
            continue
        if sess.optional:
            text += _(" (optional)")
        found.setdefault(label, {}).setdefault(text, []).append(sess.day)
    return found


def _day_words(days: list[int], text: str) -> str:
    return ", ".join(day_names()[d - 1] for d in days) + ": " + text
