"""The planner: (profile, catalogue, template) → Programme. Pure and deterministic.

The flow, each step in its own module:

1. ``clinical.triage`` decides whether a programme may be given at all; a referral stops here
   (``plan.referral``) with no exercises.
2. ``plan.phases`` places protect / restore / strengthen / return-to-run and the gates on running.
3. ``plan.running`` plans the walk-run ladder and continuous running under the G7 caps.
4. ``plan.exclusions`` places each cause's rules (``clinical.causes``) in the programme's weeks.
5. ``plan.sessions`` fills session A and B (``plan.slots``, scored by ``plan.selection``) for each span of
   weeks with the same phase and exclusions.
6. ``plan.weeks`` sets and progresses each exercise's dose one variable a week (``plan.dosage``, G6) with
   lighter weeks (G8) and caps the week's volume (``plan.volume``); ``plan.schedule`` puts the sessions on
   days (G9), with daily walks early on and cross-training where the kit allows.
7. ``plan.advice`` writes the advice the handout must carry.

No files, clock, environment or randomness: the same inputs always give the same programme.
"""

from __future__ import annotations

import hashlib
import json

from rehabgen._version import __version__
from rehabgen.clinical.triage import Triage, triage
from rehabgen.i18n import SOURCE_LANGUAGE, _, use_language
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.profile import Patient, Profile
from rehabgen.model.programme import Meta, PlanWarning, Programme
from rehabgen.model.template import DEFAULT_TEMPLATE, Template
from rehabgen.model.vocab import BONE_STRESS_CAUSES, Cause, Tag
from rehabgen.plan.advice import build_advice
from rehabgen.plan.exclusions import excluded_by_week, first_week_allowing, resolve_exclusions
from rehabgen.plan.notes import exercise_notes
from rehabgen.plan.phases import Layout, layout_phases
from rehabgen.plan.readiness import phase_spans, readiness_gate
from rehabgen.plan.referral import referral_programme, see_a_clinician_banner
from rehabgen.plan.running import RunningPlan, plan_running
from rehabgen.plan.schedule import DayPlanner
from rehabgen.plan.selection import Selector
from rehabgen.plan.sessions import SteadySessions, check_sessions, pin_warnings
from rehabgen.plan.slots import MAX_PER_SESSION
from rehabgen.plan.weeks import resolve_weeks
from rehabgen.plan.wording import fill_words
from rehabgen.words.units import units_for


def build_programme(
    profile: Profile, catalogue: Catalogue, template: Template | None = None, *, language: str | None = None
) -> Programme:
    """Triage the profile and, when a programme is allowed, plan it week by week, in its language.

    The language is ``language``, else the profile's, else the template's (``handout.language``), else
    English; every text the programme carries is written in it (``meta.language``), and the catalogue and
    template must already be in it (``Catalogue.translated``, ``Translations.template``).

    Raises:
        TemplateError: the template leaves an exercise session empty for this profile (its bans, with the
            profile's exclusions, rule out everything that could fill it).
        ValueError: the catalogue's words are in another language than the programme's.
    """
    template = template or DEFAULT_TEMPLATE
    chosen = programme_language(profile, template, language)
    if catalogue.language != chosen:
        raise ValueError(f"the catalogue is in '{catalogue.language}' but the programme is in '{chosen}'")
    with use_language(chosen):
        decision = triage(profile)
        weeks_n = _setting(profile, "programme_weeks", template.default_weeks)
        sessions_n = _setting(profile, "sessions_per_week", template.default_sessions_per_week)
        meta = _meta(profile, template, (weeks_n, sessions_n), catalogue, chosen)
        if not decision.status.allows_programme:
            return fill_words(referral_programme(profile, decision, meta))
        return fill_words(_plan(profile, catalogue, template, decision, meta, (weeks_n, sessions_n)))


def programme_language(profile: Profile, template: Template | None = None, chosen: str | None = None) -> str:
    """The language a programme is written in: ``chosen``, else the profile's, else the template's, else English."""
    template = template or DEFAULT_TEMPLATE
    return chosen or profile.language or template.handout.language or SOURCE_LANGUAGE


def _setting(profile: Profile, name: str, template_default: int | None) -> int:
    """A profile value the user gave wins; otherwise the template's default; otherwise the model default."""
    value: int = getattr(profile, name)
    if name not in profile.model_fields_set and template_default is not None:
        return template_default
    return value


def _meta(profile: Profile, template: Template, size: tuple[int, int], catalogue: Catalogue, language: str) -> Meta:
    weeks, sessions = size
    payload: dict[str, object] = {
        "profile": _without_language(profile.model_dump(mode="json")),
        "template": template.model_dump(mode="json"),
        "catalogue": catalogue.fingerprint,
    }
    payload["template"]["handout"].pop("language", None)  # type: ignore[index]
    if language != SOURCE_LANGUAGE:  # an English plan keeps the input code it had before languages came
        payload["language"] = language
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return Meta(
        title=template.title,
        template=template.id,
        input_hash=digest[:10],
        patient=profile.patient or Patient(),
        clinician=profile.clinician,
        goal=profile.goal,
        start_date=profile.start_date,
        region=profile.region.value if profile.region else None,
        units=units_for(profile.region.value if profile.region else None, profile.units),
        causes=[c.value for c in profile.causes],
        sessions_per_week=sessions,
        programme_weeks=weeks,
        session_size=template.session_size or MAX_PER_SESSION,
        age=profile.age,
        language=language,
    )


def _without_language(data: dict[str, object]) -> dict[str, object]:
    data.pop("language", None)
    return data


def _plan(
    profile: Profile,
    catalogue: Catalogue,
    template: Template,
    decision: Triage,
    meta: Meta,
    size: tuple[int, int],
) -> Programme:
    weeks_n, sessions_n = size
    layout = layout_phases(profile, template, weeks_n)
    deloads = set(layout.deloads)
    condition_rules = resolve_exclusions(profile, layout)
    not_before = first_week_allowing(condition_rules, frozenset({Tag.RUNNING, Tag.IMPACT}), weeks_n)
    running = plan_running(profile, layout, not_before)
    run_weeks = {w for w, runs in running.weeks.items() if runs}
    exclusions = resolve_exclusions(profile, layout, run_weeks)
    selector = Selector(profile, template, catalogue, excluded_by_week(exclusions, weeks_n))
    steady = SteadySessions(selector, layout, deloads, meta.session_size or MAX_PER_SESSION)
    check_sessions(steady.spans, template, sessions_n)
    days = DayPlanner(profile, selector, sessions_n)
    weeks = resolve_weeks(steady, deloads, running, days, profile.age, profile.pain_nprs)
    used: dict[str, set[int]] = {}
    for week in weeks:
        for item in (i for s in week.sessions for i in s.items):
            used.setdefault(item.exercise_id, set()).add(week.week)
    screen = readiness_gate(profile, weeks, running.first_run_week(), catalogue)
    warnings = pin_warnings(selector, template, used, weeks_n) + _general_warnings(profile, layout, running)
    return Programme(
        rehabgen_version=__version__,
        status=decision.status,
        reasons=[r.text for r in decision.reasons],
        reason_codes=decision.codes,
        concerns=decision.concerns,
        warnings=warnings,
        exclusions=exclusions,
        advice=build_advice(profile, template, has_running=bool(run_weeks)),
        gates=[*layout.gates, *([screen] if screen else [])],
        phases=phase_spans(profile, layout.spans(), weeks, screen, catalogue),
        weeks=weeks,
        exercises=exercise_notes(profile, catalogue, weeks),
        referral=see_a_clinician_banner(profile, decision),
        meta=meta,
    )


def _general_warnings(profile: Profile, layout: Layout, running: RunningPlan) -> list[PlanWarning]:
    warnings = []
    if profile.has(Cause.INTERVERTEBRAL_DISC, Cause.SCIATICA_RADICULOPATHY) and profile.has(
        Cause.FACET_JOINT_IRRITATION, Cause.SPINAL_STENOSIS
    ):
        warnings.append(
            PlanWarning(
                code="conflicting_directional_bias",
                message=_(
                    "Disc-type pain is often eased by arching and facet or stenosis pain by bending "
                    "forward, so this plan avoids both directions in the early weeks. A {physio} can "
                    "check which direction helps you."
                ),
            )
        )
    if profile.has(*BONE_STRESS_CAUSES) and layout.weeks < 12:
        warnings.append(
            PlanWarning(
                code="bone_stress_short_programme",
                message=_(
                    "Recovery from a stress fracture or spondylolysis usually takes 12 weeks or more; "
                    "this plan is shorter, so plan a review with your clinician at its end."
                ),
            )
        )
    if layout.weeks < 6:
        warnings.append(
            PlanWarning(
                code="short_programme",
                message=_("Muscles need about 6 weeks of regular training to get stronger; consider a longer plan."),
            )
        )
    if layout.running_blocked_by and profile.weekly_running_km > 0:
        warnings.append(PlanWarning(code="running_paused", message=layout.running_blocked_by))
    return warnings + running.warnings
