"""The questionnaire's definition: every profile field is reachable, every question fills one, warning signs first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rehabgen.errors import InputError
from rehabgen.intake.definition import load_questionnaire
from rehabgen.intake.fields import profile_fields
from rehabgen.intake.markdown import roster_fields, roster_table
from rehabgen.io.roster import QUESTION_COLUMNS
from rehabgen.model.vocab import BONE_STRESS_CAUSES, Cause, Equipment, Region, Status
from tests.conftest import ROOT

QUESTIONNAIRE = load_questionnaire()
README = ROOT / "README.md"
ROSTER_START, ROSTER_END = "<!-- roster-columns: generated from the questionnaire -->\n", "<!-- /roster-columns -->"


def test_every_profile_field_is_reachable_and_every_question_fills_a_field() -> None:
    fields = set(profile_fields())
    filled = {q.field for q in QUESTIONNAIRE.questions}
    assert filled == fields, (fields - filled, filled - fields)
    for audience in ("runner", "clinician"):
        asked = {q.field for q in QUESTIONNAIRE.for_audience(audience)}
        # A runner is not asked for the clinic's reference or the clinician's name; everything else, yes.
        missing = fields - asked
        assert missing <= {"patient.id", "clinician"}, (audience, missing)


def test_the_red_flag_questions_come_first_and_are_every_screening_question() -> None:
    flags = [q for q in QUESTIONNAIRE.questions if q.field.startswith("red_flags.")]
    assert QUESTIONNAIRE.questions[: len(flags)] == flags
    assert {q.group for q in flags} == {QUESTIONNAIRE.groups[0].id} and QUESTIONNAIRE.groups[0].red_flags
    assert len(flags) == len([f for f in profile_fields() if f.startswith("red_flags.")])


def test_emergency_signs_are_asked_before_urgent_ones() -> None:
    flags = [q for q in QUESTIONNAIRE.questions if q.group == QUESTIONNAIRE.groups[0].id]
    order = list(Status)
    outcomes = [order.index(q.choices[0].leads_to) if q.choices[0].leads_to else len(order) for q in flags]
    assert outcomes == sorted(outcomes)
    assert [q.id for q in flags if q.choices[0].leads_to is Status.EMERGENCY_REFERRAL] == [
        "saddle_anaesthesia",
        "bladder_dysfunction",
        "bowel_dysfunction",
        "sexual_dysfunction_new",
        "significant_trauma",
    ]


@pytest.mark.parametrize("audience", ["runner", "clinician"])
def test_every_cause_equipment_and_region_is_offered(audience: str) -> None:
    def offered(field: str) -> set[object]:
        question = next(q for q in QUESTIONNAIRE.for_audience(audience) if q.field == field)  # type: ignore[arg-type]
        return {c.value for c in question.offered(audience)}  # type: ignore[arg-type]

    assert offered("causes") == {c.value for c in Cause}
    assert offered("equipment") == {e.value for e in Equipment}
    assert offered("region") == {r.value for r in Region}


def test_a_runner_names_a_bone_stress_injury_only_as_a_clinicians_diagnosis() -> None:
    causes = QUESTIONNAIRE.question("causes")
    for choice in causes.offered("runner"):
        if choice.value in BONE_STRESS_CAUSES:
            assert choice.sets == {"clinician_diagnosed": True}
            assert choice.label.runner.startswith("A doctor or physiotherapist told me I have")
        else:
            assert not choice.sets and "told me" not in choice.label.runner
    for choice in causes.offered("clinician"):
        assert not choice.sets  # a clinician answers the diagnosis question themselves


def test_muscle_strain_is_offered_to_a_runner_in_plain_words() -> None:
    choice = next(c for c in QUESTIONNAIRE.question("causes").choices if c.value == "muscle_strain_overuse")
    assert "heavy lifting session" in choice.label.runner


def test_runner_words_carry_no_internal_ids() -> None:
    texts = [g.title.runner for g in QUESTIONNAIRE.groups] + [g.intro.runner for g in QUESTIONNAIRE.groups if g.intro]
    for question in QUESTIONNAIRE.for_audience("runner"):
        texts += [question.ask.runner, *(c.label.runner for c in question.offered("runner"))]
        texts += [x.runner for x in (question.help, question.blank) if x is not None]
    for text in texts:
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), text  # ids such as weak_core or red_flags


def test_show_if_conditions_point_back_to_earlier_questions() -> None:
    seen: set[str] = set()
    for question in QUESTIONNAIRE.questions:
        assert all(c.question in seen for c in question.show_if), question.id
        seen.add(question.id)
    assert QUESTIONNAIRE.question("weakness_worsening").show_if[0].equals == ["unilateral_stable"]
    assert {c.question for c in QUESTIONNAIRE.question("postpartum_weeks").show_if} == {"sex"}


def test_a_broken_questionnaire_is_refused_whole(tmp_path: Path) -> None:
    text = (ROOT / "src/rehabgen/intake/questionnaire.yaml").read_text(encoding="utf-8")
    broken = text.replace("field: age\n", "field: age_years\n").replace("question: weakness,", "question: nothing,")
    path = tmp_path / "q.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_questionnaire(path)
    messages = " ".join(p.message for p in caught.value.problems)
    assert "no field 'age_years'" in messages and "'nothing', which is not an earlier question" in messages


def test_every_roster_column_is_a_question_and_every_question_a_column() -> None:
    covered = [f for column in QUESTION_COLUMNS for f in roster_fields(column)]
    assert sorted(covered) == sorted(profile_fields())


def test_the_readme_roster_table_is_generated_from_the_questionnaire(update_golden: bool) -> None:
    text = README.read_text(encoding="utf-8")
    assert ROSTER_START in text and ROSTER_END in text, "the README's roster table markers are missing"
    before, rest = text.split(ROSTER_START, 1)
    _, after = rest.split(ROSTER_END, 1)
    wanted = before + ROSTER_START + roster_table(QUESTIONNAIRE, QUESTION_COLUMNS) + ROSTER_END + after
    if update_golden:
        README.write_text(wanted, encoding="utf-8")
    assert text == wanted, "the README's roster table is stale: run pytest --update-golden"


def test_the_readme_gives_the_number_of_questions() -> None:
    assert f"Each of its {len(QUESTIONNAIRE.questions)} questions fills one profile field" in README.read_text(
        encoding="utf-8"
    )
