"""Choosing exercises for sessions: balanced slots, scored by cause, level and template emphasis.

Every session is built from slots (warm-up, core front/side/back, hips and glutes, legs, cause-specific work,
cool-down stretches). A slot is filled by the best-ranked exercise that is allowed in every week of the span
(no excluded tag, equipment available, not banned, level within the phase's cap). An exercise with a tag the
runner's causes mark "caution" (clinical rules §2.9 C or D) ranks below every exercise without one, whatever its
score, so a cause match never makes a caution item the preferred choice. Ties break on catalogue order, so the
same inputs always give the same plan: variety comes from alternating session A and B, never from
randomness. At a phase change each slot steps one rung up its ladder when the harder rung is allowed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rehabgen.clinical.causes import CAUSES, caution_tags
from rehabgen.model.adjustments import PinWindow
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import Exercise
from rehabgen.model.profile import Profile
from rehabgen.model.template import Template
from rehabgen.model.vocab import Cause, Phase, Tag
from rehabgen.plan.slots import LEVEL_CAP, LEVEL_TARGET, SLOTS


@dataclass(frozen=True, slots=True)
class Choice:
    """An exercise placed in a slot of session A or B."""

    slot: str
    exercise: Exercise
    optional: bool = False
    note: str | None = None


@dataclass
class Selector:
    """Scores and picks exercises for one profile, template, catalogue and exclusion table.

    ``excluded[w]`` is the set of movement tags excluded in week ``w`` (index 0 unused). A clinician's
    adjustments (``plan.adjustments``) add ``dropped`` exercises (never used), ``swaps`` (old id → new id, used
    in the old one's place where allowed) and ``pins`` (added to sessions in their weeks where allowed); an
    exercise the clinician pins or swaps in is no longer held back by the template's bans.
    """

    profile: Profile
    template: Template
    catalogue: Catalogue
    excluded: Sequence[frozenset[Tag]] = field(default_factory=list)
    dropped: frozenset[str] = frozenset()
    swaps: Mapping[str, str] = field(default_factory=dict)
    pins: tuple[PinWindow, ...] = ()

    def __post_init__(self) -> None:
        catalogue = self.catalogue
        self._order = {ex.id: i for i, ex in enumerate(catalogue)}
        self._caution = caution_tags(self.profile)
        self._members = {slot: [ex for ex in catalogue if test(ex)] for slot, test in SLOTS.items()}
        self._lines = catalogue.ladder_members
        self._tags = {ex.id: frozenset(ex.tags) for ex in catalogue}
        self._blocked: dict[tuple[int, int], frozenset[Tag]] = {}
        kit = set(self.profile.equipment)
        wanted = {p.id for p in self.pins} | set(self.swaps.values())
        self.banned = (set(self.template.ban) - wanted) | self.dropped
        self._usable = {ex.id for ex in self.catalogue if set(ex.equipment) <= kit and ex.id not in self.banned}
        self._family_weight: dict[str, float] = {}
        for name, weight in self.template.emphasis.families.items():
            if name in self.catalogue:
                for member in self._lines[name]:
                    self._family_weight[member] = weight
        self._weights: dict[str, float] = {}
        self._static: dict[str, float] = {}
        self.swap_log: dict[str, list[tuple[range, str | None]]] = {}

    def allowed(self, ex: Exercise, weeks: Iterable[int]) -> str | None:
        """Why ``ex`` may not be used in these weeks, or None when it may."""
        excluded = self.excluded
        if ex.id in self._usable and isinstance(weeks, range):
            key = (weeks.start, weeks.stop)
            blocked = self._blocked.get(key)
            if blocked is None:
                blocked = self._blocked[key] = frozenset().union(*excluded[weeks.start : weeks.stop])
            if not self._tags[ex.id] & blocked:
                return None  # the common case, answered without building a message
        if ex.id in self.dropped:
            return "dropped by the clinician"
        if ex.id in self.banned:
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
        s += 2.0 * sum(1 for c in causes for t in CAUSES[c].prefer if t in ex.tags)
        s -= 3.0 * sum(1 for t in ex.tags if t in self._caution)
        if ex.id in self.template.pin:
            s += 10.0
        return s

    def is_caution(self, ex: Exercise) -> bool:
        """Whether one of its tags is marked "caution" by the runner's causes (clinical rules §2.9 C or D)."""
        return not self._caution.isdisjoint(ex.tags)

    def rank(self, ex: Exercise, phase: Phase, avoid: frozenset[str] = frozenset()) -> tuple[bool, float, int]:
        """Sort key, higher is better: free of caution tags first, then the score, then catalogue order."""
        return (not self.is_caution(ex), self.score(ex, phase, avoid), -self._order[ex.id])

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
            s -= 4.0  # clinical rules §2.7: symmetric loading first for SIJ pain (low evidence, a preference only)
        return s

    def pick(
        self,
        slot: str,
        phase: Phase,
        weeks: range,
        taken: set[str],
        avoid: frozenset[str] = frozenset(),
    ) -> Exercise | None:
        """The best exercise for a slot, or None when nothing suitable is allowed."""
        if slot == "cause" and not self.profile.causes:
            return None  # nothing cause-specific to add to a general programme
        found = self.candidates(slot, phase, weeks, taken)
        return max(found, key=lambda ex: self.rank(ex, phase, avoid), default=None)

    def candidates(self, slot: str, phase: Phase, weeks: range, taken: set[str]) -> list[Exercise]:
        """Every exercise that may fill the slot in these weeks, whatever its rank.

        That is: within the phase's level cap, wanted by the template, allowed in every week, and not on the
        ladder of an exercise already in the session.
        """
        return [
            ex
            for ex in self._members[slot]
            if ex.level <= LEVEL_CAP[phase]
            and self.weight(ex) != 0
            and not self.clashes(ex, taken)
            and self.allowed(ex, weeks) is None
        ]

    def step_up(
        self,
        previous: Exercise,
        slot: str,
        phase: Phase,
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
                and self.allowed(candidate, weeks) is None
            ):
                return candidate
        return None

    def swapped(self, ex: Exercise, phase: Phase, weeks: range, taken: set[str]) -> Exercise:
        """The exercise the clinician wants in ``ex``'s place, when it is allowed in these weeks; else ``ex``.

        That is a pinned version of it (an easier or harder rung of its ladder) in the pin's weeks, or the
        exercise the clinician swapped it for.

        Every attempt is recorded in ``swap_log`` (old id → [(weeks, None or why not)]) for the report.
        """
        for pin in self.pins:  # a pinned version wins over the other rungs of its ladder
            if pin.id != ex.id and pin.id in self._lines[ex.id] and pin.from_week <= weeks.start <= pin.to_week:
                pinned = self.catalogue.exercises.get(pin.id)
                if (
                    pinned is not None
                    and pinned.level <= LEVEL_CAP[phase]
                    and self.allowed(pinned, weeks) is None
                    and not self.clashes(pinned, taken - {ex.id})
                ):
                    return pinned
        new_id = self.swaps.get(ex.id)
        new = self.catalogue.exercises.get(new_id) if new_id is not None else None
        if new is None:
            return ex
        why = self.allowed(new, weeks)
        if why is None and new.level > LEVEL_CAP[phase]:
            why = "too_hard"
        elif why is None and self.clashes(new, taken - {ex.id}):
            why = "in_session"
        self.swap_log.setdefault(ex.id, []).append((weeks, why))
        return new if why is None else ex

    def clashes(self, ex: Exercise, taken: set[str]) -> bool:
        """True when ``ex`` or a rung of its ladder is already in the session."""
        return bool(self._lines[ex.id] & taken)

    def best_of(
        self,
        candidates: Iterable[Exercise],
        phase: Phase,
        weeks: range,
    ) -> Exercise | None:
        """The best allowed exercise among ``candidates`` (cross-training, symptom-guided items)."""
        found = [ex for ex in candidates if ex.level <= LEVEL_CAP[phase] and self.allowed(ex, weeks) is None]
        return max(found, key=lambda ex: self.rank(ex, phase), default=None)
