"""JSON Schemas (io.schema): every shipped file passes an independent validator, and schemas/ stays in sync."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from rehabgen.cli.app import app
from rehabgen.errors import InputError, Problem
from rehabgen.io.reader import parse_yaml
from rehabgen.io.schema import KINDS, json_schema
from rehabgen.model.catalogue import Catalogue
from rehabgen.plan.planner import build_programme
from tests.conftest import EXAMPLES, ROOT, make_profile

SCHEMAS = ROOT / "schemas"
SHIPPED = {
    "exercise": sorted((ROOT / "exercises").glob("*.yaml")),
    "template": sorted((ROOT / "programs").glob("*.yaml")),
    "exercise_translation": sorted((ROOT / "exercises" / "i18n").glob("*/*.yaml")),
    "template_translation": sorted((ROOT / "programs" / "i18n").glob("*/*.yaml")),
    "profile": [EXAMPLES / "profile.yaml"],
    "clinic": [EXAMPLES / "clinic.yaml"],
}
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\n")


def _validator(kind: str) -> Draft202012Validator:
    schema = json_schema(kind)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _errors(kind: str, data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message[:100]}" for e in _validator(kind).iter_errors(data)]


@pytest.mark.parametrize(("kind", "path"), [(k, p) for k, paths in SHIPPED.items() for p in paths], ids=str)
def test_every_shipped_file_passes_its_schema(kind: str, path: Path) -> None:
    data = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    assert _errors(kind, data) == []


def test_the_json_programme_and_referral_pass_their_schema(catalogue: Catalogue) -> None:
    for profile in (make_profile(start_date="2027-01-04"), make_profile(red_flags={"saddle_anaesthesia": True})):
        programme = build_programme(profile, catalogue)
        assert _errors("programme", json.loads(programme.model_dump_json())) == []


def test_the_input_error_document_has_a_schema(tmp_path: Path) -> None:
    document = InputError([Problem("must be ≥ 10 (got 7)", file="p.yaml", path=("age",), line=3)]).document()
    assert _errors("input_error", document) == []
    bad = tmp_path / "p.yaml"
    bad.write_text("age: 7\n")
    result = CliRunner().invoke(app, ["plan", str(bad), "--format", "json"])
    assert result.exit_code == 1 and _errors("input_error", json.loads(result.stdout)) == []


@pytest.mark.parametrize(
    "changes", [{"equipment": ["none"]}, {"equipment": ["none", "mat"]}, {"causes": None}, {"region": "gb"}]
)
def test_what_the_model_accepts_the_profile_schema_accepts(changes: dict[str, Any]) -> None:
    data = {"age": 30, "weekly_running_km": 10, "pain_nprs": 2, "symptom_duration_weeks": 2, **changes}
    make_profile(**changes)  # the model accepts it
    assert _errors("profile", data) == []


@pytest.mark.parametrize(
    "changes", [{"age": 7}, {"colour": "red"}, {"equipment": ["rowing_boat"]}, {"region": "XX"}, {"pain_nprs": 11}]
)
def test_what_the_model_refuses_the_profile_schema_refuses(changes: dict[str, Any]) -> None:
    data = {"age": 30, "weekly_running_km": 10, "pain_nprs": 2, "symptom_duration_weeks": 2, **changes}
    assert _errors("profile", data)


def test_pose_shorthands_are_in_the_exercise_schema() -> None:
    frame = {"hips": 90, "shoulders": {"flex": 20}, "trunk": -10}
    pose = {
        "base": "supine",
        "start": frame,
        "end": {"hip_l": 120},
        "props": ["mat", {"kind": "ball", "under": "pelvis"}],
    }
    schema = json_schema("exercise")
    validator = Draft202012Validator({**schema["$defs"]["Pose"], "$defs": schema["$defs"]})
    assert list(validator.iter_errors(pose)) == []
    assert list(validator.iter_errors({**pose, "start": {"hips": 400}}))  # out of range, bare or not
    assert list(validator.iter_errors({**pose, "props": ["ball"]}))  # a ball needs a place: no bare name


def test_every_schema_has_a_distinct_id() -> None:
    ids = [json_schema(kind)["$id"] for kind in KINDS]
    assert len(set(ids)) == len(KINDS) and all(i.startswith("urn:rehabgen:schema:") for i in ids)


@pytest.mark.parametrize("kind", KINDS)
def test_the_schemas_folder_is_in_sync(kind: str, update_golden: bool) -> None:
    text = json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
    path = SCHEMAS / f"{kind}.schema.json"
    if update_golden:
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run pytest --update-golden"
    result = CliRunner().invoke(app, ["schema", kind])
    assert result.exit_code == 0 and result.stdout == text


@pytest.mark.parametrize(("kind", "path"), [(k, p) for k, paths in SHIPPED.items() for p in paths], ids=str)
def test_every_shipped_file_points_editors_at_its_schema(kind: str, path: Path) -> None:
    found = MODELINE.match(path.read_text(encoding="utf-8"))
    assert found, f"{path} does not start with a yaml-language-server modeline"
    assert found.group(1) == Path(os.path.relpath(SCHEMAS / f"{kind}.schema.json", path.parent)).as_posix()
    assert (path.parent / found.group(1)).is_file()
