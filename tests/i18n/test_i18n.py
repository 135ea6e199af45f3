"""The message catalogues (issue 18): in step with the code, read from the shipped .po files, Spanish numbers
and dates, and the language chosen by --lang, a profile, a roster column or a template."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from rehabgen.cli.app import app
from rehabgen.i18n import (
    _,
    current_language,
    languages,
    long_date,
    ngettext,
    number,
    percent,
    use_language,
)
from rehabgen.i18n.catalogs import POT_PATH, extract, read
from rehabgen.words.units import distance
from tests.conftest import EXAMPLES, FIXTURES

RUNNER = CliRunner()


def test_the_template_is_in_step_with_the_code() -> None:
    """After changing a message in the code, run ``python -m rehabgen.i18n`` (README: adding a language)."""
    with POT_PATH.open("rb") as file:
        shipped = {m.id for m in read_po(file) if m.id}
    assert shipped == {m.id for m in extract() if m.id}  # where each is used may move without a new template


def test_every_message_of_the_code_is_in_the_spanish_catalogue() -> None:
    spanish = read("es")
    missing = [m.id for m in extract() if m.id and spanish.get(m.id) is None]
    assert not missing


def test_languages_are_english_and_those_with_a_catalogue() -> None:
    assert languages() == ("en", "es")


def test_use_language_sets_and_restores_the_language() -> None:
    with use_language("es"):
        assert current_language() == "es" and _("Exercise plan") == "Plan de ejercicios"
    assert current_language() == "en" and _("Exercise plan") == "Exercise plan"
    with pytest.raises(ValueError, match="use en, es"), use_language("fr"):
        pass


def test_numbers_dates_and_distances_are_written_the_spanish_way() -> None:
    with use_language("es"):
        assert number(3.14) == "3,1" and number(12) == "12"
        assert percent(0.18) == "18\xa0%"
        assert long_date(dt.date(2027, 3, 1)) == "1 de marzo de 2027"
        assert distance(5.4, "km") == "5,4 km" and distance(1.609344, "mi") == "1 milla"
        assert ngettext("{count} week", "{count} weeks", 2).format(count=2) == "2 semanas"
    assert number(3.14) == "3.1" and long_date(dt.date(2027, 3, 1)) == "1 March 2027"


def test_plan_lang_es_prints_the_handout_in_spanish(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    result = RUNNER.invoke(app, ["plan", str(EXAMPLES / "profile.yaml"), "--lang", "es", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "## Tu plan de un vistazo" in text and "## Semana 1: Proteger y calmar" in text
    assert "Plancha lateral" in text and "Your plan" not in text
    assert "aviso: Tu objetivo" in result.stderr


def test_an_unknown_lang_is_a_usage_error() -> None:
    result = RUNNER.invoke(app, ["plan", str(EXAMPLES / "profile.yaml"), "--lang", "fr"])
    assert result.exit_code == 2
    assert "'fr' is not a language rehabgen prints in; use en, es" in result.stderr


def test_a_profile_names_its_language_and_lang_wins_over_it(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text((EXAMPLES / "profile.yaml").read_text(encoding="utf-8") + "\nlanguage: es\n", encoding="utf-8")
    spanish = RUNNER.invoke(app, ["plan", str(profile), "--format", "md"])
    assert spanish.exit_code == 0 and "## Tu plan de un vistazo" in spanish.stdout
    english = RUNNER.invoke(app, ["plan", str(profile), "--format", "md", "--lang", "en"])
    assert english.exit_code == 0 and "## Your plan at a glance" in english.stdout


def test_a_profile_with_an_unknown_language_names_the_field(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("age: 30\nweekly_running_km: 0\npain_nprs: 2\nsymptom_duration_weeks: 3\nlanguage: fr\n")
    result = RUNNER.invoke(app, ["plan", str(profile)])
    assert result.exit_code == 1
    assert "language" in result.stderr and "'fr' is not a language rehabgen prints in" in result.stderr


def test_a_template_default_language(tmp_path: Path) -> None:
    source = (EXAMPLES.parent / "programs" / "runner_back_pain.yaml").read_text(encoding="utf-8")
    template = tmp_path / "runner_back_pain.yaml"
    assert "\nhandout:" not in source
    template.write_text(source + "handout:\n  language: es\n", encoding="utf-8")
    (tmp_path / "i18n").symlink_to(EXAMPLES.parent / "programs" / "i18n", target_is_directory=True)
    result = RUNNER.invoke(app, ["plan", str(EXAMPLES / "profile.yaml"), "--template", str(template)])
    assert result.exit_code == 0, result.output
    assert "# Programa para corredores con dolor de espalda" in result.stdout


def test_a_roster_column_sets_each_rows_language(tmp_path: Path) -> None:
    with (EXAMPLES / "roster.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))[:2]
    rows[0]["language"], rows[1]["language"] = "es", ""
    roster = tmp_path / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = RUNNER.invoke(app, ["batch", str(roster), "--out", str(tmp_path / "out"), "--format", "md", "-q"])
    assert result.exit_code == 0, result.output
    first, second = sorted((tmp_path / "out").glob("*.md"))
    assert "## Tu plan de un vistazo" in first.read_text(encoding="utf-8")
    assert "## Your plan at a glance" in second.read_text(encoding="utf-8")
    spanish = RUNNER.invoke(
        app, ["batch", str(roster), "--out", str(tmp_path / "es"), "--format", "md", "-q", "--lang", "es"]
    )
    assert spanish.exit_code == 0
    assert all("## Tu plan de un vistazo" in p.read_text(encoding="utf-8") for p in (tmp_path / "es").glob("*.md"))


@pytest.mark.parametrize(("region", "number_to_call"), [("ES", "112"), ("MX", "911"), ("US", "911"), (None, "112")])
def test_a_spanish_emergency_names_the_regions_number(tmp_path: Path, region: str | None, number_to_call: str) -> None:
    profile = tmp_path / "p.yaml"
    lines = ["age: 40", "weekly_running_km: 0", "pain_nprs: 5", "symptom_duration_weeks: 1", "language: es"]
    lines += ["red_flags: {saddle_anaesthesia: true}"] + ([f"region: {region}"] if region else [])
    profile.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = RUNNER.invoke(app, ["plan", str(profile), "--format", "md"])
    assert result.exit_code == 0, result.output
    assert "No empieces ningún ejercicio. Pide ayuda de emergencia ahora." in result.stdout
    assert f"Llama al {number_to_call}" in result.stdout or f"por ejemplo {number_to_call}" in result.stdout


def test_languages_lists_each_language_and_how_complete_it_is(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["languages"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["language", "name", "messages", "exercises", "templates", "problems", "ready"]
    assert lines[2].split()[:2] == ["en", "English"] and lines[2].endswith("yes")
    assert [line.split()[0] for line in lines[2:]] == ["en", "es"]
    assert lines[3].split()[1] == "español" and lines[3].endswith("yes") and "(100%)" in lines[3]


def test_a_language_begun_in_the_catalogue_is_listed_as_not_ready(tmp_path: Path) -> None:
    """A clinic's folder that starts French; its added exercise has no Spanish yet, so Spanish is not ready."""
    extra = FIXTURES / "catalogue" / "valid_overlay" / "clinic_extra.yaml"
    (tmp_path / "extra.yaml").write_text(extra.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "i18n" / "fr").mkdir(parents=True)
    result = RUNNER.invoke(app, ["languages", "--catalogue", str(tmp_path)])
    assert result.exit_code == 0, result.output
    french = next(line for line in result.stdout.splitlines() if line.startswith("fr "))
    assert "français" in french and "0/" in french and "(0%)" in french and french.endswith("no")
    assert "problem(s): rehabgen validate" in french
    spanish = next(line for line in result.stdout.splitlines() if line.startswith("es "))
    assert "(100%)" in spanish and spanish.endswith("no")


def test_a_catalogue_still_being_translated_is_not_offered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A half-translated language would print half its handout in English: it is listed, but --lang refuses it."""
    import shutil

    from rehabgen import i18n
    from rehabgen.i18n import catalogs

    shutil.copy(POT_PATH, tmp_path / POT_PATH.name)
    for code in ("es", "fr"):
        (tmp_path / code / "LC_MESSAGES").mkdir(parents=True)
        shutil.copy(i18n.po_path("es"), tmp_path / code / "LC_MESSAGES" / "rehabgen.po")
    french = tmp_path / "fr" / "LC_MESSAGES" / "rehabgen.po"
    text = french.read_text(encoding="utf-8")
    french.write_text(text.replace('msgstr "Plan de ejercicios"', 'msgstr ""', 1), encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    monkeypatch.setattr(catalogs, "LOCALE_DIR", tmp_path)
    i18n.languages.cache_clear()
    i18n.catalogue_languages.cache_clear()
    try:
        assert i18n.catalogue_languages() == ("es", "fr")
        assert languages() == ("en", "es")
    finally:
        i18n.languages.cache_clear()
        i18n.catalogue_languages.cache_clear()
