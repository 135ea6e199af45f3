"""What each phase asks before the next, and the running-readiness screen, taken from what the plan trained.

The screen before the first run asks only for what the weeks before it trained, at the level they reached
(clinical rules §5.2 P3 exit, §4.1): the walk, the front and side core holds, single-leg strength and, where
the plan brought them in before running, hops. The same goes for the exit criteria of each phase.
"""

from __future__ import annotations

from rehabgen.i18n import _, _f
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Gate, Item, PhaseSpan, Week
from rehabgen.model.vocab import BONE_STRESS_CAUSES, Phase
from rehabgen.plan.calibration import EXIT_SHARE
from rehabgen.plan.slots import SLOTS
from rehabgen.words.doses import dose_words
from rehabgen.words.units import per_week, profile_units

SCREEN_SLOTS = ("core_front", "core_side", "legs_single", "plyo")
"""What the readiness screen tests, when the plan trained it: front and side core, single-leg strength, hops."""
PHASE_SLOTS = {
    Phase.RESTORE: ("core_front", "core_side", "core_back", "glute_bridge"),
    Phase.STRENGTHEN: ("core_front", "core_side", "legs_both", "legs_single"),
}


def readiness_gate(profile: Profile, weeks: list[Week], first_run: int | None, catalogue: Catalogue) -> Gate | None:
    """The screen before the first walk-run session, or None when the runner keeps running from week 1."""
    if first_run is None or first_run == 1:
        return None
    before = weeks[: first_run - 1]
    checks = _walk(before) + [_check(item) for item in _last_items(before, SCREEN_SLOTS, catalogue)]
    pain = _("0 out of 10") if profile.has(*BONE_STRESS_CAUSES) else _("3 out of 10 or less")
    return Gate(
        id="running_readiness",
        title=_("Before your first run: can you do these?"),
        text=_f(
            "Each at the level your plan has built up to, with pain {pain} and no flare-up the next day. If you "
            "cannot tick every box yet, keep going with your exercises and check again in a week.",
            pain=pain,
        ),
        checklist=checks,
    )


def phase_spans(
    profile: Profile, spans: list[PhaseSpan], weeks: list[Week], screen: Gate | None, catalogue: Catalogue
) -> list[PhaseSpan]:
    """The phases with exit criteria that match what each phase trained."""
    out = []
    for span in spans:
        inside = weeks[span.from_week - 1 : span.to_week]
        if span.phase is Phase.PROTECT:
            criteria = [_("Pain at rest is 3 out of 10 or less."), *_walk(inside, comfortably=True)]
            if profile.has_leg_symptoms:
                criteria.append(_("Leg symptoms have not spread further down the leg for at least 3 days."))
        elif span.phase is Phase.RETURN_TO_RUN:
            criteria = _return_to_run(profile)
        elif span.phase is Phase.STRENGTHEN and screen is not None and span.to_week < len(weeks):
            criteria = list(screen.checklist)
        else:
            items = _last_items(inside, PHASE_SLOTS[span.phase], catalogue)
            criteria = [_check(item) for item in items] + _walk(inside)
            criteria.append(_("All of it with pain 3 out of 10 or less and no flare-up the next day."))
        out.append(span.model_copy(update={"exit_criteria": criteria}))
    return out


def _return_to_run(profile: Profile) -> list[str]:
    usual = profile.weekly_running_km
    running = (
        _f(
            "Easy running without walking breaks, about {distance} (three quarters of your usual distance) or more.",
            distance=per_week(EXIT_SHARE * usual, profile_units(profile.region, profile.units), digits=0),
        )
        if usual > 0
        else _("Easy running without walking breaks, three times a week.")
    )
    return [running, _("Pain 2 out of 10 or less during and after running."), _("Strength work kept up twice a week.")]


def _walk(weeks: list[Week], *, comfortably: bool = False) -> list[str]:
    minutes = max((s.duration_min for w in weeks for s in w.sessions if s.kind == "walk" and not s.optional), default=0)
    if not minutes:
        return []
    if comfortably:
        return [_f("A {minutes}-minute brisk walk comfortably.", minutes=minutes)]
    return [_f("A {minutes}-minute brisk walk with no flare-up the next day.", minutes=minutes)]


def _last_items(weeks: list[Week], slots: tuple[str, ...], catalogue: Catalogue) -> list[Item]:
    """For each slot, the last exercise of that kind in these weeks, at its last dose (none if not trained)."""
    found: list[Item] = []
    for slot in slots:
        test = SLOTS[slot]
        last = None
        for week in weeks:
            for session in week.sessions:
                for item in session.items:
                    if (
                        session.kind == "exercise"
                        and item.exercise_id in catalogue
                        and test(catalogue[item.exercise_id])
                    ):
                        last = item
        if last is not None and all(f.exercise_id != last.exercise_id for f in found):
            found.append(last)
    return found


def _check(item: Item) -> str:
    return _f("{exercise}: {dose}, with good form.", exercise=item.name, dose=dose_words(item, rest=False))
