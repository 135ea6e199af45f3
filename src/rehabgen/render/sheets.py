"""Session sheets, "what to do today": the programme regrouped for printing, whatever the format.

A sheet covers one block of weeks (``Week.block``: the weeks that keep the same exercises) and one exercise
session, A or B; when both sessions of a block hold the same exercises (the protect phase) one sheet serves
both. Each row is an exercise in the order it is done, with its dose for every week of the block in words;
each sheet lists the dated sessions to tick. The runs, walks and cross-training of the block come with it.
Only the resolved ``Programme`` is read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rehabgen.i18n import _, _f, ngettext, short_date, weekday_names
from rehabgen.model.programme import Item, Programme, Session, Week
from rehabgen.model.vocab import Phase
from rehabgen.words.doses import dose_words, rest_words


def day_names() -> tuple[str, ...]:
    """Monday to Sunday, short (``Mon`` …), in the current language."""
    return weekday_names()


@dataclass
class DoseSpan:
    """Consecutive weeks with the same dose of one exercise."""

    weeks: list[int]
    words: str
    lighter: bool

    @property
    def label(self) -> str:
        """``Week 3``, ``Weeks 3–4`` or ``Week 4 (lighter week)``."""
        first, last = self.weeks[0], self.weeks[-1]
        label = _f("Week {week}", week=first) if first == last else _f("Weeks {first}–{last}", first=first, last=last)
        return label + (_(" (lighter week)") if self.lighter else "")


@dataclass
class SheetRow:
    """One exercise on a sheet."""

    exercise_id: str
    name: str
    per_side: bool
    optional: bool
    note: str | None
    doses: list[DoseSpan]
    rest: str | None
    """Rest between sets, in words, when the exercise has more than one set."""
    clinician_note: str | None = None
    """The clinician's note on the exercise (``adjustments › notes``)."""


@dataclass
class SessionMark:
    """One dated session to tick."""

    week: int
    day: int
    date: dt.date | None

    @property
    def label(self) -> str:
        """``Mon 14 Dec`` with a date, ``Week 3 Mon`` without."""
        day = day_names()[self.day - 1]
        if self.date:
            return _f("{day} {date}", day=day, date=short_date(self.date))
        return _f("Week {week} {day}", week=self.week, day=day)


@dataclass
class Sheet:
    """One session's exercises for one block of weeks."""

    block: int
    weeks: list[int]
    variant: str | None
    """"A" or "B"; None when one sheet serves every exercise session of the block."""
    phases: list[Phase]
    rows: list[SheetRow]
    marks: list[SessionMark]

    @property
    def title(self) -> str:
        """``Exercises A, weeks 2–4`` or ``Your exercises, week 1``."""
        first, last = self.weeks[0], self.weeks[-1]
        weeks = _f("week {week}", week=first) if first == last else _f("weeks {first}–{last}", first=first, last=last)
        if self.variant:
            return _f("Exercises {letter}, {weeks}", letter=self.variant, weeks=weeks)
        return _f("Your exercises, {weeks}", weeks=weeks)

    def how_often(self) -> str:
        """How many times a week this sheet is done, in words."""
        per_week: dict[int, int] = {}
        for mark in self.marks:
            per_week[mark.week] = per_week.get(mark.week, 0) + 1
        counts = sorted(set(per_week.values()))
        if len(counts) == 1:
            return _f("{times} a week, on the days shown under each week.", times=_times(counts[0]))
        parts = []
        for count in counts:
            weeks = [w for w, n in per_week.items() if n == count]
            parts.append(_f("{times} in {weeks}", times=_times(count), weeks=_week_list(weeks)))
        return "; ".join(parts).capitalize() + _(", on the days shown under each week.")


@dataclass
class Block:
    """A block of weeks: its sheets and the other sessions in those weeks."""

    number: int
    weeks: list[Week]
    sheets: list[Sheet] = field(default_factory=list)

    @property
    def week_numbers(self) -> list[int]:
        """The weeks of the block."""
        return [w.week for w in self.weeks]

    def runs(self) -> list[tuple[int, Session]]:
        """Every run of the block, with its week."""
        return [(w.week, s) for w in self.weeks for s in w.sessions if s.kind == "run" and s.run is not None]

    def other_sessions(self) -> list[tuple[int, list[Session]]]:
        """Walks and cross-training per week."""
        found = []
        for week in self.weeks:
            others = [s for s in week.sessions if s.kind in ("walk", "cross_training")]
            if others:
                found.append((week.week, others))
        return found


def blocks(programme: Programme) -> list[Block]:
    """The programme's blocks of weeks, each with its session sheets in order (A, then B)."""
    grouped: dict[int, Block] = {}
    for week in programme.weeks:
        grouped.setdefault(week.block, Block(week.block, [])).weeks.append(week)
    notes = {n.exercise_id: n.clinician_note for n in programme.exercises if n.clinician_note}
    for block in grouped.values():
        block.sheets = _sheets(block, notes)
    return list(grouped.values())


def _sheets(block: Block, notes: dict[str, str]) -> list[Sheet]:
    lists = {
        variant: [_session(w, variant) for w in block.weeks]
        for variant in ("A", "B")
        if any(_session(w, variant) for w in block.weeks)
    }
    same = len(lists) == 2 and _ids(lists["A"]) == _ids(lists["B"])
    sheets = []
    for variant, sessions in lists.items():
        if same and variant == "B":
            continue
        marks = [
            SessionMark(w.week, s.day, s.date)
            for w in block.weeks
            for s in w.sessions
            if s.kind == "exercise" and (same or s.variant == variant)
        ]
        weeks = [w for w, s in zip(block.weeks, sessions, strict=True) if s is not None]
        rows = _rows(weeks, [s for s in sessions if s is not None], notes)
        phases = list(dict.fromkeys(w.phase for w in weeks))
        sheets.append(Sheet(block.number, [w.week for w in weeks], None if same else variant, phases, rows, marks))
    return sheets


def _session(week: Week, variant: str) -> Session | None:
    return next((s for s in week.sessions if s.kind == "exercise" and s.variant == variant), None)


def _ids(sessions: list[Session | None]) -> list[list[str] | None]:
    return [[i.exercise_id for i in s.items] if s else None for s in sessions]


def _rows(weeks: list[Week], sessions: list[Session], notes: dict[str, str]) -> list[SheetRow]:
    """The block's exercises in the order done, each with its dose week by week."""
    order: list[str] = []
    for session in sessions:
        for item in session.items:
            if item.exercise_id not in order:
                position = _position(order, session.items, item.exercise_id)
                order.insert(position, item.exercise_id)
    rows = []
    for exercise_id in order:
        found = [(w, found_item) for w, s in zip(weeks, sessions, strict=True) if (found_item := _item(s, exercise_id))]
        first = found[0][1]
        rows.append(
            SheetRow(
                exercise_id=exercise_id,
                name=first.name,
                per_side=first.per_side,
                optional=first.optional,
                note=first.note,
                doses=_dose_spans(found),
                rest=rest_words(first),
                clinician_note=notes.get(exercise_id),
            )
        )
    return rows


def _item(session: Session, exercise_id: str) -> Item | None:
    return next((i for i in session.items if i.exercise_id == exercise_id), None)


def _position(order: list[str], items: list[Item], exercise_id: str) -> int:
    """Where a newly met exercise goes: after the last exercise that comes before it in its session."""
    ids = [i.exercise_id for i in items]
    before = ids[: ids.index(exercise_id)]
    placed = [order.index(e) for e in before if e in order]
    return max(placed) + 1 if placed else 0


def _dose_spans(found: list[tuple[Week, Item]]) -> list[DoseSpan]:
    spans: list[DoseSpan] = []
    for week, item in found:
        words = dose_words(item, rest=False, side=False)
        last = spans[-1] if spans else None
        if last is not None and last.words == words and last.weeks[-1] == week.week - 1:
            last.weeks.append(week.week)
            last.lighter = False  # the same dose as the week before is not lighter
        else:
            spans.append(DoseSpan([week.week], words, week.deload and last is not None))
    return spans


def _times(n: int) -> str:
    if n == 1:
        return _("once")
    if n == 2:
        return _("twice")
    return ngettext("{count} time", "{count} times", n).format(count=n)


def _week_list(weeks: list[int]) -> str:
    if len(weeks) == 1:
        return _f("week {week}", week=weeks[0])
    return _f("weeks {first} and {last}", first=", ".join(str(w) for w in weeks[:-1]), last=weeks[-1])
