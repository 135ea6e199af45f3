"""The Spanish catalogue and templates (issue 18): complete, the English lists' lengths, no English left, the
clinical facts (figures, "each side") kept, and the same programme as the English for any profile."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rehabgen.cli.app import app
from rehabgen.io.catalogue import load_catalogue
from rehabgen.io.templates import list_templates, load_template
from rehabgen.io.translations import load_translations
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import Exercise
from rehabgen.model.profile import Profile
from rehabgen.model.template import DEFAULT_TEMPLATE, Template
from rehabgen.model.translation import Translations
from rehabgen.plan.planner import build_programme
from tests.conftest import ROOT, TEST_CACHE
from tests.strategies import profiles

TEMPLATES = {name: load_template(path) for name, path in list_templates().items()}
LISTS = ("aliases", "steps", "cues", "mistakes", "cautions", "why")


@functools.cache
def _spanish() -> tuple[Catalogue, Catalogue, Translations]:
    english = load_catalogue(cache=TEST_CACHE)
    translations = load_translations("es", english, cache=TEST_CACHE)
    return english, english.translated(translations), translations


def _sentences(ex: Exercise) -> list[str]:
    """The words of a card that are sentences (names and aliases may keep an English name, "bird-dog")."""
    return [ex.purpose, *ex.steps, *ex.cues, *ex.mistakes, ex.caution or "", *(n.text for n in [*ex.cautions, *ex.why])]


def _template_texts(template: Template) -> list[str]:
    return [template.title, template.description, *(t for a in template.advice for t in (a.title, a.text, *a.points))]


def _pairs() -> list[tuple[str, str, str]]:
    """(where, English, Spanish) for every translated text, exercises and templates."""
    english, spanish, translations = _spanish()
    found = [
        (ex.id, a, b) for ex in english for a, b in zip(_sentences(ex), _sentences(spanish[ex.id]), strict=True) if a
    ]
    for name, template in TEMPLATES.items():
        theirs = _template_texts(translations.template(template))
        found += [(name, a, b) for a, b in zip(_template_texts(template), theirs, strict=True)]
    return found


def test_every_exercise_and_template_has_a_complete_spanish_translation() -> None:
    english, spanish, translations = _spanish()
    assert set(translations.exercises) == set(english.exercises) and len(english) == 119
    assert set(translations.templates) == set(TEMPLATES) and len(TEMPLATES) == 7
    assert spanish.language == "es" and [ex.id for ex in spanish] == [ex.id for ex in english]
    assert translations.template(DEFAULT_TEMPLATE).title == "Programa para corredores con dolor de espalda"


def test_translated_lists_have_the_english_lengths() -> None:
    english, spanish, _ = _spanish()
    for ex in english:
        theirs = spanish[ex.id]
        assert [len(getattr(ex, f)) for f in LISTS] == [len(getattr(theirs, f)) for f in LISTS], ex.id
        assert (ex.caution is None) == (theirs.caution is None), ex.id
        assert [n.when for n in [*ex.cautions, *ex.why]] == [n.when for n in [*theirs.cautions, *theirs.why]]
    for name, template in TEMPLATES.items():
        theirs = _spanish()[2].template(template)
        assert [(a.id, len(a.points)) for a in template.advice] == [(a.id, len(a.points)) for a in theirs.advice]
        assert theirs.model_dump(exclude={"title", "description", "advice"}) == template.model_dump(
            exclude={"title", "description", "advice"}
        ), name


def test_no_english_sentence_is_left_in_the_spanish() -> None:
    pairs = _pairs()
    english = {a for _, a, _ in pairs if len(a) > 12}
    spanish = " ".join(b for _, _, b in pairs)
    assert not [a for a in english if a in spanish]
    words = re.compile(r"\b(the|your|you|and|with|this|that|when|which|keep|stop)\b", re.I)
    assert not [(where, b) for where, _, b in pairs if words.search(b)]


def test_every_figure_is_kept() -> None:
    """Pain on the 0-10 scale, seconds, minutes, percentages, degrees: the same figures as the English."""
    figures = re.compile(r"\d+(?:[.,]\d+)?")
    changed = [(w, a, b) for w, a, b in _pairs() if sorted(figures.findall(a)) != sorted(figures.findall(b))]
    assert not changed


def test_each_side_is_said_wherever_the_english_says_it() -> None:
    missing = [
        (w, b)
        for w, a, b in _pairs()
        if re.search(r"\b(each|per) side\b", a, re.I) and not re.search(r"\b(cada|por) lado\b", b, re.I)
    ]
    assert not missing


def test_a_caution_that_says_stop_still_says_stop() -> None:
    english, spanish, _ = _spanish()
    for ex in english:
        notes = [(ex.caution or "", spanish[ex.id].caution or "")]
        notes += [(a.text, b.text) for a, b in zip(ex.cautions, spanish[ex.id].cautions, strict=True)]
        for a, b in notes:
            if re.search(r"\bstop\b", a, re.I):
                assert re.search(r"\b(detente|deja de|dejar de)\b", b, re.I), (ex.id, b)


def test_the_glossary_keeps_out_regional_words() -> None:
    """docs/glossary-es.md: neutral Spanish, "tú", and words that read wrongly somewhere are left out."""
    regional = re.compile(
        r"\b(c[oó]g(e|er|ela|elas|elo|elos)|tumbad[oa]s?|t[uú]mbate|coche|muelles?|esterilla)\b", re.I
    )
    found = [(w, b) for w, _, b in _pairs() if regional.search(b)]
    assert not found
    usted = re.compile(r"\b(usted|acuéstese|póngase|manténgase|deténgase)\b", re.I)
    assert not [(w, b) for w, _, b in _pairs() if usted.search(b)]
    glossary = (ROOT / "docs" / "glossary-es.md").read_text(encoding="utf-8")
    for term in ("fisioterapeuta", "serie", "repetición", "mantener", "cada lado", "plancha lateral", "puente"):
        assert term in glossary


def _skeleton(value: Any) -> Any:
    """A programme without its words: what the planner decided (ids, doses, weeks), text fields as counts."""
    words = {"name", "cues", "why", "cautions", "message", "title", "text", "because", "note", "goal", "exit_criteria"}
    words |= {"checklist", "notes", "input_hash", "language", "headline", "action", "details", "points", "label"}
    words |= {"load", "reasons", "gate", "because", "title"}
    if isinstance(value, dict):
        return {k: (len(v) if isinstance(v, list) else None) if k in words else _skeleton(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_skeleton(v) for v in value]
    return value


@settings(max_examples=200)
@given(profile=profiles(), name=st.sampled_from(sorted(TEMPLATES)))
def test_the_spanish_catalogue_gives_the_same_programme(profile: Profile, name: str) -> None:
    english, spanish, translations = _spanish()
    template = TEMPLATES[name]
    ours = build_programme(profile, english, template)
    theirs = build_programme(profile, spanish, translations.template(template), language="es")
    assert theirs.exercise_ids() == ours.exercise_ids()
    assert _skeleton(theirs.model_dump(mode="json")) == _skeleton(ours.model_dump(mode="json"))
    assert theirs.meta.input_hash != ours.meta.input_hash  # the hash tells a Spanish plan from an English one
    for ours_week, theirs_week in zip(ours.weeks, theirs.weeks, strict=True):
        for a, b in zip(ours_week.sessions, theirs_week.sessions, strict=True):
            assert [(i.exercise_id, i.sets, i.reps, i.hold_s) for i in a.items] == [
                (i.exercise_id, i.sets, i.reps, i.hold_s) for i in b.items
            ]
            assert all(i.name == spanish[i.exercise_id].name for i in b.items)


def test_rehabgen_validate_checks_the_spanish_too() -> None:
    result = CliRunner().invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert "ok  translation 'es': 119 exercises, 7 templates" in result.stdout


def test_validate_names_file_line_and_field_of_a_broken_translation() -> None:
    folder = ROOT / "tests" / "fixtures" / "translations" / "conditions"
    result = CliRunner().invoke(app, ["validate", "--catalogue", str(folder)])
    assert result.exit_code == 1
    assert "i18n/es/exercises.yaml:25: test_cat_cow › cautions › 2 › when: [intervertebral_disc] must be" in (
        result.stderr
    )


def test_an_exercise_file_with_no_spanish_fails_validation(tmp_path: Path) -> None:
    """Once a catalogue has Spanish, a clinic's added exercises need it too: no English fills the gap."""
    english = ROOT / "tests" / "fixtures" / "catalogue" / "valid_overlay" / "clinic_extra.yaml"
    (tmp_path / "extra.yaml").write_text(english.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", "--catalogue", str(tmp_path)])
    assert result.exit_code == 1
    assert f"extra.yaml: has no 'es' translation: add {tmp_path / 'i18n' / 'es' / 'extra.yaml'}" in result.stderr
    single = CliRunner().invoke(app, ["validate", str(tmp_path / "extra.yaml")])
    assert single.exit_code == 1 and "has no 'es' translation" in single.stderr


@pytest.mark.parametrize("path", sorted((ROOT / "exercises" / "i18n" / "es").glob("*.yaml")), ids=lambda p: p.name)
def test_every_spanish_file_translates_an_english_file_of_the_same_name(path: Path) -> None:
    assert (ROOT / "exercises" / path.name).is_file()
