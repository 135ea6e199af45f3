"""A dose in words a patient can read: "2 sets of 10, rest 60 s", "hold 10 s, 5 times"."""

from __future__ import annotations

from rehabgen.i18n import _, ngettext, number
from rehabgen.model.programme import Item, RunPlan
from rehabgen.model.vocab import Tag
from rehabgen.words.units import Units, distance


def _seconds(value: int) -> str:
    return _("{seconds} s").format(seconds=value)


def dose_words(item: Item, *, rest: bool = True, side: bool = True) -> str:
    """The item's dose as a short sentence, with the rest between sets when there is more than one.

    Without ``side`` the dose leaves out "on each side" (a session sheet says it beside the name) and, for a
    descending pyramid, the rest (said once under the name).
    """
    each = _(" on each side") if item.per_side and side else ""
    if item.duration_min is not None:
        return ngettext("{count} minute", "{count} minutes", item.duration_min).format(count=item.duration_min)
    if item.pyramid is not None and len(item.pyramid) > 1:
        counts = _(", then ").join(str(n) for n in item.pyramid)
        if not side:
            if item.hold_s:
                return _("holds of {seconds}: {counts}").format(seconds=_seconds(item.hold_s), counts=counts)
            return _("sets of {counts}").format(counts=counts)
        held = _(" holds of {seconds}").format(seconds=_seconds(item.hold_s)) if item.hold_s else ""
        text = _("{counts}{holds}{each_side}, with a short rest between").format(
            counts=counts, holds=held, each_side=each
        )
        return text + (_(" ({seconds})").format(seconds=_seconds(item.rest_s)) if rest and item.rest_s else "")
    reps = item.pyramid[0] if item.pyramid else (item.reps or 1)
    if item.hold_s is not None and (reps == 1 or Tag.STRETCH in item.tags):
        times = item.sets * reps
        text = _("hold {seconds}, {times}{each_side}").format(
            seconds=_seconds(item.hold_s), times=_times(times), each_side=each
        )
    elif item.hold_s is not None:
        text = _("{sets}{reps}{each_side}, holding each for {seconds}").format(
            sets=_sets(item.sets), reps=reps, each_side=each, seconds=_seconds(item.hold_s)
        )
    else:
        text = _("{sets}{reps}{each_side}").format(sets=_sets(item.sets), reps=reps, each_side=each)
    if rest and item.sets > 1 and item.rest_s:
        text += _(", rest {seconds} between sets").format(seconds=_seconds(item.rest_s))
    return text


def rest_words(item: Item) -> str | None:
    """The rest between sets as a sentence, or None for a single set or a timed activity."""
    if item.duration_min is not None or not item.rest_s:
        return None
    if item.pyramid is not None and len(item.pyramid) > 1:
        return _("Rest about {seconds} between sets.").format(seconds=_seconds(item.rest_s))
    return _("Rest {seconds} between sets.").format(seconds=_seconds(item.rest_s)) if item.sets > 1 else None


def load_words(item: Item) -> str | None:
    """How heavy, as a sentence, when the exercise uses a weight."""
    return item.load[0].upper() + item.load[1:] + "." if item.load else None


def _times(n: int) -> str:
    if n == 1:
        return _("once")
    if n == 2:
        return _("twice")
    return ngettext("{count} time", "{count} times", n).format(count=n)


def _sets(n: int) -> str:
    return ngettext("{count} set of ", "{count} sets of ", n).format(count=n)


def run_words(run: RunPlan, units: Units = "km") -> str:
    """A run in words: "run 2 min, walk 3 min, 5 times" or "easy run, 25 min (about 4.5 km)"."""
    if run.type == "walk_run":
        return _("run {run}, walk {walk}, {times}").format(
            run=_minutes(run.run_min), walk=_minutes(run.walk_min), times=_times(run.repeats)
        )
    return _("easy run, {minutes} (about {distance})").format(
        minutes=_minutes(run.run_min), distance=distance(run.km, units)
    )


def _minutes(value: float) -> str:
    if value < 1:
        return _("{seconds} s").format(seconds=round(value * 60))
    return _("{minutes} min").format(minutes=number(value, 6))
