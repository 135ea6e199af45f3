"""The ``rehabgen`` command: a thin layer over the library.

Each command parses its arguments, calls one library function and prints. Results go to stdout (paths
written, JSON, tables); warnings, progress and errors go to stderr. Heavy modules (pydantic models, the
catalogue, reportlab) are imported inside the commands so that ``rehabgen --help`` stays fast.

Exit codes: 0 ok (a programme, a referral or a clean validation), 1 bad input or a failed batch row,
2 usage error, 3 internal error (a bug: please report it).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from rehabgen._version import __version__

if TYPE_CHECKING:
    from rehabgen.catalogue import Catalogue
    from rehabgen.exercise import Exercise

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="rehabgen",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    help="Safe, progressive exercise programmes for runners with lower back pain, printed as PDF handouts.",
)
catalogue_app = typer.Typer(no_args_is_help=True, help="Browse and check the exercise catalogue.")
templates_app = typer.Typer(no_args_is_help=True, help="List and show programme templates.")
app.add_typer(catalogue_app, name="catalogue")
app.add_typer(templates_app, name="templates")

CatalogueOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalogue",
        help="Extra catalogue folder layered over the bundled one (repeatable; also $REHABGEN_CATALOGUE).",
        file_okay=False,
        metavar="DIR",
    ),
]


def _version(value: bool) -> None:
    if value:
        print(f"rehabgen {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", help="Print the version and exit.", callback=_version, is_eager=True),
    ] = False,
) -> None:
    """Safe, progressive exercise programmes for runners with lower back pain, printed as PDF handouts."""


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _fail(message: str, code: int = 1) -> NoReturn:
    _err(message)
    raise typer.Exit(code)


def guarded(func: F) -> F:
    """Turn rehabgen's own errors into a clear message and exit code, and bugs into exit 3."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from rehabgen.errors import EXIT_INPUT, EXIT_INTERNAL, RehabgenError

        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except RehabgenError as exc:
            _fail(str(exc), EXIT_INPUT)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except BrokenPipeError:
            # The reader (e.g. `| head`) went away: stop quietly, as other command-line tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except Exception as exc:
            if os.environ.get("REHABGEN_DEBUG"):
                raise
            _fail(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in rehabgen. Please report it with the command you ran "
                "(set REHABGEN_DEBUG=1 to see the traceback).",
                EXIT_INTERNAL,
            )

    return wrapper  # type: ignore[return-value]


def _load_catalogue(extra: list[Path] | None) -> Catalogue:
    from rehabgen.catalogue import load_catalogue

    return load_catalogue(extra or [])


# --- catalogue -----------------------------------------------------------------------------------------------


class ListFormat(StrEnum):
    """Output formats of ``catalogue list``."""

    table = "table"
    json = "json"


@catalogue_app.command("list")
@guarded
def catalogue_list(
    cause: Annotated[str | None, typer.Option(help="Only exercises for this cause id.")] = None,
    muscle: Annotated[str | None, typer.Option(help="Only exercises working this muscle id.")] = None,
    tag: Annotated[str | None, typer.Option(help="Only exercises with this movement tag.")] = None,
    equipment: Annotated[
        list[str] | None,
        typer.Option(help="Only exercises doable with this kit (repeatable; 'none' for bodyweight only)."),
    ] = None,
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    level: Annotated[int | None, typer.Option(help="Only this difficulty level (1-5).", min=1, max=5)] = None,
    output: Annotated[ListFormat, typer.Option("--format", help="table or json.")] = ListFormat.table,
    catalogue_dirs: CatalogueOpt = None,
) -> None:
    """List exercises, optionally filtered.

    Example: rehabgen catalogue list --cause weak_glutes --equipment none
    """
    from rehabgen.vocab import Category, Cause, Equipment, Muscle, Tag

    catalogue = _load_catalogue(catalogue_dirs)
    kit = None if equipment is None else [_enum(Equipment, e, "--equipment") for e in equipment if e != "none"]
    found = catalogue.select(
        cause=_enum(Cause, cause, "--cause") if cause else None,
        muscle=_enum(Muscle, muscle, "--muscle") if muscle else None,
        tag=_enum(Tag, tag, "--tag") if tag else None,
        equipment=kit,
        category=_enum(Category, category, "--category") if category else None,
        level=level,
    )
    if output is ListFormat.json:
        print(json.dumps([ex.model_dump(mode="json", exclude_none=True) for ex in found], indent=2, ensure_ascii=False))
        return
    rows = [(ex.id, ex.name, ex.category.value, str(ex.level), ", ".join(ex.equipment) or "-") for ex in found]
    _table(("id", "name", "category", "level", "equipment"), rows)
    _err(f"{len(found)} of {len(catalogue)} exercises")


def _enum(kind: Any, value: str, option: str) -> Any:
    from rehabgen.loader import suggest

    try:
        return kind(value)
    except ValueError:
        allowed = [m.value for m in kind]
        _fail(f"{option}: '{value}' is not allowed{suggest(value, allowed)}; allowed: {', '.join(allowed)}", 2)


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    print(line.rstrip())
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


@catalogue_app.command("show")
@guarded
def catalogue_show(
    exercise_id: Annotated[str, typer.Argument(metavar="ID", help="The exercise id, e.g. bird_dog.")],
    output: Annotated[ListFormat, typer.Option("--format", help="table (readable text) or json.")] = ListFormat.table,
    image: Annotated[
        Path | None, typer.Option(help="Also export the exercise's illustration to this .png or .svg file.")
    ] = None,
    catalogue_dirs: CatalogueOpt = None,
) -> None:
    """Show everything about one exercise.

    Example: rehabgen catalogue show side_plank
    """
    from rehabgen.loader import suggest

    catalogue = _load_catalogue(catalogue_dirs)
    ex = catalogue.exercises.get(exercise_id)
    if ex is None:
        _fail(f"no exercise with id '{exercise_id}'{suggest(exercise_id, list(catalogue.exercises))}")
    if output is ListFormat.json:
        print(json.dumps(ex.model_dump(mode="json", exclude_none=True), indent=2, ensure_ascii=False))
    else:
        print(describe_exercise(ex, catalogue))
    if image is not None:
        from rehabgen.render.illustrate import export_illustration

        export_illustration(ex, image)
        print(str(image))


def describe_exercise(ex: Exercise, catalogue: Catalogue) -> str:
    """An exercise as readable text."""
    from rehabgen.vocab import CATEGORY_LABELS, CAUSE_INFO, EQUIPMENT_LABELS, MUSCLE_LABELS

    d = ex.dosage
    dose = []
    if d.pyramid:
        dose.append(f"{'/'.join(map(str, d.pyramid))} reps")
    elif d.reps:
        dose.append(f"{d.sets} × {d.reps}")
    if d.hold_s:
        dose.append(f"hold {d.hold_s} s")
    if d.duration_min:
        dose.append(f"{d.duration_min} min")
    dose.append(f"rest {d.rest_s} s")
    if d.tempo:
        dose.append(f"tempo {d.tempo}")
    lines = [
        f"{ex.name}  ({ex.id})",
        f"{CATEGORY_LABELS[ex.category]} · level {ex.level}" + (" · each side" if ex.per_side else ""),
        f"Also called: {', '.join(ex.aliases)}" if ex.aliases else "",
        "",
        ex.purpose,
        "",
        "Steps:",
        *(f"  {i}. {s}" for i, s in enumerate(ex.steps, 1)),
        "Cues:",
        *(f"  - {c}" for c in ex.cues),
        "Common mistakes:",
        *(f"  - {m}" for m in ex.mistakes),
        "",
        f"Dose: {', '.join(dose)}",
        f"Primary muscles: {', '.join(MUSCLE_LABELS[m] for m in ex.muscles.primary)}",
        f"Secondary muscles: {', '.join(MUSCLE_LABELS[m] for m in ex.muscles.secondary) or '-'}",
        f"Causes: {', '.join(CAUSE_INFO[c][0] for c in ex.causes) or 'general warm-up / cool-down'}",
        f"Movement tags: {', '.join(ex.tags)}",
        f"Equipment needed: {', '.join(EQUIPMENT_LABELS[e] for e in ex.equipment) or 'none'}",
        f"Helpful: {', '.join(EQUIPMENT_LABELS[e] for e in ex.helpful) or '-'}",
        f"Easier: {_neighbour(catalogue, ex.easier)}",
        f"Harder: {_neighbour(catalogue, ex.harder)}",
    ]
    if ex.caution:
        lines.insert(4, f"CAUTION: {ex.caution}")
    if ex.reference_url:
        lines.append(f"Reference: {ex.reference_url}")
    return "\n".join(line for i, line in enumerate(lines) if line or i in (3, 5, 12 + len(ex.steps)))


def _neighbour(catalogue: Catalogue, exercise_id: str | None) -> str:
    if exercise_id is None or exercise_id not in catalogue:
        return "-"
    return f"{catalogue[exercise_id].name} ({exercise_id})"


@catalogue_app.command("sheet")
@guarded
def catalogue_sheet(
    output: Annotated[Path, typer.Option("--output", "-o", help="The PDF contact sheet to write.", dir_okay=False)],
    catalogue_dirs: CatalogueOpt = None,
) -> None:
    """Print every exercise's illustration with its name on a contact sheet, for clinical review.

    Example: rehabgen catalogue sheet -o sheet.pdf
    """
    from rehabgen.render.sheet import render_sheet

    catalogue = _load_catalogue(catalogue_dirs)

    _write(output, render_sheet(catalogue))
    print(str(output))


# --- validate and schema -------------------------------------------------------------------------------------


@app.command()
@guarded
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Catalogue folders, exercise files, templates, profiles or clinic files to check."),
    ] = None,
    catalogue_dirs: CatalogueOpt = None,
) -> None:
    """Check the catalogue (the bundled one by default) and any template, profile or clinic file given.

    Exit 0 when everything is clean, 1 with every problem listed.

    Example: rehabgen validate programs/mcgill_core.yaml my_profile.yaml
    """
    from rehabgen.validation import validate_paths

    report = validate_paths(paths or [], catalogue_dirs or [])
    for line in report.lines:
        print(line)
    if report.problems:
        for problem in report.problems:
            _err(str(problem))
        _fail(f"{len(report.problems)} problem(s) found")


class SchemaKind(StrEnum):
    """Documents ``rehabgen schema`` can describe."""

    exercise = "exercise"
    profile = "profile"
    template = "template"
    programme = "programme"
    clinic = "clinic"


@app.command()
@guarded
def schema(kind: Annotated[SchemaKind, typer.Argument(help="Which document to describe.")]) -> None:
    """Print the JSON Schema of a document, so an editor can check YAML as it is typed.

    Example: rehabgen schema profile > profile.schema.json
    """
    from rehabgen.validation import json_schema

    print(json.dumps(json_schema(kind.value), indent=2, ensure_ascii=False))


# --- plan ----------------------------------------------------------------------------------------------------


class PlanFormat(StrEnum):
    """Output formats of ``plan``."""

    pdf = "pdf"
    json = "json"
    md = "md"
    ics = "ics"


class PageSize(StrEnum):
    """Paper sizes for the handout."""

    A4 = "A4"
    letter = "letter"


@app.command()
@guarded
def plan(
    profile_path: Annotated[Path, typer.Argument(metavar="PROFILE", help="The intake profile (YAML).", dir_okay=False)],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the handout; the format follows its suffix.",
            dir_okay=False,
        ),
    ] = None,
    output_format: Annotated[
        PlanFormat | None,
        typer.Option("--format", help="pdf, json or md (default: from -o, else md to stdout)."),
    ] = None,
    template: Annotated[str | None, typer.Option(help="Programme template: a name or a YAML file.")] = None,
    clinic: Annotated[
        Path | None,
        typer.Option(help="Clinic branding file (YAML): name, address, phone, logo, colour.", dir_okay=False),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Date printed on the handout (YYYY-MM-DD); default: the start date.")
    ] = None,
    page_size: Annotated[PageSize, typer.Option("--page-size", help="A4 or letter.")] = PageSize.A4,
    large_print: Annotated[bool, typer.Option("--large-print", help="Body text 14 pt or larger.")] = False,
    catalogue_dirs: CatalogueOpt = None,
) -> None:
    """Triage a profile and write its programme as a PDF handout, JSON or Markdown.

    Exit 0 when a programme or a referral was produced, 1 when the input is invalid.

    Example: rehabgen plan examples/profile.yaml -o handout.pdf
    """
    from rehabgen.api import PlanRequest, run_plan

    fmt = output_format or _format_from(output)
    if fmt is PlanFormat.pdf and output is None:
        _fail("a PDF handout needs an output file: add -o handout.pdf", 2)
    request = PlanRequest(
        profile=profile_path,
        output_format=fmt.value,
        template=template,
        clinic=clinic,
        printed_date=date,
        page_size=page_size.value,
        large_print=large_print,
        catalogue_dirs=catalogue_dirs or [],
    )
    result = run_plan(request)
    if result.problems is not None:
        if fmt is PlanFormat.json:
            print(json.dumps(result.problems, indent=2, ensure_ascii=False))
        _fail(result.error_text or "invalid input")
    for warning in result.warnings:
        _err(f"warning: {warning}")
    if output is None:
        sys.stdout.write(result.text or "")
        return

    _write(output, result.data if result.data is not None else (result.text or ""))
    print(str(output))
    _err(f"{result.status}: {result.summary}")


def _format_from(output: Path | None) -> PlanFormat:
    if output is None:
        return PlanFormat.md
    suffix = output.suffix.lower().lstrip(".")
    by_suffix = {
        "pdf": PlanFormat.pdf,
        "json": PlanFormat.json,
        "md": PlanFormat.md,
        "markdown": PlanFormat.md,
        "ics": PlanFormat.ics,
    }
    if suffix not in by_suffix:
        _fail(f"-o {output}: cannot tell the format from '.{suffix}'; use .pdf, .json, .md or .ics, or --format", 2)
    return by_suffix[suffix]


def _write(path: Path, data: bytes | str) -> None:
    """Write an output atomically; a folder that cannot be written is the user's problem, not a bug."""
    from rehabgen.errors import OutputError
    from rehabgen.fsutil import write_atomic

    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from None


# --- templates -----------------------------------------------------------------------------------------------


@templates_app.command("list")
@guarded
def templates_list() -> None:
    """List the programme templates.

    Example: rehabgen templates list
    """
    from rehabgen.template import list_templates, load_template

    rows = []
    for name, path in sorted(list_templates().items()):
        template = load_template(path)
        rows.append((name, template.title, str(template.default_weeks or "-")))
    _table(("name", "title", "weeks"), rows)


@templates_app.command("show")
@guarded
def templates_show(name: Annotated[str, typer.Argument(help="Template name or YAML file.")]) -> None:
    """Show one template: who it is for and how it shapes the plan.

    Example: rehabgen templates show mcgill_core
    """
    from rehabgen.template import find_template

    template = find_template(name)
    print(f"{template.title}  ({template.id})\n")
    print(template.description.strip() + "\n")
    print(
        f"Default length: {template.default_weeks or 'from the profile'} weeks; "
        f"sessions a week: {template.default_sessions_per_week or 'from the profile'}"
    )
    phases = template.phases
    print(
        f"Phases: protect {phases.protect if phases.protect is not None else 'auto'}, "
        f"restore {phases.restore if phases.restore is not None else 'auto'}, "
        f"strengthen before running {phases.strengthen_before_running or 'auto'}"
    )
    if template.emphasis.categories or template.emphasis.muscles or template.emphasis.families:
        emphasis = template.emphasis
        groups: list[dict[Any, float]] = [emphasis.categories, emphasis.muscles, emphasis.families]
        weights = {str(k): v for group in groups for k, v in group.items()}
        print("Emphasis: " + ", ".join(f"{k} ×{v:g}" for k, v in weights.items()))
    if template.pin:
        print("Pinned: " + ", ".join(template.pin))
    if template.ban:
        print("Banned: " + ", ".join(template.ban))
    print(f"Running: {'planned when safe' if template.include_running else 'not included'}")
    for section in template.advice:
        print(f"Advice: {section.title}")


@app.command()
@guarded
def batch(
    roster: Annotated[Path, typer.Argument(help="A roster: .csv, a .yaml list of profiles, or a folder of profiles.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the handouts and the manifest.", file_okay=False)],
    template: Annotated[str | None, typer.Option(help="Programme template: a name or a YAML file.")] = None,
    clinic: Annotated[Path | None, typer.Option(help="Clinic branding file (YAML).", dir_okay=False)] = None,
    jobs: Annotated[int | None, typer.Option(help="Worker processes (default: the number of CPUs).", min=1)] = None,
    formats: Annotated[str, typer.Option("--format", help="Comma-separated: pdf, json, md, ics.")] = "pdf",
    force: Annotated[bool, typer.Option("--force", help="Replace outputs that already exist.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    name_pattern: Annotated[
        str, typer.Option(help="File names from {id}, {name}, {row}, {template}; made safe and unique.")
    ] = "{id}_{name}",
    date: Annotated[str | None, typer.Option(help="Date printed on the handouts (YYYY-MM-DD).")] = None,
    page_size: Annotated[PageSize, typer.Option("--page-size", help="A4 or letter.")] = PageSize.A4,
    large_print: Annotated[bool, typer.Option("--large-print", help="Body text 14 pt or larger.")] = False,
    catalogue_dirs: CatalogueOpt = None,
) -> None:
    """Turn a roster into handouts, one per row, with a manifest (manifest.json and manifest.csv) in --out.

    A bad row never stops the others. Exit 1 when any row failed, 0 otherwise.

    Example: rehabgen batch examples/roster.csv --template runner_back_pain --out handouts --clinic examples/clinic.yaml
    """
    from rehabgen.batch import BatchOptions, default_jobs, run_batch

    chosen = tuple(f.strip().lower() for f in formats.split(",") if f.strip())
    bad = [f for f in chosen if f not in ("pdf", "json", "md", "ics")]
    if bad or not chosen:
        _fail(f"--format: '{formats}' is not allowed; use pdf, json, md and/or ics separated by commas", 2)
    options = BatchOptions(
        out=out,
        template=template,
        clinic=clinic,
        formats=chosen,  # type: ignore[arg-type]
        jobs=jobs or default_jobs(),
        force=force,
        name_pattern=name_pattern,
        page_size=page_size.value,
        large_print=large_print,
        printed_date=date,
        catalogue_dirs=tuple(catalogue_dirs or ()),
    )
    with _progress(quiet) as (update, set_total):
        result = run_batch(roster, options, progress=update, total=set_total)
    for entry in result.entries:
        if entry.failed:
            first = entry.errors[0] if entry.errors else {}
            _err(f"row {entry.row}: {entry.status}: {first.get('path', '')}: {first.get('message', '')}")
    print(str(out / "manifest.json"))
    _err(result.summary())
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


def main() -> None:
    """Entry point of the ``rehabgen`` console script."""
    app()
