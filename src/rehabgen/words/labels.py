"""Plain-language words for the vocabularies: cause, movement, equipment, muscle and category labels.

The model speaks in ids (``Cause.WEAK_CORE``); people read these words. Every renderer and message that names
a vocabulary member looks it up here, so a label is written once and a second language has one place to go.
"""

from __future__ import annotations

from rehabgen.i18n import N_, Words
from rehabgen.model.pose import Show
from rehabgen.model.vocab import Category, Cause, Equipment, Muscle, Phase, Status, Tag

# (label, description): the description is read by patients, so it is short and plain.
CAUSE_INFO: Words[Cause, tuple[str, str]] = Words(
    {
        Cause.MUSCLE_STRAIN_OVERUSE: (
            N_("Muscle strain or overuse"),
            N_(
                "Back muscles that were overstretched, overworked or slightly torn, often after a sudden effort "
                "or a big jump in training."
            ),
        ),
        Cause.MUSCLE_IMBALANCE: (
            N_("Muscle imbalance"),
            N_(
                "Some muscles around the hips and trunk are much stronger or tighter than the ones that work "
                "against them, so the back takes extra strain."
            ),
        ),
        Cause.WEAK_CORE: (
            N_("Weak core"),
            N_("The deep stomach and back muscles tire early, so the spine is held less steadily while you run."),
        ),
        Cause.WEAK_GLUTES: (
            N_("Weak buttock muscles"),
            N_(
                "The gluteal muscles, which keep the pelvis level on each stride, are weak, and the lower back "
                "makes up for them."
            ),
        ),
        Cause.TIGHT_HIP_FLEXORS: (
            N_("Tight hip flexors"),
            N_(
                "The muscles at the front of the hip are short, often from long hours of "
                "sitting, and pull the pelvis forward."
            ),
        ),
        Cause.TIGHT_WEAK_HAMSTRINGS: (
            N_("Tight or weak hamstrings"),
            N_(
                "The muscles at the back of the thigh are stiff or weak, which changes "
                "how the pelvis and lower back move."
            ),
        ),
        Cause.POOR_RUNNING_FORM: (
            N_("Running form"),
            N_(
                "Habits such as overstriding, leaning too far forward or arching the back add stress to the "
                "lower back on every step."
            ),
        ),
        Cause.FACET_JOINT_IRRITATION: (
            N_("Irritated facet joints"),
            N_(
                "The small joints at the back of the spine are sore; bending backwards "
                "and twisting often make it worse."
            ),
        ),
        Cause.SACROILIAC_JOINT_DYSFUNCTION: (
            N_("Sacroiliac (SI) joint pain"),
            N_(
                "The joints between the base of the spine and the pelvis are painful, usually low down on one "
                "side, including after pregnancy."
            ),
        ),
        Cause.INTERVERTEBRAL_DISC: (
            N_("Disc-related pain"),
            N_(
                "A disc between two vertebrae is irritated or bulging; bending forward and sitting often make it worse."
            ),
        ),
        Cause.SCIATICA_RADICULOPATHY: (
            N_("Sciatica (irritated nerve)"),
            N_(
                "A nerve root in the lower back is irritated, so pain, tingling or "
                "numbness spreads into the buttock or leg."
            ),
        ),
        Cause.SPINAL_STENOSIS: (
            N_("Spinal stenosis"),
            N_(
                "The space around the nerves in the spine has narrowed; standing and walking upright often bring "
                "on leg symptoms and leaning forward eases them."
            ),
        ),
        Cause.STRESS_FRACTURE_SACRAL: (
            N_("Sacral stress fracture"),
            N_(
                "A crack from repeated loading in the triangular bone at the base of the spine; it needs a "
                "clinician's care and no impact until they clear you."
            ),
        ),
        Cause.SPONDYLOLYSIS: (
            N_("Spondylolysis (pars stress fracture)"),
            N_(
                "A stress fracture in the back part of a lower vertebra, most common in young athletes; bending "
                "backwards usually hurts."
            ),
        ),
        Cause.LEG_LENGTH_DISCREPANCY: (
            N_("Leg-length difference"),
            N_(
                "One leg is a little longer, or the pelvis sits unevenly, so one side of the back works harder "
                "on every stride."
            ),
        ),
        Cause.OVERTRAINING: (
            N_("Overtraining"),
            N_("Running more, faster or more often than the body has had time to adapt to, without enough rest."),
        ),
        Cause.WORN_SHOES_HARD_SURFACES: (
            N_("Worn shoes or hard surfaces"),
            N_("Old shoes and hard roads pass more jarring up to the spine on every step."),
        ),
        Cause.OBESITY: (
            N_("Body weight"),
            N_("Extra body weight adds load to the spine and joints with each stride."),
        ),
    }
)

TAG_INFO: Words[Tag, str] = Words(
    {
        Tag.NEUTRAL_STABILISATION: N_("Holds the spine still in its natural curve while the trunk muscles work."),
        Tag.ANTI_EXTENSION: N_("Resists the lower back sagging into an arch."),
        Tag.LATERAL_CORE: N_("Resists the trunk bending sideways (side-plank family)."),
        Tag.HIP_EXTENSION: N_("Moves the thigh backwards behind the body."),
        Tag.HIP_STRENGTH_NEUTRAL: N_("Strengthens the hip and buttock muscles with the spine kept neutral."),
        Tag.MOBILITY_SMALL_RANGE: N_("Small, gentle spinal movement well inside the comfortable range."),
        Tag.MOBILITY_FLEX_EXT: N_("Moves the spine between bending forward and arching back."),
        Tag.LOADED_FLEXION: N_("Curls the spine forward under load (roll-up, sit-up, toe touch)."),
        Tag.TRUNK_FLEXION: N_("Holds the trunk curled forward while the limbs move."),
        Tag.PASSIVE_FLEXION: N_("Rests the spine in a bent-forward position (knees to chest, child's pose)."),
        Tag.SPINAL_ROTATION: N_("Twists the spine, alone or combined with other movement."),
        Tag.EXTENSION_LOADED: N_("Arches the back against gravity or load (back extension, superman)."),
        Tag.EXTENSION_END_RANGE: N_("Takes the lower back to the end of its backward bend (press-up, cobra)."),
        Tag.EXTENSION_BIASED: N_("Works with the back tending towards an arch (reverse plank)."),
        Tag.EXTENSION_RISK: N_("Can tip the lower back into an arch if the pelvis is not controlled."),
        Tag.LOADED_HINGE: N_("Bends forward from the hips under load: a weight, or your body weight on one leg."),
        Tag.AXIAL_LOAD: N_("Puts weight down through the spine and pelvis (loaded squat, deadlift, heavy leg press)."),
        Tag.FLEXION_RISK: N_("Can round the lower back under load (the bottom of a leg press, a seated forward lean)."),
        Tag.LOWER_LIMB_STRENGTH: N_("Strengthens the legs: squat, lunge, step and curl patterns."),
        Tag.UNILATERAL: N_("Loads one leg at a time."),
        Tag.MACHINE: N_("Uses a gym machine."),
        Tag.STRETCH: N_("A static stretch held still."),
        Tag.DYNAMIC_WARMUP: N_("Controlled, swinging or circling movement to warm up before running."),
        Tag.RECOVERY: N_("Self-massage or recovery work (foam rolling)."),
        Tag.AEROBIC_LOW_IMPACT: N_("Keeps the heart and lungs working without running impact."),
        Tag.CROSS_TRAINING: N_("An endurance activity other than running."),
        Tag.FLEXED_POSTURE: N_("Done sitting or leaning forward (cycling)."),
        Tag.IMPACT: N_("Feet strike the ground with force (running, hopping)."),
        Tag.RUNNING: N_("Running or jogging."),
        Tag.PLYOMETRIC: N_("Jumps, hops and bounds."),
        Tag.BREATHING: N_("Breathing and gentle trunk-muscle activation."),
        Tag.NEURAL_MOBILITY: N_("Gently slides a nerve back and forth along its path, without stretching it."),
    }
)

EQUIPMENT_LABELS: Words[Equipment, str] = Words(
    {
        Equipment.MAT: N_("exercise mat"),
        Equipment.RESISTANCE_BAND: N_("resistance band"),
        Equipment.DUMBBELLS: N_("dumbbells"),
        Equipment.KETTLEBELL: N_("kettlebell"),
        Equipment.BARBELL: N_("barbell"),
        Equipment.GYM_MACHINES: N_("gym machines"),
        Equipment.STATIONARY_BIKE: N_("bike or exercise bike"),
        Equipment.POOL: N_("swimming pool"),
        Equipment.FOAM_ROLLER: N_("foam roller"),
        Equipment.STABILITY_BALL: N_("stability ball"),
        Equipment.STEP: N_("step or sturdy low box"),
        Equipment.CHAIR: N_("sturdy chair"),
        Equipment.WALL: N_("clear wall"),
    }
)

MUSCLE_LABELS: Words[Muscle, str] = Words(
    {
        Muscle.TRANSVERSUS_ABDOMINIS: N_("deep stomach muscle (transversus abdominis)"),
        Muscle.MULTIFIDUS: N_("deep back muscles (multifidus)"),
        Muscle.ERECTOR_SPINAE: N_("long back muscles (erector spinae)"),
        Muscle.QUADRATUS_LUMBORUM: N_("side of the lower back (quadratus lumborum)"),
        Muscle.RECTUS_ABDOMINIS: N_("front stomach muscle (rectus abdominis)"),
        Muscle.OBLIQUES: N_("side stomach muscles (obliques)"),
        Muscle.PELVIC_FLOOR: N_("pelvic floor"),
        Muscle.DIAPHRAGM: N_("breathing muscle (diaphragm)"),
        Muscle.GLUTEUS_MAXIMUS: N_("main buttock muscle (gluteus maximus)"),
        Muscle.GLUTEUS_MEDIUS: N_("side buttock muscle (gluteus medius)"),
        Muscle.HAMSTRINGS: N_("back of the thigh (hamstrings)"),
        Muscle.HIP_FLEXORS: N_("front of the hip (hip flexors)"),
        Muscle.QUADRICEPS: N_("front of the thigh (quadriceps)"),
        Muscle.ADDUCTORS: N_("inner thigh (adductors)"),
        Muscle.CALVES: N_("calves"),
        Muscle.PIRIFORMIS: N_("deep buttock muscle (piriformis)"),
        Muscle.THORACIC_SPINE: N_("upper and mid back"),
        Muscle.LATISSIMUS_DORSI: N_("wide back muscle (latissimus dorsi)"),
        Muscle.SHOULDERS: N_("shoulders"),
        Muscle.CHEST: N_("chest"),
        Muscle.ARMS: N_("arms"),
        Muscle.HEART_LUNGS: N_("heart and lungs"),
    }
)

CATEGORY_LABELS: Words[Category, str] = Words(
    {
        Category.WARM_UP: N_("Warm-up"),
        Category.MOBILITY: N_("Mobility"),
        Category.STRETCH: N_("Stretch"),
        Category.CORE_STABILITY: N_("Core stability"),
        Category.STRENGTH: N_("Strength"),
        Category.PLYOMETRIC: N_("Plyometric"),
        Category.CROSS_TRAINING: N_("Cross-training"),
        Category.WALKING: N_("Walking"),
        Category.RUNNING: N_("Running"),
    }
)

PHASE_NAMES: Words[Phase, str] = Words(
    {
        Phase.PROTECT: N_("Protect and calm"),
        Phase.RESTORE: N_("Restore"),
        Phase.STRENGTHEN: N_("Strengthen"),
        Phase.RETURN_TO_RUN: N_("Return to running"),
    }
)

ACTIVITY_NAMES: Words[str, str] = Words(
    {
        "stationary_cycling": N_("Cycling"),
        "swimming": N_("Swimming"),
        "pool_running": N_("Deep-water running"),
        "elliptical_trainer": N_("Cross-trainer"),
        "brisk_walk": N_("Walk"),
    }
)
"""Short names of the cross-training and walking activities, for calendar cells (by exercise id)."""

TAG_LABELS: Words[Tag, str] = Words(
    {
        Tag.NEUTRAL_STABILISATION: N_("holding the spine steady"),
        Tag.ANTI_EXTENSION: N_("resisting an arched back"),
        Tag.LATERAL_CORE: N_("side-plank work"),
        Tag.HIP_EXTENSION: N_("moving the thigh back"),
        Tag.HIP_STRENGTH_NEUTRAL: N_("hip strength with a steady back"),
        Tag.MOBILITY_SMALL_RANGE: N_("small, gentle back movements"),
        Tag.MOBILITY_FLEX_EXT: N_("rounding and arching the back"),
        Tag.LOADED_FLEXION: N_("curling forward against a load (sit-ups, roll-ups)"),
        Tag.TRUNK_FLEXION: N_("holding the trunk curled forward"),
        Tag.PASSIVE_FLEXION: N_("resting bent forward (knees to chest, child's pose)"),
        Tag.SPINAL_ROTATION: N_("twisting"),
        Tag.EXTENSION_LOADED: N_("arching back against a load (back extensions, superman)"),
        Tag.EXTENSION_END_RANGE: N_("arching back as far as it goes (press-ups, cobra)"),
        Tag.EXTENSION_BIASED: N_("exercises that tend to arch the back"),
        Tag.EXTENSION_RISK: N_("exercises that can tip the back into an arch"),
        Tag.LOADED_HINGE: N_("bending forward from the hips with a weight (deadlifts)"),
        Tag.AXIAL_LOAD: N_("carrying a weight down through the spine"),
        Tag.FLEXION_RISK: N_("exercises that can round the lower back (leg press)"),
        Tag.LOWER_LIMB_STRENGTH: N_("leg strength work (squats, lunges)"),
        Tag.UNILATERAL: N_("one leg at a time"),
        Tag.MACHINE: N_("gym machines"),
        Tag.STRETCH: N_("held stretches"),
        Tag.DYNAMIC_WARMUP: N_("moving warm-ups"),
        Tag.RECOVERY: N_("foam rolling"),
        Tag.AEROBIC_LOW_IMPACT: N_("low-impact exercise for the heart and lungs"),
        Tag.CROSS_TRAINING: N_("other endurance sports"),
        Tag.FLEXED_POSTURE: N_("sitting or leaning forward (cycling)"),
        Tag.IMPACT: N_("impact (feet striking the ground hard)"),
        Tag.RUNNING: N_("running"),
        Tag.PLYOMETRIC: N_("jumps and hops"),
        Tag.BREATHING: N_("breathing exercises"),
    }
)
"""Short plain names of the movement tags, for the handout's "left out of your plan" lists."""

STATUS_LABELS: Words[Status, str] = Words(
    {
        Status.EMERGENCY_REFERRAL: N_("Emergency: go to hospital now, no exercise plan"),
        Status.URGENT_REFERRAL: N_("Urgent: see a doctor today, no exercise plan yet"),
        Status.CLINICIAN_REQUIRED: N_("A clinician must assess first: no exercise plan yet"),
        Status.PROGRAMME_WITH_REFERRAL_ADVICE: N_("Exercise plan, with advice to see a clinician soon"),
        Status.PROGRAMME: N_("Exercise plan"),
        Status.INPUT_ERROR: N_("The answers could not be read"),
    }
)
"""The triage outcome in words."""

CONCERN_TEXT: Words[str, str] = Words(
    {
        "cauda_equina": N_(
            "These signs can mean the nerves at the bottom of the spine are being squeezed. This is rare, "
            "but it needs checking in hospital straight away, because treatment works best early."
        ),
        "nerve_pressure": N_(
            "Weakness that is getting worse means a nerve may be under pressure. A doctor should check it today."
        ),
        "fracture": N_(
            "After a serious fall or blow, or with fragile bones, back pain can come from a broken bone. "
            "A doctor needs to check for that before you exercise."
        ),
        "infection": N_(
            "With back pain, a high temperature, feeling unwell or a weakened immune system can, rarely, "
            "be a sign of an infection near the spine. A doctor needs to rule that out first."
        ),
        "infection_or_cancer": N_(
            "Drenching night sweats with back pain can, rarely, be a sign of an infection or "
            "another illness. A doctor should check."
        ),
        "cancer": N_(
            "Most back pain is not serious. But with these answers a doctor should check that the pain is not "
            "coming from something other than muscles and joints, such as a past cancer or a new illness."
        ),
        "spinal_history": N_(
            "New or changed pain after a spinal fracture, tumour or infection should be checked by a "
            "doctor before you start exercising."
        ),
    }
)
"""Why a referral matters, said calmly, for each concern a red flag can point to (clinical.triage.CONCERNS)."""

PICTURE_SHOWS: Words[Show, str] = Words(
    {
        Show.GHOST: N_(
            "The dark figure shows the starting position and the pale figure behind it the end position; "
            "the arrow shows the movement."
        ),
        Show.PAIR: N_(
            "The figure on the left shows the starting position and the figure on the right the end "
            "position; the arrow shows the movement."
        ),
        Show.STILL: N_(
            "The figure shows the position to hold; short arrows, where there are any, show where to press or squeeze."
        ),
    }
)
"""How to read an exercise's picture, by how it shows the movement: part of the picture's text alternative."""

PICTURE_MARK = N_("A ringed dot marks the side that works.")
"""Said of a per-side exercise's picture, whose working side is marked."""
