"""Keeping a week's volume within its limits: total weekly sets (G6) and each session's time budget.

Both work the same way: first hold back this week's dose increases, then trim exercises that are new this
week, least important slots first (``DROP_ORDER``). Exercises the runner already does are never dropped.
"""

from __future__ import annotations

import math
from dataclasses import replace

from rehabgen.model.vocab import Phase
from rehabgen.plan.dosage import Dose, session_seconds
from rehabgen.plan.selection import Choice
from rehabgen.plan.slots import DROP_ORDER

MAX_WEEKLY_SETS_RISE = 1.20
"""Total weekly sets rise by at most 20% (clinical rules §4.2, G6; a tunable judgement)."""
SESSION_BUDGET_MIN: dict[Phase, int] = {
    Phase.PROTECT: 20,
    Phase.RESTORE: 35,
    Phase.STRENGTHEN: 45,
    Phase.RETURN_TO_RUN: 45,
}
"""Longest a structured session may grow [JUDGEMENT]: a home programme people keep doing stays short."""


def schedule_counts(sessions: list[list[Choice]], sessions_per_week: int) -> list[int]:
    """How many times session A and B happen in a week (all A when B is empty)."""
    if not sessions[1]:
        return [sessions_per_week, 0]
    a = (sessions_per_week + 1) // 2
    return [a, sessions_per_week - a]


def cap_sets(
    sessions: list[list[Choice]],
    week_doses: dict[str, Dose],
    last_doses: dict[str, Dose],
    previous_total: int,
    sessions_per_week: int,
) -> list[list[Choice]]:
    """Keep total weekly sets within +20% of last week (G6) by undoing set increases and trimming new work.

    ``week_doses`` is updated in place; the sessions are returned (trimmed when needed).
    """
    if previous_total <= 0:
        return sessions
    cap = math.floor(previous_total * MAX_WEEKLY_SETS_RISE)

    def occurrences() -> dict[str, int]:
        counts: dict[str, int] = {}
        for session, times in zip(sessions, schedule_counts(sessions, sessions_per_week), strict=True):
            for choice in session:
                counts[choice.exercise.id] = counts.get(choice.exercise.id, 0) + times
        return counts

    times = occurrences()
    total = sum(week_doses[i].sets * n for i, n in times.items())
    if total <= cap:
        return sessions  # the usual case: nothing to trim
    for ex_id, dose in list(week_doses.items()):
        last = last_doses.get(ex_id)
        if last is not None and dose.sets > last.sets:
            total -= (dose.sets - last.sets) * times.get(ex_id, 0)
            week_doses[ex_id] = last
            if total <= cap:
                return sessions
    for ex_id, dose in list(week_doses.items()):
        if ex_id not in last_doses and dose.sets > 1:
            total -= (dose.sets - 1) * times.get(ex_id, 0)
            week_doses[ex_id] = replace(dose, sets=1, pyramid=dose.pyramid[:1] if dose.pyramid else None)
            if total <= cap:
                return sessions
    for slot in DROP_ORDER:
        for session in sessions:
            for choice in list(session):
                if choice.slot == slot and choice.exercise.id not in last_doses:
                    session.remove(choice)
                    times = occurrences()  # dropping from A may turn the week into all-A sessions
                    total = sum(week_doses[i].sets * n for i, n in times.items())
                    if total <= cap:
                        return sessions
    return sessions


def fit_time(
    sessions: list[list[Choice]],
    week_doses: dict[str, Dose],
    last_doses: dict[str, Dose],
    budget_min: int,
) -> list[list[Choice]]:
    """Keep each session within its time budget: hold progressions back first, then trim new work."""
    budget_s = budget_min * 60

    def seconds(choice: Choice) -> int:
        return session_seconds(week_doses[choice.exercise.id], choice.exercise)

    for session in sessions:
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
                if choice.slot == slot and choice.exercise.id not in last_doses:
                    used -= seconds(choice)
                    session.remove(choice)
    return sessions
