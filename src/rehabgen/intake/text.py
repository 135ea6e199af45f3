"""Sentences about questions that the terminal, the Markdown list and the paper form say the same way.

How a question is answered ("a whole number from 10 to 100, years"), when it is asked ("Only if you answered
“Yes, one leg” to question 18"), and what an answer leads to. Built from the questionnaire, the profile's
ranges and the words lookups; nothing here is parsed out of display text.
"""

from __future__ import annotations

from collections.abc import Sequence

from rehabgen.intake.fields import field_range, number_words
from rehabgen.model.questionnaire import Audience, Choice, Condition, Question, Questionnaire
from rehabgen.model.vocab import Status
from rehabgen.words.help import HelpRoutes

KINDS: dict[str, str] = {
    "yes_no": "Yes or no",
    "choice": "One answer",
    "choices": "Pick all that fit",
    "integer": "A whole number",
    "number": "A number",
    "text": "In your own words",
    "date": "A date, written year-month-day (2027-01-04)",
}
"""How each kind of question is answered, in words."""

WHAT_TO_DO: dict[Status, dict[Audience, str]] = {
    Status.EMERGENCY_REFERRAL: {
        "runner": "You need emergency help now",
        "clinician": "Emergency referral now: no exercise plan",
    },
    Status.URGENT_REFERRAL: {
        "runner": "A doctor should see you today, before you start exercising",
        "clinician": "Urgent medical review today: no exercise plan yet",
    },
    Status.CLINICIAN_REQUIRED: {
        "runner": "A doctor or physiotherapist needs to assess you before a plan can be made",
        "clinician": "A clinician's assessment and diagnosis first",
    },
    Status.PROGRAMME_WITH_REFERRAL_ADVICE: {
        "runner": "You can have a plan, and should see a doctor or physiotherapist soon",
        "clinician": "A programme, with advice to see a clinician soon",
    },
}
IF_ANSWERED: dict[Audience, str] = {"runner": "If you answer", "clinician": "If the answer is"}
"""What an answer that leads to each status means for the person answering."""


def how_to_answer(question: Question) -> str:
    """How the question is answered, with the profile's range and the unit: "A whole number from 10 to 100 (years)"."""
    words = KINDS[question.answer]
    bounds = field_range(question.field)
    if bounds is not None:
        words += f" from {number_words(bounds[0])} to {number_words(bounds[1])}"
    if question.unit:
        words += f" ({question.unit})"
    return words


def quoted(text: str) -> str:
    """Text between typographic quotes."""
    return f"“{text}”"


def either(items: Sequence[str], word: str = "or") -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def asked_when(questionnaire: Questionnaire, question: Question, audience: Audience) -> str | None:
    """When a conditional question is asked, for this reader: "Only if you answered “Yes” to question 18."."""
    if not question.show_if:
        return None
    asked = questionnaire.for_audience(audience)
    parts = [_condition(questionnaire, c, asked, audience) for c in question.show_if]
    return f"Only if you {either(parts)}."


def _condition(questionnaire: Questionnaire, condition: Condition, asked: list[Question], audience: Audience) -> str:
    target = questionnaire.question(condition.question)
    number = asked.index(target) + 1
    if condition.given is not None:
        if not condition.given:
            return f"left question {number} blank"
        return (
            f"ticked any answer in question {number}" if target.answer == "choices" else f"answered question {number}"
        )
    values = condition.equals or condition.includes or []
    labels = [quoted(c.label.for_(audience)) for c in target.offered(audience) if c.value in values]
    verb = "ticked" if condition.includes is not None else "answered"
    place = "in" if condition.includes is not None else "to"
    return f"{verb} {either(labels)} {place} question {number}"


def question_ranges(numbers: Sequence[int]) -> str:
    """Question numbers as a reader counts them: "1 to 5", "6, 8 or 10"."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{r[0]} to {r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs]
    parts = [p for part in parts for p in part.split(", ")]
    return either(parts)


def answers_leading_to(
    questionnaire: Questionnaire, questions: Sequence[Question], audience: Audience, status: Status
) -> str | None:
    """The answers among ``questions`` that alone lead to ``status``: "Yes to any of questions 1 to 5"."""
    asked = questionnaire.for_audience(audience)
    yes: list[int] = []
    others: list[str] = []
    for question in questions:
        for index, choice in enumerate(question.offered(audience)):
            if choice.leads_to is not status:
                continue
            number = asked.index(question) + 1
            if question.answer == "yes_no" and index == 0:
                yes.append(number)
            else:
                others.append(f"{quoted(choice.label.for_(audience))} to question {number}")
    parts = []
    if yes:
        parts.append(
            f"Yes to question {yes[0]}" if len(yes) == 1 else f"Yes to any of questions {question_ranges(yes)}"
        )
    parts += others
    return either(parts) if parts else None


def emergency_line(routes: HelpRoutes) -> str:
    """The emergency route as one sentence."""
    return f"{routes.emergency}."


def marked(choice: Choice) -> bool:
    """Whether an answer alone stops the intake (an emergency)."""
    return choice.leads_to is Status.EMERGENCY_REFERRAL
