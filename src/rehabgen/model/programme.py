"""The resolved programme: what the planner returns and every renderer reads (the JSON output contract).

Everything a handout prints is in here, already decided: renderers never re-run rules. The top-level keys
(``rehabgen_version``, ``status``, ``reasons``, ``warnings``, ``exclusions``, ``advice``, ``weeks``) and the
shapes of weeks, sessions, items and runs are a public contract (``rehabgen schema programme``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from rehabgen.model.base import StrictModel
from rehabgen.model.profile import Patient
from rehabgen.model.vocab import Category, Cause, Equipment, Phase, Status, Tag


class PlanWarning(StrictModel):
    """Something the user should know about the plan (not an error)."""

    code: str
    """Stable machine-readable code, e.g. ``conflicting_directional_bias``."""
    message: str
    """Plain-language explanation."""


class Exclusion(StrictModel):
    """A movement tag kept out of the plan for a window of weeks, and why (clinical rules §2.9)."""

    tag: Tag
    from_week: int = Field(ge=1)
    to_week: int = Field(ge=1)
    code: str
    """The rule that excludes it, e.g. ``disc_loaded_lifts`` (stable; ``because`` says it in words)."""
    because: str


class Tier(StrictModel):
    """One band of a graded rule: the safety net's emergency, urgent and soon; the pain traffic light."""

    code: str
    """Stable id of the band, e.g. ``emergency`` or ``amber``; renderers choose its colour by it."""
    label: str
    """The band's name as printed, e.g. "EMERGENCY"."""
    action: str | None = None
    """What to do, e.g. "Call 999 or go to A&E now" (None when the band itself says it)."""
    text: str
    """When the band applies: the symptoms, or the pain range and what to do."""


class Advice(StrictModel):
    """An advice section printed on the handout."""

    id: str
    title: str
    text: str
    """The main paragraph."""
    tiers: list[Tier] = []
    """Graded bands, most serious first (the safety net, the traffic light)."""
    points: list[str] = []
    """Bullet points under the paragraph."""


class Gate(StrictModel):
    """A condition that must be met before part of the plan may start (clearance, postpartum timing)."""

    id: str
    title: str
    text: str
    checklist: list[str] = []


class Item(StrictModel):
    """One exercise in one session, with its dose for that week."""

    exercise_id: str
    name: str
    category: Category
    tags: list[Tag]
    equipment: list[Equipment]
    sets: int = Field(ge=1)
    reps: int | None = None
    """Repetitions per set (the first set's, for a pyramid)."""
    pyramid: list[int] | None = None
    """Repetitions per set when they descend (McGill pyramid)."""
    hold_s: int | None = None
    duration_min: int | None = None
    load: str | None = None
    """How heavy, in words (e.g. "a weight you could lift 12-15 times")."""
    per_side: bool
    rest_s: int
    optional: bool = False
    cues: list[str]
    note: str | None = None
    """A plan-specific note, e.g. why an item is optional."""


class ExerciseNotes(StrictModel):
    """What one exercise's card says to this runner: why it is in the plan and how to stay safe."""

    exercise_id: str
    why_causes: list[Cause] = []
    """The runner's causes this exercise addresses."""
    why: list[str] = []
    """Why it is in this runner's plan, in words written for their causes (empty: name the causes)."""
    cautions: list[str] = []
    """Safety notes for this runner: the exercise's general caution, then those for their conditions."""
    clinician_note: str | None = None
    """The clinician's note on this exercise (``adjustments › notes``), printed on its card and sheet row."""


class RunPlan(StrictModel):
    """The running part of a run session."""

    type: Literal["walk_run", "continuous"]
    km: float = Field(ge=0)
    """Estimated distance run (walking excluded), km."""
    run_min: float = Field(ge=0)
    """Minutes of running per repeat (the whole run when continuous)."""
    walk_min: float = Field(ge=0)
    """Minutes of walking per repeat."""
    repeats: int = Field(ge=1)
    level: int | None = None
    """Walk–run ladder level (0 = gentlest); its last step, easy runs, is one above the last walk-run level.
    None once the weekly caps decide the running (G7)."""
    gate: str | None = None
    """What must be true before this session goes ahead."""


SessionKind = Literal["exercise", "walk", "run", "cross_training"]


class Session(StrictModel):
    """One session on one day."""

    day: int = Field(ge=1, le=7)
    date: dt.date | None = None
    kind: SessionKind
    variant: Literal["A", "B"] | None = None
    """Which exercise session this is (A or B); None for walks, runs and cross-training."""
    optional: bool = False
    title: str
    duration_min: int = Field(ge=1)
    items: list[Item] = []
    run: RunPlan | None = None


class Week(StrictModel):
    """One week of the programme."""

    week: int = Field(ge=1)
    phase: Phase
    deload: bool = False
    """A reduced-volume week (G8)."""
    block: int = Field(1, ge=1)
    """Weeks with the same block number keep the same exercises (a session sheet covers a block); harder
    versions and new exercises come in only when a block starts."""
    running_km: float = Field(ge=0)
    sessions: list[Session]
    notes: list[str] = []


class PhaseSpan(StrictModel):
    """Where a phase sits in the programme and what it is for."""

    phase: Phase
    name: str
    from_week: int
    to_week: int
    goal: str
    exit_criteria: list[str]


class Referral(StrictModel):
    """What to do now, for referral outcomes and the T3 banner."""

    headline: str
    action: str
    """The one thing to do now, with the region's number."""
    details: list[str] = []


AdjustmentKind = Literal["drop", "pin", "swap", "dose", "notes", "note", "next_appointment"]


class AppliedAdjustment(StrictModel):
    """A clinician's adjustment the plan carries (perhaps not in every week it asked for: see ``refused``)."""

    item: str
    """The adjustment as asked, e.g. ``pin bird_dog`` or ``swap dead_bug → bird_dog``."""
    kind: AdjustmentKind
    exercise_id: str | None = None
    """The exercise it names (for a swap, the one taken out)."""
    message: str
    """What changed, in words."""


class RefusedAdjustment(StrictModel):
    """A clinician's adjustment, or part of one, that the plan does not carry, and why."""

    item: str
    """The adjustment as asked, e.g. ``pin bird_dog``."""
    kind: AdjustmentKind
    exercise_id: str | None = None
    code: str
    """Why, as a stable code, e.g. ``adjustment_excluded`` (clinical rules §8.3)."""
    message: str
    """Why, in words, naming the weeks and the rule."""


class AdjustmentReport(StrictModel):
    """What the clinician's adjustments changed, and what safety refused (the clinician's page lists both)."""

    from_week: int = 1
    """The first week the adjustments apply to; earlier weeks are as first planned."""
    applied: list[AppliedAdjustment] = []
    refused: list[RefusedAdjustment] = []


class Meta(StrictModel):
    """Facts about the run that make a printed page traceable to its inputs."""

    title: str
    template: str
    input_hash: str
    """Short hash of the profile, template and exercises used: the same inputs give the same hash."""
    patient: Patient = Patient()
    clinician: str | None = None
    goal: str | None = None
    start_date: dt.date | None = None
    region: str | None = None
    units: Literal["km", "mi"] = "km"
    """The distance unit the handout prints (distances in this document are always kilometres)."""
    causes: list[str] = []
    sessions_per_week: int | None = None
    programme_weeks: int | None = None
    session_size: int | None = None
    """Most exercises a session holds (optional ones aside)."""
    age: int | None = None
    from_week: int | None = None
    """A plan reissued at a review: the handout is printed from this week (the weeks before are unchanged)."""
    note: str | None = None
    """The clinician's note for page 1."""
    next_appointment: str | None = None
    """The next appointment, as the clinician wrote it, for page 1."""
    language: str = "en"
    """The language of every text in this document and of the handout printed from it (codes stay English)."""


class Programme(StrictModel):
    """The planner's whole answer: a programme, or a referral with no exercise content."""

    rehabgen_version: str
    status: Status
    reasons: list[str]
    """Why the status is what it is, in plain words (every trigger, most severe first)."""
    reason_codes: list[str] = []
    concerns: list[str] = []
    """What the red flags can point to (``cauda_equina``, ``infection``, ``cancer``, ``fracture`` …)."""
    warnings: list[PlanWarning] = []
    exclusions: list[Exclusion] = []
    advice: list[Advice] = []
    gates: list[Gate] = []
    phases: list[PhaseSpan] = []
    weeks: list[Week] = []
    exercises: list[ExerciseNotes] = []
    """One entry per exercise in the plan, in order of first appearance."""
    referral: Referral | None = None
    adjustments: AdjustmentReport = AdjustmentReport()
    """The clinician's adjustments: what was applied and what was refused."""
    meta: Meta

    def exercise_ids(self) -> list[str]:
        """Every exercise id used, in first-appearance order."""
        seen: dict[str, None] = {}
        for week in self.weeks:
            for session in week.sessions:
                for item in session.items:
                    seen.setdefault(item.exercise_id, None)
        return list(seen)
