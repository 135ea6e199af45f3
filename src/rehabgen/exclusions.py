"""The condition × exercise matrix of RULES §2.9 as data, resolved into week windows for one profile.

Rules name movement tags, never exercises: anything tagged ``spinal_rotation`` is out while a rotation rule
holds, whatever it is called. Several causes take the union of their rules. A window is resolved against the
phase layout: "early" is the weeks before strengthening (at least weeks 1-2, the X of the matrix), "until
strengthening" is a D (defer until criteria are met) placed at the phase change, "whole" lasts the whole
programme, and "until cleared" lasts the whole programme unless a clinician has cleared impact.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rehabgen.phases import Layout
from rehabgen.profile import Profile
from rehabgen.programme import Exclusion
from rehabgen.vocab import EXTENSION_TAGS, IMPACT_TAGS, Cause, Tag

WindowKind = Literal["weeks", "early", "until_strengthen", "whole", "until_cleared"]

# An acute strain is one whose episode is younger than this (Malmivaara's trial: under 3 weeks) [JUDGEMENT].
ACUTE_STRAIN_WEEKS = 3


@dataclass(frozen=True, slots=True)
class Rule:
    """Exclude ``tags`` for a window, because of a condition (RULES §2.9 entry X or D)."""

    tags: frozenset[Tag]
    window: WindowKind
    because: str
    weeks: tuple[int, int] = (1, 1)


def _r(tags: set[Tag] | frozenset[Tag], window: WindowKind, because: str, weeks: tuple[int, int] = (1, 1)) -> Rule:
    return Rule(frozenset(tags), window, because, weeks)


_DISC = (
    _r(
        {Tag.LOADED_FLEXION},
        "until_strengthen",
        "Disc-related pain: no loaded forward bending until the strengthen phase (RULES §2.3)",
    ),
    _r(
        {Tag.TRUNK_FLEXION, Tag.PASSIVE_FLEXION},
        "weeks",
        "Disc-related pain: no held forward bending in weeks 1-2 (RULES §2.3)",
        (1, 2),
    ),
    _r(
        {Tag.SPINAL_ROTATION},
        "weeks",
        "Disc-related pain: no twisting exercises in weeks 1-4 (RULES §2.9)",
        (1, 4),
    ),
    _r(
        {Tag.EXTENSION_LOADED},
        "early",
        "Disc-related pain: no loaded back-arching (superman) early on (RULES §2.3, §2.9)",
    ),
    _r(
        {Tag.LOADED_HINGE, Tag.AXIAL_LOAD, Tag.FLEXION_RISK},
        "weeks",
        "Disc-related pain: no loaded lifts or heavy leg press in weeks 1-4 (RULES §2.3)",
        (1, 4),
    ),
    _r(
        {Tag.LOWER_LIMB_STRENGTH},
        "weeks",
        "Disc-related pain: leg strength work starts in week 2 (RULES §2.9)",
        (1, 1),
    ),
)

CAUSE_RULES: dict[Cause, tuple[Rule, ...]] = {
    Cause.INTERVERTEBRAL_DISC: _DISC,
    # [JUDGEMENT] nerve-root irritation is usually disc-related, so it takes the disc column.
    Cause.SCIATICA_RADICULOPATHY: tuple(
        Rule(r.tags, r.window, r.because.replace("Disc-related pain", "Sciatica"), r.weeks) for r in _DISC
    ),
    Cause.FACET_JOINT_IRRITATION: (
        _r(
            EXTENSION_TAGS | {Tag.SPINAL_ROTATION},
            "weeks",
            "Facet joint pain: no back-arching or twisting in weeks 1-4 (RULES §2.4)",
            (1, 4),
        ),
    ),
    Cause.SPINAL_STENOSIS: (
        _r(
            EXTENSION_TAGS,
            "whole",
            "Spinal stenosis: backward bending narrows the nerve space, so it stays out (RULES §2.5)",
        ),
    ),
    Cause.SPONDYLOLYSIS: (
        _r(
            EXTENSION_TAGS | {Tag.SPINAL_ROTATION},
            "whole",
            "Spondylolysis: no back-arching or twisting until your clinician clears it (RULES §2.6)",
        ),
        _r(
            {Tag.LOADED_HINGE, Tag.AXIAL_LOAD},
            "until_strengthen",
            "Spondylolysis: loaded lifts wait for the strengthen phase (RULES §2.9)",
        ),
        _r(
            IMPACT_TAGS,
            "until_cleared",
            "Spondylolysis: no running or jumping until your clinician clears it (RULES §2.6)",
        ),
    ),
    Cause.STRESS_FRACTURE_SACRAL: (
        _r(
            {Tag.LOADED_FLEXION, Tag.TRUNK_FLEXION, Tag.SPINAL_ROTATION, Tag.LOWER_LIMB_STRENGTH},
            "until_strengthen",
            "Sacral stress fracture: these wait for the strengthen phase (RULES §2.9)",
        ),
        _r(EXTENSION_TAGS, "early", "Sacral stress fracture: no back-arching early on (RULES §2.9)"),
        _r(
            {Tag.LOADED_HINGE, Tag.AXIAL_LOAD},
            "until_cleared",
            "Sacral stress fracture: no loaded lifts until your clinician clears you (RULES §2.6)",
        ),
        _r(
            IMPACT_TAGS,
            "until_cleared",
            "Sacral stress fracture: no running or jumping until your clinician clears you (RULES §2.6)",
        ),
    ),
    Cause.SACROILIAC_JOINT_DYSFUNCTION: (
        _r(
            {Tag.SPINAL_ROTATION},
            "weeks",
            "SI joint pain: twisting waits until week 3 (RULES §2.7, §2.9)",
            (1, 2),
        ),
        _r({Tag.PLYOMETRIC}, "weeks", "SI joint pain: jumps and hops wait until week 5 (RULES §2.7)", (1, 4)),
    ),
}

_ACUTE_STRAIN = (
    _r(
        {Tag.LOADED_FLEXION, Tag.TRUNK_FLEXION, Tag.SPINAL_ROTATION, Tag.LOADED_HINGE, Tag.AXIAL_LOAD} | EXTENSION_TAGS,
        "weeks",
        "Recent muscle strain: week 1 is walking and gentle movement only (RULES §2.8)",
        (1, 1),
    ),
    _r(
        {Tag.NEUTRAL_STABILISATION, Tag.HIP_STRENGTH_NEUTRAL, Tag.LOWER_LIMB_STRENGTH},
        "weeks",
        "Recent muscle strain: strengthening starts in week 2 (RULES §2.8, §2.9)",
        (1, 1),
    ),
)


# RULES §2.9 "C" (caution) and "D" (defer) entries: allowed once any exclusion window has passed, but never
# preferred, and never introduced by a ladder step-up [JUDGEMENT on how to honour C and D in a pre-planned
# programme].
CAUTION: dict[Cause, frozenset[Tag]] = {
    Cause.INTERVERTEBRAL_DISC: frozenset(
        {
            Tag.LOADED_FLEXION,
            Tag.TRUNK_FLEXION,
            Tag.PASSIVE_FLEXION,
            Tag.SPINAL_ROTATION,
            Tag.EXTENSION_LOADED,
            Tag.LOADED_HINGE,
            Tag.AXIAL_LOAD,
            Tag.FLEXION_RISK,
            Tag.FLEXED_POSTURE,
        }
    ),
    Cause.FACET_JOINT_IRRITATION: frozenset(
        {Tag.LOADED_FLEXION, Tag.EXTENSION_RISK, Tag.SPINAL_ROTATION, *EXTENSION_TAGS}
    ),
    Cause.SPINAL_STENOSIS: frozenset(
        {
            Tag.LOADED_FLEXION,
            Tag.TRUNK_FLEXION,
            Tag.SPINAL_ROTATION,
            Tag.EXTENSION_RISK,
            Tag.LOADED_HINGE,
            Tag.AXIAL_LOAD,
        }
    ),
    Cause.SPONDYLOLYSIS: frozenset(
        {
            Tag.LOADED_FLEXION,
            Tag.TRUNK_FLEXION,
            Tag.PASSIVE_FLEXION,
            Tag.EXTENSION_RISK,
            Tag.LOADED_HINGE,
            Tag.AXIAL_LOAD,
        }
    ),
    Cause.STRESS_FRACTURE_SACRAL: frozenset(
        {
            Tag.LOADED_FLEXION,
            Tag.TRUNK_FLEXION,
            Tag.SPINAL_ROTATION,
            Tag.LOWER_LIMB_STRENGTH,
            Tag.EXTENSION_RISK,
        }
    ),
    Cause.SACROILIAC_JOINT_DYSFUNCTION: frozenset(
        {Tag.LOADED_FLEXION, Tag.SPINAL_ROTATION, Tag.LOADED_HINGE, Tag.AXIAL_LOAD, *EXTENSION_TAGS}
    ),
}
CAUTION[Cause.SCIATICA_RADICULOPATHY] = CAUTION[Cause.INTERVERTEBRAL_DISC]


def caution_tags(profile: Profile) -> frozenset[Tag]:
    """Tags the profile's causes mark C or D in RULES §2.9."""
    found: set[Tag] = set()
    for cause in profile.causes:
        found |= CAUTION.get(cause, frozenset())
    if Cause.MUSCLE_STRAIN_OVERUSE in profile.causes and profile.symptom_duration_weeks < ACUTE_STRAIN_WEEKS:
        found.add(Tag.PASSIVE_FLEXION)
    return frozenset(found)


def resolve_exclusions(profile: Profile, layout: Layout, run_weeks: set[int] | None = None) -> list[Exclusion]:
    """Every exclusion for this profile, as tag windows with the reason, sorted by tag and week.

    Without ``run_weeks`` only the condition rules are resolved (used to find when running may start);
    with them, the weeks before the first run also exclude running and impact.
    """
    weeks = layout.weeks
    found: list[Exclusion] = []

    def add(rule: Rule) -> None:
        start, end = _window(rule, profile, layout)
        end = min(end, weeks)
        if start <= end:
            for tag in sorted(rule.tags):
                found.append(Exclusion(tag=tag, from_week=start, to_week=end, because=rule.because))

    for cause in profile.causes:
        for rule in CAUSE_RULES.get(cause, ()):
            add(rule)
    if Cause.MUSCLE_STRAIN_OVERUSE in profile.causes and profile.symptom_duration_weeks < ACUTE_STRAIN_WEEKS:
        for rule in _ACUTE_STRAIN:
            add(rule)
    if layout.protect:
        add(
            _r(
                {Tag.LOADED_HINGE, Tag.AXIAL_LOAD, Tag.PLYOMETRIC},
                "weeks",
                "Protect phase: no heavy lifting or jumping while the pain settles (RULES §5.2)",
                (1, layout.protect),
            )
        )
    # [JUDGEMENT] jumps and hops belong to the return-to-run phase (RULES §5.1 phase 4 "plyometric demand").
    plyo_from = layout.run_start if layout.run_start is not None else weeks + 1
    if plyo_from > 1:
        add(
            _r(
                {Tag.PLYOMETRIC},
                "weeks",
                "Jumps and hops start with the return-to-run phase (RULES §5.1)",
                (1, plyo_from - 1),
            )
        )
    # Running sessions come from the running plan, never from exercise slots; out of it, impact stays out.
    first_run = min(run_weeks) if run_weeks else weeks + 1
    if run_weeks is not None and first_run > 1:
        reason = layout.running_blocked_by or "Running is paused until the return-to-run phase (RULES §5.2)"
        add(_r({Tag.RUNNING, Tag.IMPACT}, "weeks", reason, (1, first_run - 1)))
    if profile.pelvic_floor_symptoms:
        add(
            _r(
                IMPACT_TAGS,
                "whole",
                "Pelvic-floor symptoms: no running or jumping until a pelvic-health physiotherapist clears you "
                "(RULES §2.7)",
            )
        )
    return sorted(found, key=lambda e: (e.tag.value, e.from_week, e.to_week, e.because))


def _window(rule: Rule, profile: Profile, layout: Layout) -> tuple[int, int]:
    if rule.window == "weeks":
        return rule.weeks
    if rule.window == "early":
        return 1, layout.early_end
    if rule.window == "until_strengthen":
        return 1, max(2, layout.strengthen_start - 1)
    if rule.window == "until_cleared" and profile.cleared_for_impact:
        # Cleared: impact may start with the running plan, loaded lifts with the strengthen phase.
        return 1, max(2, layout.strengthen_start - 1)
    return 1, layout.weeks


def first_week_allowing(exclusions: list[Exclusion], tags: frozenset[Tag], weeks: int) -> int:
    """The first week from which none of ``tags`` is excluded again (weeks + 1 if never)."""
    last = 0
    for exclusion in exclusions:
        if exclusion.tag in tags:
            last = max(last, exclusion.to_week)
    return last + 1 if last < weeks else weeks + 1


def excluded_by_week(exclusions: list[Exclusion], weeks: int) -> list[frozenset[Tag]]:
    """Index: ``result[w]`` is the set of tags excluded in week ``w`` (index 0 unused)."""
    table: list[set[Tag]] = [set() for _ in range(weeks + 1)]
    for exclusion in exclusions:
        for week in range(exclusion.from_week, min(exclusion.to_week, weeks) + 1):
            table[week].add(exclusion.tag)
    return [frozenset(s) for s in table]
