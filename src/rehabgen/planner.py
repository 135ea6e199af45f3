"""The planner: (profile, catalogue, template) → Programme. Pure and deterministic.

The flow, each step in its own module:

1. ``triage`` decides whether a programme may be given at all; a referral stops here with no exercises.
2. ``phases`` places protect / restore / strengthen / return-to-run and the gates on running.
3. ``running`` plans the walk-run ladder and continuous running under the G7 caps.
4. ``exclusions`` turns the profile's causes into excluded movement tags per week (RULES §2.9).
5. ``selection`` fills session A and B slots for each span of weeks with the same phase and exclusions.
6. ``dosage`` sets and progresses each exercise's dose one variable a week (G6) with reduced-volume weeks
   (G8); the weekly-sets cap trims new work when a phase change would raise total sets by more than 20%.
7. Sessions are placed on days (G9), with daily walks early on and cross-training where the kit allows.

No files, clock, environment or randomness: the same inputs always give the same programme.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rehabgen._version import __version__
from rehabgen.advice import build_advice, disclaimer, safety_net
from rehabgen.catalogue import Catalogue
from rehabgen.dosage import Dose, next_step, reduced, session_seconds, start_dose
from rehabgen.exclusions import excluded_by_week, first_week_allowing, resolve_exclusions
from rehabgen.exercise import Exercise
from rehabgen.phases import Layout, layout_phases
from rehabgen.profile import Profile
from rehabgen.programme import (
    Item,
    Meta,
    Patient,
    Phase,
    Programme,
    Referral,
    RunPlan,
    Session,
    Warning,
    Week,
)
from rehabgen.regions import routes_for
from rehabgen.running import RunningPlan, plan_running
from rehabgen.selection import DROP_ORDER, LEVEL_CAP, SESSIONS, Choice, Selector
from rehabgen.template import DEFAULT_TEMPLATE, Template
from rehabgen.triage import Status, Triage, triage
from rehabgen.vocab import BONE_STRESS_CAUSES, Category, Cause, Tag

MAX_WEEKLY_SETS_RISE = 1.20
"""Total weekly sets rise by at most 20% (RULES §4.2, G6; a tunable judgement)."""
DELOAD_EVERY = 4
"""A reduced-volume week every 4th week in programmes of 8 weeks or more (RULES §3.5, G8)."""
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
SESSION_BUDGET_MIN: dict[Phase, int] = {
    Phase.PROTECT: 20,
    Phase.RESTORE: 35,
    Phase.STRENGTHEN: 45,
    Phase.RETURN_TO_RUN: 45,
}
"""Longest a structured session may grow [JUDGEMENT]: a home programme people keep doing stays short."""
WALK_START_MIN = {True: 10, False: 15}
"""First daily walk: 10 minutes when pain is 5/10 or more, else 15; +5 a week up to 30."""
CROSS_TRAINING_IDS = ("stationary_cycling", "swimming", "pool_running", "elliptical_trainer")
VARIETY_SLOTS = frozenset({"core_front", "glute_bridge", "glute_side", "legs_both", "legs_single"})
"""Slots where session B prefers a different exercise from A; warm-ups and stretches stay the same."""
SYMPTOM_GUIDED_NOTE = (
    "Optional: only if it eases your symptoms. Stop if pain spreads further down your leg (RULES §2.2, §2.3)."
)


def build_programme(profile: Profile, catalogue: Catalogue, template: Template | None = None) -> Programme:
    """Triage the profile and, when a programme is allowed, plan it week by week."""
    template = template or DEFAULT_TEMPLATE
    decision = triage(profile)
    weeks_n = _setting(profile, "programme_weeks", template.default_weeks)
    sessions_n = _setting(profile, "sessions_per_week", template.default_sessions_per_week)
    meta = _meta(profile, template, weeks_n, sessions_n, catalogue)
    if not decision.status.allows_programme:
        return _referral(profile, decision, meta)
    return _Planner(profile, catalogue, template, decision, weeks_n, sessions_n, meta).plan()


def _setting(profile: Profile, name: str, template_default: int | None) -> int:
    """A profile value the user gave wins; otherwise the template's default; otherwise the model default."""
    value: int = getattr(profile, name)
    if name not in profile.model_fields_set and template_default is not None:
        return template_default
    return value


def _meta(profile: Profile, template: Template, weeks: int, sessions: int, catalogue: Catalogue) -> Meta:
    payload = {
        "profile": profile.model_dump(mode="json"),
        "template": template.model_dump(mode="json"),
        "catalogue": _catalogue_fingerprint(catalogue),
    }
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    patient = profile.patient
    return Meta(
        title=template.title,
        template=template.id,
        input_hash=digest[:10],
        patient=Patient(name=patient.name, id=patient.id) if patient else Patient(),
        clinician=profile.clinician,
        goal=profile.goal,
        start_date=profile.start_date,
        region=profile.region.value if profile.region else None,
        causes=[c.value for c in profile.causes],
        sessions_per_week=sessions,
        programme_weeks=weeks,
        age=profile.age,
    )


_FINGERPRINTS: dict[int, str] = {}


def _catalogue_fingerprint(catalogue: Catalogue) -> str:
    """A hash of the whole catalogue, cached per catalogue object (it is immutable)."""
    key = id(catalogue)
    cached = _FINGERPRINTS.get(key)
    if cached is None:
        text = json.dumps([ex.model_dump(mode="json") for ex in catalogue], sort_keys=True)
        cached = hashlib.sha256(text.encode()).hexdigest()[:16]
        _FINGERPRINTS.clear()
        _FINGERPRINTS[key] = cached
    return cached


def _referral(profile: Profile, decision: Triage, meta: Meta) -> Programme:
    routes = routes_for(profile.region)
    reasons = [r.text for r in decision.reasons]
    if decision.status is Status.EMERGENCY_REFERRAL:
        referral = Referral(
            headline="Do not start any exercises. Get emergency help now.",
            action=f"{routes.emergency}. Do not wait to see if it gets better.",
            details=[
                "Your answers include a warning sign that needs a doctor to examine you today, in hospital.",
                "Take this page with you and tell them about your back pain and these symptoms.",
            ],
        )
    elif decision.status is Status.URGENT_REFERRAL:
        referral = Referral(
            headline="Do not start this exercise plan yet. See a doctor today.",
            action=f"{routes.urgent}.",
            details=[
                "Your answers include a warning sign that a doctor should check before you exercise.",
                f"If you develop any emergency sign below: {routes.emergency}.",
            ],
        )
    else:
        referral = Referral(
            headline="A clinician needs to see you before you start an exercise plan.",
            action=f"{routes.routine}, and take this page with you.",
            details=[
                "rehabgen cannot plan exercise safely for you until a doctor or physiotherapist has assessed "
                "you and confirmed what is causing the pain.",
                "Keep gently active in the meantime: short walks and normal daily activity are fine.",
            ],
        )
    return Programme(
        rehabgen_version=__version__,
        status=decision.status,
        reasons=reasons,
        reason_codes=decision.codes,
        advice=[safety_net(profile), disclaimer()],
        referral=referral,
        meta=meta,
    )


@dataclass
class _Span:
    phase: Phase
    weeks: range
    sessions: tuple[list[Choice], list[Choice]]
    new_phase: bool


@dataclass
class _Planner:
    profile: Profile
    catalogue: Catalogue
    template: Template
    decision: Triage
    weeks_n: int
    sessions_n: int
    meta: Meta
    warnings: list[Warning] = field(default_factory=list)

    def plan(self) -> Programme:
        profile = self.profile
        layout = layout_phases(profile, self.template, self.weeks_n)
        deloads = set(range(DELOAD_EVERY, self.weeks_n + 1, DELOAD_EVERY)) if self.weeks_n >= 8 else set()
        condition_rules = resolve_exclusions(profile, layout)
        not_before = first_week_allowing(condition_rules, frozenset({Tag.RUNNING, Tag.IMPACT}), self.weeks_n)
        running = plan_running(profile, layout, deloads, not_before)
        run_weeks = {w for w, runs in running.weeks.items() if runs}
        exclusions = resolve_exclusions(profile, layout, run_weeks)
        excluded = excluded_by_week(exclusions, self.weeks_n)
        self.selector = Selector(profile, self.template, self.catalogue)
        spans = self._spans(layout, excluded)
        self._check_pins(spans, excluded)
        weeks = self._weeks(layout, spans, excluded, deloads, running)
        self._general_warnings(layout, running)
        advice = build_advice(profile, self.template, has_running=bool(run_weeks))
        routes = routes_for(profile.region)
        referral = None
        if self.decision.status is Status.PROGRAMME_WITH_REFERRAL_ADVICE:
            referral = Referral(
                headline="See a doctor or physiotherapist soon",
                action=f"{routes.routine}. You can start this plan in the meantime.",
                details=[r.text for r in self.decision.reasons],
            )
        return Programme(
            rehabgen_version=__version__,
            status=self.decision.status,
            reasons=[r.text for r in self.decision.reasons],
            reason_codes=self.decision.codes,
            warnings=self.warnings,
            exclusions=exclusions,
            advice=advice,
            gates=list(layout.gates),
            phases=layout.spans(),
            weeks=weeks,
            referral=referral,
            meta=self.meta,
        )

    # --- choosing exercises -----------------------------------------------------------------------------

    def _spans(self, layout: Layout, excluded: Sequence[frozenset[Tag]]) -> list[_Span]:
        """Group weeks with the same phase and exclusions, and fill session A and B for each group."""
        spans: list[_Span] = []
        start = 1
        for week in range(2, self.weeks_n + 2):
            if week <= self.weeks_n and (
                layout.phase_of(week) == layout.phase_of(start) and excluded[week] == excluded[start]
            ):
                continue
            phase = layout.phase_of(start)
            previous = spans[-1] if spans else None
            new_phase = previous is None or previous.phase is not phase
            weeks = range(start, week)
            first = self._fill(phase, 0, weeks, excluded, previous, new_phase, ())
            second = self._fill(phase, 1, weeks, excluded, previous, new_phase, first)
            sessions = (first, second)
            spans.append(_Span(phase, weeks, sessions, new_phase))
            start = week
        return spans

    def _fill(
        self,
        phase: Phase,
        which: int,
        weeks: range,
        excluded: Sequence[frozenset[Tag]],
        previous: _Span | None,
        new_phase: bool,
        session_a: Sequence[Choice],
    ) -> list[Choice]:
        """Fill one session's slots; session B leans away from A's choices for variety."""
        selector = self.selector
        before = _by_slot(previous.sessions[which]) if previous else {}
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
                    ex = selector.step_up(prior, slot, phase, excluded, weeks, taken)
                elif selector.allowed(prior, excluded, weeks) is None and not selector.clashes(prior, taken):
                    ex = prior
            if ex is None:
                avoid = a_ids if slot in VARIETY_SLOTS else frozenset()
                ex = selector.pick(slot, phase, excluded, weeks, taken, avoid=avoid)
            if ex is not None:
                chosen.append(Choice(slot, ex))
                taken.add(ex.id)
        chosen += self._extras(phase, weeks, excluded, taken)
        return chosen

    def _extras(self, phase: Phase, weeks: range, excluded: Sequence[frozenset[Tag]], taken: set[str]) -> list[Choice]:
        """Pinned exercises, and the optional symptom-guided extension item for disc-type pain."""
        extras: list[Choice] = []
        for pin in self.template.pin:
            ex = self.catalogue.exercises.get(pin)
            if ex is None or self.selector.clashes(ex, taken):
                continue
            if ex.level <= LEVEL_CAP[phase] and self.selector.allowed(ex, excluded, weeks) is None:
                extras.append(Choice("pinned", ex))
                taken.add(ex.id)
        disc_type = self.profile.has(Cause.INTERVERTEBRAL_DISC, Cause.SCIATICA_RADICULOPATHY)
        if disc_type and phase in (Phase.PROTECT, Phase.RESTORE):
            # RULES §2.3: extension-in-lying only as an optional, symptom-guided item with the stop rule.
            candidates = [
                ex
                for ex in self.catalogue
                if ex.category is Category.MOBILITY and Tag.EXTENSION_END_RANGE in ex.tags and ex.id not in taken
            ]
            ex = self.selector.best_of(candidates, phase, excluded, weeks)
            if ex is not None:
                extras.append(Choice("symptom_guided", ex, optional=True, note=SYMPTOM_GUIDED_NOTE))
                taken.add(ex.id)
        return extras

    def _check_pins(self, spans: list[_Span], excluded: Sequence[frozenset[Tag]]) -> None:
        used = {c.exercise.id for span in spans for session in span.sessions for c in session}
        for pin in self.template.pin:
            ex = self.catalogue.exercises.get(pin)
            if ex is None:
                self.warnings.append(
                    Warning(
                        code="pinned_exercise_unknown",
                        message=f"The template pins '{pin}', which is not in the catalogue.",
                    )
                )
            elif pin not in used:
                reason = (
                    self.selector.allowed(ex, excluded, range(1, self.weeks_n + 1)) or "too hard for this plan's phases"
                )
                self.warnings.append(
                    Warning(
                        code="pinned_exercise_dropped",
                        message=f"{ex.name} is pinned by the template but left out for safety: {reason}.",
                    )
                )

    # --- weeks, doses and days ----------------------------------------------------------------------------

    def _weeks(
        self,
        layout: Layout,
        spans: list[_Span],
        excluded: Sequence[frozenset[Tag]],
        deloads: set[int],
        running: RunningPlan,
    ) -> list[Week]:
        profile = self.profile
        weeks: list[Week] = []
        doses: dict[str, Dose] = {}  # exercise id → last week's dose
        base: dict[str, Dose] = {}  # dose before a reduced-volume week, restored after it
        previous_total = 0
        walk_minutes = WALK_START_MIN[profile.pain_nprs >= 5]
        cross_minutes = 15
        for span in spans:
            for week in span.weeks:
                phase = span.phase
                deload = week in deloads
                after_deload = (week - 1) in deloads
                sessions = [list(s) for s in span.sessions]
                week_doses: dict[str, Dose] = {}
                for choice in (c for s in sessions for c in s):
                    ex = choice.exercise
                    if ex.id in week_doses:
                        continue
                    last = doses.get(ex.id)
                    if last is not None and choice.optional:
                        dose = last  # optional, symptom-guided items keep their dose
                    elif last is None:
                        dose = start_dose(ex, phase, profile.age)
                    elif deload:
                        base[ex.id] = last
                        dose = reduced(last, ex)
                    elif after_deload and ex.id in base:
                        dose = base.pop(ex.id)
                    else:
                        dose = next_step(last, ex, phase)
                    if last is not None and len(dose.changed(last)) > 1:
                        dose = last  # never change two variables in one week (G6)
                    week_doses[ex.id] = dose
                sessions = self._cap_sets(sessions, week_doses, doses, previous_total)
                sessions = self._fit_time(sessions, week_doses, doses, SESSION_BUDGET_MIN[phase])
                exercise_sessions = self._exercise_sessions(sessions, week_doses, phase)
                # Only sessions actually done this week count as "last week's dose" (with one session a week,
                # session B is never done).
                performed = zip(sessions, self._schedule_counts(sessions), strict=True)
                present = {c.exercise.id for s, times in performed if times for c in s}
                doses = {k: v for k, v in week_doses.items() if k in present}
                built = self._place(week, phase, exercise_sessions, running, walk_minutes, cross_minutes, excluded)
                previous_total = sum(i.sets for s in built if s.kind == "exercise" for i in s.items)
                if phase in (Phase.PROTECT, Phase.RESTORE) and not deload:
                    walk_minutes = min(30, walk_minutes + 5)
                if not deload:
                    cross_minutes = min(40, cross_minutes + 5)
                notes = []
                if deload:
                    notes.append("Lighter week: fewer repetitions and less running, to let your body recover.")
                weeks.append(
                    Week(
                        week=week,
                        phase=phase,
                        deload=deload,
                        running_km=running.km(week),
                        sessions=built,
                        notes=notes,
                    )
                )
        return weeks

    def _cap_sets(
        self,
        sessions: list[list[Choice]],
        week_doses: dict[str, Dose],
        last_doses: dict[str, Dose],
        previous_total: int,
    ) -> list[list[Choice]]:
        """Keep total weekly sets within +20% of last week (G6) by undoing set increases and trimming new work."""
        if previous_total <= 0:
            return sessions
        cap = math.floor(previous_total * MAX_WEEKLY_SETS_RISE)

        def occurrences() -> dict[str, int]:
            counts: dict[str, int] = {}
            for session, times in zip(sessions, self._schedule_counts(sessions), strict=True):
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

    def _fit_time(
        self,
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

    def _schedule_counts(self, sessions: Sequence[Sequence[object]]) -> list[int]:
        """How many times session A and B happen this week (all A when B is empty)."""
        if not sessions[1]:
            return [self.sessions_n, 0]
        a = (self.sessions_n + 1) // 2
        return [a, self.sessions_n - a]

    def _exercise_sessions(
        self, sessions: list[list[Choice]], doses: dict[str, Dose], phase: Phase
    ) -> list[tuple[list[Item], int]]:
        """Each session's items and its estimated minutes."""
        built = []
        for session in sessions:
            seconds = sum(session_seconds(doses[c.exercise.id], c.exercise) for c in session)
            built.append(([self._item(c, doses[c.exercise.id]) for c in session], math.ceil(seconds / 60)))
        return built

    def _item(self, choice: Choice, dose: Dose) -> Item:
        """The session item for a choice at a dose (items are immutable, so equal ones are shared)."""
        return _item(choice.exercise, dose, choice.optional, choice.note)

    def _place(
        self,
        week: int,
        phase: Phase,
        exercise_sessions: list[tuple[list[Item], int]],
        running: RunningPlan,
        walk_minutes: int,
        cross_minutes: int,
        excluded: Sequence[frozenset[Tag]],
    ) -> list[Session]:
        """Put the week's sessions on days: exercise (G9), runs, cross-training, daily walks early on."""
        profile = self.profile
        days: dict[int, list[Session]] = {d: [] for d in range(1, 8)}
        start = profile.start_date
        dates = {d: start + dt.timedelta(days=(week - 1) * 7 + d - 1) if start else None for d in range(1, 8)}
        exercise_days = EXERCISE_DAYS[self.sessions_n]
        for index, day in enumerate(exercise_days):
            has_b = bool(exercise_sessions[1][0])
            items, minutes = exercise_sessions[index % 2] if has_b else exercise_sessions[0]
            letter = "A" if index % 2 == 0 or not has_b else "B"
            days[day].append(
                Session.model_construct(
                    day=day,
                    date=dates[day],
                    kind="exercise",
                    title=f"Exercise session {letter}",
                    duration_min=max(5, 5 * math.ceil(minutes / 5)),
                    items=list(items),
                )
            )
        run_days = set()
        for run in running.weeks.get(week, []):
            run_days.add(run.day)
            days[run.day].append(
                Session.model_construct(
                    day=run.day,
                    date=dates[run.day],
                    kind="run",
                    title=run.title,
                    duration_min=_run_minutes(run.plan),
                    run=run.plan,
                )
            )
        cross = self._cross_training(phase, week, excluded)
        cross_day = None
        if cross is not None:
            free = [d for d in range(1, 8) if d not in exercise_days and d not in run_days]
            if free:
                cross_day = free[0]
                optional = phase is Phase.RETURN_TO_RUN or bool(run_days)
                item = self._item(
                    Choice("cross_training", cross, optional=optional),
                    Dose(sets=1, duration_min=cross_minutes, rest_s=0),
                )
                days[cross_day].append(
                    Session.model_construct(
                        day=cross_day,
                        date=dates[cross_day],
                        kind="cross_training",
                        optional=optional,
                        title=f"{cross.name} {cross_minutes} min",
                        duration_min=cross_minutes,
                        items=[item],
                    )
                )
        walk = self.catalogue.exercises.get("brisk_walk")
        if phase in (Phase.PROTECT, Phase.RESTORE) or (not run_days and phase is Phase.STRENGTHEN):
            early = phase in (Phase.PROTECT, Phase.RESTORE)
            walk_days = range(1, 8) if early else [d for d in range(1, 8) if d not in exercise_days]
            for day in walk_days:
                if day == cross_day or day in run_days:
                    continue
                items = []
                if walk is not None:
                    items = [
                        self._item(
                            Choice("walk", walk, optional=not early),
                            Dose(sets=1, duration_min=walk_minutes if early else 30, rest_s=0),
                        )
                    ]
                minutes = walk_minutes if early else 30
                days[day].append(
                    Session.model_construct(
                        day=day,
                        date=dates[day],
                        kind="walk",
                        optional=not early,
                        title=f"Brisk walk {minutes} min",
                        duration_min=minutes,
                        items=items,
                    )
                )
        return [session for day in range(1, 8) for session in days[day]]

    def _cross_training(self, phase: Phase, week: int, excluded: Sequence[frozenset[Tag]]) -> Exercise | None:
        if phase is Phase.PROTECT:
            return None
        candidates = [self.catalogue.exercises[i] for i in CROSS_TRAINING_IDS if i in self.catalogue]
        return self.selector.best_of(candidates, phase, excluded, range(week, week + 1))

    def _general_warnings(self, layout: Layout, running: RunningPlan) -> None:
        profile = self.profile
        if profile.has(Cause.INTERVERTEBRAL_DISC, Cause.SCIATICA_RADICULOPATHY) and profile.has(
            Cause.FACET_JOINT_IRRITATION, Cause.SPINAL_STENOSIS
        ):
            self.warnings.append(
                Warning(
                    code="conflicting_directional_bias",
                    message="Disc-type pain is often eased by arching and facet or stenosis pain by bending "
                    "forward, so this plan avoids both directions in the early weeks. A physiotherapist can "
                    "check which direction helps you.",
                )
            )
        if profile.has(*BONE_STRESS_CAUSES) and self.weeks_n < 12:
            self.warnings.append(
                Warning(
                    code="bone_stress_short_programme",
                    message="Recovery from a stress fracture or spondylolysis usually takes 12 weeks or more; "
                    "this plan is shorter, so plan a review with your clinician at its end.",
                )
            )
        if self.weeks_n < 6:
            self.warnings.append(
                Warning(
                    code="short_programme",
                    message="Muscles need about 6 weeks of regular training to get stronger; consider a longer plan.",
                )
            )
        if layout.running_blocked_by and profile.weekly_running_km > 0:
            self.warnings.append(Warning(code="running_paused", message=layout.running_blocked_by))
        self.warnings += running.warnings


_ITEMS: dict[tuple[int, Dose, bool, str | None], tuple[Exercise, Item]] = {}


def _item(exercise: Exercise, dose: Dose, optional: bool, note: str | None) -> Item:
    """An Item, shared between weeks and programmes (Items are frozen; the key holds the exercise alive)."""
    key = (id(exercise), dose, optional, note)
    cached = _ITEMS.get(key)
    if cached is not None and cached[0] is exercise:
        return cached[1]
    # Built from already-validated catalogue data and doses: construct without re-validating.
    item = Item.model_construct(
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
        load=dose.load,
        per_side=exercise.per_side,
        rest_s=dose.rest_s,
        optional=optional,
        cues=list(exercise.cues),
        note=note,
    )
    if len(_ITEMS) > 20_000:
        _ITEMS.clear()
    _ITEMS[key] = (exercise, item)
    return item


def _by_slot(choices: Sequence[Choice]) -> dict[tuple[str, int], Exercise]:
    """Choices keyed by (slot, occurrence), so "the second stretch" can carry over to the next span."""
    keyed: dict[tuple[str, int], Exercise] = {}
    counts: dict[str, int] = {}
    for choice in choices:
        n = counts.get(choice.slot, 0)
        counts[choice.slot] = n + 1
        keyed[(choice.slot, n)] = choice.exercise
    return keyed


def _run_minutes(plan: RunPlan) -> int:
    if plan.type == "walk_run":
        return int(plan.repeats * (plan.run_min + plan.walk_min)) + 10  # + 5 min warm-up and cool-down walks
    return int(plan.run_min) + 10
