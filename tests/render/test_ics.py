"""The calendar export: one all-day event per session, deterministic, valid line folding."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from rehabgen.errors import InputError
from rehabgen.io.profiles import load_profile
from rehabgen.io.templates import find_template
from rehabgen.model.catalogue import Catalogue
from rehabgen.plan.planner import build_programme
from rehabgen.render.ics import render_ics
from rehabgen.render.text import REFERRAL_TITLE
from tests.conftest import EXAMPLES, make_profile


def test_one_event_per_session_with_its_date(catalogue: Catalogue) -> None:
    programme = build_programme(load_profile(EXAMPLES / "profile.yaml"), catalogue)
    text = render_ics(programme)
    sessions = [s for w in programme.weeks for s in w.sessions]
    assert text.count("BEGIN:VEVENT") == len(sessions)
    assert "DTSTART;VALUE=DATE:20261207" in text
    assert text == render_ics(programme)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    assert "Pelvic tilt: 2 sets of 10\\, holding each for 3 s\\, rest 30 s between sets" in unfolded


def test_calendar_needs_a_start_date(catalogue: Catalogue) -> None:
    with pytest.raises(InputError, match="start_date"):
        render_ics(build_programme(make_profile(), catalogue))


def _parsed(text: str) -> Calendar:
    """The calendar as an independent RFC 5545 parser reads it."""
    calendar = Calendar.from_ical(text)
    assert calendar.name == "VCALENDAR" and calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert calendar.subcomponents, "RFC 5545: a calendar holds at least one component"
    for component in calendar.subcomponents:
        assert component["UID"] and component["DTSTAMP"]
    return calendar


def test_a_programme_calendar_is_valid_icalendar(catalogue: Catalogue) -> None:
    programme = build_programme(load_profile(EXAMPLES / "profile.yaml"), catalogue)
    calendar = _parsed(render_ics(programme))
    events = calendar.walk("VEVENT")
    assert len(events) == sum(len(w.sessions) for w in programme.weeks)
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert str(calendar["X-WR-CALNAME"]) == programme.meta.title


@pytest.mark.parametrize("template", [None, "prevention_strength"])
def test_a_referral_calendar_is_valid_and_titled_as_a_referral(catalogue: Catalogue, template: str | None) -> None:
    profile = make_profile(red_flags={"saddle_anaesthesia": True}, start_date="2027-01-04", region="GB")
    programme = build_programme(profile, catalogue, find_template(template) if template else None)
    calendar = _parsed(render_ics(programme))
    assert "BEGIN:VEVENT" not in render_ics(programme)
    (todo,) = calendar.walk("VTODO")
    assert str(todo["SUMMARY"]) == "Do not start any exercises. Get emergency help now."
    assert "999" in str(todo["DESCRIPTION"]) and int(todo["PRIORITY"]) == 1
    assert str(calendar["X-WR-CALNAME"]) == REFERRAL_TITLE
    assert "Off-season" not in render_ics(programme)


def _uids(catalogue: Catalogue, **changes: object) -> list[str]:
    data = {"patient": {"name": "Zoë", "id": "P-1"}, "start_date": "2027-01-04", "causes": ["weak_core"], **changes}
    programme = build_programme(make_profile(**data), catalogue)
    return [str(e["UID"]) for e in _parsed(render_ics(programme)).walk("VEVENT")]


def test_uids_stay_the_same_when_the_plan_is_edited(catalogue: Catalogue) -> None:
    """Pain 4 → 3 changed all 57 UIDs, so re-importing an updated plan doubled every event."""
    before = _uids(catalogue, pain_nprs=4)
    after = _uids(catalogue, pain_nprs=3)  # a different plan: fewer walks, so fewer events
    assert len(set(after) & set(before)) >= 0.6 * len(after)
    assert set(_uids(catalogue, pain_nprs=4, goal="10k")) == set(before)
    assert not set(_uids(catalogue, pain_nprs=4, patient={"name": "Zoë", "id": "P-2"})) & set(before)
    assert not set(_uids(catalogue, pain_nprs=4, start_date="2027-01-11")) & set(before)
