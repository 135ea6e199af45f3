"""Exercise cards: one ``<article>`` per exercise, grouped under the phase it first appears in.

A card carries what the PDF's card does (picture, name, why, muscles, kit, steps, tips, mistakes, cautions,
easier and harder versions) and the dose for every week in words (``words.doses``), so a screen reader
reads "weeks 2–3: 2 sets of 10 on each side" rather than "W2–3: 2×10".
"""

from __future__ import annotations

from rehabgen.i18n import _, _f
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import Exercise
from rehabgen.model.programme import ExerciseNotes, Programme
from rehabgen.model.vocab import Phase
from rehabgen.render.html.markup import Ids, el, esc, heading, para, text_list
from rehabgen.render.html.pictures import picture_svg
from rehabgen.render.html.sections import Part
from rehabgen.render.text import CLINICIAN_NOTE, EXERCISES_INTRO, notes_by_id, why_sentence
from rehabgen.render.usage import Usage, dose_groups, usages
from rehabgen.words.doses import dose_words
from rehabgen.words.labels import (
    CATEGORY_LABELS,
    EQUIPMENT_LABELS,
    MUSCLE_LABELS,
    PHASE_NAMES,
    PICTURE_MARK,
    PICTURE_SHOWS,
)


def exercises(programme: Programme, catalogue: Catalogue, ids: Ids) -> Part:
    """Every exercise's card, under the phase each first appears in."""
    used = {i: u for i, u in usages(programme).items() if i in catalogue}
    notes = notes_by_id(programme)
    anchors = {exercise_id: ids.new("exercise") for exercise_id in used}
    content = para(_(EXERCISES_INTRO))
    for phase in Phase:
        chosen = [i for i, u in used.items() if u.first_phase is phase]
        if not chosen:
            continue
        group_id = ids.new("phase")
        cards = "".join(card(catalogue[i], used[i], notes.get(i), catalogue, anchors[i], anchors) for i in chosen)
        title = heading(3, _f("Starting in the {phase} phase", phase=PHASE_NAMES[phase].lower()), group_id)
        content += el("section", title + cards, class_="phase-group", aria_labelledby=group_id)
    return Part("exercises", _("Your exercises"), content)


def picture_text(exercise: Exercise) -> str:
    """The picture's description: how to read it, and the starting position in the catalogue's words."""
    parts = [PICTURE_SHOWS[exercise.pose.show]]
    if exercise.pose.mark is not None:
        parts.append(_(PICTURE_MARK))
    parts.append(_f("Starting position: {step}", step=exercise.steps[0]))
    return " ".join(parts)


def _about(exercise: Exercise, usage: Usage, notes: ExerciseNotes | None) -> str:
    kind = _f("{category} · level {level}", category=CATEGORY_LABELS[exercise.category], level=exercise.level)
    if exercise.per_side:
        kind += _(" · each side")
    kind += " · " + ", ".join(sorted(usage.sessions)) + (_(" · optional") if usage.optional else "")
    out = para(kind, class_="small") + para(why_sentence(exercise, notes))
    out += para(", ".join(MUSCLE_LABELS[m] for m in exercise.muscles.primary), lead=_("Works:"), class_="small")
    if exercise.equipment:
        needed = ", ".join(EQUIPMENT_LABELS[e] for e in exercise.equipment)
        out += para(needed, lead=_("You need:"), class_="small")
    return out


def _versions(exercise: Exercise, catalogue: Catalogue, anchors: dict[str, str]) -> str:
    """Easier and harder versions, linked to their cards when they are in the plan too."""
    parts = []
    for lead, other in ((_("Too hard? Try"), exercise.easier), (_("Ready for more?"), exercise.harder)):
        if other is None or other not in catalogue:
            continue
        name = esc(catalogue[other].name)
        link = el("a", name, href="#" + anchors[other]) if other in anchors else name
        parts.append(f"{esc(lead)} {link}.")
    return el("p", " ".join(parts), class_="small") if parts else ""


def dose_list(usage: Usage) -> str:
    """The dose week by week, in words; weeks in a row with the same dose share a line."""
    weekly = [(week, dose_words(item), light) for week, item, light in usage.items]
    rows = ""
    for start, end, words, light in dose_groups(weekly):
        weeks = _f("Week {week}", week=start) if start == end else _f("Weeks {first}–{last}", first=start, last=end)
        rows += el("li", el("strong", esc(weeks + (_(" (lighter week)") if light else "") + ":")) + " " + esc(words))
    return el("ul", rows, class_="doses")


def card(
    exercise: Exercise,
    usage: Usage,
    notes: ExerciseNotes | None,
    catalogue: Catalogue,
    anchor: str,
    anchors: dict[str, str],
) -> str:
    """One exercise card: picture, name, why, muscles, steps, tips, mistakes, cautions, versions and dose."""
    title_id = f"{anchor}-h"
    picture = picture_svg(
        exercise,
        title=_f("Drawing of {exercise}", exercise=exercise.name),
        description=picture_text(exercise),
        id_prefix=f"{anchor}-pic",
    )
    head = el("figure", picture) + el("div", _about(exercise, usage, notes), class_="about")
    body = heading(4, exercise.name, title_id) + el("div", head, class_="card-head")
    body += heading(5, _("How to do it")) + text_list(exercise.steps, ordered=True)
    tips = heading(5, _("Tips")) + text_list(exercise.cues)
    avoid = heading(5, _("Avoid")) + text_list(exercise.mistakes)
    body += el("div", el("div", tips) + el("div", avoid), class_="columns")
    if usage.note:
        body += para(usage.note, lead=_("In your plan:"))
    if notes is not None and notes.clinician_note:
        body += para(notes.clinician_note, lead=_(CLINICIAN_NOTE))
    cautions = notes.cautions if notes is not None else ([exercise.caution] if exercise.caution else [])
    if cautions:
        body += el("div", para(" ".join(cautions), lead=_("Caution:")), class_="caution")
    body += _versions(exercise, catalogue, anchors)
    body += heading(5, _("Your dose")) + dose_list(usage)
    return el("article", body, id=anchor, class_="card", aria_labelledby=title_id)
