"""The web app under test: built once, with the test cache, answering to the test client's host name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from rehabgen.model.profile import RedFlags
from rehabgen.web import WebConfig, create_app
from tests.conftest import TEST_CACHE

RED_FLAGS = tuple(RedFlags.model_fields)  # every warning-sign answer the form asks
EXAMPLE_PROFILE: dict[str, Any] = {
    "patient": {"name": "Zoë Ångström", "id": "P-0042"},
    "age": 34,
    "sex": "female",
    "weekly_running_km": 40,
    "longest_run_last_4wk_km": 16,
    "goal": "half marathon in 12 weeks",
    "causes": ["intervertebral_disc", "weak_core"],
    "pain_nprs": 4,
    "symptom_duration_weeks": 3,
    "leg_symptoms": "unilateral_above_knee",
    "red_flags": {"worse_cough_sneeze": True},
    "equipment": ["resistance_band"],
    "start_date": "2026-12-07",
    "region": "GB",
}
"""The README's example runner (examples/profile.yaml) as JSON."""


def runner_answers(**changes: str | list[str]) -> dict[str, list[str]]:
    """The example runner's answers as the runner's form posts them (every red flag answered)."""
    answers: dict[str, list[str]] = {flag: ["false"] for flag in RED_FLAGS}
    answers["worse_cough_sneeze"] = ["true"]
    answers |= {
        "leg_symptoms": ["unilateral_above_knee"],
        "numbness": ["none"],
        "weakness": ["none"],
        "region": ["GB"],
        "units": [""],
        "age": ["34"],
        "sex": ["female"],
        "postpartum_weeks": [""],
        "pain_nprs": ["4"],
        "symptom_duration_weeks": ["3"],
        "causes": ["intervertebral_disc", "weak_core"],
        "clinician_diagnosed": ["false"],
        "weekly_running_km": ["40"],
        "longest_run_last_4wk_km": ["16"],
        "easy_pace_min_per_km": [""],
        "goal": ["half marathon in 12 weeks"],
        "equipment": ["resistance_band"],
        "sessions_per_week": ["3"],
        "programme_weeks": ["8"],
        "start_date": ["2026-12-07"],
        "patient_name": ["Zoë Ångström"],
    }
    for key, value in changes.items():
        answers[key] = [value] if isinstance(value, str) else value
    return answers


@pytest.fixture(scope="session")
def web_app() -> FastAPI:
    return create_app(WebConfig(allowed_hosts=("testserver",), cache=TEST_CACHE))


@pytest.fixture
def client(web_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(web_app) as test_client:
        yield test_client


def csrf_token(client: TestClient) -> str:
    """The token of the form on the intake page (and the cookie that goes with it)."""
    page = client.get("/")
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found, "the intake page has a CSRF field"
    return found.group(1)


def hidden(html: str, name: str) -> str:
    """The value of a hidden field of a page, unescaped."""
    import html as html_lib

    found = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert found, f"no hidden field {name}"
    return html_lib.unescape(found.group(1))


def post_intake(client: TestClient, answers: dict[str, list[str]], audience: str = "runner") -> Any:
    token = csrf_token(client)
    data = [("csrf", token), ("for", audience)] + [(k, v) for k, values in answers.items() for v in values]
    return client.post("/intake", content=_encode(data), headers={"content-type": "application/x-www-form-urlencoded"})


def _encode(pairs: list[tuple[str, str]]) -> bytes:
    from urllib.parse import urlencode

    return urlencode(pairs).encode("ascii")
