"""The ``--out`` folder: what a batch may write there, and the manifest of what it did.

Nothing rehabgen did not write is deleted or overwritten, and nothing is written outside the folder:

* files are staged in ``--out/.rehabgen-partial``, a folder rehabgen makes and marks as its own; a folder of
  that name without the mark, or a link, stops the run (a link could send the files anywhere);
* an existing ``manifest.json`` or ``manifest.csv`` must be one rehabgen wrote (a roster saved under that
  name inside ``--out`` is never overwritten);
* an output file that already exists is rehabgen's when the earlier manifest lists it or its content says
  so (a run killed before its manifest was written leaves such files); only those are kept or, with
  ``force``, replaced. Anything else in the way, or a link, is left alone and its row reports it.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rehabgen._version import __version__
from rehabgen.batch.entries import BatchResult, Entry
from rehabgen.errors import OutputError, Problem, UsageError
from rehabgen.io.files import write_atomic
from rehabgen.io.limits import MIB

STAGING = ".rehabgen-partial"
STAGING_MARK = "made-by-rehabgen.txt"
MANIFEST_JSON = "manifest.json"
MANIFEST_CSV = "manifest.csv"
CSV_HEADER = ("row", "source", "patient_id", "patient_name", "status", "outputs", "skipped", "warnings", "error")
MANIFEST_EVERY_S = 0.5
"""The manifest is rewritten at most twice a second while a batch runs, and once at the end."""
MARKERS = {
    ".pdf": b"/Producer (rehabgen ",
    ".json": b'"rehabgen_version"',
    ".md": b"Made by rehabgen ",
    ".ics": b"PRODID:-//rehabgen//",
}
"""What each output format carries that says rehabgen wrote it."""
_MAX_SNIFF = 64 * MIB
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


class OutFolder:
    """The ``--out`` folder of one run, and the files an earlier run listed in its manifest."""

    def __init__(self, path: Path, roster: Path) -> None:
        self.path = path
        self.staging = path / STAGING
        self.previous: dict[str, str | None] = {}
        """File name → the status of its row, from the earlier manifest (None when it did not say)."""
        self._check(roster)

    def _check(self, roster: Path) -> None:
        """Refuse before anything is written (usage errors for the place, output errors for what is there)."""
        out = self.path
        if out.exists() and not out.is_dir():
            raise UsageError([Problem(f"{out} exists and is not a folder", path=("--out",))])
        if not out.parent.is_dir():
            message = f"{out}: the folder {out.parent} does not exist (rehabgen creates --out, not the folders above)"
            raise UsageError([Problem(message, path=("--out",))])
        if not out.is_dir():
            return
        for name in (MANIFEST_JSON, MANIFEST_CSV):
            path = out / name
            if _same_file(path, roster):
                raise OutputError(f"{roster} is --out's {name}: the manifest would overwrite the roster; move it")
            if path.is_symlink() or (path.exists() and not _is_manifest(path)):
                raise OutputError(
                    f"{path} exists and was not written by rehabgen; move it away or choose another --out"
                )
        if self.staging.is_symlink() or (self.staging.exists() and not self.staging.is_dir()):
            raise OutputError(f"{self.staging} is a link or a file, not rehabgen's staging folder; move it away")
        mark = self.staging / STAGING_MARK
        if self.staging.is_dir() and (mark.is_symlink() or not mark.is_file()):
            raise OutputError(f"{self.staging} exists and was not made by rehabgen; move it away")
        self.previous = _previous_outputs(out / MANIFEST_JSON)

    def create(self) -> None:
        """Make ``--out`` (not the folders above it) and a fresh staging folder marked as rehabgen's."""
        try:
            self.path.mkdir(exist_ok=True)
            self.clean()  # leftovers of a killed run are never complete files
            self.staging.mkdir()
            (self.staging / STAGING_MARK).write_text("rehabgen stages files here; it deletes this folder.\n")
        except OSError as exc:
            raise OutputError(f"--out {self.path}: cannot be written ({exc.strerror or exc})") from None

    def clean(self) -> None:
        """Remove the staging folder (it is rehabgen's: checked when the run began)."""
        shutil.rmtree(self.staging, ignore_errors=True)

    def is_ours(self, name: str) -> bool:
        """Whether ``name`` in ``--out`` was written by rehabgen (never true for a link)."""
        path = self.path / name
        if path.is_symlink() or not path.is_file():
            return False
        return name in self.previous or _carries_marker(path)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _is_manifest(path: Path) -> bool:
    """Whether an existing manifest file is one rehabgen wrote."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_MAX_SNIFF)
    except OSError:
        return False
    if path.suffix == ".csv":
        return head.startswith(b"row,source,patient_id,")
    try:
        data = json.loads(head)
    except ValueError:
        return False
    return isinstance(data, dict) and "rehabgen_version" in data and isinstance(data.get("rows"), list)


def _previous_outputs(path: Path) -> dict[str, str | None]:
    """File name → row status, for every file the earlier manifest lists (written or kept).

    Older manifests said SKIPPED for a row whose files were kept, instead of its status: that says nothing.
    """
    if not path.is_file():
        return {}
    try:
        rows = json.loads(path.read_bytes()[:_MAX_SNIFF]).get("rows", [])
    except (OSError, ValueError, AttributeError):
        return {}
    found: dict[str, str | None] = {}
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict):
            status = row.get("status")
            known = status if isinstance(status, str) and status != "SKIPPED" else None
            for name in [*row.get("outputs", []), *row.get("skipped", [])]:
                if isinstance(name, str):
                    found[name] = known
    return found


def _carries_marker(path: Path) -> bool:
    marker = MARKERS.get(path.suffix.lower())
    if marker is None:
        return False
    try:
        with path.open("rb") as handle:
            return marker in handle.read(_MAX_SNIFF)
    except OSError:
        return False


def spreadsheet_safe(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: one starting like a formula (=, +, -, @) gets a leading '."""
    return "'" + text if text.startswith(_FORMULA) else text


class Manifest:
    """The manifest, rewritten atomically as rows finish (throttled) and at the end."""

    def __init__(self, folder: OutFolder, header: dict[str, Any]) -> None:
        self.folder = folder
        self.header = {"rehabgen_version": __version__, **header, "complete": True}
        self._entries: dict[int, Entry] = {}
        self._last = 0.0
        self.notes: list[str] = []

    def add(self, entry: Entry) -> None:
        """Record a finished row; the files are rewritten at most every ``MANIFEST_EVERY_S``."""
        self._entries[entry.row] = entry
        now = time.monotonic()
        if now - self._last >= MANIFEST_EVERY_S:
            self.write()
            self._last = now

    def result(self) -> BatchResult:
        """Every entry so far, in row order."""
        return BatchResult([self._entries[k] for k in sorted(self._entries)], list(self.notes))

    def write(self) -> None:
        """Write manifest.json and manifest.csv atomically."""
        result = self.result()
        out, staging = self.folder.path, self.folder.staging
        write_atomic(out / MANIFEST_JSON, manifest_json(self.header, result), staging=staging)
        write_atomic(out / MANIFEST_CSV, manifest_csv(result.entries), staging=staging)


def manifest_json(header: dict[str, Any], result: BatchResult) -> str:
    """``manifest.json``: the run's header (with ``complete``), its notes and summary, and every row."""
    summary = result.summary()
    if not header.get("complete", True):
        summary = f"INTERRUPTED after {len(result.entries)} row(s): {summary}"
    document = {**header, "notes": result.notes, "summary": summary}
    document["rows"] = [asdict(e) for e in result.entries]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def manifest_csv(entries: list[Entry]) -> str:
    """``manifest.csv``: a row per entry, every cell safe to open in a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for e in entries:
        errors = "; ".join(f"{x.get('path') or ''}: {x.get('message')}".lstrip(": ") for x in e.errors)
        cells = [e.source, e.patient_id, e.patient_name, e.status, ";".join(e.outputs), ";".join(e.skipped)]
        cells += [" | ".join(e.warnings), errors]
        writer.writerow([e.row, *(spreadsheet_safe(c) for c in cells)])
    return buffer.getvalue()
