"""The API's documentation: the OpenAPI document (``/api/openapi.json``) and a page that reads it (``/api``).

The framework's usual interactive docs load their script from a public CDN, which this app never does (no
request leaves the machine, and the CSP allows none); the page here is rendered on the server from the same
OpenAPI document. The profile, programme, questionnaire and error schemas are those of ``rehabgen schema``.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse

from rehabgen._version import __version__
from rehabgen.io.schema import json_schema
from rehabgen.web.pages import page

router = APIRouter(include_in_schema=False)
SCHEMAS = {"Profile": "profile", "Programme": "programme", "Questions": "questions", "InputError": "input_error"}
DESCRIPTION = (
    "rehabgen's web API, on this computer only. POST a profile as JSON to /api/plan for the programme, or to "
    "/api/handout?format=pdf|html|ics|md|json for the handout file. Invalid input gets 422 with every problem. "
    "A red flag is never an error: the programme's status is the referral, with no exercises."
)


def openapi_document(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, with rehabgen's own JSON Schemas as its components (built once, then kept)."""
    if app.openapi_schema is None:
        document = get_openapi(title="rehabgen", version=__version__, description=DESCRIPTION, routes=app.routes)
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        for name, kind in SCHEMAS.items():
            schema = json_schema(kind)
            defs = schema.pop("$defs", {})
            schema.pop("$schema", None)
            schema.pop("$id", None)
            text = json.dumps({"main": schema, "defs": defs}).replace('"#/$defs/', f'"#/components/schemas/{name}.')
            moved = json.loads(text)
            schemas[name] = moved["main"]
            schemas.update({f"{name}.{key}": value for key, value in moved["defs"].items()})
        app.openapi_schema = document
    return app.openapi_schema


@router.get("/api/openapi.json")
def openapi_json(request: Request) -> JSONResponse:
    """The OpenAPI document."""
    return JSONResponse(openapi_document(request.app))


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    """Every endpoint: its method, path, summary, description and parameters."""
    document = openapi_document(request.app)
    endpoints = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            params = [
                (p["name"], p["in"], p.get("description", ""), json.dumps(p.get("schema", {}), ensure_ascii=False))
                for p in operation.get("parameters", [])
            ]
            body = operation.get("requestBody", {}).get("description")
            responses = [(code, r.get("description", "")) for code, r in operation.get("responses", {}).items()]
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "params": params,
                    "body": body,
                    "responses": responses,
                }
            )
    return page(request, "api.html", title="API", description=DESCRIPTION, endpoints=endpoints)
