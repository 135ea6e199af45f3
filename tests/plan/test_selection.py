"""Scoring and picking exercises (plan.selection, plan.slots)."""

from __future__ import annotations

from collections.abc import Iterable
from unittest.mock import patch

import pytest
from hypothesis import given, settings

from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import Exercise
from rehabgen.model.profile import Profile
from rehabgen.model.template import DEFAULT_TEMPLATE, Template
from rehabgen.model.vocab import Cause, Phase, Tag
from rehabgen.plan.planner import build_programme
from rehabgen.plan.selection import Selector
from rehabgen.plan.slots import LEVEL_CAP, SESSIONS, SLOTS
from tests.conftest import make_profile
from tests.strategies import profiles


def _selector(
    catalogue: Catalogue, template: Template = DEFAULT_TEMPLATE, weeks: int = 4, **changes: object
) -> Selector:
    excluded = [frozenset[Tag]() for _ in range(weeks + 1)]
    return Selector(make_profile(**changes), template, catalogue, excluded)


def test_every_slot_a_session_uses_has_exercises(catalogue: Catalogue) -> None:
    used = {slot for sessions in SESSIONS.values() for session in sessions for slot in session}
    for slot in used:
        assert any(SLOTS[slot](ex) for ex in catalogue), slot


def test_equipment_bans_and_exclusions_are_reasons(catalogue: Catalogue) -> None:
    selector = _selector(catalogue)
    assert selector.allowed(catalogue["bird_dog"], range(1, 5)) is None
    needs_kit = next(ex for ex in catalogue if ex.equipment)
    assert "needs" in (selector.allowed(needs_kit, range(1, 5)) or "")
    banned = _selector(catalogue, DEFAULT_TEMPLATE.model_copy(update={"ban": ["bird_dog"]}))
    assert banned.allowed(catalogue["bird_dog"], range(1, 5)) == "banned by the template"
    excluded = [frozenset(), frozenset({Tag.NEUTRAL_STABILISATION})]
    strict = Selector(make_profile(), DEFAULT_TEMPLATE, catalogue, excluded)
    assert "excluded in week 1" in (strict.allowed(catalogue["bird_dog"], range(1, 2)) or "")


def test_a_cause_match_raises_the_score(catalogue: Catalogue) -> None:
    plain = _selector(catalogue)
    weak_glutes = _selector(catalogue, causes=["weak_glutes"])
    clam = catalogue["clam"]
    assert weak_glutes.score(clam, Phase.RESTORE, frozenset()) > plain.score(clam, Phase.RESTORE, frozenset())


def test_picks_respect_the_phase_level_cap_and_never_repeat_a_ladder(catalogue: Catalogue) -> None:
    selector = _selector(catalogue, causes=["weak_core"])
    for phase, (first, _) in SESSIONS.items():
        taken: set[str] = set()
        for slot in first:
            ex = selector.pick(slot, phase, range(1, 2), taken)
            if ex is None:
                continue
            assert ex.level <= LEVEL_CAP[phase] and SLOTS[slot](ex)
            assert not (catalogue.ladder_members[ex.id] & taken)
            taken.add(ex.id)


def test_a_step_up_takes_the_next_rung_when_it_is_allowed(catalogue: Catalogue) -> None:
    selector = _selector(catalogue)
    plank = catalogue["plank_on_knees"]
    harder = selector.step_up(plank, "core_front", Phase.STRENGTHEN, range(1, 2), set())
    assert harder is not None and harder.id == plank.harder


@pytest.mark.parametrize("cause", list(Cause))
def test_a_caution_item_never_outranks_one_without(catalogue: Catalogue, cause: Cause) -> None:
    """clinical rules §2.9 "C": a cause match (+4) must not lift a caution item above an item without a caution tag."""
    selector = _selector(catalogue, causes=[cause.value], clinician_diagnosed=True)
    for phase in Phase:
        for members in (selector.candidates(slot, phase, range(1, 2), set()) for slot in SLOTS):
            cautious = [ex for ex in members if selector.is_caution(ex)]
            plain = [ex for ex in members if not selector.is_caution(ex)]
            for a in cautious:
                for b in plain:
                    assert selector.rank(a, phase) < selector.rank(b, phase), (cause, a.id, b.id)


@settings(max_examples=300)
@given(profile=profiles())
def test_the_planner_never_prefers_a_caution_item(catalogue: Catalogue, profile: Profile) -> None:
    """In every slot and cross-training choice the planner makes, a caution item is picked only when no
    allowed exercise without a caution tag could take its place."""
    real_pick, real_best_of = Selector.pick, Selector.best_of

    def pick(
        self: Selector, slot: str, phase: Phase, weeks: range, taken: set[str], avoid: frozenset[str] = frozenset()
    ) -> Exercise | None:
        chosen = real_pick(self, slot, phase, weeks, taken, avoid)
        if chosen is not None and self.is_caution(chosen):
            plain = [ex.id for ex in self.candidates(slot, phase, weeks, taken) if not self.is_caution(ex)]
            assert not plain, f"{chosen.id} (caution) preferred to {plain} in slot {slot}"
        return chosen

    def best_of(self: Selector, candidates: Iterable[Exercise], phase: Phase, weeks: range) -> Exercise | None:
        candidates = list(candidates)
        chosen = real_best_of(self, candidates, phase, weeks)
        if chosen is not None and self.is_caution(chosen):
            plain = [
                ex.id
                for ex in candidates
                if not self.is_caution(ex) and ex.level <= LEVEL_CAP[phase] and self.allowed(ex, weeks) is None
            ]
            assert not plain, f"{chosen.id} (caution) preferred to {plain}"
        return chosen

    with patch.object(Selector, "pick", pick), patch.object(Selector, "best_of", best_of):
        build_programme(profile, catalogue)
