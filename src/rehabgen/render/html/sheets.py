"""The session sheets as HTML: one captioned table per session and block of weeks (see ``render.sheets``).

A row per exercise in the order done (name, each side, the first tip, the rest between sets, the clinician's
note) and a column per week with the dose in words; each week's heading has a checkbox for every dated
session. The block's runs and cross-training follow in a list.
"""

from __future__ import annotations

from rehabgen.i18n import _, _f, short_date
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.programme import Programme
from rehabgen.render.html.markup import Ids, el, esc, heading, para, text_list, void
from rehabgen.render.html.sections import Part
from rehabgen.render.sheets import Block, Sheet, SheetRow, blocks, day_names
from rehabgen.render.text import CLINICIAN_NOTE, SHEETS_INTRO
from rehabgen.words.doses import run_words
from rehabgen.words.labels import PHASE_NAMES
from rehabgen.words.units import Units


def session_sheets(programme: Programme, catalogue: Catalogue, ids: Ids) -> Part:
    """Every block's sheets, then its runs and cross-training."""
    content = para(_(SHEETS_INTRO))
    for block in blocks(programme):
        for sheet in block.sheets:
            content += _sheet(sheet, catalogue, ids)
        content += _extras(block, programme.meta.units)
    return Part("sheets", _("Your sessions, week by week"), content)


def _sheet(sheet: Sheet, catalogue: Catalogue, ids: Ids) -> str:
    phases = _(" and ").join(PHASE_NAMES[p].lower() for p in sheet.phases)
    caption_id = ids.new("sheet")
    text = _f(
        "{sheet}. {phases} phase. {how_often}",
        sheet=sheet.title,
        phases=phases.capitalize(),
        how_often=sheet.how_often(),
    )
    caption = el("caption", esc(text), id=caption_id)
    heads = el("th", _("Exercise"), scope="col") + "".join(_week_head(sheet, week, ids) for week in sheet.weeks)
    rows = "".join(_row(row, sheet.weeks, catalogue) for row in sheet.rows)
    table = el("table", caption + el("thead", el("tr", heads)) + el("tbody", rows), class_="sheet")
    return el("div", table, class_="table-scroll", role="region", aria_labelledby=caption_id, tabindex=0)


def _week_head(sheet: Sheet, week: int, ids: Ids) -> str:
    lighter = any(span.lighter and span.weeks[0] == week for row in sheet.rows for span in row.doses)
    ticks = ""
    for mark in (m for m in sheet.marks if m.week == week):
        box = ids.new("done")
        day = day_names()[mark.day - 1]
        label = _f("Done {day} {date}", day=day, date=short_date(mark.date)) if mark.date else _f("Done {day}", day=day)
        ticks += el("li", void("input", type="checkbox", id=box) + el("label", esc(label), for_=box))
    title = esc(_f("Week {week}", week=week)) + (" " + el("span", _("(lighter)"), class_="small") if lighter else "")
    return el("th", title + (el("ul", ticks, class_="ticks") if ticks else ""), scope="col")


def _row(row: SheetRow, weeks: list[int], catalogue: Catalogue) -> str:
    marks = [m for m, on in ((_("each side"), row.per_side), (_("optional"), row.optional)) if on]
    name = el("strong", esc(row.name)) + (esc(" (" + ", ".join(marks) + ")") if marks else "")
    exercise = catalogue.exercises.get(row.exercise_id)
    notes = [exercise.cues[0]] if exercise is not None and exercise.cues else []
    notes += [x for x in (row.note if row.optional else None, row.rest) if x]
    about = name + "".join(el("span", esc(n), class_="small block") for n in notes)
    if row.clinician_note:
        about += el("span", el("strong", esc(_(CLINICIAN_NOTE))) + " " + esc(row.clinician_note), class_="small block")
    by_week = {w: span.words for span in row.doses for w in span.weeks}
    cells = "".join(el("td", esc(by_week.get(w, "–"))) for w in weeks)
    return el("tr", el("th", about, scope="row") + cells)


def _extras(block: Block, units: Units) -> str:
    weeks = block.week_numbers
    if len(weeks) == 1:
        span = _f("week {week}", week=weeks[0])
    else:
        span = _f("weeks {first}–{last}", first=weeks[0], last=weeks[-1])
    lines = []
    for week in block.weeks:
        for sess in week.sessions:
            if sess.kind == "run" and sess.run is not None:
                what = run_words(sess.run, units)
                lines.append(_f("Week {week}, {day}: {what}", week=week.week, day=day_names()[sess.day - 1], what=what))
            elif sess.kind == "cross_training":
                day = day_names()[sess.day - 1]
                lines.append(_f("Week {week}, {day}: {what}", week=week.week, day=day, what=sess.title))
    if not lines:
        return ""
    return heading(3, _f("Runs and other exercise in {weeks}", weeks=span)) + text_list(lines)
