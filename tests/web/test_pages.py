"""The pages: the form from the questionnaire, errors beside their fields, the emergency stop, the plan page."""

from __future__ import annotations

import base64
import hashlib
import io
import re

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from rehabgen.errors import Problem
from rehabgen.intake.definition import load_questionnaire
from rehabgen.intake.session import Intake
from rehabgen.model.catalogue import Catalogue
from rehabgen.web.form import question_for
from tests.web.conftest import csrf_token, hidden, post_intake, runner_answers


def test_the_form_asks_every_question_red_flags_first_in_labelled_fieldsets(client: TestClient) -> None:
    html = client.get("/").text
    questionnaire = load_questionnaire()
    runner = [q for q in questionnaire.questions if "runner" in q.audiences]
    positions = [html.index(f'id="wrap-{q.id}"') for q in runner]
    assert positions == sorted(positions)
    first_group = html.index('<fieldset class="group red-flags"')
    assert first_group < html.index('fieldset class="group"') or first_group == html.index('<fieldset class="group')
    assert html.count("<legend>") >= len([q for q in runner if q.choices]) + len(questionnaire.groups)
    for q in runner:
        if not q.choices:
            assert f'<label for="q-{q.id}"' in html and f'id="q-{q.id}"' in html
    assert 'data-show-if="' in html and "Only if you answered" in html  # the rule in words, for no script
    assert "<script" in html and "<script>" not in html  # one external script, nothing inline


def test_the_clinicians_form_uses_their_words(client: TestClient) -> None:
    html = client.get("/?for=clinician").text
    assert "Saddle anaesthesia" in html and 'name="for" value="clinician"' in html
    assert 'id="wrap-patient_id"' in html


def test_the_example_runner_gets_the_plan_preview(client: TestClient) -> None:
    response = post_intake(client, runner_answers())
    assert response.status_code == 200
    html = response.text
    assert 'data-status="PROGRAMME_WITH_REFERRAL_ADVICE"' in html
    assert "<h1>Back-pain programme for runners</h1>" in html and "Zoë Ångström" in html
    assert html.count('<main id="main"') == 1
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"'sha256-{digest}'" in response.headers["content-security-policy"]
    assert 'action="/download"' in html and 'id="adjust"' in html


def test_an_emergency_answer_stops_everything_with_what_to_do(client: TestClient, catalogue: Catalogue) -> None:
    answers = runner_answers(saddle_anaesthesia="true", age="not a number", pain_nprs="")
    response = post_intake(client, answers)
    assert response.status_code == 200
    html = response.text
    assert "Stop." in html and "Call 999" in html  # the region comes later: every region's number
    assert "Please check" not in html  # the emergency wins over the other answers' errors
    assert "Exercises A" not in html and not [ex.name for ex in catalogue if f">{ex.name}<" in html]
    assert "/download" not in html


def test_an_urgent_red_flag_gives_the_referral_page_only(client: TestClient, catalogue: Catalogue) -> None:
    html = post_intake(client, runner_answers(fever_or_unwell="true")).text
    assert 'data-status="URGENT_REFERRAL"' in html
    assert 'id="adjust"' not in html and "Exercises A" not in html
    main = html.split('<main id="main">', 1)[1].split("</main>", 1)[0]
    assert not [ex.name for ex in catalogue if ex.name in main]
    assert "NHS 111" in main


def test_each_error_is_shown_beside_its_field_and_the_answers_are_kept(client: TestClient) -> None:
    answers = runner_answers(age="5", weekly_running_km="lots", numbness=[])
    answers.pop("bladder_dysfunction")
    response = post_intake(client, answers)
    assert response.status_code == 422
    html = response.text
    for qid in ("age", "weekly_running_km", "bladder_dysfunction", "numbness"):
        block = html.split(f'id="wrap-{qid}"', 1)[1].split('<div class="question', 1)[0]
        assert f'id="error-{qid}"' in block and 'aria-invalid="true"' in block, qid
        assert f'href="#wrap-{qid}"' in html
    assert "from 10 to 100" in html and "please write a number" in html and "needs an answer" in html
    assert 'value="lots"' in html and 'value="34"' not in html and 'value="4"' in html  # kept as typed
    assert 'value="intervertebral_disc" checked' in html


def test_show_if_rules_hold_without_a_script(client: TestClient) -> None:
    # An answer to a question whose condition does not hold is ignored: no weakness, so "getting worse" is moot.
    html = post_intake(client, runner_answers(weakness_worsening="unilateral_progressive")).text
    assert 'data-status="PROGRAMME_WITH_REFERRAL_ADVICE"' in html
    # When it holds, it counts: progressive weakness in one leg is an urgent referral.
    answers = runner_answers(weakness="unilateral_stable", weakness_worsening="unilateral_progressive")
    assert 'data-status="URGENT_REFERRAL"' in post_intake(client, answers).text
    # And a question that applies must be answered.
    missing = post_intake(client, runner_answers(weakness="unilateral_stable")).text
    assert 'id="error-weakness_worsening"' in missing


def test_a_problem_is_placed_by_its_path() -> None:
    intake = Intake("runner")
    assert question_for(intake, Problem("x", path=("red_flags", "night_sweats"))) == "night_sweats"
    assert question_for(intake, Problem("x", path=("age",))) == "age"
    assert question_for(intake, Problem("x", path=("patient", "name"))) == "patient_name"
    assert question_for(intake, Problem("x", path=("adjustments",))) is None


def plan_fields(client: TestClient) -> dict[str, str]:
    html = post_intake(client, runner_answers()).text
    return {"csrf": hidden(html, "csrf"), "profile": hidden(html, "profile")}


@pytest.mark.parametrize(
    ("fields", "pages_at_least", "words"),
    [
        ({"format": "pdf"}, 6, "Zoë Ångström"),
        ({"format": "pdf", "layout": "booklet", "page_size": "letter", "large_print": "1"}, 20, "Zoë Ångström"),
    ],
)
def test_the_pdf_download(client: TestClient, fields: dict[str, str], pages_at_least: int, words: str) -> None:
    response = client.post("/download", data={**plan_fields(client), **fields})
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) >= pages_at_least
    assert words in "\n".join(p.extract_text() or "" for p in reader.pages)
    width = round(float(reader.pages[0].mediabox.width))
    assert width == (612 if fields.get("page_size") == "letter" else 595)


@pytest.mark.parametrize("fmt", ["html", "ics", "json", "md"])
def test_the_other_downloads(client: TestClient, fmt: str) -> None:
    response = client.post("/download", data={**plan_fields(client), "format": fmt})
    assert response.status_code == 200
    assert f".{fmt}" in response.headers["content-disposition"]
    assert "Zoë" in response.text or fmt == "ics"


def test_posts_need_the_forms_token(client: TestClient) -> None:
    fields = plan_fields(client)
    assert client.post("/download", data={**fields, "csrf": "x" * 43}).status_code == 403
    assert client.post("/download", data={k: v for k, v in fields.items() if k != "csrf"}).status_code == 403
    client.cookies.clear()
    assert client.post("/download", data=fields).status_code == 403
    assert client.post("/intake", data={"csrf": fields["csrf"], "age": "30"}).status_code == 403


def test_a_damaged_profile_field_is_refused_plainly(client: TestClient) -> None:
    token = csrf_token(client)
    for profile in ("", "{not json", '["a list"]', '{"age": 500}'):
        response = client.post("/download", data={"csrf": token, "profile": profile, "format": "pdf"})
        assert response.status_code == 422 and "cannot be made" in response.text


def test_the_template_can_be_changed_on_the_plan_page(client: TestClient) -> None:
    response = client.post("/plan", data={**plan_fields(client), "template": "mcgill_core"})
    assert response.status_code == 200
    assert 'name="template" value="mcgill_core"' in response.text
    assert client.post("/plan", data={**plan_fields(client), "template": "../x"}).status_code == 422
