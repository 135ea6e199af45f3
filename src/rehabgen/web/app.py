"""``create_app``: the web app, loaded and guarded, ready for any ASGI server (``rehabgen serve`` runs uvicorn).

Routers: ``pages`` (intake, emergency, plan, downloads, static files), ``roster_routes`` (upload and zip),
``api`` (the JSON API) and ``docs`` (OpenAPI). ``security.Guard`` wraps them all. Bad input anywhere is an
``InputError``: the API answers it with the INPUT_ERROR document, a page with a short message.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from rehabgen._version import __version__
from rehabgen.errors import InputError, Problem
from rehabgen.render.handout import HandoutOptions
from rehabgen.web import api, docs, pages, roster_routes
from rehabgen.web.roster import Finished
from rehabgen.web.security import Guard
from rehabgen.web.state import Site, WebConfig

EXAMPLE = {"age": 34, "weekly_running_km": 30, "pain_nprs": 3, "symptom_duration_weeks": 3, "start_date": "2027-01-04"}
"""A profile rendered once at start in every format, so the first real request is as fast as the rest."""


def create_app(config: WebConfig | None = None) -> FastAPI:
    """The app for ``config`` (loopback on port 8000 by default), with the catalogue and templates loaded.

    Raises:
        InputError: a broken catalogue, template or clinic file (found now, not at the first request).
    """
    config = config or WebConfig()
    site = Site.load(config)
    app = FastAPI(
        title="rehabgen",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,  # served by docs.py, with rehabgen's own schemas
    )
    app.state.site = site
    app.state.finished = Finished()
    for router in (pages.router, roster_routes.router, api.router, docs.router):
        app.include_router(router)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(InputError, _input_error)
    app.add_middleware(Guard, host_names=config.host_names())
    if config.warm:
        warm(site)
    return app


def warm(site: Site) -> None:
    """Plan and render one profile in every format (imports, fonts and pictures loaded before any patient)."""
    from rehabgen.render.registry import FORMATS

    template = site.template(None)
    _, programme = site.plan(dict(EXAMPLE), template)
    for name in FORMATS:
        site.render(programme, template, name, HandoutOptions())


async def _invalid_request(request: Request, exc: Exception) -> Response:
    """A bad query parameter: the INPUT_ERROR document, naming the parameter (never echoing its value)."""
    assert isinstance(exc, RequestValidationError)
    problems = [
        Problem(str(e.get("msg", "invalid")), path=tuple(str(p) for p in e.get("loc", ()))) for e in exc.errors()
    ]
    return JSONResponse(InputError(problems).document(), status_code=422)


async def _input_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, InputError)
    if request.url.path.startswith("/api"):
        return JSONResponse(exc.document(), status_code=422)
    return pages.message(request, 422, "That cannot be used", "; ".join(p.message for p in exc.problems))
