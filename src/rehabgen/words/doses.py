"""A dose in words a patient can read: "2 sets of 10, rest 60 s", "hold 10 s, 5 times"."""

from __future__ import annotations

from rehabgen.model.programme import Item, RunPlan
from rehabgen.model.vocab import Tag
from rehabgen.words.units import Units, distance


def _seconds(value: int) -> str:
    return f"{value} s"


def dose_words(item: Item, *, rest: bool = True, side: bool = True) -> str:
    """The item's dose as a short sentence, with the rest between sets when there is more than one.

    Without ``side`` the dose leaves out "on each side" (a session sheet says it beside the name) and, for a
    descending pyramid, the rest (said once under the name).
    """
    each = " on each side" if item.per_side and side else ""
    if item.duration_min is not None:
        return f"{item.duration_min} minutes"
    if item.pyramid is not None and len(item.pyramid) > 1:
        counts = ", then ".join(str(n) for n in item.pyramid)
        if not side:
            return f"holds of {_seconds(item.hold_s)}: {counts}" if item.hold_s else f"sets of {counts}"
        held = f" holds of {_seconds(item.hold_s)}" if item.hold_s else ""
        text = f"{counts}{held}{each}, with a short rest between"
        return text + (f" ({_seconds(item.rest_s)})" if rest and item.rest_s else "")
    reps = item.pyramid[0] if item.pyramid else (item.reps or 1)
    if item.hold_s is not None and (reps == 1 or Tag.STRETCH in item.tags):
        times = item.sets * reps
        text = f"hold {_seconds(item.hold_s)}, {_times(times)}{each}"
    elif item.hold_s is not None:
        text = f"{_sets(item.sets)}{reps}{each}, holding each for {_seconds(item.hold_s)}"
    else:
        text = f"{_sets(item.sets)}{reps}{each}"
    if rest and item.sets > 1 and item.rest_s:
        text += f", rest {_seconds(item.rest_s)} between sets"
    return text


def rest_words(item: Item) -> str | None:
    """The rest between sets as a sentence, or None for a single set or a timed activity."""
    if item.duration_min is not None or not item.rest_s:
        return None
    if item.pyramid is not None and len(item.pyramid) > 1:
        return f"Rest about {_seconds(item.rest_s)} between sets."
    return f"Rest {_seconds(item.rest_s)} between sets." if item.sets > 1 else None


def load_words(item: Item) -> str | None:
    """How heavy, as a sentence, when the exercise uses a weight."""
    return item.load[0].upper() + item.load[1:] + "." if item.load else None


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _sets(n: int) -> str:
    return "1 set of " if n == 1 else f"{n} sets of "


def run_words(run: RunPlan, units: Units = "km") -> str:
    """A run in words: "run 2 min, walk 3 min, 5 times" or "easy run, 25 min (about 4.5 km)"."""
    if run.type == "walk_run":
        return f"run {_minutes(run.run_min)}, walk {_minutes(run.walk_min)}, {_times(run.repeats)}"
    return f"easy run, {_minutes(run.run_min)} (about {distance(run.km, units)})"


def _minutes(value: float) -> str:
    return f"{round(value * 60)} s" if value < 1 else f"{value:g} min"
