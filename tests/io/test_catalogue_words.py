"""What the bundled catalogue's words tell a runner (issue 19 "Words"): facts from the rule book, no advice
the exercise's own equipment or the plan contradicts."""

from __future__ import annotations

import re

from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import Exercise
from rehabgen.model.vocab import Equipment

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
