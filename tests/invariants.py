"""The global invariants of RULES §8.2 (G1-G14) and the safety rules, as one checker every test can call.

``check_programme`` raises AssertionError naming the rule id that failed. It is run over generated profiles
(hypothesis), over the example profiles, for every template and for batch output, so one definition of
"safe" is shared by all of them.
"""

from __future__ import annotations

import re
from itertools import pairwise

from rehabgen.clinical.triage import triage
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Item, Programme
from rehabgen.model.vocab import BONE_STRESS_CAUSES, IMPACT_TAGS, Category, Status, Tag
from rehabgen.plan.dosage import OLDER_ADULT_AGE
from rehabgen.plan.phases import POSTPARTUM_RUN_WEEKS
from tests.wording import CONTRADICTS

FORBIDDEN_AIDS = re.compile(
    r"\b(orthotic|insole|heel lift|heel raise|heel wedge|lumbar belt|back belt|corset|brace belt)", re.I
)
SEVERITY = list(Status)


def _items(programme: Programme) -> list[tuple[int, Item]]:
    return [(w.week, i) for w in programme.weeks for s in w.sessions for i in s.items]


def _variables(a: Item, b: Item) -> set[str]:
    """Dose variables (RULES §4.2: sets, reps, hold, duration, load) that differ between two weeks."""
    sets_a = len(a.pyramid) if a.pyramid else a.sets
    sets_b = len(b.pyramid) if b.pyramid else b.sets
    changed = set()
    if sets_a != sets_b:
        changed.add("sets")
    n = min(sets_a, sets_b)
    reps_a = a.pyramid[:n] if a.pyramid else a.reps
    reps_b = b.pyramid[:n] if b.pyramid else b.reps
    if reps_a != reps_b:
        changed.add("reps")
    for name in ("hold_s", "duration_min", "load"):
        if getattr(a, name) != getattr(b, name):
            changed.add(name)
    return changed


def check_programme(profile: Profile, programme: Programme, catalogue: Catalogue) -> None:
    """Assert every invariant that applies to this profile's output."""
    decision = triage(profile)
    # Triage is final: the planner reports exactly the triage status, and never softens it.
    assert programme.status is decision.status, "triage status changed by the planner"
    advice_ids = {a.id for a in programme.advice}
    assert "safety_net" in advice_ids, "G1 safety net missing"
    assert "disclaimer" in advice_ids, "G14 disclaimer missing"
    safety = next(a for a in programme.advice if a.id == "safety_net")
    safety_text = " ".join([safety.text, *(f"{t.action} {t.text}" for t in safety.tiers), *safety.points]).lower()
    for words in ("genitals", "both legs", "weakness", "temperature", "weight loss", "night"):
        assert words in safety_text, f"G1 safety net does not name {words!r}"

    if not programme.status.allows_programme:
        assert programme.weeks == [], "a referral must carry no weeks"
        assert not _items(programme), "a referral must carry no exercises"
        assert programme.referral is not None, "a referral must say what to do now"
        assert programme.status in (
            Status.EMERGENCY_REFERRAL,
            Status.URGENT_REFERRAL,
            Status.CLINICIAN_REQUIRED,
        )
        return

    weeks = programme.weeks
    assert [w.week for w in weeks] == list(range(1, len(weeks) + 1))
    assert len(weeks) == (programme.meta.programme_weeks or len(weeks))
    # G2-G5
    assert {"stay_active", "pain_monitoring", "outcome_tracking"} <= advice_ids, "G2/G3/G5 advice missing"
    all_text = " ".join(" ".join([a.title, a.text, *a.points]) for a in programme.advice).lower()
    assert "bed" in all_text and "day or two" in all_text, "G2 no bed rest beyond 1-2 days"
    pain = next(a for a in programme.advice if a.id == "pain_monitoring")
    pain_text = " ".join([*(t.text for t in pain.tiers), *pain.points])
    assert "0 to 3" in pain_text and "4 or 5" in pain_text and "above 5" in pain_text, "G3 traffic light"
    if profile.has(*BONE_STRESS_CAUSES):
        assert "0 out of 10" in pain_text, "G3 bone-stress impact must be 0/10"
    if profile.has_leg_symptoms:
        assert "peripheralisation" in advice_ids, "G4 peripheralisation stop rule missing"
    outcome = " ".join(next(a for a in programme.advice if a.id == "outcome_tracking").points).lower()
    assert "every week" in outcome and "run" in outcome and "roland-morris" in outcome, "G5 outcome tracking"
    # G12: no shoe inserts, orthotics, heel lifts, belts or corsets prescribed anywhere.
    texts = [
        all_text,
        *(i.note or "" for _, i in _items(programme)),
        *(w.message for w in programme.warnings),
    ]
    for text in texts:
        assert not FORBIDDEN_AIDS.search(text), f"G12 forbidden aid in: {text[:80]}"
    # G13
    if profile.symptom_duration_weeks >= 6 or profile.red_flags.worsening_or_not_improving:
        assert SEVERITY.index(programme.status) <= SEVERITY.index(Status.PROGRAMME_WITH_REFERRAL_ADVICE), "G13"
    if programme.status is Status.PROGRAMME_WITH_REFERRAL_ADVICE:
        assert programme.referral is not None, "T3 banner needs its referral advice"

    kit = set(profile.equipment)
    windows = programme.exclusions
    for week_number, item in _items(programme):
        ex = catalogue[item.exercise_id]
        # G10: equipment
        assert set(ex.equipment) <= kit, f"G10 {ex.id} needs {ex.equipment}"
        assert set(item.tags) == set(ex.tags)
        # No excluded tag inside its window.
        for exclusion in windows:
            if exclusion.from_week <= week_number <= exclusion.to_week:
                assert exclusion.tag not in ex.tags, f"{ex.id} has excluded {exclusion.tag} in week {week_number}"
        # G11: every static stretch hold, whatever its category (a stretch-category exercise is one).
        assert ex.category is not Category.STRETCH or Tag.STRETCH in item.tags, f"G11 {ex.id} untagged stretch"
        if Tag.STRETCH in item.tags:
            assert item.hold_s is not None and item.reps is not None, f"G11 {ex.id} has no hold"
            low, high = (30, 60) if profile.age >= OLDER_ADULT_AGE else (10, 30)
            assert low <= item.hold_s <= high, f"G11 {ex.id} hold {item.hold_s} s at age {profile.age}"
            assert 2 <= item.reps <= 4 and item.sets == 1, f"G11 {ex.id}: 2-4 repetitions in 1 set"
            assert 40 <= item.reps * item.hold_s <= 90, f"G11 {ex.id}: about 60 s in total"
            assert not item.pyramid, f"G11 {ex.id}: no pyramid"

    # G9: structured sessions per week, spacing.
    for week in weeks:
        exercise_days = sorted(s.day for s in week.sessions if s.kind == "exercise")
        assert len(exercise_days) == programme.meta.sessions_per_week, f"G9 week {week.week}"
        assert len(set(exercise_days)) == len(exercise_days)
        if len(exercise_days) <= 3:
            assert all(b - a >= 2 for a, b in pairwise(exercise_days)), "G9 spacing"
        for s in week.sessions:
            assert s.kind != "exercise" or s.items, "empty exercise session"
            if s.date is not None and profile.start_date is not None:
                assert (s.date - profile.start_date).days == (week.week - 1) * 7 + s.day - 1

    # G6: one dose variable per exercise per week; weekly sets rise at most 20 %.
    previous: dict[str, Item] = {}
    previous_total = 0
    for week in weeks:
        current: dict[str, Item] = {}
        for s in week.sessions:
            if s.kind != "exercise":
                continue
            for item in s.items:
                other = current.setdefault(item.exercise_id, item)
                assert _variables(other, item) == set(), "same exercise, two doses in one week"
        for exercise_id, item in current.items():
            if exercise_id in previous:
                changed = _variables(previous[exercise_id], item)
                assert len(changed) <= 1, f"G6 {exercise_id} week {week.week} changed {changed}"
        total = sum(i.sets for s in week.sessions if s.kind == "exercise" for i in s.items)
        if previous_total:
            assert total <= previous_total * 1.2 + 1e-9, f"G6 weekly sets {previous_total} → {total}"
        previous, previous_total = current, total

    # G8: a reduced-volume week in every 4 weeks of programmes of 8+ weeks.
    if len(weeks) >= 8:
        for start in range(0, len(weeks) - 3):
            assert any(w.deload for w in weeks[start : start + 4]), (
                f"G8 no lighter week in weeks {start + 1}-{start + 4}"
            )

    _check_running(profile, programme)
    _check_cards(programme)


def _check_cards(programme: Programme) -> None:
    """Issue 12 item 4: no card tells the runner to leave out, or only partly do, what the plan prescribes."""
    for notes in programme.exercises:
        for text in [*notes.cautions, *notes.why]:
            assert not CONTRADICTS.search(text), f"card for {notes.exercise_id} contradicts the plan: {text}"


def _check_running(profile: Profile, programme: Programme) -> None:
    runs = [(w.week, s) for w in programme.weeks for s in w.sessions if s.kind == "run"]
    impact_items = [(wk, i) for wk, i in _items(programme) if set(i.tags) & IMPACT_TAGS]
    if profile.pelvic_floor_symptoms:
        assert not runs and not impact_items, "no running or impact with pelvic-floor symptoms"
    if profile.has(*BONE_STRESS_CAUSES) and not profile.cleared_for_impact:
        assert not runs and not impact_items, "no impact before clinician clearance after bone stress"
    if profile.postpartum_weeks is not None:
        for week, _ in [*((w, None) for w, _ in runs), *((w, None) for w, _ in impact_items)]:
            assert profile.postpartum_weeks + week - 1 >= POSTPARTUM_RUN_WEEKS - 1e-9, (
                "postpartum: no running before 12 weeks"
            )
    if not runs:
        return
    # G7: walk-run levels held for 2+ sessions; run days apart in the first walk-run block.
    levels = [s.run.level for _, s in runs if s.run is not None and s.run.type == "walk_run"]
    for level in set(levels):
        assert levels.count(level) >= 2 or level == levels[-1], f"G7 walk-run level {level} held < 2 sessions"
    walk_run_weeks = sorted({w for w, s in runs if s.run is not None and s.run.type == "walk_run"})
    if walk_run_weeks:
        first = walk_run_weeks[0]
        days = sorted(s.day for w, s in runs if w == first)
        assert all(b - a >= 2 for a, b in pairwise(days)), "G7 walk-run days not apart"
    # G7: once continuous, weekly km +10 % at most, single run ≤ 110 % of the longest in the prior 4 weeks.
    km = {w.week: w.running_km for w in programme.weeks}
    longest: dict[int, float] = {}
    for week, s in runs:
        assert s.run is not None
        longest[week] = max(longest.get(week, 0.0), s.run.km)
    continuous_weeks = sorted(
        w.week
        for w in programme.weeks
        if any(s.kind == "run" for s in w.sessions)
        and all(s.run is not None and s.run.type == "continuous" for s in w.sessions if s.kind == "run")
    )
    for week in continuous_weeks:
        if week - 1 in continuous_weeks and km[week - 1] > 0:
            assert km[week] <= km[week - 1] * 1.10 + 0.15, f"G7 weekly km {km[week - 1]} → {km[week]}"
        prior = [longest[w] for w in range(week - 4, week) if w in longest]
        if week <= 4 and profile.longest_run_last_4wk_km:
            prior.append(profile.longest_run_last_4wk_km)
        if prior:
            assert longest[week] <= max(prior) * 1.10 + 0.05, f"G7 single run {longest[week]} > 110% of {max(prior)}"
