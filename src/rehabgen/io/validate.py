"""``rehabgen validate`` and ``rehabgen schema``: check any input file, and describe every input format.

Files are recognised by what they contain: a mapping with ``exercises:`` is a catalogue file, one with
``title`` and ``description`` a programme template, one with ``age`` or ``pain_nprs`` a profile, one with
``name`` and a contact field a clinic file. Exercise files and folders are validated as layers over the
bundled catalogue, exactly as ``--catalogue`` would use them, so their ladders can point at bundled
exercises.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rehabgen.errors import InputError, Problem
from rehabgen.io.catalogue import catalogue_dirs, load_catalogue_from
from rehabgen.io.clinics import load_clinic
from rehabgen.io.profiles import load_profile
from rehabgen.io.reader import iter_yaml_files, read_yaml
from rehabgen.io.templates import load_template
from rehabgen.model.adjustments import Adjustments
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.template import Template


@dataclass
class Report:
    """What was checked (one line each) and every problem found."""

    lines: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def kind_of(data: Any) -> str | None:
    """Which kind of rehabgen file parsed YAML is, or None."""
    if not isinstance(data, dict):
        return None
    if "exercises" in data:
        return "exercises"
    if "title" in data and "description" in data:
        return "template"
    if "age" in data or "pain_nprs" in data:
        return "profile"
    if "name" in data and any(k in data for k in ("address", "phone", "email", "website", "logo")):
        return "clinic"
    return None


def validate_paths(paths: Sequence[Path], extra_catalogues: Sequence[Path] = ()) -> Report:
    """Validate the catalogue (bundled + extra layers + exercise files given) and every other file given."""
    report = Report()
    layers: list[Path] = list(extra_catalogues)
    exercise_files: list[Path] = []
    others: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            files = list(iter_yaml_files(path))
            kinds = {f: _kind_of_file(f, report) for f in files}
            if any(k == "exercises" for k in kinds.values()):
                layers.append(path)
            others += [(f, k) for f, k in kinds.items() if k not in (None, "exercises")]
            if not files:
                report.problems.append(Problem("no YAML files in this folder", file=str(path)))
            continue
        kind = _kind_of_file(path, report)
        if kind == "exercises":
            exercise_files.append(path)
        elif kind is not None:
            others.append((path, kind))
    catalogue = _check_catalogue(layers, exercise_files, report)
    for path, kind in others:
        try:
            if kind == "template":
                template = load_template(path)
                report.problems += template_problems(template, path, catalogue)
            elif kind == "profile":
                load_profile(path)
            elif kind == "clinic":
                load_clinic(path)
            report.lines.append(f"ok  {path} ({kind})")
        except InputError as exc:
            report.problems += exc.problems
    return report


def _kind_of_file(path: Path, report: Report) -> str | None:
    try:
        data, _ = read_yaml(path)
    except InputError as exc:
        report.problems += exc.problems
        return None
    kind = kind_of(data)
    if kind is None:
        report.problems.append(
            Problem(
                "cannot tell what this file is: expected an exercise file (exercises:), a template (title, "
                "description), a profile (age, pain_nprs) or a clinic file (name, address/phone)",
                file=str(path),
            )
        )
    return kind


def _check_catalogue(layers: list[Path], files: list[Path], report: Report) -> Catalogue | None:
    dirs = catalogue_dirs(layers)
    tmp: Path | None = None
    try:
        if files:
            tmp = Path(tempfile.mkdtemp(prefix="rehabgen-validate-"))
            for f in files:
                shutil.copy(f, tmp / f.name)
            dirs.append(tmp)
        catalogue = load_catalogue_from(dirs)
    except InputError as exc:
        problems = exc.problems
        if tmp is not None:  # name the user's file, not the temporary copy
            problems = [_retarget(p, tmp, files) for p in problems]
        report.problems += problems
        return None
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    report.lines.append(f"ok  catalogue: {len(catalogue)} exercises from {len(dirs)} folder(s)")
    return catalogue


def _retarget(problem: Problem, tmp: Path, files: list[Path]) -> Problem:
    if problem.file and str(tmp) in problem.file:
        name = Path(problem.file).name
        original = next((str(f) for f in files if f.name == name), problem.file)
        return Problem(problem.message, file=original, path=problem.path, line=problem.line, column=problem.column)
    return problem


def adjustment_ids(adjustments: Adjustments) -> list[tuple[str, list[str]]]:
    """(field, exercise ids) of a template's adjustments, for the catalogue check."""
    return [
        ("adjustments › drop", adjustments.drop),
        ("adjustments › pin", [p.id for p in adjustments.pins()]),
        ("adjustments › swap", [*adjustments.swap, *adjustments.swap.values()]),
        ("adjustments › dose", list(adjustments.dose)),
        ("adjustments › notes", list(adjustments.notes)),
    ]


def template_problems(template: Template, path: Path, catalogue: Catalogue | None) -> list[Problem]:
    """Cross-checks a template needs beyond its own schema.

    Its id matches its file name, and every exercise it names exists in the catalogue.
    """
    problems = []
    if path.stem != template.id:
        problems.append(
            Problem(f"id '{template.id}' must match the file name '{path.stem}'", file=str(path), path=("id",))
        )
    if catalogue is not None:
        from rehabgen.io.problems import suggest

        adjusted = template.adjustments
        for field_name, ids in (
            ("pin", template.pin),
            ("ban", template.ban),
            ("emphasis", list(template.emphasis.families)),
            *(adjustment_ids(adjusted) if adjusted is not None else []),
        ):
            for exercise_id in ids:
                if exercise_id not in catalogue:
                    problems.append(
                        Problem(
                            f"'{exercise_id}' is not an exercise in the catalogue"
                            + suggest(exercise_id, list(catalogue.exercises)),
                            file=str(path),
                            path=(field_name,),
                        )
                    )
    return problems
