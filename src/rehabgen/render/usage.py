"""Where each exercise is used in a programme and its dose week by week, for every renderer's exercise cards."""

from __future__ import annotations

from dataclasses import dataclass, field

from rehabgen.model.programme import Item, Programme
from rehabgen.model.vocab import Phase

SESSION_LABELS = {"walk": "walking days", "cross_training": "cross-training days"}


@dataclass
class Usage:
    """Where and how an exercise is used in the programme."""

    first_phase: Phase
    doses: list[tuple[int, str, bool]] = field(default_factory=list)  # (week, dose, lighter week)
    items: list[tuple[int, Item, bool]] = field(default_factory=list)  # (week, the week's item, lighter week)
    sessions: set[str] = field(default_factory=set)
    optional: bool = False
    note: str | None = None


def usages(programme: Programme) -> dict[str, Usage]:
    """Every exercise in an exercise session, with its dose per week, in order of first appearance."""
    found: dict[str, Usage] = {}
    for week in programme.weeks:
        seen: set[str] = set()
        for session in week.sessions:
            label = SESSION_LABELS.get(session.kind) or f"session {session.variant}"
            for item in session.items:
                usage = found.setdefault(item.exercise_id, Usage(first_phase=week.phase, optional=True))
                usage.sessions.add(label)
                usage.optional = usage.optional and item.optional
                usage.note = usage.note or item.note
                if item.exercise_id not in seen:
                    usage.doses.append((week.week, item.dose(), week.deload))
                    usage.items.append((week.week, item, week.deload))
                    seen.add(item.exercise_id)
    return found


def dose_groups(doses: list[tuple[int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """``(first week, last week, dose, lighter)``: consecutive weeks with the same dose share one entry.

    A lighter week is named only when its dose is actually lighter than the weeks around it.
    """
    groups: list[list[int | str | bool]] = []
    for week, dose, light in doses:
        if groups and groups[-1][1] == dose and groups[-1][3] == week - 1:
            groups[-1][3] = week
            groups[-1][2] = False
        else:
            groups.append([week, dose, light, week])
    return [(int(start), int(end), str(dose), bool(light)) for start, dose, light, end in groups]


def dose_line(doses: list[tuple[int, str, bool]]) -> str:
    """``W1–2: 2×10 · W3: 2×12 · W4 (lighter): 2×8``, grouped as ``dose_groups`` does."""
    parts = []
    for start, end, dose, light in dose_groups(doses):
        weeks = f"W{start}" if start == end else f"W{start}–{end}"
        parts.append(f"{weeks}{' (lighter)' if light else ''}: {dose}")
    return " · ".join(parts)
