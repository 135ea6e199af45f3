"""The profile's fields by dotted path (``neuro.weakness``): which there are, their ranges, and nested data.

Read from the profile model itself, so the questionnaire can never name a field the profile lacks, and the
ranges a question shows ("10 to 100") are the ones the profile enforces.
"""

from __future__ import annotations

import functools
from typing import Any

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from rehabgen.model.base import model_in
from rehabgen.model.profile import Profile

NOT_ASKED = frozenset({"adjustments"})
"""Profile sections that are no intake answer: the clinician's changes to a plan, made at a visit."""


@functools.cache
def profile_fields() -> dict[str, FieldInfo]:
    """Every answerable field of the profile, nested ones dotted, in the model's order (``NOT_ASKED`` aside)."""
    found: dict[str, FieldInfo] = {}

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, info in model.model_fields.items():
            if not prefix and name in NOT_ASKED:
                continue
            inner = model_in(info.annotation)
            if inner is not None:
                walk(inner, f"{prefix}{name}.")
            else:
                found[f"{prefix}{name}"] = info

    walk(Profile, "")
    return found


def field_range(path: str) -> tuple[float, float] | None:
    """The smallest and largest value a numeric field allows, from its constraints (None: no range)."""
    low = high = None
    for item in profile_fields()[path].metadata:
        if isinstance(item, annotated_types.Ge):
            low = item.ge
        elif isinstance(item, annotated_types.Le):
            high = item.le
    if low is None or high is None:
        return None
    return float(low), float(high)  # type: ignore[arg-type]


def number_words(value: float) -> str:
    """A number as a person writes it: 10, 0.5, 6.5."""
    return f"{value:g}"


def put(data: dict[str, Any], path: str, value: Any) -> None:
    """Set a dotted field in nested profile data."""
    *parents, last = path.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value


def required_fields() -> list[str]:
    """The fields a profile cannot do without."""
    return [path for path, info in profile_fields().items() if info.is_required()]
