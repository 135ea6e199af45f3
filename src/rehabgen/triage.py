"""Red-flag triage: may a programme be given at all (RULES §1.2–1.3)?

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
from enum import StrEnum

from rehabgen.profile import Profile
from rehabgen.vocab import BONE_STRESS_CAUSES, Cause


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


# Over 50 with an episode younger than this counts as "new onset" (RULES §1.1 age flags) [JUDGEMENT].
NEW_ONSET_WEEKS = 12
# Bilateral symptoms this recent are "new" (RULES §1.2 note: new = within 2 weeks).
NEW_BILATERAL_WEEKS = 2


def triage(profile: Profile) -> Triage:
    """Decide the status for a profile from RULES §1.2–1.3, collecting every trigger."""
    found: list[Reason] = []

    def hit(code: str, status: Status, text: str, rule: str) -> None:
        found.append(Reason(code, status, text, rule))

    flags = profile.red_flags
    neuro = profile.neuro
    e, u = Status.EMERGENCY_REFERRAL, Status.URGENT_REFERRAL
    c, a = Status.CLINICIAN_REQUIRED, Status.PROGRAMME_WITH_REFERRAL_ADVICE
    has_neuro = neuro.numbness != "none" or neuro.weakness != "none"
    new_onset_over_50 = profile.age > 50 and profile.symptom_duration_weeks < NEW_ONSET_WEEKS

    # --- T1: possible cauda equina syndrome or other emergency; a single feature is enough ---------------
    if flags.saddle_anaesthesia:
        hit("saddle_anaesthesia", e, "Numbness or tingling around the genitals, bottom or inner thighs.", "T1")
    if flags.bladder_dysfunction:
        hit("bladder_dysfunction", e, "New problems passing or controlling urine.", "T1")
    if flags.bowel_dysfunction:
        hit("bowel_dysfunction", e, "New problems controlling your bowels.", "T1")
    if flags.sexual_dysfunction_new:
        hit("sexual_dysfunction_new", e, "New loss of genital feeling or new sexual problems.", "T1")
    if neuro.weakness == "bilateral":
        hit("bilateral_weakness", e, "Weakness in both legs.", "T1")
    if profile.has_bilateral_symptoms and neuro.weakness != "bilateral":
        stable_stenosis = (
            not profile.bilateral_new_or_worsening
            and profile.clinician_diagnosed
            and Cause.SPINAL_STENOSIS in profile.causes
            and profile.symptom_duration_weeks > NEW_BILATERAL_WEEKS
            and not flags.worsening_or_not_improving
        )
        if stable_stenosis:
            pass  # RULES §1.2 note: long-standing, stable, diagnosed stenosis is not T1 (T4 modifications)
        elif profile.bilateral_new_or_worsening or profile.symptom_duration_weeks <= NEW_BILATERAL_WEEKS:
            hit("bilateral_leg_symptoms", e, "New or worsening pain, numbness or tingling in both legs.", "T1")
        else:
            # [JUDGEMENT] long-standing symptoms in both legs without a diagnosis: not an emergency by the
            # rule book's note, but no self-guided programme either until someone has examined them.
            hit(
                "bilateral_leg_symptoms_undiagnosed",
                u,
                "Symptoms in both legs that a clinician has not yet examined.",
                "T1 note",
            )
    if flags.significant_trauma:
        hit("significant_trauma", e, "Back pain that started after a serious accident, fall or blow.", "T1")
    if flags.history_of_cancer and has_neuro:
        hit("cancer_with_neuro", e, "A history of cancer together with new numbness or weakness.", "T1")
    if flags.fever_or_unwell and has_neuro:
        hit("fever_with_neuro", e, "Fever or feeling unwell together with numbness or weakness.", "T1")

    # --- T2: urgent review the same day ---------------------------------------------------------------------
    if neuro.weakness == "unilateral_progressive":
        hit("progressive_weakness", u, "Weakness in one leg or foot that is getting worse.", "T2")
    if flags.fever_or_unwell:
        hit("fever_or_unwell", u, "A high temperature, chills or feeling unwell with your back pain.", "T2")
    if flags.unexplained_weight_loss:
        hit("unexplained_weight_loss", u, "Losing weight without trying.", "T2")
    if flags.night_pain_unrelieved:
        hit("night_pain_unrelieved", u, "Night pain that no change of position eases.", "T2")
    if flags.night_sweats:
        hit("night_sweats", u, "Drenching night sweats.", "T2")
    if flags.history_of_cancer:
        hit("history_of_cancer", u, "A history of cancer with back pain.", "T2")
    if flags.immunosuppression_or_ivdu:
        hit(
            "immunosuppression_or_ivdu",
            u,
            "A weakened immune system or injecting drugs, with back pain.",
            "T2",
        )
    if flags.osteoporosis_or_steroids:
        hit("osteoporosis_or_steroids", u, "Osteoporosis or long-term steroids, with back pain.", "T2")
    new_or_changed = profile.symptom_duration_weeks < 6 or flags.worsening_or_not_improving
    if flags.history_spinal_fracture_tumour_infection:
        if new_or_changed:
            hit(
                "spinal_history_new_pain",
                u,
                "New or changed pain after a spinal fracture, tumour or infection.",
                "T2",
            )
        else:
            hit("spinal_history", a, "A past spinal fracture, tumour or infection.", "T3")
    not_improving_4wk = flags.worsening_or_not_improving and profile.symptom_duration_weeks > 4
    if new_onset_over_50 and not_improving_4wk:
        hit("over_50_not_improving", u, "New back pain after 50 that has not improved in over 4 weeks.", "T2")

    # --- T3 block: a clinician must make the diagnosis first -------------------------------------------------
    if profile.age < 16:
        hit("under_16", c, "Back pain under the age of 16 needs a clinician's assessment first.", "T3")
    undiagnosed = [cause for cause in profile.causes if cause in BONE_STRESS_CAUSES]
    if undiagnosed and not profile.clinician_diagnosed:
        hit(
            "bone_stress_undiagnosed",
            c,
            "A possible stress fracture or spondylolysis must be diagnosed by a clinician first.",
            "T3",
        )

    # --- T3 banner: programme allowed, see a clinician soon ---------------------------------------------------
    t3_escalators = []
    if profile.symptom_duration_weeks >= 6:
        hit("persisting_6_weeks", a, "Pain that has lasted 6 weeks or more.", "G13")
    if flags.worsening_or_not_improving:
        hit("worsening_or_not_improving", a, "Pain that is getting worse or not improving.", "G13")
    if new_onset_over_50:
        hit("new_onset_over_50", a, "New back pain after the age of 50.", "T3")
        t3_escalators.append("new_onset_over_50")
    if neuro.numbness == "unilateral":
        hit("unilateral_numbness", a, "Numbness or pins and needles in one leg.", "T3")
        t3_escalators.append("unilateral_numbness")
    if neuro.weakness == "unilateral_stable":
        hit("unilateral_weakness_stable", a, "Weakness in one leg that is not getting worse.", "T3")
        t3_escalators.append("unilateral_weakness_stable")
    if profile.leg_symptoms == "unilateral_below_knee":
        hit("leg_pain_below_knee", a, "Pain that spreads below the knee.", "T3")
    if flags.worse_cough_sneeze:
        # Deliberately T3, not the NHS "urgent" list: typical of ordinary disc pain (RULES §1.2 note).
        hit("worse_cough_sneeze", a, "Pain that is worse when you cough, sneeze or strain.", "T3")
    if profile.pelvic_floor_symptoms:
        hit("pelvic_floor_symptoms", a, "Pelvic-floor symptoms: see a pelvic-health physiotherapist.", "§2.7")
    # [JUDGEMENT] RULES §1.3 "worsening → T2 when combined with another T2/T3 flag": applied to worsening
    # pain with a nerve or age flag. Cough/sneeze pain is left out on purpose (pinned as T3 above).
    if flags.worsening_or_not_improving and t3_escalators:
        hit(
            "worsening_with_flag",
            u,
            "Pain that is getting worse together with another warning sign.",
            "§1.3",
        )

    found.sort(key=lambda r: _ORDER.index(r.status))
    status = found[0].status if found else Status.PROGRAMME
    return Triage(status, tuple(found))
