"""The roster upload: every row planned and rendered in memory, returned as a zip with the batch's manifest.

Nothing touches the disk: the upload is read from memory (it is kept below the size at which the form parser
would spool it to a temporary file), rows are planned exactly as ``rehabgen batch`` plans them
(``batch.rows.plan_row``), files are named by the batch's safe, unique names, and the zip is built in memory.
The page streams a line per row as it finishes, so progress shows without any script; the finished zip waits
in memory for ``KEPT_S`` seconds or until it is downloaded, under a random token, and is then forgotten.
"""

from __future__ import annotations

import io
import secrets
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from rehabgen._version import __version__
from rehabgen.batch.entries import DEFAULT_PATTERN, BatchResult, Entry
from rehabgen.batch.folder import MANIFEST_CSV, MANIFEST_JSON, manifest_csv, manifest_json
from rehabgen.batch.names import UniqueNames, base_name
from rehabgen.batch.rows import plan_row, row_problem
from rehabgen.errors import InputError, Problem
from rehabgen.io.roster import RosterRow, read_roster_text
from rehabgen.model.template import Template
from rehabgen.render.handout import HandoutOptions
from rehabgen.render.registry import get_format
from rehabgen.web.state import Site

MAX_ROWS = 500
"""Rows one upload may hold (a larger roster: ``rehabgen batch``, which also runs rows in parallel)."""
KEPT_S = 600.0
ZIP_DATE = (2000, 1, 1, 0, 0, 0)
"""Every zip entry's timestamp: the same roster gives the same zip."""


def roster_kind(filename: str) -> str:
    """``csv`` or ``yaml`` from an uploaded file's name (only its suffix is read; it names no file here)."""
    lowered = filename.lower()
    if lowered.endswith(".csv"):
        return "csv"
    if lowered.endswith((".yaml", ".yml")):
        return "yaml"
    raise InputError([Problem("a roster is a .csv file, or a .yaml file holding a list of profiles", path=("roster",))])


def roster_rows(data: bytes, kind: str) -> list[RosterRow]:
    """Every row of an uploaded roster (a roster-level problem raises RosterError, before any work)."""
    if not data.strip():
        raise InputError([Problem("the roster is empty", path=("roster",))])
    with read_roster_text(data, kind, f"roster.{kind}") as reader:
        rows: list[RosterRow] = []
        for row in reader:
            rows.append(row)
            if len(rows) > MAX_ROWS:
                message = f"more than {MAX_ROWS} rows: upload it in parts, or use rehabgen batch"
                raise InputError([Problem(message, path=("roster",))])
    return rows


@dataclass
class RosterJob:
    """One upload's work: its rows and how to print them; ``entries`` and ``files`` fill as rows finish."""

    rows: list[RosterRow]
    template: Template
    formats: tuple[str, ...]
    options: HandoutOptions
    entries: list[Entry] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    token: str = ""
    summary: str = ""

    def run(self, site: Site) -> Iterator[Entry]:
        """Plan and render each row in turn, yielding its entry when it is done."""
        names = UniqueNames()
        for row in self.rows:
            stem = names.claim(base_name(row, DEFAULT_PATTERN, self.template.id))
            entry, handout = plan_row(row, site.catalogue, self.template, site.clinic, self.options)
            files: dict[str, bytes] = {}
            if handout is not None:
                for name in self.formats:
                    fmt = get_format(name)
                    entry.warnings += fmt.warnings(handout)
                    try:
                        files[stem + fmt.suffix] = fmt.renderer()(handout, site.config.cache)
                    except InputError as exc:  # a calendar for a row without a start date
                        entry.errors += [row_problem(p, row) for p in exc.problems]
                if entry.errors:
                    entry.status, files = "INPUT_ERROR", {}
            entry.outputs = list(files)
            self.files.update(files)
            self.entries.append(entry)
            yield entry
        self.summary = BatchResult(self.entries).summary()

    def zip(self) -> bytes:
        """The handouts and ``manifest.json``/``manifest.csv``, as one zip built in memory."""
        result = BatchResult(self.entries)
        header: dict[str, Any] = {"roster": f"(upload of {len(self.rows)} rows)", "template": self.template.id}
        header |= {"formats": list(self.formats), "rehabgen_version": __version__, "complete": True}
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in [
                *self.files.items(),
                (MANIFEST_JSON, manifest_json(header, result).encode("utf-8")),
                (MANIFEST_CSV, manifest_csv(result.entries).encode("utf-8")),
            ]:
                info = zipfile.ZipInfo(name, ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
        return buffer.getvalue()


class Finished:
    """Finished zips, in memory only, each under a random token until downloaded or ``KEPT_S`` old."""

    def __init__(self) -> None:
        self._zips: dict[str, tuple[float, bytes]] = {}
        self._lock = threading.Lock()

    def put(self, data: bytes) -> str:
        """Keep a zip; the token to fetch it with."""
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._expire()
            self._zips[token] = (time.monotonic(), data)
        return token

    def take(self, token: str) -> bytes | None:
        """The zip, which is then forgotten (None: unknown, taken already, or expired)."""
        with self._lock:
            self._expire()
            found = self._zips.pop(token, None)
        return found[1] if found else None

    def _expire(self) -> None:
        now = time.monotonic()
        for token in [t for t, (made, _) in self._zips.items() if now - made > KEPT_S]:
            del self._zips[token]
