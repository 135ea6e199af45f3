"""Loading the questionnaire: ``questionnaire.yaml`` beside this module, checked against the profile and triage.

The file holds the words; what can be worked out is filled in here, never written twice:

* yes/no questions get the choices Yes and No unless they list their own;
* causes, equipment and regions take the labels of ``rehabgen.words`` where the file gives none;
* each choice's ``leads_to`` is what triage makes of that answer alone in an otherwise unremarkable profile.

A questionnaire that names a field the profile lacks, a choice the field refuses, a group out of order or a
condition on a later question is refused whole (``InputError``), so the bundled one is proven by its tests.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from rehabgen.clinical.triage import triage
from rehabgen.errors import InputError, Problem
from rehabgen.intake.fields import profile_fields, put
from rehabgen.io.problems import validate
from rehabgen.io.reader import parse_yaml, read_text
from rehabgen.model.profile import Profile
from rehabgen.model.questionnaire import Choice, Question, Questionnaire
from rehabgen.model.vocab import Cause, Equipment, Region, Status
from rehabgen.words.help import routes_for
from rehabgen.words.labels import CAUSE_INFO, EQUIPMENT_LABELS

QUESTIONNAIRE_FILE = Path(__file__).with_name("questionnaire.yaml")

NEUTRAL: dict[str, Any] = {"age": 30, "weekly_running_km": 0, "pain_nprs": 0, "symptom_duration_weeks": 3}
"""Stand-ins for required answers not given yet. They raise no flag of their own: 30 is neither under 16 nor
over 50, 0/10 pain is not severe, and 3 weeks is past the 2 weeks that make symptoms in both legs "new"
(clinical rules §1.3) and short of the 6 weeks that raise the banner."""

_LOOKUPS: dict[str, dict[str, str]] = {
    "causes": {c.value: CAUSE_INFO[c][0] for c in Cause},
    "equipment": {e.value: EQUIPMENT_LABELS[e] for e in Equipment},
    "region": {r.value: routes_for(r).name for r in Region},
}
"""Labels the words modules already hold, by the field whose choices they name."""


@functools.cache
def load_questionnaire(path: Path = QUESTIONNAIRE_FILE) -> Questionnaire:
    """The questionnaire (the bundled one by default), checked and with its derived parts filled in."""
    name = str(path)
    raw = parse_yaml(read_text(path, name), name)
    if not isinstance(raw, dict):
        raise InputError([Problem("a questionnaire is a mapping with version, groups and questions", file=name)])
    for question in raw.get("questions") or []:
        if isinstance(question, dict):
            _fill_choices(question)
    found, problems = validate(Questionnaire, raw, file=name)
    if found is None:
        raise InputError(problems)
    problems = _check(found, name)
    if problems:
        raise InputError(problems)
    return found.model_copy(
        update={"questions": [q.model_copy(update={"choices": _with_outcomes(q)}) for q in found.questions]}
    )


def _fill_choices(question: dict[str, Any]) -> None:
    """Yes and No for yes/no questions; labels from the words modules where the file gives none."""
    if question.get("answer") == "yes_no" and "choices" not in question:
        question["choices"] = [{"value": True, "label": "Yes"}, {"value": False, "label": "No"}]
    lookup = _LOOKUPS.get(str(question.get("field")), {})
    for choice in question.get("choices") or []:
        if not isinstance(choice, dict) or str(choice.get("value")) not in lookup:
            continue
        known = lookup[str(choice["value"])]
        label = choice.get("label")
        if label is None:
            choice["label"] = {"runner": known, "clinician": known}
        elif isinstance(label, dict) and "clinician" not in label:
            choice["label"] = {**label, "clinician": known}


def _check(questionnaire: Questionnaire, name: str) -> list[Problem]:
    problems: list[str] = []
    fields = profile_fields()
    group_order = [g.id for g in questionnaire.groups]
    seen_groups: list[str] = []
    earlier: dict[str, Question] = {}
    for question in questionnaire.questions:
        where = f"question {question.id}"
        if question.id in earlier:
            problems.append(f"{where}: the id is used twice")
        if question.group not in group_order:
            problems.append(f"{where}: no group '{question.group}'")
        elif not seen_groups or seen_groups[-1] != question.group:
            if question.group in seen_groups:
                problems.append(f"{where}: the questions of group '{question.group}' must stand together")
            seen_groups.append(question.group)
        if question.field not in fields:
            problems.append(f"{where}: the profile has no field '{question.field}'")
        else:
            problems += [f"{where}: {p}" for p in _choice_problems(question)]
        problems += [f"{where}: {p}" for p in _condition_problems(question, earlier)]
        earlier[question.id] = question
    if [g for g in group_order if g in seen_groups] != seen_groups or set(seen_groups) != set(group_order):
        problems.append("groups: every group needs questions, in the order the groups are listed")
    first = questionnaire.groups[0] if questionnaire.groups else None
    if first is None or not first.red_flags or any(g.red_flags for g in questionnaire.groups[1:]):
        problems.append("groups: the red-flag group comes first, and only it")
    return [Problem(p, file=name) for p in problems]


def _choice_problems(question: Question) -> list[str]:
    needs_choices = question.answer in ("yes_no", "choice", "choices")
    if needs_choices != bool(question.choices):
        return ["choices are listed for yes/no and choice questions only, and they need them"]
    if question.answer == "yes_no" and len(question.choices) != 2:
        return ["a yes/no question has two choices: yes first, then no"]
    problems = []
    for choice in question.choices:
        value = [choice.value] if question.answer == "choices" else choice.value
        data: dict[str, Any] = dict(NEUTRAL)
        put(data, question.field, value)
        for field, also in choice.sets.items():
            if field not in profile_fields():
                problems.append(f"choice {choice.value!r} sets '{field}', which the profile lacks")
                continue
            put(data, field, also)
        profile, found = validate(Profile, data, file=None)
        if profile is None:
            problems += [f"choice {choice.value!r}: {p.message}" for p in found]
    for audience in ("runner", "clinician"):
        values = [c.value for c in question.choices if audience in c.audiences]
        if len(values) != len(set(values)):
            problems.append(f"a choice is offered twice to the {audience}")
    return problems


def _condition_problems(question: Question, earlier: dict[str, Question]) -> list[str]:
    problems = []
    for condition in question.show_if:
        target = earlier.get(condition.question)
        if target is None:
            problems.append(f"show_if names '{condition.question}', which is not an earlier question")
            continue
        values = {c.value for c in target.choices}
        tested = condition.equals or condition.includes or []
        if condition.includes is not None and target.answer != "choices":
            problems.append(f"show_if: 'includes' tests a list answer, and '{target.id}' is not one")
        if condition.given is False and not target.optional:
            problems.append(f"show_if: '{target.id}' cannot be left blank")
        problems += [f"show_if: '{target.id}' offers no choice {v!r}" for v in tested if v not in values]
    return problems


def _with_outcomes(question: Question) -> list[Choice]:
    """Each choice with what triage makes of it alone (``leads_to``), when that is more than a programme."""
    out = []
    for choice in question.choices:
        data: dict[str, Any] = dict(NEUTRAL)
        put(data, question.field, [choice.value] if question.answer == "choices" else choice.value)
        for field, also in choice.sets.items():
            put(data, field, also)
        status = triage(Profile.model_validate(data)).status
        out.append(choice.model_copy(update={"leads_to": None if status is Status.PROGRAMME else status}))
    return out
