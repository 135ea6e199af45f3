"""Batch generation for clinics: a roster in, one handout (or referral) per row out, and a manifest.

Every row is validated, triaged, planned and rendered on its own: a bad row never stops the others. Rows are
read lazily and at most a few per worker are in flight, so memory stays flat however long the roster is.
Nothing is written outside ``out``: file names come from a pattern, made safe (no separators, ``..``,
control or reserved characters), length-limited and unique. Existing outputs are kept unless ``force`` is
set, and every file is written atomically through a staging folder (``out/.partial``, emptied at the start
of each run), so an interrupted run leaves only complete files and a manifest of what was finished.

Exit status (via the CLI): 1 when any row failed, 0 otherwise.
"""

from __future__ import annotations

import concurrent.futures as cf
import csv
import datetime as dt
import io
import json
import multiprocessing
import os
import re
import shutil
import string
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rehabgen import api
from rehabgen._version import __version__
from rehabgen.errors import InputError, OutputError, Problem, UsageError
from rehabgen.io.cache import Cache
from rehabgen.io.files import write_atomic
from rehabgen.io.roster import RosterRow, read_roster
from rehabgen.model.clinic import Clinic
from rehabgen.model.template import Template
from rehabgen.model.vocab import Status
from rehabgen.render.handout import Handout, HandoutOptions
from rehabgen.render.registry import get_format

DEFAULT_PATTERN = "{id}_{name}"
"""File names from the patient id and name; rows without either fall back to their row number."""
PATTERN_FIELDS = ("row", "id", "name", "template")
MAX_NAME_BYTES = 120
STAGING = ".partial"
MANIFEST_EVERY_S = 0.5
"""The manifest is rewritten at most twice a second while a batch runs, and once at the end."""
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_UNSAFE = set('/\\:*?"<>|')


@dataclass(frozen=True)
class BatchOptions:
    """How a batch runs."""

    out: Path
    """The folder for the handouts and the manifest (created if needed)."""
    template: str | Template | None = None
    """A template, its id or its file; None for the default."""
    clinic: Path | Clinic | None = None
    formats: tuple[str, ...] = ("pdf",)
    """Registered output formats (``rehabgen.render.registry.FORMATS``), one file each per row."""
    jobs: int = 1
    force: bool = False
    """Replace outputs that already exist."""
    name_pattern: str = DEFAULT_PATTERN
    page_size: str = "A4"
    large_print: bool = False
    printed_date: dt.date | None = None
    catalogue_dirs: tuple[Path, ...] = ()
    template_dirs: tuple[Path, ...] = ()
    cache: Cache | None = None
    """Where parsed catalogue files and drawn pictures are kept between runs (None: no cache)."""


@dataclass
class Entry:
    """One manifest entry: what happened to one roster row."""

    row: int
    source: str
    patient_id: str
    status: str
    outputs: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[dict[str, object]] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """The row could not be turned into a handout."""
        return self.status in ("INPUT_ERROR", "OUTPUT_ERROR", "INTERNAL_ERROR")

    @property
    def is_referral(self) -> bool:
        """The row got a referral handout rather than a programme."""
        return self.status in Status.__members__ and Status(self.status).is_referral


@dataclass
class BatchResult:
    """Every entry, in row order, and the counts for the summary line."""

    entries: list[Entry]

    @property
    def failed(self) -> int:
        """Rows with errors."""
        return sum(e.failed for e in self.entries)

    @property
    def internal(self) -> int:
        """Rows that met a bug in rehabgen (the CLI exits 3 for them)."""
        return sum(e.status == "INTERNAL_ERROR" for e in self.entries)

    def summary(self) -> str:
        """E.g. "48 handouts, 2 referrals, 3 rows with errors, 5 skipped (outputs exist)"."""
        done = [e for e in self.entries if not e.failed and e.status != "SKIPPED"]
        handouts = sum(not e.is_referral for e in done)
        referrals = sum(e.is_referral for e in done)
        skipped = sum(e.status == "SKIPPED" for e in self.entries)
        parts = [
            f"{handouts} handout{'s' * (handouts != 1)}",
            f"{referrals} referral{'s' * (referrals != 1)}",
            f"{self.failed} row{'s' * (self.failed != 1)} with errors",
        ]
        if skipped:
            parts.append(f"{skipped} skipped (outputs exist; use --force to replace them)")
        return ", ".join(parts)


# --- file names ----------------------------------------------------------------------------------------------


def check_pattern(pattern: str) -> None:
    """Refuse a name pattern that cannot name files: unknown fields, a bad format spec, no field at all.

    Raises:
        UsageError: naming the pattern and the fields allowed.
    """
    try:
        parts = [(f, spec or "") for _, f, spec, _ in string.Formatter().parse(pattern) if f is not None]
        unknown = [f"{{{f}}}" for f, _ in parts if f not in PATTERN_FIELDS]
        if unknown or not parts:
            raise ValueError(f"unknown field {', '.join(unknown)}" if unknown else "it has no field")
        if any("{" in spec for _, spec in parts):
            raise ValueError("a field inside a format spec")
        if any(int(n) > MAX_NAME_BYTES for _, spec in parts for n in re.findall(r"\d+", spec)):
            raise ValueError(f"a width over {MAX_NAME_BYTES}")
        pattern.format(row="0001", id="id", name="name", template="template")  # a bad spec such as {name:%}
    except (ValueError, KeyError, IndexError, AttributeError, TypeError) as exc:
        fields = ", ".join(f"{{{f}}}" for f in PATTERN_FIELDS)
        message = f"bad name pattern '{pattern}': {exc}; use the fields {fields}, e.g. '{DEFAULT_PATTERN}'"
        raise UsageError([Problem(message, path=("--name-pattern",))]) from None


def safe_name(raw: str, *, max_bytes: int = MAX_NAME_BYTES) -> str:
    """A file name made safe for every common file system, never a path."""
    text = unicodedata.normalize("NFC", raw)
    text = "".join("-" if ch in _UNSAFE or not ch.isprintable() else ch for ch in text)
    text = re.sub(r"\s+", "_", text)
    while ".." in text:
        text = text.replace("..", ".")
    text = text.strip("._- ")
    encoded = text.encode("utf-8")[:max_bytes]
    text = encoded.decode("utf-8", errors="ignore").rstrip("._- ")
    if not text:
        return "unnamed"
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    return text


def base_name(row: RosterRow, pattern: str, template_id: str) -> str:
    """The file name (without suffix) a row's outputs get, before making it unique."""
    patient_id, name = row.patient_id, row.patient_name
    if not patient_id and not name:
        return f"row-{row.number:04d}"
    values = {"row": f"{row.number:04d}", "id": patient_id, "name": name, "template": template_id}
    return safe_name(pattern.format(**values))


class _Names:
    """Hands out unique names, case-insensitively (two rows called "Ann" and "ann" still get two files)."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def claim(self, name: str) -> str:
        candidate, n = name, 1
        while candidate.lower() in self._used:
            n += 1
            candidate = f"{name}-{n}"
        self._used.add(candidate.lower())
        return candidate


# --- one row ------------------------------------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def _init_worker(state: dict[str, Any]) -> None:
    _STATE.clear()
    _STATE.update(state)


def _process(row: RosterRow, targets: dict[str, str]) -> Entry:
    """One row's entry; never raises: a bug in one row is that row's INTERNAL_ERROR, and the batch goes on."""
    try:
        return _process_row(row, targets)
    except Exception as exc:
        message = f"internal error: {type(exc).__name__}: {exc} (a bug in rehabgen: please report it)"
        entry = Entry(row=row.number, source=row.source, patient_id=row.patient_id, status="INTERNAL_ERROR")
        entry.errors = [{"file": None, "line": None, "path": f"row {row.number}", "message": message}]
        return entry


def _process_row(row: RosterRow, targets: dict[str, str]) -> Entry:
    """Validate, triage, plan and render one row; bad input is recorded in the entry, not raised."""
    options: BatchOptions = _STATE["options"]
    entry = Entry(row=row.number, source=row.source, patient_id=row.patient_id, status="INPUT_ERROR")
    if row.data is None or row.problems:
        entry.errors = [p.to_dict() for p in row.problems]
        return entry
    try:
        profile = api.profile_from_dict(row.data, source=row.source)
    except InputError as exc:
        entry.errors = [_row_problem(p, row) for p in exc.problems]
        return entry
    catalogue, template = _STATE["catalogue"], _STATE["template"]
    programme = api.build_programme(profile, catalogue, template)
    entry.status = programme.status.value
    entry.warnings = [w.message for w in programme.warnings]
    handout = Handout(programme, catalogue, template, _STATE["clinic"], _STATE["printed"])
    for fmt, filename in targets.items():
        _write_output(entry, row, fmt, filename, handout, options)
    if not entry.outputs and entry.skipped and not entry.errors:
        entry.status = "SKIPPED"
    return entry


def _write_output(
    entry: Entry, row: RosterRow, fmt: str, filename: str, handout: Handout, options: BatchOptions
) -> None:
    """Render one format of a row and write it atomically, recording the outcome in its entry."""
    path = options.out / filename
    if path.exists() and not options.force:
        entry.skipped.append(filename)
        return
    try:
        data = get_format(fmt).renderer()(handout, options.cache)
    except InputError as exc:  # e.g. a calendar file for a row without a start date
        entry.status = "INPUT_ERROR"
        entry.errors += [_row_problem(p, row) for p in exc.problems]
        return
    try:
        write_atomic(path, data, overwrite=options.force, staging=options.out / STAGING)
    except FileExistsError:
        entry.skipped.append(filename)
        return
    except OSError as exc:
        entry.status = "OUTPUT_ERROR"
        entry.errors.append({"file": filename, "path": "", "line": None, "message": f"cannot write: {exc}"})
        return
    entry.outputs.append(filename)


def _row_problem(problem: Problem, row: RosterRow) -> dict[str, object]:
    shown = problem.to_dict()
    shown["path"] = " › ".join((f"row {row.number}", *problem.path))
    return shown


# --- the run ------------------------------------------------------------------------------------------------


def run_batch(
    roster: Path,
    options: BatchOptions,
    progress: Callable[[Entry], None] = lambda entry: None,
    total: Callable[[int], None] = lambda n: None,
) -> BatchResult:
    """Process every row of ``roster``; write outputs and the manifest into ``options.out``.

    Raises:
        InputError: a bad name pattern, format, catalogue, template, clinic file or roster, found before
            anything is written.
        OutputError: ``out`` cannot be created.
    """
    check_pattern(options.name_pattern)
    for fmt in options.formats:
        get_format(fmt)
    catalogue = api.load_catalogue(options.catalogue_dirs, cache=options.cache or False)
    template = options.template
    if not isinstance(template, Template):
        template = api.load_template(template, folders=options.template_dirs)
    clinic = options.clinic if isinstance(options.clinic, Clinic | None) else api.load_clinic(options.clinic)
    out = options.out
    if out.exists() and not out.is_dir():
        raise UsageError([Problem(f"{out} exists and is not a folder", path=("--out",))])
    if not out.parent.is_dir():
        message = f"{out}: the folder {out.parent} does not exist (rehabgen creates --out, not the folders above it)"
        raise UsageError([Problem(message, path=("--out",))])
    rows = read_roster(roster)  # a roster-level problem raises here, before anything is written
    try:
        out.mkdir(exist_ok=True)
    except OSError as exc:
        rows.close()
        raise OutputError(f"--out {out}: cannot be created ({exc.strerror or exc})") from None
    shutil.rmtree(out / STAGING, ignore_errors=True)  # leftovers of a killed run are never complete files
    (out / STAGING).mkdir(exist_ok=True)
    printed = HandoutOptions(options.page_size, options.large_print, options.printed_date)
    names = _Names()
    tasks = ((row, _targets(row, options, template, names)) for row in rows)
    total(_count_rows(roster))
    manifest = _Manifest(out, roster, options, template)
    state = {"options": options, "catalogue": catalogue, "template": template, "clinic": clinic, "printed": printed}
    try:
        for entry in _execute(tasks, state, options.jobs):
            manifest.add(entry)
            progress(entry)
    except BaseException:
        manifest.header["complete"] = False  # Ctrl-C or a failure of the run itself: say so
        raise
    finally:
        rows.close()
        manifest.write()
        shutil.rmtree(out / STAGING, ignore_errors=True)
    return BatchResult(manifest.entries())


def _targets(row: RosterRow, options: BatchOptions, template: Template, names: _Names) -> dict[str, str]:
    stem = names.claim(base_name(row, options.name_pattern, template.id))
    return {fmt: stem + get_format(fmt).suffix for fmt in options.formats}


def _count_rows(roster: Path) -> int:
    """Rows in the roster, for the progress bar (a cheap second pass; CSV rows are counted, not parsed)."""
    try:
        with read_roster(roster) as rows:
            return sum(1 for _ in rows)
    except InputError:
        return 0


def _execute(tasks: Iterator[tuple[RosterRow, dict[str, str]]], state: dict[str, Any], jobs: int) -> Iterator[Entry]:
    if jobs <= 1:
        _init_worker(state)
        for row, targets in tasks:
            yield _process(row, targets)
        return
    window = jobs * 4  # rows in flight: enough to keep every worker busy, few enough to keep memory flat
    # fork shares the loaded catalogue with the workers for free; the parent runs no threads, so it is safe.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with cf.ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(state,)
    ) as pool:
        pending: set[cf.Future[Entry]] = set()
        try:
            for row, targets in tasks:
                pending.add(pool.submit(_process, row, targets))
                if len(pending) >= window:
                    done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                    yield from (f.result() for f in done)
            for future in cf.as_completed(pending):
                yield future.result()
        except BaseException:
            for future in pending:
                future.cancel()
            raise


class _Manifest:
    """The manifest, rewritten atomically as rows finish (throttled) and at the end."""

    def __init__(self, out: Path, roster: Path, options: BatchOptions, template: Template) -> None:
        self.out = out
        self.header = {
            "rehabgen_version": __version__,
            "roster": str(roster),
            "template": template.id,
            "formats": list(options.formats),
            "force": options.force,
            "complete": True,
        }
        self._entries: dict[int, Entry] = {}
        self._last = 0.0

    def add(self, entry: Entry) -> None:
        self._entries[entry.row] = entry
        now = time.monotonic()
        if now - self._last >= MANIFEST_EVERY_S:
            self.write()
            self._last = now

    def entries(self) -> list[Entry]:
        return [self._entries[k] for k in sorted(self._entries)]

    def write(self) -> None:
        entries = self.entries()
        result = BatchResult(entries)
        summary = result.summary()
        if not self.header["complete"]:
            summary = f"INTERRUPTED after {len(entries)} row(s): {summary}"
        document = {**self.header, "summary": summary, "rows": [asdict(e) for e in entries]}
        staging = self.out / STAGING
        write_atomic(
            self.out / "manifest.json", json.dumps(document, indent=2, ensure_ascii=False) + "\n", staging=staging
        )
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["row", "source", "patient_id", "status", "outputs", "skipped", "warnings", "error"])
        for e in entries:
            errors = "; ".join(f"{x.get('path') or ''}: {x.get('message')}".lstrip(": ") for x in e.errors)
            writer.writerow(
                [
                    e.row,
                    e.source,
                    e.patient_id,
                    e.status,
                    ";".join(e.outputs),
                    ";".join(e.skipped),
                    " | ".join(e.warnings),
                    errors,
                ]
            )
        write_atomic(self.out / "manifest.csv", buffer.getvalue(), staging=staging)


def default_jobs() -> int:
    """Worker processes by default: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
