"""The clinician's adjustments (issue 15): applied where the rules allow, refused one by one where they do not."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rehabgen.errors import ProfileError, UsageError
from rehabgen.io.profiles import load_profile
from rehabgen.model.adjustments import Adjustments, merged
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Programme
from rehabgen.model.template import DEFAULT_TEMPLATE
from rehabgen.plan.adjustments import REFUSAL_CODES
from rehabgen.plan.planner import build_programme
from rehabgen.words.doses import dose_words
from tests.conftest import EXAMPLES, make_profile
from tests.invariants import check_programme
from tests.strategies import profile_data

EXAMPLE = load_profile(EXAMPLES / "profile.yaml")


def _with(profile: Profile, **adjustments: Any) -> Profile:
    data = profile.model_dump(mode="json", exclude_none=True)
    return Profile.model_validate({**data, "adjustments": adjustments})


def _session_ids(programme: Programme, first: int = 1) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for week in programme.weeks:
        if week.week >= first:
            for item in (i for s in week.sessions if s.kind == "exercise" for i in s.items):
                if week.week not in found.setdefault(item.exercise_id, []):
                    found[item.exercise_id].append(week.week)
    return found


def _refused(programme: Programme) -> dict[tuple[str, str | None], list[str]]:
    found: dict[tuple[str, str | None], list[str]] = {}
    for entry in programme.adjustments.refused:
        found.setdefault((entry.kind, entry.exercise_id), []).append(entry.code)
    return found


@st.composite
def adjustment_data(draw: st.DrawFn, ids: list[str], weeks: int) -> dict[str, Any]:
    """Random adjustments over any exercise, in any week: most of them are not safe for a given runner."""
    exercise = st.sampled_from(ids)
    week = st.integers(1, weeks)
    drop = draw(st.lists(exercise, max_size=3, unique=True))
    pins: list[Any] = []
    for pin in draw(st.lists(exercise.filter(lambda i: i not in drop), max_size=3, unique=True)):
        if draw(st.booleans()):
            start, end = sorted((draw(week), draw(week)))
            pins.append({"id": pin, "from_week": start, "to_week": end})
        else:
            pins.append(pin)
    swap = {
        old: new
        for old, new in draw(st.lists(st.tuples(exercise, exercise), max_size=2))
        if old != new and new not in drop
    }
    dose = {
        i: {k: v for k, v in d.items() if v is not None} or {"sets": 2}
        for i, d in draw(
            st.dictionaries(
                exercise,
                st.fixed_dictionaries(
                    {
                        "sets": st.none() | st.integers(1, 10),
                        "reps": st.none() | st.integers(1, 50),
                        "hold_s": st.none() | st.integers(1, 120),
                    }
                ),
                max_size=3,
            )
        ).items()
    }
    notes = dict.fromkeys(draw(st.lists(exercise, max_size=2, unique=True)), "Keep it slow and smooth.")
    data: dict[str, Any] = {"drop": drop, "pin": pins, "swap": swap, "dose": dose, "notes": notes}
    if draw(st.booleans()):
        data["note"] = "You are doing well: keep going."
        data["next_appointment"] = "Tuesday 12 January, 10:30"
    return data


@settings(max_examples=300)
@given(data=profile_data(red_flag_chance=0.01), extra=st.data())
def test_no_adjustment_brings_in_an_excluded_movement_or_breaks_an_invariant(
    catalogue: Catalogue, data: dict[str, Any], extra: st.DataObject
) -> None:
    """Random drops, pins, swaps, doses and notes, from a random review week: every invariant still holds, the
    weeks before the review are as first planned, and every adjustment is applied or refused with a code."""
    plain_profile = Profile.model_validate(data)
    weeks = plain_profile.programme_weeks
    asked = extra.draw(adjustment_data(list(catalogue.exercises), weeks))
    from_week = extra.draw(st.none() | st.integers(1, weeks))
    profile = Profile.model_validate({**data, "adjustments": asked})
    programme = build_programme(profile, catalogue, from_week=from_week)
    check_programme(profile, programme, catalogue)
    plain = build_programme(plain_profile, catalogue)
    assert programme.status is plain.status, "an adjustment changed triage"
    report = programme.adjustments
    if not programme.status.allows_programme:
        assert not programme.weeks and not report.applied
        assert {r.code for r in report.refused} <= {"adjustment_referral"}
        return
    start = from_week or 1
    assert report.from_week == start
    assert programme.weeks[: start - 1] == plain.weeks[: start - 1], "weeks before the review changed"
    later = _session_ids(programme, start)
    assert not set(asked["drop"]) & set(later), "a dropped exercise is in the plan"
    assert {r.code for r in report.refused} <= set(REFUSAL_CODES)
    accounted = {(a.kind, a.exercise_id) for a in report.applied} | set(_refused(programme))
    for kind in ("drop", "swap", "dose", "notes"):
        for exercise_id in asked[kind]:
            assert (kind, exercise_id) in accounted, f"{kind} {exercise_id} neither applied nor refused"
    for pin in asked["pin"]:
        assert ("pin", pin if isinstance(pin, str) else pin["id"]) in accounted


# --- each kind of adjustment -------------------------------------------------------------------------------------------


def test_a_dropped_exercise_is_never_used(catalogue: Catalogue) -> None:
    plain = build_programme(EXAMPLE, catalogue)
    used = _session_ids(plain)
    dropped = sorted(used)[:3]
    programme = build_programme(_with(EXAMPLE, drop=dropped), catalogue)
    assert not set(dropped) & set(_session_ids(programme))
    assert {(a.kind, a.exercise_id) for a in programme.adjustments.applied} == {("drop", d) for d in dropped}
    check_programme(_with(EXAMPLE, drop=dropped), programme, catalogue)


def test_a_pin_is_used_in_its_weeks_and_held_back_where_a_rule_keeps_it_out(catalogue: Catalogue) -> None:
    profile = _with(EXAMPLE, pin=[{"id": "bird_dog", "from_week": 5, "to_week": 8}])
    programme = build_programme(profile, catalogue)
    assert set(_session_ids(programme)["bird_dog"]) >= {5, 6, 7}
    applied = next(a for a in programme.adjustments.applied if a.kind == "pin")
    assert applied.item == "pin bird_dog weeks 5–8" and "weeks 5–8" in applied.message


def test_a_pinned_exercise_with_an_excluded_movement_is_refused(catalogue: Catalogue) -> None:
    # Disc-related pain keeps loaded forward bending out of weeks 1-4: a sit-up is refused there.
    excluded = next(e for e in build_programme(EXAMPLE, catalogue).exclusions if e.tag.value == "loaded_flexion")
    candidate = next(ex.id for ex in catalogue if excluded.tag in ex.tags and not ex.equipment and ex.level <= 2)
    profile = _with(EXAMPLE, pin=[{"id": candidate, "from_week": 1, "to_week": excluded.to_week}])
    programme = build_programme(profile, catalogue)
    assert candidate not in _session_ids(programme)
    assert _refused(programme)[("pin", candidate)] == ["adjustment_excluded"]
    check_programme(profile, programme, catalogue)


def test_an_exercise_that_needs_missing_kit_is_refused(catalogue: Catalogue) -> None:
    needs_kit = next(
        ex.id
        for ex in catalogue
        if ex.equipment and "resistance_band" not in ex.equipment and ex.category.value == "strength"
    )
    profile = _with(EXAMPLE, pin=[needs_kit], swap={"pelvic_tilt": needs_kit})
    programme = build_programme(profile, catalogue)
    assert needs_kit not in _session_ids(programme)
    refused = _refused(programme)
    assert refused[("pin", needs_kit)] == ["adjustment_needs_equipment"]
    assert refused[("swap", "pelvic_tilt")] == ["adjustment_needs_equipment"]


def test_unknown_and_timed_exercises_are_refused(catalogue: Catalogue) -> None:
    profile = _with(EXAMPLE, pin=["no_such_move", "brisk_walk"], dose={"brisk_walk": {"sets": 2}})
    refused = _refused(build_programme(profile, catalogue))
    assert refused[("pin", "no_such_move")] == ["adjustment_unknown_exercise"]
    assert refused[("pin", "brisk_walk")] == ["adjustment_not_for_sessions"]
    assert refused[("dose", "brisk_walk")] == ["adjustment_fixed_dose"]


def test_a_swap_puts_the_new_exercise_in_the_old_one_s_place(catalogue: Catalogue) -> None:
    plain = _session_ids(build_programme(EXAMPLE, catalogue))
    profile = _with(EXAMPLE, swap={"lunge": "split_squat"}, from_week=5)
    programme = build_programme(profile, catalogue)
    used = _session_ids(programme, 5)
    assert "lunge" in plain and "lunge" not in used and "split_squat" not in plain
    assert "split_squat" in used
    assert [a.kind for a in programme.adjustments.applied] == ["swap"]
    check_programme(profile, programme, catalogue)


def test_a_stretch_dose_is_kept_within_g11_and_reported(catalogue: Catalogue) -> None:
    profile = _with(EXAMPLE, dose={"hamstring_stretch": {"hold_s": 90, "reps": 6}})
    programme = build_programme(profile, catalogue)
    check_programme(profile, programme, catalogue)
    items = [i for w in programme.weeks for s in w.sessions for i in s.items if i.exercise_id == "hamstring_stretch"]
    assert items and all(i.hold_s is not None and 10 <= i.hold_s <= 30 for i in items)
    assert "adjustment_dose_lowered" in _refused(programme)[("dose", "hamstring_stretch")]


def test_a_dose_for_an_exercise_in_the_plan_moves_one_variable_a_week(catalogue: Catalogue) -> None:
    profile = _with(EXAMPLE, dose={"clam": {"sets": 3, "reps": 8}}, from_week=2)
    programme = build_programme(profile, catalogue)
    check_programme(profile, programme, catalogue)
    clams = {w.week: i for w in programme.weeks for s in w.sessions for i in s.items if i.exercise_id == "clam"}
    assert (clams[1].sets, clams[1].reps) == (2, 10)  # week 1 as first planned
    assert (clams[2].sets, clams[2].reps) == (2, 10)  # the weekly limit on sets holds the third set back
    assert (clams[3].sets, clams[3].reps) == (3, 10)  # one variable: the sets first
    assert clams[4].reps is not None and clams[4].reps < 10  # a lighter week (the clam then steps up its ladder)
    assert _refused(programme)[("dose", "clam")] == ["adjustment_held_back"]


def test_a_dose_for_an_exercise_new_to_the_plan_is_its_starting_dose(catalogue: Catalogue) -> None:
    profile = _with(EXAMPLE, dose={"dead_bug": {"reps": 6}})
    programme = build_programme(profile, catalogue)
    check_programme(profile, programme, catalogue)
    first = next(i for w in programme.weeks for s in w.sessions for i in s.items if i.exercise_id == "dead_bug")
    assert first.reps == 6
    entry = next(a for a in programme.adjustments.applied if a.kind == "dose")
    week = min(w.week for w in programme.weeks for s in w.sessions for i in s.items if i.exercise_id == "dead_bug")
    assert entry.message == f"Dead bug: {dose_words(first, rest=False)} from week {week}."


def test_notes_note_and_next_appointment_reach_the_programme(catalogue: Catalogue) -> None:
    profile = _with(
        EXAMPLE, notes={"pelvic_tilt": "Breathe out as you tilt."}, note="Keep it up.", next_appointment="12 Jan"
    )
    programme = build_programme(profile, catalogue)
    notes = {n.exercise_id: n.clinician_note for n in programme.exercises}
    assert notes["pelvic_tilt"] == "Breathe out as you tilt."
    assert programme.meta.note == "Keep it up." and programme.meta.next_appointment == "12 Jan"
    assert {a.kind for a in programme.adjustments.applied} == {"notes", "note", "next_appointment"}


def test_nothing_overrides_triage(catalogue: Catalogue) -> None:
    profile = make_profile(
        red_flags={"saddle_anaesthesia": True}, adjustments={"pin": ["bird_dog"], "note": "See you Tuesday."}
    )
    programme = build_programme(profile, catalogue)
    assert programme.status.is_referral and not programme.weeks and programme.meta.note is None
    assert {r.code for r in programme.adjustments.refused} == {"adjustment_referral"}
    assert not programme.adjustments.applied


def test_a_plan_without_adjustments_is_unchanged(catalogue: Catalogue) -> None:
    programme = build_programme(EXAMPLE, catalogue)
    assert programme.adjustments.applied == [] and programme.adjustments.refused == []
    empty = build_programme(_with(EXAMPLE), catalogue)  # an empty adjustments: section changes no week
    assert empty.weeks == programme.weeks and empty.exercises == programme.exercises
    assert empty.adjustments == programme.adjustments
    noted = build_programme(_with(EXAMPLE, note="Keep going.", next_appointment="Friday"), catalogue)
    assert noted.weeks == programme.weeks and noted.meta.note == "Keep going."


# --- reissue at review ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("week", [2, 4, 5, 8])
def test_a_reissue_keeps_the_weeks_before_the_review(catalogue: Catalogue, week: int) -> None:
    profile = _with(EXAMPLE, drop=["side_plank_knees", "bird_dog"], pin=["dead_bug"])
    programme = build_programme(profile, catalogue, from_week=week)
    plain = build_programme(EXAMPLE, catalogue)
    assert programme.weeks[: week - 1] == plain.weeks[: week - 1]
    assert programme.meta.from_week == week and programme.adjustments.from_week == week
    assert [w.week for w in programme.weeks] == [w.week for w in plain.weeks]
    assert [s.date for w in programme.weeks for s in w.sessions if s.kind == "exercise"] == [
        s.date for w in plain.weeks for s in w.sessions if s.kind == "exercise"
    ]
    check_programme(profile, programme, catalogue)


def test_a_review_week_after_the_end_is_an_error(catalogue: Catalogue) -> None:
    with pytest.raises(UsageError):
        build_programme(EXAMPLE, catalogue, from_week=9)
    with pytest.raises(ProfileError):
        build_programme(_with(EXAMPLE, from_week=9), catalogue)


def test_the_option_wins_over_the_profile_s_review_week(catalogue: Catalogue) -> None:
    programme = build_programme(_with(EXAMPLE, from_week=3, drop=["pelvic_tilt"]), catalogue, from_week=5)
    assert programme.meta.from_week == 5


# --- templates -----------------------------------------------------------------------------------------------------------


def test_a_profile_s_adjustments_win_over_a_template_s(catalogue: Catalogue) -> None:
    template_adjustments = Adjustments(drop=["dead_bug"], pin=["bird_dog"], note="From the template.")
    own = Adjustments(pin=["dead_bug"], drop=["bird_dog"])
    both = merged(template_adjustments, own)
    assert both.drop == ["bird_dog"] and list(both.pin) == ["dead_bug"] and both.note == "From the template."
    template = DEFAULT_TEMPLATE.model_copy(update={"adjustments": template_adjustments})
    profile = _with(EXAMPLE, pin=["dead_bug"], drop=["bird_dog"])
    programme = build_programme(profile, catalogue, template)
    used = _session_ids(programme)
    assert "bird_dog" not in used and "dead_bug" in used
    assert programme.meta.note == "From the template."


def test_a_template_may_not_set_a_review_week() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="from_week"):
        DEFAULT_TEMPLATE.model_validate({**DEFAULT_TEMPLATE.model_dump(), "adjustments": {"from_week": 3}})


def test_an_exercise_cannot_be_pinned_and_dropped() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="both pinned and dropped"):
        Adjustments.model_validate({"pin": ["bird_dog"], "drop": ["bird_dog"]})
    with pytest.raises(ValidationError, match="to_week"):
        Adjustments.model_validate({"pin": [{"id": "bird_dog", "from_week": 5, "to_week": 2}]})
