"""What each cause of back pain means for the plan, one specification per cause (clinical rules §2).

A cause's specification holds its exclusions (movement tags kept out for a window of weeks: the X and D
entries of the condition × exercise matrix, §2.9), its cautions (C and D entries: allowed once any window has
passed but never preferred and never brought in by a harder version), the movement tags it prefers (P
entries not already expressed by the exercises' own causes) and the advice sections it adds to the
handout. Rules name movement tags, never exercises: anything tagged ``spinal_rotation`` is out while a
rotation rule holds, whatever it is called.

Windows are symbolic here; ``rehabgen.plan.exclusions`` places them in a programme's weeks: "early" is the
weeks before strengthening (at least weeks 1-2, the X of the matrix), "until strengthening" is a D (defer
until criteria are met) placed at the phase change, "whole" lasts the whole programme, and "until
cleared" lasts the whole programme unless a clinician has cleared impact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from rehabgen.i18n import N_
from rehabgen.model.profile import Profile
from rehabgen.model.vocab import EXTENSION_TAGS, IMPACT_TAGS, Cause, Tag

WindowKind = Literal["weeks", "early", "until_strengthen", "whole", "until_cleared"]

# An acute strain is one whose episode is younger than this (Malmivaara's trial: under 3 weeks) [JUDGEMENT].
ACUTE_STRAIN_WEEKS = 3


@dataclass(frozen=True, slots=True)
class Rule:
    """Exclude ``tags`` for a window, because of a condition (clinical rules §2.9 entry X or D)."""

    code: str
    """Stable id of the rule, carried into the programme's exclusions."""
    tags: frozenset[Tag]
    window: WindowKind
    because: str
    weeks: tuple[int, int] = (1, 1)


def rule(
    code: str, tags: set[Tag] | frozenset[Tag], window: WindowKind, because: str, weeks: tuple[int, int] = (1, 1)
) -> Rule:
    """A Rule from any set of tags."""
    return Rule(code, frozenset(tags), window, because, weeks)


_DISC = (
    rule(
        "disc_loaded_flexion",
        {Tag.LOADED_FLEXION},
        "until_strengthen",
        N_("Disc-related pain: no loaded forward bending until the strengthen phase"),
    ),
    rule(
        "disc_held_flexion",
        {Tag.TRUNK_FLEXION, Tag.PASSIVE_FLEXION},
        "weeks",
        N_("Disc-related pain: no held forward bending in weeks 1-2"),
        (1, 2),
    ),
    rule(
        "disc_rotation",
        {Tag.SPINAL_ROTATION},
        "weeks",
        N_("Disc-related pain: no twisting exercises in weeks 1-4"),
        (1, 4),
    ),
    rule(
        "disc_loaded_extension",
        {Tag.EXTENSION_LOADED},
        "early",
        N_("Disc-related pain: no loaded back-arching (superman) early on"),
    ),
    rule(
        "disc_loaded_lifts",
        {Tag.LOADED_HINGE, Tag.AXIAL_LOAD, Tag.FLEXION_RISK},
        "weeks",
        N_("Disc-related pain: no loaded lifts or heavy leg press in weeks 1-4"),
        (1, 4),
    ),
    rule(
        "disc_leg_strength_week_2",
        {Tag.LOWER_LIMB_STRENGTH},
        "weeks",
        N_("Disc-related pain: leg strength work starts in week 2"),
        (1, 1),
    ),
)

SCIATICA_MESSAGES = (
    N_("Sciatica: no loaded forward bending until the strengthen phase"),
    N_("Sciatica: no held forward bending in weeks 1-2"),
    N_("Sciatica: no twisting exercises in weeks 1-4"),
    N_("Sciatica: no loaded back-arching (superman) early on"),
    N_("Sciatica: no loaded lifts or heavy leg press in weeks 1-4"),
    N_("Sciatica: leg strength work starts in week 2"),
)
"""The sciatica rules' reasons, made from the disc rules' below: listed so the message catalogue has them."""

_RULES: dict[Cause, tuple[Rule, ...]] = {
    Cause.INTERVERTEBRAL_DISC: _DISC,
    # [JUDGEMENT] nerve-root irritation is usually disc-related, so it takes the disc column.
    Cause.SCIATICA_RADICULOPATHY: tuple(
        Rule(
            r.code.replace("disc_", "sciatica_"),
            r.tags,
            r.window,
            r.because.replace("Disc-related pain", "Sciatica"),
            r.weeks,
        )
        for r in _DISC
    ),
    Cause.FACET_JOINT_IRRITATION: (
        rule(
            "facet_extension_rotation",
            EXTENSION_TAGS | {Tag.SPINAL_ROTATION},
            "weeks",
            N_("Facet joint pain: no back-arching or twisting in weeks 1-4"),
            (1, 4),
        ),
    ),
    Cause.SPINAL_STENOSIS: (
        rule(
            "stenosis_extension",
            EXTENSION_TAGS,
            "whole",
            N_("Spinal stenosis: backward bending narrows the nerve space, so it stays out"),
        ),
    ),
    Cause.SPONDYLOLYSIS: (
        rule(
            "spondylolysis_extension_rotation",
            EXTENSION_TAGS | {Tag.SPINAL_ROTATION},
            "whole",
            N_("Spondylolysis: no back-arching or twisting until your clinician clears it"),
        ),
        rule(
            "spondylolysis_loaded_lifts",
            {Tag.LOADED_HINGE, Tag.AXIAL_LOAD},
            "until_strengthen",
            N_("Spondylolysis: loaded lifts wait for the strengthen phase"),
        ),
        rule(
            "spondylolysis_impact",
            IMPACT_TAGS,
            "until_cleared",
            N_("Spondylolysis: no running or jumping until your clinician clears it"),
        ),
    ),
    Cause.STRESS_FRACTURE_SACRAL: (
        rule(
            "sacral_deferred",
            {Tag.LOADED_FLEXION, Tag.TRUNK_FLEXION, Tag.SPINAL_ROTATION, Tag.LOWER_LIMB_STRENGTH},
            "until_strengthen",
            N_("Sacral stress fracture: these wait for the strengthen phase"),
        ),
        rule("sacral_extension", EXTENSION_TAGS, "early", N_("Sacral stress fracture: no back-arching early on")),
        rule(
            "sacral_loaded_lifts",
            {Tag.LOADED_HINGE, Tag.AXIAL_LOAD},
            "until_cleared",
            N_("Sacral stress fracture: no loaded lifts until your clinician clears you"),
        ),
        rule(
            "sacral_impact",
            IMPACT_TAGS,
            "until_cleared",
            N_("Sacral stress fracture: no running or jumping until your clinician clears you"),
        ),
    ),
    Cause.SACROILIAC_JOINT_DYSFUNCTION: (
        rule(
            "sij_rotation",
            {Tag.SPINAL_ROTATION},
            "weeks",
            N_("SI joint pain: twisting waits until week 3"),
            (1, 2),
        ),
        rule(
            "sij_jumps",
            {Tag.PLYOMETRIC},
            "weeks",
            N_("SI joint pain: jumps and hops wait until week 5"),
            (1, 4),
        ),
    ),
}

ACUTE_STRAIN_RULES = (
    rule(
        "strain_week_1",
        {Tag.LOADED_FLEXION, Tag.TRUNK_FLEXION, Tag.SPINAL_ROTATION, Tag.LOADED_HINGE, Tag.AXIAL_LOAD} | EXTENSION_TAGS,
        "weeks",
        N_("Recent muscle strain: week 1 is walking and gentle movement only"),
        (1, 1),
    ),
    rule(
        "strain_strength_week_2",
        {Tag.NEUTRAL_STABILISATION, Tag.HIP_STRENGTH_NEUTRAL, Tag.LOWER_LIMB_STRENGTH},
        "weeks",
        N_("Recent muscle strain: strengthening starts in week 2"),
        (1, 1),
    ),
)


# clinical rules §2.9 "C" (caution) and "D" (defer) entries: allowed once any exclusion window has passed, but never
# preferred, and never introduced by a ladder step-up [JUDGEMENT on how to honour C and D in a pre-planned
# programme]. Flexion-extension mobility (cat-cow) is C for disc, facet, stenosis and spondylolysis: a small
# range with no end-range arching.
_CAUTION: dict[Cause, frozenset[Tag]] = {
    Cause.INTERVERTEBRAL_DISC: frozenset(
        {
            Tag.MOBILITY_FLEX_EXT,
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
        {
            Tag.MOBILITY_FLEX_EXT,
            Tag.LOADED_FLEXION,
            Tag.EXTENSION_RISK,
            Tag.SPINAL_ROTATION,
            Tag.LOADED_HINGE,
            Tag.AXIAL_LOAD,
            *EXTENSION_TAGS,
        }
    ),
    Cause.SPINAL_STENOSIS: frozenset(
        {
            Tag.MOBILITY_FLEX_EXT,
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
            Tag.MOBILITY_FLEX_EXT,
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
_CAUTION[Cause.SCIATICA_RADICULOPATHY] = _CAUTION[Cause.INTERVERTEBRAL_DISC]


# clinical rules §2.9 "P" (prefer) entries that are not already expressed by the exercises' causes. A nerve slider for
# an irritated nerve root is a [JUDGEMENT] preference: the rule book names no neural mobilisation.
_PREFER: dict[Cause, frozenset[Tag]] = {
    Cause.SPINAL_STENOSIS: frozenset({Tag.PASSIVE_FLEXION, Tag.FLEXED_POSTURE}),
    Cause.FACET_JOINT_IRRITATION: frozenset({Tag.PASSIVE_FLEXION}),
    Cause.INTERVERTEBRAL_DISC: frozenset({Tag.NEUTRAL_STABILISATION}),
    Cause.SCIATICA_RADICULOPATHY: frozenset({Tag.NEURAL_MOBILITY}),
}

# Advice sections (ids of rehabgen.plan.advice) a cause adds to the handout.
_ADVICE: dict[Cause, tuple[str, ...]] = {
    Cause.STRESS_FRACTURE_SACRAL: ("bone_health",),
    Cause.SPONDYLOLYSIS: ("bone_health",),
    Cause.LEG_LENGTH_DISCREPANCY: ("leg_length",),
    Cause.OBESITY: ("body_weight",),
    Cause.TIGHT_HIP_FLEXORS: ("sitting",),
    Cause.SPINAL_STENOSIS: ("stenosis",),
}

# clinical rules §2.5: seated cycling is tolerated in stenosis and eased leg symptoms in a small trial; §2.6,
# §2.9: after a bone-stress injury, non-impact cardio while impact waits (the impact forms are excluded by the
# rules above until a clinician clears running).
_AEROBIC: dict[Cause, frozenset[Tag]] = {
    Cause.SPINAL_STENOSIS: frozenset({Tag.FLEXED_POSTURE}),
    Cause.STRESS_FRACTURE_SACRAL: frozenset({Tag.CROSS_TRAINING}),
    Cause.SPONDYLOLYSIS: frozenset({Tag.CROSS_TRAINING}),
}


@dataclass(frozen=True, slots=True)
class CauseSpec:
    """Everything the plan does differently because of one cause."""

    exclusions: tuple[Rule, ...] = ()
    cautions: frozenset[Tag] = field(default_factory=frozenset)
    prefer: frozenset[Tag] = field(default_factory=frozenset)
    advice: tuple[str, ...] = ()
    aerobic: frozenset[Tag] = field(default_factory=frozenset)
    """Endurance work this cause favours (tags of cross-training exercises): prescribed twice a week from
    week 1 when the runner has the kit and the exercise is allowed."""
    interval_walks: bool = False
    """Walking provokes the symptoms: walks are taken in spells, with rests sitting or leaning forward."""


CAUSES: dict[Cause, CauseSpec] = {
    cause: CauseSpec(
        exclusions=_RULES.get(cause, ()),
        cautions=_CAUTION.get(cause, frozenset()),
        prefer=_PREFER.get(cause, frozenset()),
        advice=_ADVICE.get(cause, ()),
        aerobic=_AEROBIC.get(cause, frozenset()),
        interval_walks=cause is Cause.SPINAL_STENOSIS,
    )
    for cause in Cause
}
"""The specification of every cause (a cause with no special rules has an empty one)."""


def is_acute_strain(profile: Profile) -> bool:
    """A muscle strain whose episode is younger than ``ACUTE_STRAIN_WEEKS``."""
    return Cause.MUSCLE_STRAIN_OVERUSE in profile.causes and profile.symptom_duration_weeks < ACUTE_STRAIN_WEEKS


def caution_tags(profile: Profile) -> frozenset[Tag]:
    """Tags the profile's causes mark C or D in clinical rules §2.9."""
    found: set[Tag] = set()
    for cause in profile.causes:
        found |= CAUSES[cause].cautions
    if is_acute_strain(profile):
        found.add(Tag.PASSIVE_FLEXION)
    return frozenset(found)
