"""Exercise pictures in a PDF, replayed from cached PDF operators.

Turning a pose into shapes and the shapes into PDF operators costs several milliseconds per picture; the
result is the same every time, so the operators are kept per exercise, size and pose content, in memory for
the process and, with a cache, on disk, and replayed into later documents. They are position-independent
(the flowable's own transform places them) and use no resources (no text, no transparency), so they can be
copied into any canvas and give the same bytes as drawing afresh.
"""

from __future__ import annotations

import hashlib

from reportlab.graphics import renderPDF
from reportlab.platypus import Flowable

from rehabgen.io.cache import Cache
from rehabgen.model.exercise import Exercise
from rehabgen.pictures import code_fingerprint
from rehabgen.pictures.draw import illustration

_MEMORY: dict[str, tuple[str, ...]] = {}
_MEMORY_SIZE = 2048
_DRAWING_SOURCES = ("model/pose.py", "pictures/body.py", "pictures/scene.py", "pictures/draw.py")


class PictureStore:
    """The operators of pictures drawn so far; ``save`` adds new ones to the disk cache, if there is one."""

    def __init__(self, cache: Cache | None) -> None:
        self.cache = cache
        self._kind = f"pictures:{code_fingerprint(*_DRAWING_SOURCES)}"
        self._new: dict[str, list[str]] = {}
        self._loaded = cache is None

    def _load(self) -> None:
        self._loaded = True
        assert self.cache is not None
        stored = self.cache.get(self._kind, b"pictures")
        if isinstance(stored, dict):
            for key, ops in stored.items():
                if isinstance(ops, list) and all(isinstance(op, str) for op in ops):
                    _MEMORY.setdefault(key, tuple(ops))

    def ops(self, key: str) -> tuple[str, ...] | None:
        """The operators stored for a picture key, or None."""
        found = _MEMORY.get(key)
        if found is None and not self._loaded:
            self._load()
            found = _MEMORY.get(key)
        return found

    def add(self, key: str, ops: tuple[str, ...]) -> None:
        """Keep a newly drawn picture's operators."""
        if len(_MEMORY) >= _MEMORY_SIZE:
            _MEMORY.clear()
        _MEMORY[key] = ops
        self._new[key] = list(ops)

    def save(self) -> None:
        """Write newly drawn pictures to the disk cache (merged with what is there)."""
        if self.cache is None or not self._new:
            return
        stored = self.cache.get(self._kind, b"pictures")
        merged = stored if isinstance(stored, dict) else {}
        merged.update(self._new)
        self.cache.put(self._kind, b"pictures", merged)
        self._new.clear()


def picture_key(exercise: Exercise, width: float, height: float) -> str:
    """What a picture's operators depend on: the exercise, the size and the pose's content."""
    pose = hashlib.sha256(exercise.pose.model_dump_json().encode()).hexdigest()[:16]
    return f"{exercise.id}|{width:g}|{height:g}|{pose}"


class Picture(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """An exercise's picture as a flowable that draws from stored PDF operators when it can."""

    def __init__(self, exercise: Exercise, width: float, height: float, store: PictureStore) -> None:
        super().__init__()
        self.exercise = exercise
        self.width = width
        self.height = height
        self.store = store

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The picture's fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Replay the stored operators, drawing the picture when none are stored."""
        code = self.canv._code  # reportlab's page content list: renderPDF appends operators to it
        key = picture_key(self.exercise, self.width, self.height)
        ops = self.store.ops(key)
        if ops is not None:
            code.extend(ops)
            return
        before = len(code)
        renderPDF.draw(illustration(self.exercise, self.width, self.height), self.canv, 0, 0)
        self.store.add(key, tuple(code[before:]))
