"""What plan and batch print after a run, in the run's language: --lang, else the profile's, else English."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from rehabgen.batch import capped_jobs, default_jobs
from rehabgen.batch.entries import Note
from rehabgen.cli.app import app
from rehabgen.i18n import _f, use_language
from tests.conftest import EXAMPLES, FIXTURES

runner = CliRunner()
MIXED = FIXTURES / "roster" / "mixed.csv"
ENGLISH = {
    "warning",
    "note",
    "row",
    "rows",
    "programme",
    "week",
    "exercise",
    "exercises",
    "handout",
    "handouts",
    "referral",
    "referrals",
    "errors",
    "urgent",
    "problem",
    "problems",
    "profile",
    "command",
    "line",
    "the",
    "says",
    "what",
    "today",
    "make",
    "sure",
    "patient",
    "gets",
    "with",
    "file",
    "folder",
    "written",
    "ending",
}


def english_words(text: str) -> set[str]:
    """The English words of ``text``, leaving out status codes, paths and the names in parentheses."""
    text = re.sub(r"\b[A-Z][A-Z_]{3,}\b", " ", text)  # PROGRAMME, EMERGENCY_REFERRAL: codes for scripts
    text = re.sub(r"\([^)]*\)", " ", text)  # (P-0108, Tom Brooks): the patient's id and name
    text = re.sub(r"\S*/\S*", " ", text)  # paths
    return {word.lower() for word in re.findall(r"[^\W\d_]+", text)} & ENGLISH


def test_plan_with_lang_es_prints_its_summary_and_warnings_in_spanish(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    result = runner.invoke(app, ["plan", str(EXAMPLES / "profile.yaml"), "--lang", "es", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[-1] == "PROGRAMME_WITH_REFERRAL_ADVICE: programa de 8 semanas, 25 ejercicios"
    assert [line for line in lines if line.startswith("aviso: ")] == lines[:-1] and len(lines) > 1
    assert english_words(result.stderr) == set()


def test_plan_prints_in_the_profiles_language_without_lang(tmp_path: Path) -> None:
    profile = tmp_path / "perfil.yaml"
    profile.write_text((EXAMPLES / "profile.yaml").read_text(encoding="utf-8") + "\nlanguage: es\n", encoding="utf-8")
    result = runner.invoke(app, ["plan", str(profile), "-o", str(tmp_path / "plan.md")])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1].endswith(": programa de 8 semanas, 25 ejercicios")
    assert english_words(result.stderr) == set()


def test_plan_in_english_is_unchanged(tmp_path: Path) -> None:
    result = runner.invoke(app, ["plan", str(EXAMPLES / "profile.yaml"), "-o", str(tmp_path / "plan.md")])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[-1] == "PROGRAMME_WITH_REFERRAL_ADVICE: 8-week programme, 25 exercises"
    assert all(line.startswith("warning: ") for line in lines[:-1])


def test_batch_with_lang_es_prints_its_summary_and_urgent_rows_in_spanish(tmp_path: Path) -> None:
    args = ["batch", str(MIXED), "--out", str(tmp_path / "o"), "--format", "json", "--jobs", "1", "--quiet"]
    result = runner.invoke(app, [*args, "--lang", "es"])
    assert result.exit_code == 1
    summary = result.stderr.splitlines()[-1]
    assert summary == (
        "7 hojas de ejercicios, 2 derivaciones, 2 filas con errores. "
        "Urgente: fila 5 (R-1, Red Flag): EMERGENCY_REFERRAL; fila 6 (R-2, Urgent): URGENT_REFERRAL"
    )
    urgent = [line for line in result.stderr.splitlines() if "asegúrate" in line]
    assert urgent == [
        "fila 5 (R-1, Red Flag): EMERGENCY_REFERRAL: la hoja dice qué hacer hoy; asegúrate de que el paciente la reciba",
        "fila 6 (R-2, Urgent): URGENT_REFERRAL: la hoja dice qué hacer hoy; asegúrate de que el paciente la reciba",
    ]
    assert english_words("\n".join([summary, *urgent])) == set()
    assert "fila 3: INPUT_ERROR: " in result.stderr  # the row's problem is the validator's, in English
    manifest = (tmp_path / "o" / "manifest.json").read_text(encoding="utf-8")
    assert '"summary": "7 handouts, 2 referrals, 2 rows with errors. Urgent: row 5' in manifest  # data stays English


def test_plan_errors_with_lang_es_have_spanish_headers_and_output_rules(tmp_path: Path) -> None:
    bad = FIXTURES / "profiles" / "many_errors.yaml"
    result = runner.invoke(app, ["plan", str(bad), "--lang", "es", "-o", str(tmp_path / "x.md")])
    assert result.exit_code == 1 and result.stderr.startswith("perfil: 14 problemas\n")
    result = runner.invoke(app, ["plan", str(EXAMPLES / "profile.yaml"), "--lang", "es", "--date", "2027-13-01"])
    assert result.exit_code == 2
    assert (
        result.stderr
        == "línea de comandos: 1 problema\n  --date: '2027-13-01' no es una fecha; escríbela como AAAA-MM-DD\n"
    )
    missing = tmp_path / "nowhere" / "x.pdf"
    result = runner.invoke(app, ["plan", str(EXAMPLES / "profile.yaml"), "--lang", "es", "-o", str(missing)])
    assert result.exit_code == 2
    assert f"la carpeta {missing.parent} no existe (rehabgen no crea carpetas para -o)" in result.stderr
    result = runner.invoke(app, ["plan", str(EXAMPLES / "profile.yaml"), "--lang", "es", "-o", str(tmp_path / "x.txt")])
    assert result.exit_code == 2 and "usa .pdf, .html, .json, .md o .ics, o --format" in result.stderr
    assert english_words(result.stderr) == set()


def test_batch_usage_errors_with_lang_es_are_spanish(tmp_path: Path) -> None:
    args = ["batch", str(MIXED), "--out", str(tmp_path / "o"), "--format", "doc", "--lang", "es"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert (
        result.stderr == "--format: 'doc' no está permitido; usa pdf, html, json, md, ics, varios separados por comas\n"
    )


def test_errors_without_lang_stay_english_even_for_a_spanish_profile(tmp_path: Path) -> None:
    bad = tmp_path / "malo.yaml"
    bad.write_text((FIXTURES / "profiles" / "many_errors.yaml").read_text(encoding="utf-8") + "\nlanguage: es\n")
    result = runner.invoke(app, ["plan", str(bad), "-o", str(tmp_path / "x.md")])
    assert result.exit_code == 1 and result.stderr.startswith("profile: 14 problems\n")


def test_a_batch_note_is_english_in_the_manifest_and_spanish_when_printed_in_spanish() -> None:
    cpus = default_jobs()
    note = capped_jobs(300, 3)[1][0]
    assert note == f"--jobs 300 capped to {min(3, cpus)} ({cpus} CPUs, 3 rows)"  # the manifest's text
    assert isinstance(note, Note)
    with use_language("es"):
        assert note.translated() == f"--jobs 300 reducido a {min(3, cpus)} ({cpus} procesadores, 3 filas)"
        assert _f("note: {note}", note=note.translated()).startswith("nota: --jobs 300 reducido a ")
