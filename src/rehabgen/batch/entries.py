"""What a batch is asked to do (``BatchOptions``) and what it did (``Entry`` per row, ``BatchResult``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from rehabgen.i18n import _f, ngettext
from rehabgen.io.cache import Cache
from rehabgen.model.clinic import Clinic
from rehabgen.model.template import HandoutLayout, Template
from rehabgen.model.vocab import Status

DEFAULT_PATTERN = "{id}_{name}"
"""File names from the patient id and name; rows without either fall back to their row number."""
ERROR_STATUSES = ("INPUT_ERROR", "OUTPUT_ERROR", "INTERNAL_ERROR")
"""Statuses of rows that got no handout (INTERNAL_ERROR: a bug in rehabgen)."""
URGENT = frozenset({Status.EMERGENCY_REFERRAL.value, Status.URGENT_REFERRAL.value})
"""Statuses every summary names row by row: the patient needs help today."""


@dataclass(frozen=True)
class BatchOptions:
    """How a batch runs."""

    out: Path
    """The folder for the handouts and the manifest (created if needed; the folder holding it must exist)."""
    template: str | Template | None = None
    """A template, its id or its file; None for the default."""
    clinic: Path | Clinic | None = None
    formats: tuple[str, ...] = ("pdf",)
    """Registered output formats (``rehabgen.render.registry.FORMATS``), one file each per row."""
    jobs: int | None = 1
    """Worker processes, at most the CPUs and the rows (a note says when it was capped); None: that many."""
    force: bool = False
    """Replace outputs that already exist (only those rehabgen wrote: anything else is never touched)."""
    name_pattern: str = DEFAULT_PATTERN
    page_size: str = "A4"
    large_print: bool = False
    layout: HandoutLayout | None = None
    """``sheets`` or ``booklet``; None: the template's choice."""
    printed_date: dt.date | None = None
    language: str | None = None
    """The handout language of rows that name none (their ``language`` column); None: the template's, else
    English."""
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
    """The triage status (e.g. ``PROGRAMME``, ``EMERGENCY_REFERRAL``) or one of ``ERROR_STATUSES``."""
    patient_name: str = ""
    outputs: list[str] = field(default_factory=list)
    """Files written by this run."""
    skipped: list[str] = field(default_factory=list)
    """This row's files kept from an earlier run (without ``force``)."""
    warnings: list[str] = field(default_factory=list)
    errors: list[dict[str, object]] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """The row could not be turned into a handout."""
        return self.status in ERROR_STATUSES

    @property
    def is_referral(self) -> bool:
        """The row got a referral handout rather than a programme."""
        return self.status in Status.__members__ and Status(self.status).is_referral

    @property
    def is_urgent(self) -> bool:
        """The patient needs help today (an emergency or urgent referral)."""
        return self.status in URGENT

    def who(self) -> str:
        """``row 5 (P-0105, Jane Doe)``: how a summary names the row."""
        names = ", ".join(x for x in (self.patient_id, self.patient_name) if x)
        return _f("row {row}", row=self.row) + (f" ({names})" if names else "")


class Note(str):
    """A note of a run: the English text as a ``str`` (what the manifest records) and its message for ``translated``."""

    message: str
    values: dict[str, object]

    def __new__(cls, message: str, **values: object) -> Note:
        """``message`` (marked ``N_``) with ``values`` in its ``{placeholders}``."""
        note = super().__new__(cls, message.format(**values))
        note.message = message
        note.values = values
        return note

    def translated(self) -> str:
        """The note in the current language."""
        return _f(self.message, **self.values)


@dataclass
class BatchResult:
    """Every entry, in row order, the notes of the run, and the counts for the summary line."""

    entries: list[Entry]
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        """Rows with errors."""
        return sum(e.failed for e in self.entries)

    @property
    def internal(self) -> int:
        """Rows that met a bug in rehabgen (the CLI exits 3 for them)."""
        return sum(e.status == "INTERNAL_ERROR" for e in self.entries)

    @property
    def urgent(self) -> list[Entry]:
        """Rows whose patient needs help today, in row order."""
        return [e for e in self.entries if e.is_urgent]

    def summary(self) -> str:
        """E.g. "48 handouts, 2 referrals, 3 rows with errors. Urgent: row 5 (P-5, Jo Bloggs): EMERGENCY_REFERRAL".

        In the current language (``rehabgen.i18n.use_language``): the manifest's is English, the CLI prints
        it in ``--lang``.

        Rows whose files were kept from an earlier run count by their status like the others, and every
        urgent referral is named, on every run.
        """
        done = [e for e in self.entries if not e.failed]
        handouts = sum(not e.is_referral for e in done)
        referrals = sum(e.is_referral for e in done)
        kept = sum(bool(e.skipped) for e in done)
        parts = [
            _f(ngettext("{count} handout", "{count} handouts", handouts), count=handouts),
            _f(ngettext("{count} referral", "{count} referrals", referrals), count=referrals),
            _f(ngettext("{count} row with errors", "{count} rows with errors", self.failed), count=self.failed),
        ]
        text = ", ".join(parts)
        if kept:
            text += "; " + _f(
                ngettext(
                    "{count} row kept files from an earlier run (--force replaces them)",
                    "{count} rows kept files from an earlier run (--force replaces them)",
                    kept,
                ),
                count=kept,
            )
        if self.urgent:
            text += _f(". Urgent: {rows}", rows="; ".join(f"{e.who()}: {e.status}" for e in self.urgent))
        return text
