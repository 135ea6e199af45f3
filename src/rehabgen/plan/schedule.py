"""Putting a week's sessions on days: exercise sessions (G9), runs, cross-training and daily walks early on.

Items are built once per exercise and dose and shared between weeks (they are frozen), through an
``ItemMaker`` that lives as long as one programme is being planned.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Literal

from rehabgen.clinical.causes import CAUSES
from rehabgen.i18n import N_, _
from rehabgen.model.exercise import Exercise
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Item, RunPlan, Session
from rehabgen.model.vocab import Category, Phase, Tag
from rehabgen.plan.dosage import Dose
from rehabgen.plan.phases import POSTPARTUM_RUN_WEEKS
from rehabgen.plan.running import RunningPlan
from rehabgen.plan.selection import Choice, Selector

EXERCISE_DAYS: dict[int, tuple[int, ...]] = {
    1: (1,),
    2: (1, 4),
    3: (1, 3, 5),
    4: (1, 3, 5, 7),
    5: (1, 2, 4, 5, 6),
    6: (1, 2, 3, 4, 5, 6),
    7: (1, 2, 3, 4, 5, 6, 7),
}
"""Structured sessions spread so that with 3 or fewer a week no two fall on consecutive days (G9)."""
CROSS_TRAINING_IDS = ("stationary_cycling", "swimming", "pool_running", "elliptical_trainer")
INTERVAL_WALK_NOTE = N_(
    "Walk in spells: when your legs start to ache or tingle, stop and sit, or lean forward on a rail or bench, "
    "until it eases, then carry on. The minutes are your total walking time."
)
"""For causes where walking upright brings on leg symptoms (stenosis, clinical rules §2.5)."""
PREFERRED_AEROBIC_PER_WEEK = 2
"""Sessions a week of the endurance work a cause favours (issue 12: at least twice, from week 1)."""
WALK_ID = "brisk_walk"


@dataclass
class ItemMaker:
    """Builds session items from choices and doses, sharing equal ones (a memo for one programme)."""

    _made: dict[tuple[str, Dose, bool, str | None], Item] = field(default_factory=dict)

    def item(self, choice: Choice, dose: Dose) -> Item:
        """The item for a choice at a dose."""
        exercise = choice.exercise
        key = (exercise.id, dose, choice.optional, choice.note)
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = _item(exercise, dose, choice.optional, choice.note)
        return found


def _item(exercise: Exercise, dose: Dose, optional: bool, note: str | None) -> Item:
    # Built from already-validated catalogue data and doses: construct without re-validating.
    return Item.model_construct(
        exercise_id=exercise.id,
        name=exercise.name,
        category=exercise.category,
        tags=list(exercise.tags),
        equipment=list(exercise.equipment),
        sets=dose.sets,
        reps=dose.pyramid[0] if dose.pyramid else dose.reps,
        pyramid=list(dose.pyramid) if dose.pyramid else None,
        hold_s=dose.hold_s,
        duration_min=dose.duration_min,
        load=_(dose.load) if dose.load else None,
        per_side=exercise.per_side,
        rest_s=dose.rest_s,
        optional=optional,
        cues=list(exercise.cues),
        note=_(note) if note else None,
    )


@dataclass
class DayPlanner:
    """Places one week's sessions on its seven days."""

    profile: Profile
    selector: Selector
    sessions_per_week: int
    items: ItemMaker = field(default_factory=ItemMaker)

    def variants(self, sessions_before: int, *, has_b: bool) -> list[int]:
        """Which session (0 = A, 1 = B) each of this week's exercise days holds.

        A and B alternate across weeks, so over the programme each is done as often as the other. With one
        session a week it is always A: an exercise done only every other week would not progress [JUDGEMENT].
        """
        if not has_b or self.sessions_per_week == 1:
            return [0] * self.sessions_per_week
        return [(sessions_before + i) % 2 for i in range(self.sessions_per_week)]

    def place(
        self,
        week: int,
        phase: Phase,
        exercise_sessions: list[tuple[list[Item], int]],
        order: list[int],
        running: RunningPlan,
        walk_minutes: int,
        cross_minutes: int,
    ) -> list[Session]:
        """Every session of the week, in day order."""
        start = self.profile.start_date
        dates = {d: start + dt.timedelta(days=(week - 1) * 7 + d - 1) if start else None for d in range(1, 8)}
        days: dict[int, list[Session]] = {d: [] for d in range(1, 8)}
        for session in self._exercise(exercise_sessions, order, dates):
            days[session.day].append(session)
        run_days = set()
        for run in running.weeks.get(week, []):
            run_days.add(run.day)
            days[run.day].append(
                Session.model_construct(
                    day=run.day,
                    date=dates[run.day],
                    kind="run",
                    title=run.title,
                    duration_min=run_minutes(run.plan),
                    run=run.plan,
                )
            )
        cross = self._cross_training(phase, week, run_days, cross_minutes, dates)
        for session in cross:
            days[session.day].append(session)
        busy = run_days | {c.day for c in cross}
        for walk in self._walks(phase, run_days, busy, walk_minutes, dates):
            days[walk.day].append(walk)
        return [session for day in range(1, 8) for session in days[day]]

    def _exercise(
        self, exercise_sessions: list[tuple[list[Item], int]], order: list[int], dates: dict[int, dt.date | None]
    ) -> list[Session]:
        out = []
        for which, day in zip(order, EXERCISE_DAYS[self.sessions_per_week], strict=True):
            items, minutes = exercise_sessions[which]
            letter: Literal["A", "B"] = "B" if which else "A"
            out.append(
                Session.model_construct(
                    day=day,
                    date=dates[day],
                    kind="exercise",
                    variant=letter,
                    title=_("Exercise session {letter}").format(letter=letter),
                    duration_min=max(5, 5 * math.ceil(minutes / 5)),
                    items=list(items),
                )
            )
        return out

    def _cross_training(
        self, phase: Phase, week: int, run_days: set[int], minutes: int, dates: dict[int, dt.date | None]
    ) -> list[Session]:
        """Endurance work other than running, on days without runs.

        Twice a week from week 1 where a cause favours it and the kit allows; otherwise once a week from the
        restore phase on, optional once running has started.
        """
        weeks = range(week, week + 1)
        preferred = preferred_aerobic(self.profile)
        cross = None
        if preferred:
            catalogue = self.selector.catalogue
            candidates = [ex for ex in catalogue.select(category=Category.CROSS_TRAINING) if preferred & set(ex.tags)]
            cross = self.selector.best_of(candidates, phase, weeks)
        if cross is not None:
            count, optional = PREFERRED_AEROBIC_PER_WEEK, False
        elif phase is Phase.PROTECT:
            return []
        else:
            catalogue = self.selector.catalogue
            candidates = [catalogue.exercises[i] for i in CROSS_TRAINING_IDS if i in catalogue]
            cross = self.selector.best_of(candidates, phase, weeks)
            count, optional = 1, phase is Phase.RETURN_TO_RUN or bool(run_days)
        if cross is None:
            return []
        exercise_days = EXERCISE_DAYS[self.sessions_per_week]
        free = [d for d in range(1, 8) if d not in exercise_days and d not in run_days]
        chosen = _spread(free, count) if count > 1 else free[:1]
        if len(chosen) < count:  # too few free days: a short session after an exercise session
            chosen += [d for d in exercise_days if d not in run_days][: count - len(chosen)]
        item = self.items.item(
            Choice("cross_training", cross, optional=optional), Dose(1, duration_min=minutes, rest_s=0)
        )
        return [
            Session.model_construct(
                day=day,
                date=dates[day],
                kind="cross_training",
                optional=optional,
                title=_("{activity} {minutes} min").format(activity=cross.name, minutes=minutes),
                duration_min=minutes,
                items=[item],
            )
            for day in sorted(chosen)
        ]

    def _walks(
        self, phase: Phase, run_days: set[int], busy: set[int], walk_minutes: int, dates: dict[int, dt.date | None]
    ) -> list[Session]:
        """Daily walks in the protect and restore phases; optional walks while strengthening without runs."""
        early = phase in (Phase.PROTECT, Phase.RESTORE)
        if not early and (run_days or phase is not Phase.STRENGTHEN):
            return []
        exercise_days = EXERCISE_DAYS[self.sessions_per_week]
        walk_days = range(1, 8) if early else [d for d in range(1, 8) if d not in exercise_days]
        minutes = walk_minutes if early else 30
        walk = self.selector.catalogue.exercises.get(WALK_ID)
        spells = any(CAUSES[c].interval_walks for c in self.profile.causes)
        note = INTERVAL_WALK_NOTE if spells else None
        title = (_("Walk with rests {minutes} min") if spells else _("Brisk walk {minutes} min")).format(
            minutes=minutes
        )
        out = []
        for day in walk_days:
            if day in busy:
                continue
            items = []
            if walk is not None:
                choice = Choice("walk", walk, optional=not early, note=note)
                items = [self.items.item(choice, Dose(1, duration_min=minutes, rest_s=0))]
            out.append(
                Session.model_construct(
                    day=day,
                    date=dates[day],
                    kind="walk",
                    optional=not early,
                    title=title,
                    duration_min=minutes,
                    items=items,
                )
            )
        return out


def preferred_aerobic(profile: Profile) -> frozenset[Tag]:
    """Tags of the endurance work the runner's causes favour; any non-impact work when impact must wait."""
    found: set[Tag] = set()
    for cause in profile.causes:
        found |= CAUSES[cause].aerobic
    early_postpartum = profile.postpartum_weeks is not None and profile.postpartum_weeks < POSTPARTUM_RUN_WEEKS
    if profile.pelvic_floor_symptoms or early_postpartum:
        found.add(Tag.CROSS_TRAINING)
    return frozenset(found)


def _spread(days: list[int], count: int) -> list[int]:
    """``count`` of ``days``, as far apart as they go (the first and the last for two)."""
    if len(days) <= count:
        return list(days)
    step = (len(days) - 1) / (count - 1)
    return [days[round(i * step)] for i in range(count)]


def run_minutes(plan: RunPlan) -> int:
    """A run session's length, with 5 minutes of walking before and after."""
    if plan.type == "walk_run":
        return int(plan.repeats * (plan.run_min + plan.walk_min)) + 10
    return int(plan.run_min) + 10
