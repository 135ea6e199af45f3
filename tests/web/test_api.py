"""The JSON API: a profile in, the programme or a handout out; 422 with every problem; red flags stop plans."""

from __future__ import annotations

import io
import json
from typing import Any, get_args

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from rehabgen import api
from rehabgen.intake.definition import load_questionnaire
from rehabgen.model.catalogue import Catalogue
from rehabgen.render.registry import FORMATS
from rehabgen.web.api import FormatName
from tests.conftest import TEST_CACHE
from tests.web.conftest import EXAMPLE_PROFILE


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def test_plan_gives_the_same_programme_as_the_library(client: TestClient, catalogue: Catalogue) -> None:
    response = client.post("/api/plan", json=EXAMPLE_PROFILE)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    programme = api.build_programme(api.profile_from_dict(EXAMPLE_PROFILE), catalogue)
    expected = api.render_handout(programme, catalogue, "json", cache=TEST_CACHE)
    assert response.content == expected
    data = response.json()
    assert data["status"] == "PROGRAMME_WITH_REFERRAL_ADVICE" and len(data["weeks"]) == 8


def test_an_invalid_profile_is_422_with_every_problem_and_its_path(client: TestClient) -> None:
    bad = {**EXAMPLE_PROFILE, "age": 5, "red_flags": {"saddle_anaesthesia": "maybe"}, "nonsense": 1}
    response = client.post("/api/plan", json=bad)
    assert response.status_code == 422
    document = response.json()
    assert document["status"] == "INPUT_ERROR"
    paths = {p["path"] for p in document["problems"]}
    assert {"age", "red_flags › saddle_anaesthesia", "nonsense"} <= paths
    assert all(p["message"] for p in document["problems"])


@pytest.mark.parametrize("body", [b"", b"not json", b"[1, 2]", b'"a profile"', '{"age": "\u00e9"'.encode()])
def test_a_body_that_is_not_a_json_object_is_422(client: TestClient, body: bytes) -> None:
    response = client.post("/api/plan", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["status"] == "INPUT_ERROR"


def emergency_profile() -> dict[str, Any]:
    return {**EXAMPLE_PROFILE, "red_flags": {"saddle_anaesthesia": True}}


def test_a_red_flag_gives_a_referral_status_and_no_exercise(client: TestClient) -> None:
    data = client.post("/api/plan", json=emergency_profile()).json()
    assert data["status"] == "EMERGENCY_REFERRAL"
    assert data["weeks"] == []
    assert "exercise_id" not in json.dumps(data)


def test_a_red_flag_handout_is_the_referral_page_only(client: TestClient, catalogue: Catalogue) -> None:
    response = client.post("/api/handout?format=pdf", json=emergency_profile())
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "999" in text
    names = [ex.name for ex in catalogue]
    assert not [name for name in names if name in text]
    html = client.post("/api/handout?format=html", json=emergency_profile()).text
    assert "999" in html and "Exercises A" not in html and not [n for n in names if f">{n}<" in html]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_handout_in_every_format_with_its_media_type(client: TestClient, fmt: str) -> None:
    response = client.post(f"/api/handout?format={fmt}", json=EXAMPLE_PROFILE)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == FORMATS[fmt].media_type.split(";")[0]
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;") and FORMATS[fmt].suffix in disposition
    assert "filename*=UTF-8''P-0042_Zo%C3%AB_%C3%85ngstr%C3%B6m" in disposition
    if fmt == "pdf":
        assert response.content.startswith(b"%PDF") and "Zoë Ångström" in pdf_text(response.content)
    else:
        assert "Zoë Ångström" in response.content.decode("utf-8") or fmt == "ics"


def test_handout_options_reach_the_pdf(client: TestClient) -> None:
    sheets = client.post("/api/handout?format=pdf", json=EXAMPLE_PROFILE).content
    booklet = client.post("/api/handout?format=pdf&layout=booklet&page_size=letter", json=EXAMPLE_PROFILE).content
    large = client.post("/api/handout?format=pdf&large_print=true", json=EXAMPLE_PROFILE).content
    pages = {name: len(PdfReader(io.BytesIO(d)).pages) for name, d in (("s", sheets), ("b", booklet), ("l", large))}
    assert pages["b"] > pages["s"] and pages["l"] > pages["s"]
    box = PdfReader(io.BytesIO(booklet)).pages[0].mediabox
    assert round(float(box.width)) == 612  # letter


@pytest.mark.parametrize(
    "query", ["format=docx", "format=pdf&page_size=A5", "format=pdf&layout=scroll", "template=nosuch"]
)
def test_a_bad_option_is_422_naming_it(client: TestClient, query: str) -> None:
    response = client.post(f"/api/handout?{query}", json=EXAMPLE_PROFILE)
    assert response.status_code == 422
    document = response.json()
    assert document["status"] == "INPUT_ERROR"
    name = query.split("=")[-2].split("&")[-1]
    assert any(name in p["path"] for p in document["problems"]), document
    assert "docx" not in json.dumps(document) or name != "format"  # the value is not echoed


def test_a_calendar_needs_a_start_date(client: TestClient) -> None:
    undated = {k: v for k, v in EXAMPLE_PROFILE.items() if k != "start_date"}
    response = client.post("/api/handout?format=ics", json=undated)
    assert response.status_code == 422 and response.json()["status"] == "INPUT_ERROR"


def test_a_template_is_chosen_by_id(client: TestClient) -> None:
    data = client.post("/api/plan?template=mcgill_core", json=EXAMPLE_PROFILE).json()
    assert data["meta"]["template"] == "mcgill_core"


def test_questions_are_the_questionnaire(client: TestClient) -> None:
    data = client.get("/api/questions").json()
    assert data == load_questionnaire().model_dump(mode="json")
    assert data["groups"][0]["red_flags"] is True


def test_catalogue_lists_every_exercise(client: TestClient, catalogue: Catalogue) -> None:
    data = client.get("/api/catalogue").json()
    assert [e["id"] for e in data] == [e.id for e in catalogue]


def test_openapi_documents_every_endpoint_with_rehabgens_schemas(client: TestClient) -> None:
    document = client.get("/api/openapi.json").json()
    assert {"/api/plan", "/api/handout", "/api/questions", "/api/catalogue", "/api/roster"} <= set(document["paths"])
    schemas = document["components"]["schemas"]
    assert {"Profile", "Programme", "Questions", "InputError"} <= set(schemas)
    refs = set(json.dumps(document).split('"$ref": "')[1:])
    assert all(r.split('"')[0].removeprefix("#/components/schemas/") in schemas for r in refs)
    page = client.get("/api")
    assert page.status_code == 200 and "/api/handout" in page.text and "POST" in page.text


def test_the_api_format_names_are_the_registrys() -> None:
    assert set(get_args(FormatName)) == set(FORMATS)


def test_a_spanish_profile_gives_a_spanish_handout(client: TestClient) -> None:
    """``language: es`` in the posted profile: the programme and every format are in Spanish (issue 18)."""
    profile = {**EXAMPLE_PROFILE, "language": "es", "region": "ES"}
    data = client.post("/api/plan", json=profile).json()
    assert data["meta"]["language"] == "es" and data["status"] == "PROGRAMME_WITH_REFERRAL_ADVICE"
    markdown = client.post("/api/handout?format=md", json=profile)
    assert markdown.status_code == 200 and "## Tu plan de un vistazo" in markdown.text
    pdf = client.post("/api/handout?format=pdf", json=profile)
    assert pdf.status_code == 200 and "Llama al 112" in pdf_text(pdf.content)
