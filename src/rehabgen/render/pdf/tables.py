"""The handout's tables: the calendar, the running plan, the tracking log and the outcome pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from rehabgen.i18n import N_, _, _f, number, short_date
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.programme import Programme, Session, Week
from rehabgen.model.vocab import Phase
from rehabgen.render.pdf.flowables import Stack, TickBox, boxed, bullets, grid_style, numbered, para, side_by_side
from rehabgen.render.pdf.pages import checklist
from rehabgen.render.pdf.styles import AMBER, PHASE_TINT, Theme, styles
from rehabgen.render.text import (
    NO_RUNNING,
    OUTCOME_MEASURES,
    OUTCOMES_INTRO,
    OUTCOMES_NOTE,
    TRACKING_INTRO,
    activity,
    calendar_intro,
    day_headers,
    for_region,
    minutes,
    outcome_times,
    running_intro,
    running_rules,
    session_label,
)
from rehabgen.words.units import distance

_PHASE_SHORT = {
    Phase.PROTECT: N_("Protect"),
    Phase.RESTORE: N_("Restore"),
    Phase.STRENGTHEN: N_("Strengthen"),
    Phase.RETURN_TO_RUN: N_("Return to run"),
}


def _day_lines(programme: Programme, week: Week, theme: Theme) -> list[Flowable]:
    """A week's days with sessions, a line each (the large-print calendar)."""
    s = styles(theme)
    start = programme.meta.start_date
    headers = day_headers(programme)
    out: list[Flowable] = []
    for day in range(1, 8):
        sessions = [session_label(sess, programme.meta.units) for sess in week.sessions if sess.day == day]
        if not sessions:
            continue
        when = headers[day - 1]
        if start is not None:
            date = start + dt.timedelta(days=(week.week - 1) * 7 + day - 1)
            when += " " + short_date(date)
        out.append(para("; ".join(sessions), s["cell"], bold_prefix=when + ":"))
    return out or [para(_("Rest"), s["cell"])]


def calendar(programme: Programme, theme: Theme, *, pain_column: bool = False) -> list[Flowable]:
    """Weeks × days, each cell naming its sessions; phase bands and lighter weeks marked.

    With ``pain_column`` (the sheets layout) a last column takes the week's pain score, written by hand.
    """
    s = styles(theme)
    start = programme.meta.start_date
    header = [para(_("Week"), s["cell_bold"]), *(para(h, s["cell_bold"]) for h in day_headers(programme))]
    if pain_column:
        header.append(para(_("Your pain (0–10)"), s["cell_bold"]))
    rows: list[list[Any]] = [header]
    commands = grid_style()
    for i, week in enumerate(programme.weeks, 1):
        first = para(_f("Week {week}", week=week.week), s["cell_bold"])
        lines = [first, para(_(_PHASE_SHORT[week.phase]), s["cell"])]
        if week.deload:
            lines.append(para(_("Lighter week"), s["cell_bold"]))
        if week.running_km:
            running = _f("{distance} running", distance=distance(week.running_km, programme.meta.units))
            lines.append(para(running, s["cell"]))
        row: list[Any] = [Stack(lines)]
        if theme.large:  # a line per day: seven columns would break words at this size
            row.append(_day_lines(programme, week, theme))
            if pain_column:
                row.append("")
            rows.append(row)
            commands.append(("BACKGROUND", (0, i), (-1, i), PHASE_TINT[week.phase]))
            continue
        for day in range(1, 8):
            cell: list[Flowable] = []
            if start is not None:
                date = start + dt.timedelta(days=(week.week - 1) * 7 + day - 1)
                cell.append(para(short_date(date), s["tiny"]))
            for session in week.sessions:
                if session.day == day:
                    style = s["cell_bold"] if session.kind in ("exercise", "run") else s["cell"]
                    cell.append(para(session_label(session, programme.meta.units), style))
            if not any(sess.day == day for sess in week.sessions):
                cell.append(para(_("Rest"), s["cell"]))
            row.append(Stack(cell))
        if pain_column:
            row.append("")
        rows.append(row)
        commands.append(("BACKGROUND", (0, i), (-1, i), PHASE_TINT[week.phase]))
        if week.deload:
            commands.append(("LINEBEFORE", (0, i), (0, i), 3, colors.HexColor("#607d8b")))
    width = theme.frame_width
    first_col = width * (0.22 if theme.large else 0.14)
    pain_w = width * (0.16 if theme.large else 0.1) if pain_column else 0
    if theme.large:
        rows[0] = [rows[0][0], para(_("Days"), s["cell_bold"]), *rows[0][8:]]
        widths = [first_col, width - first_col - pain_w]
    else:
        widths = [first_col] + [(width - first_col - pain_w) / 7] * 7
    table = Table(rows, colWidths=widths + ([pain_w] if pain_column else []), repeatRows=1)
    table.setStyle(TableStyle(commands))
    out: list[Flowable] = [para(_("Your calendar"), s["h1"])]
    out.append(para(calendar_intro(programme, pain_column=pain_column), s["body"]))
    out.append(table)
    return out


def run_table(programme: Programme, runs: list[tuple[int, Session]], theme: Theme) -> Table:
    """One row per run: week, day, what to do, time running and distance."""
    s = styles(theme)
    titles = (_("Week"), _("Day"), _("Session"), _("Run time"), _("About"))
    rows: list[list[Any]] = [[para(h, s["cell_bold"]) for h in titles]]
    headers = day_headers(programme)
    for week, sess in runs:
        assert sess.run is not None
        run = sess.run
        if run.type == "walk_run":
            what = _f(
                "{repeats} × (run {run}, walk {walk})",
                repeats=run.repeats,
                run=minutes(run.run_min),
                walk=minutes(run.walk_min),
            )
            what += _f(" - step {level}", level=run.level) if run.level is not None else ""
            time = _f("{minutes} min running", minutes=number(run.repeats * run.run_min, 6))
        else:
            what = sess.title
            time = _f("{minutes} min", minutes=number(run.run_min, 6))
        rows.append(
            [
                para(str(week), s["cell"]),
                para(headers[sess.day - 1], s["cell"]),
                para(what, s["cell"]),
                para(time, s["cell"]),
                para(distance(run.km, programme.meta.units), s["cell"]),
            ]
        )
    width = theme.frame_width
    table = Table(rows, colWidths=[width * 0.08, width * 0.1, width * 0.5, width * 0.18, width * 0.14], repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    return table


def running_plan(
    programme: Programme, catalogue: Catalogue, theme: Theme, *, with_table: bool = True
) -> list[Flowable]:
    """The walk–run ladder and weekly kilometres, with its gates as checklists.

    Without the table (the sheets layout, where each block's runs are on its sheet) the page keeps the
    readiness check, the rules and how to run.
    """
    s = styles(theme)
    out: list[Flowable] = [para(_("Your running plan"), s["h1"])]
    runs = [(w.week, sess) for w in programme.weeks for sess in w.sessions if sess.kind == "run"]
    if not runs:
        why = next((w.message for w in programme.warnings if w.code in ("running_paused",)), None)
        out.append(para(why or for_region(NO_RUNNING, programme), s["body"]))
        return out
    first_week = runs[0][0]
    readiness = next((g for g in programme.gates if g.id == "running_readiness"), None)
    out.append(para(running_intro(programme, first_week, readiness_check=readiness is not None), s["body"]))
    if readiness is not None:
        out += [para(readiness.title, s["h3"]), para(readiness.text, s["body"]), *checklist(readiness.checklist, theme)]
    out.append(Spacer(1, theme.body * 0.4))
    out.append(para(_("The rules that keep running safe"), s["h3"]))
    out += bullets(running_rules(programme), s["body"])
    if with_table:
        out += [para(_("Session by session"), s["h3"]), run_table(programme, runs, theme), Spacer(1, theme.body * 0.5)]
    bone = next((a for a in programme.advice if a.id == "bone_stress_running"), None)
    if bone is not None:
        box = [para(bone.title, s["h3"]), para(bone.text, s["body"]), *bullets(bone.points, s["body"])]
        out += [boxed(box, theme, border=AMBER), Spacer(1, theme.body * 0.5)]
    gate_text = runs[0][1].run.gate if runs[0][1].run else None
    if gate_text:
        out.append(para(gate_text, s["body"], bold_prefix=_("Before every run:")))
    weekly = [(w.week, w.running_km) for w in programme.weeks if w.running_km]
    distances = "; ".join(
        _f("week {week}: {distance}", week=wk, distance=distance(km, programme.meta.units)) for wk, km in weekly
    )
    out.append(para(_f("About how far you run each week: {distances}.", distances=distances), s["small"]))
    out += _how_to_run(programme, catalogue, theme)
    return out


def _how_to_run(programme: Programme, catalogue: Catalogue, theme: Theme) -> list[Flowable]:
    """How to do the kinds of run the plan has, side by side when there are two."""
    s = styles(theme)
    kinds = {sess.run.type for w in programme.weeks for sess in w.sessions if sess.run is not None}
    ids = [i for i, kind in (("walk_run", "walk_run"), ("easy_run", "continuous")) if kind in kinds and i in catalogue]
    blocks: list[list[Flowable]] = []
    for exercise_id in ids:
        ex = catalogue[exercise_id]
        blocks.append([para(_f("How to do it: {exercise}", exercise=ex.name), s["h3"]), *numbered(ex.steps, s["body"])])
    return side_by_side(blocks, theme)


def tracking(programme: Programme, theme: Theme) -> list[Flowable]:
    """A tick box per session and a 0–10 pain diary per week."""
    s = styles(theme)
    headers = day_headers(programme)
    rows: list[list[Any]] = [
        [
            para(_("Week"), s["cell_bold"]),
            *(para(h, s["cell_bold"]) for h in headers),
            para(_("Usual pain (0–10)"), s["cell_bold"]),
            para(_("Pain next morning (0–10)"), s["cell_bold"]),
        ]
    ]
    box = theme.body * 0.8
    for week in programme.weeks:
        row: list[Any] = [para(_f("Week {week}", week=week.week), s["cell_bold"])]
        for day in range(1, 8):
            cell: list[Flowable] = []
            for sess in week.sessions:
                if sess.day == day and not sess.optional:
                    cell.append(
                        Table(
                            [[TickBox(box), para(_short(sess), s["tiny"])]],
                            colWidths=[box + 3, None],
                            style=[
                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                ("TOPPADDING", (0, 0), (-1, -1), 1),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                            ],
                        )
                    )
            row.append(cell)
        row += ["", ""]
        rows.append(row)
    width = theme.frame_width
    first = width * 0.09
    score = width * 0.12
    day_w = (width - first - 2 * score) / 7
    heights = [None] + [theme.body * 2.6] * (len(rows) - 1)  # room to write a number with a pen
    table = Table(rows, colWidths=[first] + [day_w] * 7 + [score, score], rowHeights=heights, repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    out: list[Flowable] = [para(_("Tracking your progress"), s["h1"])]
    out.append(para(_(TRACKING_INTRO), s["body"]))
    out.append(table)
    return out


def pain_diary(programme: Programme, theme: Theme) -> list[Flowable]:
    """The sheets layout's tracking page: pain once a week (the sessions are ticked on the sheets)."""
    s = styles(theme)
    headers = (_("Week"), _("Usual pain (0–10)"), _("Pain the morning after an exercise day (0–10)"), _("Notes"))
    rows: list[list[Any]] = [[para(h, s["cell_bold"]) for h in headers]]
    for week in programme.weeks:
        label = _f("Week {week}", week=week.week) + (_(" (lighter)") if week.deload else "")
        rows.append([para(label, s["cell_bold"]), "", "", ""])
    width = theme.frame_width
    heights = [None] + [theme.body * 2.4] * (len(rows) - 1)  # room to write with a pen
    table = Table(rows, colWidths=[width * 0.16, width * 0.17, width * 0.25, width * 0.42], rowHeights=heights)
    table.setStyle(TableStyle(grid_style()))
    out: list[Flowable] = [para(_("Tracking your pain"), s["h1"])]
    out.append(
        para(
            _(
                "Once a week, write your usual pain and your pain on waking the morning after an exercise day "
                "(0 = no pain, 10 = the worst imaginable). Bring this page to your appointments. Tick your sessions "
                "on the session sheets."
            ),
            s["body"],
        )
    )
    return [*out, table]


def _short(session: Session) -> str:
    if session.kind == "exercise":
        return _f("Ex {letter}", letter=session.variant)
    if session.kind == "cross_training":
        return activity(session)
    return _("Walk") if session.kind == "walk" else _("Run")


def outcomes(programme: Programme, theme: Theme) -> list[Flowable]:
    """G5: outcome measures at the start, halfway and the end (free-to-reproduce wording only)."""
    s = styles(theme)
    when = outcome_times(programme)
    rows: list[list[Any]] = [[para("", s["cell_bold"]), *(para(w, s["cell_bold"]) for w in when)]]
    for label, unit in ((for_region(label, programme), unit) for label, unit in OUTCOME_MEASURES):
        rows.append([para(label, s["cell"]), *(para(f"______ {unit}", s["cell_centre"]) for _time in when)])
    width = theme.frame_width
    table = Table(rows, colWidths=[width * 0.46] + [width * 0.18] * 3, repeatRows=1)
    commands = grid_style()
    commands += [
        ("TOPPADDING", (0, 1), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 8),
        ("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
    ]
    table.setStyle(TableStyle(commands))
    out: list[Flowable] = [para(_("Measuring your progress"), s["h1"])]
    out += [para(_(OUTCOMES_INTRO), s["body"]), para(for_region(OUTCOMES_NOTE, programme), s["small"])]
    out.append(table)
    return out
