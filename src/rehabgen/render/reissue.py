"""A plan reissued at a review (``--from-week N``): the handout prints the plan from week N on.

The programme (and its JSON) keeps every week; a printed handout, web page, Markdown or calendar shows the weeks
from the review on, with the same week numbers, dates and calendar: the phases from then, the movements still
left out, the exercises still in the plan, and no readiness check for running that has already started.
"""

from __future__ import annotations

import dataclasses

from rehabgen.i18n import _f
from rehabgen.model.programme import Programme
from rehabgen.render.handout import Handout


def printed(programme: Programme) -> Programme:
    """The programme as a handout prints it: from the review week on (unchanged without one)."""
    start = programme.meta.from_week
    if not start or start <= 1 or not programme.weeks or programme.weeks[0].week >= start:
        return programme
    weeks = [w for w in programme.weeks if w.week >= start]
    used = {i.exercise_id for w in weeks for s in w.sessions for i in s.items}
    first_run = min((w.week for w in programme.weeks if any(s.kind == "run" for s in w.sessions)), default=None)
    started = first_run is not None and first_run < start
    return programme.model_copy(
        update={
            "weeks": weeks,
            "phases": [
                p.model_copy(update={"from_week": max(p.from_week, start)})
                for p in programme.phases
                if p.to_week >= start
            ],
            "exclusions": [e for e in programme.exclusions if e.to_week >= start],
            "gates": [g for g in programme.gates if not (started and g.id == "running_readiness")],
            "exercises": [n for n in programme.exercises if n.exercise_id in used],
        }
    )


def printed_handout(handout: Handout) -> Handout:
    """The handout with its programme as printed (``printed``)."""
    shown = printed(handout.programme)
    return handout if shown is handout.programme else dataclasses.replace(handout, programme=shown)


def reissued(programme: Programme) -> str | None:
    """Page 1's line for a reissued plan: "From week 5 of 8, updated at your review" (None otherwise)."""
    start = programme.meta.from_week
    if not start or start <= 1:
        return None
    return _f("From week {week} of {weeks}, updated at your review", week=start, weeks=programme.meta.programme_weeks)
