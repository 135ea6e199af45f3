"""Keeping a week's volume within its limits: required weekly sets (G6) and each session's time budget.

Both work the same way: first hold back this week's dose increases, then trim exercises that are new this
week, least important slots first (``DROP_ORDER``). An exercise that was in last week's plan is never
dropped; when a lighter week would still have more sets than the week before, its exercises do one set
fewer instead of fewer repetitions (one variable changes, as G6 asks).
"""

from __future__ import annotations

from dataclasses import replace

from rehabgen.model.vocab import Phase
from rehabgen.plan.dosage import Dose, session_seconds
from rehabgen.plan.selection import Choice
from rehabgen.plan.slots import DROP_ORDER

MAX_WEEKLY_SETS_RISE = 1.20
"""Required weekly sets rise by at most 20% (clinical rules §4.2, G6; a tunable judgement)."""
SESSION_BUDGET_MIN: dict[Phase, int] = {
    Phase.PROTECT: 20,
    Phase.RESTORE: 35,
    Phase.STRENGTHEN: 45,
    Phase.RETURN_TO_RUN: 45,
}
"""Longest a structured session may grow [JUDGEMENT]: a home programme people keep doing stays short."""


def required_sets(sessions: list[list[Choice]], doses: dict[str, Dose], counts: list[int]) -> int:
    """The sets a runner must do in a week: every non-optional item, once for each session done."""
    return sum(
        doses[c.exercise.id].sets * times
        for s, times in zip(sessions, counts, strict=True)
        for c in s
        if not c.optional
    )


def cap_sets(
    sessions: list[list[Choice]],
    week_doses: dict[str, Dose],
    last_doses: dict[str, Dose],
    known: set[str],
    limit: int | None,
    counts: list[int],
    known_in: list[set[str]] | None = None,
) -> list[list[Choice]]:
    """Keep required weekly sets within ``limit``; ``week_doses`` is updated, the sessions returned.

    ``known_in`` holds, per session, the exercises it held last week: an exercise new to a session may leave
    it even when the other session had it (default: ``known`` for both).
    """
    if limit is None or required_sets(sessions, week_doses, counts) <= limit:
        return sessions  # the usual case: nothing to trim
    for ex_id, dose in list(week_doses.items()):
        last = last_doses.get(ex_id)
        if last is not None and dose.sets > last.sets:
            week_doses[ex_id] = last
            if required_sets(sessions, week_doses, counts) <= limit:
                return sessions
    for ex_id, dose in list(week_doses.items()):
        if ex_id not in known and dose.sets > 1:
            week_doses[ex_id] = replace(dose, sets=1, pyramid=dose.pyramid[:1] if dose.pyramid else None)
            if required_sets(sessions, week_doses, counts) <= limit:
                return sessions
    known_in = known_in or [known] * len(sessions)
    for slot in DROP_ORDER:
        for session, was in zip(sessions, known_in, strict=True):
            for choice in list(session):
                if choice.slot == slot and choice.exercise.id not in was:
                    session.remove(choice)
                    if required_sets(sessions, week_doses, counts) <= limit:
                        return sessions
    _fewer_sets(sessions, week_doses, last_doses, limit, counts)
    return sessions


def _fewer_sets(
    sessions: list[list[Choice]],
    week_doses: dict[str, Dose],
    last_doses: dict[str, Dose],
    limit: int,
    counts: list[int],
) -> None:
    """Last resort: one set fewer than last time for exercises that had more than one."""
    heavy = sorted(
        (c for s in sessions for c in s if not c.optional),
        key=lambda c: (-(last_doses[c.exercise.id].sets if c.exercise.id in last_doses else 0), c.exercise.id),
    )
    for choice in heavy:
        last = last_doses.get(choice.exercise.id)
        if last is None or last.sets <= 1 or last.pyramid is not None:
            continue
        week_doses[choice.exercise.id] = replace(last, sets=last.sets - 1)
        if required_sets(sessions, week_doses, counts) <= limit:
            return


def fit_time(
    sessions: list[list[Choice]],
    week_doses: dict[str, Dose],
    last_doses: dict[str, Dose],
    known: set[str],
    budget_min: int,
    known_in: list[set[str]] | None = None,
) -> list[list[Choice]]:
    """Keep each session within its time budget: hold progressions back first, then trim work new to it."""
    budget_s = budget_min * 60
    known_in = known_in or [known] * len(sessions)

    def seconds(choice: Choice) -> int:
        return session_seconds(week_doses[choice.exercise.id], choice.exercise)

    for session, was in zip(sessions, known_in, strict=True):
        used = sum(seconds(c) for c in session)
        for choice in sorted(session, key=lambda c: -week_doses[c.exercise.id].sets):
            if used <= budget_s:
                break
            last = last_doses.get(choice.exercise.id)
            current = week_doses[choice.exercise.id]
            if last is not None and current != last and session_seconds(last, choice.exercise) < seconds(choice):
                used -= seconds(choice)
                week_doses[choice.exercise.id] = last
                used += seconds(choice)
        for slot in DROP_ORDER:
            if used <= budget_s:
                break
            for choice in list(session):
                if used <= budget_s:
                    break
                if choice.slot == slot and choice.exercise.id not in was:
                    used -= seconds(choice)
                    session.remove(choice)
    return sessions
