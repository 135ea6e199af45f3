"""Choosing exercises for sessions: balanced slots, scored by cause, level and template emphasis.

Every session is built from slots (warm-up, core front/side/back, hips and glutes, legs, cause-specific work,
cool-down stretches). A slot is filled by the best-scoring exercise that is allowed in every week of the span
(no excluded tag, equipment available, not banned, level within the phase's cap). Ties break on catalogue
order, so the same inputs always give the same plan: variety comes from alternating session A and B, never
from randomness. At a phase change each slot steps one rung up its ladder when the harder rung is allowed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rehabgen.catalogue import Catalogue
from rehabgen.exclusions import caution_tags
from rehabgen.exercise import Exercise
from rehabgen.profile import Profile
from rehabgen.programme import Phase
from rehabgen.template import Template
from rehabgen.vocab import EXTENSION_TAGS, Category, Cause, Muscle, Tag

Predicate = Callable[[Exercise], bool]


def _has(ex: Exercise, *tags: Tag) -> bool:
    return any(t in ex.tags for t in tags)


def _primary(ex: Exercise, *muscles: Muscle) -> bool:
    return any(m in ex.muscles.primary for m in muscles)


SLOTS: dict[str, Predicate] = {
    "mobility": lambda ex: (
        ex.category is Category.MOBILITY
        and _has(ex, Tag.MOBILITY_SMALL_RANGE, Tag.MOBILITY_FLEX_EXT, Tag.PASSIVE_FLEXION, Tag.SPINAL_ROTATION)
        and not _has(ex, *EXTENSION_TAGS, Tag.RECOVERY)
    ),
    "warmup": lambda ex: ex.category is Category.WARM_UP,
    "core_front": lambda ex: (
        ex.category is Category.CORE_STABILITY
        and _has(ex, Tag.NEUTRAL_STABILISATION)
        and not _has(ex, Tag.LATERAL_CORE)
        and _primary(ex, Muscle.RECTUS_ABDOMINIS, Muscle.TRANSVERSUS_ABDOMINIS, Muscle.OBLIQUES)
        and not _primary(ex, Muscle.MULTIFIDUS)
    ),
    "core_side": lambda ex: ex.category is Category.CORE_STABILITY and _has(ex, Tag.LATERAL_CORE),
    "core_back": lambda ex: (
        _has(ex, Tag.NEUTRAL_STABILISATION) and _primary(ex, Muscle.MULTIFIDUS, Muscle.ERECTOR_SPINAE)
    ),
    "glute_bridge": lambda ex: (
        _has(ex, Tag.HIP_STRENGTH_NEUTRAL)
        and (_has(ex, Tag.HIP_EXTENSION) or ex.muscles.primary == [Muscle.GLUTEUS_MAXIMUS])
        and not _has(ex, *EXTENSION_TAGS)
    ),
    "glute_side": lambda ex: (
        _has(ex, Tag.HIP_STRENGTH_NEUTRAL) and _primary(ex, Muscle.GLUTEUS_MEDIUS) and not _has(ex, Tag.HIP_EXTENSION)
    ),
    "legs_both": lambda ex: (
        ex.category is Category.STRENGTH
        and _has(ex, Tag.LOWER_LIMB_STRENGTH)
        and not _has(ex, Tag.UNILATERAL)
        and ex.muscles.primary[0] not in (Muscle.CALVES, Muscle.HAMSTRINGS)
    ),
    "legs_single": lambda ex: (
        ex.category is Category.STRENGTH
        and _has(ex, Tag.LOWER_LIMB_STRENGTH)
        and _has(ex, Tag.UNILATERAL)
        and ex.muscles.primary[0] is not Muscle.CALVES
    ),
    "hinge": lambda ex: (
        ex.category is Category.STRENGTH and (_has(ex, Tag.LOADED_HINGE) or ex.muscles.primary[0] is Muscle.HAMSTRINGS)
    ),
    "calf": lambda ex: ex.category is Category.STRENGTH and ex.muscles.primary[0] is Muscle.CALVES,
    "back_strength": lambda ex: (
        ex.category is Category.STRENGTH and _has(ex, Tag.EXTENSION_LOADED, Tag.EXTENSION_BIASED)
    ),
    "plyo": lambda ex: ex.category is Category.PLYOMETRIC,
    "cause": lambda ex: (
        ex.category in (Category.CORE_STABILITY, Category.STRENGTH, Category.MOBILITY)
        and bool(ex.causes)
        and not _has(ex, Tag.RECOVERY)
    ),
    "stretch": lambda ex: ex.category is Category.STRETCH,
}

# Session A and B per phase. Slot order is the order on the page: warm-up, core, hips, legs, cool-down.
SESSIONS: dict[Phase, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Phase.PROTECT: (
        ("mobility", "mobility", "core_front", "glute_bridge", "stretch", "stretch"),
        ("mobility", "mobility", "core_front", "glute_side", "stretch", "stretch"),
    ),
    Phase.RESTORE: (
        (
            "mobility",
            "core_front",
            "core_side",
            "core_back",
            "glute_bridge",
            "glute_side",
            "stretch",
            "stretch",
        ),
        (
            "mobility",
            "core_front",
            "core_side",
            "core_back",
            "glute_side",
            "legs_both",
            "cause",
            "stretch",
            "stretch",
        ),
    ),
    Phase.STRENGTHEN: (
        (
            "warmup",
            "warmup",
            "core_front",
            "core_side",
            "core_back",
            "glute_bridge",
            "legs_both",
            "hinge",
            "stretch",
            "stretch",
        ),
        (
            "warmup",
            "warmup",
            "core_front",
            "core_side",
            "glute_side",
            "legs_single",
            "back_strength",
            "calf",
            "cause",
            "stretch",
            "stretch",
        ),
    ),
    Phase.RETURN_TO_RUN: (
        (
            "warmup",
            "warmup",
            "core_front",
            "core_side",
            "core_back",
            "glute_bridge",
            "legs_single",
            "hinge",
            "plyo",
            "stretch",
            "stretch",
        ),
        (
            "warmup",
            "warmup",
            "core_front",
            "core_side",
            "glute_side",
            "legs_both",
            "calf",
            "plyo",
            "cause",
            "stretch",
            "stretch",
        ),
    ),
}

# When the weekly-sets cap (G6) bites, slots are dropped in this order (first = least important).
DROP_ORDER = (
    "symptom_guided",
    "pinned",
    "cause",
    "back_strength",
    "plyo",
    "calf",
    "hinge",
    "legs_single",
    "legs_both",
    "warmup",
    "glute_side",
    "mobility",
    "stretch",
    "core_back",
    "core_side",
    "glute_bridge",
    "core_front",
)

LEVEL_TARGET: dict[Phase, int] = {
    Phase.PROTECT: 1,
    Phase.RESTORE: 2,
    Phase.STRENGTHEN: 3,
    Phase.RETURN_TO_RUN: 3,
}
LEVEL_CAP: dict[Phase, int] = {
    Phase.PROTECT: 2,
    Phase.RESTORE: 3,
    Phase.STRENGTHEN: 4,
    Phase.RETURN_TO_RUN: 5,
}

# RULES §2.9 "P" (prefer) entries that are not already expressed by the exercises' causes.
PREFER: dict[Cause, frozenset[Tag]] = {
    Cause.SPINAL_STENOSIS: frozenset({Tag.PASSIVE_FLEXION, Tag.FLEXED_POSTURE}),
    Cause.FACET_JOINT_IRRITATION: frozenset({Tag.PASSIVE_FLEXION}),
    Cause.INTERVERTEBRAL_DISC: frozenset({Tag.NEUTRAL_STABILISATION}),
}


@dataclass(frozen=True, slots=True)
class _Derived:
    """What selection needs from a catalogue, computed once per catalogue object."""

    members: dict[str, list[Exercise]]
    lines: dict[str, frozenset[str]]
    tags: dict[str, frozenset[Tag]]


_DERIVED: dict[int, tuple[Catalogue, _Derived]] = {}


def _derived(catalogue: Catalogue) -> _Derived:
    cached = _DERIVED.get(id(catalogue))
    if cached is not None and cached[0] is catalogue:
        return cached[1]
    derived = _Derived(
        members={slot: [ex for ex in catalogue if test(ex)] for slot, test in SLOTS.items()},
        lines={ex.id: frozenset(e.id for e in catalogue.ladder(ex.id)) for ex in catalogue},
        tags={ex.id: frozenset(ex.tags) for ex in catalogue},
    )
    if len(_DERIVED) > 8:
        _DERIVED.clear()
    _DERIVED[id(catalogue)] = (catalogue, derived)  # holding the catalogue keeps its id from being reused
    return derived


@dataclass(frozen=True, slots=True)
class Choice:
    """An exercise placed in a slot of session A or B."""

    slot: str
    exercise: Exercise
    optional: bool = False
    note: str | None = None


@dataclass
class Selector:
    """Scores and picks exercises for one profile, template and catalogue."""

    profile: Profile
    template: Template
    catalogue: Catalogue

    def __post_init__(self) -> None:
        self._order = {ex.id: i for i, ex in enumerate(self.catalogue)}
        self._caution = caution_tags(self.profile)
        derived = _derived(self.catalogue)
        self._members = derived.members
        self._lines = derived.lines
        self._tags = derived.tags
        self._blocked: dict[tuple[int, int, int], frozenset[Tag]] = {}
        kit = set(self.profile.equipment)
        self._usable = {ex.id for ex in self.catalogue if set(ex.equipment) <= kit and ex.id not in self.template.ban}
        self._family_weight: dict[str, float] = {}
        for name, weight in self.template.emphasis.families.items():
            if name in self.catalogue:
                for member in self._lines[name]:
                    self._family_weight[member] = weight
        self._weights: dict[str, float] = {}
        self._static: dict[str, float] = {}

    def allowed(self, ex: Exercise, excluded: Sequence[frozenset[Tag]], weeks: Iterable[int]) -> str | None:
        """Why ``ex`` may not be used in these weeks, or None when it may."""
        if ex.id in self._usable and isinstance(weeks, range):
            key = (id(excluded), weeks.start, weeks.stop)
            blocked = self._blocked.get(key)
            if blocked is None:
                blocked = self._blocked[key] = frozenset().union(*excluded[weeks.start : weeks.stop])
            if not self._tags[ex.id] & blocked:
                return None  # the common case, answered without building a message
        if ex.id in self.template.ban:
            return "banned by the template"
        missing = [e.value for e in ex.equipment if e not in self.profile.equipment]
        if missing:
            return f"needs {', '.join(missing)}"
        for week in weeks:
            hit = sorted(t.value for t in ex.tags if t in excluded[week])
            if hit:
                return f"{', '.join(hit)} is excluded in week {week}"
        return None

    def weight(self, ex: Exercise) -> float:
        """The template's emphasis for an exercise (1 = neutral, 0 = leave out)."""
        found = self._weights.get(ex.id)
        if found is None:
            found = self._weights[ex.id] = self._weight(ex)
        return found

    def _weight(self, ex: Exercise) -> float:
        emphasis = self.template.emphasis
        w = emphasis.categories.get(ex.category, 1.0) * self._family_weight.get(ex.id, 1.0)
        muscle_weights = [emphasis.muscles[m] for m in ex.muscles.primary if m in emphasis.muscles]
        if muscle_weights:
            w *= max(muscle_weights)
        return w

    def _static_score(self, ex: Exercise) -> float:
        """The part of the score that does not depend on the phase: causes, emphasis, cautions, pins."""
        causes = self.profile.causes
        s = 4.0 * sum(1 for c in ex.causes if c in causes)
        s += 3.0 * (self.weight(ex) - 1.0)
        s += 2.0 * sum(1 for c in causes for t in PREFER.get(c, ()) if t in ex.tags)
        s -= 3.0 * sum(1 for t in ex.tags if t in self._caution)
        if ex.id in self.template.pin:
            s += 10.0
        return s

    def score(self, ex: Exercise, phase: Phase, avoid: frozenset[str]) -> float:
        """Higher is better: cause match first, then emphasis, then closeness to the phase's level."""
        causes = self.profile.causes
        static = self._static.get(ex.id)
        if static is None:
            static = self._static[ex.id] = self._static_score(ex)
        s = static - 3.0 * abs(ex.level - LEVEL_TARGET[phase])
        if ex.id in avoid:
            s -= 3.0  # variety between session A and B, but a cause match still wins
        if (
            Cause.SACROILIAC_JOINT_DYSFUNCTION in causes
            and phase in (Phase.PROTECT, Phase.RESTORE)
            and Tag.UNILATERAL in ex.tags
        ):
            s -= 4.0  # RULES §2.7: symmetric loading first for SIJ pain (low evidence, a preference only)
        return s

    def pick(
        self,
        slot: str,
        phase: Phase,
        excluded: Sequence[frozenset[Tag]],
        weeks: range,
        taken: set[str],
        avoid: frozenset[str] = frozenset(),
    ) -> Exercise | None:
        """The best exercise for a slot, or None when nothing suitable is allowed."""
        if slot == "cause" and not self.profile.causes:
            return None  # nothing cause-specific to add to a general programme
        best: tuple[float, int, Exercise] | None = None
        for ex in self._members[slot]:
            if ex.level > LEVEL_CAP[phase] or self.weight(ex) == 0:
                continue
            if self.clashes(ex, taken) or self.allowed(ex, excluded, weeks) is not None:
                continue
            key = (self.score(ex, phase, avoid), -self._order[ex.id], ex)
            if best is None or key[:2] > best[:2]:
                best = key
        return best[2] if best else None

    def step_up(
        self,
        previous: Exercise,
        slot: str,
        phase: Phase,
        excluded: Sequence[frozenset[Tag]],
        weeks: range,
        taken: set[str],
    ) -> Exercise | None:
        """At a phase change: the next harder rung if allowed, else the same exercise, else None."""
        harder = self.catalogue.exercises.get(previous.harder) if previous.harder else None
        if harder is not None and (set(harder.tags) - set(previous.tags)) & self._caution:
            harder = None  # a step up never brings in a movement the profile's conditions mark "caution"
        for candidate in (harder, previous):
            if (
                candidate is not None
                and SLOTS[slot](candidate)
                and candidate.level <= LEVEL_CAP[phase]
                and self.weight(candidate) > 0
                and not self.clashes(candidate, taken - {previous.id})
                and self.allowed(candidate, excluded, weeks) is None
            ):
                return candidate
        return None

    def clashes(self, ex: Exercise, taken: set[str]) -> bool:
        """True when ``ex`` or a rung of its ladder is already in the session."""
        return bool(self._lines[ex.id] & taken)

    def best_of(
        self,
        candidates: Iterable[Exercise],
        phase: Phase,
        excluded: Sequence[frozenset[Tag]],
        weeks: range,
    ) -> Exercise | None:
        """The best allowed exercise among ``candidates`` (cross-training, symptom-guided items)."""
        best: tuple[float, int, Exercise] | None = None
        for ex in candidates:
            if ex.level > LEVEL_CAP[phase] or self.allowed(ex, excluded, weeks) is not None:
                continue
            key = (self.score(ex, phase, frozenset()), -self._order[ex.id], ex)
            if best is None or key[:2] > best[:2]:
                best = key
        return best[2] if best else None
