"""Sentences every renderer prints the same way, built from the programme's codes and the words lookups."""

from __future__ import annotations

from rehabgen.model.exercise import Exercise
from rehabgen.model.programme import ExerciseNotes, Programme
from rehabgen.words.labels import CAUSE_INFO


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
        return f"{exercise.purpose} In your plan for: {'; '.join(CAUSE_INFO[c][0] for c in notes.why_causes)}."
    return exercise.purpose
