"""Every output format in one table: name, file suffixes, media type, help, and where its renderer lives.

The API, batch, the CLI (``--format`` and its help) and the web app all read this table, so adding a format is
one module with a ``render(handout, cache)`` function (and, when it cannot show everything, a
``warnings(handout)`` function) and one entry here. Renderer modules are imported only
when their format is asked for, so ``plan --format json`` never loads reportlab.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from rehabgen.errors import Problem, UsageError
from rehabgen.i18n import _, use_language

if TYPE_CHECKING:  # the table is read by ``--help``: it imports nothing heavy
    from rehabgen.io.cache import Cache
    from rehabgen.render.handout import Handout

Renderer = Callable[["Handout", "Cache | None"], bytes]


@dataclass(frozen=True, slots=True)
class OutputFormat:
    """One output format."""

    name: str
    """What ``--format`` takes."""
    suffixes: tuple[str, ...]
    """File suffixes that mean this format; the first is the one written."""
    media_type: str
    help: str
    """One line for ``--help`` and the docs."""
    module: str
    """The module whose ``render(handout, cache)`` returns the document's bytes."""
    is_text: bool = True
    """Text that may be written to a terminal (a PDF is not)."""

    @property
    def suffix(self) -> str:
        """The suffix written for this format."""
        return self.suffixes[0]

    def renderer(self) -> Renderer:
        """The format's render function, printing in the programme's language (its module is imported now)."""
        render_in = cast(Renderer, importlib.import_module(self.module).render)

        def render_in_language(handout: Handout, cache: Cache | None = None) -> bytes:
            with use_language(handout.programme.meta.language):
                return render_in(handout, cache)

        return render_in_language

    def warnings(self, handout: Handout) -> list[str]:
        """What this format cannot show of the handout as given (e.g. a name the PDF's fonts lack)."""
        check = getattr(importlib.import_module(self.module), "warnings", None)
        if check is None:
            return []
        with use_language(handout.programme.meta.language):
            return list(check(handout))


FORMATS: dict[str, OutputFormat] = {
    entry.name: entry
    for entry in (
        OutputFormat(
            "pdf",
            (".pdf",),
            "application/pdf",
            "the printed handout (PDF)",
            "rehabgen.render.pdf.document",
            is_text=False,
        ),
        OutputFormat(
            "html",
            (".html", ".htm"),
            "text/html; charset=utf-8",
            "the handout as one accessible web page (screen readers, zoom, print)",
            "rehabgen.render.html",
        ),
        OutputFormat(
            "json",
            (".json",),
            "application/json",
            "the programme as JSON (the output contract: rehabgen schema programme)",
            "rehabgen.render.programme_json",
        ),
        OutputFormat(
            "md",
            (".md", ".markdown"),
            "text/markdown; charset=utf-8",
            "the programme as readable Markdown",
            "rehabgen.render.markdown",
        ),
        OutputFormat(
            "ics",
            (".ics",),
            "text/calendar; charset=utf-8",
            "every session as a calendar event, for a phone (needs a start date)",
            "rehabgen.render.ics",
        ),
    )
}
"""Every output format, by name, in the order they are listed to users."""


def format_names() -> str:
    """``pdf, html, json, md or ics``: the names for a message."""
    names = list(FORMATS)
    return ", ".join(names[:-1]) + _(" or ") + names[-1]


def get_format(name: str) -> OutputFormat:
    """The format called ``name``; an unknown name is a problem naming the allowed ones."""
    found = FORMATS.get(name.strip().lower())
    if found is None:
        raise UsageError([Problem(f"'{name}' is not an output format; use {format_names()}", path=("--format",))])
    return found


def format_for_suffix(suffix: str) -> OutputFormat | None:
    """The format a file suffix (``.pdf``) stands for, or None."""
    wanted = suffix.lower()
    return next((f for f in FORMATS.values() if wanted in f.suffixes), None)


def render(handout: Handout, format_name: str, *, cache: Cache | None = None) -> bytes:
    """The handout in one format, as bytes (text formats are UTF-8), in the programme's language."""
    return get_format(format_name).renderer()(handout, cache)
