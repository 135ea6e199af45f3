"""A clinician's starting doses (``adjustments › dose``), kept within the dose rules (clinical rules §8.4).

A dose asked for is first brought within the rules every dose keeps: at most 3 sets in a home programme (1 for
warm-ups and stretches, 2 for mobility), holds of 60 s at most (20 s for each of several repetitions), no more
than 12 minutes for one exercise, and a static stretch within G11 (1 set of 2 to
4 holds of 10 to 30 s, 30 to 60 s from 65, about 60 s in all). What was lowered is reported. An exercise new
to the plan starts at that dose; one already in it moves towards it one variable a week (sets one at a time),
as G6 asks, and the weekly limit on sets still applies. Once reached, the dose progresses as usual.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from rehabgen.i18n import _f
from rehabgen.model.adjustments import DoseChange
from rehabgen.model.exercise import Exercise
from rehabgen.model.vocab import Category
from rehabgen.plan.dosage import MAX_SETS, OLDER_ADULT_AGE, SETS_CAP, Dose, is_static_stretch, session_seconds

MAX_HOLD_S = 60
"""The longest single hold a dose may ask for (the progression's own ceiling, clinical rules §4.2)."""
MAX_REP_HOLD_S = 20
"""The longest hold of each repetition when a set has several (the progression's own ceiling)."""
MAX_EXERCISE_MIN = 12
"""The longest one exercise of a session may take at the dose asked for [JUDGEMENT]: a session stays short."""
MAX_REPS = 30
"""The most repetitions a set may ask for [JUDGEMENT]."""
STRETCH_TOTAL_S = (40, 90)
"""A static stretch's total hold, about 60 s (G11, checked as 40 to 90 s)."""


def adjustable(exercise: Exercise) -> bool:
    """Whether a dose can be set for this exercise: not a fixed McGill pyramid, not a timed activity."""
    return exercise.dosage.pyramid is None and exercise.dosage.duration_min is None


def stretch_holds(age: int) -> tuple[int, int]:
    """G11's hold range in seconds for this age."""
    return (30, 60) if age >= OLDER_ADULT_AGE else (10, 30)


def within_rules(dose: Dose, exercise: Exercise, age: int) -> tuple[Dose, list[str]]:
    """The dose brought within the rules every dose keeps, and what was changed, in words."""
    changes: list[str] = []
    if is_static_stretch(exercise):
        return _stretch(dose, age, changes), changes
    top = min(MAX_SETS, SETS_CAP.get(exercise.category, MAX_SETS))
    if dose.sets > top:
        changes.append(
            _f("{sets} sets lowered to {top}, the most for this kind of exercise at home", sets=dose.sets, top=top)
        )
        dose = replace(dose, sets=top)
    longest = MAX_HOLD_S if (dose.reps or 1) <= 1 else MAX_REP_HOLD_S
    if dose.hold_s is not None and dose.hold_s > longest:
        if (dose.reps or 1) <= 1:
            changes.append(_f("a {hold} s hold shortened to {longest} s", hold=dose.hold_s, longest=longest))
        else:
            text = _f("a {hold} s hold of each repetition shortened to {longest} s", hold=dose.hold_s, longest=longest)
            changes.append(text)
        dose = replace(dose, hold_s=longest)
    if dose.reps is not None and dose.reps > MAX_REPS:
        changes.append(_f("{reps} repetitions lowered to {most}", reps=dose.reps, most=MAX_REPS))
        dose = replace(dose, reps=MAX_REPS)
    if dose.reps is not None and session_seconds(dose, exercise) > MAX_EXERCISE_MIN * 60:
        asked = dose.reps
        while dose.reps is not None and dose.reps > 1 and session_seconds(dose, exercise) > MAX_EXERCISE_MIN * 60:
            dose = replace(dose, reps=dose.reps - 1)
        text = "{asked} repetitions lowered to {reps}, so it takes {minutes} minutes at most"
        changes.append(_f(text, asked=asked, reps=dose.reps, minutes=MAX_EXERCISE_MIN))
    return dose, changes


def _stretch(dose: Dose, age: int, changes: list[str]) -> Dose:
    """G11: 1 set of 2 to 4 holds in the age's range, about 60 s in all."""
    low, high = stretch_holds(age)
    hold = dose.hold_s if dose.hold_s is not None else low
    reps = dose.reps or 2
    if dose.sets != 1:
        changes.append(_f("{sets} sets: a stretch is done as 1 set of holds", sets=dose.sets))
    if not low <= hold <= high:
        kept = min(high, max(low, hold))
        changes.append(
            _f(
                "a {hold} s hold made {kept} s (a stretch is held {low} to {high} s)",
                hold=hold,
                kept=kept,
                low=low,
                high=high,
            )
        )
        hold = kept
    if not 2 <= reps <= 4:
        kept = min(4, max(2, reps))
        changes.append(_f("{reps} holds made {kept} (a stretch is done 2 to 4 times)", reps=reps, kept=kept))
        reps = kept
    least, most = STRETCH_TOTAL_S
    if reps * hold < least:
        reps = min(4, math.ceil(least / hold))
        hold = max(hold, math.ceil(least / reps))
        changes.append(_f("made {reps} holds of {hold} s: about 60 s of stretching in all", reps=reps, hold=hold))
    elif reps * hold > most:
        reps = max(2, most // hold)
        hold = min(hold, most // reps)
        changes.append(_f("made {reps} holds of {hold} s: about 60 s of stretching in all", reps=reps, hold=hold))
    return replace(dose, sets=1, reps=reps, hold_s=hold, pyramid=None)


def overlay(base: Dose, asked: DoseChange) -> Dose:
    """``base`` with the variables the clinician gave."""
    return replace(
        base,
        sets=asked.sets if asked.sets is not None else base.sets,
        reps=asked.reps if asked.reps is not None else base.reps,
        hold_s=asked.hold_s if asked.hold_s is not None else base.hold_s,
    )


VARIABLES = ("sets", "reps", "hold_s")


def toward(last: Dose, target: Dose, variables: tuple[str, ...] = VARIABLES) -> Dose:
    """One step from ``last`` towards ``target`` in these variables: one variable, sets one at a time (G6)."""
    if "sets" in variables and last.sets != target.sets:
        return replace(last, sets=last.sets + (1 if target.sets > last.sets else -1))
    if "reps" in variables and last.reps != target.reps:
        return replace(last, reps=target.reps)
    if "hold_s" in variables and last.hold_s != target.hold_s:
        return replace(last, hold_s=target.hold_s)
    return last


def _same(a: Dose, b: Dose, variables: tuple[str, ...]) -> bool:
    return all(getattr(a, name) == getattr(b, name) for name in variables)


@dataclass
class DoseTargets:
    """The clinician's doses, from ``from_week`` on.

    ``targets`` holds each dose as the rules allow it (fixed when first worked out), ``lowered`` what the rules
    changed, and ``reached`` the week each was first done (its progression goes on from there).
    """

    from_week: int
    asked: dict[str, DoseChange]
    age: int
    targets: dict[str, tuple[Dose, tuple[str, ...]]] = field(default_factory=dict)
    """Exercise id → the dose and the variables the clinician set (or the rules changed)."""
    lowered: dict[str, list[str]] = field(default_factory=dict)
    reached: dict[str, int] = field(default_factory=dict)

    def dose(self, week: int, exercise: Exercise, start: Dose, last: Dose | None, normal: Dose, ordinary: bool) -> Dose:
        """This week's dose of ``exercise``; ``normal`` is what the plan would give without the clinician.

        ``start`` is the phase's starting dose, ``last`` last week's (None: new to the plan), and ``ordinary``
        is False in a lighter week and the week after one, when the plan's own dose stands.
        """
        asked = self.asked.get(exercise.id)
        if asked is None or week < self.from_week or exercise.id in self.reached:
            return normal
        found = self.targets.get(exercise.id)
        if found is None:
            base = overlay(last or start, asked)
            target, self.lowered[exercise.id] = within_rules(base, exercise, self.age)
            named = {n for n in VARIABLES if getattr(asked, n) is not None or getattr(target, n) != getattr(base, n)}
            found = self.targets[exercise.id] = (target, tuple(n for n in VARIABLES if n in named))
        target, variables = found
        if last is None:
            return target  # new to the plan: it starts at the dose (``normal`` is the phase's start)
        return toward(last, target, variables) if ordinary else normal

    def note_done(self, week: int, done: dict[str, Dose]) -> None:
        """Record the exercises done this week at their clinician's dose."""
        for exercise_id, (target, variables) in self.targets.items():
            dose = done.get(exercise_id)
            if exercise_id not in self.reached and dose is not None and _same(dose, target, variables):
                self.reached[exercise_id] = week


def is_timed(exercise: Exercise) -> bool:
    """A walk, a run or a cross-training activity, dosed in minutes: not for an exercise session."""
    timed = (Category.WALKING, Category.CROSS_TRAINING, Category.RUNNING)
    return exercise.category in timed or exercise.dosage.duration_min is not None
