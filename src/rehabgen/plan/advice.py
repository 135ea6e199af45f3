"""The advice a handout must carry (clinical rules G1-G5, G12, G14) and the self-care advice of the seeds.

Written in plain words for a reader of about twelve. Facts come from docs/clinical-rules.md and the seeds,
with their rule ids in comments; the sentences are our own. Nothing here recommends shoe inserts, orthotics,
heel raises, belts or corsets (G12), or bed rest beyond a day or two (G2).
"""

from __future__ import annotations

from collections.abc import Callable

from rehabgen.clinical.causes import CAUSES
from rehabgen.i18n import N_, _
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Advice, Tier
from rehabgen.model.template import Template
from rehabgen.model.vocab import BONE_STRESS_CAUSES, Cause
from rehabgen.words.help import routes_for

DISCLAIMER = N_(
    "This plan is not a diagnosis and not medical advice. It was made by a computer program from the answers "
    "given, and nobody has examined you. If anything in it worries you, or your symptoms change, ask a "
    "doctor or {physio}."
)


def safety_net(profile: Profile) -> Advice:
    """G1: when to stop and get emergency or urgent help, with the region's numbers."""
    routes = routes_for(profile.region)
    return Advice(
        id="safety_net",
        title=_("When to stop and get help"),
        text=_("Stop exercising and get help if any of these happen. They are rare, but they matter."),
        tiers=[
            Tier(
                code="emergency",
                label=_("EMERGENCY"),
                action=routes.emergency,
                text=_(
                    "numbness or tingling around your genitals, bottom or inner thighs; new trouble passing "
                    "urine, or leaking urine or stools; new or worsening pain, numbness or weakness in both legs; "
                    "weakness in your legs that is getting worse."
                ),
            ),
            Tier(
                code="urgent",
                label=_("URGENT"),
                action=routes.urgent,
                text=_(
                    "a high temperature or feel unwell with your back pain; weight loss you cannot explain; pain "
                    "at night that no position eases; weakness in one leg or foot that is getting worse."
                ),
            ),
            Tier(
                code="soon",
                label=_("SOON"),
                action=routes.routine,
                text=_(
                    "pain that is not getting better after a few weeks, that keeps getting worse, or that stops "
                    "you from doing your daily activities."
                ),
            ),
        ],
        points=_baseline(profile),
    )


def _baseline(profile: Profile) -> list[str]:
    """When the runner already has leg symptoms: which change is the emergency (clinical rules §1.2 note, T1)."""
    if profile.has_bilateral_symptoms:
        return [
            _(
                "You already have symptoms in both legs, and they are not an emergency on their own. What matters "
                "is change: get emergency help if they spread, get stronger, or become numb, if either leg gets "
                "weaker, or if you notice any of the emergency signs above."
            )
        ]
    if profile.has_leg_symptoms:
        return [
            _(
                "You already have symptoms in one leg. What matters is change: get urgent help if that leg or foot "
                "gets weaker, and emergency help if symptoms start in the other leg as well or you notice any of "
                "the emergency signs above."
            )
        ]
    return []


def disclaimer() -> Advice:
    """G14: not a diagnosis, not medical advice."""
    return Advice(id="disclaimer", title=_("About this plan"), text=_(DISCLAIMER))


def stay_active() -> Advice:
    """G2: keep moving; no bed rest beyond a day or two (NICE NG59, Malmivaara 1995)."""
    return Advice(
        id="stay_active",
        title=_("Keep moving"),
        text=_(
            "Staying active helps a sore back recover faster than resting it. Carry on with your normal "
            "day as much as you can, and walk every day. If the pain is bad, resting for a day or two is fine, "
            "but lying in bed for longer slows recovery."
        ),
        points=[
            _("Change position often; get up and move for a few minutes every half hour when you sit."),
            _("Moving may feel uncomfortable at first. That is normal and does not mean you are doing harm."),
        ],
    )


def pain_monitoring(profile: Profile) -> Advice:
    """G3: the pain-monitoring traffic light (Silbernagel, adapted; clinical rules §4.2)."""
    points = []
    if profile.has(*BONE_STRESS_CAUSES):
        points.append(
            _(
                "Bone-stress injury: running, hopping and jumping must be completely pain-free (0 out of 10). "
                "Any pain during or after impact means stop and contact your clinician."
            )
        )
    return Advice(
        id="pain_monitoring",
        title=_("How much pain is OK: the traffic light"),
        text=_(
            "Rate your pain from 0 (none) to 10 (the worst you can imagine) during each exercise and the next morning."
        ),
        tiers=[
            Tier(code="green", label=_("GREEN"), text=_("pain 0 to 3 out of 10: carry on.")),
            Tier(
                code="amber",
                label=_("AMBER"),
                text=_(
                    "pain 4 or 5 out of 10: you may carry on only if the pain settles by the next morning. If it "
                    "does, repeat the same level next time instead of stepping up."
                ),
            ),
            Tier(
                code="red",
                label=_("RED"),
                text=_(
                    "pain above 5 out of 10, or pain worse the next morning: stop that exercise and go back to "
                    "the previous week's level."
                ),
            ),
        ],
        points=points,
    )


def progression_rules(profile: Profile) -> Advice:
    """Clinical rules §4.2: when to step up, hold and step back."""
    return Advice(
        id="progression",
        title=_("When to step up and when to step back"),
        text=_(
            "The plan gets a little harder each week. Change only one thing at a time: more repetitions, "
            "more sets, a longer hold, a bit more weight, or a harder version."
        ),
        points=[
            _(
                "Step up when you have done the current level for at least 2 sessions, with pain 3 out of 10 "
                "or less, no flare-up the next day, and good form."
            ),
            _("Stay at the same level when pain reached 4 or 5 out of 10 but had settled by the next morning."),
            _(
                "Step back to the previous week when pain went above 5 out of 10, your pain the next morning was "
                "2 or more points higher than usual, or leg symptoms spread further down the leg."
            ),
            _(
                "If you have to step back twice in a row, or a warning sign from the box above appears, contact a "
                "doctor or {physio}."
            ),
            *_supervised(profile),
        ],
    )


def _supervised(profile: Profile) -> list[str]:
    """Under 16, the treating clinician decides each step up (clinical rules T3)."""
    if profile.age >= 16:
        return []
    return [
        "You are under 16, so the clinician who is treating you decides when you step up. Take this plan to "
        "every visit, and do not move to the next step until they agree."
    ]


def peripheralisation() -> Advice:
    """G4: the peripheralisation stop rule when there are leg symptoms (clinical rules §2.2)."""
    return Advice(
        id="peripheralisation",
        title=_("Leg symptoms: which way are they moving?"),
        text=_("Watch where you feel pain, tingling or numbness during and after each exercise."),
        points=[
            _(
                "If symptoms spread further down your leg (towards the foot), stop that exercise straight away. "
                "This is called peripheralisation and means the movement is irritating the nerve."
            ),
            _(
                "If symptoms move up the leg and closer to your back, that is a good sign, even if your back "
                "aches a little more for a while. This is called centralisation."
            ),
            _("If a movement keeps sending symptoms down the leg, leave it out and tell your {physio}."),
        ],
    )


def outcome_tracking() -> Advice:
    """G5: weekly pain rating, a patient-specific function score with a running activity, start and end."""
    return Advice(
        id="outcome_tracking",
        title=_("Track your progress"),
        text=_("Writing down a few numbers shows you and your {physio} whether the plan is working."),
        points=[
            _("Every week: your usual pain (0 to 10) and your pain on waking the next morning after exercise."),
            _(
                "At the start, halfway and at the end: rate up to 3 activities you find hard because of your "
                "back, one of them a run, from 0 (cannot do it) to 10 (as well as before the pain)."
            ),
            _(
                "At the start and at the end: your {physio} may ask you to fill in a back-pain "
                "questionnaire, such as the Roland-Morris or the Oswestry. Bring the tracking pages to your visits."
            ),
            _("A change of 2 points or more on the 0 to 10 pain scale is a real change."),
        ],
    )


def warm_up() -> Advice:
    """Seeds 000, 002, 003: warm up before running."""
    return Advice(
        id="warm_up",
        title=_("Warm up before every run"),
        text=_("Warm muscles and joints cope better with running. Spend 5 to 10 minutes getting ready."),
        points=[
            _("Start with a few minutes of brisk walking."),
            _("Then do moving warm-ups such as leg swings, hip circles and marching with high knees."),
            _("Keep long, still stretches for after the run, not before it."),
        ],
    )


def footwear_surfaces(profile: Profile) -> Advice:
    """Seeds 000, 001, 004: shoes and surfaces. G12: no inserts, orthotics or heel raises."""
    points = [
        _("Wear running shoes that fit well and feel comfortable for the way you run."),
        _("Replace them when they are worn out, usually every {shoe_life}, or sooner if the cushioning feels flat."),
        _(
            "Run on softer, even ground such as grass, park paths or trails when you can, and avoid long "
            "stretches on concrete."
        ),
    ]
    if Cause.SPINAL_STENOSIS in profile.causes:
        points.append(_("Choose flat routes and avoid running downhill, which arches the lower back."))
    return Advice(
        id="footwear_surfaces",
        title=_("Shoes and surfaces"),
        text=_("What is under your feet changes how much jarring reaches your back."),
        points=points,
    )


def hydration() -> Advice:
    """Seed 000: hydration and muscle function."""
    return Advice(
        id="hydration",
        title=_("Drink enough"),
        text=_("Muscles work and recover better when you are well hydrated."),
        points=[
            _("Drink water regularly through the day, and before and after runs."),
            _("Drink more in hot weather and on long runs; a sports drink can replace salts on runs over an hour."),
        ],
    )


def heat_and_rest() -> Advice:
    """ACP 2017 (superficial heat) and seed 000 (15-20 minutes, protect the skin)."""
    return Advice(
        id="heat",
        title=_("Easing the pain"),
        text=_("Warmth relaxes tight muscles and can ease back pain for a while."),
        points=[
            _("Use a heat pad or hot-water bottle for 15 to 20 minutes, a few times a day."),
            _("Always put a cloth between the heat and your skin, and never fall asleep on a heat pad."),
            _("If you want to take painkillers, ask a pharmacist or doctor which ones suit you."),
        ],
    )


def training_load(profile: Profile) -> Advice:
    """Seeds 000, 002: avoid overtraining; clinical rules §3.5 caps."""
    points = [
        _(
            "Build up gradually. While you do the walk–run steps, the running grows one step at a time, and you "
            "stay on each step for at least two sessions."
        ),
        _(
            "Once you run without walking breaks, your weekly distance rises by no more than 10% on your last "
            "full week, and no single run is more than 10% longer than your longest run of the last 4 weeks."
        ),
        _(
            "Your first week without walking breaks starts at part of your usual distance, spread over several "
            "short runs so that no run breaks the 10% rule."
        ),
        _(
            "Every fourth week is lighter on purpose: fewer repetitions, shorter walks and less running. Use it to "
            "recover."
        ),
        _("Leave at least one rest day between hard days, and use cycling or swimming to stay fit without impact."),
    ]
    if Cause.OVERTRAINING in profile.causes:
        points.append(
            _("Sleep well and eat enough to fuel your training; tiredness that does not lift is a sign to ease off.")
        )
    return Advice(
        id="training_load",
        title=_("Training load"),
        text=_("Most running back pain comes from doing too much too soon."),
        points=points,
    )


def running_form() -> Advice:
    """Seeds 000, 002, 003, 004: running form cues."""
    return Advice(
        id="running_form",
        title=_("Running form"),
        text=_("Small changes to how you run can take strain off your lower back."),
        points=[
            _("Look ahead, not down, and keep your shoulders loose."),
            _("Let your arms swing forwards and backwards, not across your body."),
            _("Take shorter, quicker steps and land with your foot under your body."),
            _("Land softly and quietly; avoid leaning far forward or arching your back."),
            _("A {physio} or running coach can check your running style if you are unsure."),
        ],
    )


def bone_health() -> Advice:
    """Clinical rules §2.6: bone-stress / RED-S prompt."""
    return Advice(
        id="bone_health",
        title=_("Look after your bones"),
        text=_("Bones need enough fuel to heal and to cope with running."),
        points=[
            _("Eat enough to match your training, including foods with calcium and vitamin D."),
            _(
                "Tell your doctor if your periods have stopped or become irregular, or if you have had a stress "
                "fracture before: these can be signs that your body is not getting enough energy."
            ),
        ],
    )


def pelvic_health(profile: Profile) -> Advice:
    """Clinical rules §2.7: postpartum return to running."""
    points = [
        _("Running and jumping wait until at least 12 weeks after birth."),
        _(
            "Before you run, you should be able to walk briskly for 30 minutes, balance on one leg for 10 "
            "seconds, and jog on the spot and hop without leaking, heaviness or dragging."
        ),
    ]
    if profile.pelvic_floor_symptoms:
        points.insert(
            0,
            _(
                "Leaking, heaviness or dragging in the pelvic floor means: no running for now, and "
                "see a pelvic-health {physio}."
            ),
        )
    return Advice(
        id="pelvic_health",
        title=_("After having a baby"),
        text=_("Your pelvic floor and tummy muscles need time and training before running."),
        points=points,
    )


def leg_length() -> Advice:
    """Clinical rules G12: no heel raises or inserts; refer instead."""
    return Advice(
        id="leg_length",
        title=_("Uneven legs or pelvis"),
        text=_(
            "The single-leg and side exercises in this plan train both sides to share the work. Do not try "
            "to correct a difference in leg length on your own with anything added to your shoes; a "
            "{physio} can assess whether it matters for you."
        ),
    )


def weight() -> Advice:
    """Seed 001 (Cooper River Bridge Run study): body weight and back pain in runners."""
    return Advice(
        id="body_weight",
        title=_("Body weight"),
        text=_(
            "Carrying extra weight adds load with every stride. Low-impact activity such as brisk walking, "
            "cycling and swimming lets you build fitness with less jarring, alongside a healthy diet."
        ),
    )


def bone_stress_running() -> Advice:
    """Clinical rules §2.6, §4.1, G3: the gated return to impact after a bone-stress injury."""
    return Advice(
        id="bone_stress_running",
        title=_("Running again after a bone-stress injury"),
        text=_(
            "Your running starts with short bouts: 30 seconds of easy running at a time inside a 30-minute "
            "walk. It builds up one step at a time, and only while everything stays completely pain-free."
        ),
        points=[
            _("Before each run: no pain at all (0 out of 10) in daily life today, and none after your last run."),
            _(
                "During a run: if you feel any pain in your lower back, buttock, hip or "
                "groin, stop running and walk home."
            ),
            _(
                "If pain appears: no running or jumping for at least 2 days, and contact your clinician before you "
                "try again. When you restart, go back one step."
            ),
            _("Run on flat, soft, even ground, with a rest day between runs."),
        ],
    )


def stenosis() -> Advice:
    """Clinical rules §2.5: posture-dependent leg symptoms in spinal stenosis."""
    return Advice(
        id="stenosis",
        title=_("Easing leg symptoms from spinal stenosis"),
        text=_(
            "Bending forward opens up the space around the nerves in your lower back; standing tall, walking "
            "upright and arching backwards narrow it. That is why leg symptoms often come on when you walk and "
            "ease when you sit down or lean forward."
        ),
        points=[
            _(
                "Walk in spells: when your legs ache or tingle, sit down or lean forward on a rail, a bench or a "
                "shopping trolley until it eases, then carry on."
            ),
            _(
                "Cycling on an exercise bike keeps your heart and legs fit while you sit slightly bent forward, "
                "which most people with stenosis find comfortable."
            ),
            _("Choose flat routes: walking or running downhill makes you lean back."),
            _("The exercises in your plan that bend your lower back gently forward can ease your legs when they ache."),
        ],
    )


def sitting() -> Advice:
    """Seed 003: tight hip flexors from long sitting."""
    return Advice(
        id="sitting",
        title=_("Long hours of sitting"),
        text=_(
            "Sitting for long periods shortens the muscles at the front of the hips. Stand up and move every "
            "30 to 45 minutes, and do the hip-flexor stretch from your plan on work days."
        ),
    )


_OPTIONAL_SECTIONS: dict[str, Callable[[Profile], Advice]] = {
    "bone_health": lambda profile: bone_health(),
    "pelvic_health": pelvic_health,
    "leg_length": lambda profile: leg_length(),
    "body_weight": lambda profile: weight(),
    "sitting": lambda profile: sitting(),
    "stenosis": lambda profile: stenosis(),
    "bone_stress_running": lambda profile: bone_stress_running(),
}
"""Sections a handout carries only when a cause (``clinical.causes``) or the profile asks for them, in order."""


def build_advice(profile: Profile, template: Template, *, has_running: bool) -> list[Advice]:
    """Every advice section this profile's handout carries, in reading order."""
    sections = [safety_net(profile), stay_active(), pain_monitoring(profile), progression_rules(profile)]
    if profile.has_leg_symptoms:
        sections.append(peripheralisation())
    sections.append(outcome_tracking())
    if has_running or profile.weekly_running_km > 0:
        sections += [warm_up(), training_load(profile), running_form(), footwear_surfaces(profile)]
    sections += [heat_and_rest(), hydration()]
    wanted = {key for cause in profile.causes for key in CAUSES[cause].advice}
    if profile.postpartum_weeks is not None or profile.pelvic_floor_symptoms:
        wanted.add("pelvic_health")
    if has_running and profile.has(*BONE_STRESS_CAUSES):
        wanted.add("bone_stress_running")
    sections += [build(profile) for key, build in _OPTIONAL_SECTIONS.items() if key in wanted]
    sections += [Advice(id=a.id, title=a.title, text=a.text, points=list(a.points)) for a in template.advice]
    sections.append(disclaimer())
    return sections
