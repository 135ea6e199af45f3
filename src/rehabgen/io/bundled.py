"""Where the folders shipped with rehabgen (exercises, programs, examples) are on this machine."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def bundled_dir(name: str) -> Path:
    """A folder shipped with rehabgen (``exercises``, ``programs`` or ``examples``).

    In an installed wheel the folders live inside the package; in a source checkout (editable install)
    they are the top-level folders of the repository.
    """
    packaged = _PACKAGE / "_bundled" / name
    return packaged if packaged.is_dir() else _PACKAGE.parents[1] / name
