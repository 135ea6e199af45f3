"""The exercise model's own checks (model.exercise): G11 for every static stretch hold."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import Exercise


def _changed(catalogue: Catalogue, exercise_id: str, **changes: Any) -> dict[str, Any]:
    data = catalogue[exercise_id].model_dump(mode="json", exclude_defaults=True)
    return {**data, **changes}


@pytest.mark.parametrize(
    ("dosage", "message"),
    [
        ({"sets": 1, "reps": 10, "hold_s": 5}, "held 10-30 s"),
        ({"sets": 2, "reps": 3, "hold_s": 20}, "1 set of 2-4 holds"),
        ({"sets": 1, "reps": 2, "hold_s": 15}, "about 60 s"),
        ({"sets": 1, "reps": 4, "hold_s": 30}, "about 60 s"),
    ],
)
def test_a_static_stretch_hold_filed_as_mobility_still_follows_g11(
    catalogue: Catalogue, dosage: dict[str, int], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        Exercise.model_validate(_changed(catalogue, "knees_to_chest", dosage=dosage))


def test_a_stretch_must_carry_the_stretch_tag(catalogue: Catalogue) -> None:
    with pytest.raises(ValidationError, match="add the 'stretch' tag"):
        Exercise.model_validate(_changed(catalogue, "hamstring_stretch", tags=["passive_flexion"]))


def test_a_hold_without_the_stretch_tag_is_not_a_stretch(catalogue: Catalogue) -> None:
    """Positions such as prone lying (a symptom-guided extension position, clinical rules §2.2) keep their own dose."""
    assert Exercise.model_validate(_changed(catalogue, "prone_lying")).dosage.hold_s == 120
