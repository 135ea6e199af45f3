"""Sentences every renderer prints the same way, built from the programme's codes and the words lookups.

The PDF and the HTML handout print the same content; what they say in the same place is written here once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rehabgen.i18n import N_, Words, _, _f, current_language, ngettext, number, weekday_names
from rehabgen.i18n import long_date as babel_long_date
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.clinic import Clinic
from rehabgen.model.exercise import Exercise
from rehabgen.model.programme import ExerciseNotes, Programme, Session
from rehabgen.model.vocab import Cause, Phase
from rehabgen.words.doses import run_words
from rehabgen.words.labels import ACTIVITY_NAMES, CAUSE_INFO, PHASE_NAMES
from rehabgen.words.units import Units, clinician_title, distance

PLACED_ADVICE = frozenset(
    {"safety_net", "disclaimer", "pain_monitoring", "progression", "peripheralisation", "bone_stress_running"}
)
"""Advice shown in its own place (cover, how-to-use, running plan) rather than among the general advice."""

LANGUAGE_TAGS = {"en": "en-GB"}
"""The tag documents declare for a language (BCP 47) where it is not the code itself (``es``)."""


def language_tag() -> str:
    """The language the handout's words are written in, as documents declare it: ``en-GB``, ``es``."""
    return LANGUAGE_TAGS.get(current_language(), current_language())


REFERRAL_TITLE = N_("Your back pain: what to do now")
NEUTRAL_HEADER = ("rehabgen", N_("Exercise plan for runners with lower back pain"))
"""The handout's header when no clinic file is given: a name and what the handout is."""
FOOTER_NOTE = N_("Not a diagnosis or medical advice.")

HOW_TO_USE = N_(
    "Each week has its exercise sessions, walks and (when it is safe) runs, shown in the calendar. "
    "The exercise pages explain every exercise and give your dose for each week. Tick each session "
    "off on the tracking pages and write down your pain once a week."
)
SHEETS_INTRO = N_(
    "Each sheet is one exercise session for a few weeks. Do the exercises from the top down, at the dose in "
    "this week's column, and tick the day when you have done them. “Each side” means the whole dose on one "
    "side, then the other. An optional exercise is only for days when it eases your symptoms."
)
EXERCISES_INTRO = N_(
    "Each card shows how to do the exercise and your dose for every week it is in your plan. "
    "Where a card says “each side”, do the repetitions on one side, then the other."
)
NO_RUNNING = N_(
    "Running is not part of this plan yet. Keep up the walking and exercises; "
    "your {physio} will tell you when to start the walk–run plan."
)
_WALK_RUN_RULES = (
    N_("Run only on your planned days, never two days in a row during the walk–run weeks."),
    N_(
        "Stay at each walk–run step for at least 2 sessions. Move on only if pain stayed at 3 out of 10 or "
        "less and did not flare the next morning; otherwise repeat the step."
    ),
    N_(
        "Once you run without walking breaks, your weekly distance rises by no more than 10% on your last "
        "full week, and no run is more than 10% longer than your longest run of the last 4 weeks. Your "
        "first such week starts at part of your usual distance, in short runs."
    ),
)
_CONTINUOUS_RULES = (
    N_("Run only on your planned days."),
    N_(
        "Your weekly distance rises by no more than 10% on your last full week, and no run is more than 10% "
        "longer than your longest run of the last 4 weeks. The plan starts at part of your usual distance."
    ),
)
_EVERY_RUN_RULES = (
    N_("A lighter week runs less than the week before it; the week after picks up where the last full week left off."),
    N_("Start every run with 5 minutes of brisk walking and finish with 5 minutes of easy walking."),
)


def running_rules(programme: Programme) -> list[str]:
    """The rules that keep running safe, for a plan with walk–run steps or with continuous running only."""
    runs = (sess.run for week in programme.weeks for sess in week.sessions if sess.run is not None)
    walk_run = any(run.type == "walk_run" for run in runs)
    return [_(rule) for rule in (*(_WALK_RUN_RULES if walk_run else _CONTINUOUS_RULES), *_EVERY_RUN_RULES)]


TRACKING_INTRO = N_(
    "Tick each session when you have done it. Once a week, write your usual pain and your pain "
    "on waking the morning after an exercise day (0 = no pain, 10 = the worst imaginable)."
)
OUTCOMES_INTRO = N_(
    "Fill this in at the start, halfway and at the end, and bring it to your appointments. "
    "For the activities, pick up to three things your back makes hard, one of them a run of a "
    "distance you choose, and score how well you can do each one. A change of 2 points or more "
    "is a real change."
)
OUTCOMES_NOTE = N_("The questionnaires are given to you by your {physio}; only your score goes here.")
OUTCOME_MEASURES = (
    (N_("Pain right now (0–10)"), "/10"),
    (N_("Worst pain in the last 24 hours (0–10)"), "/10"),
    (N_("Pain during running (0–10; leave empty if not running yet)"), "/10"),
    (
        N_(
            "Activity 1: running a distance of your choice: ______. How well can you "
            "do it? (0 = cannot, 10 = as before)"
        ),
        "/10",
    ),
    (N_("Activity 2: ______________________ (0–10)"), "/10"),
    (N_("Activity 3: ______________________ (0–10)"), "/10"),
    (N_("Roland-Morris Disability Questionnaire score, if your {physio} uses it"), "/24"),
    (N_("Oswestry Disability Index, if your {physio} uses it"), "%"),
)
"""Outcome measures (label, unit): free-to-reproduce wording only (clinical rules G5)."""


def notes_by_id(programme: Programme) -> dict[str, ExerciseNotes]:
    """The programme's exercise notes, by exercise id (an exercise without notes gets empty ones)."""
    return {n.exercise_id: n for n in programme.exercises}


def why_sentence(exercise: Exercise, notes: ExerciseNotes | None) -> str:
    """What the exercise does, then why it is in this runner's plan."""
    if notes is None:
        return exercise.purpose
    if notes.why:
        return f"{exercise.purpose} {' '.join(notes.why)}"
    if notes.why_causes:
        causes = "; ".join(CAUSE_INFO[c][0] for c in notes.why_causes)
        return _f("{purpose} In your plan for: {causes}.", purpose=exercise.purpose, causes=causes)
    return exercise.purpose


def for_region(text: str, programme: Programme) -> str:
    """One of these templates with ``{physio}`` filled in: the region's word for the profession."""
    return _(text).replace("{physio}", clinician_title(programme.meta.region))


def clinician_heading(programme: Programme) -> str:
    """The heading of the clinician's page, in the region's word for the profession."""
    return _f("For your {physio} or doctor", physio=clinician_title(programme.meta.region))


def printed_title(programme: Programme) -> str:
    """The title every format prints: the template's programme title, or the referral's own."""
    return _(REFERRAL_TITLE) if programme.status.is_referral else programme.meta.title


def document_title(programme: Programme) -> str:
    """The document's title (PDF metadata, the web page's ``<title>``): what it is and who it is for."""
    meta = programme.meta
    who = meta.patient.name or meta.patient.id
    return printed_title(programme) + (_f(" for {name}", name=who) if who else "")


def long_date(value: dt.date | None) -> str | None:
    """``7 December 2026``; ``7 de diciembre de 2026``."""
    return babel_long_date(value) if value else None


def tier_lead(label: str, action: str | None) -> str:
    """A safety-net band's bold lead: ``EMERGENCY: Call 999 or go to A&E now``."""
    return _f("{label}: {action}", label=label, action=action) if action else label


def tier_text(text: str, action: str | None) -> str:
    """What follows a band's lead: ``if you have: numbness …`` (or the text alone when there is no action)."""
    return _f("if you have: {symptoms}", symptoms=text) if action else text


def causes_sentence(programme: Programme) -> str | None:
    """The causes the plan was built around, in plain words (None: a general plan)."""
    causes = [Cause(c) for c in programme.meta.causes]
    return "; ".join(CAUSE_INFO[c][0] for c in causes) or None


GENERAL_PLAN = N_("This is a general back-care and running plan: no specific cause was given.")


def minutes(value: float) -> str:
    """``30 s`` below a minute, else ``2 min``."""
    if value < 1:
        return _f("{seconds} s", seconds=int(value * 60))
    return _f("{minutes} min", minutes=number(value, 6))


def day_headers(programme: Programme) -> list[str]:
    """The weekday of each day of a programme week (``Day 1`` … without a start date)."""
    start = programme.meta.start_date
    if start is None:
        return [_f("Day {day}", day=d) for d in range(1, 8)]
    names = weekday_names()
    return [names[(start.weekday() + d) % 7] for d in range(7)]


def activity(session: Session) -> str:
    """A cross-training session's activity in a word or two."""
    if not session.items:
        return _("Cross-training")
    item = session.items[0]
    return ACTIVITY_NAMES.get(item.exercise_id, item.name)


def session_label(session: Session, units: Units = "km") -> str:
    """A calendar cell's short name for a session."""
    if session.kind == "exercise":
        text = _f("Exercises {letter}", letter=session.variant)
    elif session.kind == "walk":
        text = _f("Walk {minutes} min", minutes=session.duration_min)
    elif session.kind == "cross_training":
        text = _f("{activity} {minutes} min", activity=activity(session), minutes=session.duration_min)
    elif session.run is not None and session.run.type == "walk_run":
        text = _f("Walk–run: {run}", run=run_words(session.run, units))
    elif session.run is not None:
        text = _f("Run {distance}", distance=distance(session.run.km, units))
    else:
        text = session.title
    return _f("{session} (optional)", session=text) if session.optional else text


def calendar_intro(programme: Programme, *, pain_column: bool = False) -> str:
    """What the calendar's shading and session names mean (and, with a pain column, what to write in it)."""
    legend = "  ·  ".join(f"{PHASE_NAMES[p]}" for p in Phase if any(w.phase is p for w in programme.weeks))
    if pain_column:
        text = _f(
            "Rows are shaded by phase ({phases}). Exercises A and B are the two exercise sessions, on the session "
            "sheets. Sessions marked optional can be skipped.",
            phases=legend,
        )
        text += _(
            " At the end of each week, write your usual pain in the last column (0 = no pain, 10 = the worst "
            "imaginable), and bring this page to your appointments."
        )
    else:
        text = _f(
            "Rows are shaded by phase ({phases}). Exercises A and B are the two exercise sessions, on the exercise "
            "pages. Sessions marked optional can be skipped.",
            phases=legend,
        )
    return text


def running_intro(programme: Programme, first_week: int, *, readiness_check: bool) -> str:
    """The running plan's opening sentence; it points to the readiness boxes only when they are printed.

    A plan reissued at a review, whose running has already started, picks it up from the review week.
    """
    start = programme.meta.from_week
    if not readiness_check:
        if start and first_week == start:
            return f"Your running carries on from week {first_week}, as below. Keep to the rules on this page."
        if first_week == 1:
            return _("You keep running from week 1. Keep to the rules on this page.")
        return _f("Running starts in week {week}. Keep to the rules on this page.", week=first_week)
    return _f(
        "Running starts in week {week}. Before your first run, check that you can tick every box below. If you "
        "cannot, keep going with the exercises and try again in a week.",
        week=first_week,
    )


def outcome_times(programme: Programme) -> list[str]:
    """When the outcome measures are taken: the start (or the review week), halfway and the last week."""
    numbers = [w.week for w in programme.weeks] or [1]
    first, last = numbers[0], numbers[-1]
    middle = max(first, first + (len(numbers) + 1) // 2 - 1)
    start = _("At the start") if first == 1 else _f("Week {week}", week=first)
    return [start, _f("Week {week}", week=middle), _f("Week {week}", week=last)]


def length_words(programme: Programme) -> str:
    """The title block's length: "8 weeks, 3 exercise sessions a week"."""
    meta = programme.meta
    total = meta.programme_weeks or len(programme.weeks)
    count = meta.sessions_per_week or 0
    weeks = ngettext("{count} week", "{count} weeks", total).format(count=total)
    sessions = ngettext("{count} exercise session a week", "{count} exercise sessions a week", count)
    return _f("{weeks}, {sessions}", weeks=weeks, sessions=sessions.format(count=count))


def updated_words(programme: Programme) -> str | None:
    """The title block's line for a plan reissued at a review: "At your review: this copy starts at week 5"."""
    start = programme.meta.from_week
    return _f("at your review; this copy starts at week {week}", week=start) if start and start > 1 else None


def traceability(programme: Programme) -> str:
    """The clinician page's last line: version, input code and why they trace the page."""
    return _f(
        "rehabgen {version}, inputs {inputs}. The same profile, template and catalogue always give the same plan "
        "and the same input code, so this page can be traced back to what produced it.",
        version=programme.rehabgen_version,
        inputs=programme.meta.input_hash,
    )


CLINICIAN_BOX = N_("Your {physio}")
"""The heading of page 1's block with the clinician's name, contact, next appointment and note (``for_region``
fills in the region's word for the profession)."""
NEXT_APPOINTMENT = N_("Next appointment")


def title_facts(
    programme: Programme,
    clinic: Clinic | None,
    printed: dt.date | None,
    *,
    name: str | None,
    with_clinician: bool,
    with_appointment: bool = False,
) -> list[tuple[str, str]]:
    """Who the plan is for, its dates, length and goal, as (label, value) rows under the title.

    ``name`` is the patient's name as the format prints it; ``with_clinician`` when no clinician's block
    names them (the referral page); ``with_appointment`` when that block is not on page 1 (large print).
    """
    meta = programme.meta
    facts: list[tuple[str, str]] = []
    if meta.patient.name and name is not None:
        facts.append((_("For"), name))
    if meta.patient.id:
        facts.append((_("Patient ID"), meta.patient.id))
    clinician = meta.clinician or (clinic.clinician if clinic else None)
    if clinician and with_clinician:
        facts.append((_("Clinician"), clinician))
    if start := long_date(meta.start_date):
        facts.append((_("Starts"), start))
    if programme.weeks:
        facts.append((_("Length"), length_words(programme)))
    if updated := updated_words(programme):
        facts.append((_("Updated"), updated))
    if meta.goal:
        facts.append((_("Your goal"), meta.goal))
    if with_appointment and meta.next_appointment:
        facts.append((_(NEXT_APPOINTMENT), meta.next_appointment))
    if printed and printed != meta.start_date:
        facts.append((_("Printed"), long_date(printed) or ""))
    return facts


CLINICIAN_NOTE = N_("From your clinician:")
"""The lead-in of the clinician's note on an exercise's card and sheet row."""
ADJUSTMENT_LABELS: Words[str, str] = Words(
    {
        "drop": N_("Leave out"),
        "pin": N_("Add"),
        "swap": N_("Swap out"),
        "dose": N_("Starting dose of"),
        "notes": N_("Note on"),
        "note": N_("Note on page 1"),
        "next_appointment": N_("Next appointment"),
    }
)
"""The clinician's page names each kind of adjustment in words (the JSON's ``kind`` in small print)."""


def clinician_lines(programme: Programme, clinic: Clinic | None) -> list[tuple[str, str | None, int]]:
    """Page 1's clinician block: (label, value, lines): a value of None leaves that many lines to write on.

    The name is the profile's clinician, else the clinic's; the contact the clinic's phone and email.
    """
    meta = programme.meta
    name = meta.clinician or (clinic.clinician if clinic else None)
    contact = " · ".join(x for x in (clinic.phone, clinic.email) if x) if clinic else ""
    return [
        (_("Name"), name, 1),
        (_("Contact"), contact or None, 1),
        (_(NEXT_APPOINTMENT), meta.next_appointment, 1),
        (_("Note"), meta.note, 2),
    ]


@dataclass
class AdjustmentRow:
    """One adjustment on the clinician's page: what was asked, what the plan does, what it does not, and why."""

    label: str
    item: str
    kind: str
    done: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    """(why, in words; the code)."""


def adjustment_rows(programme: Programme, catalogue: Catalogue) -> list[AdjustmentRow]:
    """The clinician's adjustments, one row each, in the order asked."""
    rows: dict[str, AdjustmentRow] = {}

    def row(item: str, kind: str, exercise_id: str | None) -> AdjustmentRow:
        if item not in rows:
            found = catalogue.exercises.get(exercise_id) if exercise_id else None
            name = found.name if found is not None else exercise_id
            rows[item] = AdjustmentRow(" ".join(x for x in (ADJUSTMENT_LABELS[kind], name) if x), item, kind)
        return rows[item]

    for applied in programme.adjustments.applied:
        row(applied.item, applied.kind, applied.exercise_id).done.append(applied.message)
    for refused in programme.adjustments.refused:
        row(refused.item, refused.kind, refused.exercise_id).refused.append((refused.message, refused.code))
    order = list(ADJUSTMENT_LABELS)
    return sorted(rows.values(), key=lambda r: order.index(r.kind))  # stable: in the order asked within a kind


def adjustments_heading(programme: Programme) -> str:
    """The heading of the clinician page's list of adjustments."""
    start = programme.adjustments.from_week
    if start > 1:
        return _f(
            "Changes at the review, from week {week} (weeks 1–{last} as first planned)", week=start, last=start - 1
        )
    return _("Changes asked for by the clinician")
