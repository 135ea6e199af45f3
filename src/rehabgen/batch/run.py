"""Running a batch: check everything that can be checked first, then the rows, in worker processes.

Workers die with the main process however it ends (``kill -9`` included): on Linux the kernel sends them
SIGKILL (``PR_SET_PDEATHSIG``), elsewhere each watches its parent. A run never starts more workers than
there are CPUs or rows.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from rehabgen import api
from rehabgen.batch import rows as row_work
from rehabgen.batch.entries import BatchOptions, BatchResult, Entry, Note
from rehabgen.batch.folder import Manifest, OutFolder
from rehabgen.batch.names import UniqueNames, base_name, check_pattern
from rehabgen.errors import InputError
from rehabgen.i18n import N_
from rehabgen.io.roster import RosterRow, read_roster
from rehabgen.model.clinic import Clinic
from rehabgen.model.template import Template
from rehabgen.render.handout import HandoutOptions
from rehabgen.render.registry import get_format

_PR_SET_PDEATHSIG = 1
Tasks = Iterator[tuple[RosterRow, dict[str, str]]]


def run_batch(
    roster: Path,
    options: BatchOptions,
    progress: Callable[[Entry], None] = lambda entry: None,
    total: Callable[[int], None] = lambda n: None,
) -> BatchResult:
    """Process every row of ``roster``; write outputs and the manifest into ``options.out``.

    Raises:
        UsageError: a bad name pattern, format or template name, or an --out in a folder that does not exist.
        InputError: a bad catalogue, template, clinic file or roster, found before anything is written.
        OutputError: something in ``out`` that rehabgen did not write is in the way, or ``out`` cannot be
            written.
    """
    check_pattern(options.name_pattern)
    for fmt in options.formats:
        get_format(fmt)
    catalogue = api.load_catalogue(options.catalogue_dirs, cache=options.cache or False)
    template = options.template
    if not isinstance(template, Template):
        template = api.load_template(template, folders=options.template_dirs)
    clinic = options.clinic if isinstance(options.clinic, Clinic | None) else api.load_clinic(options.clinic)
    folder = OutFolder(options.out, roster)
    with read_roster(roster) as rows:  # a roster-level problem raises here, before anything is written
        folder.create()
        count = _count_rows(roster)
        total(count)
        jobs, notes = capped_jobs(options.jobs, count)
        printed = HandoutOptions(options.page_size, options.large_print, options.printed_date, options.layout)
        work = row_work.Work(options, folder, catalogue, template, clinic, printed)
        header = {"roster": str(roster), "template": template.id, "formats": list(options.formats)}
        manifest = Manifest(folder, {**header, "force": options.force})
        manifest.notes += notes
        names = UniqueNames()
        tasks = ((row, _targets(row, options, template, names)) for row in rows)
        try:
            for entry in _execute(tasks, work, jobs):
                manifest.add(entry)
                progress(entry)
        except BaseException:
            manifest.header["complete"] = False  # Ctrl-C or a failure of the run itself: say so
            raise
        finally:
            manifest.write()
            folder.clean()
    return manifest.result()


def _targets(row: RosterRow, options: BatchOptions, template: Template, names: UniqueNames) -> dict[str, str]:
    stem = names.claim(base_name(row, options.name_pattern, template.id))
    return {fmt: stem + get_format(fmt).suffix for fmt in options.formats}


def _count_rows(roster: Path) -> int:
    """Rows in the roster, for the progress bar (a cheap second pass; CSV rows are counted, not parsed)."""
    try:
        with read_roster(roster) as rows:
            return sum(1 for _ in rows)
    except InputError:
        return 0


def default_jobs() -> int:
    """Worker processes by default: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def capped_jobs(requested: int | None, rows: int) -> tuple[int, list[str]]:
    """Workers for a run: at most the CPUs and the rows; a note when a number asked for was cut down."""
    cpus = default_jobs()
    jobs = max(1, min(cpus if requested is None else requested, cpus, rows or 1))
    if requested is not None and jobs < requested:
        message = N_("--jobs {requested} capped to {jobs} ({cpus} CPUs, {rows} rows)")
        return jobs, [Note(message, requested=requested, jobs=jobs, cpus=cpus, rows=rows)]
    return jobs, []


def _execute(tasks: Tasks, work: row_work.Work, jobs: int) -> Iterator[Entry]:
    if jobs <= 1:
        row_work.init(work)
        for row, targets in tasks:
            yield row_work.process(row, targets)
        return
    window = jobs * 4  # rows in flight: enough to keep every worker busy, few enough to keep memory flat
    # fork shares the loaded catalogue with the workers for free.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with cf.ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(work, os.getpid())
    ) as pool:
        pending: set[cf.Future[Entry]] = set()
        try:
            for row, targets in tasks:
                pending.add(pool.submit(row_work.process, row, targets))
                if len(pending) >= window:
                    done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                    yield from (f.result() for f in done)
            for future in cf.as_completed(pending):
                yield future.result()
        except BaseException:
            for future in pending:
                future.cancel()
            raise


def _init_worker(work: row_work.Work, parent: int) -> None:
    die_with_parent(parent)
    row_work.init(work)


def die_with_parent(parent: int) -> None:
    """End this process when process ``parent`` ends, even by ``kill -9`` (call it in a worker)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before the request took effect
                    os._exit(1)
                return
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="rehabgen-parent-watch").start()


def _watch_parent(parent: int) -> None:  # pragma: no cover - the fallback where prctl is missing
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
