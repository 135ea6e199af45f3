"""The exercise catalogue as the planner sees it: validated exercises by id, their ladders, and queries.

Loading and validating the YAML files is ``rehabgen.io.catalogue``'s job; this is the finished value.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rehabgen.model.exercise import Exercise
from rehabgen.model.translation import Translations
from rehabgen.model.vocab import Category, Cause, Equipment, Muscle, Tag


@dataclass(frozen=True)
class Catalogue:
    """Validated exercises by id, in file order, with the file each came from."""

    exercises: dict[str, Exercise]
    files: dict[str, str] = field(default_factory=dict)
    """Exercise id → the file it came from."""
    source_digest: str = ""
    """A hash of the source files the exercises were read from, when they were read from files."""
    language: str = "en"
    """The language of the exercises' words (the catalogue files are written in English)."""

    def __getitem__(self, exercise_id: str) -> Exercise:
        return self.exercises[exercise_id]

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self.exercises

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises.values())

    def __len__(self) -> int:
        return len(self.exercises)

    def __repr__(self) -> str:
        return f"Catalogue({len(self.exercises)} exercises)"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Short form for pretty-printers (IPython, hypothesis), which would otherwise print every field."""
        printer.text(repr(self))

    def translated(self, translations: Translations) -> Catalogue:
        """The same catalogue with every exercise's words in the translations' language.

        Only words change: ids, tags, causes, doses, ladders and pictures stay the English ones, so the
        planner builds the same programme from either. The translations must cover every exercise
        (``rehabgen.io.translations.load_translations`` checks that); a missing one is never filled in
        from the English.

        Raises:
            ValueError: an exercise has no translation.
        """
        missing = [exercise_id for exercise_id in self.exercises if exercise_id not in translations.exercises]
        if missing:
            raise ValueError(f"no '{translations.language}' translation of {', '.join(missing)}")
        digest = ""
        if self.source_digest:
            source = f"{self.source_digest}\0{translations.language}\0{translations.digest}"
            digest = hashlib.sha256(source.encode()).hexdigest()[:16]
        exercises = {exercise_id: translations.exercise(ex) for exercise_id, ex in self.exercises.items()}
        return Catalogue(exercises, dict(self.files), digest, translations.language)

    @functools.cached_property
    def fingerprint(self) -> str:
        """A hash that changes whenever an exercise does: of the source files, or else of every exercise."""
        if self.source_digest:
            return self.source_digest
        text = json.dumps([ex.model_dump(mode="json") for ex in self], sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    @functools.cached_property
    def ladder_members(self) -> dict[str, frozenset[str]]:
        """Every exercise id → the ids on its ladder (itself included)."""
        return {ex.id: frozenset(e.id for e in self.ladder(ex.id)) for ex in self}

    def ladder(self, exercise_id: str) -> list[Exercise]:
        """The exercise's ladder from its easiest to its hardest rung, following easier/harder links."""
        start = self.exercises[exercise_id]
        down: list[Exercise] = []
        node = start
        while node.easier and node.easier in self.exercises and len(down) < len(self.exercises):
            node = self.exercises[node.easier]
            down.append(node)
        up: list[Exercise] = []
        node = start
        while node.harder and node.harder in self.exercises and len(up) < len(self.exercises):
            node = self.exercises[node.harder]
            up.append(node)
        return [*reversed(down), start, *up]

    def select(
        self,
        *,
        cause: Cause | None = None,
        muscle: Muscle | None = None,
        tag: Tag | None = None,
        equipment: Iterable[Equipment] | None = None,
        category: Category | None = None,
        level: int | None = None,
    ) -> list[Exercise]:
        """Exercises matching every filter given; ``equipment`` keeps those doable with only that kit."""
        kit = set(equipment) if equipment is not None else None
        return [
            ex
            for ex in self
            if (cause is None or cause in ex.causes)
            and (muscle is None or muscle in ex.muscles.primary or muscle in ex.muscles.secondary)
            and (tag is None or tag in ex.tags)
            and (kit is None or set(ex.equipment) <= kit)
            and (category is None or ex.category is category)
            and (level is None or ex.level == level)
        ]
