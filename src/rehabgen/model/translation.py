"""The catalogue and the templates in another language: overlay entries of translated text, keyed by id.

A translation never changes what is prescribed. An overlay entry holds only the words a runner reads (an
exercise's name, aliases, purpose, steps, cues, mistakes and cautions; a template's title, description and
advice); ids, tags, causes, doses, ladders and pictures stay those of the English entry it translates.
Reading and checking the overlay files against the English is ``rehabgen.io.translations``'s job; applying
checked overlays is pure (``Translations.exercise``, ``Translations.template``, ``Catalogue.translated``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, TypeVar

from pydantic import AfterValidator, Field

from rehabgen.errors import Problem, TemplateError
from rehabgen.model.base import StrictModel, unique
from rehabgen.model.exercise import SLUG, ConditionalNote, Exercise, Sentence, Slug
from rehabgen.model.template import AdviceSection, Template
from rehabgen.model.vocab import Condition

LANGUAGE = r"^[a-z]{2,3}(-[A-Z]{2})?$"
"""A language code: ``es``, ``fr`` or, for a regional variant, ``pt-BR``."""

T = TypeVar("T")

Language = Annotated[str, Field(pattern=LANGUAGE)]
Name = Annotated[str, Field(min_length=2, max_length=60)]


class NoteText(StrictModel):
    """A translated conditional note: the same conditions as the English, in the same order."""

    when: Annotated[list[Condition], Field(min_length=1), AfterValidator(unique)]
    """The English note's conditions, copied unchanged (they say who reads the note)."""
    text: Sentence
    """The note, translated."""


class ExerciseText(StrictModel):
    """One exercise's words in another language; every list has the English list's length and order."""

    id: Slug
    """The id of the English exercise it translates."""
    name: Name
    """The name printed on the handout."""
    aliases: Annotated[list[Name], AfterValidator(unique)] | None = None
    """Other names, as many as the English lists (required when the English has aliases)."""
    purpose: Sentence
    """Why it is in the plan, in one plain sentence."""
    steps: list[Sentence]
    """The numbered instructions, one for each English step, in the same order."""
    cues: list[Sentence]
    """The reminders, one for each English cue."""
    mistakes: list[Sentence]
    """The common mistakes, one for each English one."""
    caution: Sentence | None = None
    """The safety note for everyone (required when the English has one, refused when it has none)."""
    cautions: list[NoteText] | None = None
    """The safety notes for particular conditions, one for each English note, with the same ``when``."""
    why: list[NoteText] | None = None
    """Why it is in the plan for particular causes, one for each English note, with the same ``when``."""


class ExerciseTranslationFile(StrictModel):
    """An exercise translation file: ``<catalogue folder>/i18n/<language>/<the English file's name>``."""

    language: Language
    """The language of the text, the same as the folder it is in (``es``)."""
    exercises: list[ExerciseText]
    """One entry for each exercise of the English file of the same name."""


class AdviceText(StrictModel):
    """A translated advice section: the same id as the English one, and as many points."""

    id: Annotated[str, Field(pattern=SLUG)]
    """The English section's id, in the same place in the list."""
    title: Annotated[str, Field(min_length=2, max_length=80)]
    text: Annotated[str, Field(min_length=10, max_length=1500)]
    points: list[Annotated[str, Field(min_length=2, max_length=300)]] | None = None
    """One for each English point (required when the English has points)."""


class TemplateText(StrictModel):
    """A template translation file: ``<templates folder>/i18n/<language>/<template id>.yaml``."""

    language: Language
    """The language of the text, the same as the folder it is in (``es``)."""
    id: Annotated[str, Field(pattern=SLUG, min_length=2, max_length=60)]
    """The id of the template it translates (also its file name)."""
    title: Annotated[str, Field(min_length=3, max_length=80)]
    """The programme title."""
    description: Annotated[str, Field(min_length=10, max_length=2000)]
    """Who the template is for and what it does."""
    advice: list[AdviceText] | None = None
    """One for each English advice section, in the same order (required when the English has advice)."""


@dataclass(frozen=True)
class Translations:
    """Checked overlays for one language: exercise id → its words, template id → its words."""

    language: str
    exercises: dict[str, ExerciseText] = field(default_factory=dict)
    templates: dict[str, TemplateText] = field(default_factory=dict)
    digest: str = ""
    """A hash of the overlay files read, so a translated catalogue has its own fingerprint."""

    def exercise(self, exercise: Exercise) -> Exercise:
        """The exercise with its words in this language; everything the planner reads stays the same.

        Raises:
            KeyError: the exercise has no translation here.
            ValueError: the overlay's lists do not match the English (a checked overlay always does).
        """
        text = self.exercises[exercise.id]
        update: dict[str, object] = {
            "name": text.name,
            "purpose": text.purpose,
            "steps": _same_length(text.steps, exercise.steps),
            "cues": _same_length(text.cues, exercise.cues),
            "mistakes": _same_length(text.mistakes, exercise.mistakes),
        }
        if exercise.aliases:
            update["aliases"] = _same_length(text.aliases or [], exercise.aliases)
        if exercise.caution is not None:
            update["caution"] = text.caution
        for name in ("cautions", "why"):
            english: list[ConditionalNote] = getattr(exercise, name)
            if english:
                notes: list[NoteText] = getattr(text, name) or []
                pairs = zip(english, _same_length(notes, english), strict=True)
                update[name] = [ConditionalNote(when=en.when, text=note.text) for en, note in pairs]
        return exercise.model_copy(update=update)

    def template(self, template: Template) -> Template:
        """The template with its title, description and advice in this language; its settings unchanged.

        Raises:
            TemplateError: the template has no translation into this language.
        """
        text = self.templates.get(template.id)
        if text is None:
            message = f"template '{template.id}' has no '{self.language}' translation"
            raise TemplateError([Problem(message, path=("id",))])
        advice = [
            AdviceSection(id=en.id, title=tr.title, text=tr.text, points=tr.points or [])
            for en, tr in zip(template.advice, _same_length(text.advice or [], template.advice), strict=True)
        ]
        return template.model_copy(update={"title": text.title, "description": text.description, "advice": advice})


def _same_length(translated: list[T], english: Sequence[object]) -> list[T]:
    if len(translated) != len(english):
        raise ValueError(f"{len(translated)} translated item(s) for {len(english)} English item(s)")
    return translated
