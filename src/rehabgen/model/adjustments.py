"""A clinician's adjustments to a plan (the ``adjustments:`` section of a profile or a template).

The clinician's hand on the plan: exercises to leave out, to use, to swap for another, a starting dose, a
note on an exercise's card, and a note and the next appointment for page 1. The planner applies each one only
where the plan's safety rules allow it; one that would break a rule is refused on its own, with a code and a
reason (``rehabgen.plan.adjustments``). Nothing here can change triage.
"""

from __future__ import annotations

from typing import Annotated, Any, Self

from pydantic import AfterValidator, Field, model_validator

from rehabgen.model.base import StrictModel, unique
from rehabgen.model.exercise import SLUG
from rehabgen.model.text import single_line

ExerciseId = Annotated[str, Field(pattern=SLUG, min_length=2, max_length=60)]
NoteText = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(single_line)]


class PinWindow(StrictModel):
    """An exercise to use in some weeks only."""

    id: ExerciseId
    """The exercise's id (``rehabgen catalogue list``)."""
    from_week: int = Field(1, ge=1, le=52)
    """First week to use it in (default: the first week the adjustments apply to)."""
    to_week: int = Field(52, ge=1, le=52)
    """Last week to use it in (default: the end of the plan)."""

    @model_validator(mode="after")
    def _order(self) -> Self:
        if self.to_week < self.from_week:
            raise ValueError(f"to_week {self.to_week} is before from_week {self.from_week}")
        return self


class DoseChange(StrictModel):
    """A starting dose: the progression goes on from it. Give at least one of sets, reps and hold_s."""

    sets: int | None = Field(None, ge=1, le=10)
    """Sets (at most 3 in a home programme, 1 for a stretch: a larger number is lowered, with a warning)."""
    reps: int | None = Field(None, ge=1, le=50)
    """Repetitions per set (or holds, for a stretch)."""
    hold_s: int | None = Field(None, ge=1, le=120)
    """Seconds each repetition is held."""

    @model_validator(mode="after")
    def _something(self) -> Self:
        if self.sets is None and self.reps is None and self.hold_s is None:
            raise ValueError("give at least one of sets, reps and hold_s")
        return self


def _pins_schema(schema: dict[str, Any]) -> None:
    """JSON Schema: a pin is an exercise id or ``{id, from_week, to_week}``."""
    schema["description"] = "Exercise ids, or {id, from_week, to_week} for some weeks only."


class Adjustments(StrictModel):
    """What the clinician changes in the plan; each change is applied only where the safety rules allow."""

    from_week: int | None = Field(None, ge=1, le=52)
    """The review week: the plan is printed from it and the changes apply from it; earlier weeks stay as first
    planned (``--from-week`` wins over it)."""
    drop: Annotated[list[ExerciseId], AfterValidator(unique)] = []
    """Exercises never to use."""
    pin: Annotated[list[ExerciseId | PinWindow], Field(json_schema_extra=_pins_schema)] = []
    """Exercises to use where their weeks and the plan's rules allow: an id, or {id, from_week, to_week}."""
    swap: dict[ExerciseId, ExerciseId] = {}
    """``old: new``: use the new exercise in the old one's place, where the rules allow it."""
    dose: dict[ExerciseId, DoseChange] = {}
    """A starting dose per exercise ({sets, reps, hold_s}); it changes one thing a week and then progresses."""
    notes: dict[ExerciseId, NoteText] = {}
    """A note printed on the exercise's card and its row of the session sheet."""
    note: Annotated[str, Field(min_length=1, max_length=400), AfterValidator(single_line)] | None = None
    """A note for the runner, printed in the clinician's block at the start of the handout (page 1, or after
    the safety net in large print)."""
    next_appointment: Annotated[str, Field(min_length=1, max_length=80), AfterValidator(single_line)] | None = None
    """The next appointment, as it should be printed (e.g. "Tuesday 12 January, 10:30"), on page 1."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        pinned = [p if isinstance(p, str) else p.id for p in self.pin]
        problems = []
        if both := sorted(set(pinned) & set(self.drop)):
            problems.append(f"{', '.join(both)} cannot be both pinned and dropped")
        if same := sorted(k for k, v in self.swap.items() if k == v):
            problems.append(f"{', '.join(same)} cannot be swapped for itself")
        if dropped := sorted(v for v in self.swap.values() if v in self.drop):
            problems.append(f"{', '.join(dropped)} is dropped, so nothing can be swapped for it")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def pins(self) -> list[PinWindow]:
        """Every pin as a window (a bare id is the whole plan)."""
        return [PinWindow(id=p) if isinstance(p, str) else p for p in self.pin]

    def is_empty(self) -> bool:
        """True when nothing is asked for."""
        return self == Adjustments()


def merged(template: Adjustments | None, profile: Adjustments | None) -> Adjustments:
    """A template's adjustments with a profile's over them: the profile wins for every exercise it names.

    Lists are joined (an exercise the profile pins is no longer dropped, and the other way round); swaps,
    doses and notes are merged by exercise, the profile's winning; the profile's note, next appointment and
    review week win when given.
    """
    if template is None:
        return profile or Adjustments()
    if profile is None:
        return template
    own_pins = {p.id for p in profile.pins()}
    drop = [d for d in template.drop if d not in own_pins and d not in profile.drop]
    pins = [p for p in template.pin if (p if isinstance(p, str) else p.id) not in own_pins | set(profile.drop)]
    swap = {k: v for k, v in template.swap.items() if v not in profile.drop} | profile.swap
    return Adjustments.model_construct(
        from_week=profile.from_week or template.from_week,
        drop=[*drop, *profile.drop],
        pin=[*pins, *profile.pin],
        swap=swap,
        dose=template.dose | profile.dose,
        notes=template.notes | profile.notes,
        note=profile.note or template.note,
        next_appointment=profile.next_appointment or template.next_appointment,
    )
