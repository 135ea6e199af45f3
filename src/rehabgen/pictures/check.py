"""The catalogue's picture pass: every exercise's pose builds a picture that fits its frame.

It runs after every entry has been validated, like the ladder checks, and reports each problem against the
exercise's ``pose`` field. The geometry is the slow part of loading a catalogue, so a cache may remember
that exactly these files passed with exactly this geometry code (``code_fingerprint``).
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from rehabgen.model.catalogue import Catalogue
from rehabgen.pictures.scene import scene_of

_SOURCES = ("model/pose.py", "pictures/body.py", "pictures/scene.py")


def check_pictures(catalogue: Catalogue) -> list[tuple[str, str, str]]:
    """Every pose that cannot be drawn, as (exercise id, "pose", reason)."""
    found: list[tuple[str, str, str]] = []
    for exercise in catalogue:
        try:
            scene_of(exercise.pose)
        except ValueError as exc:
            found.append((exercise.id, "pose", str(exc)))
    return found


@functools.cache
def code_fingerprint() -> str:
    """A hash of the code that poses and checks figures: a cached "passed" is void when it changes."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for source in _SOURCES:
        digest.update((package / source).read_bytes())
    return digest.hexdigest()[:16]
