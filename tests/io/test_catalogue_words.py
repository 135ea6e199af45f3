"""What the bundled catalogue's words tell a runner (issue 19 "Words"): facts from the rule book, no advice
the exercise's own equipment or the plan contradicts."""

from __future__ import annotations

import re

from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import Exercise
from rehabgen.model.vocab import Equipment
from tests.wording import CONDITION_WORDS, CONTRADICTS

LOADED_KIT = {Equipment.DUMBBELLS, Equipment.KETTLEBELL, Equipment.BARBELL, Equipment.GYM_MACHINES}
ADDED_LOAD = re.compile(r"\b(dumbbells?|kettlebells?|barbells?|weighted|a weight|add(ing)? (a little )?weight)\b", re.I)


def texts(ex: Exercise) -> list[str]:
    """Everything printed on the exercise's card, whoever the runner is."""
    return [
        ex.name,
        *ex.aliases,
        ex.purpose,
        *ex.steps,
        *ex.cues,
        *ex.mistakes,
        ex.caution or "",
        *(n.text for n in [*ex.cautions, *ex.why]),
    ]


def test_no_card_asks_for_a_weight_its_equipment_does_not_list(catalogue: Catalogue) -> None:
    for ex in catalogue:
        if not LOADED_KIT & set(ex.equipment):
            found = [t for t in texts(ex) if ADDED_LOAD.search(t)]
            assert not found, (ex.id, found)


def test_good_morning_caps_the_range_at_about_45_degrees(catalogue: Catalogue) -> None:
    good_morning = catalogue["good_morning"]
    assert any("45 degrees" in step for step in good_morning.steps)
    assert good_morning.pose.end.pitch is not None and good_morning.pose.end.pitch <= 50


def test_easy_run_gives_the_number_for_the_longest_run(catalogue: Catalogue) -> None:
    """G7: no single run more than 110% of the longest run in the last 4 weeks."""
    words = " ".join(catalogue["easy_run"].steps)
    assert "10%" in words and "4 weeks" in words
    assert "much longer" not in words


def test_general_cautions_speak_to_every_runner(catalogue: Catalogue) -> None:
    """Issue 12 item 4: the general caution is printed to everyone, so it names no condition and never tells
    the runner to leave the exercise out; condition notes live in ``cautions:`` keyed by the condition."""
    for ex in catalogue:
        if ex.caution is not None:
            assert not CONDITION_WORDS.search(ex.caution), (ex.id, ex.caution)
            assert not CONTRADICTS.search(ex.caution), (ex.id, ex.caution)
        for note in [*ex.cautions, *ex.why]:
            assert not CONTRADICTS.search(note.text), (ex.id, note.text)


def test_the_contradiction_check_catches_the_old_wording() -> None:
    old = [
        "If you have disc-related pain, do this only if your physio has advised it.",
        "Leave this out while twisting hurts your back.",
        "If arching hurts, do only the rounding part and tell your physio.",
        "Leave it out until your plan or physio says it is safe.",
        "Only do this when your plan includes it.",
    ]
    assert all(CONTRADICTS.search(text) for text in old)
    assert not CONTRADICTS.search("Stop if pain spreads into your buttock or leg, and tell your physio.")
