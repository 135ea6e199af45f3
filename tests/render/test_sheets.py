"""Session sheets (issue 14): every planned exercise on a sheet with its dose in words, and a short handout."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from pypdf import PdfReader

from rehabgen.io.profiles import load_profile
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.profile import Profile
from rehabgen.plan.planner import build_programme
from rehabgen.render.handout import Handout, HandoutOptions
from rehabgen.render.pdf.cards import fitted_card, usages
from rehabgen.render.pdf.document import render_pdf
from rehabgen.render.pdf.pictures import PictureStore
from rehabgen.render.pdf.styles import make_theme
from rehabgen.render.pdf.tables import session_label
from rehabgen.render.sheets import blocks
from rehabgen.render.text import notes_by_id
from rehabgen.words.doses import dose_words
from tests.conftest import make_profile
from tests.strategies import profiles

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "profile.yaml"


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages]


def _render(profile: Profile, catalogue: Catalogue, **options: object) -> bytes:
    programme = build_programme(profile, catalogue)
    return render_pdf(Handout(programme, catalogue, options=HandoutOptions(**options)))  # type: ignore[arg-type]


EIGHT_WEEK_PLANS = {
    "example": lambda: load_profile(EXAMPLE),
    "disc, 30 km, irritable": lambda: make_profile(
        causes=["intervertebral_disc"], weekly_running_km=30, pain_nprs=6, symptom_duration_weeks=2, programme_weeks=8
    ),
    "stenosis with a bike": lambda: make_profile(
        causes=["spinal_stenosis"],
        age=62,
        weekly_running_km=15,
        pain_nprs=4,
        symptom_duration_weeks=20,
        equipment=["stationary_bike"],
        programme_weeks=8,
    ),
    "long-standing disc pain, pain 2, running on": lambda: make_profile(
        causes=["intervertebral_disc"],
        weekly_running_km=40,
        longest_run_last_4wk_km=13,
        pain_nprs=2,
        symptom_duration_weeks=20,
        clinician_diagnosed=True,
        programme_weeks=8,
    ),
    "SI joint and glutes, three sessions": lambda: make_profile(
        causes=["sacroiliac_joint_dysfunction", "weak_glutes"],
        weekly_running_km=40,
        pain_nprs=4,
        symptom_duration_weeks=8,
        sessions_per_week=3,
        programme_weeks=8,
    ),
}


@pytest.mark.parametrize("case", list(EIGHT_WEEK_PLANS))
def test_the_sheets_layout_prints_an_eight_week_plan_on_eight_a4_pages(catalogue: Catalogue, case: str) -> None:
    pages = _pages(_render(EIGHT_WEEK_PLANS[case](), catalogue))
    assert len(pages) <= 8, f"{case}: {len(pages)} pages"
    text = " ".join(pages)
    assert "When to stop and get help" in text and "not a diagnosis and not medical advice" in text
    assert "For your physiotherapist or doctor" in text


@settings(max_examples=60)
@given(profile=profiles())
def test_every_planned_exercise_is_on_its_block_s_sheet_with_its_dose_in_words(
    catalogue: Catalogue, profile: Profile
) -> None:
    programme = build_programme(profile, catalogue)
    sheets = [(sheet, block) for block in blocks(programme) for sheet in block.sheets]
    marks = sorted((m.week, m.day) for sheet, _ in sheets for m in sheet.marks)
    planned = sorted((w.week, s.day) for w in programme.weeks for s in w.sessions if s.kind == "exercise")
    assert marks == planned, "every exercise session has exactly one box to tick"
    for week in programme.weeks:
        for session in (s for s in week.sessions if s.kind == "exercise"):
            sheet = next(
                sheet
                for sheet, _ in sheets
                if week.week in sheet.weeks
                and sheet.variant in (None, session.variant)
                and any(m.week == week.week and m.day == session.day for m in sheet.marks)
            )
            rows = {row.exercise_id: row for row in sheet.rows}
            for item in session.items:
                doses = {w: span.words for span in rows[item.exercise_id].doses for w in span.weeks}
                assert doses[week.week] == dose_words(item, rest=False, side=False)
                assert not re.search(r"\d×\d|\d/\d/\d|\bW\d", doses[week.week])


def test_the_example_sheets_name_every_exercise(catalogue: Catalogue) -> None:
    programme = build_programme(load_profile(EXAMPLE), catalogue)
    text = re.sub(r"\s+", " ", " ".join(_pages(render_pdf(Handout(programme, catalogue)))))
    in_sessions = {i.exercise_id for w in programme.weeks for s in w.sessions if s.kind == "exercise" for i in s.items}
    assert in_sessions
    for exercise_id in in_sessions:  # walks are in the calendar, cross-training under each block's sheets
        assert catalogue[exercise_id].name in text, exercise_id


@pytest.mark.parametrize("causes", [["intervertebral_disc"], ["spinal_stenosis"], ["sacroiliac_joint_dysfunction"], []])
def test_large_print_cards_fit_a_page_so_they_never_split(catalogue: Catalogue, causes: list[str]) -> None:
    """Every card of a 12-week plan fits one large-print A4 page, so none is split between pages."""
    profile = make_profile(causes=causes, pain_nprs=4, programme_weeks=12, equipment=["stationary_bike", "pool"])
    programme = build_programme(profile, catalogue)
    theme = make_theme("A4", True, None)
    notes = notes_by_id(programme)
    split = [
        exercise_id
        for exercise_id, usage in usages(programme).items()
        if fitted_card(
            catalogue[exercise_id], usage, notes.get(exercise_id), catalogue, theme, PictureStore(None)
        ).splittable
    ]
    assert split == []


def test_large_print_scales_tables_and_breaks_no_word(catalogue: Catalogue) -> None:
    profile = make_profile(
        causes=["spinal_stenosis"],
        equipment=["stationary_bike"],
        pain_nprs=4,
        programme_weeks=8,
        start_date="2027-01-04",
    )
    programme = build_programme(profile, catalogue)
    data = render_pdf(Handout(programme, catalogue, options=HandoutOptions(large_print=True)))
    text = re.sub(r"\s+", " ", " ".join(_pages(data)))
    labels = {session_label(s) for w in programme.weeks for s in w.sessions}
    for label in labels:
        assert re.sub(r"\s+", " ", label) in text, label
    assert "Cyclin g" not in text and "Exercis es" not in text


RUNNERS: dict[str, dict[str, Any]] = {
    "walk-run after a readiness check": {"pain_nprs": 4, "symptom_duration_weeks": 3},
    "running on from week 1": {"pain_nprs": 2, "symptom_duration_weeks": 20, "weekly_running_km": 40},
    "acute strain, back to running soon": {
        "pain_nprs": 3,
        "symptom_duration_weeks": 1,
        "weekly_running_km": 50,
        "causes": ["muscle_strain_overuse"],
    },
}


@pytest.mark.parametrize("case", list(RUNNERS))
def test_the_running_page_speaks_only_of_boxes_and_steps_the_plan_has(catalogue: Catalogue, case: str) -> None:
    profile = make_profile(programme_weeks=8, **RUNNERS[case])
    programme = build_programme(profile, catalogue)
    runs = [s.run for w in programme.weeks for s in w.sessions if s.run is not None]
    assert runs
    text = " ".join(" ".join(_pages(_render(profile, catalogue))).split())
    readiness = any(g.id == "running_readiness" for g in programme.gates)
    assert ("check that you can tick every box below" in text) == readiness
    walk_run = any(run.type == "walk_run" for run in runs)
    assert ("Stay at each walk–run step for at least 2 sessions" in text) == walk_run
    assert "Start every run with 5 minutes of brisk walking" in text
