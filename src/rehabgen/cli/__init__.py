"""The ``rehabgen`` command: a thin layer over the library, one module per command group.

Each command parses its arguments, calls the library and prints. Results go to stdout (paths written, JSON,
tables); warnings, progress and errors go to stderr. Heavy modules (pydantic models, the catalogue,
reportlab) are imported inside the commands so that ``rehabgen --help`` stays fast. ``rehabgen.cli.app``
holds the command tree, the exit codes and the only reads of environment variables.
"""

from __future__ import annotations

import os

from rehabgen.cli import batch, catalogue, check, intake, languages, plan, questions, serve, templates
from rehabgen.cli.app import PYDANTIC_PLUGINS_ENV, app

__all__ = ["app", "main"]
# Imported for the commands they register.
_COMMANDS = (batch, catalogue, check, intake, languages, plan, questions, serve, templates)


def main() -> None:
    """Entry point of the ``rehabgen`` console script."""
    # rehabgen uses no pydantic plugins; looking for them reads every installed package's metadata (about
    # 13 ms of a 250 ms start). A user who sets the variable keeps their choice.
    os.environ.setdefault(PYDANTIC_PLUGINS_ENV, "__all__")
    app()
