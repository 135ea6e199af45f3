"""The handout's tables: the calendar, the running plan, the tracking log and the outcome measures.

Every table has a caption and header cells with their scope, so a screen reader names the week and the day
of each cell; wide tables scroll sideways inside a focusable region instead of making the page wider.
"""

from __future__ import annotations

import datetime as dt

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
    lines = [esc(f"Week {week.week}"), el("span", esc(PHASE_NAMES[week.phase]), class_="small")]
    if week.deload:
        lines.append(el("strong", "Lighter week"))
    if week.running_km:
        lines.append(el("span", esc(f"{distance(week.running_km, units)} running"), class_="small"))
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
                cell += el("span", esc(f"{date.day} {date:%b}"), class_="date")
            sessions = [s for s in week.sessions if s.day == day]
            names = "".join(
                el("li", esc(session_label(s, programme.meta.units)), class_=s.kind.replace("_", "-")) for s in sessions
            )
            cell += el("ul", names) if names else "Rest"
            cells += el("td", cell)
        lighter = " lighter" if week.deload else ""
        rows.append(el("tr", cells, class_=f"phase-{week.phase.value}{lighter}"))
    grid = table("Your sessions, week by week", ["Week", *day_headers(programme)], rows, ids, class_="calendar")
    return Part("calendar", "Your calendar", para(calendar_intro(programme)) + grid)


def _run_rows(programme: Programme, runs: list[tuple[int, Session]]) -> list[str]:
    headers = day_headers(programme)
    rows = []
    for week, sess in runs:
        assert sess.run is not None
        run = sess.run
        if run.type == "walk_run":
            step = f" - step {run.level}" if run.level is not None else ""
            what = f"{run.repeats} × (run {minutes(run.run_min)}, walk {minutes(run.walk_min)}){step}"
            time = f"{run.repeats * run.run_min:g} min running"
        else:
            what, time = sess.title, f"{run.run_min:g} min"
        cells = [esc(headers[sess.day - 1]), esc(what), esc(time), esc(distance(run.km, programme.meta.units))]
        rows.append(el("tr", el("th", esc(f"Week {week}"), scope="row") + "".join(el("td", c) for c in cells)))
    return rows


def running_plan(programme: Programme, catalogue: Catalogue, ids: Ids) -> Part:
    """The walk–run ladder and weekly distances, with the readiness checklist and the rules."""
    runs = [(w.week, sess) for w in programme.weeks for sess in w.sessions if sess.kind == "run"]
    if not runs:
        why = next((w.message for w in programme.warnings if w.code == "running_paused"), None)
        return Part("running", "Your running plan", para(why or for_region(NO_RUNNING, programme)))
    readiness = next((g for g in programme.gates if g.id == "running_readiness"), None)
    content = para(running_intro(programme, runs[0][0], readiness_check=readiness is not None))
    if readiness is not None:
        gate = heading(3, readiness.title) + para(readiness.text) + checklist(readiness.checklist, ids)
        content += el("div", gate, class_="box gate")
    content += heading(3, "The rules that keep running safe") + text_list(running_rules(programme))
    content += heading(3, "Session by session")
    headers = ["Week", "Day", "Session", "Run time", "About"]
    content += table("Every run, with its time running and distance", headers, _run_rows(programme, runs), ids)
    bone = next((a for a in programme.advice if a.id == "bone_stress_running"), None)
    if bone is not None:
        content += el("div", advice_block(bone), class_="box bone")
    gate_text = runs[0][1].run.gate if runs[0][1].run else None
    if gate_text:
        content += para(gate_text, lead="Before every run:")
    weekly = "; ".join(
        f"week {w.week}: {distance(w.running_km, programme.meta.units)}" for w in programme.weeks if w.running_km
    )
    content += para(f"{weekly}.", lead="Weekly running distance:")
    for exercise_id in ("walk_run", "easy_run"):
        if exercise_id in catalogue:
            ex = catalogue[exercise_id]
            content += heading(3, f"How to do it: {ex.name}") + text_list(ex.steps, ordered=True)
    return Part("running", "Your running plan", content)


def _tick_label(session: Session) -> str:
    """A tracking box's label: which session it is."""
    if session.kind == "exercise":
        return f"Exercises {session.variant}"
    if session.kind == "cross_training":
        return activity(session)
    return {"walk": "Walk", "run": "Run"}[session.kind]


def _score(label: str) -> str:
    """A box to write a score in, on screen or with a pen on paper."""
    return void("input", type="text", inputmode="numeric", size=3, class_="score", aria_label=label)


def tracking(programme: Programme, ids: Ids) -> Part:
    """A box to tick per session and the week's pain scores."""
    rows = []
    for week in programme.weeks:
        cells = el("th", esc(f"Week {week.week}"), scope="row")
        for day in range(1, 8):
            ticks = ""
            for sess in (s for s in week.sessions if s.day == day and not s.optional):
                box = ids.new("tick")
                ticks += el(
                    "li", void("input", type="checkbox", id=box) + el("label", esc(_tick_label(sess)), for_=box)
                )
            cells += el("td", el("ul", ticks, class_="ticks") if ticks else "")
        cells += el("td", _score(f"Week {week.week}: usual pain (0–10)"))
        cells += el("td", _score(f"Week {week.week}: pain next morning (0–10)"))
        rows.append(el("tr", cells))
    headers = ["Week", *day_headers(programme), "Usual pain (0–10)", "Pain next morning (0–10)"]
    grid = table("Sessions done and pain, week by week", headers, rows, ids, class_="tracking")
    return Part("tracking", "Tracking your progress", para(TRACKING_INTRO) + grid)


def outcomes(programme: Programme, ids: Ids) -> Part:
    """Outcome measures at the start, halfway and the end (clinical rules G5)."""
    when = outcome_times(programme)
    rows = []
    for label, unit in ((for_region(label, programme), unit) for label, unit in OUTCOME_MEASURES):
        cells = "".join(el("td", _score(f"{label}: {w}") + " " + esc(unit), class_="scored") for w in when)
        rows.append(el("tr", el("th", esc(label), scope="row") + cells))
    grid = table("Your scores at the start, halfway and at the end", ["Measure", *when], rows, ids)
    content = para(OUTCOMES_INTRO) + para(for_region(OUTCOMES_NOTE, programme), class_="small") + grid
    return Part("outcomes", "Measuring your progress", content)
