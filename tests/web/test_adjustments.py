"""Clinician adjustments on the plan page: drop, pin, a note per exercise, a note and the next appointment for
page 1; each applied only where safety allows, a refusal shown beside its exercise; a referral has none."""

from __future__ import annotations

import io
import json
import re
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from rehabgen import api
from rehabgen.model.catalogue import Catalogue
from tests.web.conftest import EXAMPLE_PROFILE, csrf_token, hidden, post_intake, runner_answers


def plan_fields(client: TestClient) -> tuple[dict[str, str], str]:
    html = post_intake(client, runner_answers()).text
    return {"csrf": hidden(html, "csrf"), "profile": hidden(html, "profile")}, html


def planned(catalogue: Catalogue, data: dict[str, Any] | None = None) -> Any:
    return api.build_programme(api.profile_from_dict(data or EXAMPLE_PROFILE), catalogue)


def test_drop_note_and_next_appointment_reach_the_plan_and_the_pdf(client: TestClient, catalogue: Catalogue) -> None:
    fields, _ = plan_fields(client)
    programme = planned(catalogue)
    first, second = programme.exercise_ids()[:2]
    changes = {
        "drop": first,
        f"note_for.{second}": "Keep the ribs down",
        "note": "Ring the clinic if the leg pain spreads",
        "next_appointment": "Tuesday 12 January, 10:30",
    }
    response = client.post("/plan", data={**fields, **changes})
    assert response.status_code == 200, response.text
    html = response.text
    profile = json.loads(hidden(html, "profile"))
    assert profile["adjustments"]["drop"] == [first]
    assert first not in planned(catalogue, profile).exercise_ids()
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert "Keep the ribs down" in main
    assert "Tuesday 12 January, 10:30" in main and "Ring the clinic" in main
    assert re.search(rf'name="drop" value="{first}"[^>]*checked', html)
    pdf = client.post("/download", data={"csrf": fields["csrf"], "profile": hidden(html, "profile"), "format": "pdf"})
    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Tuesday 12 January, 10:30" in text and "Keep the ribs down" in text


def test_a_pinned_exercise_the_runner_cannot_do_is_refused_beside_its_row(
    client: TestClient, catalogue: Catalogue
) -> None:
    used = set(planned(catalogue).exercise_ids())
    banned = next(ex for ex in catalogue if "barbell" in ex.equipment and ex.id not in used)  # the runner has a band
    fields, _ = plan_fields(client)
    html = client.post("/plan", data={**fields, "pin_add": banned.id}).text
    row = html.split(f'value="{banned.id}"', 1)[0].rsplit("<tr", 1)[1]
    assert 'class="has-error"' in row and f'id="refused-{banned.id}"' in row
    assert "Some of the clinician's changes were not made, for safety" in html
    profile = json.loads(hidden(html, "profile"))
    assert banned.id not in planned(catalogue, profile).exercise_ids()


def test_a_bad_adjustment_is_shown_beside_its_field(client: TestClient) -> None:
    fields, _ = plan_fields(client)
    response = client.post("/plan", data={**fields, "next_appointment": "x" * 81})
    assert response.status_code == 422
    assert 'id="error-next"' in response.text and 'aria-invalid="true"' in response.text


ADJUST = settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@ADJUST
@given(data=st.data())
def test_no_adjustment_weakens_a_referral_or_brings_in_an_excluded_exercise(
    client: TestClient, catalogue: Catalogue, data: st.DataObject
) -> None:
    ids = [ex.id for ex in catalogue]
    flag = data.draw(st.sampled_from([None, "saddle_anaesthesia", "fever_or_unwell"]))
    profile = {**EXAMPLE_PROFILE, "red_flags": {**EXAMPLE_PROFILE["red_flags"], **({flag: True} if flag else {})}}
    token = csrf_token(client)
    form = {
        "csrf": token,
        "profile": json.dumps(profile),
        "pin": data.draw(st.lists(st.sampled_from(ids), max_size=4, unique=True)),
        "drop": data.draw(st.lists(st.sampled_from(ids), max_size=3, unique=True)),
    }
    form["drop"] = [d for d in form["drop"] if d not in form["pin"]]
    response = client.post("/plan", data=form)
    assert response.status_code in (200, 422)
    after = json.loads(hidden(response.text, "profile"))
    programme = planned(catalogue, after)
    if flag:
        assert programme.status.is_referral and programme.weeks == [] and 'id="adjust"' not in response.text
    from tests.invariants import check_programme

    check_programme(api.profile_from_dict(after), programme, catalogue)
