"""Asking the questionnaire, one answer at a time, with no terminal or web library in sight.

``Intake`` knows which question comes next (skipping those whose conditions do not hold), reads an answer
typed as text (``answer_text``) or given as a value (``answer``, for the web app), checks it at once with the
profile's own validation, and runs triage after every answer: the first answer that makes the profile an
emergency ends the intake with the emergency advice and the region's numbers (``Outcome.emergency``). At
the end ``profile()`` is the validated profile and ``data()`` what a profile file holds.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from rehabgen.clinical.triage import triage
from rehabgen.intake.definition import NEUTRAL, load_questionnaire
from rehabgen.intake.fields import field_range, number_words, profile_fields, put
from rehabgen.io.problems import problems_from, unsafe_text
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Meta
from rehabgen.model.questionnaire import Audience, Choice, Condition, Question, Questionnaire, Value
from rehabgen.model.vocab import Region, Status
from rehabgen.plan.referral import referral_programme
from rehabgen.words.help import HelpRoutes, routes_for
from rehabgen.words.labels import CONCERN_TEXT

_RANGE_ERRORS = frozenset({"greater_than_equal", "less_than_equal", "greater_than", "less_than"})
_YES = frozenset({"y", "yes"})
_NO = frozenset({"n", "no"})
_SEPARATORS = re.compile(r"[,;\s]+")


class AnswerError(ValueError):
    """An answer that cannot be used; the message says why, in words for the person answering."""


@dataclass(frozen=True, slots=True)
class Emergency:
    """What to do now, when an answer is an emergency: the referral's words, the reasons and the numbers."""

    headline: str
    action: str
    reasons: list[str]
    why: list[str]
    """Why each kind of sign matters, said calmly (the referral page's words)."""
    routes: HelpRoutes
    region_known: bool
    """False when the region was not yet given: ``routes`` is then the general advice for any region."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of an answer: refused (``reason``), an emergency (``emergency``), or accepted (neither)."""

    reason: str | None = None
    emergency: Emergency | None = None

    @property
    def accepted(self) -> bool:
        """The answer was kept."""
        return self.reason is None


@dataclass
class Intake:
    """One person answering the questionnaire, as a runner or as a clinician."""

    audience: Audience = "runner"
    preset: dict[str, Value] = field(default_factory=dict)
    """Fields known before the first question (``--region GB``); their questions are not asked."""
    questionnaire: Questionnaire = field(default_factory=load_questionnaire)
    answers: dict[str, Any] = field(default_factory=dict)
    """Question id → the value given (None: left blank), in the order answered."""

    # --- which question ------------------------------------------------------------------------------------

    def questions(self) -> list[Question]:
        """This reader's questions, in order (as numbered on paper)."""
        return self.questionnaire.for_audience(self.audience)

    def number(self, question: Question) -> int:
        """The question's number for this reader, counted from 1."""
        return self.questions().index(question) + 1

    def is_asked(self, question: Question) -> bool:
        """Whether the question is asked, given the answers so far."""
        if question.field in self.preset or question.field in self._set_by_choices(before=question):
            return False
        return not question.show_if or any(self._holds(c) for c in question.show_if)

    def next_question(self) -> Question | None:
        """The next question to ask, or None when the intake is complete."""
        for question in self.questions():
            if question.id not in self.answers and self.is_asked(question):
                return question
        return None

    def back(self) -> Question | None:
        """Forget the last answer (and any answer that depended on it); the question to ask again."""
        if not self.answers:
            return None
        last = next(reversed(self.answers))
        del self.answers[last]
        self._drop_hidden()
        return self.questionnaire.question(last)

    def _holds(self, condition: Condition) -> bool:
        if condition.question not in self.answers:
            return False
        value = self.answers[condition.question]
        if condition.given is not None:
            return (value is not None) is condition.given
        if condition.includes is not None:
            return isinstance(value, list) and any(v in value for v in condition.includes)
        return value in (condition.equals or [])

    def _set_by_choices(self, before: Question | None = None) -> dict[str, Any]:
        """Fields answered by a choice's ``sets`` (a clinician's diagnosis named by the runner)."""
        found: dict[str, Any] = {}
        for question in self.questions():
            if question is before:
                break
            value = self.answers.get(question.id)
            for choice in self._chosen(question, value):
                found.update(choice.sets)
        return found

    def _chosen(self, question: Question, value: Any) -> list[Choice]:
        values = value if isinstance(value, list) else [value]
        return [c for c in question.offered(self.audience) if c.value in values]

    def _drop_hidden(self) -> None:
        for question_id in list(self.answers):
            if not self.is_asked(self.questionnaire.question(question_id)):
                del self.answers[question_id]

    # --- answering -----------------------------------------------------------------------------------------

    def answer_text(self, question_id: str, text: str) -> Outcome:
        """Read a typed answer (a number, a choice's number or id, yes/no, a date, text) and keep it if valid."""
        question = self.questionnaire.question(question_id)
        try:
            value = self.parse(question, text)
        except AnswerError as exc:
            return Outcome(reason=str(exc))
        return self.answer(question_id, value)

    def answer(self, question_id: str, value: Any) -> Outcome:
        """Keep an answer given as a value (None: blank) if the profile accepts it; then run triage."""
        question = self.questionnaire.question(question_id)
        reason = self._refusal(question, value)
        if reason is not None:
            return Outcome(reason=reason)
        self.answers[question_id] = None if value == [] else value
        self._drop_hidden()
        return Outcome(emergency=self.emergency())

    def parse(self, question: Question, text: str) -> Any:
        """The value a typed answer stands for; AnswerError says why it cannot be read."""
        text = text.strip()
        if not text:
            return None
        kind = question.answer
        if kind in ("yes_no", "choice", "choices"):
            return self._parse_choices(question, text)
        if kind == "integer":
            if not re.fullmatch(r"[-+]?\d+", text):
                raise AnswerError(f"please write a whole number{self._range(question)}")
            return int(text)
        if kind == "number":
            cleaned = text.replace(",", ".")
            if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", cleaned):
                raise AnswerError(f"please write a number{self._range(question)}")
            number = float(cleaned)
            return int(number) if number.is_integer() else number
        return text

    def _parse_choices(self, question: Question, text: str) -> Any:
        offered = question.offered(self.audience)
        if question.answer == "yes_no" and text.lower() in _YES | _NO:
            return offered[0 if text.lower() in _YES else 1].value
        words = _SEPARATORS.split(text) if question.answer == "choices" else [text]
        if question.answer == "choices" and [w.lower() for w in words] == ["none"]:
            return None
        picked = [self._one_choice(offered, word) for word in words if word]
        if question.answer != "choices":
            return picked[0]
        return list(dict.fromkeys(picked))

    @staticmethod
    def _one_choice(offered: list[Choice], word: str) -> Value:
        if word.isdigit() and 1 <= int(word) <= len(offered):
            return offered[int(word) - 1].value
        for choice in offered:
            if str(choice.value).lower() == word.lower():
                return choice.value
        raise AnswerError(f"'{word}' is not one of the answers; type the number of an answer (1 to {len(offered)})")

    def _range(self, question: Question) -> str:
        bounds = field_range(question.field)
        if bounds is None:
            return ""
        return f" from {number_words(bounds[0])} to {number_words(bounds[1])}"

    def _refusal(self, question: Question, value: Any) -> str | None:
        """Why the profile would refuse this answer, in plain words (None: it is fine)."""
        if value is None or value == []:
            return None if question.optional else "this question needs an answer"
        if question.answer in ("yes_no", "choice", "choices"):
            allowed = [c.value for c in question.offered(self.audience)]
            values = value if question.answer == "choices" and isinstance(value, list) else [value]
            if any(v not in allowed for v in values) or (question.answer != "choices" and isinstance(value, list)):
                return "that is not one of the answers offered"
        data = self._data_with(question, value)
        refused = unsafe_text(data, file=None)
        if refused:
            return refused[0].message
        try:
            Profile.model_validate({**NEUTRAL, **data})
        except ValidationError as exc:
            path = tuple(question.field.split("."))
            for error, problem in zip(exc.errors(), problems_from(exc, Profile, data, file=None), strict=False):
                if tuple(str(p) for p in error["loc"][: len(path)]) != path:
                    continue
                if error["type"] in _RANGE_ERRORS and field_range(question.field):
                    return f"it must be{self._range(question)}"
                return problem.message
        return None

    # --- the profile ---------------------------------------------------------------------------------------

    def _data_with(self, question: Question, value: Any) -> dict[str, Any]:
        answers = {**self.answers, question.id: value}
        return self._build(answers)

    def _build(self, answers: dict[str, Any]) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for path, known in self.preset.items():
            put(data, path, known)
        for question in self.questions():
            value = answers.get(question.id)
            if value is None:
                continue
            put(data, question.field, value)
            for choice in self._chosen(question, value):
                for path, also in choice.sets.items():
                    put(data, path, also)
        return data

    def data(self) -> dict[str, Any]:
        """The answers as profile data (nested, blanks left out, dates as dates), in the profile's order."""
        data = self._build(self.answers)
        if isinstance(data.get("start_date"), str):
            data["start_date"] = dt.date.fromisoformat(data["start_date"])
        return _ordered(data)

    def is_complete(self) -> bool:
        """Every question that is asked has an answer."""
        return self.next_question() is None

    def profile(self) -> Profile:
        """The validated profile of a complete intake."""
        return Profile.model_validate(self.data())

    def emergency(self) -> Emergency | None:
        """The emergency advice when the answers so far make the profile an emergency (else None)."""
        profile = Profile.model_validate({**NEUTRAL, **self._build(self.answers)})
        decision = triage(profile)
        if decision.status is not Status.EMERGENCY_REFERRAL:
            return None
        programme = referral_programme(profile, decision, Meta(title="", template="", input_hash=""))
        referral = programme.referral
        assert referral is not None
        return Emergency(
            referral.headline,
            referral.action,
            list(programme.reasons),
            [CONCERN_TEXT[c] for c in decision.concerns],
            routes_for(profile.region),
            region_known=profile.region is not None,
        )


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    """Profile data in the order of the profile's fields (the order a person reading the file expects)."""
    order = {path: i for i, path in enumerate(profile_fields())}

    def rank(key: str) -> int:
        return min((i for path, i in order.items() if path == key or path.startswith(f"{key}.")), default=len(order))

    out: dict[str, Any] = {}
    for key in sorted(data, key=rank):
        value = data[key]
        out[key] = (
            {k: value[k] for k in sorted(value, key=lambda k: rank(f"{key}.{k}"))} if isinstance(value, dict) else value
        )
    return out


def all_regions() -> list[tuple[str, str]]:
    """(place, what to do in an emergency) for every region: shown when an emergency comes before the region."""
    return [(routes_for(r).name, routes_for(r).emergency) for r in Region]
