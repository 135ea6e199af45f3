"""Each exercise's notes for the runner in front of us (plan.notes): their causes and symptoms only."""

from __future__ import annotations

from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import ConditionalNote
from rehabgen.model.vocab import Cause, Condition
from rehabgen.plan.notes import conditions_of, notes_for
from tests.conftest import make_profile


def test_every_cause_is_a_condition() -> None:
    assert {c.value for c in Cause} < {c.value for c in Condition}


def test_conditional_notes_reach_only_the_runners_they_are_for(catalogue: Catalogue) -> None:
    ex = catalogue["knees_to_chest"].model_copy(
        update={
            "caution": "Move slowly.",
            "cautions": [
                ConditionalNote(when=[Condition.INTERVERTEBRAL_DISC], text="Disc note."),
                ConditionalNote(when=[Condition.LEG_SYMPTOMS], text="Leg note."),
            ],
            "why": [ConditionalNote(when=[Condition.SPINAL_STENOSIS], text="Stenosis reason.")],
        }
    )
    stenosis = make_profile(causes=["spinal_stenosis"], clinician_diagnosed=True, leg_symptoms="bilateral")
    notes = notes_for(ex, stenosis, conditions_of(stenosis))
    assert notes.cautions == ["Move slowly.", "Leg note."]
    assert notes.why == ["Stenosis reason."]
    disc = make_profile(causes=["intervertebral_disc"])
    notes = notes_for(ex, disc, conditions_of(disc))
    assert notes.cautions == ["Move slowly.", "Disc note."] and notes.why == []
    assert notes.why_causes == [c for c in ex.causes if c is Cause.INTERVERTEBRAL_DISC]
