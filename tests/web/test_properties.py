"""Safety through the web app, as properties: a red flag stops the programme on every path, and what the web
app plans is exactly what the library plans, so every invariant of the library holds for it."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rehabgen import api
from rehabgen.intake.definition import load_questionnaire
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.programme import Programme
from rehabgen.model.vocab import Status
from tests.invariants import check_programme
from tests.strategies import profile_data
from tests.web.conftest import csrf_token, hidden, post_intake, runner_answers

# The client fixture is made once per test and reused by every example: it holds no state between requests.
WEB = settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
EMERGENCY_ANSWERS = [
    (q.id, c.value)
    for q in load_questionnaire().questions
    if "runner" in q.audiences
    for c in q.offered("runner")
    if c.leads_to is Status.EMERGENCY_REFERRAL and not q.show_if
]
"""Answers that alone mean emergency help now, to questions always asked (a follow-up: see below)."""


def as_json(data: dict[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(json.dumps(data, default=str))
    return loaded


@WEB
@given(data=profile_data(red_flag_chance=0.15))
def test_the_api_plans_what_the_library_plans_and_a_referral_has_no_exercises(
    client: TestClient, catalogue: Catalogue, data: dict[str, Any]
) -> None:
    response = client.post("/api/plan", json=as_json(data))
    assert response.status_code == 200, response.text
    programme = Programme.model_validate_json(response.content)
    profile = api.profile_from_dict(as_json(data))
    check_programme(profile, programme, catalogue)
    assert programme == api.build_programme(profile, catalogue)
    if programme.status.is_referral:
        assert programme.weeks == [] and programme.exercise_ids() == []


@WEB
@given(data=profile_data(red_flag_chance=0.0), flag=st.sampled_from(["saddle_anaesthesia", "bladder_dysfunction"]))
def test_a_red_flag_download_is_the_referral_page_in_every_format(
    client: TestClient, catalogue: Catalogue, data: dict[str, Any], flag: str
) -> None:
    data = as_json({**data, "red_flags": {flag: True}})
    token = csrf_token(client)
    for fmt in ("md", "html"):
        response = client.post("/download", data={"csrf": token, "profile": json.dumps(data), "format": fmt})
        assert response.status_code == 200
        text = response.text
        assert not [ex.name for ex in catalogue if ex.name in text], fmt


@WEB
@given(
    urgent=st.lists(st.sampled_from(EMERGENCY_ANSWERS), min_size=1, unique=True),
    noise=st.dictionaries(
        st.sampled_from(["age", "pain_nprs", "weekly_running_km", "causes", "start_date", "equipment"]),
        st.lists(st.text(max_size=8), max_size=2),
        max_size=4,
    ),
)
def test_any_emergency_answer_on_the_form_stops_with_no_plan(
    client: TestClient, urgent: list[tuple[str, Any]], noise: dict[str, list[str]]
) -> None:
    answers = runner_answers(**noise)
    for question, value in urgent:
        answers[question] = ["true" if value is True else str(value)]
    html = post_intake(client, answers).text
    assert "Stop." in html
    assert 'action="/download"' not in html and "data-status" not in html


def test_an_emergency_follow_up_counts_when_it_is_asked(client: TestClient) -> None:
    answers = runner_answers(weakness="bilateral", bilateral_new_or_worsening="true")
    assert "Stop." in post_intake(client, answers).text
    ignored = runner_answers(bilateral_new_or_worsening="true")  # not asked: the legs are not both affected
    assert 'data-status="PROGRAMME_WITH_REFERRAL_ADVICE"' in post_intake(client, ignored).text


def test_the_plan_page_carries_the_profile_it_planned(client: TestClient) -> None:
    html = post_intake(client, runner_answers()).text
    profile = json.loads(hidden(html, "profile"))
    assert profile["red_flags"]["worse_cough_sneeze"] is True and profile["age"] == 34
