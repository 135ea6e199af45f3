"""The exercise model: one catalogue entry, as a clinician writes it in ``exercises/*.yaml``."""

from __future__ import annotations

import re
from typing import Annotated, Self

from pydantic import AfterValidator, Field, ValidationInfo, field_validator, model_validator

from rehabgen.model.base import StrictModel, unique
from rehabgen.model.pose import Pose
from rehabgen.model.vocab import Category, Cause, Condition, Equipment, Muscle, Tag

SLUG = r"^[a-z][a-z0-9_]*$"
_TEMPO = re.compile(r"^\d+(-\d+){2,3}$")

# Categories that may address no cause: general warm-up and cool-down work every session can use.
GENERAL_CATEGORIES = frozenset({Category.WARM_UP, Category.MOBILITY, Category.STRETCH, Category.WALKING})

# G11 / ACSM "about 60 s per stretch": the total hold time (reps × hold) a static stretch may add up to.
STRETCH_TOTAL_S = (40, 90)

Slug = Annotated[str, Field(pattern=SLUG, min_length=2, max_length=60)]
Sentence = Annotated[str, Field(min_length=3, max_length=300)]


class Muscles(StrictModel):
    """The muscles an exercise trains."""

    primary: Annotated[list[Muscle], Field(min_length=1, max_length=5), AfterValidator(unique)]
    """The muscles that do most of the work."""
    secondary: Annotated[list[Muscle], Field(max_length=8), AfterValidator(unique)] = []
    """Muscles that help or hold steady."""

    @model_validator(mode="after")
    def _disjoint(self) -> Self:
        both = sorted(set(self.primary) & set(self.secondary))
        if both:
            raise ValueError(f"{', '.join(both)} cannot be both primary and secondary")
        return self


class Dosage(StrictModel):
    """The starting dose; the planner scales it by phase and week.

    A dose is counted in repetitions (``reps``, optionally each held ``hold_s`` seconds), in a McGill-style
    descending ``pyramid`` of repetitions per set, or in minutes (``duration_min``) for walking, cycling
    and other continuous activity.
    """

    sets: int = Field(1, ge=1, le=6)
    """Number of sets (for a pyramid, the number of entries in it)."""
    reps: int | None = Field(None, ge=1, le=50)
    """Repetitions per set (per side when the exercise is done per side)."""
    pyramid: Annotated[list[int], Field(min_length=2, max_length=5)] | None = None
    """Repetitions per set, descending, e.g. [5, 3, 1] (clinical rules §3.1)."""
    hold_s: int | None = Field(None, ge=1, le=120)
    """Seconds each repetition is held still."""
    duration_min: int | None = Field(None, ge=1, le=120)
    """Minutes of continuous activity."""
    rest_s: int = Field(30, ge=0, le=300)
    """Rest between sets, in seconds."""
    tempo: str | None = None
    """Seconds per phase of a repetition, e.g. "2-1-2" (lower, pause, lift)."""

    @model_validator(mode="after")
    def _one_measure(self) -> Self:
        measures = [name for name in ("reps", "pyramid", "duration_min") if getattr(self, name) is not None]
        if len(measures) != 1:
            raise ValueError(
                "give exactly one of reps, pyramid or duration_min"
                + (f" (got {', '.join(measures)})" if measures else "")
            )
        if self.pyramid is not None:
            if any(b > a for a, b in zip(self.pyramid, self.pyramid[1:], strict=False)):
                raise ValueError("a pyramid must not rise from one set to the next, e.g. [5, 3, 1]")
            if any(not 1 <= r <= 20 for r in self.pyramid):
                raise ValueError("pyramid repetitions must each be between 1 and 20")
            if self.sets not in (1, len(self.pyramid)):
                raise ValueError(f"sets must equal the pyramid's length ({len(self.pyramid)}) or be left out")
        if self.duration_min is not None and self.hold_s is not None:
            raise ValueError("hold_s does not go with duration_min")
        if self.tempo is not None and not _TEMPO.match(self.tempo):
            raise ValueError(f"tempo '{self.tempo}' must look like 2-1-2 or 3-1-1-0 (seconds per phase)")
        return self


class ConditionalNote(StrictModel):
    """A note printed only for a runner with at least one of the conditions in ``when``."""

    when: Annotated[list[Condition], Field(min_length=1), AfterValidator(unique)]
    """Cause ids, or ``leg_symptoms``."""
    text: Sentence
    """What to tell that runner, in plain words."""


class Exercise(StrictModel):
    """One exercise in the catalogue, in plain language a patient can follow."""

    id: Slug
    """Stable identifier (lower case, digits and underscores); never reuse or rename one."""
    name: Annotated[str, Field(min_length=2, max_length=60)]
    """The usual name, as printed on the handout."""
    aliases: Annotated[list[str], AfterValidator(unique)] = []
    """Other names people know it by."""
    category: Category
    """Which part of a session it belongs to."""
    level: int = Field(ge=1, le=5)
    """Difficulty from 1 (anyone in pain can try it) to 5 (advanced, loaded or explosive)."""
    purpose: Sentence
    """One plain sentence on what it does for the back, printed as "why it is in your plan"."""
    muscles: Muscles
    """Muscles trained."""
    causes: Annotated[list[Cause], AfterValidator(unique)] = []
    """Causes of back pain it helps with; empty only for general warm-up and cool-down work."""
    tags: Annotated[list[Tag], Field(min_length=1), AfterValidator(unique)]
    """How it loads the spine (clinical rules §7.2); the planner's exclusions match on these. ``stretch`` marks a static
    stretch hold, whatever the category: its dose follows clinical rules G11 and does not progress."""
    equipment: Annotated[list[Equipment], AfterValidator(unique)] = []
    """Equipment it cannot be done without. A mat is never required."""
    helpful: Annotated[list[Equipment], AfterValidator(unique)] = []
    """Equipment that makes it more comfortable but is not needed (a mat, a wall to steady yourself)."""
    per_side: bool = False
    """Done on each side in turn; reps and holds are counted per side."""
    dosage: Dosage
    """Starting dose."""
    steps: Annotated[list[Sentence], Field(min_length=3, max_length=6)]
    """Numbered instructions, in order."""
    cues: Annotated[list[Sentence], Field(min_length=1, max_length=5)]
    """Short reminders to keep in mind while doing it."""
    mistakes: Annotated[list[Sentence], Field(min_length=1, max_length=5)]
    """Common mistakes and how to avoid them."""
    caution: Sentence | None = None
    """A safety note printed prominently on the card for everyone: how to stay safe, never "leave it out"
    (whether an exercise is in a plan is the planner's decision, by its movement tags)."""
    cautions: list[ConditionalNote] = []
    """Safety notes for runners with particular conditions, printed after ``caution`` for them only."""
    why: list[ConditionalNote] = []
    """Why it is in the plan of a runner with a particular cause, when that says more than the cause's name."""
    easier: Slug | None = None
    """The next easier exercise in its ladder."""
    harder: Slug | None = None
    """The next harder exercise in its ladder."""
    reference_url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=300)] | None = None
    """A video or written reference for clinicians."""
    pose: Pose
    """The picture on the card: a figure's start and end position, drawn by ``rehabgen.pictures.draw``."""

    @field_validator("equipment")
    @classmethod
    def _mat_is_comfort(cls, value: list[Equipment]) -> list[Equipment]:
        if Equipment.MAT in value:
            raise ValueError("a mat is comfort, not a requirement: move 'mat' from equipment to helpful")
        return value

    @field_validator("causes")
    @classmethod
    def _general_or_causes(cls, value: list[Cause], info: ValidationInfo) -> list[Cause]:
        category = info.data.get("category")
        if not value and category is not None and category not in GENERAL_CATEGORIES:
            allowed = ", ".join(sorted(GENERAL_CATEGORIES))
            raise ValueError(f"list at least one cause (only {allowed} exercises may address none)")
        return value

    @field_validator("tags")
    @classmethod
    def _stretches_are_tagged(cls, value: list[Tag], info: ValidationInfo) -> list[Tag]:
        if info.data.get("category") is Category.STRETCH and Tag.STRETCH not in value:
            raise ValueError("a stretch is a static stretch hold: add the 'stretch' tag, so clinical rules G11 applies")
        return value

    @field_validator("dosage")
    @classmethod
    def _stretch_dose(cls, d: Dosage, info: ValidationInfo) -> Dosage:
        if Tag.STRETCH in info.data.get("tags", []) or info.data.get("category") is Category.STRETCH:
            # G11 / ACSM, for every static stretch hold whatever its category: holds of 10-30 s, 2-4
            # repetitions, about 60 s in total.
            if d.hold_s is None or not 10 <= d.hold_s <= 30:
                raise ValueError("a static stretch is held 10-30 s (hold_s), G11")
            if d.reps is None or not 2 <= d.reps <= 4 or d.sets != 1:
                raise ValueError(
                    "a static stretch is done as 1 set of 2-4 holds (sets: 1, reps: 2-4), clinical rules G11"
                )
            if not STRETCH_TOTAL_S[0] <= d.reps * d.hold_s <= STRETCH_TOTAL_S[1]:
                raise ValueError("a static stretch adds up to about 60 s (reps × hold_s 40-90 s), clinical rules G11")
        return d

    @model_validator(mode="after")
    def _not_own_neighbour(self) -> Self:
        if self.id in (self.easier, self.harder):
            raise ValueError("an exercise cannot be its own easier or harder version")
        if self.per_side and self.pose.mark is None:
            raise ValueError("a per-side exercise's pose needs a mark on the working side (pose › mark)")
        return self
