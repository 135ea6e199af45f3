"""Exercise pictures: a pose's geometry, the catalogue's picture check, drawing, and PNG/SVG export."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]

GEOMETRY_SOURCES = ("model/pose.py", "pictures/body.py", "pictures/scene.py", "pictures/machines.py")
"""The code that poses and checks figures: a cached "passed" is void when any of it changes."""


@functools.cache
def code_fingerprint(*sources: str) -> str:
    """A hash of these source files of rehabgen: what a cache entry derived by that code depends on."""
    digest = hashlib.sha256()
    for source in sources:
        digest.update((_PACKAGE / source).read_bytes())
    return digest.hexdigest()[:16]
