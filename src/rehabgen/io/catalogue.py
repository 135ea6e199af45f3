"""Loading the exercise catalogue: ``exercises/*.yaml`` read, validated entry by entry, then as a whole.

Loading collects every problem in every file before failing: per entry (unknown keys, out-of-range values,
unknown vocabulary), then in passes across entries (duplicate ids, ladders pointing at missing exercises,
ladder cycles, ladders whose levels do not rise, pictures that do not fit their frame).

Folders layer: the bundled catalogue comes first, and each extra folder adds its files on top. A file with
the same name as a bundled one replaces it, so a clinic can copy ``core.yaml``, edit it and point rehabgen at
the copy without forking.

With a cache, parsed files and passed picture checks are remembered by the hash of the files' bytes; the
per-entry validation and the ladder checks run every time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from rehabgen.errors import CatalogueError, InputError, Problem
from rehabgen.io.bundled import bundled_dir
from rehabgen.io.cache import Cache
from rehabgen.io.problems import suggest, validate
from rehabgen.io.reader import iter_yaml_files, locate, read_yaml
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import Exercise
from rehabgen.pictures import GEOMETRY_SOURCES, code_fingerprint


def catalogue_dirs(extra: Sequence[Path] = ()) -> list[Path]:
    """The folders a catalogue is built from: the bundled one, then ``extra`` in order."""
    return [bundled_dir("exercises"), *extra]


def load_catalogue(extra: Sequence[Path] = (), *, cache: Cache | None = None) -> Catalogue:
    """Load and validate the bundled catalogue with ``extra`` folders layered over it.

    Raises:
        CatalogueError: listing every problem found in every file.
    """
    return load_catalogue_from(catalogue_dirs(extra), cache=cache)


class _Files:
    """The text and parsed data of every file read, to locate problems found by the cross-entry passes."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.data: dict[str, Any] = {}

    def line_of(self, name: str, exercise_id: str, field_name: str) -> int | None:
        data = self.data.get(name)
        items = data.get("exercises", []) if isinstance(data, dict) else []
        for index, item in enumerate(items):
            if isinstance(item, dict) and item.get("id") == exercise_id:
                return locate(self.texts[name], ("exercises", index, field_name))
        return None


def load_catalogue_from(folders: Sequence[Path], *, cache: Cache | None = None) -> Catalogue:
    """Load exactly these folders (later ones overlay earlier ones file by file)."""
    problems: list[Problem] = []
    chosen = choose_files(folders, problems)
    exercises: dict[str, Exercise] = {}
    files: dict[str, str] = {}
    seen = _Files()
    digest = hashlib.sha256()  # of each file's name and text: where the files live does not matter
    for path in chosen:
        name = display_name(path)
        try:
            data, text = read_yaml(path, name, cache=cache)
        except InputError as exc:
            problems += exc.problems
            continue
        seen.texts[name], seen.data[name] = text, data
        digest.update(f"{path.name}\0{text}\0".encode())
        for exercise, file_problems in _validate_file(data, name, text):
            problems += file_problems
            if exercise is None:
                continue
            if exercise.id in exercises:
                problems.append(
                    Problem(
                        f"duplicate id: already defined in {files[exercise.id]}",
                        file=name,
                        path=(exercise.id, "id"),
                        line=seen.line_of(name, exercise.id, "id"),
                    )
                )
                continue
            exercises[exercise.id] = exercise
            files[exercise.id] = name
    catalogue = Catalogue(exercises, files, digest.hexdigest()[:16])
    for exercise_id, field_name, message in [*check_ladders(catalogue), *_picture_problems(catalogue, seen, cache)]:
        name = files[exercise_id]
        problems.append(
            Problem(
                message, file=name, path=(exercise_id, field_name), line=seen.line_of(name, exercise_id, field_name)
            )
        )
    if problems:
        raise CatalogueError(problems)
    return catalogue


def choose_files(folders: Sequence[Path], problems: list[Problem]) -> list[Path]:
    """The exercise files a catalogue is built from: every folder's, a later file replacing one of the same name."""
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
    return list(chosen.values())


def display_name(path: Path) -> str:
    """A path as short as it can be while still naming the file unambiguously."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _validate_file(data: Any, name: str, text: str) -> Iterator[tuple[Exercise | None, list[Problem]]]:
    if not isinstance(data, dict) or set(data) != {"exercises"} or not isinstance(data["exercises"], list):
        keys = ", ".join(map(str, data)) if isinstance(data, dict) else type(data).__name__
        message = f"expected a mapping with one key, 'exercises:', holding a list (got {keys})"
        yield None, [Problem(message, file=name, line=1)]
        return
    for index, item in enumerate(data["exercises"]):
        yield validate(Exercise, item, file=name, text=text, prefix=("exercises", index), whole=data)


def _picture_problems(catalogue: Catalogue, seen: _Files, cache: Cache | None) -> list[tuple[str, str, str]]:
    """The picture pass: every pose fits its frame; skipped for exactly the files that passed it before."""
    kind = f"pictures-checked:{code_fingerprint(*GEOMETRY_SOURCES)}"
    source = "\0".join(f"{name}\0{text}" for name, text in sorted(seen.texts.items()))
    if cache is not None and cache.get(kind, source) is True:
        return []
    from rehabgen.pictures.check import check_pictures  # the geometry is slow to import: only when needed

    found = check_pictures(catalogue)
    if not found and cache is not None and catalogue.exercises:
        cache.put(kind, source, True)
    return found


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
                message = f"'{target}' is not an exercise in the catalogue{suggest(target, list(exercises))}"
                found.append((ex.id, field_name, message))
                continue
            if rises and other.level <= ex.level:
                message = f"'{target}' is level {other.level}, not harder than this level {ex.level}"
                found.append((ex.id, field_name, message))
            if not rises and other.level >= ex.level:
                message = f"'{target}' is level {other.level}, not easier than this level {ex.level}"
                found.append((ex.id, field_name, message))
    for field_name in ("easier", "harder"):
        for cycle in _cycles(exercises, field_name):
            found.append((cycle[0], field_name, f"ladder cycle: {' → '.join([*cycle, cycle[0]])}"))
    return found


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
