"""The roster pages and endpoint: upload, a page that shows each row as it is done, the zip; and the API's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from starlette.datastructures import UploadFile

from rehabgen.batch.entries import Entry
from rehabgen.errors import InputError
from rehabgen.render.handout import HandoutOptions
from rehabgen.render.registry import FORMATS
from rehabgen.web import csrf
from rehabgen.web.api import FormatName, TemplateQuery, problems_response
from rehabgen.web.pages import LAYOUTS, PAGE_SIZES, attachment, expired, message, page, site_of
from rehabgen.web.roster import MAX_ROWS, Finished, RosterJob, roster_kind, roster_rows
from rehabgen.web.security import UPLOAD_LIMIT, content_security_policy
from rehabgen.web.state import Site
from rehabgen.words.labels import STATUS_LABELS

router = APIRouter()
ZIP_TYPE = "application/zip"
ROW_WORDS = {status.value: words for status, words in STATUS_LABELS.items()} | {
    "OUTPUT_ERROR": "The handout could not be made",
    "INTERNAL_ERROR": "Something went wrong inside rehabgen (a bug)",
}
"""A row's outcome as the progress page says it (the manifest keeps the codes)."""


def finished_of(request: Request) -> Finished:
    """The app's store of finished zips."""
    store: Finished = request.app.state.finished
    return store


@router.get("/roster", response_class=HTMLResponse, include_in_schema=False)
def roster_form(request: Request) -> HTMLResponse:
    """The upload form."""
    site = site_of(request)
    return page(
        request,
        "roster.html",
        title="Roster",
        templates=site.templates,
        formats=FORMATS,
        layouts=LAYOUTS,
        page_sizes=PAGE_SIZES,
        max_rows=MAX_ROWS,
        max_kb=UPLOAD_LIMIT // 1024,
    )


@router.post("/roster", include_in_schema=False)
async def roster_upload(request: Request) -> Response:
    """Check the upload and its rows, then stream the progress page while the handouts are made."""
    async with request.form(max_files=1, max_fields=50) as form:  # closes the upload however this ends
        values = {key: [v for v in form.getlist(key) if isinstance(v, str)] for key in form}
        if not csrf.valid(request, {k: v[0] for k, v in values.items() if v}):
            return expired(request)
        try:
            job = await _job(site_of(request), values, form.get("roster"))
        except InputError as exc:
            return message(request, 422, "This roster cannot be used", "; ".join(str(p) for p in exc.problems))
    site = site_of(request)
    stream = _progress_page(site, job, finished_of(request))
    headers = {"content-security-policy": content_security_policy()}
    return StreamingResponse(stream, media_type="text/html; charset=utf-8", headers=headers)


async def _job(site: Site, values: dict[str, list[str]], upload: UploadFile | str | None) -> RosterJob:
    """The work an upload asks for: its rows, template, formats and print options (InputError: refused)."""

    def one(name: str, allowed: tuple[str, ...]) -> str:
        given = next(iter(values.get(name, [])), allowed[0])
        return given if given in allowed else allowed[0]

    if not isinstance(upload, UploadFile):
        raise InputError.single("choose a roster file to upload", path=("roster",))
    rows = roster_rows(await upload.read(), roster_kind(upload.filename or ""))
    formats = tuple(f for f in FORMATS if f in values.get("formats", [])) or ("pdf",)
    booklet = one("layout", LAYOUTS) == "booklet"
    options = HandoutOptions(
        one("page_size", PAGE_SIZES), bool(values.get("large_print")), None, "booklet" if booklet else "sheets"
    )
    return RosterJob(rows, site.template(next(iter(values.get("template", [])), None)), formats, options)


def _progress_page(site: Site, job: RosterJob, store: Finished) -> Iterator[str]:
    """The page, streamed: a progress line and a result line per row, then the summary and the download."""

    def events() -> Iterator[tuple[int, Entry]]:
        yield from enumerate(job.run(site), 1)
        job.token = store.put(job.zip())

    chunks = site.pages.get_template("roster_run.html").generate(
        title="Making the handouts",
        total=len(job.rows),
        events=events(),
        job=job,
        words=ROW_WORDS,
        csrf="",
        csrf_field="",
    )
    line: list[str] = []
    for chunk in chunks:  # sent a line at a time: the template yields many tiny pieces
        line.append(chunk)
        if chunk.endswith("\n"):
            yield "".join(line)
            line = []
    yield "".join(line)


@router.get("/roster/result/{token}", include_in_schema=False)
def roster_result(request: Request, token: str) -> Response:
    """The finished zip, once; then it is forgotten."""
    data = finished_of(request).take(token)
    if data is None:
        return message(request, 404, "Not here any more", "That zip was downloaded already or is over ten minutes old.")
    return attachment(data, ZIP_TYPE, "handouts.zip")


@router.post(
    "/api/roster",
    tags=["api"],
    summary="A roster in, a zip of handouts with the manifest out",
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": f"The roster itself: CSV (as rehabgen batch reads it) or a YAML list of profiles; "
            f"at most {MAX_ROWS} rows and {UPLOAD_LIMIT // 1024} kB.",
            "content": {"text/csv": {}, "application/yaml": {}},
        }
    },
    responses={200: {"description": "handouts and manifest.json/manifest.csv", "content": {ZIP_TYPE: {}}}},
    response_class=Response,
)
async def roster_api(
    request: Request,
    kind: Annotated[Literal["csv", "yaml"], Query(description="How the body is written")] = "csv",
    formats: Annotated[list[FormatName] | None, Query(alias="format", description="Repeatable; default pdf")] = None,
    template: TemplateQuery = None,
) -> Response:
    """Every row planned and rendered like ``rehabgen batch``; bad rows are listed in the manifest."""
    site = site_of(request)
    try:
        rows = roster_rows(await request.body(), kind)
        job = RosterJob(rows, site.template(template), tuple(dict.fromkeys(formats or ["pdf"])), HandoutOptions())
    except InputError as exc:
        return problems_response(exc)
    for _ in job.run(site):
        pass
    return attachment(job.zip(), ZIP_TYPE, "handouts.zip")
