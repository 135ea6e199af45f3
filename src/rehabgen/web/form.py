"""The intake form: the questionnaire as fieldsets and inputs, and a posted form read back as answers.

Reading uses the terminal's own ``Intake`` session, one answer at a time in the questionnaire's order: each
answer is checked by the profile's rules (a refusal is shown beside its question), triage runs after each
one, and the first answer that is an emergency stops the reading there, whatever else is missing or wrong.
A question whose ``show_if`` does not hold is skipped and its answer ignored, so the rules work without
JavaScript; ``static/app.js`` hides such questions as the form is filled in (``data-show-if``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rehabgen.errors import Problem, ProfileError
from rehabgen.intake.fields import field_range
from rehabgen.intake.session import AnswerError, Emergency, Intake
from rehabgen.intake.text import asked_when, how_to_answer
from rehabgen.model.questionnaire import Audience, Question, Questionnaire, Value
from rehabgen.model.vocab import Status

FormValues = Mapping[str, Sequence[str]]
"""A posted form: field name → every value sent under it."""
CHOICE_KINDS = ("yes_no", "choice", "choices")
INPUT_TYPES = {"integer": "number", "number": "number", "text": "text", "date": "date"}


def token(value: Value) -> str:
    """How a choice's value is written in the form (``true``/``false`` for yes and no)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass
class ChoiceView:
    """One answer offered: a radio button or a checkbox."""

    token: str
    label: str
    checked: bool
    emergency: bool
    """This answer alone means emergency help now (the script says so at once)."""


@dataclass
class QuestionView:
    """One question as the page shows it."""

    id: str
    number: int
    kind: str
    ask: str
    help: str | None
    hint: str
    when: str | None
    """When it is asked, in words: shown so the form reads right without the script."""
    show_if: str
    """The conditions as JSON for the script (empty: always asked)."""
    set_by: str
    """Choices of earlier questions that answer this one (JSON for the script; empty: none)."""
    required: bool
    blank: str | None
    choices: list[ChoiceView]
    value: str
    error: str | None
    input_type: str
    bounds: tuple[str, str] | None
    step: str


@dataclass
class GroupView:
    """A fieldset: a group's heading, its introduction and its questions."""

    id: str
    title: str
    intro: str | None
    red_flags: bool
    questions: list[QuestionView] = field(default_factory=list)


def form_groups(
    questionnaire: Questionnaire, audience: Audience, values: FormValues, errors: Mapping[str, str]
) -> list[GroupView]:
    """The whole form for one reader, filled with ``values`` and with each error beside its question."""
    intake = Intake(audience, questionnaire=questionnaire)
    setters = _setters(intake)
    groups: dict[str, GroupView] = {}
    for question in intake.questions():
        group = questionnaire.group(question.group)
        view = groups.setdefault(
            group.id,
            GroupView(
                group.id,
                group.title.for_(audience),
                group.intro.for_(audience) if group.intro else None,
                group.red_flags,
            ),
        )
        view.questions.append(_question_view(intake, question, values, errors.get(question.id), setters))
    return list(groups.values())


def _question_view(
    intake: Intake,
    question: Question,
    values: FormValues,
    error: str | None,
    setters: dict[str, list[dict[str, str]]],
) -> QuestionView:
    audience = intake.audience
    given = list(values.get(question.id, []))
    choices = [
        ChoiceView(
            token(c.value), c.label.for_(audience), token(c.value) in given, c.leads_to is Status.EMERGENCY_REFERRAL
        )
        for c in question.offered(audience)
    ]
    bounds = field_range(question.field) if question.answer in ("integer", "number") else None
    conditions = [_condition(intake, c.question, c.equals, c.includes, c.given) for c in question.show_if]
    return QuestionView(
        id=question.id,
        number=intake.number(question),
        kind=question.answer,
        ask=question.ask.for_(audience),
        help=question.help.for_(audience) if question.help else None,
        hint=how_to_answer(question),
        when=asked_when(intake.questionnaire, question, audience),
        show_if=json.dumps(conditions) if conditions else "",
        set_by=json.dumps(setters[question.field]) if question.field in setters else "",
        required=not question.optional,
        blank=question.blank.for_(audience) if question.blank else None,
        choices=choices,
        value=given[0] if given and question.answer not in CHOICE_KINDS else "",
        error=error,
        input_type=INPUT_TYPES.get(question.answer, "text"),
        bounds=(f"{bounds[0]:g}", f"{bounds[1]:g}") if bounds else None,
        step="1" if question.answer == "integer" else "any",
    )


def _condition(
    intake: Intake, target: str, equals: list[Value] | None, includes: list[Value] | None, given: bool | None
) -> dict[str, Any]:
    if given is not None:
        return {"q": target, "given": given}
    if includes is not None:
        return {"q": target, "includes": [token(v) for v in includes]}
    return {"q": target, "equals": [token(v) for v in equals or []]}


def _setters(intake: Intake) -> dict[str, list[dict[str, str]]]:
    """Profile field → the (question, answer) pairs whose choice also answers it (``sets``)."""
    found: dict[str, list[dict[str, str]]] = {}
    for question in intake.questions():
        for choice in question.offered(intake.audience):
            for path in choice.sets:
                found.setdefault(path, []).append({"q": question.id, "token": token(choice.value)})
    return found


@dataclass
class Reading:
    """A posted form read as answers: an emergency, or the answers with every refusal by question."""

    intake: Intake
    errors: dict[str, str] = field(default_factory=dict)
    """Question id → why its answer was refused."""
    general: list[str] = field(default_factory=list)
    """Problems no single question owns."""
    emergency: Emergency | None = None


def read_answers(questionnaire: Questionnaire, audience: Audience, values: FormValues) -> Reading:
    """Answer the questions in order from the form; stop at the first emergency."""
    reading = Reading(Intake(audience, questionnaire=questionnaire))
    intake = reading.intake
    for question in intake.questions():
        if not intake.is_asked(question):
            continue
        try:
            value = _value(intake, question, list(values.get(question.id, [])))
        except AnswerError as exc:
            reading.errors[question.id] = str(exc)
            continue
        outcome = intake.answer(question.id, value)
        if outcome.emergency is not None:
            return Reading(intake, emergency=outcome.emergency)
        if outcome.reason is not None:
            reading.errors[question.id] = outcome.reason
    return reading


def _value(intake: Intake, question: Question, given: list[str]) -> Any:
    """The value a question's form fields stand for (None: blank)."""
    given = [g for g in given if g.strip()]
    if question.answer not in CHOICE_KINDS:
        return intake.parse(question, given[0] if given else "")
    offered = {token(c.value): c.value for c in question.offered(intake.audience)}
    unknown = [g for g in given if g not in offered]
    if unknown or (question.answer != "choices" and len(given) > 1):
        raise AnswerError("that is not one of the answers offered")
    if question.answer == "choices":
        return [offered[g] for g in dict.fromkeys(given)] or None
    return offered[given[0]] if given else None


def place_problems(intake: Intake, error: ProfileError) -> tuple[dict[str, str], list[str]]:
    """Each problem beside the question whose field its path names; the others for the top of the form."""
    by_question: dict[str, str] = {}
    general: list[str] = []
    for problem in error.problems:
        owner = question_for(intake, problem)
        if owner is None:
            general.append(str(problem))
        else:
            by_question.setdefault(owner, problem.message)
    return by_question, general


def question_for(intake: Intake, problem: Problem) -> str | None:
    """The asked question whose profile field the problem's path names (the longest match), or None."""
    best: tuple[int, str] | None = None
    for question in intake.questions():
        parts = tuple(question.field.split("."))
        if problem.path[: len(parts)] == parts and intake.is_asked(question) and (best is None or len(parts) > best[0]):
            best = (len(parts), question.id)
    return best[1] if best else None
