"""Translations of the catalogue and the templates (issue 18 item 2): overlay files beside the English, checked
against it with file, line and field, and applied without changing anything the planner reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from rehabgen.errors import Problem, TemplateError, TranslationError
from rehabgen.io.catalogue import load_catalogue_from
from rehabgen.io.templates import load_template
from rehabgen.io.translations import languages, load_translations, overlay_path
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.translation import Translations
from tests.conftest import FIXTURES

CASES = FIXTURES / "translations"
OVERLAY = "i18n/es/exercises.yaml"
ENGLISH = "exercises.yaml"


def _problems(case: str) -> list[Problem]:
    folder = CASES / case
    catalogue = load_catalogue_from([folder])
    with pytest.raises(TranslationError) as caught:
        load_translations("es", catalogue, [folder], [])
    return caught.value.problems


def _where(problem: Problem) -> tuple[str, int | None, tuple[str, ...]]:
    file = Path(problem.file or "")
    return (str(file.relative_to(file.parents[2])) if "i18n" in file.parts else file.name, problem.line, problem.path)


def test_a_complete_translation_gives_the_catalogue_in_spanish() -> None:
    folder = CASES / "valid"
    english = load_catalogue_from([folder])
    spanish = english.translated(load_translations("es", english, [folder], []))
    assert [ex.name for ex in spanish] == ["Gato-vaca", "Rodillas al pecho"]
    assert spanish.language == "es" and english.language == "en"
    knees = spanish["test_knees_to_chest"]
    assert knees.why[0].text.startswith("Doblarte hacia delante abre el espacio")
    assert [n.when for n in knees.why] == [n.when for n in english["test_knees_to_chest"].why]


def test_a_translation_changes_words_only(catalogue: Catalogue) -> None:
    folder = CASES / "valid"
    english = load_catalogue_from([folder])
    spanish = english.translated(load_translations("es", english, [folder], []))
    words = {"name", "aliases", "purpose", "steps", "cues", "mistakes", "caution", "cautions", "why"}
    for ex in english:
        theirs = spanish[ex.id]
        assert ex.model_dump(exclude=words) == theirs.model_dump(exclude=words)
        assert all(len(getattr(ex, f)) == len(getattr(theirs, f)) for f in words - {"name", "purpose", "caution"})
    assert spanish.fingerprint != english.fingerprint  # a plan's input hash tells the two apart
    assert spanish.files == english.files


def test_a_translation_that_misses_an_exercise_is_never_filled_in_from_the_english() -> None:
    folder = CASES / "valid"
    english = load_catalogue_from([folder])
    partial = load_translations("es", english, [folder], [])
    del partial.exercises["test_cat_cow"]
    with pytest.raises(ValueError, match="no 'es' translation of test_cat_cow"):
        english.translated(partial)


EXERCISE_CASES = [
    (
        "unknown_id",
        [
            (OVERLAY, 3, ("test_cat_cov", "id"), "'test_cat_cov' is not an exercise in the catalogue (did you mean "),
            (ENGLISH, 2, ("test_cat_cow",), "has no translation in"),
        ],
    ),
    (
        "missing_exercise",
        [(ENGLISH, 43, ("test_knees_to_chest",), "has no translation in")],
    ),
    (
        "missing_field",
        [
            (OVERLAY, 3, ("test_cat_cow", "caution"), "required field is missing (the English entry has a caution)"),
            (OVERLAY, 27, ("test_knees_to_chest", "purpose"), "required field is missing"),
        ],
    ),
    (
        "step_count",
        [(OVERLAY, 7, ("test_cat_cow", "steps"), "has 4 item(s); the English has 5, one for each")],
    ),
    (
        "conditions",
        [
            (
                OVERLAY,
                25,
                ("test_cat_cow", "cautions", "2", "when"),
                "[intervertebral_disc] must be the English note's conditions, in order: "
                "[intervertebral_disc, sciatica_radiculopathy]",
            )
        ],
    ),
    (
        "untranslatable_field",
        [
            (OVERLAY, 6, ("test_cat_cow", "level"), "unknown field 'level'; allowed fields: id, name, aliases"),
            (OVERLAY, 7, ("test_cat_cow", "dosage"), "unknown field 'dosage'"),
        ],
    ),
    ("wrong_language", [(OVERLAY, 1, ("language",), "'en' does not match the folder the file is in ('es')")]),
    (
        "missing_file",
        [
            (ENGLISH, None, (), "has no 'es' translation: add "),
            ("i18n/es/old_name.yaml", None, (), "there is no exercise file"),
        ],
    ),
]


@pytest.mark.parametrize(("case", "expected"), EXERCISE_CASES, ids=[c[0] for c in EXERCISE_CASES])
def test_a_broken_translation_is_reported_with_file_line_and_field(
    case: str, expected: list[tuple[str, int | None, tuple[str, ...], str]]
) -> None:
    problems = _problems(case)
    found = [(*_where(p), p.message) for p in problems]
    assert len(found) == len(expected), found
    for (file, line, path, reason), (got_file, got_line, got_path, message) in zip(expected, found, strict=True):
        assert (got_file, got_line, got_path) == (file, line, path), message
        assert reason in message


def test_every_problem_in_a_translation_is_listed_at_once() -> None:
    found = [(*_where(p), p.message.split(":")[0]) for p in _problems("many_errors")]
    assert [f[:3] for f in found] == [
        (OVERLAY, 1, ("language",)),
        (OVERLAY, 3, ("test_cat_cov", "id")),
        (OVERLAY, 30, ("test_knees_to_chest", "level")),
        (OVERLAY, 33, ("test_knees_to_chest", "steps")),
        (OVERLAY, 53, ("test_knees_to_chest", "why", "2", "when")),
        (ENGLISH, 2, ("test_cat_cow",)),
    ]


def test_a_problem_reads_file_line_entry_and_field() -> None:
    (problem,) = _problems("step_count")
    assert str(problem).endswith(
        "step_count/i18n/es/exercises.yaml:7: test_cat_cow › steps: has 4 item(s); the English has 5, one for each"
    )


def test_a_translation_lives_beside_its_english_file(tmp_path: Path) -> None:
    assert overlay_path(Path("exercises/core.yaml"), "es") == Path("exercises/i18n/es/core.yaml")
    assert languages([CASES / "valid", CASES / "templates", tmp_path]) == ["es"]


def test_a_language_code_is_checked() -> None:
    folder = CASES / "valid"
    with pytest.raises(TranslationError, match="not a language code"):
        load_translations("Spanish", load_catalogue_from([folder]), [folder], [])


# --- templates ---------------------------------------------------------------------------------------------


def test_templates_are_translated_folder_by_folder() -> None:
    folder = CASES / "valid"
    catalogue = load_catalogue_from([folder])
    with pytest.raises(TranslationError) as caught:
        load_translations("es", catalogue, [folder], [CASES / "templates"])
    found = [(Path(p.file or "").name, p.line, p.path, p.message) for p in caught.value.problems]
    assert [f[:3] for f in found] == [
        ("broken_overlay.yaml", 2, ("id",)),
        ("broken_overlay.yaml", 6, ("lifting", "id")),
        ("broken_overlay.yaml", 9, ("lifting", "points")),
        ("broken_overlay.yaml", 11, ("sitting", "id")),
        ("broken_overlay.yaml", 11, ("sitting", "points")),
        ("untranslated.yaml", None, ()),
        ("orphan.yaml", None, ()),
    ]
    assert "must be 'sitting', the English section in this place" in found[1][3]
    assert "required field is missing (the English entry has 2 points)" in found[4][3]
    assert "has no 'es' translation: add " in found[5][3]
    assert "there is no template" in found[6][3]


def test_a_translated_template_keeps_its_settings(tmp_path: Path) -> None:
    source = CASES / "templates"
    for name in ("tiny.yaml", "i18n/es/tiny.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text((source / name).read_text(encoding="utf-8"), encoding="utf-8")
    folder = CASES / "valid"
    translations = load_translations("es", load_catalogue_from([folder]), [folder], [tmp_path])
    english = load_template(tmp_path / "tiny.yaml")
    spanish = translations.template(english)
    assert spanish.title == "Una plantilla pequeña"
    assert [a.id for a in spanish.advice] == ["sitting", "lifting"]
    assert spanish.advice[1].points == ["Sujeta la carga cerca.", "Gira con los pies, no con la espalda."]
    words = {"title", "description", "advice"}
    assert spanish.model_dump(exclude=words) == english.model_dump(exclude=words)


def test_a_template_with_no_translation_is_an_error_not_english() -> None:
    english = load_template(CASES / "templates" / "untranslated.yaml")
    with pytest.raises(TemplateError, match="template 'untranslated' has no 'es' translation"):
        Translations("es").template(english)
