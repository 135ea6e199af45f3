"""The global invariants of clinical rules §8.2 (G1-G14) and the safety rules, as one checker every test can call.

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
from rehabgen.model.programme import Item, Programme, Week
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
    """Dose variables (clinical rules §4.2: sets, reps, hold, duration, load) that differ between two weeks."""
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
    # T1 is about change: symptoms in both legs are an emergency when new or worsening, and a runner who already
    # has leg symptoms is told which change matters (issue 12, item 1).
    assert "new or worsening pain, numbness or weakness in both legs" in safety_text, "T1 wording"
    if profile.has_leg_symptoms:
        assert any("already have symptoms in" in p for p in safety.points), "baseline leg symptoms not addressed"

    if not programme.status.allows_programme:
        check_patient_words(programme, catalogue)
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

    # G6: one dose variable per exercise per week; the sets a runner must do (optional items aside) rise at most
    # 20% a week, through phase changes, and after a lighter week against the last full week. No exemptions.
    previous: dict[str, Item] = {}
    full_total: int | None = None
    last_total: int | None = None
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
        total = _required_sets(week)
        if week.deload and last_total is not None:
            assert total <= last_total, f"G8 lighter week {week.week} has more sets ({last_total} → {total})"
        elif full_total is not None:
            assert total <= full_total * 1.2 + 1e-9, f"G6 weekly sets {full_total} → {total} in week {week.week}"
        if not week.deload:
            full_total = total
        last_total = total
        previous = previous | current
    _check_lighter_weeks(weeks)
    _check_steady(programme, catalogue)

    # G8: a reduced-volume week in every 4 weeks of programmes of 8+ weeks.
    if len(weeks) >= 8:
        for start in range(0, len(weeks) - 3):
            assert any(w.deload for w in weeks[start : start + 4]), (
                f"G8 no lighter week in weeks {start + 1}-{start + 4}"
            )

    _check_running(profile, programme)
    check_patient_words(programme, catalogue)
    _check_cards(programme)


def _required_sets(week: Week) -> int:
    return sum(i.sets for s in week.sessions if s.kind == "exercise" for i in s.items if not i.optional)


def _check_lighter_weeks(weeks: list[Week]) -> None:
    """A lighter week brings in no exercise the plan has not had before, and its walks and cross-training are
    not longer than the week before's (G8)."""
    seen: set[str] = set()
    for index, week in enumerate(weeks):
        ids = {i.exercise_id for s in week.sessions if s.kind == "exercise" for i in s.items}
        if week.deload:
            assert not ids - seen, f"lighter week {week.week} brings in {sorted(ids - seen)}"
            before = weeks[index - 1] if index else None
            for kind in ("walk", "cross_training"):
                was = max((s.duration_min for s in before.sessions if s.kind == kind), default=0) if before else 0
                now = max((s.duration_min for s in week.sessions if s.kind == kind), default=0)
                assert now <= was or was == 0, f"lighter week {week.week}: {kind} {was} → {now} min"
        seen |= ids


def _check_steady(programme: Programme, catalogue: Catalogue) -> None:
    """An exercise stays at least two weeks; sessions hold at most 8 exercises; A and B are done equally
    often (issue 13, item 3)."""
    weeks = programme.weeks
    size = programme.meta.session_size or 8
    seen: dict[str, list[int]] = {}
    done = {"A": 0, "B": 0}
    for week in weeks:
        for s in week.sessions:
            if s.kind != "exercise":
                continue
            required = [i for i in s.items if not i.optional]
            assert len(required) <= size, f"week {week.week}: {len(required)} exercises in one session"
            done[s.variant or "A"] += 1
            for item in s.items:
                seen.setdefault(item.exercise_id, []).append(week.week)
    if done["B"] and (programme.meta.sessions_per_week or 0) > 1:
        assert abs(done["A"] - done["B"]) <= 1, f"sessions A and B done {done['A']} and {done['B']} times"
    if len(weeks) < 2:
        return
    # The clinician may take an exercise out at a review the week after it came in: their drop wins.
    dropped = {a.exercise_id for a in programme.adjustments.applied if a.kind == "drop"}
    ladders = _ladder_runs({i: w for i, w in seen.items() if i not in dropped}, catalogue)
    for family, present in ladders.items():
        runs = _runs(sorted(set(present)))
        for run in runs:
            assert run[-1] - run[0] >= 1, f"{family} is in the plan for one week only (week {run[0]})"


def _ladder_runs(seen: dict[str, list[int]], catalogue: Catalogue) -> dict[str, list[int]]:
    """Weeks per exercise family (exercises on one ladder count as one)."""
    families: dict[str, list[int]] = {}
    for exercise_id, present in seen.items():
        members = catalogue.ladder_members.get(exercise_id, frozenset({exercise_id}))
        families.setdefault(min(members), []).extend(present)
    return families


def _runs(weeks: list[int]) -> list[list[int]]:
    """Consecutive stretches of weeks; a gap of one week (a session not done that week) does not break one."""
    runs: list[list[int]] = []
    for week in weeks:
        if runs and week - runs[-1][-1] <= 2:
            runs[-1].append(week)
        else:
            runs.append([week])
    return runs


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
    levels = [s.run.level for _, s in runs if s.run is not None and s.run.level is not None]
    held = 1
    for before, after in pairwise(levels):
        if after is not None and before is not None and after > before:
            assert held >= 2, f"G7 walk-run level {before} held for {held} session before stepping up"
        held = held + 1 if after == before else 1
    walk_run_weeks = sorted({w for w, s in runs if s.run is not None and s.run.type == "walk_run"})
    if walk_run_weeks:
        first = walk_run_weeks[0]
        days = sorted(s.day for w, s in runs if w == first)
        assert all(b - a >= 2 for a, b in pairwise(days)), "G7 walk-run days not apart"
    # G7: once the caps decide the running (continuous runs past the ladder), weekly km rises at most 10% on
    # the last full week, a lighter week runs less than the full week before it, and no run is longer than
    # 110% of the longest run in the previous 4 weeks.
    km = {w.week: w.running_km for w in programme.weeks}
    lighter = {w.week for w in programme.weeks if w.deload}
    longest: dict[int, float] = {}
    for week, s in runs:
        assert s.run is not None
        longest[week] = max(longest.get(week, 0.0), s.run.km)
    capped = sorted(
        w.week
        for w in programme.weeks
        if any(s.kind == "run" for s in w.sessions)
        and all(s.run is not None and s.run.level is None for s in w.sessions if s.kind == "run")
    )
    full: float | None = None
    for week in capped:
        if full is not None:
            limit = full if week in lighter else full * 1.10
            assert km[week] <= limit + 0.15, f"G7 weekly km {full} → {km[week]} in week {week}"
        if week not in lighter:
            full = km[week]
    for week in longest:
        prior = [longest[w] for w in range(week - 4, week) if w in longest]
        if week <= 4 and profile.longest_run_last_4wk_km:
            prior.append(profile.longest_run_last_4wk_km)
        if prior and week in capped:
            assert longest[week] <= max(prior) * 1.10 + 0.05, f"G7 single run {longest[week]} > 110% of {max(prior)}"
    # G8: a lighter week runs less than the full week before it.
    for week in lighter:
        if week - 1 in km and km[week - 1] > 0 and week - 1 not in lighter:
            assert km[week] <= km[week - 1] + 1e-9, f"G8 lighter week {week} runs more ({km[week - 1]} → {km[week]})"
    _check_readiness(programme)


def _check_readiness(programme: Programme) -> None:
    """The readiness screen asks only for what the weeks before the first run trained (issue 13, item 4)."""
    first_run = min((w.week for w in programme.weeks if any(s.kind == "run" for s in w.sessions)), default=None)
    screen = next((g for g in programme.gates if g.id == "running_readiness"), None)
    if first_run is None or first_run == 1:
        assert screen is None, "a readiness screen without a first run to screen for"
        return
    assert screen is not None, "no readiness screen before the first run"
    before = [i for w in programme.weeks[: first_run - 1] for s in w.sessions for i in s.items]
    names = {i.name for i in before}
    for check in screen.checklist:
        name = check.split(":")[0]
        if "brisk walk" not in check:
            assert name in names, (
                f"the readiness screen asks for {name!r}, which the plan did not train before week {first_run}"
            )
    hops = any("hop" in c.lower() or "jump" in c.lower() for c in screen.checklist)
    assert not hops or any("plyometric" in i.tags for i in before), "hops screened but never trained"


INTERNAL_IDS = re.compile(r"RULES|§|\bG\d{1,2}\b|\b[a-z]+(?:\\?_[a-z]+)+\b|\b[A-Z]+_[A-Z_]+\b")
"""Rule references (clinical rules §2.3, G6) and codes (axial_load, disc\\_loaded\\_lifts, PROGRAMME_WITH_…)."""


def check_patient_words(programme: Programme, catalogue: Catalogue) -> None:
    """Patient pages carry plain words only: no rule ids and no codes (issue 12, item 8)."""
    from rehabgen.render.markdown import render_markdown

    text = render_markdown(programme, catalogue)
    found = INTERNAL_IDS.search(text)
    assert found is None, (
        f"internal id on a patient page: {found.group(0)!r} in …{text[max(0, found.start() - 60) : found.end() + 20]}…"
    )
