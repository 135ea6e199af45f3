"""The questionnaire as a readable list (``rehabgen questions --format md``), and the roster's columns.

The list is for a reader: a runner's copy shows no field ids; a clinician's names the profile field each
question fills. The roster table documents every CSV column of ``rehabgen batch`` from the questionnaire, so
the README's table is generated, not written by hand (a test keeps it in step).
"""

from __future__ import annotations

from rehabgen.intake.fields import field_range, number_words, profile_fields
from rehabgen.intake.text import IF_ANSWERED, WHAT_TO_DO, answers_leading_to, asked_when, how_to_answer, question_ranges
from rehabgen.model.questionnaire import Audience, Question, Questionnaire
from rehabgen.model.vocab import Status
from rehabgen.words.help import HelpRoutes

TITLES: dict[Audience, str] = {
    "runner": "Questions before your back-pain exercise plan",
    "clinician": "Intake questionnaire: low back pain in runners (clinician's copy)",
}


def questions_markdown(questionnaire: Questionnaire, audience: Audience, routes: HelpRoutes) -> str:
    """Every question this reader is asked, numbered as on paper and in the terminal, group by group."""
    asked = questionnaire.for_audience(audience)
    lines = [
        f"# {TITLES[audience]}",
        "",
        f"Questionnaire version {questionnaire.version}, {len(asked)} questions. The warning signs come first. "
        "A question that starts with “Only if” is asked only when an earlier answer calls for it.",
    ]
    for group in questionnaire.groups:
        members = [q for q in asked if q.group == group.id]
        if not members:
            continue
        lines += ["", f"## {group.title.for_(audience)}"]
        if group.intro:
            lines += ["", group.intro.for_(audience)]
        for status in (Status.EMERGENCY_REFERRAL, Status.URGENT_REFERRAL):
            found = answers_leading_to(questionnaire, members, audience, status)
            if found:
                route = routes.emergency if status is Status.EMERGENCY_REFERRAL else routes.urgent
                lines += ["", f"> **{IF_ANSWERED[audience]} {found}:** {WHAT_TO_DO[status][audience]}. {route}."]
        for question in members:
            lines += _question(questionnaire, question, audience, asked.index(question) + 1)
    return "\n".join(lines) + "\n"


def _question(questionnaire: Questionnaire, question: Question, audience: Audience, number: int) -> list[str]:
    lines = ["", f"### {number}. {question.ask.for_(audience)}", ""]
    when = asked_when(questionnaire, question, audience)
    if when:
        lines += [f"*{when}*", ""]
    lines.append(how_to_answer(question) + ".")
    if question.help:
        lines += ["", question.help.for_(audience)]
    if audience == "clinician":
        lines += ["", f"Profile field: `{question.field}`."]
    choices = question.offered(audience)
    if choices and question.answer != "yes_no":
        lines.append("")
        lines += [f"{i}. {c.label.for_(audience)}" for i, c in enumerate(choices, 1)]
    if question.blank:
        lines += ["", f"Or leave it blank: {question.blank.for_(audience)}."]
    return lines


# --- the roster's columns ----------------------------------------------------------------------------------


def roster_fields(column: str) -> list[str]:
    """The profile fields a roster column fills (``io.roster`` reads ``red_flags`` as the list answered yes)."""
    if column == "red_flags":
        return [f for f in profile_fields() if f.startswith("red_flags.")]
    if column.startswith("patient_"):
        return [f"patient.{column.removeprefix('patient_')}"]
    if column in ("numbness", "weakness"):
        return [f"neuro.{column}"]
    return [column]


def roster_table(questionnaire: Questionnaire, columns: tuple[str, ...]) -> str:
    """A Markdown table of the roster's columns: the question each answers and what a cell may hold."""
    asked = questionnaire.for_audience("clinician")
    rows = ["| column | question (its number on the clinician's form) | what the cell holds |", "|---|---|---|"]
    for column in columns:
        fields = roster_fields(column)
        questions = [q for q in asked if q.field in fields]
        numbers = question_ranges([asked.index(q) + 1 for q in questions]).replace(" or ", " and ")
        if column == "red_flags":
            ask = f"the warning signs ({numbers})"
            cell = "the ids of the signs answered yes, separated by `;` (see *Red-flag questions* under *The profile*)"
        else:
            ask = f"{questions[0].ask.clinician} ({numbers})"
            cell = _cell(questions)
        rows.append(f"| `{column}` | {ask} | {cell} |")
    return "\n".join(rows) + "\n"


def _cell(questions: list[Question]) -> str:
    first = questions[0]
    optional = "" if profile_fields()[first.field].is_required() else " or empty"
    if first.field in ("causes", "equipment"):
        return f"ids separated by `;` (see *{first.field.capitalize()}* under *The profile*){optional}"
    if first.answer in ("yes_no", "choice"):
        values = list(dict.fromkeys(c.value for q in questions for c in q.choices))
        if all(isinstance(v, bool) for v in values):
            return f"`true`/`false` (or `yes`/`no`, `1`/`0`){optional}"
        return ", ".join(f"`{v}`" for v in values) + optional
    bounds = field_range(first.field)
    if bounds is not None:
        kind = "a whole number" if first.answer == "integer" else "a number"
        return f"{kind} from {number_words(bounds[0])} to {number_words(bounds[1])}{optional}"
    if first.answer == "date":
        return f"a date, `YYYY-MM-DD`{optional}"
    return f"text{optional}"
