"""The shape of a session: its slots, which exercises fit each, and the levels each phase aims for.

Slots are warm-up, core front/side/back, hips and glutes, legs, cause-specific work and cool-down stretches.

A slot's test reads only an exercise's category, tags and muscles, so a new exercise joins the right slots by
how it is tagged.
"""

from __future__ import annotations

from collections.abc import Callable

from rehabgen.model.exercise import Exercise
from rehabgen.model.vocab import EXTENSION_TAGS, Category, Muscle, Phase, Tag

Predicate = Callable[[Exercise], bool]


def _has(ex: Exercise, *tags: Tag) -> bool:
    return any(t in ex.tags for t in tags)


def _primary(ex: Exercise, *muscles: Muscle) -> bool:
    return any(m in ex.muscles.primary for m in muscles)


SLOTS: dict[str, Predicate] = {
    "mobility": lambda ex: (
        ex.category is Category.MOBILITY
        and _has(ex, Tag.MOBILITY_SMALL_RANGE, Tag.MOBILITY_FLEX_EXT, Tag.PASSIVE_FLEXION, Tag.SPINAL_ROTATION)
        and not _has(ex, *EXTENSION_TAGS, Tag.RECOVERY)
    ),
    "warmup": lambda ex: ex.category is Category.WARM_UP,
    "core_front": lambda ex: (
        ex.category is Category.CORE_STABILITY
        and _has(ex, Tag.NEUTRAL_STABILISATION)
        and not _has(ex, Tag.LATERAL_CORE)
        and _primary(ex, Muscle.RECTUS_ABDOMINIS, Muscle.TRANSVERSUS_ABDOMINIS, Muscle.OBLIQUES)
        and not _primary(ex, Muscle.MULTIFIDUS)
    ),
    "core_side": lambda ex: ex.category is Category.CORE_STABILITY and _has(ex, Tag.LATERAL_CORE),
    "core_back": lambda ex: (
        _has(ex, Tag.NEUTRAL_STABILISATION) and _primary(ex, Muscle.MULTIFIDUS, Muscle.ERECTOR_SPINAE)
    ),
    "glute_bridge": lambda ex: (
        _has(ex, Tag.HIP_STRENGTH_NEUTRAL)
        and (_has(ex, Tag.HIP_EXTENSION) or ex.muscles.primary == [Muscle.GLUTEUS_MAXIMUS])
        and not _has(ex, *EXTENSION_TAGS)
    ),
    "glute_side": lambda ex: (
        _has(ex, Tag.HIP_STRENGTH_NEUTRAL) and _primary(ex, Muscle.GLUTEUS_MEDIUS) and not _has(ex, Tag.HIP_EXTENSION)
    ),
    "legs_both": lambda ex: (
        ex.category is Category.STRENGTH
        and _has(ex, Tag.LOWER_LIMB_STRENGTH)
        and not _has(ex, Tag.UNILATERAL)
        and ex.muscles.primary[0] not in (Muscle.CALVES, Muscle.HAMSTRINGS)
    ),
    "legs_single": lambda ex: (
        ex.category is Category.STRENGTH
        and _has(ex, Tag.LOWER_LIMB_STRENGTH)
        and _has(ex, Tag.UNILATERAL)
        and ex.muscles.primary[0] is not Muscle.CALVES
    ),
    "hinge": lambda ex: (
        ex.category is Category.STRENGTH and (_has(ex, Tag.LOADED_HINGE) or ex.muscles.primary[0] is Muscle.HAMSTRINGS)
    ),
    "calf": lambda ex: ex.category is Category.STRENGTH and ex.muscles.primary[0] is Muscle.CALVES,
    "back_strength": lambda ex: (
        ex.category is Category.STRENGTH and _has(ex, Tag.EXTENSION_LOADED, Tag.EXTENSION_BIASED)
    ),
    "plyo": lambda ex: ex.category is Category.PLYOMETRIC,
    "cause": lambda ex: (
        ex.category in (Category.CORE_STABILITY, Category.STRENGTH, Category.MOBILITY)
        and bool(ex.causes)
        and not _has(ex, Tag.RECOVERY)
    ),
    "stretch": lambda ex: ex.category is Category.STRETCH,
}

# Session A and B per phase, in the order done: warm-up, core, hips, legs, then a cool-down stretch. At most
# eight exercises a session (MAX_PER_SESSION): a home programme people keep doing stays short. Core front and
# side are in every session from the restore phase on, because the running-readiness screen tests them. The
# strengthen and return-to-run phases share their sessions, so a short strengthen phase and the return to
# running can share one block of exercises.
SESSIONS: dict[Phase, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Phase.PROTECT: (  # one short routine: session B repeats A
        ("mobility", "mobility", "core_front", "glute_bridge", "glute_side", "stretch", "stretch"),
        ("mobility", "mobility", "core_front", "glute_bridge", "glute_side", "stretch", "stretch"),
    ),
    Phase.RESTORE: (
        ("mobility", "mobility", "core_front", "core_side", "core_back", "glute_bridge", "stretch", "stretch"),
        ("mobility", "core_front", "core_side", "core_back", "glute_side", "legs_both", "cause", "stretch"),
    ),
    Phase.STRENGTHEN: (
        ("warmup", "core_front", "core_side", "core_back", "glute_bridge", "legs_single", "hinge", "stretch"),
        ("warmup", "core_front", "core_side", "glute_side", "legs_both", "plyo", "calf", "cause"),
    ),
    Phase.RETURN_TO_RUN: (
        ("warmup", "core_front", "core_side", "core_back", "glute_bridge", "legs_single", "hinge", "stretch"),
        ("warmup", "core_front", "core_side", "glute_side", "legs_both", "plyo", "calf", "cause"),
    ),
}
MAX_PER_SESSION = 8
"""Exercises in one session, unless a template sets its own ``session_size``."""

# When the weekly-sets cap (G6) bites, slots are dropped in this order (first = least important).
DROP_ORDER = (
    "symptom_guided",
    "pinned",
    "cause",
    "back_strength",
    "plyo",
    "calf",
    "hinge",
    "legs_single",
    "legs_both",
    "warmup",
    "glute_side",
    "mobility",
    "stretch",
    "core_back",
    "core_side",
    "glute_bridge",
    "core_front",
)

LEVEL_TARGET: dict[Phase, int] = {
    Phase.PROTECT: 1,
    Phase.RESTORE: 2,
    Phase.STRENGTHEN: 3,
    Phase.RETURN_TO_RUN: 3,
}
LEVEL_CAP: dict[Phase, int] = {
    Phase.PROTECT: 2,
    Phase.RESTORE: 3,
    Phase.STRENGTHEN: 4,
    Phase.RETURN_TO_RUN: 5,
}
