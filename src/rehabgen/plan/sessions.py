"""Choosing the exercises of session A and B for each span of weeks that share a phase and exclusions.

A span keeps its exercises; at a phase change each slot steps one rung up its ladder when the harder rung is
allowed, and exercises carry over from span to span where they still may. Pinned exercises and the optional,
symptom-guided extension item for disc-type pain are added after the slots.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rehabgen.model.exercise import Exercise
from rehabgen.model.programme import PlanWarning
from rehabgen.model.template import Template
from rehabgen.model.vocab import Category, Cause, Phase, Tag
from rehabgen.plan.phases import Layout
from rehabgen.plan.selection import Choice, Selector
from rehabgen.plan.slots import LEVEL_CAP, SESSIONS
from rehabgen.words.labels import EQUIPMENT_LABELS, TAG_LABELS

VARIETY_SLOTS = frozenset({"core_front", "glute_bridge", "glute_side", "legs_both", "legs_single"})
"""Slots where session B prefers a different exercise from A; warm-ups and stretches stay the same."""
SYMPTOM_GUIDED_NOTE = "Optional: only if it eases your symptoms. Stop if pain spreads further down your leg."


@dataclass
class Span:
    """Weeks with the same phase and exclusions, and the exercises of their session A and B."""

    phase: Phase
    weeks: range
    sessions: tuple[list[Choice], list[Choice]]
    new_phase: bool


def choose_sessions(selector: Selector, layout: Layout) -> list[Span]:
    """Group the weeks into spans and fill session A and B for each."""
    excluded = selector.excluded
    spans: list[Span] = []
    start = 1
    weeks_n = layout.weeks
    for week in range(2, weeks_n + 2):
        if week <= weeks_n and (layout.phase_of(week) == layout.phase_of(start) and excluded[week] == excluded[start]):
            continue
        phase = layout.phase_of(start)
        previous = spans[-1] if spans else None
        new_phase = previous is None or previous.phase is not phase
        weeks = range(start, week)
        first = _fill(selector, phase, 0, weeks, previous, new_phase, ())
        second = _fill(selector, phase, 1, weeks, previous, new_phase, first)
        spans.append(Span(phase, weeks, (first, second), new_phase))
        start = week
    return spans


def _fill(
    selector: Selector,
    phase: Phase,
    which: int,
    weeks: range,
    previous: Span | None,
    new_phase: bool,
    session_a: Sequence[Choice],
) -> list[Choice]:
    """Fill one session's slots; session B leans away from A's choices for variety."""
    before = by_slot(previous.sessions[which]) if previous else {}
    a_ids = frozenset(c.exercise.id for c in session_a)
    taken: set[str] = set()
    chosen: list[Choice] = []
    counts: dict[str, int] = {}
    for slot in SESSIONS[phase][which]:
        n = counts.get(slot, 0)
        counts[slot] = n + 1
        prior = before.get((slot, n))
        ex: Exercise | None = None
        if prior is not None:
            if new_phase:
                ex = selector.step_up(prior, slot, phase, weeks, taken)
            elif selector.allowed(prior, weeks) is None and not selector.clashes(prior, taken):
                ex = prior
        if ex is None:
            avoid = a_ids if slot in VARIETY_SLOTS else frozenset()
            ex = selector.pick(slot, phase, weeks, taken, avoid=avoid)
        if ex is not None:
            chosen.append(Choice(slot, ex))
            taken.add(ex.id)
    chosen += _extras(selector, phase, weeks, taken)
    return chosen


def _extras(selector: Selector, phase: Phase, weeks: range, taken: set[str]) -> list[Choice]:
    """Pinned exercises, and the optional symptom-guided extension item for disc-type pain."""
    extras: list[Choice] = []
    catalogue = selector.catalogue
    for pin in selector.template.pin:
        ex = catalogue.exercises.get(pin)
        if ex is None or selector.clashes(ex, taken):
            continue
        if ex.level <= LEVEL_CAP[phase] and selector.allowed(ex, weeks) is None:
            extras.append(Choice("pinned", ex))
            taken.add(ex.id)
    if selector.profile.has(Cause.INTERVERTEBRAL_DISC, Cause.SCIATICA_RADICULOPATHY) and phase in (
        Phase.PROTECT,
        Phase.RESTORE,
    ):
        # clinical rules §2.3: extension-in-lying only as an optional, symptom-guided item with the stop rule.
        candidates = [
            ex
            for ex in catalogue
            if ex.category is Category.MOBILITY and Tag.EXTENSION_END_RANGE in ex.tags and ex.id not in taken
        ]
        ex = selector.best_of(candidates, phase, weeks)
        if ex is not None:
            extras.append(Choice("symptom_guided", ex, optional=True, note=SYMPTOM_GUIDED_NOTE))
            taken.add(ex.id)
    return extras


def pin_warnings(selector: Selector, template: Template, spans: list[Span], weeks_n: int) -> list[PlanWarning]:
    """A warning for every pinned exercise that is unknown or that safety kept out of the plan."""
    used = {c.exercise.id for span in spans for session in span.sessions for c in session}
    warnings = []
    for pin in template.pin:
        ex = selector.catalogue.exercises.get(pin)
        if ex is None:
            message = f"The template pins '{pin}', which is not in the catalogue."
            warnings.append(PlanWarning(code="pinned_exercise_unknown", message=message))
        elif pin not in used:
            message = f"{ex.name} is pinned by the template but left out for safety: {_why_not(selector, ex, weeks_n)}."
            warnings.append(PlanWarning(code="pinned_exercise_dropped", message=message))
    return warnings


def by_slot(choices: Sequence[Choice]) -> dict[tuple[str, int], Exercise]:
    """Choices keyed by (slot, occurrence), so "the second stretch" can carry over to the next span."""
    keyed: dict[tuple[str, int], Exercise] = {}
    counts: dict[str, int] = {}
    for choice in choices:
        n = counts.get(choice.slot, 0)
        counts[choice.slot] = n + 1
        keyed[(choice.slot, n)] = choice.exercise
    return keyed


def _why_not(selector: Selector, ex: Exercise, weeks_n: int) -> str:
    """Why an exercise cannot be in this plan, in words for the runner."""
    if ex.id in selector.template.ban:
        return "the template also leaves it out"
    missing = [EQUIPMENT_LABELS[e] for e in ex.equipment if e not in selector.profile.equipment]
    if missing:
        return f"it needs {', '.join(missing)}"
    for week in range(1, weeks_n + 1):
        hit = [TAG_LABELS[t] for t in ex.tags if t in selector.excluded[week]]
        if hit:
            return f"{'; '.join(hit)} is left out of your plan in week {week}"
    return "it is harder than this plan's phases allow"
