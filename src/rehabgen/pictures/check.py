"""The catalogue's picture pass: every exercise's pose builds a picture that fits its frame.

It runs after every entry has been validated, like the ladder checks, and reports each problem against the
exercise's ``pose`` field. The geometry is the slow part of loading a catalogue, so a cache may remember
that exactly these files passed with exactly this geometry code (``rehabgen.pictures.GEOMETRY_SOURCES``).
"""

from __future__ import annotations

from rehabgen.model.catalogue import Catalogue
from rehabgen.pictures.scene import scene_of


def check_pictures(catalogue: Catalogue) -> list[tuple[str, str, str]]:
    """Every pose that cannot be drawn, as (exercise id, "pose", reason)."""
    found: list[tuple[str, str, str]] = []
    for exercise in catalogue:
        try:
            scene_of(exercise.pose)
        except ValueError as exc:
            found.append((exercise.id, "pose", str(exc)))
    return found
