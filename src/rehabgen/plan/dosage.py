"""Doses: where each exercise starts in a phase, and how it moves one variable at a time (clinical rules §3, §4.2).

A dose here is the plain record of the variables clinical rules §4.2 lets change (sets, reps, hold, duration, load);
rest is derived from the phase. Each weekly step changes exactly one of them, reduced-volume weeks trim
repetitions (never sets, so total weekly sets never jump when the normal dose returns), and static
stretch holds keep the ACSM hold (G11): every exercise tagged ``stretch``, whatever its category.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from rehabgen.i18n import N_
from rehabgen.model.exercise import Exercise
from rehabgen.model.vocab import Category, Equipment, Phase, Tag

LOADED_KIT = frozenset({Equipment.DUMBBELLS, Equipment.KETTLEBELL, Equipment.BARBELL, Equipment.GYM_MACHINES})
MAX_SETS = 3
"""Sets never rise above 3 in a home programme (ACSM 1-3 sets for novices, clinical rules §3.2)."""
SETS_CAP: dict[Category, int] = {Category.WARM_UP: 1, Category.MOBILITY: 2, Category.STRETCH: 1}
"""Warm-ups, mobility and stretches stay short; their sets do not climb like strength work."""
PYRAMID_TOP = (9, 7, 5)
"""McGill pyramids progress 5/3/1 → 7/5/3 → 9/7/5 before holds lengthen (clinical rules §3.1)."""
HOLD_STEP_S = 2
"""Holds lengthen 2 s at a time (clinical rules §4.2)."""
REP_STEP = 2
"""Repetitions rise 2 per set at a time (clinical rules §4.2)."""
OLDER_ADULT_AGE = 65
"""From this age static stretches are held 30-60 s (ACSM, clinical rules §3.3, G11)."""

# Top of the repetition range by phase: endurance bias while restoring, strength range later (clinical rules §3.2).
REP_TOP: dict[Phase, int] = {
    Phase.PROTECT: 10,
    Phase.RESTORE: 15,
    Phase.STRENGTHEN: 12,
    Phase.RETURN_TO_RUN: 12,
}
REST_S: dict[Phase, int] = {
    Phase.PROTECT: 30,
    Phase.RESTORE: 45,
    Phase.STRENGTHEN: 75,
    Phase.RETURN_TO_RUN: 75,
}
LOAD_TEXT: dict[Phase, str] = {
    Phase.PROTECT: N_("light: a weight you could lift 20 times"),
    Phase.RESTORE: N_("light to moderate: a weight you could lift about 15 times with good form"),
    Phase.STRENGTHEN: N_("moderate: a weight you could lift about 12 times with good form"),
    Phase.RETURN_TO_RUN: N_("moderate: a weight you could lift about 12 times with good form"),
}
LOAD_STEP_TEXT = N_("add a small amount of weight (about 2-10%) if the last 2 reps of every set felt easy")


@dataclass(frozen=True, slots=True)
class Dose:
    """The variables of one exercise's dose for one week."""

    sets: int
    reps: int | None = None
    pyramid: tuple[int, ...] | None = None
    hold_s: int | None = None
    duration_min: int | None = None
    load: str | None = None
    rest_s: int = 30

    def changed(self, other: Dose) -> list[str]:
        """The dose variables that differ (rest is not one of them; a pyramid's length is its sets)."""
        return dose_changes(self, other)


def dose_changes(a: Dose, b: Dose) -> list[str]:
    """Which of the clinical rules §4.2 variables (sets, reps, hold, duration, load) differ between two doses."""
    sets_a = len(a.pyramid) if a.pyramid else a.sets
    sets_b = len(b.pyramid) if b.pyramid else b.sets
    reps_a = a.pyramid[: min(sets_a, sets_b)] if a.pyramid else a.reps
    reps_b = b.pyramid[: min(sets_a, sets_b)] if b.pyramid else b.reps
    found = []
    if sets_a != sets_b:
        found.append("sets")
    if reps_a != reps_b:
        found.append("reps")
    for name in ("hold_s", "duration_min", "load"):
        if getattr(a, name) != getattr(b, name):
            found.append(name)
    return found


def is_static_stretch(exercise: Exercise) -> bool:
    """Whether the exercise is a static stretch hold (tagged ``stretch``), so G11 sets its dose."""
    return Tag.STRETCH in exercise.tags


def is_loaded(exercise: Exercise) -> bool:
    """Whether the exercise is done with an external weight or machine."""
    return bool(LOADED_KIT & set(exercise.equipment))


def start_dose(exercise: Exercise, phase: Phase, age: int) -> Dose:
    """The dose an exercise starts at when it first appears in a phase."""
    base = exercise.dosage
    rest = max(base.rest_s, REST_S[phase]) if exercise.category is Category.STRENGTH else base.rest_s
    if is_static_stretch(exercise):
        hold, reps = base.hold_s, base.reps
        if age >= OLDER_ADULT_AGE and hold is not None and hold < 30:
            hold, reps = 30, 2  # G11: 30-60 s holds from 65, about 60 s in total
        return Dose(sets=1, reps=reps, hold_s=hold, rest_s=base.rest_s)
    if base.duration_min is not None:
        return Dose(sets=1, duration_min=base.duration_min, rest_s=0)
    if base.pyramid is not None:
        pyramid = tuple(base.pyramid)
        if phase is Phase.PROTECT:
            pyramid = tuple(max(1, r - 2) for r in pyramid)
        return Dose(sets=len(pyramid), pyramid=pyramid, hold_s=base.hold_s, rest_s=rest)
    sets = min(
        base.sets,
        2 if phase in (Phase.PROTECT, Phase.RESTORE) else MAX_SETS,
        SETS_CAP.get(exercise.category, MAX_SETS),
    )
    reps = base.reps
    if reps is not None and base.hold_s is None and reps > 1:
        reps = min(reps, REP_TOP[phase])
    load = LOAD_TEXT[phase] if is_loaded(exercise) else None
    return Dose(sets=max(1, sets), reps=reps, hold_s=base.hold_s, load=load, rest_s=rest)


def next_step(dose: Dose, exercise: Exercise, phase: Phase, *, allow_sets: bool = True) -> Dose:
    """The dose one step harder, changing one variable; the same dose when it is at its ceiling."""
    if is_static_stretch(exercise):
        return dose  # G11: a static stretch keeps its ACSM hold; it does not grow
    if dose.duration_min is not None:
        cap = 30 if exercise.category is Category.WALKING else 40
        return replace(dose, duration_min=min(cap, dose.duration_min + 5))
    max_sets = min(MAX_SETS, SETS_CAP.get(exercise.category, MAX_SETS))
    allow_sets = allow_sets and dose.sets < max_sets
    if dose.pyramid is not None:
        full = len(exercise.dosage.pyramid or dose.pyramid)
        if len(dose.pyramid) < full and allow_sets:
            return replace(dose, pyramid=(*dose.pyramid, max(1, dose.pyramid[-1] - 2)), sets=len(dose.pyramid) + 1)
        ceiling = PYRAMID_TOP[: len(dose.pyramid)]
        if any(r < t for r, t in zip(dose.pyramid, ceiling, strict=False)):
            return replace(dose, pyramid=tuple(min(t, r + 1) for r, t in zip(dose.pyramid, ceiling, strict=False)))
        return dose  # McGill: holds stay at about 10 s; the ladder steps up at the next phase instead
    if dose.hold_s is not None and (dose.reps or 1) <= 1:
        if dose.hold_s < 60:
            return replace(dose, hold_s=min(60, dose.hold_s + HOLD_STEP_S))
        return replace(dose, sets=dose.sets + 1) if allow_sets else dose
    if dose.hold_s is not None:
        if (dose.reps or 0) < 12:
            return replace(dose, reps=min(12, (dose.reps or 0) + REP_STEP))
        if dose.hold_s < 20:
            return replace(dose, hold_s=min(20, dose.hold_s + HOLD_STEP_S))
        return replace(dose, sets=dose.sets + 1) if allow_sets else dose
    top = REP_TOP[phase]
    if dose.reps is not None and dose.reps < top:
        return replace(dose, reps=min(top, dose.reps + REP_STEP))
    if allow_sets:
        return replace(dose, sets=dose.sets + 1)
    if dose.load is not None and dose.load != LOAD_STEP_TEXT:
        return replace(dose, load=LOAD_STEP_TEXT)
    return dose


def reduced(dose: Dose, exercise: Exercise) -> Dose:
    """The reduced-volume (deload) version: about three quarters of the repetitions, holds or minutes."""
    if is_static_stretch(exercise):
        return dose  # G11: shorter holds would fall below the ACSM range
    if dose.duration_min is not None:
        return replace(dose, duration_min=max(5, round(dose.duration_min * 0.75)))
    if dose.pyramid is not None:
        return replace(dose, pyramid=tuple(max(1, round(r * 0.7)) for r in dose.pyramid))
    if dose.hold_s is not None and (dose.reps or 1) <= 1:
        return replace(dose, hold_s=max(5, round(dose.hold_s * 0.75)))
    if dose.reps is not None:
        return replace(dose, reps=max(3, round(dose.reps * 0.7)))
    return dose


def session_seconds(dose: Dose, exercise: Exercise) -> int:
    """Rough time to do one exercise at this dose, including rests and setting up."""
    return _seconds(dose, exercise.per_side, exercise.dosage.tempo)


@functools.lru_cache(maxsize=4096)
def _seconds(dose: Dose, per_side: bool, tempo: str | None) -> int:
    sides = 2 if per_side else 1
    if dose.duration_min is not None:
        return dose.duration_min * 60
    rep_s = sum(int(x) for x in tempo.split("-")) if tempo else 4
    per_rep = (dose.hold_s + 2) if dose.hold_s else rep_s
    reps = list(dose.pyramid) if dose.pyramid else [dose.reps or 1] * dose.sets
    work = sum(r * per_rep * sides for r in reps)
    return work + dose.rest_s * max(0, len(reps) - 1) + 30
