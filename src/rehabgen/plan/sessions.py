"""Choosing the exercises of session A and B for each span of weeks that share a phase and exclusions.

A span keeps its exercises; at a phase change each slot steps one rung up its ladder when the harder rung is
allowed, and exercises carry over from span to span where they still may. Pinned exercises and the optional,
symptom-guided extension item for disc-type pain are added after the slots.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rehabgen.errors import Problem, TemplateError
from rehabgen.model.exercise import Exercise
from rehabgen.model.programme import PlanWarning
from rehabgen.model.template import Template
from rehabgen.model.vocab import Category, Cause, Phase, Tag
from rehabgen.plan.phases import Layout
from rehabgen.plan.selection import Choice, Selector
from rehabgen.plan.slots import LEVEL_CAP, SESSIONS

VARIETY_SLOTS = frozenset({"core_front", "glute_bridge", "glute_side", "legs_both", "legs_single"})
"""Slots where session B prefers a different exercise from A; warm-ups and stretches stay the same."""
SYMPTOM_GUIDED_NOTE = (
    "Optional: only if it eases your symptoms. Stop if pain spreads further down your leg (RULES §2.2, §2.3)."
)


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
        # RULES §2.3: extension-in-lying only as an optional, symptom-guided item with the stop rule.
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
    """A warning for every pinned exercise that is unknown, or that safety kept out of the plan or of some weeks.

    Codes: ``pinned_exercise_unknown``, ``pinned_exercise_dropped`` (in no week at all) and
    ``pinned_exercise_held_back`` (kept out of some weeks by the profile's exclusions).
    """
    used: dict[str, set[int]] = {}
    for span in spans:
        for exercise_id in {c.exercise.id for session in span.sessions for c in session}:
            used.setdefault(exercise_id, set()).update(span.weeks)
    warnings = []
    for pin in template.pin:
        ex = selector.catalogue.exercises.get(pin)
        if ex is None:
            message = f"The template pins '{pin}', which is not in the catalogue."
            warnings.append(PlanWarning(code="pinned_exercise_unknown", message=message))
        elif pin not in used:
            reason = selector.allowed(ex, range(1, weeks_n + 1)) or "too hard for this plan's phases"
            message = f"{ex.name} is pinned by the template but left out for safety: {reason}."
            warnings.append(PlanWarning(code="pinned_exercise_dropped", message=message))
        else:
            missing = (w for w in range(1, weeks_n + 1) if w not in used[pin])
            held = {w: why for w in missing if (why := selector.allowed(ex, range(w, w + 1))) is not None}
            if held:
                message = (
                    f"{ex.name} is pinned by the template but held back for safety in {_weeks(sorted(held))} "
                    f"({held[min(held)]})."
                )
                warnings.append(PlanWarning(code="pinned_exercise_held_back", message=message))
    return warnings


def _weeks(weeks: list[int]) -> str:
    """``week 3``, ``weeks 1–4`` or ``weeks 1–2 and 5``."""
    runs: list[list[int]] = []
    for week in weeks:
        if runs and week == runs[-1][-1] + 1:
            runs[-1].append(week)
        else:
            runs.append([week])
    parts = [str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs]
    text = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
    return ("week " if len(weeks) == 1 else "weeks ") + text


def check_sessions(spans: list[Span], template: Template, sessions_per_week: int) -> None:
    """Refuse a plan with an exercise session that has no exercise in it.

    Raises:
        TemplateError: the template's bans (or zero weights) and the profile's exclusions leave a session
            empty; the template is what can be changed.
    """
    problems = []
    for span in spans:
        used = span.sessions if sessions_per_week > 1 else span.sessions[:1]  # one a week: only A is done
        for name, session in zip("AB", used, strict=False):
            if not session:
                weeks = _weeks(list(span.weeks))
                message = (
                    f"session {name} of {weeks} ({span.phase.value} phase) has no exercise left: with this "
                    f"profile's exclusions, the template '{template.id}' bans or zero-weights every exercise "
                    "that could fill it; ban fewer exercises"
                )
                problems.append(Problem(message, path=("ban",)))
    if problems:
        raise TemplateError(problems)


def by_slot(choices: Sequence[Choice]) -> dict[tuple[str, int], Exercise]:
    """Choices keyed by (slot, occurrence), so "the second stretch" can carry over to the next span."""
    keyed: dict[tuple[str, int], Exercise] = {}
    counts: dict[str, int] = {}
    for choice in choices:
        n = counts.get(choice.slot, 0)
        counts[choice.slot] = n + 1
        keyed[(choice.slot, n)] = choice.exercise
    return keyed
