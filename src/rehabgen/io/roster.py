"""Reading a batch roster: a CSV as a spreadsheet exports it, a YAML list of profiles, or a folder of profiles.

Rows are read lazily, one at a time, so a long roster never sits in memory. A problem with the roster as a
whole (an unknown column, a file that is not a list) raises RosterError before any row is processed; a
problem inside one row travels with that row and is reported in the manifest while the others carry on.

CSV columns (header row required; every column optional except those a profile requires):

    patient_id, patient_name, clinician, age, sex, weekly_running_km, longest_run_last_4wk_km,
    easy_pace_min_per_km, goal, causes, clinician_diagnosed, cleared_for_impact, pain_nprs,
    symptom_duration_weeks, leg_symptoms, bilateral_new_or_worsening, numbness, weakness, red_flags,
    postpartum_weeks, pelvic_floor_symptoms, equipment, sessions_per_week, programme_weeks, start_date, region,
    drop, pin, note, next_appointment, from_week

List fields (``causes``, ``equipment``, ``red_flags``, and the exercise ids of ``drop`` and ``pin``) are
separated by ``;``; ``red_flags`` lists the questions answered yes. ``drop``, ``pin``, ``note``,
``next_appointment`` and ``from_week`` are the clinician's adjustments (the profile's ``adjustments:``).
Yes/no fields take true/false, yes/no or 1/0. Dates are YYYY-MM-DD. An empty cell means "not given", so the
template's or the profile's default applies.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from rehabgen.errors import InputError, Problem, RosterError
from rehabgen.io.limits import MAX_CELL_CHARS, MAX_ROSTER_BYTES, MAX_ROSTER_VALUES
from rehabgen.io.problems import suggest
from rehabgen.io.reader import iter_yaml_files, open_regular, parse_yaml, read_text

LIST_SEPARATOR = ";"
SCALAR_COLUMNS = (
    "clinician",
    "age",
    "sex",
    "weekly_running_km",
    "longest_run_last_4wk_km",
    "easy_pace_min_per_km",
    "goal",
    "clinician_diagnosed",
    "cleared_for_impact",
    "pain_nprs",
    "symptom_duration_weeks",
    "leg_symptoms",
    "bilateral_new_or_worsening",
    "postpartum_weeks",
    "pelvic_floor_symptoms",
    "sessions_per_week",
    "programme_weeks",
    "start_date",
    "region",
    "units",
    "language",
)
LIST_COLUMNS = ("causes", "equipment")
QUESTION_COLUMNS = ("patient_id", "patient_name", *SCALAR_COLUMNS, *LIST_COLUMNS, "numbness", "weakness", "red_flags")
"""The columns answering the intake questionnaire's questions (the README's table is generated from them)."""
ADJUSTMENT_COLUMNS = ("drop", "pin", "note", "next_appointment", "from_week")
"""The clinician's adjustments a roster row may carry: ``drop`` and ``pin`` are lists of exercise ids."""
COLUMNS = (*QUESTION_COLUMNS, *ADJUSTMENT_COLUMNS)


@dataclass
class RosterRow:
    """One roster row: its number, where it came from, the profile data, and any problem reading it."""

    number: int
    source: str
    data: dict[str, Any] | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def patient_id(self) -> str:
        """The patient id as written, for file names and the manifest."""
        patient = (self.data or {}).get("patient") or {}
        return str(patient.get("id") or "") if isinstance(patient, dict) else ""

    @property
    def patient_name(self) -> str:
        """The patient name as written."""
        patient = (self.data or {}).get("patient") or {}
        return str(patient.get("name") or "") if isinstance(patient, dict) else ""


class Rows(Iterator[RosterRow]):
    """A roster's rows, read lazily; the end of the rows, ``close()`` or a ``with`` block releases the file."""

    def __init__(self, rows: Iterator[RosterRow], handle: IO[str] | None = None) -> None:
        self._rows = rows
        self._handle = handle

    def __next__(self) -> RosterRow:
        try:
            return next(self._rows)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Release the roster file (rows not yet read are never read)."""
        if self._handle is not None:
            self._handle.close()

    def __enter__(self) -> Rows:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_roster(path: Path) -> Rows:
    """Rows of a CSV file, a YAML list or a folder of profile files, in order."""
    if path.is_dir():
        return Rows(_folder_rows(path))
    if path.suffix.lower() == ".csv":
        return _csv_rows(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        return Rows(_yaml_rows(path))
    raise RosterError(
        [
            Problem(
                "a roster is a .csv file, a .yaml file holding a list of profiles, or a folder of profiles",
                file=str(path),
            )
        ]
    )


def read_roster_text(data: bytes, kind: str, name: str) -> Rows:
    """Rows of a roster held in memory (an upload): ``kind`` is ``csv`` or ``yaml``; ``name`` labels problems.

    Nothing is written anywhere: the web app's roster upload never touches the disk.
    """
    if kind == "csv":
        handle = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", errors="surrogateescape", newline="")
        return _csv_from(handle, name)
    if kind == "yaml":
        text = data.decode("utf-8", errors="surrogateescape")
        if len(data) > MAX_ROSTER_BYTES or _not_utf8(text):
            raise RosterError([Problem("not a UTF-8 YAML file within the roster size limit", file=name)])
        try:
            parsed = parse_yaml(text, name, max_values=MAX_ROSTER_VALUES)
        except InputError as exc:
            raise RosterError(exc.problems) from None
        return Rows(_yaml_list(parsed, name))
    raise RosterError([Problem("a roster is a .csv file or a .yaml file holding a list of profiles", file=name)])


def _csv_rows(path: Path) -> Rows:
    name = str(path)
    try:
        # Bytes that are not UTF-8 become lone surrogates, so one bad row is reported and the others read on.
        handle = io.TextIOWrapper(open_regular(path, name), encoding="utf-8-sig", errors="surrogateescape", newline="")
    except InputError as exc:
        raise RosterError(exc.problems) from None
    return _csv_from(handle, name)


def _csv_from(handle: IO[str], name: str) -> Rows:
    reader = csv.reader(handle)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        handle.close()
        raise RosterError([Problem("the file is empty: it needs a header row", file=name)]) from None
    except csv.Error as exc:
        handle.close()
        raise RosterError([Problem(f"not a readable CSV file ({exc})", file=name)]) from None
    if any(_not_utf8(h) for h in header):
        handle.close()
        raise RosterError([Problem("not UTF-8 text: save the roster as 'CSV UTF-8'", file=name, line=1)])
    problems = _header_problems(header, name)
    if problems:
        handle.close()
        raise RosterError(problems)
    return Rows(_csv_data(reader, header, name), handle)


def _csv_data(reader: Any, header: list[str], name: str) -> Iterator[RosterRow]:
    """Data rows; a row that cannot be read (a cell too long for the CSV reader) is a bad row, not the end."""
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            reason = f"cannot be read ({exc}); a cell may hold at most {MAX_CELL_CHARS:,} characters"
            yield RosterRow(number, name, None, [Problem(reason, file=name, path=(f"row {number}",))])
            continue
        if not any(c.strip() for c in cells):
            continue  # spreadsheets often leave blank lines at the end
        number += 1
        yield _csv_row(number, header, cells, name)


def _header_problems(header: list[str], name: str) -> list[Problem]:
    problems = []
    if len(header) == 1 and LIST_SEPARATOR in header[0]:
        return [
            Problem("columns must be separated by commas; ';' separates items inside a list field", file=name, line=1)
        ]
    seen: set[str] = set()
    for column in header:
        if column in seen:
            problems.append(Problem(f"column '{column}' appears twice", file=name, line=1))
        seen.add(column)
        if column not in COLUMNS:
            problems.append(
                Problem(
                    f"unknown column '{column}'{suggest(column, COLUMNS)}; allowed: {', '.join(COLUMNS)}",
                    file=name,
                    line=1,
                )
            )
    return problems


def _not_utf8(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def _cell_problems(number: int, header: list[str], cells: list[str], name: str) -> list[Problem]:
    where = (f"row {number}",)
    if len(cells) > len(header):
        return [Problem(f"has {len(cells)} cells but the header has {len(header)} columns", file=name, path=where)]
    problems = []
    for column, cell in zip(header, cells, strict=False):
        if len(cell) > MAX_CELL_CHARS:
            message = f"is {len(cell):,} characters long; a cell may hold at most {MAX_CELL_CHARS:,}"
            problems.append(Problem(message, file=name, path=(*where, column)))
        elif _not_utf8(cell):
            message = "is not UTF-8 text: save the roster as 'CSV UTF-8'"
            problems.append(Problem(message, file=name, path=(*where, column)))
    return problems


def _csv_row(number: int, header: list[str], cells: list[str], name: str) -> RosterRow:
    problems = _cell_problems(number, header, cells, name)
    if problems:
        return RosterRow(number, name, None, problems)
    values = {h: c.strip() for h, c in zip(header, cells, strict=False) if c.strip()}
    data: dict[str, Any] = {}
    patient = {k: values.pop(f"patient_{k}") for k in ("id", "name") if f"patient_{k}" in values}
    if patient:
        data["patient"] = patient
    neuro = {k: values.pop(k) for k in ("numbness", "weakness") if k in values}
    if neuro:
        data["neuro"] = neuro
    if "red_flags" in values:
        data["red_flags"] = dict.fromkeys(_split(values.pop("red_flags")), True)
    adjustments: dict[str, Any] = {k: values.pop(k) for k in ADJUSTMENT_COLUMNS if k in values}
    for column in ("drop", "pin"):
        if column in adjustments:
            adjustments[column] = _split(adjustments[column])
    if adjustments:
        data["adjustments"] = adjustments
    for column in LIST_COLUMNS:
        if column in values:
            data[column] = _split(values.pop(column))
    data.update(values)
    return RosterRow(number, name, data)


def _split(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(LIST_SEPARATOR) if item.strip()]


def _yaml_rows(path: Path) -> Iterator[RosterRow]:
    name = str(path)
    try:
        data = parse_yaml(read_text(path, name, limit=MAX_ROSTER_BYTES), name, max_values=MAX_ROSTER_VALUES)
    except InputError as exc:
        raise RosterError(exc.problems) from None
    return _yaml_list(data, name)


def _yaml_list(data: Any, name: str) -> Iterator[RosterRow]:
    if isinstance(data, dict) and set(data) == {"profiles"}:
        data = data["profiles"]
    if not isinstance(data, list):
        raise RosterError([Problem("a YAML roster is a list of profiles (or 'profiles:' holding one)", file=name)])
    return (_yaml_row(i, item, name) for i, item in enumerate(data, 1))


def _yaml_row(number: int, item: Any, name: str) -> RosterRow:
    if not isinstance(item, dict):
        return RosterRow(
            number, name, None, [Problem("must be a profile mapping (key: value)", file=name, path=(f"row {number}",))]
        )
    return RosterRow(number, name, item)


def _folder_rows(folder: Path) -> Iterator[RosterRow]:
    files = list(iter_yaml_files(folder))
    if not files:
        raise RosterError([Problem("no profile files (*.yaml) in this folder", file=str(folder))])
    for number, path in enumerate(files, 1):
        try:
            data = parse_yaml(read_text(path), str(path))
        except InputError as exc:
            yield RosterRow(number, str(path), None, exc.problems)
            continue
        if not isinstance(data, dict):
            yield RosterRow(number, str(path), None, [Problem("a profile must be a mapping of fields", file=str(path))])
        else:
            yield RosterRow(number, str(path), data)
