"""Where each exercise is used in a programme and its dose week by week, for every renderer's exercise cards."""

from __future__ import annotations

from dataclasses import dataclass, field

from rehabgen.i18n import N_, _, _f
from rehabgen.model.programme import Item, Programme
from rehabgen.model.vocab import Phase
from rehabgen.words.doses import dose_words, rest_words

SESSION_LABELS = {"walk": N_("walking days"), "cross_training": N_("cross-training days")}
MAX_DOSE_ENTRIES = 4
"""A card lists at most this many weekly doses; beyond it, the first and last (the sheets list every week)."""


@dataclass
class Usage:
    """Where and how an exercise is used in the programme."""

    first_phase: Phase
    doses: list[tuple[int, str, bool]] = field(default_factory=list)  # (week, dose in words, lighter week)
    items: list[tuple[int, Item, bool]] = field(default_factory=list)  # (week, the week's item, lighter week)
    sessions: set[str] = field(default_factory=set)
    optional: bool = False
    note: str | None = None
    rest: str | None = None
    """The rest between sets, as a sentence, when the exercise has more than one set."""


def usages(programme: Programme) -> dict[str, Usage]:
    """Every exercise in an exercise session, with its dose per week, in order of first appearance."""
    found: dict[str, Usage] = {}
    for week in programme.weeks:
        seen: set[str] = set()
        for session in week.sessions:
            kind = SESSION_LABELS.get(session.kind)
            label = _(kind) if kind else _f("session {letter}", letter=session.variant)
            for item in session.items:
                usage = found.setdefault(item.exercise_id, Usage(first_phase=week.phase, optional=True))
                usage.sessions.add(label)
                usage.optional = usage.optional and item.optional
                usage.note = usage.note or item.note
                if item.exercise_id not in seen:
                    usage.doses.append((week.week, dose_words(item, rest=False), week.deload))
                    usage.items.append((week.week, item, week.deload))
                    usage.rest = usage.rest or rest_words(item)
                    seen.add(item.exercise_id)
    return found


def dose_groups(doses: list[tuple[int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """``(first week, last week, dose, lighter)``: consecutive weeks with the same dose share one entry.

    A lighter week is named only when its dose is actually lighter than the week before it.
    """
    groups: list[list[int | str | bool]] = []
    for week, dose, light in doses:
        if groups and groups[-1][1] == dose and groups[-1][3] == week - 1:
            groups[-1][3] = week
            groups[-1][2] = False
        else:
            groups.append([week, dose, light and bool(groups), week])
    return [(int(start), int(end), str(dose), bool(light)) for start, dose, light, end in groups]


def dose_line(doses: list[tuple[int, str, bool]]) -> str:
    """The weekly doses in words: "Weeks 1–2: 2 sets of 10. Week 3: 2 sets of 12.".

    Beyond ``MAX_DOSE_ENTRIES`` entries, the first and the last, and a pointer to the session sheets.
    """
    parts = []
    for start, end, dose, light in dose_groups(doses):
        weeks = _f("Week {week}", week=start) if start == end else _f("Weeks {first}–{last}", first=start, last=end)
        parts.append(weeks + (_(" (lighter week)") if light else "") + f": {dose}.")
    if len(parts) > MAX_DOSE_ENTRIES:
        return _f(
            "{first} … {last} Your session sheets give the dose for each week in between.",
            first=parts[0],
            last=parts[-1],
        )
    return " ".join(parts)
