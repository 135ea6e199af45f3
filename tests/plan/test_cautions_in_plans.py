"""No card contradicts why the exercise is in this runner's plan (issue 12, item 4; plan.notes over the catalogue).

The planner is run for every cause, alone and paired with every other, with and without leg symptoms; every
exercise it prescribes is checked against the notes printed for that runner: no "leave it out" or "only if
your physio advised it", an "optional" note only on an item the plan makes optional, and the runner's own
condition notes present.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Any

import pytest

from rehabgen.model.catalogue import Catalogue
from rehabgen.model.programme import Programme
from rehabgen.model.vocab import BONE_STRESS_CAUSES, Cause, Equipment
from rehabgen.plan.notes import conditions_of
from rehabgen.plan.planner import build_programme
from tests.conftest import make_profile
from tests.wording import CONTRADICTS

ALL_KIT = [e.value for e in Equipment]
LEG_SYMPTOMS = ["none", "unilateral_below_knee"]


def _profiles() -> list[dict[str, Any]]:
    """Every cause alone in several shapes, and every pair of causes, with and without leg symptoms."""
    found: list[dict[str, Any]] = []
    for cause in Cause:
        for legs, pain, kit, cleared in itertools.product(LEG_SYMPTOMS, (2, 6), (ALL_KIT, []), (False, True)):
            if cleared and cause not in BONE_STRESS_CAUSES:
                continue
            found.append(
                {
                    "causes": [cause.value],
                    "leg_symptoms": legs,
                    "pain_nprs": pain,
                    "equipment": kit,
                    "cleared_for_impact": cleared,
                }
            )
    for a, b in itertools.combinations(Cause, 2):
        legs = LEG_SYMPTOMS[(a.value < b.value) % 2]
        found.append({"causes": [a.value, b.value], "leg_symptoms": legs, "pain_nprs": 3, "equipment": ALL_KIT})
    return found


def _check(programme: Programme, catalogue: Catalogue, conditions: set[str]) -> set[str]:
    """Assert the programme's notes agree with it; return the exercise ids it prescribes."""
    items = [i for w in programme.weeks for s in w.sessions for i in s.items]
    optional: dict[str, set[bool]] = defaultdict(set)
    for item in items:
        optional[item.exercise_id].add(item.optional)
    notes = {n.exercise_id: n for n in programme.exercises}
    for exercise_id, flags in optional.items():
        card = notes[exercise_id]
        for text in [*card.cautions, *card.why]:
            assert not CONTRADICTS.search(text), (exercise_id, sorted(conditions), text)
            if text.lower().startswith("optional"):
                assert flags == {True}, f"{exercise_id}: the card says optional but the plan prescribes it"
        exercise = catalogue[exercise_id]
        expected = [n.text for n in exercise.cautions if {str(w) for w in n.when} & conditions]
        assert expected == card.cautions[len(card.cautions) - len(expected) :], exercise_id
    return set(optional)


def test_no_card_contradicts_the_plan_for_any_cause_or_pair(catalogue: Catalogue) -> None:
    pairs: dict[str, set[str]] = defaultdict(set)
    for changes in _profiles():
        profile = make_profile(clinician_diagnosed=True, programme_weeks=12, **changes)
        programme = build_programme(profile, catalogue)
        assert programme.status.allows_programme, changes
        for exercise_id in _check(programme, catalogue, conditions_of(profile)):
            for cause in profile.causes:
                pairs[cause.value].add(exercise_id)
    assert set(pairs) == {c.value for c in Cause}
    assert all(len(ids) >= 20 for ids in pairs.values()), {c: len(ids) for c, ids in pairs.items()}


@pytest.mark.parametrize(
    ("changes", "exercise_id", "words"),
    [
        # knees to chest is a flexion-relief exercise for stenosis: its reason, and no "unless your physio"
        ({"causes": ["spinal_stenosis"], "leg_symptoms": "bilateral"}, "knees_to_chest", "opens up the space"),
        # disc pain: rounding is the usually provoking direction, so cat-cow stays small both ways
        ({"causes": ["intervertebral_disc"], "pain_nprs": 7}, "cat_cow", "keep the rounding part small"),
        # disc pain: the hinge drill is there to teach bending from the hips, with a flexion caution
        ({"causes": ["intervertebral_disc"], "pain_nprs": 2}, "hip_hinge_drill", "disc pain often dislikes"),
        # cat-cow with spreading leg symptoms: stop, not "do only the rounding part"
        (
            {"causes": ["sciatica_radiculopathy"], "pain_nprs": 7, "leg_symptoms": "unilateral_below_knee"},
            "cat_cow",
            "Stop if either one hurts",
        ),
    ],
)
def test_the_runners_own_notes_reach_the_card(
    catalogue: Catalogue, changes: dict[str, Any], exercise_id: str, words: str
) -> None:
    profile = make_profile(clinician_diagnosed=True, programme_weeks=8, **changes)
    programme = build_programme(profile, catalogue)
    card = next(n for n in programme.exercises if n.exercise_id == exercise_id)
    assert any(words in text for text in [*card.cautions, *card.why]), card
