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
from typing import Any

from rehabgen._version import __version__
from rehabgen.clinical.triage import Triage, triage
from rehabgen.i18n import SOURCE_LANGUAGE, _, use_language
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.profile import Patient, Profile
from rehabgen.model.programme import AdjustmentReport, ExerciseNotes, Meta, PlanWarning, Programme
from rehabgen.model.template import DEFAULT_TEMPLATE, Template
from rehabgen.model.vocab import BONE_STRESS_CAUSES, Cause, Tag
from rehabgen.plan.adjustment_report import build_report
from rehabgen.plan.adjustments import (
    Adjusting,
    adjusted_blocks,
    adjusted_selector,
    adjusted_spans,
    dose_targets,
    merged_adjustments,
    prepare,
    refuse_all,
    review_week,
)
from rehabgen.plan.advice import build_advice
from rehabgen.plan.exclusions import excluded_by_week, first_week_allowing, resolve_exclusions
from rehabgen.plan.notes import exercise_notes
from rehabgen.plan.phases import Layout, layout_phases
from rehabgen.plan.readiness import phase_spans, readiness_gate
from rehabgen.plan.referral import referral_programme, see_a_clinician_banner
from rehabgen.plan.running import RunningPlan, plan_running
from rehabgen.plan.schedule import DayPlanner
from rehabgen.plan.selection import Selector
from rehabgen.plan.sessions import Span, SteadySessions, check_sessions, choose_sessions, pin_warnings
from rehabgen.plan.slots import MAX_PER_SESSION
from rehabgen.plan.weeks import resolve_weeks
from rehabgen.plan.wording import fill_words
from rehabgen.words.units import units_for


def build_programme(
    profile: Profile,
    catalogue: Catalogue,
    template: Template | None = None,
    *,
    from_week: int | None = None,
    language: str | None = None,
) -> Programme:
    """Triage the profile and, when a programme is allowed, plan it week by week, in its language.

    The language is ``language``, else the profile's, else the template's (``handout.language``), else
    English; every text the programme carries is written in it (``meta.language``), and the catalogue and
    template must already be in it (``Catalogue.translated``, ``Translations.template``).

    The clinician's adjustments (the template's, then the profile's) apply from ``from_week`` (else the
    profile's ``adjustments › from_week``, else week 1); the weeks before it are as planned without them.

    Raises:
        TemplateError: the template leaves an exercise session empty for this profile (its bans, with the
            profile's exclusions, rule out everything that could fill it).
        ProfileError: the profile's dropped exercises leave a session empty, or its review week is after the end.
        UsageError: ``from_week`` is after the programme's last week.
        ValueError: the catalogue's words are in another language than the programme's.
    """
    template = template or DEFAULT_TEMPLATE
    chosen = programme_language(profile, template, language)
    if catalogue.language != chosen:
        raise ValueError(f"the catalogue is in '{catalogue.language}' but the programme is in '{chosen}'")
    with use_language(chosen):
        return _build(profile, catalogue, template, from_week, chosen)


def programme_language(profile: Profile, template: Template | None = None, chosen: str | None = None) -> str:
    """The language a programme is written in: ``chosen``, else the profile's, else the template's, else English."""
    template = template or DEFAULT_TEMPLATE
    return chosen or profile.language or template.handout.language or SOURCE_LANGUAGE


def _build(
    profile: Profile, catalogue: Catalogue, template: Template, from_week: int | None, language: str
) -> Programme:
    decision = triage(profile)
    weeks_n = _setting(profile, "programme_weeks", template.default_weeks)
    sessions_n = _setting(profile, "sessions_per_week", template.default_sessions_per_week)
    asked = merged_adjustments(profile, template)
    start = review_week(profile, from_week, weeks_n)
    meta = _meta(profile, template, (weeks_n, sessions_n), catalogue, (from_week, language))
    if not decision.status.allows_programme:
        programme = fill_words(referral_programme(profile, decision, meta))
        if asked.is_empty():
            return programme
        return programme.model_copy(update={"adjustments": AdjustmentReport(refused=refuse_all(asked, weeks_n))})
    meta = meta.model_copy(
        update={
            "from_week": start if start > 1 else None,
            "note": asked.note,
            "next_appointment": asked.next_appointment,
        }
    )
    adjusting = prepare(asked, catalogue, profile, start, weeks_n)
    return fill_words(_plan(profile, catalogue, template, decision, meta, (weeks_n, sessions_n), adjusting))


def _setting(profile: Profile, name: str, template_default: int | None) -> int:
    """A profile value the user gave wins; otherwise the template's default; otherwise the model default."""
    value: int = getattr(profile, name)
    if name not in profile.model_fields_set and template_default is not None:
        return template_default
    return value


def _meta(
    profile: Profile,
    template: Template,
    size: tuple[int, int],
    catalogue: Catalogue,
    review: tuple[int | None, str],
) -> Meta:
    weeks, sessions = size
    from_week, language = review
    payload: dict[str, Any] = {
        "profile": _dumped(profile),
        "template": _dumped(template),
        "catalogue": catalogue.fingerprint,
    }
    if from_week is not None:
        payload["from_week"] = from_week  # --from-week: part of the inputs
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


def _dumped(model: Profile | Template) -> dict[str, Any]:
    """The model as JSON data for the input hash; no ``adjustments`` key when there are none (as before them).

    The language is left out here and hashed once, as the programme's (an English plan keeps its old code).
    """
    data = model.model_dump(mode="json")
    if data.get("adjustments") is None:
        data.pop("adjustments", None)
    data.pop("language", None)
    if isinstance(data.get("handout"), dict):
        data["handout"].pop("language", None)
    return data


def _plan(
    profile: Profile,
    catalogue: Catalogue,
    template: Template,
    decision: Triage,
    meta: Meta,
    size: tuple[int, int],
    adjusting: Adjusting,
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
    spans = choose_sessions(selector, layout)
    check_sessions(spans, template, sessions_n)
    steady, adjusted = _steady(selector, layout, spans, adjusting, (meta.session_size or MAX_PER_SESSION, sessions_n))
    days = DayPlanner(profile, selector, sessions_n)
    targets = dose_targets(adjusting, profile.age)
    weeks = resolve_weeks(steady, deloads, running, days, profile.age, profile.pain_nprs, targets)
    blocks = adjusted_blocks(layout, adjusting.from_week, adjusting.pins)
    report = build_report(adjusting, adjusted or selector, layout, weeks, blocks, targets)
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
        exercises=_with_notes(exercise_notes(profile, catalogue, weeks), report, adjusting.notes),
        referral=see_a_clinician_banner(profile, decision),
        adjustments=report,
        meta=meta,
    )


def _steady(
    selector: Selector, layout: Layout, spans: list[Span], adjusting: Adjusting, sizes: tuple[int, int]
) -> tuple[SteadySessions, Selector | None]:
    """The weeks' sessions, with the clinician's adjustments from their week on (and their selector)."""
    size, sessions_n = sizes
    deloads = set(layout.deloads)
    if not adjusting.changes_sessions:
        return SteadySessions(selector, layout, deloads, size, spans=spans), None
    adjusted = adjusted_selector(selector, adjusting)
    spans = adjusted_spans(adjusted, layout, spans, adjusting, sessions_n)
    start = adjusting.from_week
    if start == 1:
        return SteadySessions(adjusted, layout, deloads, size, spans=spans), adjusted
    return SteadySessions(selector, layout, deloads, size, spans=spans, switch=(start, adjusted)), adjusted


def _with_notes(notes: list[ExerciseNotes], report: AdjustmentReport, asked: dict[str, str]) -> list[ExerciseNotes]:
    """The exercises' notes with the clinician's note on each exercise it was printed for."""
    printed = {a.exercise_id for a in report.applied if a.kind == "notes"}
    return [
        n.model_copy(update={"clinician_note": asked[n.exercise_id]}) if n.exercise_id in printed else n for n in notes
    ]


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
