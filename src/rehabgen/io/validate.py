"""``rehabgen validate`` and ``rehabgen schema``: check any input file, and describe every input format.

Files are recognised by what they contain: a mapping with ``exercises:`` is a catalogue file, one with
``title`` and ``description`` a programme template, one with ``age`` or ``pain_nprs`` a profile, one with
``name`` and a contact field a clinic file; with ``language:`` as well, an exercise or template file is a
translation. Exercise files and folders are validated as layers over the bundled catalogue, exactly as
``--catalogue`` would use them, so their ladders can point at bundled exercises; then the catalogue and the
bundled templates are checked in every language any of their folders has translations for
(``rehabgen.io.translations``).
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
from rehabgen.io.templates import load_template, template_dirs
from rehabgen.io.translations import I18N, check_overlay_file, languages, load_translations, translate_template_file
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
    if "language" in data and ("exercises" in data or "title" in data):
        return "exercise_translation" if "exercises" in data else "template_translation"
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
                report.problems += _template_translations(path)
            elif kind in ("exercise_translation", "template_translation"):
                what, problems = check_overlay_file(path, catalogue)
                report.problems += problems
                report.lines.append(f"ok  {path} ({what})")
                continue
            elif kind == "profile":
                load_profile(path)
            elif kind == "clinic":
                load_clinic(path)
            report.lines.append(f"ok  {path} ({kind})")
        except InputError as exc:
            report.problems += exc.problems
    report.problems = list(dict.fromkeys(report.problems))  # a file named and also in a folder checked: once
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
                "description), a profile (age, pain_nprs), a clinic file (name, address/phone) or a "
                "translation (language: with exercises: or title:)",
                file=str(path),
            )
        )
    return kind


def _check_catalogue(layers: list[Path], files: list[Path], report: Report) -> Catalogue | None:
    dirs = catalogue_dirs(layers)
    tmp: Path | None = None
    catalogue: Catalogue | None = None
    problems: list[Problem] = []
    try:
        if files:
            tmp = Path(tempfile.mkdtemp(prefix="rehabgen-validate-"))
            _copy_with_translations(files, tmp)
            dirs.append(tmp)
        catalogue = load_catalogue_from(dirs)
        report.lines.append(f"ok  catalogue: {len(catalogue)} exercises from {len(dirs)} folder(s)")
        for language in languages([*dirs, *template_dirs()]):
            try:
                translations = load_translations(language, catalogue, dirs)
            except InputError as exc:
                problems += exc.problems
                continue
            counts = f"{len(translations.exercises)} exercises, {len(translations.templates)} templates"
            report.lines.append(f"ok  translation '{language}': {counts}")
    except InputError as exc:
        problems += exc.problems
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    if tmp is not None:  # name the user's files, not the temporary copies
        problems = [_retarget(p, tmp, files) for p in problems]
    report.problems += problems
    return catalogue


def _copy_with_translations(files: list[Path], tmp: Path) -> None:
    """Copy exercise files named on their own into a folder, with their translations beside them."""
    for f in files:
        shutil.copy(f, tmp / f.name)
        for overlay in sorted((f.parent / I18N).glob(f"*/{f.name}")):
            (tmp / I18N / overlay.parent.name).mkdir(parents=True, exist_ok=True)
            shutil.copy(overlay, tmp / I18N / overlay.parent.name / f.name)


def _retarget(problem: Problem, tmp: Path, files: list[Path]) -> Problem:
    if not problem.file or str(tmp) not in problem.file:
        return problem
    relative = Path(problem.file).relative_to(tmp)
    original = next((f for f in files if f.name == relative.name), None)
    if original is None:
        return problem
    file = str(original.parent / relative)
    message = problem.message.replace(str(tmp), str(original.parent))
    return Problem(message, file=file, path=problem.path, line=problem.line, column=problem.column)


def _template_translations(path: Path) -> list[Problem]:
    """A template named on its own, outside the bundled folder, in every language its folder has."""
    if any(path.resolve().parent == folder.resolve() for folder in template_dirs()):
        return []  # checked with the catalogue
    problems: list[Problem] = []
    for language in languages([path.parent]):
        problems += translate_template_file(path, language)[1]
    return problems


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
