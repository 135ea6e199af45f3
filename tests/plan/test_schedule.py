"""Sessions on days (plan.schedule): exercise days, runs, cross-training a cause favours, walks."""

from __future__ import annotations

from rehabgen.model.catalogue import Catalogue
from rehabgen.model.programme import Session, Week
from rehabgen.model.vocab import IMPACT_TAGS
from rehabgen.plan.planner import build_programme
from tests.conftest import make_profile

STENOSIS = {
    "age": 62,
    "causes": ["spinal_stenosis"],
    "clinician_diagnosed": True,
    "pain_nprs": 4,
    "symptom_duration_weeks": 30,
    "leg_symptoms": "bilateral",
}


def _cross(programme_weeks: list[Week], week: int) -> list[Session]:
    return [s for s in programme_weeks[week - 1].sessions if s.kind == "cross_training"]


def test_stenosis_with_a_bike_cycles_twice_a_week_from_week_1_and_walks_with_rests(catalogue: Catalogue) -> None:
    programme = build_programme(make_profile(**STENOSIS, equipment=["stationary_bike"]), catalogue)
    for week in programme.weeks:
        rides = _cross(programme.weeks, week.week)
        assert len(rides) >= 2 and not any(r.optional for r in rides), week.week
        assert all(r.items[0].exercise_id == "stationary_cycling" for r in rides)
        assert len({r.day for r in rides}) == len(rides)
    walks = [s for w in programme.weeks for s in w.sessions if s.kind == "walk"]
    assert walks and all(s.title.startswith("Walk with rests") and s.items[0].note for s in walks)
    assert "stenosis" in {a.id for a in programme.advice}


def test_without_the_kit_there_is_no_preferred_cycling(catalogue: Catalogue) -> None:
    programme = build_programme(make_profile(**STENOSIS), catalogue)
    assert not _cross(programme.weeks, 1)


def test_bone_stress_gets_non_impact_cardio_twice_a_week_while_impact_waits(catalogue: Catalogue) -> None:
    profile = make_profile(
        causes=["stress_fracture_sacral"], clinician_diagnosed=True, pain_nprs=1, equipment=["pool"], programme_weeks=12
    )
    programme = build_programme(profile, catalogue)
    for week in programme.weeks:
        sessions = _cross(programme.weeks, week.week)
        assert len(sessions) >= 2, week.week
        for session in sessions:
            assert not set(session.items[0].tags) & IMPACT_TAGS


def test_other_runners_keep_one_optional_cross_training_day(catalogue: Catalogue) -> None:
    programme = build_programme(make_profile(equipment=["stationary_bike"], programme_weeks=8), catalogue)
    assert not _cross(programme.weeks, 1) or programme.weeks[0].phase.value != "protect"
    assert all(len(_cross(programme.weeks, w.week)) <= 1 for w in programme.weeks)
