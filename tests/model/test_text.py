"""Control characters and bidirectional overrides never reach a terminal or a page (model.text and its users)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from rehabgen.batch import BatchOptions, run_batch
from rehabgen.cli.app import app
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.text import UNSAFE, escape_unsafe, strip_unsafe
from rehabgen.plan.planner import build_programme
from rehabgen.render.handout import Handout
from rehabgen.render.ics import render_ics
from rehabgen.render.markdown import render_markdown
from rehabgen.render.pdf.document import render_pdf
from tests.conftest import make_profile

HOSTILE = {
    "ESC": "\\e]0;pwned\\a\\e[2J",
    "BEL": "\\a",
    "NUL": "\\0",
    "bidi override": "\\u202e",
    "bidi isolate": "\\u2067",
    "C1 CSI": "\\x9b",
}
BASE = "age: 30\nweekly_running_km: 10\npain_nprs: 2\nsymptom_duration_weeks: 2\n"


@pytest.mark.parametrize("kind", list(HOSTILE))
@pytest.mark.parametrize("field", ['patient: {name: "A%sB"}', 'goal: "run%s"', 'clinician: "Dr%s"'])
def test_a_profile_holding_control_characters_is_refused_and_nothing_raw_is_printed(
    tmp_path: Path, kind: str, field: str
) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(BASE + field % HOSTILE[kind] + "\n")
    for fmt in ("md", "json"):
        result = CliRunner().invoke(app, ["plan", str(path), "--format", fmt])
        assert result.exit_code == 1
        assert "must not reach a terminal or a page" in result.stderr
        assert not UNSAFE.search(result.stderr) and not UNSAFE.search(result.stdout)


def test_a_roster_row_with_an_escape_sequence_is_an_input_error(tmp_path: Path) -> None:
    roster = tmp_path / "r.csv"
    roster.write_text(
        "patient_id,patient_name,age,weekly_running_km,pain_nprs,symptom_duration_weeks\n"
        "A-1,Ann\x1b[2J,30,10,2,3\nA-2,Bo,30,10,2,3\n"
    )
    result = run_batch(roster, BatchOptions(out=tmp_path / "out", formats=("md",)))
    assert [e.status for e in result.entries] == ["INPUT_ERROR", "PROGRAMME"]
    assert "U+001B" in str(result.entries[0].errors[0]["message"])


def test_one_line_fields_refuse_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(BASE + 'patient: {name: "Ann\\n==="}\n')
    result = CliRunner().invoke(app, ["plan", str(path)])
    assert result.exit_code == 1 and "patient › name: must be one line" in result.stderr


def test_renderers_drop_what_code_let_in(catalogue: Catalogue) -> None:
    """A Profile built in code skips the input check: every renderer still drops the characters."""
    name = "Ann\x1b]0;pwned\x07\x1b[2J\u202eLee\x00"
    profile = make_profile(patient={"name": name, "id": "\x9bX"}, start_date="2027-01-04", programme_weeks=2)
    programme = build_programme(profile, catalogue)
    markdown = render_markdown(programme, catalogue)
    assert "**Patient:** Ann" in markdown and not UNSAFE.search(markdown)  # the text stays, inert
    assert not UNSAFE.search(render_ics(programme).replace("\r\n", "\n"))
    pdf = render_pdf(Handout(programme, catalogue))
    text = "".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)
    assert "Ann]0;pwned[2JLee" in text and not any(ch in text for ch in "\x1b\x07\x00\u202e\x9b")


def test_escaping_for_messages() -> None:
    assert escape_unsafe("a\x1bb\u202ec\nd\te") == "a\\x1bb\\u202ec\nd\te"
    assert strip_unsafe("a\x00b\x7fc\x85d") == "abcd"
