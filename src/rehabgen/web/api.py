"""The JSON API: a profile in, a programme or a handout out; the questionnaire and the catalogue to build on.

Bad input is a 422 with the output contract's ``INPUT_ERROR`` document (every problem, with its path), the same
as ``rehabgen plan --format json`` prints. A red flag is not an error: the programme's ``status`` says
``EMERGENCY_REFERRAL`` (or another referral) and it has no weeks, and a handout is the referral page only.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from rehabgen.errors import InputError, Problem
from rehabgen.render.handout import HandoutOptions
from rehabgen.render.registry import FORMATS
from rehabgen.web.pages import attachment, download_name, site_of

router = APIRouter(prefix="/api", tags=["api"])
FormatName = Literal["pdf", "html", "json", "md", "ics"]
"""The registry's formats (a test keeps this in step with ``FORMATS``)."""


def ref(name: str) -> dict[str, str]:
    """A reference to a schema of the OpenAPI document's components (added by ``rehabgen.web.docs``)."""
    return {"$ref": f"#/components/schemas/{name}"}


PROFILE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "An intake profile as JSON (rehabgen schema profile; the same fields as the YAML file).",
        "content": {"application/json": {"schema": ref("Profile")}},
    }
}
PROBLEMS: dict[int | str, dict[str, Any]] = {
    422: {
        "description": "Invalid input: every problem found",
        "content": {"application/json": {"schema": ref("InputError")}},
    }
}
TemplateQuery = Annotated[str | None, Query(description="A template id, as rehabgen templates list names them.")]


async def profile_body(request: Request) -> dict[str, Any]:
    """The request body as a JSON object; anything else is an InputError."""
    try:
        data = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        raise InputError([Problem("the body must be a JSON object: the profile", path=("body",))]) from None
    if not isinstance(data, dict):
        raise InputError([Problem("the body must be a JSON object: the profile", path=("body",))])
    return data


def problems_response(error: InputError) -> JSONResponse:
    """A 422 with the INPUT_ERROR document."""
    return JSONResponse(error.document(), status_code=422)


@router.post(
    "/plan",
    summary="Triage a profile and plan its programme",
    openapi_extra=PROFILE_BODY,
    responses={
        200: {
            "description": "The programme (rehabgen schema programme); a referral has a referral status and no weeks",
            "content": {"application/json": {"schema": ref("Programme")}},
        },
        **PROBLEMS,
    },
    response_class=Response,
)
async def plan(request: Request, template: TemplateQuery = None) -> Response:
    """Validate the profile, triage it and plan its programme: the same JSON as ``rehabgen plan --format json``."""
    site = site_of(request)
    try:
        chosen = site.template(template)
        _, programme = site.plan(await profile_body(request), chosen)
        body = site.render(programme, chosen, "json", HandoutOptions())
    except InputError as exc:
        return problems_response(exc)
    return Response(body, media_type=FORMATS["json"].media_type)


@router.post(
    "/handout",
    summary="The handout of a profile, in any format",
    openapi_extra=PROFILE_BODY,
    responses={
        200: {
            "description": "The handout file, with its media type (a referral page for a referral)",
            "content": {f.media_type.split(";")[0]: {} for f in FORMATS.values()},
        },
        **PROBLEMS,
    },
    response_class=Response,
)
async def handout(
    request: Request,
    fmt: Annotated[
        FormatName, Query(alias="format", description="pdf, html, json, md or ics (ics: a start date)")
    ] = "pdf",
    layout: Annotated[
        Literal["sheets", "booklet"] | None, Query(description="PDF layout (default: the template's)")
    ] = None,
    page_size: Annotated[Literal["A4", "letter"], Query()] = "A4",
    large_print: Annotated[bool, Query(description="Body text 14 pt or larger")] = False,
    template: TemplateQuery = None,
) -> Response:
    """Validate, triage and plan, then render the handout in one format as a file."""
    site = site_of(request)
    output = FORMATS[fmt]
    try:
        chosen = site.template(template)
        profile, programme = site.plan(await profile_body(request), chosen)
        body = site.render(programme, chosen, fmt, HandoutOptions(page_size, large_print, None, layout))
    except InputError as exc:
        return problems_response(exc)
    return attachment(body, output.media_type, download_name(profile, output.suffix))


@router.get(
    "/questions",
    summary="The intake questionnaire",
    responses={200: {"content": {"application/json": {"schema": ref("Questions")}}}},
)
def questions(request: Request) -> JSONResponse:
    """Every question in order, both wordings, with what each answer leads to (``rehabgen questions --format json``)."""
    return JSONResponse(site_of(request).questionnaire.model_dump(mode="json"))


@router.get("/catalogue", summary="The exercise catalogue")
def catalogue(request: Request) -> JSONResponse:
    """Every exercise the plans are made from, as ``rehabgen catalogue list --format json`` prints them."""
    exercises = site_of(request).catalogue
    return JSONResponse([ex.model_dump(mode="json", exclude_none=True) for ex in exercises])
