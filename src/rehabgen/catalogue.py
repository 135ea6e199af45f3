"""The exercise catalogue: ``exercises/*.yaml`` loaded, validated as a whole, and queried.

Loading collects every problem in every file before failing: per entry (unknown keys, out-of-range values,
unknown vocabulary) and across files (duplicate ids, ladders pointing at missing exercises, ladder cycles,
ladders whose levels do not rise).

Folders layer: the bundled catalogue comes first, and each extra folder (``--catalogue DIR`` or the
``REHABGEN_CATALOGUE`` variable) adds its files on top. A file with the same name as a bundled one
replaces it, so a clinic can copy ``core.yaml``, edit it and point rehabgen at the copy without forking.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rehabgen.errors import CatalogueError, InputError, Problem
from rehabgen.exercise import Exercise
from rehabgen.loader import checked_marker, iter_yaml_files, locate, mark_checked, read_yaml, validate
from rehabgen.vocab import Category, Cause, Equipment, Muscle, Tag

CATALOGUE_ENV = "REHABGEN_CATALOGUE"
"""Environment variable: extra catalogue folders, separated like PATH."""


def bundled_dir(name: str) -> Path:
    """A folder shipped with rehabgen (``exercises``, ``programs`` or ``examples``).

    In an installed wheel the folders live inside the package; in a source checkout (editable install)
    they are the top-level folders of the repository.
    """
    here = Path(__file__).resolve().parent
    packaged = here / "_bundled" / name
    return packaged if packaged.is_dir() else here.parents[1] / name


@dataclass(frozen=True)
class Catalogue:
    """Validated exercises by id, in file order, with the file each came from."""

    exercises: dict[str, Exercise]
    files: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, exercise_id: str) -> Exercise:
        return self.exercises[exercise_id]

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self.exercises

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises.values())

    def __len__(self) -> int:
        return len(self.exercises)

    def __repr__(self) -> str:
        return f"Catalogue({len(self.exercises)} exercises)"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Short form for pretty-printers (IPython, hypothesis), which would otherwise print every field."""
        printer.text(repr(self))

    def ladder(self, exercise_id: str) -> list[Exercise]:
        """The exercise's ladder from its easiest to its hardest rung, following easier/harder links."""
        start = self.exercises[exercise_id]
        down: list[Exercise] = []
        node = start
        while node.easier and node.easier in self.exercises and len(down) < len(self.exercises):
            node = self.exercises[node.easier]
            down.append(node)
        up: list[Exercise] = []
        node = start
        while node.harder and node.harder in self.exercises and len(up) < len(self.exercises):
            node = self.exercises[node.harder]
            up.append(node)
        return [*reversed(down), start, *up]

    def select(
        self,
        *,
        cause: Cause | None = None,
        muscle: Muscle | None = None,
        tag: Tag | None = None,
        equipment: Iterable[Equipment] | None = None,
        category: Category | None = None,
        level: int | None = None,
    ) -> list[Exercise]:
        """Exercises matching every filter given; ``equipment`` keeps those doable with only that kit."""
        kit = set(equipment) if equipment is not None else None
        return [
            ex
            for ex in self
            if (cause is None or cause in ex.causes)
            and (muscle is None or muscle in ex.muscles.primary or muscle in ex.muscles.secondary)
            and (tag is None or tag in ex.tags)
            and (kit is None or set(ex.equipment) <= kit)
            and (category is None or ex.category is category)
            and (level is None or ex.level == level)
        ]


def catalogue_dirs(extra: Sequence[Path] = (), *, use_env: bool = True) -> list[Path]:
    """The folders a catalogue is built from: the bundled one, then the environment's, then ``extra``."""
    dirs = [bundled_dir("exercises")]
    if use_env and (env := os.environ.get(CATALOGUE_ENV)):
        dirs += [Path(p) for p in env.split(os.pathsep) if p]
    return dirs + list(extra)


def load_catalogue(extra: Sequence[Path] = (), *, use_env: bool = True) -> Catalogue:
    """Load and validate the catalogue; raise CatalogueError listing every problem found."""
    return load_catalogue_from(catalogue_dirs(extra, use_env=use_env))


def load_catalogue_from(folders: Sequence[Path]) -> Catalogue:
    """Load exactly these folders (later ones overlay earlier ones file by file)."""
    problems: list[Problem] = []
    chosen: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            problems.append(Problem("catalogue folder not found", file=str(folder)))
            continue
        yaml_files = list(iter_yaml_files(folder))
        if not yaml_files:
            problems.append(Problem("no exercise files (*.yaml) in this folder", file=str(folder)))
        for path in yaml_files:
            chosen[path.name] = path
    exercises: dict[str, Exercise] = {}
    files: dict[str, str] = {}
    texts: dict[str, str] = {}
    raw: dict[str, Any] = {}
    for path in chosen.values():
        name = _display(path)
        try:
            data, text = read_yaml(path, name, cache=True)
        except InputError as exc:
            problems += exc.problems
            continue
        texts[name] = text
        raw[name] = data
        marker = checked_marker(text, _geometry_version())
        context = {"geometry_checked": marker is not None and marker.exists()}
        clean = True
        for exercise, file_problems in _validate_file(data, name, text, context):
            problems += file_problems
            clean = clean and not file_problems
            if exercise is None:
                continue
            if exercise.id in exercises:
                problems.append(
                    Problem(
                        f"duplicate id: already defined in {files[exercise.id]}",
                        file=name,
                        path=(exercise.id, "id"),
                        line=_line_of(text, data, exercise.id, "id"),
                    )
                )
                continue
            exercises[exercise.id] = exercise
            files[exercise.id] = name
        if clean and not context["geometry_checked"]:
            mark_checked(marker)
    catalogue = Catalogue(exercises, files)
    for exercise_id, field_name, message in check_ladders(catalogue):
        name = files[exercise_id]
        problems.append(
            Problem(
                message,
                file=name,
                path=(exercise_id, field_name),
                line=_line_of(texts[name], raw[name], exercise_id, field_name),
            )
        )
    if problems:
        raise CatalogueError(problems)
    return catalogue


def _display(path: Path) -> str:
    """A path as short as it can be while still naming the file unambiguously."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@functools.cache
def _geometry_version() -> str:
    """A hash of the code that checks poses, so a trusted file is re-checked when that code changes."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for module in ("pose.py", "figure.py", "exercise.py"):
        digest.update((here / module).read_bytes())
    return digest.hexdigest()[:16]


def _validate_file(
    data: Any, name: str, text: str, context: dict[str, Any]
) -> Iterator[tuple[Exercise | None, list[Problem]]]:
    if not isinstance(data, dict) or set(data) != {"exercises"} or not isinstance(data["exercises"], list):
        keys = ", ".join(map(str, data)) if isinstance(data, dict) else type(data).__name__
        yield (
            None,
            [
                Problem(
                    f"expected a mapping with one key, 'exercises:', holding a list (got {keys})",
                    file=name,
                    line=1,
                )
            ],
        )
        return
    for index, item in enumerate(data["exercises"]):
        exercise, problems = validate(
            Exercise, item, file=name, text=text, prefix=("exercises", index), whole=data, context=context
        )
        yield exercise, problems


def _line_of(text: str, data: Any, exercise_id: str, field_name: str) -> int | None:
    items = data.get("exercises", []) if isinstance(data, dict) else []
    for index, item in enumerate(items):
        if isinstance(item, dict) and item.get("id") == exercise_id:
            return locate(text, ("exercises", index, field_name))
    return None


def check_ladders(catalogue: Catalogue) -> list[tuple[str, str, str]]:
    """Cross-entry ladder problems as (exercise id, field, message)."""
    found: list[tuple[str, str, str]] = []
    exercises = catalogue.exercises
    for ex in exercises.values():
        for field_name, target, rises in (("easier", ex.easier, False), ("harder", ex.harder, True)):
            if target is None:
                continue
            other = exercises.get(target)
            if other is None:
                found.append(
                    (
                        ex.id,
                        field_name,
                        f"'{target}' is not an exercise in the catalogue{_near(target, exercises)}",
                    )
                )
                continue
            if rises and other.level <= ex.level:
                found.append(
                    (
                        ex.id,
                        field_name,
                        f"'{target}' is level {other.level}, not harder than this level {ex.level}",
                    )
                )
            if not rises and other.level >= ex.level:
                found.append(
                    (
                        ex.id,
                        field_name,
                        f"'{target}' is level {other.level}, not easier than this level {ex.level}",
                    )
                )
    for field_name in ("easier", "harder"):
        for cycle in _cycles(exercises, field_name):
            found.append((cycle[0], field_name, f"ladder cycle: {' → '.join([*cycle, cycle[0]])}"))
    return found


def _near(target: str, known: dict[str, Exercise]) -> str:
    from rehabgen.loader import suggest

    return suggest(target, list(known))


def _cycles(exercises: dict[str, Exercise], field_name: str) -> list[list[str]]:
    cycles: list[list[str]] = []
    done: set[str] = set()
    for start in exercises:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in exercises and node not in done and node not in path:
            path.append(node)
            node = getattr(exercises[node], field_name)
        if node is not None and node in path:
            cycle = path[path.index(node) :]
            if not any(set(cycle) == set(c) for c in cycles):
                cycles.append(cycle)
        done.update(path)
    return cycles
