"""The intake questionnaire as data: groups of questions, each filling one profile field.

One definition is asked everywhere: in the terminal (``rehabgen intake``), on the paper intake form
(``rehabgen questions -o intake-form.pdf``), as JSON for other software (``rehabgen questions --format json``,
described by ``rehabgen schema questions``) and by the web app. The questions themselves live in
``rehabgen/intake/questionnaire.yaml``; ``rehabgen.intake.definition`` loads them into these models.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from rehabgen.model.base import StrictModel
from rehabgen.model.vocab import Status

Audience = Literal["runner", "clinician"]
AUDIENCES: tuple[Audience, ...] = ("runner", "clinician")

AnswerType = Literal["yes_no", "choice", "choices", "integer", "number", "text", "date"]
"""How a question is answered: yes or no; one choice; any number of choices (a list); a whole number; a
number; a line of text; a date (YYYY-MM-DD)."""

Value = bool | int | float | str


class Wording(StrictModel):
    """The same words for two readers: a runner answering alone, and a clinician filling it in for them."""

    runner: str = Field(min_length=1)
    """Plain language for a runner (a reading age of about 12)."""
    clinician: str = Field(min_length=1)
    """Words for a physiotherapist or doctor (the runner's words when not given)."""

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"runner": value, "clinician": value}
        if isinstance(value, dict) and "clinician" not in value:
            return {**value, "clinician": value.get("runner")}
        return value

    def for_(self, audience: Audience) -> str:
        """The words for one reader."""
        return self.runner if audience == "runner" else self.clinician


class Choice(StrictModel):
    """One answer a question offers."""

    value: Value
    """What the answer puts in the profile field (for ``choices``, one item of the list)."""
    label: Wording
    """What the reader sees."""
    audiences: list[Audience] = list(AUDIENCES)
    """Who is offered this choice."""
    sets: dict[str, bool] = {}
    """Other profile fields this choice also answers (``clinician_diagnosed`` for "a clinician told me …")."""
    leads_to: Status | None = None
    """Filled from triage: the status this answer alone gives an otherwise unremarkable profile, when it is not
    a plain programme (``EMERGENCY_REFERRAL``: stop and get emergency help)."""


class Condition(StrictModel):
    """When a question is shown: one earlier answer, tested one way."""

    question: str
    """The id of an earlier question."""
    equals: list[Value] | None = None
    """Shown when that answer is one of these values."""
    includes: list[Value] | None = None
    """Shown when that list answer (``choices``) holds any of these values."""
    given: bool | None = None
    """Shown when that question was answered (true) or left blank (false)."""

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        if sum(x is not None for x in (self.equals, self.includes, self.given)) != 1:
            raise ValueError("a condition has exactly one of equals, includes or given")
        return self


class Question(StrictModel):
    """One question: its words, the profile field it fills, how it is answered and when it is asked."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    """Stable id (also the key of the answer in the web app)."""
    group: str
    """The id of the group it belongs to."""
    field: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$")
    """The profile field it fills, dotted for nested fields (``red_flags.saddle_anaesthesia``)."""
    answer: AnswerType
    """How it is answered."""
    ask: Wording
    """The question."""
    help: Wording | None = None
    """More explanation, on request in the terminal and under the question on paper."""
    choices: list[Choice] = []
    """The answers offered (``yes_no``, ``choice`` and ``choices`` questions), in the order shown."""
    unit: str | None = None
    """The unit of a number (``years``, ``km a week``), printed after the answer."""
    blank: Wording | None = None
    """What leaving it blank means; when absent an answer is required."""
    show_if: list[Condition] = []
    """Asked only when any one of these holds (always when empty)."""
    audiences: list[Audience] = list(AUDIENCES)
    """Who is asked this question."""

    @property
    def optional(self) -> bool:
        """May be left blank."""
        return self.blank is not None

    def offered(self, audience: Audience) -> list[Choice]:
        """The choices one reader is offered."""
        return [c for c in self.choices if audience in c.audiences]


class Group(StrictModel):
    """A run of questions about one subject, with a heading."""

    id: str
    title: Wording
    intro: Wording | None = None
    """A sentence or two before the group's questions."""
    red_flags: bool = False
    """The warning-sign screening questions: always the first group."""


class Questionnaire(StrictModel):
    """The whole intake questionnaire, in the order it is asked."""

    version: int = Field(ge=1)
    """Raised whenever a question, its field or its answers change."""
    groups: list[Group]
    questions: list[Question]

    def question(self, question_id: str) -> Question:
        """The question with this id."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def group(self, group_id: str) -> Group:
        """The group with this id."""
        return next(g for g in self.groups if g.id == group_id)

    def for_audience(self, audience: Audience) -> list[Question]:
        """The questions one reader is asked (some only when an earlier answer calls for them)."""
        return [q for q in self.questions if audience in q.audiences]
