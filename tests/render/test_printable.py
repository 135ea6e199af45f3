"""What the PDF cannot print is left out with a warning naming it, never drawn as boxes or backwards."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from rehabgen import api
from rehabgen.batch import BatchOptions, run_batch
from rehabgen.cli.app import app
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.clinic import Clinic
from rehabgen.plan.planner import build_programme
from rehabgen.render.handout import Handout
from rehabgen.render.pdf.document import render_pdf
from rehabgen.render.pdf.fonts import NOT_PRINTABLE, printable_text
from rehabgen.render.pdf.printable import pdf_warnings
from tests.conftest import make_profile

PRINTS = ["Zoë Ångström", "Łukasz Żółć", "Nguyễn Thị Minh Khai", "陈伟明", "やまだ", "Ἀθηνᾶ", "Жанна", "Անի"]


def _first_page(catalogue: Catalogue, name: str, patient_id: str | None = "P-7", clinic: Clinic | None = None) -> str:
    profile = make_profile(patient={"name": name, "id": patient_id}, programme_weeks=2)
    data = render_pdf(Handout(build_programme(profile, catalogue), catalogue, clinic=clinic))
    return PdfReader(BytesIO(data)).pages[0].extract_text() or ""


@pytest.mark.parametrize("name", PRINTS)
def test_what_the_fonts_draw_prints_without_a_warning(catalogue: Catalogue, name: str) -> None:
    programme = build_programme(make_profile(patient={"name": name}), catalogue)
    assert pdf_warnings(Handout(programme, catalogue)) == []
    assert printable_text(name) == name


@pytest.mark.parametrize(
    ("name", "printed", "says"),
    [
        ("Ann 🏃 Lee", "Ann Lee", "🏃 (U+1F3C3 RUNNER), which no bundled font has"),
        ("سارة أحمد", "P-7", "Arabic script (right to left"),
        ("שרה כהן", "P-7", "Hebrew script (right to left"),
        ("김민준", "P-7", "HANGUL SYLLABLE GIM"),
        ("देवी", "P-7", "DEVANAGARI"),
    ],
)
def test_what_cannot_print_is_left_out_with_a_warning(catalogue: Catalogue, name: str, printed: str, says: str) -> None:
    programme = build_programme(make_profile(patient={"name": name, "id": "P-7"}), catalogue)
    (warning,) = pdf_warnings(Handout(programme, catalogue))
    assert f"the patient's name '{name}'" in warning and says in warning and f"it prints as '{printed}'" in warning
    page = _first_page(catalogue, name)
    assert printed in page
    assert not any(ch in page for ch in name if not ch.isascii())  # no boxes, no backwards letters


def test_a_name_with_nothing_printable_and_no_id_prints_a_placeholder(catalogue: Catalogue) -> None:
    assert NOT_PRINTABLE in _first_page(catalogue, "🏃🏃", patient_id=None)


def test_clinic_fields_are_checked_too(catalogue: Catalogue) -> None:
    clinic = Clinic(name="Physio 💪", address="1 High Street\nשרה")
    programme = build_programme(make_profile(), catalogue)
    warnings = pdf_warnings(Handout(programme, catalogue, clinic=clinic))
    assert any(w.startswith("the clinic's name 'Physio 💪'") and "prints as 'Physio'" in w for w in warnings)
    assert any(w.startswith("the clinic's address") for w in warnings)


def test_plan_and_batch_report_the_warning(tmp_path: Path, catalogue: Catalogue) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "age: 30\nweekly_running_km: 10\npain_nprs: 2\nsymptom_duration_weeks: 2\npatient: {name: Ann 🏃}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["plan", str(profile), "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 0 and "warning: the patient's name 'Ann 🏃' cannot be printed" in result.stderr
    text = CliRunner().invoke(app, ["plan", str(profile), "-o", str(tmp_path / "x.md")])
    assert "cannot be printed" not in text.stderr and "Ann 🏃" in (tmp_path / "x.md").read_text(encoding="utf-8")
    roster = tmp_path / "r.csv"
    roster.write_text(
        "patient_id,patient_name,age,weekly_running_km,pain_nprs,symptom_duration_weeks\nA,Ann 🏃,30,10,2,2\n",
        encoding="utf-8",
    )
    entry = run_batch(roster, BatchOptions(out=tmp_path / "out", formats=("pdf", "md"))).entries[0]
    assert sum("cannot be printed" in w for w in entry.warnings) == 1


def test_the_api_reports_nothing_for_formats_that_keep_every_character(catalogue: Catalogue) -> None:
    programme = build_programme(make_profile(patient={"name": "שרה"}), catalogue)
    assert api.render_warnings(programme, catalogue, "md") == []
    assert api.render_warnings(programme, catalogue, "pdf")
