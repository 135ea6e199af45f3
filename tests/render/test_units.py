"""Units and words by region (issue 14 item 6): miles and "physical therapist" in the US, km elsewhere."""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader

from rehabgen.api import render_handout
from rehabgen.model.catalogue import Catalogue
from rehabgen.plan.planner import build_programme
from rehabgen.render.handout import HandoutOptions
from rehabgen.words.units import distance, units_for
from tests.conftest import make_profile

RUNNER = {
    "weekly_running_km": 40,
    "longest_run_last_4wk_km": 12,
    "pain_nprs": 2,
    "programme_weeks": 8,
    "start_date": "2027-01-04",
}


def _texts(catalogue: Catalogue, **changes: Any) -> dict[str, str]:
    programme = build_programme(make_profile(**RUNNER, **changes), catalogue)
    found = {}
    for fmt in ("md", "html", "ics"):
        found[fmt] = render_handout(programme, catalogue, fmt).decode("utf-8")
    for layout in ("sheets", "booklet"):
        data = render_handout(programme, catalogue, "pdf", options=HandoutOptions(layout=layout))  # type: ignore[arg-type]
        found[layout] = " ".join(p.extract_text() or "" for p in PdfReader(BytesIO(data)).pages)
    return found


def test_a_us_runner_reads_miles_and_physical_therapist(catalogue: Catalogue) -> None:
    for name, text in _texts(catalogue, region="US").items():
        assert "miles" in text, name
        assert not re.search(r"\d km\b", text), (name, re.findall(r".{40}\d km\b", text)[:3])
        assert "physiotherapist" not in text.replace("\n", " "), name
    assert "physical therapist" in _texts(catalogue, region="US")["booklet"]


@pytest.mark.parametrize("region", ["GB", "AU", None])
def test_elsewhere_kilometres_and_physiotherapist(catalogue: Catalogue, region: str | None) -> None:
    texts = _texts(catalogue, region=region)
    for name, text in texts.items():
        assert not re.search(r"\d(\.\d)? miles?\b", text), name
        assert "physical therapist" not in text, name
    assert re.search(r"\d km\b", texts["booklet"]) and "physiotherapist" in texts["booklet"]


def test_the_profile_s_units_override_the_region(catalogue: Catalogue) -> None:
    texts = _texts(catalogue, region="US", units="km")
    assert re.search(r"\d km\b", texts["sheets"]) and not re.search(r"\d(\.\d)? miles?\b", texts["sheets"])
    assert "physical therapist" in texts["booklet"]  # the profession's name still follows the region
    miles = _texts(catalogue, region="GB", units="mi")
    assert "miles" in miles["sheets"] and not re.search(r"\d km\b", miles["sheets"])


def test_the_json_keeps_kilometres(catalogue: Catalogue) -> None:
    programme = build_programme(make_profile(**RUNNER, region="US"), catalogue)
    assert programme.meta.units == "mi"
    assert any(w.running_km > 0 for w in programme.weeks)  # still kilometres: the contract does not change


def test_distance_words() -> None:
    assert distance(1.609344, "mi") == "1 mile" and distance(16.09, "mi") == "10 miles"
    assert distance(3.14, "km") == "3.1 km"
    assert units_for("US") == "mi" and units_for("GB") == "km" and units_for(None, "mi") == "mi"
