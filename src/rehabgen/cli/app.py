"""The command tree and what every command shares: error handling, exit codes, the environment, output files.

This is the only place rehabgen reads environment variables (the library takes parameters):

* ``REHABGEN_CATALOGUE``: extra catalogue folders, separated like ``PATH``, layered under ``--catalogue``;
* ``REHABGEN_PROGRAMS``: extra template folders, separated like ``PATH``;
* ``REHABGEN_CACHE_DIR``: where the cache lives (empty: no cache; unset: the platform's cache folder);
* ``REHABGEN_DEBUG``: set to show the traceback of an internal error.

Exit codes: 0 ok (a programme, a referral or a clean validation), 1 bad input or a failed batch row,
2 usage error, 3 internal error (a bug: please report it).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from rehabgen._version import __version__

if TYPE_CHECKING:
    from rehabgen.io.cache import Cache
    from rehabgen.model.catalogue import Catalogue

F = TypeVar("F", bound=Callable[..., Any])

CATALOGUE_ENV = "REHABGEN_CATALOGUE"
PROGRAMS_ENV = "REHABGEN_PROGRAMS"
CACHE_ENV = "REHABGEN_CACHE_DIR"
DEBUG_ENV = "REHABGEN_DEBUG"
PYDANTIC_PLUGINS_ENV = "PYDANTIC_DISABLE_PLUGINS"

app = typer.Typer(
    name="rehabgen",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=True,  # --install-completion and --show-completion for bash, zsh, fish and PowerShell
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


def complete_template(incomplete: str) -> list[str]:
    """Shell completion for --template: the names of the templates found (bundled and $REHABGEN_PROGRAMS)."""
    from rehabgen.io.templates import list_templates

    return [name for name in sorted(list_templates(template_dirs())) if name.startswith(incomplete)]


def complete_format(incomplete: str) -> list[str]:
    """Shell completion for --format: the output formats."""
    from rehabgen.render.registry import FORMATS

    return [name for name in FORMATS if name.startswith(incomplete)]


def known_language(value: str | None) -> str | None:
    """Refuse a `--lang` rehabgen has no words for (exit 2)."""
    from rehabgen.i18n import is_language, languages

    if value is not None and not is_language(value):
        raise typer.BadParameter(f"'{value}' is not a language rehabgen prints in; use {', '.join(languages())}")
    return value


LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Language of the handout: en or es (`rehabgen languages` lists them). "
        "Default: the profile's language, else the template's, else en.",
        callback=known_language,
        metavar="LANGUAGE",
    ),
]


TemplateOpt = Annotated[
    str | None,
    typer.Option(help="Programme template: a name or a YAML file.", autocompletion=complete_template),
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


def err(message: str) -> None:
    """Print to stderr, control characters and bidirectional overrides shown as escapes (never obeyed)."""
    from rehabgen.model.text import escape_unsafe

    print(escape_unsafe(message), file=sys.stderr)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print to stderr and exit with ``code``."""
    err(message)
    raise typer.Exit(code)


def guarded(func: F) -> F:
    """Turn rehabgen's own errors into a clear message and exit code, and bugs into exit 3.

    A command with a ``lang`` parameter (``--lang``) gets its errors' headers (``profile: 1 problem``,
    ``command line: 1 problem``) in that language. Without ``--lang`` they are English, even for a profile
    that names its language: an error may be found before the profile is read, or be that it cannot be read,
    so its language cannot be known when the error is.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from rehabgen.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_USAGE, RehabgenError, UsageError
        from rehabgen.i18n import use_language

        lang = kwargs.get("lang")
        language = lang if isinstance(lang, str) else None
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except UsageError as exc:
            with use_language(language):
                fail(str(exc), EXIT_USAGE)
        except RehabgenError as exc:
            with use_language(language):
                fail(str(exc), EXIT_INPUT)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except BrokenPipeError:
            # The reader (e.g. `| head`) went away: stop quietly, as other command-line tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except Exception as exc:
            if os.environ.get(DEBUG_ENV):
                raise
            fail(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in rehabgen. Please report it with the command you ran "
                f"(set {DEBUG_ENV}=1 to see the traceback).",
                EXIT_INTERNAL,
            )

    return wrapper  # type: ignore[return-value]


def _env_folders(name: str) -> list[Path]:
    value = os.environ.get(name, "")
    return [Path(p) for p in value.split(os.pathsep) if p]


def catalogue_dirs(option: list[Path] | None) -> list[Path]:
    """Extra catalogue folders: the environment's, then ``--catalogue``."""
    return [*_env_folders(CATALOGUE_ENV), *(option or [])]


def template_dirs() -> list[Path]:
    """Extra template folders from the environment."""
    return _env_folders(PROGRAMS_ENV)


def cache() -> Cache | None:
    """The cache the environment asks for (the platform's cache folder by default)."""
    from rehabgen.io.cache import Cache

    configured = os.environ.get(CACHE_ENV)
    if configured is None:
        return Cache.default()
    return Cache(Path(configured)) if configured else None


def load_catalogue(option: list[Path] | None) -> Catalogue:
    """The catalogue for a command: bundled, the environment's folders, then ``--catalogue``."""
    from rehabgen.io.catalogue import load_catalogue as load

    return load(catalogue_dirs(option), cache=cache())


def output_path(
    output: Path | None,
    suffixes: Sequence[str],
    what: str,
    *,
    inputs: Sequence[Path | None] = (),
    binary: bool = False,
    option: str = "-o",
) -> Path | None:
    """Check ``-o`` against the rule every command follows; None means standard output.

    The rule: ``-`` (or no ``-o`` where it is optional) is standard output, which a binary format (a PDF)
    may use only when it is not a terminal; a file's suffix must be one of ``suffixes``; its folder must
    exist (nothing is created); and it may not be one of the command's input files. Breaking it is a usage
    error (exit 2), found before any work is done.
    """
    from rehabgen.errors import Problem, UsageError
    from rehabgen.i18n import _, _f

    def refuse(message: str) -> UsageError:
        return UsageError([Problem(message, path=(option,))])

    if output is None or str(output) == "-":
        if binary and sys.stdout.isatty():
            example = f"-o x{suffixes[0]}"
            raise refuse(
                _f(
                    "{what} is not written to a terminal: name a file ({example}) or redirect",
                    what=what,
                    example=example,
                )
            )
        return None
    if output.suffix.lower() not in suffixes:
        allowed = _(" or ").join(suffixes)
        found = output.suffix or _("nothing")
        raise refuse(
            _f(
                "{output}: {what} is written to a file ending in {allowed}, not '{found}'",
                output=output,
                what=what,
                allowed=allowed,
                found=found,
            )
        )
    folder = output.parent
    if not folder.is_dir():
        raise refuse(
            _f(
                "{output}: the folder {folder} does not exist (rehabgen creates no folders for -o)",
                output=output,
                folder=folder,
            )
        )
    if output.is_dir():
        raise refuse(_f("{output} is a folder; name a file in it", output=output))
    for given in inputs:
        if given is not None and _same_file(output, given):
            raise refuse(_f("{output} is an input file of this command; writing there would destroy it", output=output))
    return output


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def write_output(path: Path | None, data: bytes | str) -> None:
    """Write an output atomically (None: to standard output); a folder that cannot be written is exit 1."""
    from rehabgen.errors import OutputError
    from rehabgen.io.files import write_atomic

    if path is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
        sys.stdout.buffer.flush()
        return
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from None


def enum_value(kind: Any, value: str, option: str) -> Any:
    """``kind(value)``, or a usage error naming the option and the allowed values."""
    from rehabgen.io.problems import suggest

    try:
        return kind(value)
    except ValueError:
        allowed = [m.value for m in kind]
        fail(f"{option}: '{value}' is not allowed{suggest(value, allowed)}; allowed: {', '.join(allowed)}", 2)


def table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    """Print rows as aligned columns."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def printed_date(value: str | None) -> dt.date | None:
    """``--date`` as a date; a bad date is a usage error named by its option."""
    from rehabgen.errors import Problem, UsageError
    from rehabgen.i18n import _f
    from rehabgen.model.profile import in_date_window

    if value is None:
        return None
    try:
        return in_date_window(dt.date.fromisoformat(value))
    except ValueError as exc:
        reason = (
            str(exc) if "between" in str(exc) else _f("'{value}' is not a date; write it as YYYY-MM-DD", value=value)
        )
        raise UsageError([Problem(reason, path=("--date",))]) from None
