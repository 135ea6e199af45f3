"""A dose in words a patient can read: "2 sets of 10, rest 60 s", "hold 10 s, 5 times"."""

from __future__ import annotations

from rehabgen.model.programme import Item
from rehabgen.model.vocab import Category


def _seconds(value: int) -> str:
    return f"{value} s"


def dose_words(item: Item, *, rest: bool = True) -> str:
    """The item's dose as a short sentence, with the rest between sets when there is more than one."""
    side = " on each side" if item.per_side else ""
    if item.duration_min is not None:
        return f"{item.duration_min} minutes"
    if item.pyramid is not None and len(item.pyramid) > 1:
        counts = ", then ".join(str(n) for n in item.pyramid)
        held = f" holds of {_seconds(item.hold_s)}" if item.hold_s else ""
        text = f"{counts}{held}{side}, with a short rest between"
        return text + (f" ({_seconds(item.rest_s)})" if rest and item.rest_s else "")
    reps = item.pyramid[0] if item.pyramid else (item.reps or 1)
    if item.hold_s is not None and (reps == 1 or item.category is Category.STRETCH):
        times = item.sets * reps
        text = f"hold {_seconds(item.hold_s)}, {_times(times)}{side}"
    elif item.hold_s is not None:
        text = f"{_sets(item.sets)}{reps}{side}, holding each for {_seconds(item.hold_s)}"
    else:
        text = f"{_sets(item.sets)}{reps}{side}"
    if rest and item.sets > 1 and item.rest_s:
        text += f", rest {_seconds(item.rest_s)} between sets"
    return text


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _sets(n: int) -> str:
    return "1 set of " if n == 1 else f"{n} sets of "
