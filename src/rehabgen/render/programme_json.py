"""The programme as JSON (``--format json``): the public output contract, ``rehabgen schema programme``."""

from __future__ import annotations

from rehabgen.io.cache import Cache
from rehabgen.render.handout import Handout


def render(handout: Handout, cache: Cache | None = None) -> bytes:
    """The programme as indented JSON, ending with a newline."""
    return (handout.programme.model_dump_json(indent=2) + "\n").encode("utf-8")
