"""Finding and reading programme templates (``programs/*.yaml``) by name or by path.

Templates are looked up in the bundled ``programs/`` folder and then in any extra folders the caller names
(the CLI takes them from ``--programs`` and ``REHABGEN_PROGRAMS``); a later folder's file wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rehabgen.errors import Problem, TemplateError, UnknownTemplateError
from rehabgen.io.bundled import bundled_dir
from rehabgen.io.problems import load_model, suggest
from rehabgen.io.reader import iter_yaml_files
from rehabgen.model.template import Template


def load_template(path: Path, display: str | None = None) -> Template:
    """Read and validate one template file; raise TemplateError listing every problem."""
    return load_model(path, Template, TemplateError, display)


def template_dirs(extra: Sequence[Path] = ()) -> list[Path]:
    """Folders searched for templates by name: the bundled ``programs/``, then ``extra`` in order."""
    return [bundled_dir("programs"), *extra]


def list_templates(extra: Sequence[Path] = ()) -> dict[str, Path]:
    """Template id (the file name without .yaml) → file, later folders overriding earlier ones."""
    found: dict[str, Path] = {}
    for folder in template_dirs(extra):
        if folder.is_dir():
            for path in iter_yaml_files(folder):
                found[path.stem] = path
    return found


def find_template(name_or_path: str, extra: Sequence[Path] = ()) -> Template:
    """A template by id (``runner_back_pain``) or by file path.

    Raises:
        UnknownTemplateError: no template has that name (a usage error; the known ones are listed).
        TemplateError: the file is missing or broken.
    """
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") or candidate.exists():
        return load_template(candidate)
    known = list_templates(extra)
    if name_or_path not in known:
        raise UnknownTemplateError(
            [
                Problem(
                    f"no template named '{name_or_path}'{suggest(name_or_path, list(known))}; "
                    f"known templates: {', '.join(sorted(known)) or 'none'}",
                    path=("--template",),
                )
            ]
        )
    return load_template(known[name_or_path])
