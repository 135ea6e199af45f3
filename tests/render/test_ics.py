"""The calendar export: one all-day event per session, deterministic, valid line folding."""

from __future__ import annotations

import pytest

from rehabgen.errors import InputError
from rehabgen.io.profiles import load_profile
from rehabgen.model.catalogue import Catalogue
from rehabgen.plan.planner import build_programme
from rehabgen.render.ics import render_ics
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
    assert "Pelvic tilt: 2×10\\, hold 3 s" in unfolded


def test_calendar_needs_a_start_date(catalogue: Catalogue) -> None:
    with pytest.raises(InputError, match="start_date"):
        render_ics(build_programme(make_profile(), catalogue))


def test_referral_calendar_is_empty(catalogue: Catalogue) -> None:
    programme = build_programme(make_profile(red_flags={"saddle_anaesthesia": True}), catalogue)
    assert "BEGIN:VEVENT" not in render_ics(programme)
