"""The pages: the intake form, the emergency stop, the plan (preview, adjustments, downloads) and static files.

Every form post is checked for its CSRF token first. The server keeps nothing between requests: the plan page
carries the profile in a hidden field, and each post is validated, triaged and planned again from it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from rehabgen.batch.names import safe_name
from rehabgen.errors import InputError, ProfileError
from rehabgen.intake.session import all_regions
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Programme
from rehabgen.model.questionnaire import AUDIENCES, Audience
from rehabgen.model.template import DEFAULT_TEMPLATE, Template
from rehabgen.render.handout import HandoutOptions
from rehabgen.render.registry import FORMATS
from rehabgen.web import csrf
from rehabgen.web.form import FormValues, form_groups, place_problems, read_answers
from rehabgen.web.plan_page import (
    NOTE_PREFIX,
    adjust_rows,
    adjustment_errors,
    adjustment_outcome,
    apply_adjustments,
    preview_parts,
    profile_json,
)
from rehabgen.web.security import content_security_policy, style_hash
from rehabgen.web.state import Site
from rehabgen.words.labels import STATUS_LABELS

router = APIRouter(include_in_schema=False)
LAYOUTS = ("sheets", "booklet")
PAGE_SIZES = ("A4", "letter")


def site_of(request: Request) -> Site:
    """The loaded site this app serves."""
    site: Site = request.app.state.site
    return site


def page(request: Request, name: str, *, status: int = 200, styles: Iterable[str] = (), **context: Any) -> HTMLResponse:
    """A page from its template, with the CSRF token for its forms and a policy allowing its inline styles."""
    token, new = csrf.token_for(request)
    html = site_of(request).page(name, csrf=token, csrf_field=csrf.FIELD, **context)
    policy = content_security_policy(style_hash(s) for s in styles)
    response = HTMLResponse(html, status_code=status, headers={"content-security-policy": policy})
    if new:
        csrf.remember(response, token)
    return response


def message(request: Request, status: int, title: str, text: str) -> HTMLResponse:
    """A short page that says what went wrong and what to do."""
    return page(request, "message.html", status=status, title=title, text=text)


async def form_values(request: Request) -> tuple[FormValues, bool]:
    """The posted form as text values by name, and whether its CSRF token is good."""
    async with request.form(max_files=0) as form:  # these forms hold no file; a posted one is closed at once
        values = {key: [v for v in form.getlist(key) if isinstance(v, str)] for key in form}
    return values, csrf.valid(request, {k: v[0] for k, v in values.items() if v})


def expired(request: Request) -> HTMLResponse:
    """The answer to a post without a good token."""
    return message(
        request, 403, "Please try again", "This form is out of date or came from another site. Go back, reload it."
    )


def audience_of(value: str | None) -> Audience:
    """``for=runner|clinician`` (anything else: runner)."""
    return "clinician" if value == "clinician" else "runner"


@router.get("/", response_class=HTMLResponse)
def intake_form(request: Request) -> HTMLResponse:
    """The intake form, the warning signs first."""
    audience = audience_of(request.query_params.get("for"))
    return _form_page(request, audience, {}, {}, [])


def _form_page(
    request: Request,
    audience: Audience,
    values: FormValues,
    errors: dict[str, str],
    general: list[str],
    status: int = 200,
) -> HTMLResponse:
    site = site_of(request)
    groups = form_groups(site.questionnaire, audience, values, errors)
    numbers = {q.id: q.number for g in groups for q in g.questions}
    summary = [(qid, numbers[qid], text) for qid, text in errors.items()]
    return page(
        request,
        "intake.html",
        status=status,
        title="Intake" if not errors else "Intake: please check the answers",
        audience=audience,
        audiences=AUDIENCES,
        groups=groups,
        summary=summary,
        general=general,
    )


@router.post("/intake", response_class=HTMLResponse)
async def intake_post(request: Request) -> HTMLResponse:
    """Read the answers: an emergency stops everything; refused answers go back beside their questions."""
    values, good = await form_values(request)
    if not good:
        return expired(request)
    site = site_of(request)
    audience = audience_of(next(iter(values.get("for", [])), None))
    reading = read_answers(site.questionnaire, audience, values)
    if reading.emergency is not None:
        emergency = reading.emergency
        regions = [] if emergency.region_known else all_regions()
        return page(request, "emergency.html", title=emergency.headline, emergency=emergency, regions=regions)
    if reading.errors:
        return _form_page(request, audience, values, reading.errors, reading.general, status=422)
    template = site.template(None)
    try:
        profile, programme = site.plan(reading.intake.data(), template)
    except ProfileError as exc:
        errors, general = place_problems(reading.intake, exc)
        return _form_page(request, audience, values, errors, general, status=422)
    return plan_page(request, profile, programme, template)


def plan_page(
    request: Request,
    profile: Profile,
    programme: Programme,
    template: Template,
    *,
    status: int = 200,
    errors: dict[str, str] | None = None,
    general: list[str] | None = None,
    rows_errors: list[Any] | None = None,
) -> HTMLResponse:
    """The triage result and, for a programme, the preview with its adjustments; downloads for both."""
    site = site_of(request)
    preview = preview_parts(site.render(programme, template, "html", HandoutOptions()).decode("utf-8"))
    adjustments = profile.model_dump(mode="json").get("adjustments") or {}
    rows = adjust_rows(programme, site.catalogue, adjustments) if not programme.status.is_referral else []
    by_field, more = adjustment_errors(rows_errors or [], rows)
    outcome = adjustment_outcome(programme, rows)
    return page(
        request,
        "plan.html",
        status=status,
        styles=[preview.style],
        title=STATUS_LABELS[programme.status],
        preview=preview,
        programme=programme,
        status_label=STATUS_LABELS[programme.status],
        warnings=[w.message for w in programme.warnings],
        profile_json=profile_json(profile),
        template=template,
        template_id="" if template is DEFAULT_TEMPLATE else template.id,
        default_title=DEFAULT_TEMPLATE.title,
        templates=site.templates,
        formats=FORMATS,
        dated=profile.start_date is not None,
        layouts=LAYOUTS,
        page_sizes=PAGE_SIZES,
        rows=rows,
        note_prefix=NOTE_PREFIX,
        adjustments=adjustments,
        catalogue=sorted(site.catalogue, key=lambda e: e.name.lower()),
        outcome=outcome,
        field_errors={**(errors or {}), **by_field},
        general=[*(general or []), *more],
    )


def _posted_profile(site: Site, values: FormValues) -> tuple[dict[str, Any], Template]:
    """The profile data and the template a plan-page form carries (a broken field is an InputError)."""
    from rehabgen.errors import Problem

    try:
        data = json.loads(next(iter(values.get("profile", [])), ""))
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise InputError([Problem("the plan's profile is missing or damaged: start again", path=("profile",))])
    return data, site.template(next(iter(values.get("template", [])), None))


@router.post("/plan", response_class=HTMLResponse)
async def adjust(request: Request) -> HTMLResponse:
    """The plan again, with the clinician's adjustments (and template) applied where the rules allow."""
    values, good = await form_values(request)
    if not good:
        return expired(request)
    site = site_of(request)
    try:
        data, template = _posted_profile(site, values)
        wanted = apply_adjustments(data, values)
        try:
            profile, programme = site.plan(wanted, template)
        except ProfileError as exc:
            if wanted is data:
                raise
            profile, programme = site.plan(data, template)  # the plan as it was before this change
            return plan_page(request, profile, programme, template, status=422, rows_errors=exc.problems)
    except InputError as exc:
        return message(request, 422, "This plan cannot be changed", "; ".join(p.message for p in exc.problems))
    return plan_page(request, profile, programme, template)


@router.post("/download")
async def download(request: Request) -> Response:
    """The handout in the chosen format and options, as a file to save."""
    values, good = await form_values(request)
    if not good:
        return expired(request)
    site = site_of(request)

    def one(name: str, allowed: Iterable[str], default: str) -> str:
        given = next(iter(values.get(name, [])), default)
        return given if given in allowed else default

    fmt = FORMATS[one("format", FORMATS, "pdf")]
    options = HandoutOptions(
        page_size=one("page_size", PAGE_SIZES, "A4"),
        large_print=bool(values.get("large_print")),
        layout="booklet" if one("layout", LAYOUTS, "sheets") == "booklet" else "sheets",
    )
    try:
        data, template = _posted_profile(site, values)
        profile, programme = site.plan(data, template)
        body = site.render(programme, template, fmt.name, options)
    except InputError as exc:
        return message(request, 422, "This handout cannot be made", "; ".join(p.message for p in exc.problems))
    return attachment(body, fmt.media_type, download_name(profile, fmt.suffix))


def download_name(profile: Profile, suffix: str) -> str:
    """``P-0042_Zoë_Ångström.pdf``: a safe file name from the patient's id and name, else ``handout``."""
    patient = profile.patient
    stem = "_".join(x for x in (patient.id, patient.name) if x) if patient else ""
    return (safe_name(stem) if stem else "handout") + suffix


def attachment(body: bytes, media_type: str, name: str) -> Response:
    """A file download; the name in plain ASCII and in full (RFC 6266)."""
    from urllib.parse import quote

    fallback = name.encode("ascii", errors="ignore").decode("ascii").replace('"', "") or "download"
    disposition = f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"
    return Response(body, media_type=media_type, headers={"content-disposition": disposition})


@router.get("/static/{name}")
def static(request: Request, name: str) -> Response:
    """A file of ``web/static``, looked up by name among those loaded at start (never a path)."""
    found = site_of(request).static.get(name)
    if found is None:
        return Response("Not found\n", status_code=404, media_type="text/plain")
    return Response(found[0], media_type=found[1])
