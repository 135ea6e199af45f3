"""Reading YAML safely and naming problems (io.reader, io.problems)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rehabgen.errors import InputError
from rehabgen.io.problems import display_path, suggest
from rehabgen.io.reader import locate, parse_yaml, read_text


def test_duplicate_keys_are_refused_with_their_line() -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml("age: 3\nname: x\nage: 4\n", "p.yaml")
    problem = caught.value.problems[0]
    assert "appears twice" in problem.message and problem.line == 3


def test_python_tags_are_refused() -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml("x: !!python/object/apply:os.system ['true']\n", "p.yaml")
    assert "not allowed" in caught.value.problems[0].message


def test_dates_stay_text_for_the_model_to_check() -> None:
    assert parse_yaml("start_date: 2026-13-01\n", "p.yaml") == {"start_date": "2026-13-01"}


def test_locate_finds_nested_lines() -> None:
    text = "exercises:\n  - id: a\n    dosage:\n      sets: 9\n"
    assert locate(text, ("exercises", 0, "dosage", "sets")) == 4
    assert locate(text, ("exercises", 0, "missing")) == 2


def test_items_are_named_by_their_id() -> None:
    data = {"exercises": [{"id": "bird_dog", "dosage": {}}]}
    assert display_path(data, ("exercises", 0, "dosage", "sets")) == ("bird_dog", "dosage", "sets")
    assert display_path({"xs": [1, 2]}, ("xs", 1)) == ("xs", "2")


def test_suggestions() -> None:
    assert suggest("weak_glute", ["weak_glutes", "weak_core"]) == " (did you mean 'weak_glutes'?)"
    assert suggest("fever", ["fever_or_unwell"]) == " (did you mean 'fever_or_unwell'?)"
    assert suggest("zzz", ["weak_core"]) == ""


def test_unreadable_files_are_problems(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_text(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="folder"):
        read_text(tmp_path)
    (tmp_path / "latin1.yaml").write_bytes(b"name: Zo\xeb\n")
    with pytest.raises(InputError, match="not UTF-8"):
        read_text(tmp_path / "latin1.yaml")
