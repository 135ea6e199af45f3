"""Red-flag triage: may a programme be given at all (clinical rules §1.2–1.3)?

Triage runs before anything is planned and nothing downstream can soften it: no option, template or batch
setting turns an emergency or urgent referral into a programme. Every trigger found is reported, not just the
first, and contradictory answers resolve safety-first (a yes anywhere wins).

Tiers and the statuses they give:

* T1 → ``EMERGENCY_REFERRAL``: no exercise content at all; go to an emergency department now.
* T2 → ``URGENT_REFERRAL``: no programme; see a doctor today.
* T3 block → ``CLINICIAN_REQUIRED``: no programme until a clinician has made the diagnosis (age under 16, an
  undiagnosed bone-stress injury).
* T3 banner → ``PROGRAMME_WITH_REFERRAL_ADVICE``: a conservative programme with a prominent "see a
  clinician soon" banner.
* otherwise ``PROGRAMME`` (T4 modifications are the planner's exclusions).
"""

from __future__ import annotations

from dataclasses import dataclass

from rehabgen.i18n import _
from rehabgen.model.profile import Profile
from rehabgen.model.vocab import BONE_STRESS_CAUSES, Cause, Status

_ORDER = list(Status)


@dataclass(frozen=True, slots=True)
class Reason:
    """One trigger: a stable code, the status it leads to, plain words for the patient, and its rule."""

    code: str
    status: Status
    text: str
    rule: str


@dataclass(frozen=True, slots=True)
class Triage:
    """The triage decision and every reason behind it, most severe first."""

    status: Status
    reasons: tuple[Reason, ...]

    @property
    def codes(self) -> list[str]:
        """The reason codes, for tests and machine readers."""
        return [r.code for r in self.reasons]

    @property
    def concerns(self) -> list[str]:
        """What the reasons can point to (``infection``, ``cancer`` …), most severe reason first, once each."""
        found: dict[str, None] = {}
        for reason in self.reasons:
            if reason.code in CONCERNS:
                found.setdefault(CONCERNS[reason.code], None)
        return list(found)


CONCERNS: dict[str, str] = {
    "saddle_anaesthesia": "cauda_equina",
    "bladder_dysfunction": "cauda_equina",
    "bowel_dysfunction": "cauda_equina",
    "sexual_dysfunction_new": "cauda_equina",
    "bilateral_weakness": "cauda_equina",
    "bilateral_leg_symptoms": "cauda_equina",
    "progressive_weakness": "nerve_pressure",
    "significant_trauma": "fracture",
    "osteoporosis_or_steroids": "fracture",
    "fever_or_unwell": "infection",
    "fever_with_neuro": "infection",
    "immunosuppression_or_ivdu": "infection",
    "night_sweats": "infection_or_cancer",
    "history_of_cancer": "cancer",
    "cancer_with_neuro": "cancer",
    "unexplained_weight_loss": "cancer",
    "night_pain_unrelieved": "cancer",
    "over_50_not_improving": "cancer",
    "spinal_history_new_pain": "spinal_history",
}
"""The possible cause a red flag points to (clinical rules §1.1: cauda equina, fracture, infection, cancer)."""


# Over 50 with an episode younger than this counts as "new onset" (clinical rules §1.1 age flags) [JUDGEMENT].
NEW_ONSET_WEEKS = 12
# Bilateral symptoms this recent are "new" (clinical rules §1.2 note: new = within 2 weeks).
NEW_BILATERAL_WEEKS = 2
# Pain this high gets the "see a clinician soon" banner: the NHS advises seeing a GP when back pain is severe
# (clinical rules §1.1); 8 out of 10 as the threshold is [JUDGEMENT].
SEVERE_PAIN = 8
# After a bone-stress injury, pain at or above this asks for the clinician's review before impact, and no
# running is planned (clinical rules §2.6: impact only at 0/10; the threshold is [JUDGEMENT]).
BONE_STRESS_PAIN = 3


def triage(profile: Profile) -> Triage:
    """Decide the status for a profile from clinical rules §1.2–1.3, collecting every trigger."""
    found: list[Reason] = []
    for tier in (_emergency, _urgent, _clinician_first, _see_a_clinician_soon):
        found += tier(profile)
    found.sort(key=lambda r: _ORDER.index(r.status))
    status = found[0].status if found else Status.PROGRAMME
    return Triage(status, tuple(found))


_E, _U = Status.EMERGENCY_REFERRAL, Status.URGENT_REFERRAL
_C, _A = Status.CLINICIAN_REQUIRED, Status.PROGRAMME_WITH_REFERRAL_ADVICE


def _has_neuro(profile: Profile) -> bool:
    return profile.neuro.numbness != "none" or profile.neuro.weakness != "none"


def _new_onset_over_50(profile: Profile) -> bool:
    return profile.age > 50 and profile.symptom_duration_weeks < NEW_ONSET_WEEKS


def _emergency(profile: Profile) -> list[Reason]:
    """T1: possible cauda equina syndrome or another emergency; a single feature is enough."""
    flags, neuro = profile.red_flags, profile.neuro
    found = [
        Reason(code, _E, text, "T1")
        for present, code, text in (
            (
                flags.saddle_anaesthesia,
                "saddle_anaesthesia",
                _("Numbness or tingling around the genitals, bottom or inner thighs."),
            ),
            (flags.bladder_dysfunction, "bladder_dysfunction", _("New problems passing or controlling urine.")),
            (flags.bowel_dysfunction, "bowel_dysfunction", _("New problems controlling your bowels.")),
            (
                flags.sexual_dysfunction_new,
                "sexual_dysfunction_new",
                _("New loss of genital feeling or new sexual problems."),
            ),
            (neuro.weakness == "bilateral", "bilateral_weakness", _("Weakness in both legs.")),
        )
        if present
    ]
    found += _bilateral(profile)
    found += [
        Reason(code, _E, text, "T1")
        for present, code, text in (
            (
                flags.significant_trauma,
                "significant_trauma",
                _("Back pain that started after a serious accident, fall or blow."),
            ),
            (
                flags.history_of_cancer and _has_neuro(profile),
                "cancer_with_neuro",
                _("A history of cancer together with new numbness or weakness."),
            ),
            (
                flags.fever_or_unwell and _has_neuro(profile),
                "fever_with_neuro",
                _("Fever or feeling unwell together with numbness or weakness."),
            ),
        )
        if present
    ]
    return found


def _bilateral(profile: Profile) -> list[Reason]:
    """Symptoms in both legs: an emergency when new or worsening (clinical rules §1.2 note)."""
    if not profile.has_bilateral_symptoms or profile.neuro.weakness == "bilateral":
        return []
    stable_stenosis = (
        not profile.bilateral_new_or_worsening
        and profile.clinician_diagnosed
        and Cause.SPINAL_STENOSIS in profile.causes
        and profile.symptom_duration_weeks > NEW_BILATERAL_WEEKS
        and not profile.red_flags.worsening_or_not_improving
    )
    if stable_stenosis:
        return []  # clinical rules §1.2 note: long-standing, stable, diagnosed stenosis is not T1 (T4 modifications)
    if profile.bilateral_new_or_worsening or profile.symptom_duration_weeks <= NEW_BILATERAL_WEEKS:
        return [
            Reason("bilateral_leg_symptoms", _E, _("New or worsening pain, numbness or tingling in both legs."), "T1")
        ]
    # [JUDGEMENT] long-standing symptoms in both legs without a diagnosis: not an emergency by the rule book's
    # note, but no self-guided programme either until someone has examined them.
    return [
        Reason(
            "bilateral_leg_symptoms_undiagnosed",
            _U,
            _("Symptoms in both legs that a clinician has not yet examined."),
            "T1 note",
        )
    ]


def _urgent(profile: Profile) -> list[Reason]:
    """T2: urgent review the same day."""
    flags = profile.red_flags
    found = [
        Reason(code, _U, text, "T2")
        for present, code, text in (
            (
                profile.neuro.weakness == "unilateral_progressive",
                "progressive_weakness",
                _("Weakness in one leg or foot that is getting worse."),
            ),
            (
                flags.fever_or_unwell,
                "fever_or_unwell",
                _("A high temperature, chills or feeling unwell with your back pain."),
            ),
            (flags.unexplained_weight_loss, "unexplained_weight_loss", _("Losing weight without trying.")),
            (flags.night_pain_unrelieved, "night_pain_unrelieved", _("Night pain that no change of position eases.")),
            (flags.night_sweats, "night_sweats", _("Drenching night sweats.")),
            (flags.history_of_cancer, "history_of_cancer", _("A history of cancer with back pain.")),
            (
                flags.immunosuppression_or_ivdu,
                "immunosuppression_or_ivdu",
                _("A weakened immune system or injecting drugs, with back pain."),
            ),
            (
                flags.osteoporosis_or_steroids,
                "osteoporosis_or_steroids",
                _("Osteoporosis or long-term steroids, with back pain."),
            ),
        )
        if present
    ]
    if flags.history_spinal_fracture_tumour_infection:
        if profile.symptom_duration_weeks < 6 or flags.worsening_or_not_improving:
            text = _("New or changed pain after a spinal fracture, tumour or infection.")
            found.append(Reason("spinal_history_new_pain", _U, text, "T2"))
        else:
            found.append(Reason("spinal_history", _A, _("A past spinal fracture, tumour or infection."), "T3"))
    not_improving_4wk = flags.worsening_or_not_improving and profile.symptom_duration_weeks > 4
    if _new_onset_over_50(profile) and not_improving_4wk:
        text = _("New back pain after 50 that has not improved in over 4 weeks.")
        found.append(Reason("over_50_not_improving", _U, text, "T2"))
    return found


def _clinician_first(profile: Profile) -> list[Reason]:
    """T3 block: a clinician must make the diagnosis first."""
    found = []
    if profile.age < 16 and not profile.clinician_diagnosed:
        text = _("Back pain under the age of 16 needs a clinician's assessment first.")
        found.append(Reason("under_16", _C, text, "T3"))
    if profile.has(*BONE_STRESS_CAUSES) and not profile.clinician_diagnosed:
        text = _("A possible stress fracture or spondylolysis must be diagnosed by a clinician first.")
        found.append(Reason("bone_stress_undiagnosed", _C, text, "T3"))
    return found


def _see_a_clinician_soon(profile: Profile) -> list[Reason]:
    """T3 banner: a programme is allowed, with advice to see a clinician soon."""
    flags, neuro = profile.red_flags, profile.neuro
    escalators = [
        Reason(code, _A, text, "T3")
        for present, code, text in (
            (_new_onset_over_50(profile), "new_onset_over_50", _("New back pain after the age of 50.")),
            (neuro.numbness == "unilateral", "unilateral_numbness", _("Numbness or pins and needles in one leg.")),
            (
                neuro.weakness == "unilateral_stable",
                "unilateral_weakness_stable",
                _("Weakness in one leg that is not getting worse."),
            ),
        )
        if present
    ]
    found = [
        Reason(code, _A, text, rule)
        for present, code, text, rule in (
            (
                profile.symptom_duration_weeks >= 6,
                "persisting_6_weeks",
                _("Pain that has lasted 6 weeks or more."),
                "G13",
            ),
            (
                flags.worsening_or_not_improving,
                "worsening_or_not_improving",
                _("Pain that is getting worse or not improving."),
                "G13",
            ),
        )
        if present
    ]
    found += escalators
    if profile.age < 16 and profile.clinician_diagnosed:
        text = _("Under 16: the clinician who diagnosed you supervises this plan and decides each step up.")
        found.append(Reason("under_16_supervised", _A, text, "T3"))
    if profile.pain_nprs >= SEVERE_PAIN:
        text = _("Severe pain ({pain} out of 10).").format(pain=profile.pain_nprs)
        found.append(Reason("severe_pain", _A, text, "§1.1"))
    if profile.has(*BONE_STRESS_CAUSES) and profile.clinician_diagnosed and profile.pain_nprs >= BONE_STRESS_PAIN:
        text = _("Pain after a bone-stress injury: your clinician should check it before any running or jumping.")
        found.append(Reason("bone_stress_pain", _A, text, "§2.6"))
    if profile.leg_symptoms == "unilateral_below_knee":
        found.append(Reason("leg_pain_below_knee", _A, _("Pain that spreads below the knee."), "T3"))
    if flags.worse_cough_sneeze:
        # Deliberately T3, not the NHS "urgent" list: typical of ordinary disc pain (clinical rules §1.2 note).
        found.append(Reason("worse_cough_sneeze", _A, _("Pain that is worse when you cough, sneeze or strain."), "T3"))
    if profile.pelvic_floor_symptoms:
        text = _("Pelvic-floor symptoms: see a pelvic-health {physio}.")
        found.append(Reason("pelvic_floor_symptoms", _A, text, "§2.7"))
    # [JUDGEMENT] clinical rules §1.3 "worsening → T2 when combined with another T2/T3 flag": applied to worsening pain
    # with a nerve or age flag. Cough/sneeze pain is left out on purpose (pinned as T3 above).
    if flags.worsening_or_not_improving and escalators:
        text = _("Pain that is getting worse together with another warning sign.")
        found.append(Reason("worsening_with_flag", _U, text, "§1.3"))
    return found
