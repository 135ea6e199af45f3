"""Reading translations: overlay files beside the English files, checked against them entry by entry.

The Spanish of ``<folder>/core.yaml`` is ``<folder>/i18n/es/core.yaml``, and the Spanish of a template
``<folder>/mcgill_core.yaml`` is ``<folder>/i18n/es/mcgill_core.yaml``. A translation lives beside its source,
so a clinic folder that replaces ``core.yaml`` brings its own translations of it and a stale one is never
used.

Every problem is collected before failing, with file, line and field, as the catalogue's are: an unknown id,
an entry in the wrong file, a missing field, a list whose length differs from the English, a conditional
note whose conditions differ from the English note's. A language is all or nothing: once any catalogue
folder has ``i18n/<language>/``, every exercise of the layered catalogue must be translated into it (a
missing translation is an error, never filled in from the English). Templates stand alone, so they are
translated folder by folder: a templates folder with ``i18n/<language>/`` must translate every template
in it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from rehabgen.errors import InputError, Problem, TemplateError, TranslationError
from rehabgen.io.cache import Cache
from rehabgen.io.catalogue import catalogue_dirs, choose_files, display_name
from rehabgen.io.problems import display_path, suggest, validate
from rehabgen.io.reader import iter_yaml_files, locate, read_yaml
from rehabgen.io.templates import list_templates, load_template, template_dirs
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import ConditionalNote, Exercise
from rehabgen.model.template import Template
from rehabgen.model.translation import LANGUAGE, ExerciseText, TemplateText, Translations

I18N = "i18n"
"""The folder of translations inside a catalogue or templates folder: ``i18n/<language>/``."""

Loc = tuple[str | int, ...]


def overlay_path(source: Path, language: str) -> Path:
    """Where the translation of an English exercise or template file into ``language`` lives."""
    return source.parent / I18N / language / source.name


def languages(folders: Sequence[Path]) -> list[str]:
    """Every language some folder has translations for (``<folder>/i18n/<language>/``), sorted."""
    found: set[str] = set()
    for folder in folders:
        root = folder / I18N
        if root.is_dir():
            found |= {p.name for p in root.iterdir() if p.is_dir()}
    return sorted(found)


def load_translations(
    language: str,
    catalogue: Catalogue,
    folders: Sequence[Path] | None = None,
    template_folders: Sequence[Path] | None = None,
    *,
    cache: Cache | None = None,
) -> Translations:
    """Read and check the translations of ``catalogue`` and of the templates into ``language``.

    Args:
        language: a language code such as ``es``.
        catalogue: the English catalogue, as loaded from ``folders``.
        folders: the catalogue folders it was loaded from (the bundled one when not given).
        template_folders: the templates folders (the bundled ``programs/`` when not given; ``[]`` for none).
        cache: remembers parsed files, as for the catalogue.

    Raises:
        TranslationError: every problem in every translation file, and every exercise not translated.
    """
    if not re.match(LANGUAGE, language):
        raise TranslationError([Problem(f"'{language}' is not a language code such as es, fr or pt-BR")])
    problems: list[Problem] = []
    digest = hashlib.sha256(language.encode())
    folders = catalogue_dirs() if folders is None else folders
    exercises = _exercises(language, catalogue, folders, problems, digest, cache)
    folders = template_dirs() if template_folders is None else template_folders
    templates: dict[str, TemplateText] = {}
    for folder in folders:
        if (folder / I18N / language).is_dir():
            templates |= _templates_in(folder, language, problems, digest, cache)
    if problems:
        raise TranslationError(problems)
    return Translations(language, exercises, templates, digest.hexdigest()[:16])


# --- exercises ---------------------------------------------------------------------------------------------


def _exercises(
    language: str,
    catalogue: Catalogue,
    folders: Sequence[Path],
    problems: list[Problem],
    digest: Any,
    cache: Cache | None,
) -> dict[str, ExerciseText]:
    found: dict[str, ExerciseText] = {}
    by_file: dict[str, list[str]] = {}
    for exercise_id, file in catalogue.files.items():
        by_file.setdefault(file, []).append(exercise_id)
    for source in choose_files(folders, []):  # a missing folder was the catalogue's problem
        name = display_name(source)
        expected = by_file.get(name, [])
        path = overlay_path(source, language)
        if not path.is_file():
            if expected:
                message = f"has no '{language}' translation: add {display_name(path)} ({len(expected)} exercise(s))"
                problems.append(Problem(message, file=name))
            continue
        read = _read(path, problems, digest, cache)
        if read is None:
            continue
        data, text = read
        entries, file_problems = check_exercise_overlay(data, display_name(path), text, language, catalogue, expected)
        problems += file_problems
        found |= entries
        problems += _untranslated(source, name, untranslated_ids(data, expected), path, cache)
    for folder in folders:
        problems += _orphans(folder, language, "exercise file")
    return found


def check_exercise_overlay(
    data: Any, name: str, text: str, language: str, catalogue: Catalogue, expected: Sequence[str]
) -> tuple[dict[str, ExerciseText], list[Problem]]:
    """Check one exercise translation file against the English; the entries that pass, and every problem.

    ``expected`` are the ids of the English file it translates; an id the file leaves out is not reported
    here (the caller names the English entry, ``untranslated_ids``).
    """
    keys = set(data) if isinstance(data, dict) else set()
    if not keys >= {"exercises"} or not keys <= {"language", "exercises"} or not isinstance(data["exercises"], list):
        got = ", ".join(map(str, data)) if isinstance(data, dict) else type(data).__name__
        message = f"expected a mapping with 'language:' and 'exercises:', a list of translated entries (got {got})"
        return {}, [Problem(message, file=name, line=1)]
    problems = _language_problems(data, name, text, language)
    entries: dict[str, ExerciseText] = {}
    seen: set[str] = set()
    for index, item in enumerate(data["exercises"]):
        prefix: Loc = ("exercises", index)
        entry, found = validate(ExerciseText, item, file=name, text=text, prefix=prefix, whole=data)
        problems += found
        item_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item_id, str):
            continue  # reported by the model
        where = _Where(name, text, data, prefix)
        if item_id in seen:
            problems.append(where.problem(("id",), f"'{item_id}' is translated twice in this file"))
        elif item_id not in catalogue:
            hint = suggest(item_id, list(catalogue.exercises))
            problems.append(where.problem(("id",), f"'{item_id}' is not an exercise in the catalogue{hint}"))
        elif item_id not in expected:
            home = catalogue.files[item_id]
            message = f"'{item_id}' is in {home}, so its translation belongs in {overlay_path(Path(home), language)}"
            problems.append(where.problem(("id",), message))
        else:
            # Compared with the English even when the entry has other problems, so one run lists them all.
            differences = exercise_differences(catalogue[item_id], item)
            problems += [where.problem(loc, message) for loc, message in differences]
            if entry is not None and not differences:
                entries[item_id] = entry
        seen.add(item_id)
    return entries, problems


def untranslated_ids(data: Any, expected: Sequence[str]) -> list[str]:
    """The ids in ``expected`` that no entry of a translation file names (a broken entry still names its id)."""
    items = data.get("exercises") if isinstance(data, dict) else None
    named = {item.get("id") for item in items if isinstance(item, dict)} if isinstance(items, list) else set()
    return [exercise_id for exercise_id in expected if exercise_id not in named]


def exercise_differences(english: Exercise, item: Mapping[str, Any]) -> list[tuple[Loc, str]]:
    """Where a translated entry (as read, valid or not) does not match its English: (place in it, reason)."""
    found: list[tuple[Loc, str]] = []
    for field in ("aliases", "caution", "cautions", "why"):
        found += _presence(field, getattr(english, field), item.get(field))
    for field in ("aliases", "steps", "cues", "mistakes", "cautions", "why"):
        mine, theirs = item.get(field), getattr(english, field)
        if isinstance(mine, list) and theirs and len(mine) != len(theirs):
            found.append(((field,), f"has {len(mine)} item(s); the English has {len(theirs)}, one for each"))
    for field in ("cautions", "why"):
        notes = item.get(field)
        originals: list[ConditionalNote] = getattr(english, field)
        for index, (note, original) in enumerate(
            zip(notes if isinstance(notes, list) else [], originals, strict=False)
        ):
            when = note.get("when") if isinstance(note, dict) else None
            wanted = [str(condition) for condition in original.when]
            if isinstance(when, list) and [str(w) for w in when] != wanted:
                message = f"[{', '.join(map(str, when))}] must be the English note's conditions, in order: "
                found.append(((field, index, "when"), message + f"[{', '.join(wanted)}]"))
    return found


def _presence(field: str, english: object, translated: object) -> list[tuple[Loc, str]]:
    """A field the English has must be translated; one it has not must not be."""
    if english and translated is None:
        return [((field,), f"required field is missing (the English entry has {_count(english, field)})")]
    if not english and translated is not None:
        return [((field,), f"the English entry has no {field}; remove it")]
    return []


def _count(value: object, field: str) -> str:
    return f"{len(value)} {field}" if isinstance(value, list) else f"a {field}"


def _untranslated(source: Path, name: str, missing: list[str], path: Path, cache: Cache | None) -> list[Problem]:
    """A problem at each English entry its translation file leaves out."""
    if not missing:
        return []
    try:
        data, text = read_yaml(source, name, cache=cache)
    except InputError:  # pragma: no cover - the catalogue was just read from it
        data, text = {}, ""
    items = data.get("exercises", []) if isinstance(data, dict) else []
    index = {item.get("id"): i for i, item in enumerate(items) if isinstance(item, dict)}
    message = f"has no translation in {display_name(path)}; every exercise needs one (no English is printed instead)"
    return [
        Problem(
            message,
            file=name,
            path=(exercise_id,),
            line=locate(text, ("exercises", index[exercise_id], "id")) if exercise_id in index else None,
        )
        for exercise_id in missing
    ]


# --- templates ---------------------------------------------------------------------------------------------


def _templates_in(
    folder: Path, language: str, problems: list[Problem], digest: Any, cache: Cache | None
) -> dict[str, TemplateText]:
    found: dict[str, TemplateText] = {}
    for source in iter_yaml_files(folder):
        text, file_problems = translate_template_file(source, language, digest=digest, cache=cache)
        problems += file_problems
        if text is not None:
            found[text.id] = text
    problems += _orphans(folder, language, "template")
    return found


def translate_template_file(
    source: Path, language: str, *, digest: Any = None, cache: Cache | None = None
) -> tuple[TemplateText | None, list[Problem]]:
    """A template's translation into ``language``, read from beside it and checked against it."""
    name = display_name(source)
    try:
        english = load_template(source, name)
    except TemplateError as exc:
        return None, exc.problems
    path = overlay_path(source, language)
    if not path.is_file():
        return None, [Problem(f"has no '{language}' translation: add {display_name(path)}", file=name)]
    problems: list[Problem] = []
    read = _read(path, problems, digest, cache)
    if read is None:
        return None, problems
    data, text = read
    return check_template_overlay(data, display_name(path), text, language, english)


def check_template_overlay(
    data: Any, name: str, text: str, language: str, english: Template
) -> tuple[TemplateText | None, list[Problem]]:
    """Check one template translation file against its English template."""
    if not isinstance(data, dict):
        return None, [Problem(f"must be a mapping of fields (key: value), not {type(data).__name__}", file=name)]
    entry, problems = validate(TemplateText, data, file=name, text=text)
    if entry is None:
        return None, problems
    problems += _language_problems(data, name, text, language)
    where = _Where(name, text, data, ())
    if entry.id != english.id:
        problems.append(
            where.problem(("id",), f"'{entry.id}' must be the id of the template it translates, '{english.id}'")
        )
    found = _presence("advice", english.advice, entry.advice)
    advice = entry.advice or []
    if entry.advice is not None and english.advice and len(advice) != len(english.advice):
        found.append((("advice",), f"has {len(advice)} section(s); the English has {len(english.advice)}"))
    for index, (section, original) in enumerate(zip(advice, english.advice, strict=False)):
        if section.id != original.id:
            found.append((("advice", index, "id"), f"must be '{original.id}', the English section in this place"))
        found += [
            (("advice", index, *loc), message) for loc, message in _presence("points", original.points, section.points)
        ]
        if section.points is not None and original.points and len(section.points) != len(original.points):
            message = f"has {len(section.points)} item(s); the English has {len(original.points)}, one for each"
            found.append((("advice", index, "points"), message))
    problems += [where.problem(loc, message) for loc, message in found]
    return (None if problems else entry), problems


# --- shared ------------------------------------------------------------------------------------------------


class _Where:
    """Problems at places inside one entry of one translation file."""

    def __init__(self, name: str, text: str, data: Any, prefix: Loc) -> None:
        self.name, self.text, self.data, self.prefix = name, text, data, prefix

    def problem(self, loc: Loc, message: str) -> Problem:
        full = (*self.prefix, *loc)
        return Problem(message, file=self.name, path=display_path(self.data, full), line=locate(self.text, full))


def _language_problems(data: dict[str, Any], name: str, text: str, language: str) -> list[Problem]:
    value = data.get("language")
    if value == language:
        return []
    line = locate(text, ("language",))
    if value is None:
        return [
            Problem(f"required field is missing (write language: {language})", file=name, path=("language",), line=line)
        ]
    message = f"'{value}' does not match the folder the file is in ('{language}')"
    return [Problem(message, file=name, path=("language",), line=line)]


def _read(path: Path, problems: list[Problem], digest: Any, cache: Cache | None) -> tuple[Any, str] | None:
    name = display_name(path)
    try:
        data, text = read_yaml(path, name, cache=cache)
    except InputError as exc:
        problems += exc.problems
        return None
    if digest is not None:
        digest.update(f"{path.name}\0{text}\0".encode())
    return data, text


def _orphans(folder: Path, language: str, what: str) -> list[Problem]:
    """Translation files with no English file of the same name beside them."""
    overlays = folder / I18N / language
    if not overlays.is_dir():
        return []
    return [
        Problem(f"there is no {what} {display_name(folder / path.name)} for it to translate", file=display_name(path))
        for path in iter_yaml_files(overlays)
        if not (folder / path.name).is_file()
    ]


# --- one file on its own (rehabgen validate FILE) ------------------------------------------------------------


def check_overlay_file(path: Path, catalogue: Catalogue | None) -> tuple[str, list[Problem]]:
    """Check one translation file named on its own: (what it is, for a report line; every problem).

    An exercise translation is checked against the catalogue (its entries, and the exercises of the English
    file of the same name it leaves out); a template translation against the template beside it
    (``../../<name>``) or else the template with its id.
    """
    name = display_name(path)
    try:
        data, text = read_yaml(path, name)
    except InputError as exc:
        return "translation", exc.problems
    language = data.get("language") if isinstance(data, dict) else None
    language = language if isinstance(language, str) else path.parent.name
    if isinstance(data, dict) and "exercises" in data:
        if catalogue is None:
            return f"exercise translation, {language}", []  # the catalogue's own problems are listed
        expected = [i for i, file in catalogue.files.items() if Path(file).name == path.name]
        _, problems = check_exercise_overlay(data, name, text, language, catalogue, expected)
        missing = untranslated_ids(data, expected)
        if missing:
            home = catalogue.files[missing[0]]
            problems += _untranslated(Path(home), home, missing, path, None)
        return f"exercise translation, {language}", problems
    english = _english_template(path, data)
    if english is None:
        message = "found no template it translates: put it in i18n/<language>/ beside the template, named like it"
        return f"template translation, {language}", [Problem(message, file=name)]
    try:
        template = load_template(english, display_name(english))
    except TemplateError as exc:
        return f"template translation, {language}", exc.problems
    _, problems = check_template_overlay(data, name, text, language, template)
    return f"template translation, {language}", problems


def _english_template(path: Path, data: Any) -> Path | None:
    beside = path.parents[2] / path.name if len(path.parents) > 2 else None
    if beside is not None and path.parent.parent.name == I18N and beside.is_file():
        return beside
    template_id = data.get("id") if isinstance(data, dict) else None
    return list_templates().get(template_id) if isinstance(template_id, str) else None
