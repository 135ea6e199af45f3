"""Placing the four phases of clinical rules §5.2 in a programme of any length, and the gates on running.

A profile's pain, duration and causes decide whether the protect phase is needed and how long it lasts; a
template may prefer other lengths but never removes a protect phase the profile calls for. Running gets its
own start week: the return-to-run phase only begins once every gate (clearance after a bone-stress injury,
12 weeks after giving birth, no pelvic-floor symptoms) allows it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from rehabgen.clinical.triage import BONE_STRESS_PAIN
from rehabgen.i18n import N_, _, _f
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Gate, PhaseSpan
from rehabgen.model.template import Template
from rehabgen.model.vocab import BONE_STRESS_CAUSES, Phase
from rehabgen.words.labels import PHASE_NAMES

POSTPARTUM_RUN_WEEKS = 12
"""No running or impact before 12 weeks after giving birth (clinical rules §2.7, Goom et al. 2019)."""
DELOAD_EVERY = 4
"""A reduced-volume week every 4th week in programmes of 8 weeks or more (clinical rules §3.5, G8)."""
MAX_BLOCK_WEEKS = 4
"""The longest run of weeks with the same exercises before harder versions come in [JUDGEMENT]."""
EXPERIENCED_KM = 20.0
"""Weekly kilometres before the pain from which a runner counts as experienced [JUDGEMENT]."""

Irritability = Literal["low", "moderate", "high"]


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each phase starts, in 1-based weeks; ``run_start`` is None when running is not planned."""

    weeks: int
    protect: int
    restore: int
    run_start: int | None
    run_from_start: bool
    """True when the runner may keep running (continuous, reduced) from week 1."""
    gates: tuple[Gate, ...]
    running_blocked_by: str | None
    """Why running is not planned at all, when it is not."""
    deloads: frozenset[int] = frozenset()
    """The lighter weeks (G8)."""
    impact_from: int = 1
    """The first week a gate allows any impact (12 weeks after a birth)."""

    @property
    def strengthen_start(self) -> int:
        """First week of the strengthen phase."""
        return self.protect + self.restore + 1

    @property
    def early_end(self) -> int:
        """Last week of the "early phase" that an X in the clinical rules §2.9 matrix excludes (at least week 2)."""
        return max(2, self.strengthen_start - 1)

    def phase_of(self, week: int) -> Phase:
        """The phase a week belongs to."""
        if week <= self.protect:
            return Phase.PROTECT
        if week < self.strengthen_start:
            return Phase.RESTORE
        if self.run_start is not None and week >= self.run_start:
            return Phase.RETURN_TO_RUN
        return Phase.STRENGTHEN

    def blocks(self) -> list[range]:
        """Runs of weeks that keep the same exercises: a session sheet each [JUDGEMENT].

        A block starts with each phase. A phase shorter than two weeks joins the block after it, at its own
        level (the protect phase excepted: it keeps its own, gentler routine), and a last block of one week
        joins the block before it: the last week brings in nothing new. A block of more
        than four weeks splits after a lighter week, then into even parts of two to four weeks, so harder
        versions come in every few weeks and never in a lighter week.
        """
        starts = [w for w in range(1, self.weeks + 1) if w == 1 or self.phase_of(w) is not self.phase_of(w - 1)]
        blocks = [range(s, e) for s, e in zip(starts, [*starts[1:], self.weeks + 1], strict=True)]
        merged: list[range] = []
        for block in blocks:
            if merged and (
                (self.phase_of(merged[-1].start) is not Phase.PROTECT and len(merged[-1]) < 2)
                or (block.stop > self.weeks and len(block) < 2)
            ):
                merged[-1] = range(merged[-1].start, block.stop)
            else:
                merged.append(block)
        return [part for block in merged for part in self._split(block)]

    def _split(self, block: range) -> list[range]:
        if len(block) <= MAX_BLOCK_WEEKS:
            return [block]
        for week in block:
            if week in self.deloads and week - block.start >= 1 and block.stop - week > 2:
                return [*self._split(range(block.start, week + 1)), *self._split(range(week + 1, block.stop))]
        parts = math.ceil(len(block) / MAX_BLOCK_WEEKS)
        size = math.ceil(len(block) / parts)
        cut = block.start + size
        if cut in self.deloads:
            cut += 1  # a lighter week ends a block, it never starts one
        if block.stop - cut < 2:
            return [block]
        return [range(block.start, cut), *self._split(range(cut, block.stop))]

    def spans(self) -> list[PhaseSpan]:
        """Each phase present, with its weeks, goal and exit criteria."""
        spans: list[PhaseSpan] = []
        for week in range(1, self.weeks + 1):
            phase = self.phase_of(week)
            if spans and spans[-1].phase is phase:
                spans[-1] = spans[-1].model_copy(update={"to_week": week})
            else:
                goal, criteria = PHASE_TEXT[phase]
                spans.append(
                    PhaseSpan(
                        phase=phase,
                        name=PHASE_NAMES[phase],
                        from_week=week,
                        to_week=week,
                        goal=_(goal),
                        exit_criteria=[_(c) for c in criteria],
                    )
                )
        return spans


# Goals and exit criteria per phase, clinical rules §5.2 in plain words.
PHASE_TEXT: dict[Phase, tuple[str, tuple[str, ...]]] = {
    Phase.PROTECT: (
        N_("Calm the pain down while staying active: daily walks, gentle movement and easy muscle activation."),
        (
            N_("Pain at rest is 3 out of 10 or less."),
            N_("You can walk for 20 to 30 minutes comfortably."),
            N_("Leg symptoms have not spread further down the leg for at least 3 days."),
        ),
    ),
    Phase.RESTORE: (
        N_("Rebuild control of the trunk and hips with short holds and easy strength work."),
        (
            N_("Bird-dog, side plank and curl-up held with good form for 7, 5 and 3 repetitions."),
            N_("10 single-leg bridges each side without pain."),
            N_("A 30-minute brisk walk with no flare-up the next day."),
        ),
    ),
    Phase.STRENGTHEN: (
        N_("Build strength for running: squats, lunges and hip work, with harder core exercises."),
        (
            N_("30-minute brisk walk, 10 single-leg squats and 10 hops on each leg."),
            N_("Front plank for 60 seconds and side plank for 30 seconds each side."),
            N_("All of this at 3 out of 10 pain or less, with no flare-up the next day."),
        ),
    ),
    Phase.RETURN_TO_RUN: (
        N_("Rebuild running step by step while keeping up your strength work twice a week."),
        (
            N_("Easy continuous running at three quarters of your usual weekly distance or more."),
            N_("Pain 2 out of 10 or less during and after running."),
            N_("Strength work kept up twice a week."),
        ),
    ),
}


def clinical_protect_weeks(profile: Profile) -> int:
    """Weeks of protect phase the profile needs (clinical rules §5.2 P1 entry and skip rules)."""
    if profile.pain_nprs == 0:
        return 0
    if profile.pain_nprs <= 3 and profile.symptom_duration_weeks > 2:
        return 0  # P1 is skipped when pain is low and the episode is past its first fortnight
    return 2 if profile.pain_nprs >= 5 else 1


def irritability(profile: Profile) -> Irritability:
    """How easily the back flares, which sets the pace of the return to running [JUDGEMENT].

    High: pain 6/10 or more, symptoms below the knee or in both legs, numbness or weakness, a bone-stress
    injury, a recent birth or pelvic-floor symptoms. Moderate: pain 4-5/10, symptoms above the knee, pain for
    12 weeks or more, or pain that is getting worse. Low: the rest.
    """
    neuro = profile.neuro.numbness != "none" or profile.neuro.weakness != "none"
    if (
        profile.pain_nprs >= 6
        or profile.leg_symptoms in ("unilateral_below_knee", "bilateral")
        or neuro
        or profile.has(*BONE_STRESS_CAUSES)
        or profile.postpartum_weeks is not None
        or profile.pelvic_floor_symptoms
    ):
        return "high"
    if (
        profile.pain_nprs >= 4
        or profile.leg_symptoms != "none"
        or profile.symptom_duration_weeks >= 12
        or profile.red_flags.worsening_or_not_improving
    ):
        return "moderate"
    return "low"


def is_experienced(profile: Profile) -> bool:
    """A runner with a habit to return to: 20 km a week or more before the pain [JUDGEMENT]."""
    return profile.weekly_running_km >= EXPERIENCED_KM


def lighter_weeks(weeks: int) -> frozenset[int]:
    """A lighter week every 4th week in programmes of 8 weeks or more (G8)."""
    return frozenset(range(DELOAD_EVERY, weeks + 1, DELOAD_EVERY)) if weeks >= 8 else frozenset()


def layout_phases(profile: Profile, template: Template, weeks: int) -> Layout:
    """Place the phases, the lighter weeks and the running start for a programme of ``weeks`` weeks.

    A phase never starts in a lighter week (it starts the week after), and neither does running: a lighter
    week consolidates, it brings in nothing new.
    """
    deloads = lighter_weeks(weeks)
    protect, restore = _phase_lengths(profile, template, weeks)
    if protect + restore + 1 in deloads and protect + restore + 2 <= weeks:
        restore += 1
    gates, blocked_by, earliest = running_gates(profile, template)
    strengthen_start = protect + restore + 1
    run_start: int | None = None
    run_from_start = False
    if blocked_by is None:
        run_from_start = may_keep_running(profile) and earliest == 1
        run_start = max(_run_start(profile, template, protect, strengthen_start), earliest)
        while run_start in deloads:
            run_start += 1
        if run_start > weeks:
            run_start = None
    return Layout(
        weeks=weeks,
        protect=protect,
        restore=restore,
        run_start=run_start,
        run_from_start=run_from_start,
        gates=tuple(gates),
        running_blocked_by=blocked_by,
        deloads=deloads,
        impact_from=earliest,
    )


def _phase_lengths(profile: Profile, template: Template, weeks: int) -> tuple[int, int]:
    clinical = clinical_protect_weeks(profile)
    protect = clinical
    if clinical and template.phases.protect is not None:
        protect = max(1, template.phases.protect)  # a template may reshape, never remove, a needed P1
    no_symptoms = profile.pain_nprs == 0 and not profile.causes
    if profile.has(*BONE_STRESS_CAUSES):
        default_restore = 3
    elif no_symptoms or (irritability(profile) == "low" and is_experienced(profile)):
        default_restore = 1
    else:
        default_restore = 2
    restore = template.phases.restore if template.phases.restore is not None else default_restore
    # Leave at least one strengthening week when the programme is long enough to have one.
    while protect + restore > weeks - 1 and restore > 1:
        restore -= 1
    while protect + restore > weeks - 1 and protect > 1:
        protect -= 1
    protect = min(protect, weeks)
    return protect, min(restore, weeks - protect)


def _run_start(profile: Profile, template: Template, protect: int, strengthen_start: int) -> int:
    """The first week running may come back [JUDGEMENT, within clinical rules §2.8 and §5.2].

    An experienced runner with a settled back starts the walk-run steps once the protect phase is over
    (acute strain: walk-run once pain is 3/10 or less); a settled newer runner with the strengthen phase;
    an irritable back a week into it; after a bone-stress injury, two weeks into it.
    """
    if template.phases.strengthen_before_running is not None:
        return strengthen_start + template.phases.strengthen_before_running
    if profile.has(*BONE_STRESS_CAUSES):
        return strengthen_start + 2
    level = irritability(profile)
    if level == "low":
        return protect + 1 if is_experienced(profile) else strengthen_start
    return strengthen_start + 1


def may_keep_running(profile: Profile) -> bool:
    """Whether the runner may keep running (reduced) from week 1 instead of pausing [JUDGEMENT].

    Only with low pain (2/10 or less), no leg symptoms, past the first fortnight, an existing running habit,
    and no bone-stress injury or recent birth (those always restart with the walk-run ladder): the
    pain-monitoring model (clinical rules §4.1) lets them run within the 0-3 "safe" band.
    """
    return (
        profile.pain_nprs <= 2
        and not profile.has_leg_symptoms
        and not profile.has(*BONE_STRESS_CAUSES)  # bone stress always comes back through the walk-run ladder
        and profile.postpartum_weeks is None
        and (profile.symptom_duration_weeks >= 2 or profile.pain_nprs == 0)
        and profile.weekly_running_km > 0
    )


def running_gates(profile: Profile, template: Template) -> tuple[list[Gate], str | None, int]:
    """The gates on running, why running is blocked (None if it is not), and the earliest week it may start."""
    gates: list[Gate] = []
    blocked_by: str | None = None
    earliest = 1
    if not template.include_running:
        blocked_by = _("This programme template does not include running.")
    if profile.pelvic_floor_symptoms:
        gates.append(
            Gate(
                id="pelvic_floor",
                title=_("No running while you have pelvic-floor symptoms"),
                text=_(
                    "Leaking, heaviness or dragging in the pelvic floor means running waits until a "
                    "pelvic-health {physio} has assessed you and says you are ready."
                ),
                checklist=[
                    _("Assessed by a pelvic-health {physio}"),
                    _("No leaking, heaviness or dragging when walking, hopping or jogging on the spot"),
                ],
            )
        )
        blocked_by = blocked_by or _("Running waits until a pelvic-health {physio} has checked you.")
    if profile.postpartum_weeks is not None and profile.postpartum_weeks < POSTPARTUM_RUN_WEEKS:
        weeks_left = POSTPARTUM_RUN_WEEKS - profile.postpartum_weeks
        earliest = max(earliest, math.ceil(weeks_left) + 1)
        gates.append(
            Gate(
                id="postpartum_12_weeks",
                title=_("No running or jumping before 12 weeks after birth"),
                text=_f(
                    "Running and impact start no earlier than week {week} of this plan, 12 weeks after giving "
                    "birth, and only if the checks below are free of pain, leaking, heaviness or dragging.",
                    week=earliest,
                ),
                checklist=[
                    _("Walk briskly for 30 minutes"),
                    _("Balance on one leg for 10 seconds, each side"),
                    _("10 single-leg squats, each side"),
                    _("Jog on the spot for 1 minute"),
                    _("10 hops on the spot on each leg"),
                ],
            )
        )
    bone_stress = [c for c in profile.causes if c in BONE_STRESS_CAUSES]
    if bone_stress:
        gate = Gate(
            id="bone_stress_clearance",
            title=_("Running and jumping need your clinician's clearance"),
            text=_(
                "After a stress fracture or spondylolysis, impact starts only when your clinician has "
                "cleared you, and every impact session must be completely pain-free: 0 out of 10."
            ),
            checklist=[
                _("Your clinician has cleared you to start running"),
                _("No pain at all (0 out of 10) during daily activities"),
                _("No pain during and after a 30-minute brisk walk"),
            ],
        )
        gates.append(gate)
        if not profile.cleared_for_impact:
            blocked_by = blocked_by or (
                _(
                    "Running waits for your clinician's clearance after a bone-stress injury; bring this plan "
                    "to your next review."
                )
            )
        elif profile.pain_nprs >= BONE_STRESS_PAIN:
            blocked_by = blocked_by or _f(
                "After a bone-stress injury, running and jumping need pain at 0 out of 10, and your pain is "
                "{pain} out of 10 now. Ask your clinician to review it before you run.",
                pain=profile.pain_nprs,
            )
    return gates, blocked_by, earliest
