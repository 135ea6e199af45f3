"""Plain-language words for the vocabularies: cause, movement, equipment, muscle and category labels.

The model speaks in ids (``Cause.WEAK_CORE``); people read these words. Every renderer and message that names
a vocabulary member looks it up here, so a label is written once and a second language has one place to go.
"""

from __future__ import annotations

from rehabgen.model.pose import Show
from rehabgen.model.vocab import Category, Cause, Equipment, Muscle, Phase, Status, Tag

# (label, description): the description is read by patients, so it is short and plain.
CAUSE_INFO: dict[Cause, tuple[str, str]] = {
    Cause.MUSCLE_STRAIN_OVERUSE: (
        "Muscle strain or overuse",
        "Back muscles that were overstretched, overworked or slightly torn, often after a sudden effort "
        "or a big jump in training.",
    ),
    Cause.MUSCLE_IMBALANCE: (
        "Muscle imbalance",
        "Some muscles around the hips and trunk are much stronger or tighter than the ones that work "
        "against them, so the back takes extra strain.",
    ),
    Cause.WEAK_CORE: (
        "Weak core",
        "The deep stomach and back muscles tire early, so the spine is held less steadily while you run.",
    ),
    Cause.WEAK_GLUTES: (
        "Weak buttock muscles",
        "The gluteal muscles, which keep the pelvis level on each stride, are weak, and the lower back "
        "makes up for them.",
    ),
    Cause.TIGHT_HIP_FLEXORS: (
        "Tight hip flexors",
        "The muscles at the front of the hip are short, often from long hours of sitting, and pull the pelvis forward.",
    ),
    Cause.TIGHT_WEAK_HAMSTRINGS: (
        "Tight or weak hamstrings",
        "The muscles at the back of the thigh are stiff or weak, which changes how the pelvis and lower back move.",
    ),
    Cause.POOR_RUNNING_FORM: (
        "Running form",
        "Habits such as overstriding, leaning too far forward or arching the back add stress to the "
        "lower back on every step.",
    ),
    Cause.FACET_JOINT_IRRITATION: (
        "Irritated facet joints",
        "The small joints at the back of the spine are sore; bending backwards and twisting often make it worse.",
    ),
    Cause.SACROILIAC_JOINT_DYSFUNCTION: (
        "Sacroiliac (SI) joint pain",
        "The joints between the base of the spine and the pelvis are painful, usually low down on one "
        "side, including after pregnancy.",
    ),
    Cause.INTERVERTEBRAL_DISC: (
        "Disc-related pain",
        "A disc between two vertebrae is irritated or bulging; bending forward and sitting often make it worse.",
    ),
    Cause.SCIATICA_RADICULOPATHY: (
        "Sciatica (irritated nerve)",
        "A nerve root in the lower back is irritated, so pain, tingling or numbness spreads into the buttock or leg.",
    ),
    Cause.SPINAL_STENOSIS: (
        "Spinal stenosis",
        "The space around the nerves in the spine has narrowed; standing and walking upright often bring "
        "on leg symptoms and leaning forward eases them.",
    ),
    Cause.STRESS_FRACTURE_SACRAL: (
        "Sacral stress fracture",
        "A crack from repeated loading in the triangular bone at the base of the spine; it needs a "
        "clinician's care and no impact until they clear you.",
    ),
    Cause.SPONDYLOLYSIS: (
        "Spondylolysis (pars stress fracture)",
        "A stress fracture in the back part of a lower vertebra, most common in young athletes; bending "
        "backwards usually hurts.",
    ),
    Cause.LEG_LENGTH_DISCREPANCY: (
        "Leg-length difference",
        "One leg is a little longer, or the pelvis sits unevenly, so one side of the back works harder "
        "on every stride.",
    ),
    Cause.OVERTRAINING: (
        "Overtraining",
        "Running more, faster or more often than the body has had time to adapt to, without enough rest.",
    ),
    Cause.WORN_SHOES_HARD_SURFACES: (
        "Worn shoes or hard surfaces",
        "Old shoes and hard roads pass more jarring up to the spine on every step.",
    ),
    Cause.OBESITY: (
        "Body weight",
        "Extra body weight adds load to the spine and joints with each stride.",
    ),
}

TAG_INFO: dict[Tag, str] = {
    Tag.NEUTRAL_STABILISATION: "Holds the spine still in its natural curve while the trunk muscles work.",
    Tag.ANTI_EXTENSION: "Resists the lower back sagging into an arch.",
    Tag.LATERAL_CORE: "Resists the trunk bending sideways (side-plank family).",
    Tag.HIP_EXTENSION: "Moves the thigh backwards behind the body.",
    Tag.HIP_STRENGTH_NEUTRAL: "Strengthens the hip and buttock muscles with the spine kept neutral.",
    Tag.MOBILITY_SMALL_RANGE: "Small, gentle spinal movement well inside the comfortable range.",
    Tag.MOBILITY_FLEX_EXT: "Moves the spine between bending forward and arching back.",
    Tag.LOADED_FLEXION: "Curls the spine forward under load (roll-up, sit-up, toe touch).",
    Tag.TRUNK_FLEXION: "Holds the trunk curled forward while the limbs move.",
    Tag.PASSIVE_FLEXION: "Rests the spine in a bent-forward position (knees to chest, child's pose).",
    Tag.SPINAL_ROTATION: "Twists the spine, alone or combined with other movement.",
    Tag.EXTENSION_LOADED: "Arches the back against gravity or load (back extension, superman).",
    Tag.EXTENSION_END_RANGE: "Takes the lower back to the end of its backward bend (press-up, cobra).",
    Tag.EXTENSION_BIASED: "Works with the back tending towards an arch (reverse plank).",
    Tag.EXTENSION_RISK: "Can tip the lower back into an arch if the pelvis is not controlled.",
    Tag.LOADED_HINGE: "Bends forward from the hips under load: a weight, or your body weight on one leg.",
    Tag.AXIAL_LOAD: "Puts weight down through the spine and pelvis (loaded squat, deadlift, heavy leg press).",
    Tag.FLEXION_RISK: "Can round the lower back under load (the bottom of a leg press, a seated forward lean).",
    Tag.LOWER_LIMB_STRENGTH: "Strengthens the legs: squat, lunge, step and curl patterns.",
    Tag.UNILATERAL: "Loads one leg at a time.",
    Tag.MACHINE: "Uses a gym machine.",
    Tag.STRETCH: "A static stretch held still.",
    Tag.DYNAMIC_WARMUP: "Controlled, swinging or circling movement to warm up before running.",
    Tag.RECOVERY: "Self-massage or recovery work (foam rolling).",
    Tag.AEROBIC_LOW_IMPACT: "Keeps the heart and lungs working without running impact.",
    Tag.CROSS_TRAINING: "An endurance activity other than running.",
    Tag.FLEXED_POSTURE: "Done sitting or leaning forward (cycling).",
    Tag.IMPACT: "Feet strike the ground with force (running, hopping).",
    Tag.RUNNING: "Running or jogging.",
    Tag.PLYOMETRIC: "Jumps, hops and bounds.",
    Tag.BREATHING: "Breathing and gentle trunk-muscle activation.",
    Tag.NEURAL_MOBILITY: "Gently slides a nerve back and forth along its path, without stretching it.",
}

EQUIPMENT_LABELS: dict[Equipment, str] = {
    Equipment.MAT: "exercise mat",
    Equipment.RESISTANCE_BAND: "resistance band",
    Equipment.DUMBBELLS: "dumbbells",
    Equipment.KETTLEBELL: "kettlebell",
    Equipment.BARBELL: "barbell",
    Equipment.GYM_MACHINES: "gym machines",
    Equipment.STATIONARY_BIKE: "bike or exercise bike",
    Equipment.POOL: "swimming pool",
    Equipment.FOAM_ROLLER: "foam roller",
    Equipment.STABILITY_BALL: "stability ball",
    Equipment.STEP: "step or sturdy low box",
    Equipment.CHAIR: "sturdy chair",
    Equipment.WALL: "clear wall",
}

MUSCLE_LABELS: dict[Muscle, str] = {
    Muscle.TRANSVERSUS_ABDOMINIS: "deep stomach muscle (transversus abdominis)",
    Muscle.MULTIFIDUS: "deep back muscles (multifidus)",
    Muscle.ERECTOR_SPINAE: "long back muscles (erector spinae)",
    Muscle.QUADRATUS_LUMBORUM: "side of the lower back (quadratus lumborum)",
    Muscle.RECTUS_ABDOMINIS: "front stomach muscle (rectus abdominis)",
    Muscle.OBLIQUES: "side stomach muscles (obliques)",
    Muscle.PELVIC_FLOOR: "pelvic floor",
    Muscle.DIAPHRAGM: "breathing muscle (diaphragm)",
    Muscle.GLUTEUS_MAXIMUS: "main buttock muscle (gluteus maximus)",
    Muscle.GLUTEUS_MEDIUS: "side buttock muscle (gluteus medius)",
    Muscle.HAMSTRINGS: "back of the thigh (hamstrings)",
    Muscle.HIP_FLEXORS: "front of the hip (hip flexors)",
    Muscle.QUADRICEPS: "front of the thigh (quadriceps)",
    Muscle.ADDUCTORS: "inner thigh (adductors)",
    Muscle.CALVES: "calves",
    Muscle.PIRIFORMIS: "deep buttock muscle (piriformis)",
    Muscle.THORACIC_SPINE: "upper and mid back",
    Muscle.LATISSIMUS_DORSI: "wide back muscle (latissimus dorsi)",
    Muscle.SHOULDERS: "shoulders",
    Muscle.CHEST: "chest",
    Muscle.ARMS: "arms",
    Muscle.HEART_LUNGS: "heart and lungs",
}

CATEGORY_LABELS: dict[Category, str] = {
    Category.WARM_UP: "Warm-up",
    Category.MOBILITY: "Mobility",
    Category.STRETCH: "Stretch",
    Category.CORE_STABILITY: "Core stability",
    Category.STRENGTH: "Strength",
    Category.PLYOMETRIC: "Plyometric",
    Category.CROSS_TRAINING: "Cross-training",
    Category.WALKING: "Walking",
    Category.RUNNING: "Running",
}

PHASE_NAMES: dict[Phase, str] = {
    Phase.PROTECT: "Protect and calm",
    Phase.RESTORE: "Restore",
    Phase.STRENGTHEN: "Strengthen",
    Phase.RETURN_TO_RUN: "Return to running",
}

ACTIVITY_NAMES: dict[str, str] = {
    "stationary_cycling": "Cycling",
    "swimming": "Swimming",
    "pool_running": "Deep-water running",
    "elliptical_trainer": "Cross-trainer",
    "brisk_walk": "Walk",
}
"""Short names of the cross-training and walking activities, for calendar cells (by exercise id)."""

TAG_LABELS: dict[Tag, str] = {
    Tag.NEUTRAL_STABILISATION: "holding the spine steady",
    Tag.ANTI_EXTENSION: "resisting an arched back",
    Tag.LATERAL_CORE: "side-plank work",
    Tag.HIP_EXTENSION: "moving the thigh back",
    Tag.HIP_STRENGTH_NEUTRAL: "hip strength with a steady back",
    Tag.MOBILITY_SMALL_RANGE: "small, gentle back movements",
    Tag.MOBILITY_FLEX_EXT: "rounding and arching the back",
    Tag.LOADED_FLEXION: "curling forward against a load (sit-ups, roll-ups)",
    Tag.TRUNK_FLEXION: "holding the trunk curled forward",
    Tag.PASSIVE_FLEXION: "resting bent forward (knees to chest, child's pose)",
    Tag.SPINAL_ROTATION: "twisting",
    Tag.EXTENSION_LOADED: "arching back against a load (back extensions, superman)",
    Tag.EXTENSION_END_RANGE: "arching back as far as it goes (press-ups, cobra)",
    Tag.EXTENSION_BIASED: "exercises that tend to arch the back",
    Tag.EXTENSION_RISK: "exercises that can tip the back into an arch",
    Tag.LOADED_HINGE: "bending forward from the hips with a weight (deadlifts)",
    Tag.AXIAL_LOAD: "carrying a weight down through the spine",
    Tag.FLEXION_RISK: "exercises that can round the lower back (leg press)",
    Tag.LOWER_LIMB_STRENGTH: "leg strength work (squats, lunges)",
    Tag.UNILATERAL: "one leg at a time",
    Tag.MACHINE: "gym machines",
    Tag.STRETCH: "held stretches",
    Tag.DYNAMIC_WARMUP: "moving warm-ups",
    Tag.RECOVERY: "foam rolling",
    Tag.AEROBIC_LOW_IMPACT: "low-impact exercise for the heart and lungs",
    Tag.CROSS_TRAINING: "other endurance sports",
    Tag.FLEXED_POSTURE: "sitting or leaning forward (cycling)",
    Tag.IMPACT: "impact (feet striking the ground hard)",
    Tag.RUNNING: "running",
    Tag.PLYOMETRIC: "jumps and hops",
    Tag.BREATHING: "breathing exercises",
}
"""Short plain names of the movement tags, for the handout's "left out of your plan" lists."""

STATUS_LABELS: dict[Status, str] = {
    Status.EMERGENCY_REFERRAL: "Emergency: go to hospital now, no exercise plan",
    Status.URGENT_REFERRAL: "Urgent: see a doctor today, no exercise plan yet",
    Status.CLINICIAN_REQUIRED: "A clinician must assess first: no exercise plan yet",
    Status.PROGRAMME_WITH_REFERRAL_ADVICE: "Exercise plan, with advice to see a clinician soon",
    Status.PROGRAMME: "Exercise plan",
    Status.INPUT_ERROR: "The answers could not be read",
}
"""The triage outcome in words."""

CONCERN_TEXT: dict[str, str] = {
    "cauda_equina": "These signs can mean the nerves at the bottom of the spine are being squeezed. This is rare, "
    "but it needs checking in hospital straight away, because treatment works best early.",
    "nerve_pressure": "Weakness that is getting worse means a nerve may be under pressure. A doctor should "
    "check it today.",
    "fracture": "After a serious fall or blow, or with fragile bones, back pain can come from a broken bone. "
    "A doctor needs to check for that before you exercise.",
    "infection": "With back pain, a high temperature, feeling unwell or a weakened immune system can, rarely, "
    "be a sign of an infection near the spine. A doctor needs to rule that out first.",
    "infection_or_cancer": "Drenching night sweats with back pain can, rarely, be a sign of an infection or "
    "another illness. A doctor should check.",
    "cancer": "Most back pain is not serious. But with these answers a doctor should check that the pain is not "
    "coming from something other than muscles and joints, such as a past cancer or a new illness.",
    "spinal_history": "New or changed pain after a spinal fracture, tumour or infection should be checked by a "
    "doctor before you start exercising.",
}
"""Why a referral matters, said calmly, for each concern a red flag can point to (clinical.triage.CONCERNS)."""

PICTURE_SHOWS: dict[Show, str] = {
    Show.GHOST: "The dark figure shows the starting position and the pale figure behind it the end position; "
    "the arrow shows the movement.",
    Show.PAIR: "The figure on the left shows the starting position and the figure on the right the end "
    "position; the arrow shows the movement.",
    Show.STILL: "The figure shows the position to hold; short arrows, where there are any, show where to press "
    "or squeeze.",
}
"""How to read an exercise's picture, by how it shows the movement: part of the picture's text alternative."""

PICTURE_MARK = "A ringed dot marks the side that works."
"""Said of a per-side exercise's picture, whose working side is marked."""
