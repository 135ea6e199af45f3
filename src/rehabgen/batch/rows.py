"""One roster row, from its data to its files: validate, triage, plan, render every format, then write.

A row either gets all its files or none: every format is rendered before anything is written, so a row
that fails (a calendar without a start date) leaves no file behind and lists none. This runs in the worker
processes; what it needs is set once per worker by ``init``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rehabgen import api
from rehabgen.batch.entries import BatchOptions, Entry
from rehabgen.batch.folder import OutFolder
from rehabgen.errors import InputError, Problem
from rehabgen.io.files import write_atomic
from rehabgen.io.roster import RosterRow
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.clinic import Clinic
from rehabgen.model.template import Template
from rehabgen.plan.planner import programme_language
from rehabgen.render.handout import Handout, HandoutOptions
from rehabgen.render.registry import get_format


@dataclass(frozen=True)
class Work:
    """Everything a worker needs for every row, loaded once by the main process."""

    options: BatchOptions
    folder: OutFolder
    catalogue: Catalogue
    template: Template
    clinic: Clinic | None
    printed: HandoutOptions


_WORK: dict[str, Work] = {}


def init(work: Work) -> None:
    """Set what ``process`` uses (once per worker process, or once in the main process for one job)."""
    _WORK["work"] = work
    _IN_LANGUAGE.clear()


def process(row: RosterRow, targets: dict[str, str]) -> Entry:
    """One row's entry; never raises: a bug in one row is that row's INTERNAL_ERROR, and the batch goes on."""
    try:
        return _process(row, targets, _WORK["work"])
    except Exception as exc:
        message = f"internal error: {type(exc).__name__}: {exc} (a bug in rehabgen: please report it)"
        entry = Entry(row.number, row.source, row.patient_id, "INTERNAL_ERROR", patient_name=row.patient_name)
        entry.errors = [{"file": None, "line": None, "path": f"row {row.number}", "message": message}]
        return entry


def plan_row(
    row: RosterRow,
    catalogue: Catalogue,
    template: Template,
    clinic: Clinic | None,
    printed: HandoutOptions,
    *,
    options: BatchOptions | None = None,
) -> tuple[Entry, Handout | None]:
    """A row's entry and, unless it failed (``entry.errors``), its handout: validated, triaged and planned.

    The handout is in the row's language, else ``options.language``, else the template's. Shared by the batch
    and the web app's roster upload, which renders in memory.
    """
    language = options.language if options else None
    entry = Entry(row.number, row.source, row.patient_id, "INPUT_ERROR", patient_name=row.patient_name)
    if row.data is None or row.problems:
        entry.errors = [p.to_dict() for p in row.problems]
        return entry, None
    try:
        profile = api.profile_from_dict(row.data, source=row.source)
        chosen = programme_language(profile, template, None if profile.language else language)
        catalogue, template = in_language(chosen, catalogue, template, options)
        programme = api.build_programme(profile, catalogue, template, language=chosen)  # may empty a session
    except InputError as exc:
        entry.errors = [row_problem(p, row) for p in exc.problems]
        return entry, None
    entry.status = programme.status.value
    entry.warnings = [w.message for w in programme.warnings]
    entry.warnings += [f"{r.item}: {r.message} ({r.code})" for r in programme.adjustments.refused]
    return entry, Handout(programme, catalogue, template, clinic, printed)


def _process(row: RosterRow, targets: dict[str, str], work: Work) -> Entry:
    options = work.options
    found = plan_row(row, work.catalogue, work.template, work.clinic, work.printed, options=options)
    entry, handout = found
    if handout is None:
        return entry
    writes, kept = _plan_files(entry, targets, work)
    if entry.errors:
        entry.status = "OUTPUT_ERROR"
        return entry
    rendered = _render(entry, row, targets, writes, handout, work)
    if entry.errors:
        entry.status = "INPUT_ERROR"
        return entry
    entry.skipped = kept
    for name in kept:
        earlier = work.folder.previous.get(name)
        if earlier is not None and earlier != entry.status:
            entry.warnings.append(
                f"{name} was made when this row was {earlier}; it is now {entry.status}: use --force to replace it"
            )
    for name, data in rendered.items():
        _write(entry, name, data, work)
    return entry


_IN_LANGUAGE: dict[tuple[str, int, str], tuple[Catalogue, Template]] = {}


def in_language(
    language: str, catalogue: Catalogue, template: Template, options: BatchOptions | None = None
) -> tuple[Catalogue, Template]:
    """The catalogue and template in ``language``, read once per process (the options name extra folders)."""
    key = (language, id(catalogue), template.id)
    if key not in _IN_LANGUAGE:
        _IN_LANGUAGE[key] = api.in_language(
            language,
            catalogue,
            template,
            folders=options.catalogue_dirs if options else (),
            template_folders=options.template_dirs if options else (),
            cache=(options.cache if options else None) or False,
        )
    return _IN_LANGUAGE[key]


def _plan_files(entry: Entry, targets: dict[str, str], work: Work) -> tuple[set[str], list[str]]:
    """Which files to write and which to keep; a file in the way that rehabgen did not write is an error."""
    folder, writes, kept = work.folder, set(), []
    for name in targets.values():
        path = folder.path / name
        if not path.exists() and not path.is_symlink():
            writes.add(name)
        elif not folder.is_ours(name):
            message = f"{name} exists and was not written by rehabgen (or is a link): it is left alone; move it away"
            entry.errors.append({"file": name, "line": None, "path": f"row {entry.row}", "message": message})
        elif work.options.force:
            writes.add(name)
        else:
            kept.append(name)
    return writes, kept


def _render(
    entry: Entry, row: RosterRow, targets: dict[str, str], writes: set[str], handout: Handout, work: Work
) -> dict[str, bytes]:
    """Every format to be written, in memory; text formats are rendered even when kept, to check the row."""
    rendered: dict[str, bytes] = {}
    for fmt, name in targets.items():
        entry_format = get_format(fmt)
        entry.warnings += entry_format.warnings(handout)
        if name not in writes and not entry_format.is_text:
            continue
        try:
            data = entry_format.renderer()(handout, work.options.cache)
        except InputError as exc:  # e.g. a calendar file for a row without a start date
            entry.errors += [row_problem(p, row) for p in exc.problems]
            continue
        if name in writes:
            rendered[name] = data
    return rendered


def _write(entry: Entry, name: str, data: bytes, work: Work) -> None:
    folder = work.folder
    try:
        write_atomic(folder.path / name, data, overwrite=work.options.force, staging=folder.staging)
    except FileExistsError:  # another process made it since it was planned: leave it alone
        message = f"{name} appeared while this row was written: it is left alone"
        entry.errors.append({"file": name, "line": None, "path": f"row {entry.row}", "message": message})
        entry.status = "OUTPUT_ERROR"
    except OSError as exc:
        entry.status = "OUTPUT_ERROR"
        message = f"cannot write: {exc.strerror or exc}"
        entry.errors.append({"file": name, "line": None, "path": f"row {entry.row}", "message": message})
    else:
        entry.outputs.append(name)


def row_problem(problem: Problem, row: RosterRow) -> dict[str, Any]:
    """A problem as a manifest error, its path starting with the row."""
    shown = problem.to_dict()
    shown["path"] = " › ".join((f"row {row.number}", *problem.path))
    return shown
