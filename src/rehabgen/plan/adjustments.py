"""A clinician's adjustments in the planner: checked first, then applied through the same rules as every choice.

Safety wins (clinical rules §8.4). Each adjustment is checked on its own: an unknown exercise, one that needs
kit the runner does not have, or a walk or run pinned into an exercise session is refused before planning.
The rest go through the selector's own rules: a dropped exercise is never chosen; a swapped-in or pinned one
only in weeks where no exclusion rule keeps its movements out, the phase's level allows it and the session
has room (``plan.sessions``); a dose is brought within G6 and G11 (``plan.adjusted_doses``). What was applied
and what was refused, and why, is reported afterwards (``plan.adjustment_report``). Nothing here runs for a
referral: triage is final.

A plan reissued at a review (``from_week``) is planned as before up to that week, and with the adjustments
from it: its earlier weeks are exactly those of the plan without adjustments.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from rehabgen.errors import Problem, ProfileError, UsageError
from rehabgen.i18n import _, _f
from rehabgen.model.adjustments import Adjustments, DoseChange, PinWindow
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.profile import Profile
from rehabgen.model.programme import AdjustmentKind, RefusedAdjustment
from rehabgen.model.template import Template
from rehabgen.plan.adjusted_doses import DoseTargets, adjustable, is_timed
from rehabgen.plan.phases import Layout
from rehabgen.plan.selection import Selector
from rehabgen.plan.sessions import Span, choose_sessions
from rehabgen.words.labels import EQUIPMENT_LABELS

REFUSAL_CODES = (
    "adjustment_unknown_exercise",
    "adjustment_not_for_sessions",
    "adjustment_needs_equipment",
    "adjustment_fixed_dose",
    "adjustment_excluded",
    "adjustment_too_hard",
    "adjustment_no_room",
    "adjustment_held_back",
    "adjustment_dose_lowered",
    "adjustment_not_in_plan",
    "adjustment_referral",
)
"""Every code a refused adjustment can carry (clinical rules §8.3)."""


@dataclass
class Adjusting:
    """The adjustments for one plan, after the checks that need no planning; ``refused`` holds the rest."""

    asked: Adjustments
    from_week: int
    weeks: int
    drop: list[str] = field(default_factory=list)
    pins: list[PinWindow] = field(default_factory=list)
    swaps: dict[str, str] = field(default_factory=dict)
    doses: dict[str, DoseChange] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    refused: list[RefusedAdjustment] = field(default_factory=list)

    @property
    def changes_sessions(self) -> bool:
        """Whether anything changes which exercises the sessions hold or their doses."""
        return bool(self.drop or self.pins or self.swaps or self.doses)

    def refuse(self, kind: AdjustmentKind, exercise_id: str | None, code: str, message: str) -> None:
        """Record a refusal (``item`` says which adjustment it was)."""
        self.refused.append(
            RefusedAdjustment(
                item=item_name(self, kind, exercise_id), kind=kind, exercise_id=exercise_id, code=code, message=message
            )
        )


def item_name(adjusting: Adjusting, kind: AdjustmentKind, exercise_id: str | None) -> str:
    """The adjustment as the clinician wrote it: ``pin bird_dog weeks 3–6``, ``swap dead_bug → bird_dog``."""
    if exercise_id is None:
        return kind
    if kind == "swap":
        return f"swap {exercise_id} → {adjusting.asked.swap.get(exercise_id, '?')}"
    if kind == "pin":
        window = next((p for p in adjusting.asked.pins() if p.id == exercise_id), None)
        if window is not None and not isinstance(_raw_pin(adjusting.asked, exercise_id), str):
            end = min(window.to_week, adjusting.weeks)
            return f"pin {exercise_id} weeks {window.from_week}–{end}"
    return f"{kind} {exercise_id}"


def _raw_pin(asked: Adjustments, exercise_id: str) -> str | PinWindow | None:
    return next((p for p in asked.pin if (p if isinstance(p, str) else p.id) == exercise_id), None)


def review_week(profile: Profile, from_week: int | None, weeks: int) -> int:
    """The first week the adjustments apply to: ``--from-week``, else the profile's, else week 1.

    Raises:
        UsageError: ``--from-week`` is after the programme's last week.
        ProfileError: the profile's ``adjustments › from_week`` is.
    """
    own = profile.adjustments.from_week if profile.adjustments else None
    chosen = from_week or own or 1
    if chosen > weeks:
        message = f"week {chosen} is after the end of this {weeks}-week programme"
        if from_week:
            raise UsageError([Problem(message, path=("--from-week",))])
        raise ProfileError([Problem(message, path=("adjustments", "from_week"))])
    return chosen


def prepare(asked: Adjustments, catalogue: Catalogue, profile: Profile, from_week: int, weeks: int) -> Adjusting:
    """The adjustments that can be tried, and the refusals that need no planning."""
    adjusting = Adjusting(asked, from_week, weeks)
    kit = set(profile.equipment)

    def usable(kind: AdjustmentKind, key: str, exercise_id: str, *, session: bool = True) -> bool:
        ex = catalogue.exercises.get(exercise_id)
        if ex is None:
            message = _f("'{id}' is not an exercise in the catalogue, so it cannot be used.", id=exercise_id)
            adjusting.refuse(kind, key, "adjustment_unknown_exercise", message)
            return False
        if session and is_timed(ex):
            message = _f(
                "{exercise} is a walk, run or other timed activity, not part of an exercise session.", exercise=ex.name
            )
            adjusting.refuse(kind, key, "adjustment_not_for_sessions", message)
            return False
        missing = [EQUIPMENT_LABELS[e] for e in ex.equipment if e not in kit]
        if session and missing:
            message = _f(
                "{exercise} needs {equipment}, which the runner does not have.",
                exercise=ex.name,
                equipment=", ".join(missing),
            )
            adjusting.refuse(kind, key, "adjustment_needs_equipment", message)
            return False
        return True

    adjusting.drop = [d for d in asked.drop if usable("drop", d, d, session=False)]
    for pin in asked.pins():
        if usable("pin", pin.id, pin.id):
            start, end = max(pin.from_week, from_week), min(pin.to_week, weeks)
            if start > end:
                message = _f(
                    "weeks {first}–{last} are outside weeks {start}–{end} of this plan.",
                    first=pin.from_week,
                    last=pin.to_week,
                    start=from_week,
                    end=weeks,
                )
                adjusting.refuse("pin", pin.id, "adjustment_not_in_plan", message)
            else:
                adjusting.pins.append(PinWindow(id=pin.id, from_week=start, to_week=end))
    for old, new in asked.swap.items():
        if old in asked.drop:
            message = _f("'{id}' is dropped, so it is not there to swap.", id=old)
            adjusting.refuse("swap", old, "adjustment_not_in_plan", message)
        elif usable("swap", old, old, session=False) and usable("swap", old, new):
            adjusting.swaps[old] = new
    for exercise_id, dose in asked.dose.items():
        if usable("dose", exercise_id, exercise_id, session=False):
            ex = catalogue[exercise_id]
            if adjustable(ex):
                adjusting.doses[exercise_id] = dose
            else:
                message = _f(
                    "{exercise} keeps its set pattern of repetitions or minutes; its dose cannot be set.",
                    exercise=ex.name,
                )
                adjusting.refuse("dose", exercise_id, "adjustment_fixed_dose", message)
    adjusting.notes = {i: n for i, n in asked.notes.items() if usable("notes", i, i, session=False)}
    return adjusting


def refuse_all(asked: Adjustments, weeks: int) -> list[RefusedAdjustment]:
    """Every adjustment, refused: triage sent the runner to a clinician, so there is no plan to adjust."""
    adjusting = Adjusting(asked, 1, weeks)
    message = _("Triage found a reason to see a clinician first: no plan is given, so no change is made to one.")
    entries: list[tuple[AdjustmentKind, str | None]] = [
        *(("drop", d) for d in asked.drop),
        *(("pin", p.id) for p in asked.pins()),
        *(("swap", s) for s in asked.swap),
        *(("dose", d) for d in asked.dose),
        *(("notes", n) for n in asked.notes),
        *((("note", None),) if asked.note else ()),
        *((("next_appointment", None),) if asked.next_appointment else ()),
    ]
    for kind, exercise_id in entries:
        adjusting.refuse(kind, exercise_id, "adjustment_referral", message)
    return adjusting.refused


def adjusted_selector(base: Selector, adjusting: Adjusting) -> Selector:
    """The selector with the clinician's drops, swaps and pins (the same exclusions, kit and levels)."""
    return Selector(
        base.profile,
        base.template,
        base.catalogue,
        base.excluded,
        dropped=frozenset(adjusting.drop),
        swaps=dict(adjusting.swaps),
        pins=tuple(adjusting.pins),
    )


def adjusted_blocks(layout: Layout, from_week: int, pins: list[PinWindow]) -> list[tuple[range, bool]]:
    """The blocks of weeks from ``from_week`` on, cut where a pinned exercise's weeks start or end.

    Each comes with whether it starts one of the plan's own blocks (where exercises step up their ladders);
    a part of a block keeps its exercises, the clinician's changes aside.
    """
    cuts = {from_week} | {p.from_week for p in pins} | {p.to_week + 1 for p in pins}
    found: list[tuple[range, bool]] = []
    for block in layout.blocks():
        if block.stop <= from_week:
            continue
        start = max(block.start, from_week)
        points = [start, *sorted(c for c in cuts if start < c < block.stop), block.stop]
        for a, b in itertools.pairwise(points):
            found.append((range(a, b), a == block.start))
    return found


def adjusted_spans(
    adjusted: Selector, layout: Layout, spans: list[Span], adjusting: Adjusting, sessions_n: int
) -> list[Span]:
    """The plan's spans before the review week, then those chosen with the adjustments from it.

    Raises:
        ProfileError: the dropped exercises leave an exercise session with nothing in it.
    """
    start = adjusting.from_week
    before = next((s for s in spans if start - 1 in s.weeks), None)
    later = choose_sessions(adjusted, layout, adjusted_blocks(layout, start, adjusting.pins), before)
    problems = []
    for span in later:
        for name, session in zip("AB", span.sessions if sessions_n > 1 else span.sessions[:1], strict=False):
            if not session:
                weeks = f"weeks {span.weeks.start}–{span.weeks.stop - 1}"
                message = f"session {name} of {weeks} has no exercise left once the dropped exercises are left out"
                problems.append(Problem(message + "; drop fewer", path=("adjustments", "drop")))
    if problems:
        raise ProfileError(problems)
    return [s for s in spans if s.weeks.start < start] + later


def dose_targets(adjusting: Adjusting, age: int) -> DoseTargets | None:
    """The clinician's doses for the weekly planning, or None."""
    return DoseTargets(adjusting.from_week, dict(adjusting.doses), age) if adjusting.doses else None


def merged_adjustments(profile: Profile, template: Template) -> Adjustments:
    """The template's adjustments with the profile's over them (``model.adjustments.merged``)."""
    from rehabgen.model.adjustments import merged

    return merged(template.adjustments, profile.adjustments)
