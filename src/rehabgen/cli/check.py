"""``rehabgen validate`` and ``rehabgen schema``: check input files, and describe every document's format."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from rehabgen.cli.app import CatalogueOpt, app, catalogue_dirs, err, fail, guarded


@app.command()
@guarded
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Catalogue folders, exercise files, templates, profiles or clinic files to check."),
    ] = None,
    catalogue_folders: CatalogueOpt = None,
) -> None:
    """Check the catalogue (the bundled one by default) and any template, profile or clinic file given.

    Exit 0 when everything is clean, 1 with every problem listed.

    Example: rehabgen validate programs/mcgill_core.yaml my_profile.yaml
    """
    from rehabgen.io.validate import validate_paths

    report = validate_paths(paths or [], catalogue_dirs(catalogue_folders))
    for line in report.lines:
        print(line)
    if report.problems:
        for problem in report.problems:
            err(str(problem))
        fail(f"{len(report.problems)} problem(s) found")


class SchemaKind(StrEnum):
    """Documents ``rehabgen schema`` can describe."""

    exercise = "exercise"
    profile = "profile"
    template = "template"
    programme = "programme"
    clinic = "clinic"
    input_error = "input_error"
    questions = "questions"
    exercise_translation = "exercise_translation"
    template_translation = "template_translation"


@app.command()
@guarded
def schema(kind: Annotated[SchemaKind, typer.Argument(help="Which document to describe.")]) -> None:
    """Print the JSON Schema of a document, so an editor can check YAML as it is typed.

    input_error is what plan --format json prints instead of a programme for invalid input; questions is
    what questions --format json prints (the intake questionnaire); exercise_translation and
    template_translation are the files under exercises/i18n/ and programs/i18n/. The same schemas are in the
    schemas/ folder of the source, which the bundled YAML files point editors at.

    Example: rehabgen schema profile > profile.schema.json
    """
    from rehabgen.io.schema import json_schema

    print(json.dumps(json_schema(kind.value), indent=2, ensure_ascii=False))
