"""Every error rehabgen raises on purpose, and the exit codes the CLI maps them to.

The tree::

    RehabgenError                 base; never raised itself
    ├── InputError                bad user data; carries every Problem found (exit 1)
    │   ├── CatalogueError        exercises/*.yaml
    │   ├── ProfileError          an intake profile
    │   ├── TemplateError         programs/*.yaml
    │   │   └── UnknownTemplateError   no template has that name (also a UsageError)
    │   ├── ClinicError           a clinic branding file
    │   ├── TranslationError      exercises/i18n/<language>/*.yaml, programs/i18n/<language>/*.yaml
    │   ├── RosterError           a batch roster as a whole (a bad row is reported per row instead)
    │   └── UsageError            a bad option value: a name, date, pattern or output path (exit 2)
    └── OutputError               an output that may not be written (exists, outside --out) (exit 1)

Exceptions hold structured fields, never print, and format themselves only through ``str()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rehabgen.i18n import N_, _, _f, ngettext

EXIT_OK = 0
"""A programme, a referral or a clean validation was produced."""
EXIT_INPUT = 1
"""Bad data (catalogue, profile, template, roster), or at least one batch row failed."""
EXIT_USAGE = 2
"""The command line itself was wrong: an unknown option, a missing argument or a bad option value."""
EXIT_INTERNAL = 3
"""A bug in rehabgen: please report it with the command that caused it."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input: where it is and why it is wrong."""

    message: str
    file: str | None = None
    path: tuple[str, ...] = ()
    line: int | None = None
    column: int | None = None

    def location(self) -> str:
        """``file:line:col`` (as much of it as is known)."""
        parts = [self.file] if self.file else []
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.location()
        path = " › ".join(self.path)
        head = ": ".join(p for p in (where, path) if p)
        return f"{head}: {self.message}" if head else self.message

    def to_dict(self) -> dict[str, object]:
        """The JSON shape used by ``--format json`` and batch manifests."""
        return {
            "file": self.file,
            "line": self.line,
            "path": " › ".join(self.path),
            "message": self.message,
        }


class RehabgenError(Exception):
    """Base of every error rehabgen raises on purpose."""


class InputError(RehabgenError):
    """User data that cannot be used; ``problems`` lists every defect found, not just the first."""

    what = N_("input")

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        """``profile: 2 problems`` and a line per problem; the header in the current language."""
        count = len(self.problems)
        problems = _f(ngettext("{count} problem", "{count} problems", count), count=count)
        lines = [f"{_(self.what)}: {problems}"]
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)

    def document(self) -> dict[str, object]:
        """The ``INPUT_ERROR`` document of the output contract: every problem, as JSON-ready data."""
        return {"status": "INPUT_ERROR", "problems": [p.to_dict() for p in self.problems]}

    @classmethod
    def single(cls, message: str, *, file: str | None = None, path: Sequence[str] = ()) -> InputError:
        """An error with one problem."""
        return cls([Problem(message, file=file, path=tuple(path))])


class CatalogueError(InputError):
    """The exercise catalogue has defects."""

    what = N_("exercise catalogue")


class ProfileError(InputError):
    """An intake profile has defects."""

    what = N_("profile")


class TemplateError(InputError):
    """A programme template has defects."""

    what = N_("programme template")


class ClinicError(InputError):
    """A clinic branding file has defects."""

    what = N_("clinic file")


class TranslationError(InputError):
    """The catalogue's or the templates' translation into a language has defects, or is incomplete."""

    what = N_("translation")


class RosterError(InputError):
    """A batch roster cannot be read at all (a single bad row is reported in the manifest instead)."""

    what = N_("roster")


class UsageError(InputError):
    """A bad option value or argument, found before any work: an unknown name, a date, a pattern, an output path.

    The CLI exits 2 for it; bad input *files* (missing, unreadable, invalid) are the other InputErrors (exit 1).
    """

    what = N_("command line")


class UnknownTemplateError(TemplateError, UsageError):
    """No template has the name asked for (the known ones are listed)."""


class OutputError(RehabgenError):
    """An output file may not be written."""
