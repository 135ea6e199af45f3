"""``rehabgen questions``: the questionnaire as JSON (with its schema), as a readable list and as a paper form."""

from __future__ import annotations

import io
import json
from pathlib import Path

from jsonschema import Draft202012Validator
from pypdf import PdfReader
from typer.testing import CliRunner

from rehabgen.cli.app import app
from rehabgen.io.schema import json_schema

RUNNER = CliRunner()


def test_json_lists_the_red_flag_questions_before_any_other_and_passes_its_schema() -> None:
    result = RUNNER.invoke(app, ["questions", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert list(Draft202012Validator(json_schema("questions")).iter_errors(document)) == []
    fields = [q["field"] for q in document["questions"]]
    flags = [f for f in fields if f.startswith("red_flags.")]
    assert len(flags) == 15 and fields[: len(flags)] == flags
    first = document["questions"][0]
    assert first["id"] == "saddle_anaesthesia" and first["choices"][0]["leads_to"] == "EMERGENCY_REFERRAL"
    assert {"runner", "clinician"} <= set(first["ask"])


def test_the_readable_list_is_numbered_like_the_terminal_and_names_no_ids_for_a_runner() -> None:
    runner = RUNNER.invoke(app, ["questions"]).stdout
    assert runner.startswith("# Questions before your back-pain exercise plan")
    assert "### 1. Do you have numbness or tingling around your genitals" in runner
    assert "> **If you answer Yes to any of questions 1 to 5:** You need emergency help now." in runner
    assert "red_flags" not in runner and "`" not in runner
    clinician = RUNNER.invoke(app, ["questions", "--for", "clinician", "--region", "us"]).stdout
    assert "Profile field: `red_flags.saddle_anaesthesia`." in clinician and "Call 911" in clinician


def test_the_paper_form_puts_the_warning_signs_first_with_what_to_do(tmp_path: Path) -> None:
    target = tmp_path / "intake-form.pdf"
    result = RUNNER.invoke(app, ["questions", "-o", str(target), "--region", "GB"])
    assert result.exit_code == 0, result.output
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages]
    text = " ".join(" ".join(pages).split())
    assert "First: warning signs" in pages[0]
    assert text.index("If you answer Yes to any of questions 1 to 5") < text.index("1. Do you have numbness")
    assert "Stop and tell reception straight away. You need emergency help now. Call 999 or go to A&E now." in text
    assert "Only if you answered “Yes, one leg” to question 18." in text
    assert "A whole number from 10 to 100 (years)" in text and "For the clinic" in text
    again = tmp_path / "again.pdf"
    RUNNER.invoke(app, ["questions", "-o", str(again), "--region", "GB"])
    assert again.read_bytes() == target.read_bytes()  # the same inputs give the same bytes


def test_bad_options_are_usage_errors(tmp_path: Path) -> None:
    assert RUNNER.invoke(app, ["questions", "-o", str(tmp_path / "form.docx")]).exit_code == 2
    assert RUNNER.invoke(app, ["questions", "--region", "XX"]).exit_code == 2
    assert RUNNER.invoke(app, ["questions", "--for", "doctor"]).exit_code == 2
    assert list(tmp_path.iterdir()) == []
