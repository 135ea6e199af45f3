"""What a referral says, and the "see a clinician soon" banner of a programme with referral advice.

A referral is the one-page answer for emergency, urgent and clinician-required outcomes.

A referral carries no exercise content at all: only what to do now, with the region's numbers, the
reasons, the safety net and the disclaimer.
"""

from __future__ import annotations

from rehabgen._version import __version__
from rehabgen.clinical.triage import Triage
from rehabgen.i18n import _
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Meta, Programme, Referral
from rehabgen.model.vocab import Status
from rehabgen.plan.advice import disclaimer, safety_net
from rehabgen.words.help import routes_for
from rehabgen.words.labels import CONCERN_TEXT


def referral_programme(profile: Profile, decision: Triage, meta: Meta) -> Programme:
    """The programme of a referral outcome: what to do now, and no weeks."""
    return Programme(
        rehabgen_version=__version__,
        status=decision.status,
        reasons=[r.text for r in decision.reasons],
        reason_codes=decision.codes,
        concerns=decision.concerns,
        advice=[safety_net(profile), disclaimer()],
        referral=_referral(profile, decision),
        meta=meta,
    )


def _referral(profile: Profile, decision: Triage) -> Referral:
    referral = _what_to_do(profile, decision.status)
    why = [CONCERN_TEXT[c] for c in decision.concerns]
    return referral.model_copy(update={"details": [*why, *referral.details]})


def _what_to_do(profile: Profile, status: Status) -> Referral:
    routes = routes_for(profile.region)
    if status is Status.EMERGENCY_REFERRAL:
        return Referral(
            headline=_("Do not start any exercises. Get emergency help now."),
            action=_("{emergency}. Do not wait to see if it gets better.").format(emergency=routes.emergency),
            details=[
                _("Your answers include a warning sign that needs a doctor to examine you today, in hospital."),
                _("Take this page with you and tell them about your back pain and these symptoms."),
            ],
        )
    if status is Status.URGENT_REFERRAL:
        return Referral(
            headline=_("Do not start this exercise plan yet. See a doctor today."),
            action=_("{urgent}.").format(urgent=routes.urgent),
            details=[
                _("Your answers include a warning sign that a doctor should check before you exercise."),
                _("If you develop any emergency sign below: {emergency}.").format(emergency=routes.emergency),
            ],
        )
    return Referral(
        headline=_("A clinician needs to see you before you start an exercise plan."),
        action=_("{routine}, and take this page with you.").format(routine=routes.routine),
        details=[
            _(
                "rehabgen cannot plan exercise safely for you until a doctor or {physio} has assessed "
                "you and confirmed what is causing the pain."
            ),
            _("Keep gently active in the meantime: short walks and normal daily activity are fine."),
        ],
    )


def see_a_clinician_banner(profile: Profile, decision: Triage) -> Referral | None:
    """The T3 banner of a programme with referral advice (None for a plain programme)."""
    if decision.status is not Status.PROGRAMME_WITH_REFERRAL_ADVICE:
        return None
    routes = routes_for(profile.region)
    return Referral(
        headline=_("See a doctor or {physio} soon"),
        action=_("{routine}. You can start this plan in the meantime.").format(routine=routes.routine),
        details=[r.text for r in decision.reasons] + [CONCERN_TEXT[c] for c in decision.concerns],
    )
