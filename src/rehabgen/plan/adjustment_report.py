"""What the clinician's adjustments did to the plan, read from the finished weeks (clinical rules §8.4).

An adjustment is *applied* when the plan carries it in at least one week, and *refused* (in full or for some
weeks) with a code and the reason, naming the weeks and the rule: ``adjustment_excluded`` (a rule keeps its
movements out), ``adjustment_too_hard`` (above the phase's level), ``adjustment_no_room`` (the session is full
or the weekly limit on sets, G6, held it back), ``adjustment_held_back`` (kept out of some of its weeks),
``adjustment_not_in_plan`` (nothing to change) and ``adjustment_dose_lowered`` (a dose brought within the
rules). Messages are for the clinician: the clinician's page and standard error print them.
"""

from __future__ import annotations

from collections.abc import Iterable

from rehabgen.i18n import _, _f, ngettext
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import Exercise
from rehabgen.model.programme import AdjustmentKind, AdjustmentReport, AppliedAdjustment, Item, Week
from rehabgen.plan.adjusted_doses import DoseTargets
from rehabgen.plan.adjustments import Adjusting, item_name
from rehabgen.plan.phases import Layout
from rehabgen.plan.selection import Selector
from rehabgen.plan.slots import LEVEL_CAP
from rehabgen.words.doses import dose_words
from rehabgen.words.labels import TAG_LABELS

REASON_ORDER = ("adjustment_excluded", "adjustment_too_hard", "adjustment_no_room")


def week_list(weeks: Iterable[int]) -> str:
    """``week 3``, ``weeks 3–5`` or ``weeks 3–4 and 7``."""
    runs: list[list[int]] = []
    for week in sorted(weeks):
        if runs and week == runs[-1][-1] + 1:
            runs[-1].append(week)
        else:
            runs.append([week])
    parts = [str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs]
    text = ", ".join(parts[:-1]) + _(" and ") + parts[-1] if len(parts) > 1 else parts[0]
    return ngettext("week {weeks}", "weeks {weeks}", sum(len(r) for r in runs)).format(weeks=text)


class Reporter:
    """Reads the finished weeks for the report."""

    def __init__(
        self,
        adjusting: Adjusting,
        selector: Selector,
        layout: Layout,
        weeks: list[Week],
        blocks: list[tuple[range, bool]],
    ) -> None:
        self.adjusting = adjusting
        self.selector = selector
        self.layout = layout
        self.weeks = weeks
        self.blocks = [b for b, _ in blocks]
        self.catalogue: Catalogue = selector.catalogue
        self.present: dict[str, list[int]] = {}
        self.items: dict[str, list[tuple[int, Item]]] = {}
        for week in weeks:
            if week.week < adjusting.from_week:
                continue
            for item in (i for s in week.sessions for i in s.items):
                found = self.present.setdefault(item.exercise_id, [])
                if not found or found[-1] != week.week:
                    found.append(week.week)
                    self.items.setdefault(item.exercise_id, []).append((week.week, item))

    def applied(self, kind: AdjustmentKind, exercise_id: str | None, message: str) -> AppliedAdjustment:
        """An applied entry."""
        name = item_name(self.adjusting, kind, exercise_id)
        return AppliedAdjustment(item=name, kind=kind, exercise_id=exercise_id, message=message)

    def why_not(self, ex: Exercise, week: int) -> tuple[str, str]:
        """(code, reason in words) an exercise is not in the plan in ``week``."""
        excluded = self.selector.excluded
        block = next((b for b in self.blocks if week in b), range(week, week + 1))
        for when in [week, *(w for w in block if w != week)]:
            hit = [TAG_LABELS[t] for t in ex.tags if t in excluded[when]]
            if hit:
                words = "; ".join(hit)
                if when == week:
                    return "adjustment_excluded", _f("a rule keeps {movements} out of the plan then", movements=words)
                sheet = week_list(block)
                why = _f(
                    "a rule keeps {movements} out in week {week}, and {weeks} share a sheet",
                    movements=words,
                    week=when,
                    weeks=sheet,
                )
                return "adjustment_excluded", why
        phase = self.layout.phase_of(week)
        if ex.level > LEVEL_CAP[phase]:
            return "adjustment_too_hard", _f(
                "level {level} is above what the {phase} phase allows", level=ex.level, phase=phase.value
            )
        if week in self.layout.deloads and week > 1:
            return "adjustment_held_back", _("a lighter week brings in nothing new")
        if week == self.layout.weeks and week > 1:
            return "adjustment_held_back", _("the last week brings in nothing new")
        return (
            "adjustment_no_room",
            _("no room: the session was full or at its time limit, or the weekly limit on sets held it back"),
        )

    def reasons(self, ex: Exercise, weeks: list[int]) -> tuple[str, str]:
        """The commonest code for these weeks, and every reason with its weeks."""
        by_reason: dict[tuple[str, str], list[int]] = {}
        for week in weeks:
            by_reason.setdefault(self.why_not(ex, week), []).append(week)
        codes = [code for code, _ in by_reason]
        code = max(codes, key=lambda c: (codes.count(c), -REASON_ORDER.index(c) if c in REASON_ORDER else -9))
        if len(by_reason) == 1:
            return code, next(iter(by_reason))[1]
        return code, "; ".join(f"{week_list(w)}: {why}" for (_, why), w in by_reason.items())


def build_report(
    adjusting: Adjusting,
    selector: Selector,
    layout: Layout,
    weeks: list[Week],
    blocks: list[tuple[range, bool]],
    targets: DoseTargets | None,
) -> AdjustmentReport:
    """What was applied and what was refused, in the order the clinician wrote them."""
    reporter = Reporter(adjusting, selector, layout, weeks, blocks)
    applied: list[AppliedAdjustment] = []
    start = adjusting.from_week
    since = _f(" from week {week}", week=start) if start > 1 else ""
    for exercise_id in adjusting.drop:
        name = reporter.catalogue[exercise_id].name
        message = _f("{exercise} is left out of the plan{since}.", exercise=name, since=since)
        applied.append(reporter.applied("drop", exercise_id, message))
    for pin in adjusting.pins:
        applied += _pin(reporter, pin.id, list(range(pin.from_week, pin.to_week + 1)))
    for old, new in adjusting.swaps.items():
        applied += _swap(reporter, old, new)
    for exercise_id in adjusting.doses:
        applied += _dose(reporter, exercise_id, targets)
    for exercise_id in adjusting.notes:
        name = reporter.catalogue[exercise_id].name
        if exercise_id in reporter.present:
            applied.append(reporter.applied("notes", exercise_id, _f("Note printed with {exercise}.", exercise=name)))
        else:
            message = _f(
                "{exercise} is not in the plan{since}, so its note is not printed.", exercise=name, since=since
            )
            adjusting.refuse("notes", exercise_id, "adjustment_not_in_plan", message)
    if adjusting.asked.note:
        applied.append(
            reporter.applied("note", None, _("Note printed in the clinician's block at the start of the handout."))
        )
    if adjusting.asked.next_appointment:
        applied.append(
            reporter.applied("next_appointment", None, _("Next appointment printed at the start of the handout."))
        )
    return AdjustmentReport(from_week=start, applied=applied, refused=adjusting.refused)


def _pin(reporter: Reporter, exercise_id: str, window: list[int]) -> list[AppliedAdjustment]:
    ex = reporter.catalogue[exercise_id]
    done = [w for w in reporter.present.get(exercise_id, []) if w in window]
    missing = [w for w in window if w not in done]
    if not done:
        code, why = reporter.reasons(ex, missing)
        reporter.adjusting.refuse(
            "pin", exercise_id, code, _f("{exercise} is not used: {why}.", exercise=ex.name, why=why)
        )
        return []
    if missing:
        _, why = reporter.reasons(ex, missing)
        message = _f("{exercise} is held back in {weeks}: {why}.", exercise=ex.name, weeks=week_list(missing), why=why)
        reporter.adjusting.refuse("pin", exercise_id, "adjustment_held_back", message)
    message = _f("{exercise} is in the sessions of {weeks}.", exercise=ex.name, weeks=week_list(done))
    return [reporter.applied("pin", exercise_id, message)]


def _swap(reporter: Reporter, old: str, new: str) -> list[AppliedAdjustment]:
    before, after = reporter.catalogue[old], reporter.catalogue[new]
    tries = reporter.selector.swap_log.get(old, [])
    swapped = sorted({w for weeks, why in tries if why is None for w in weeks})
    start = reporter.adjusting.from_week
    since = _f(" from week {week}", week=start) if start > 1 else ""
    if not tries:
        message = _f(
            "{exercise} is not in the plan{since}, so there is nothing to swap.", exercise=before.name, since=since
        )
        reporter.adjusting.refuse("swap", old, "adjustment_not_in_plan", message)
        return []
    kept = list(reporter.present.get(old, []))
    if not swapped:
        failed = sorted({w for weeks, _ in tries for w in weeks})
        code, why = _swap_reasons(reporter, after, tries, failed)
        message = _f("{new} cannot take {old}'s place: {why}.", new=after.name, old=before.name, why=why)
        reporter.adjusting.refuse("swap", old, code, message)
        return []
    if kept:
        why = _kept_reasons(reporter, after, tries, kept)
        message = _f("{exercise} stays in {weeks}: {why}.", exercise=before.name, weeks=week_list(kept), why=why)
        reporter.adjusting.refuse("swap", old, "adjustment_held_back", message)
    weeks = [w for w in reporter.present.get(new, []) if w in swapped] or swapped
    message = _f("{new} takes {old}'s place in {weeks}.", new=after.name, old=before.name, weeks=week_list(weeks))
    return [reporter.applied("swap", old, message)]


def _swap_reasons(
    reporter: Reporter, new: Exercise, tries: list[tuple[range, str | None]], weeks: list[int]
) -> tuple[str, str]:
    """Why the new exercise could not go in, for the weeks it was tried."""
    if any(why == "in_session" for _, why in tries):
        return "adjustment_held_back", _f("{exercise} is already in that session", exercise=new.name)
    return reporter.reasons(new, weeks)


def _kept_reasons(reporter: Reporter, new: Exercise, tries: list[tuple[range, str | None]], kept: list[int]) -> str:
    """Why the old exercise is still in these weeks, week by week."""
    by_reason: dict[str, list[int]] = {}
    for week in kept:
        why = next((why for weeks, why in tries if week in weeks and why is not None), None)
        if why is None:
            text = _("kept on from the week before, as an exercise stays in the plan at least two weeks")
        elif why == "in_session":
            text = _f("{exercise} is already in that session", exercise=new.name)
        else:
            text = reporter.why_not(new, week)[1]
        by_reason.setdefault(text, []).append(week)
    return "; ".join(f"{week_list(w)}: {text}" for text, w in by_reason.items())


def _dose(reporter: Reporter, exercise_id: str, targets: DoseTargets | None) -> list[AppliedAdjustment]:
    ex = reporter.catalogue[exercise_id]
    adjusting = reporter.adjusting
    if targets is None or exercise_id not in targets.targets:
        since = _f(" from week {week}", week=adjusting.from_week) if adjusting.from_week > 1 else ""
        message = _f("{exercise} is not in the plan{since}, so its dose is not set.", exercise=ex.name, since=since)
        adjusting.refuse("dose", exercise_id, "adjustment_not_in_plan", message)
        return []
    if lowered := targets.lowered.get(exercise_id):
        message = _f("{exercise}: {changes}.", exercise=ex.name, changes="; ".join(lowered))
        adjusting.refuse("dose", exercise_id, "adjustment_dose_lowered", message)
    reached = targets.reached.get(exercise_id)
    items = dict(reporter.items.get(exercise_id, []))
    if not items:  # chosen, but the session's size, time or the weekly limit on sets kept it out every week
        weeks = sorted({w.week for w in reporter.weeks if w.week >= adjusting.from_week})
        why = reporter.reasons(ex, weeks)[1]
        message = _f("{exercise} is not in the plan: {why}.", exercise=ex.name, why=why)
        adjusting.refuse("dose", exercise_id, "adjustment_not_in_plan", message)
        return []
    if reached is None or reached not in items:
        message = _f(
            "{exercise} is in the plan in {weeks} and does not reach the dose asked for in that time: "
            "one change a week and the weekly limit on sets hold it back.",
            exercise=ex.name,
            weeks=week_list(items),
        )
        adjusting.refuse("dose", exercise_id, "adjustment_held_back", message)
        return []
    first = min(items)
    how = "" if reached == first else _f(", reached one change a week from week {week}", week=first)
    words = dose_words(items[reached], rest=False)
    message = _f("{exercise}: {dose} from week {week}{how}.", exercise=ex.name, dose=words, week=reached, how=how)
    return [reporter.applied("dose", exercise_id, message)]
