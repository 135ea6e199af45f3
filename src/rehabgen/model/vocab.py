"""The closed vocabularies every module speaks: causes, tags, equipment, muscles, categories, phases, outcomes.

Each vocabulary is a ``StrEnum`` so YAML values, JSON output and code share one spelling. The words people
read for each member live in ``rehabgen.words.labels``. Cause ids and movement tags follow the clinical rules
(docs/clinical-rules.md); the planner's exclusions work on the tags, so an exercise is tagged by how it loads
the spine, never by its name.
"""

from __future__ import annotations

from enum import StrEnum


class Cause(StrEnum):
    """A reason a runner's lower back hurts (clinical rules §7.1)."""

    MUSCLE_STRAIN_OVERUSE = "muscle_strain_overuse"
    MUSCLE_IMBALANCE = "muscle_imbalance"
    WEAK_CORE = "weak_core"
    WEAK_GLUTES = "weak_glutes"
    TIGHT_HIP_FLEXORS = "tight_hip_flexors"
    TIGHT_WEAK_HAMSTRINGS = "tight_weak_hamstrings"
    POOR_RUNNING_FORM = "poor_running_form"
    FACET_JOINT_IRRITATION = "facet_joint_irritation"
    SACROILIAC_JOINT_DYSFUNCTION = "sacroiliac_joint_dysfunction"
    INTERVERTEBRAL_DISC = "intervertebral_disc"
    SCIATICA_RADICULOPATHY = "sciatica_radiculopathy"
    SPINAL_STENOSIS = "spinal_stenosis"
    STRESS_FRACTURE_SACRAL = "stress_fracture_sacral"
    SPONDYLOLYSIS = "spondylolysis"
    LEG_LENGTH_DISCREPANCY = "leg_length_discrepancy"
    OVERTRAINING = "overtraining"
    WORN_SHOES_HARD_SURFACES = "worn_shoes_hard_surfaces"
    OBESITY = "obesity"


# Causes that are a bone-stress injury: a clinician must have made the diagnosis (clinical rules T3) and impact stays
# at 0/10 pain (G3).
BONE_STRESS_CAUSES: frozenset[Cause] = frozenset({Cause.STRESS_FRACTURE_SACRAL, Cause.SPONDYLOLYSIS})


class Condition(StrEnum):
    """Who a conditional note on an exercise is for: any cause, or leg symptoms."""

    MUSCLE_STRAIN_OVERUSE = "muscle_strain_overuse"
    MUSCLE_IMBALANCE = "muscle_imbalance"
    WEAK_CORE = "weak_core"
    WEAK_GLUTES = "weak_glutes"
    TIGHT_HIP_FLEXORS = "tight_hip_flexors"
    TIGHT_WEAK_HAMSTRINGS = "tight_weak_hamstrings"
    POOR_RUNNING_FORM = "poor_running_form"
    FACET_JOINT_IRRITATION = "facet_joint_irritation"
    SACROILIAC_JOINT_DYSFUNCTION = "sacroiliac_joint_dysfunction"
    INTERVERTEBRAL_DISC = "intervertebral_disc"
    SCIATICA_RADICULOPATHY = "sciatica_radiculopathy"
    SPINAL_STENOSIS = "spinal_stenosis"
    STRESS_FRACTURE_SACRAL = "stress_fracture_sacral"
    SPONDYLOLYSIS = "spondylolysis"
    LEG_LENGTH_DISCREPANCY = "leg_length_discrepancy"
    OVERTRAINING = "overtraining"
    WORN_SHOES_HARD_SURFACES = "worn_shoes_hard_surfaces"
    OBESITY = "obesity"
    LEG_SYMPTOMS = "leg_symptoms"
    """Pain, tingling, numbness or weakness in a leg."""


class Tag(StrEnum):
    """How an exercise loads the spine and body (clinical rules §7.2). Exclusions are written against these."""

    NEUTRAL_STABILISATION = "neutral_stabilisation"
    ANTI_EXTENSION = "anti_extension"
    LATERAL_CORE = "lateral_core"
    HIP_EXTENSION = "hip_extension"
    HIP_STRENGTH_NEUTRAL = "hip_strength_neutral"
    MOBILITY_SMALL_RANGE = "mobility_small_range"
    MOBILITY_FLEX_EXT = "mobility_flex_ext"
    LOADED_FLEXION = "loaded_flexion"
    TRUNK_FLEXION = "trunk_flexion"
    PASSIVE_FLEXION = "passive_flexion"
    SPINAL_ROTATION = "spinal_rotation"
    EXTENSION_LOADED = "extension_loaded"
    EXTENSION_END_RANGE = "extension_end_range"
    EXTENSION_BIASED = "extension_biased"
    EXTENSION_RISK = "extension_risk"
    LOADED_HINGE = "loaded_hinge"
    AXIAL_LOAD = "axial_load"
    FLEXION_RISK = "flexion_risk"
    LOWER_LIMB_STRENGTH = "lower_limb_strength"
    UNILATERAL = "unilateral"
    MACHINE = "machine"
    STRETCH = "stretch"
    DYNAMIC_WARMUP = "dynamic_warmup"
    RECOVERY = "recovery"
    AEROBIC_LOW_IMPACT = "aerobic_low_impact"
    CROSS_TRAINING = "cross_training"
    FLEXED_POSTURE = "flexed_posture"
    IMPACT = "impact"
    RUNNING = "running"
    PLYOMETRIC = "plyometric"
    BREATHING = "breathing"
    NEURAL_MOBILITY = "neural_mobility"
    """Slides a nerve along its path without stretching it (a nerve slider); the spine stays still."""


# Every tag that bends the spine backwards towards or at the end of its range. Facet, stenosis and
# spondylolysis exclusions use the whole group (clinical rules §2.4–2.6).
EXTENSION_TAGS: frozenset[Tag] = frozenset({Tag.EXTENSION_LOADED, Tag.EXTENSION_END_RANGE, Tag.EXTENSION_BIASED})
# Impact in every form: gated by clinician clearance for bone stress and by 12 weeks postpartum (§2.6–2.7).
IMPACT_TAGS: frozenset[Tag] = frozenset({Tag.IMPACT, Tag.RUNNING, Tag.PLYOMETRIC})


class Equipment(StrEnum):
    """Equipment an exercise cannot be done without. A mat is comfort, never a requirement."""

    MAT = "mat"
    RESISTANCE_BAND = "resistance_band"
    DUMBBELLS = "dumbbells"
    KETTLEBELL = "kettlebell"
    BARBELL = "barbell"
    GYM_MACHINES = "gym_machines"
    STATIONARY_BIKE = "stationary_bike"
    POOL = "pool"
    FOAM_ROLLER = "foam_roller"
    STABILITY_BALL = "stability_ball"
    STEP = "step"
    CHAIR = "chair"
    WALL = "wall"


class Muscle(StrEnum):
    """Muscles and regions fine enough to explain back-pain exercise."""

    TRANSVERSUS_ABDOMINIS = "transversus_abdominis"
    MULTIFIDUS = "multifidus"
    ERECTOR_SPINAE = "erector_spinae"
    QUADRATUS_LUMBORUM = "quadratus_lumborum"
    RECTUS_ABDOMINIS = "rectus_abdominis"
    OBLIQUES = "obliques"
    PELVIC_FLOOR = "pelvic_floor"
    DIAPHRAGM = "diaphragm"
    GLUTEUS_MAXIMUS = "gluteus_maximus"
    GLUTEUS_MEDIUS = "gluteus_medius"
    HAMSTRINGS = "hamstrings"
    HIP_FLEXORS = "hip_flexors"
    QUADRICEPS = "quadriceps"
    ADDUCTORS = "adductors"
    CALVES = "calves"
    PIRIFORMIS = "piriformis"
    THORACIC_SPINE = "thoracic_spine"
    LATISSIMUS_DORSI = "latissimus_dorsi"
    SHOULDERS = "shoulders"
    CHEST = "chest"
    ARMS = "arms"
    HEART_LUNGS = "heart_lungs"


class Category(StrEnum):
    """What part of a session an exercise belongs to."""

    WARM_UP = "warm_up"
    MOBILITY = "mobility"
    STRETCH = "stretch"
    CORE_STABILITY = "core_stability"
    STRENGTH = "strength"
    PLYOMETRIC = "plyometric"
    CROSS_TRAINING = "cross_training"
    WALKING = "walking"
    RUNNING = "running"


class Phase(StrEnum):
    """The four phases of a programme (protect, restore, strengthen, return to running)."""

    PROTECT = "protect"
    RESTORE = "restore"
    STRENGTHEN = "strengthen"
    RETURN_TO_RUN = "return_to_run"


class Status(StrEnum):
    """The outcome of a run, most severe first."""

    EMERGENCY_REFERRAL = "EMERGENCY_REFERRAL"
    URGENT_REFERRAL = "URGENT_REFERRAL"
    CLINICIAN_REQUIRED = "CLINICIAN_REQUIRED"
    PROGRAMME_WITH_REFERRAL_ADVICE = "PROGRAMME_WITH_REFERRAL_ADVICE"
    PROGRAMME = "PROGRAMME"
    INPUT_ERROR = "INPUT_ERROR"

    @property
    def allows_programme(self) -> bool:
        """Whether exercise content may be produced at all."""
        return self in (Status.PROGRAMME, Status.PROGRAMME_WITH_REFERRAL_ADVICE)

    @property
    def is_referral(self) -> bool:
        """An emergency, urgent or clinician-required outcome: a referral page instead of a plan."""
        return self in (Status.EMERGENCY_REFERRAL, Status.URGENT_REFERRAL, Status.CLINICIAN_REQUIRED)


class Region(StrEnum):
    """A region whose emergency and urgent-care routes rehabgen knows."""

    GB = "GB"
    IE = "IE"
    US = "US"
    CA = "CA"
    AU = "AU"
    NZ = "NZ"
    SG = "SG"
    EU = "EU"
    ES = "ES"
    MX = "MX"
