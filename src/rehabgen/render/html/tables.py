"""The handout's tables: the calendar, the running plan, the tracking log and the outcome measures.

Every table has a caption and header cells with their scope, so a screen reader names the week and the day
of each cell; wide tables scroll sideways inside a focusable region instead of making the page wider.
"""

from __future__ import annotations

import datetime as dt

from rehabgen.i18n import _, _f, number, short_date
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.programme import Programme, Session, Week
from rehabgen.render.html.markup import Ids, el, esc, heading, para, table, text_list, void
from rehabgen.render.html.sections import Part, advice_block, checklist
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
from rehabgen.words.labels import PHASE_NAMES
from rehabgen.words.units import Units, distance


def _week_header(week: Week, units: Units) -> str:
    lines = [esc(_f("Week {week}", week=week.week)), el("span", esc(PHASE_NAMES[week.phase]), class_="small")]
    if week.deload:
        lines.append(el("strong", _("Lighter week")))
    if week.running_km:
        running = _f("{distance} running", distance=distance(week.running_km, units))
        lines.append(el("span", esc(running), class_="small"))
    return el("th", "<br>".join(lines), scope="row")


def calendar(programme: Programme, ids: Ids) -> Part:
    """Weeks × days, each cell naming its sessions; rows shaded by phase, lighter weeks marked."""
    start = programme.meta.start_date
    rows = []
    for week in programme.weeks:
        cells = _week_header(week, programme.meta.units)
        for day in range(1, 8):
            cell = ""
            if start is not None:
                date = start + dt.timedelta(days=(week.week - 1) * 7 + day - 1)
                cell += el("span", esc(short_date(date)), class_="date")
            sessions = [s for s in week.sessions if s.day == day]
            names = "".join(
                el("li", esc(session_label(s, programme.meta.units)), class_=s.kind.replace("_", "-")) for s in sessions
            )
            cell += el("ul", names) if names else esc(_("Rest"))
            cells += el("td", cell)
        lighter = " lighter" if week.deload else ""
        rows.append(el("tr", cells, class_=f"phase-{week.phase.value}{lighter}"))
    grid = table(_("Your sessions, week by week"), [_("Week"), *day_headers(programme)], rows, ids, class_="calendar")
    return Part("calendar", _("Your calendar"), para(calendar_intro(programme)) + grid)


def _run_rows(programme: Programme, runs: list[tuple[int, Session]]) -> list[str]:
    headers = day_headers(programme)
    rows = []
    for week, sess in runs:
        assert sess.run is not None
        run = sess.run
        if run.type == "walk_run":
            step = _f(" - step {level}", level=run.level) if run.level is not None else ""
            run_walk = {"repeats": run.repeats, "run": minutes(run.run_min), "walk": minutes(run.walk_min)}
            what = _f("{repeats} × (run {run}, walk {walk})", **run_walk) + step
            time = _f("{minutes} min running", minutes=number(run.repeats * run.run_min, 6))
        else:
            what, time = sess.title, _f("{minutes} min", minutes=number(run.run_min, 6))
        cells = [esc(headers[sess.day - 1]), esc(what), esc(time), esc(distance(run.km, programme.meta.units))]
        head = el("th", esc(_f("Week {week}", week=week)), scope="row")
        rows.append(el("tr", head + "".join(el("td", c) for c in cells)))
    return rows


def running_plan(programme: Programme, catalogue: Catalogue, ids: Ids) -> Part:
    """The walk–run ladder and weekly distances, with the readiness checklist and the rules."""
    runs = [(w.week, sess) for w in programme.weeks for sess in w.sessions if sess.kind == "run"]
    if not runs:
        why = next((w.message for w in programme.warnings if w.code == "running_paused"), None)
        return Part("running", _("Your running plan"), para(why or for_region(NO_RUNNING, programme)))
    readiness = next((g for g in programme.gates if g.id == "running_readiness"), None)
    content = para(running_intro(programme, runs[0][0], readiness_check=readiness is not None))
    if readiness is not None:
        gate = heading(3, readiness.title) + para(readiness.text) + checklist(readiness.checklist, ids)
        content += el("div", gate, class_="box gate")
    content += heading(3, _("The rules that keep running safe")) + text_list(running_rules(programme))
    content += heading(3, _("Session by session"))
    headers = [_("Week"), _("Day"), _("Session"), _("Run time"), _("About")]
    content += table(_("Every run, with its time running and distance"), headers, _run_rows(programme, runs), ids)
    bone = next((a for a in programme.advice if a.id == "bone_stress_running"), None)
    if bone is not None:
        content += el("div", advice_block(bone), class_="box bone")
    gate_text = runs[0][1].run.gate if runs[0][1].run else None
    if gate_text:
        content += para(gate_text, lead=_("Before every run:"))
    weekly = "; ".join(
        _f("week {week}: {distance}", week=w.week, distance=distance(w.running_km, programme.meta.units))
        for w in programme.weeks
        if w.running_km
    )
    content += para(weekly + ".", lead=_("Weekly running distance:"))
    for exercise_id in ("walk_run", "easy_run"):
        if exercise_id in catalogue:
            ex = catalogue[exercise_id]
            content += heading(3, _f("How to do it: {exercise}", exercise=ex.name)) + text_list(ex.steps, ordered=True)
    return Part("running", _("Your running plan"), content)


def _tick_label(session: Session) -> str:
    """A tracking box's label: which session it is."""
    if session.kind == "exercise":
        return _f("Exercises {letter}", letter=session.variant)
    if session.kind == "cross_training":
        return activity(session)
    return _("Walk") if session.kind == "walk" else _("Run")


def _score(label: str) -> str:
    """A box to write a score in, on screen or with a pen on paper."""
    return void("input", type="text", inputmode="numeric", size=3, class_="score", aria_label=label)


def tracking(programme: Programme, ids: Ids) -> Part:
    """A box to tick per session and the week's pain scores."""
    rows = []
    for week in programme.weeks:
        cells = el("th", esc(_f("Week {week}", week=week.week)), scope="row")
        for day in range(1, 8):
            ticks = ""
            for sess in (s for s in week.sessions if s.day == day and not s.optional):
                box = ids.new("tick")
                ticks += el(
                    "li", void("input", type="checkbox", id=box) + el("label", esc(_tick_label(sess)), for_=box)
                )
            cells += el("td", el("ul", ticks, class_="ticks") if ticks else "")
        cells += el("td", _score(_f("Week {week}: usual pain (0–10)", week=week.week)))
        cells += el("td", _score(_f("Week {week}: pain next morning (0–10)", week=week.week)))
        rows.append(el("tr", cells))
    headers = [_("Week"), *day_headers(programme), _("Usual pain (0–10)"), _("Pain next morning (0–10)")]
    grid = table(_("Sessions done and pain, week by week"), headers, rows, ids, class_="tracking")
    return Part("tracking", _("Tracking your progress"), para(_(TRACKING_INTRO)) + grid)


def outcomes(programme: Programme, ids: Ids) -> Part:
    """Outcome measures at the start, halfway and the end (clinical rules G5)."""
    when = outcome_times(programme)
    rows = []
    for label, unit in ((for_region(label, programme), unit) for label, unit in OUTCOME_MEASURES):
        cells = "".join(el("td", _score(f"{label}: {w}") + " " + esc(unit), class_="scored") for w in when)
        rows.append(el("tr", el("th", esc(label), scope="row") + cells))
    grid = table(_("Your scores at the start, halfway and at the end"), [_("Measure"), *when], rows, ids)
    content = para(_(OUTCOMES_INTRO)) + para(for_region(OUTCOMES_NOTE, programme), class_="small") + grid
    return Part("outcomes", _("Measuring your progress"), content)
