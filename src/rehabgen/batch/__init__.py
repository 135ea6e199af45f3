"""Batch generation for clinics: a roster in, one handout (or referral) per row out, and a manifest.

Every row is validated, triaged, planned and rendered on its own: a bad row never stops the others. Rows are
read lazily and at most a few per worker are in flight, so memory stays flat however long the roster is.
Nothing is written outside ``out`` and nothing rehabgen did not write is touched there (``batch.folder``):
file names come from a pattern, made safe (no separators, ``..``, control or reserved characters),
length-limited and unique. Existing outputs are kept unless ``force`` is set, and every file is written
atomically through a staging folder, so an interrupted run leaves only complete files and a manifest of what
was finished; the next run lists the files it finds, with their rows' statuses.

Exit status (via the CLI): 1 when any row failed, 3 when a row met a bug, 0 otherwise.

The parts: ``entries`` (options, entries, the summary), ``names`` (file names), ``folder`` (``--out`` and the
manifest), ``rows`` (one row, in a worker) and ``run`` (the run and its workers).
"""

from __future__ import annotations

from rehabgen.batch.entries import DEFAULT_PATTERN, BatchOptions, BatchResult, Entry
from rehabgen.batch.names import PATTERN_FIELDS, base_name, check_pattern, safe_name
from rehabgen.batch.run import capped_jobs, default_jobs, run_batch

__all__ = [
    "DEFAULT_PATTERN",
    "PATTERN_FIELDS",
    "BatchOptions",
    "BatchResult",
    "Entry",
    "base_name",
    "capped_jobs",
    "check_pattern",
    "default_jobs",
    "run_batch",
    "safe_name",
]
