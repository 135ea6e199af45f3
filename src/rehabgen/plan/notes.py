"""What each exercise's card says to this runner: why it is in their plan, and the cautions for them.

An exercise carries a general caution and notes for particular conditions (a cause, or leg symptoms); only
the runner's own are printed, so a card never speaks to a condition the runner does not have, and never
tells them to leave out an exercise the plan gives them for theirs.
"""

from __future__ import annotations

from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import Exercise
from rehabgen.model.profile import Profile
from rehabgen.model.programme import ExerciseNotes, Week


def conditions_of(profile: Profile) -> set[str]:
    """The conditions conditional notes are matched against: the causes, and ``leg_symptoms``."""
    found: set[str] = {c.value for c in profile.causes}
    if profile.has_leg_symptoms:
        found.add("leg_symptoms")
    return found


def exercise_notes(profile: Profile, catalogue: Catalogue, weeks: list[Week]) -> list[ExerciseNotes]:
    """Notes for every exercise in the weeks, in order of first appearance."""
    conditions = conditions_of(profile)
    seen: dict[str, None] = {}
    for week in weeks:
        for session in week.sessions:
            for item in session.items:
                seen.setdefault(item.exercise_id, None)
    return [notes_for(catalogue[i], profile, conditions) for i in seen if i in catalogue]


def notes_for(exercise: Exercise, profile: Profile, conditions: set[str]) -> ExerciseNotes:
    """One exercise's notes for a runner with these conditions."""
    cautions = [exercise.caution] if exercise.caution else []
    cautions += [n.text for n in exercise.cautions if {str(w) for w in n.when} & conditions]
    return ExerciseNotes(
        exercise_id=exercise.id,
        why_causes=[c for c in exercise.causes if c in profile.causes],
        why=[n.text for n in exercise.why if {str(w) for w in n.when} & conditions],
        cautions=cautions,
    )
