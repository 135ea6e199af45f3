"""The advice a handout carries (plan.advice): G1-G5, G12, G14, and what each cause adds."""

from __future__ import annotations

import pytest

from rehabgen.model.template import DEFAULT_TEMPLATE
from rehabgen.plan.advice import build_advice, safety_net
from tests.conftest import make_profile
from tests.invariants import FORBIDDEN_AIDS


def _ids(**changes: object) -> list[str]:
    return [a.id for a in build_advice(make_profile(**changes), DEFAULT_TEMPLATE, has_running=True)]


def test_the_safety_net_comes_first_and_the_disclaimer_last() -> None:
    ids = _ids()
    assert ids[0] == "safety_net" and ids[-1] == "disclaimer"
    assert {"stay_active", "pain_monitoring", "progression", "outcome_tracking"} <= set(ids)


@pytest.mark.parametrize(
    ("causes", "section"),
    [
        (["stress_fracture_sacral"], "bone_health"),
        (["leg_length_discrepancy"], "leg_length"),
        (["obesity"], "body_weight"),
        (["tight_hip_flexors"], "sitting"),
    ],
)
def test_causes_add_their_sections(causes: list[str], section: str) -> None:
    assert section in _ids(causes=causes, clinician_diagnosed=True)
    assert section not in _ids()


def test_leg_symptoms_add_the_peripheralisation_rule() -> None:
    assert "peripheralisation" in _ids(leg_symptoms="unilateral_below_knee")
    assert "peripheralisation" not in _ids()


@pytest.mark.parametrize(("region", "number"), [("GB", "999"), ("US", "911"), ("AU", "000"), (None, "112")])
def test_the_safety_net_names_the_regions_numbers(region: str | None, number: str) -> None:
    net = safety_net(make_profile(region=region))
    assert [t.code for t in net.tiers] == ["emergency", "urgent", "soon"]
    assert number in (net.tiers[0].action or "")


def test_no_advice_prescribes_orthotics_inserts_or_belts() -> None:
    advice = build_advice(
        make_profile(causes=["leg_length_discrepancy", "worn_shoes_hard_surfaces", "obesity"]),
        DEFAULT_TEMPLATE,
        has_running=True,
    )
    for section in advice:
        text = " ".join([section.text, *section.points, *(t.text for t in section.tiers)])
        assert not FORBIDDEN_AIDS.search(text), section.id


def test_the_safety_net_speaks_of_change_and_of_the_runners_baseline() -> None:
    plain = safety_net(make_profile())
    emergency = plain.tiers[0].text
    assert "new or worsening pain, numbness or weakness in both legs" in emergency
    assert plain.points == []
    stenosis = make_profile(
        causes=["spinal_stenosis"], clinician_diagnosed=True, leg_symptoms="bilateral", symptom_duration_weeks=40
    )
    (point,) = safety_net(stenosis).points
    assert "already have symptoms in both legs" in point and "not an emergency on their own" in point
    (one_leg,) = safety_net(make_profile(leg_symptoms="unilateral_below_knee")).points
    assert "one leg" in one_leg and "weaker" in one_leg
