"""Choosing the exercises of session A and B for each block of weeks (``Layout.blocks``).

A block keeps its exercises; at the start of the next block each slot steps one rung up its ladder when the
harder rung is allowed, and exercises carry over from block to block where they still may. Pinned exercises
and the optional, symptom-guided extension item for disc-type pain are added after the slots.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rehabgen.errors import Problem, TemplateError
from rehabgen.i18n import N_, _, _f, ngettext
from rehabgen.model.exercise import Exercise
from rehabgen.model.programme import PlanWarning
from rehabgen.model.template import Template
from rehabgen.model.vocab import Category, Cause, Phase, Tag
from rehabgen.plan.phases import Layout
from rehabgen.plan.selection import Choice, Selector
from rehabgen.plan.slots import DROP_ORDER, LEVEL_CAP, SESSIONS
from rehabgen.words.labels import EQUIPMENT_LABELS, TAG_LABELS

VARIETY_SLOTS = frozenset({"core_front", "glute_bridge", "glute_side", "legs_both", "legs_single"})
"""Slots where session B prefers a different exercise from A; warm-ups and stretches stay the same."""
SYMPTOM_GUIDED_NOTE = N_("Optional: only if it eases your symptoms. Stop if pain spreads further down your leg.")


@dataclass
class Span:
    """A block of weeks with the same exercises: its phase (that of its first week) and session A and B."""

    phase: Phase
    weeks: range
    sessions: tuple[list[Choice], list[Choice]]
    new_phase: bool


def choose_sessions(
    selector: Selector,
    layout: Layout,
    blocks: Sequence[tuple[range, bool]] | None = None,
    before: Span | None = None,
) -> list[Span]:
    """Fill session A and B for each block of weeks (``Layout.blocks``, or ``blocks`` after ``before``).

    A block's exercises must be allowed in every week of it. Each slot steps up its ladder at a block's start
    (``blocks`` marks with False a part of a block, which keeps the block's exercises). In the protect phase
    both sessions are the same short routine.
    """
    spans: list[Span] = []
    for weeks, step_up in blocks if blocks is not None else [(b, True) for b in layout.blocks()]:
        phase = layout.phase_of(weeks.start)
        previous = spans[-1] if spans else before
        first = _fill(selector, phase, 0, weeks, previous, step_up, ())
        second = list(first) if phase is Phase.PROTECT else _fill(selector, phase, 1, weeks, previous, step_up, first)
        spans.append(Span(phase, weeks, (first, second), previous is None or previous.phase is not phase))
    return spans


class SteadySessions:
    """Hands out each week's session A and B: the blocks' choices, made steady.

    A block's sessions are settled in its first week and kept to its end. An exercise, once in the plan,
    stays at least two weeks (a harder version of it counts as the same exercise): one that has been in only
    one week stays for the next block too. No session holds more than ``size`` exercises. The one exception
    is safety: an exercise a rule excludes in a week leaves. ``done`` records what a week finally held (after
    the volume caps), which the next block builds on.
    """

    def __init__(
        self,
        selector: Selector,
        layout: Layout,
        deloads: set[int],
        size: int,
        *,
        spans: list[Span] | None = None,
        switch: tuple[int, Selector] | None = None,
    ) -> None:
        """Sessions from ``spans`` (default: ``choose_sessions``).

        With ``switch``, its selector takes over from its week on: a plan reissued at a review, whose later
        spans were chosen with the clinician's adjustments.
        """
        self.selector = selector
        self.layout = layout
        self.last_week = layout.weeks
        self.deloads = deloads
        self.size = size
        self.switch = switch
        self.spans = spans if spans is not None else choose_sessions(selector, layout)
        self.nominal = {w: span for span in self.spans for w in span.weeks}
        self.previous: tuple[list[Choice], list[Choice]] | None = None
        self.current: list[list[Choice]] = [[], []]
        self.performed: set[str] = set()
        self.performed_in: list[set[str]] = [set(), set()]
        self.seen: set[frozenset[str]] = set()  # every exercise family done so far
        self.seen_ids: set[str] = set()  # every exercise done so far
        """The exercises done last week (a session not done that week does not count)."""
        self.residence: dict[frozenset[str], int] = {}  # exercise family → consecutive weeks in the plan

    def choose(self, week: int) -> tuple[Phase, list[list[Choice]]]:
        """The week's phase and session A and B for ``week``."""
        if self.switch is not None and week == self.switch[0]:
            self.selector = self.switch[1]
        span = self.nominal[week]
        if week == span.weeks.start:
            sessions = [list(s) for s in span.sessions]
            if self.previous is not None:
                _carry(self.selector, self.previous, sessions, self.residence, span.weeks, self.size)
            self.current = [_in_order(_trim(s, self.size)) for s in sessions]
        weeks = range(week, week + 1)
        sessions = [_still_allowed(self.selector, s, weeks) for s in self.current]
        if self.previous is not None and (week in self.deloads or week == self.last_week):
            # A lighter week and the last week bring in nothing new (one the volume cap held back waits).
            sessions = [[c for c in s if c.exercise.id in self.seen_ids] for s in sessions]
        return self.layout.phase_of(week), sessions

    def block_of(self, week: int) -> int:
        """The 1-based number of the block a week belongs to."""
        return self.spans.index(self.nominal[week]) + 1

    def done(self, sessions: list[list[Choice]], counts: list[int]) -> None:
        """Record what the week held (``counts``: how many times session A and B were done)."""
        done = [c for s, times in zip(sessions, counts, strict=True) if times for c in s]
        self.performed = {c.exercise.id for c in done}
        self.performed_in = [
            {c.exercise.id for c in s} if times else set() for s, times in zip(sessions, counts, strict=True)
        ]
        families = {_family(self.selector, c) for c in done}
        self.seen |= families
        self.seen_ids |= self.performed
        self.residence = {f: self.residence.get(f, 0) + 1 for f in families}
        self.previous = (list(sessions[0]), list(sessions[1]))


def _still_allowed(selector: Selector, session: list[Choice], weeks: range) -> list[Choice]:
    return [c for c in session if selector.allowed(c.exercise, weeks) is None]


def _family(selector: Selector, choice: Choice) -> frozenset[str]:
    return selector.catalogue.ladder_members[choice.exercise.id]


def _carry(
    selector: Selector,
    previous: tuple[list[Choice], list[Choice]],
    sessions: list[list[Choice]],
    residence: dict[frozenset[str], int],
    weeks: range,
    size: int,
) -> None:
    """Rebuild each session so last week's exercises that have been in the plan only one week stay (in place).

    They come first; then the exercises the plan already had; then new ones, while there is room. A new
    exercise that does not fit waits for a later week. Only a safety rule removes an exercise sooner.
    """
    for which, before in enumerate(previous):
        nominal = sessions[which]
        present = {_family(selector, c) for c in nominal}
        staying = [
            c
            for c in before
            if residence.get(_family(selector, c), 0) < 2
            and _family(selector, c) not in present
            and selector.allowed(c.exercise, weeks) is None
        ]
        known = [c for c in nominal if residence.get(_family(selector, c), 0) > 0]
        new = [c for c in nominal if residence.get(_family(selector, c), 0) == 0]
        kept = [*staying, *known]
        room = size - sum(not c.optional for c in kept)
        for choice in sorted(new, key=_drop_rank):
            if choice.optional or room > 0:
                kept.append(choice)
                room -= 0 if choice.optional else 1
        sessions[which] = kept


def _drop_rank(choice: Choice) -> int:
    """Higher goes first when a session is too full: the first slots of ``DROP_ORDER``; pinned exercises last."""
    if choice.slot == "pinned":
        return -1
    return len(DROP_ORDER) - DROP_ORDER.index(choice.slot) if choice.slot in DROP_ORDER else 0


def _trim(session: list[Choice], size: int) -> list[Choice]:
    """At most ``size`` required exercises, dropping the least important slots first.

    Optional, symptom-guided items come on top.
    """
    kept = list(session)
    while sum(not c.optional for c in kept) > size:
        kept.remove(max((c for c in kept if not c.optional), key=_drop_rank))
    return kept


_WARM_UP_SLOTS = frozenset({"mobility", "warmup"})


def _in_order(session: list[Choice]) -> list[Choice]:
    """Warm-up first and the cool-down stretch last, the main work between in its slot order."""
    return sorted(session, key=lambda c: 0 if c.slot in _WARM_UP_SLOTS else 2 if c.slot == "stretch" else 1)


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
            ex = selector.swapped(ex, phase, weeks, taken)
            chosen.append(Choice(slot, ex))
            taken.add(ex.id)
    chosen += _extras(selector, phase, weeks, taken)
    return chosen


def _extras(selector: Selector, phase: Phase, weeks: range, taken: set[str]) -> list[Choice]:
    """Pinned exercises, and the optional symptom-guided extension item for disc-type pain."""
    extras: list[Choice] = []
    catalogue = selector.catalogue
    pins = [*selector.template.pin, *(p.id for p in selector.pins if p.from_week <= weeks.start <= p.to_week)]
    for pin in pins:
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


def pin_warnings(selector: Selector, template: Template, used: dict[str, set[int]], weeks_n: int) -> list[PlanWarning]:
    """A warning for every pinned exercise that is unknown, or that safety kept out of the plan or of some weeks.

    ``used`` maps each exercise in the plan to its weeks. Codes: ``pinned_exercise_unknown``,
    ``pinned_exercise_dropped`` (in no week at all) and ``pinned_exercise_held_back`` (kept out of some weeks by
    the profile's exclusions).
    """
    warnings = []
    for pin in template.pin:
        ex = selector.catalogue.exercises.get(pin)
        if ex is None:
            message = _f("The template pins '{pin}', which is not in the catalogue.", pin=pin)
            warnings.append(PlanWarning(code="pinned_exercise_unknown", message=message))
        elif pin not in used:
            message = _f(
                "{exercise} is pinned by the template but left out for safety: {why}.",
                exercise=ex.name,
                why=_why_not(selector, ex, weeks_n),
            )
            warnings.append(PlanWarning(code="pinned_exercise_dropped", message=message))
        else:
            missing = (w for w in range(1, weeks_n + 1) if w not in used[pin])
            held = [w for w in missing if selector.allowed(ex, range(w, w + 1)) is not None]
            if held:
                hit = [TAG_LABELS[t] for t in ex.tags if t in selector.excluded[held[0]]]
                why = (
                    _f("{movements} is left out of your plan then", movements="; ".join(hit))
                    if hit
                    else _("it is not allowed then")
                )
                message = _f(
                    "{exercise} is pinned by the template but held back for safety in {weeks}: {why}.",
                    exercise=ex.name,
                    weeks=_weeks(held),
                    why=why,
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
    text = _f("{first} and {last}", first=", ".join(parts[:-1]), last=parts[-1]) if len(parts) > 1 else parts[0]
    return ngettext("week {weeks}", "weeks {weeks}", len(weeks)).replace("{weeks}", text)


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


def _why_not(selector: Selector, ex: Exercise, weeks_n: int) -> str:
    """Why an exercise cannot be in this plan, in words for the runner."""
    if ex.id in selector.template.ban:
        return _("the template also leaves it out")
    missing = [EQUIPMENT_LABELS[e] for e in ex.equipment if e not in selector.profile.equipment]
    if missing:
        return _f("it needs {equipment}", equipment=", ".join(missing))
    for week in range(1, weeks_n + 1):
        hit = [TAG_LABELS[t] for t in ex.tags if t in selector.excluded[week]]
        if hit:
            return _f("{movements} is left out of your plan in week {week}", movements="; ".join(hit), week=week)
    return _("it is harder than this plan's phases allow")
