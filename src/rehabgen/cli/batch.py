"""``rehabgen batch``: one handout per roster row, with a manifest, for clinics."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from rehabgen.cli.app import (
    CatalogueOpt,
    TemplateOpt,
    app,
    cache,
    catalogue_dirs,
    err,
    fail,
    guarded,
    known_language,
    printed_date,
    template_dirs,
)
from rehabgen.cli.plan import LAYOUT_HELP, Layout, PageSize, chosen_layout
from rehabgen.i18n import _, _f, ngettext, use_language
from rehabgen.render.registry import FORMATS

if TYPE_CHECKING:
    from rehabgen.batch import BatchResult


@app.command()
@guarded
def batch(
    roster: Annotated[Path, typer.Argument(help="A roster: .csv, a .yaml list of profiles, or a folder of profiles.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the handouts and the manifest.", file_okay=False)],
    template: TemplateOpt = None,
    clinic: Annotated[Path | None, typer.Option(help="Clinic branding file (YAML).", dir_okay=False)] = None,
    jobs: Annotated[
        int | None, typer.Option(help="Worker processes (default and most: the CPUs, and no more than rows).", min=1)
    ] = None,
    formats: Annotated[str, typer.Option("--format", help=f"Comma-separated formats: {', '.join(FORMATS)}.")] = "pdf",
    force: Annotated[bool, typer.Option("--force", help="Replace outputs that already exist.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    name_pattern: Annotated[
        str, typer.Option(help="File names from {id}, {name}, {row}, {template}; made safe and unique.")
    ] = "{id}_{name}",
    date: Annotated[str | None, typer.Option(help="Date printed on the handouts (YYYY-MM-DD).")] = None,
    page_size: Annotated[PageSize, typer.Option("--page-size", help="A4 or letter.")] = PageSize.A4,
    large_print: Annotated[bool, typer.Option("--large-print", help="Body text 14 pt or larger.")] = False,
    layout: Annotated[Layout | None, typer.Option("--layout", help=LAYOUT_HELP)] = None,
    catalogue_folders: CatalogueOpt = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Language of the handouts of rows with no language column (en or es). "
            "Default: the template's language, else en.",
            callback=known_language,
            metavar="LANGUAGE",
        ),
    ] = None,
) -> None:
    """Turn a roster into handouts, one per row, with a manifest (manifest.json and manifest.csv) in --out.

    A bad row never stops the others. Exit 1 when any row failed, 3 when a row met a bug, 0 otherwise.

    Example: rehabgen batch examples/roster.csv --template runner_back_pain --out handouts --clinic examples/clinic.yaml
    """
    from rehabgen.batch import BatchOptions, run_batch

    chosen = tuple(f.strip().lower() for f in formats.split(",") if f.strip())
    if not chosen or any(f not in FORMATS for f in chosen):
        allowed = ", ".join(FORMATS)
        with use_language(lang):
            message = _f(
                "--format: '{name}' is not allowed; use {allowed}, several separated by commas",
                name=formats,
                allowed=allowed,
            )
        fail(message, 2)
    options = BatchOptions(
        out=out,
        template=template,
        clinic=clinic,
        formats=chosen,
        jobs=jobs,
        force=force,
        name_pattern=name_pattern,
        page_size=page_size.value,
        large_print=large_print,
        layout=chosen_layout(layout),
        printed_date=printed_date(date),
        language=lang,
        catalogue_dirs=tuple(catalogue_dirs(catalogue_folders)),
        template_dirs=tuple(template_dirs()),
        cache=cache(),
    )
    with _progress(quiet) as (update, set_total):
        result = run_batch(roster, options, progress=update, total=set_total)
    with use_language(lang):  # what the user reads after the run, in --lang (rows may differ: no one language)
        _report(result, out)


def _report(result: BatchResult, out: Path) -> None:
    """The notes, the failed and urgent rows and the summary on standard error, in the current language."""
    from rehabgen.batch.entries import Note

    for note in result.notes:
        err(_f("note: {note}", note=note.translated() if isinstance(note, Note) else note))
    for entry in result.entries:
        if entry.failed:
            first = entry.errors[0] if entry.errors else {}
            where = f"{entry.status}: {first.get('path', '')}: {first.get('message', '')}"
            err(_f("row {row}", row=entry.row) + f": {where}")
    for entry in result.urgent:
        message = _("the handout says what to do today; make sure the patient gets it")
        err(f"{entry.who()}: {entry.status}: {message}")
    print(str(out / "manifest.json"))
    err(result.summary())
    if result.internal:
        fail(
            _f(
                ngettext(
                    "{count} row(s) met a bug in rehabgen: please report it with the manifest's message",
                    "{count} row(s) met a bug in rehabgen: please report it with the manifest's message",
                    result.internal,
                ),
                count=result.internal,
            ),
            3,
        )
    if result.failed:
        raise typer.Exit(1)


class _NullProgress:
    """Progress that shows nothing (``--quiet``): the batch loop calls it the same way either way."""

    def __enter__(self) -> tuple[Callable[[Any], None], Callable[[int], None]]:
        return (lambda entry: None), (lambda n: None)

    def __exit__(self, *exc: object) -> None:
        return None


def _progress(quiet: bool) -> Any:
    if quiet:
        return _NullProgress()
    import contextlib

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    @contextlib.contextmanager
    def bar() -> Any:
        # No auto-refresh thread: worker processes are forked, and forking a threaded process is unsafe.
        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            auto_refresh=False,
            transient=True,
        )
        task = progress.add_task("handouts", total=None)

        def update(entry: Any) -> None:
            progress.advance(task)
            progress.refresh()

        def set_total(n: int) -> None:
            progress.update(task, total=n)

        with progress:
            yield update, set_total

    return bar()
