"""The intake profile: what a runner (or their physiotherapist) tells rehabgen, as YAML or as a model.

Every field has a documented range; a profile that breaks any of them is rejected whole, with every bad field
named (status ``INPUT_ERROR``). Safety questions default to "no" so a runner can leave out what does not
apply, but a "yes" anywhere always wins over an answer that contradicts it (clinical rules §1.2 "any YES wins").
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, field_validator

from rehabgen.i18n import is_language, languages
from rehabgen.model.adjustments import Adjustments
from rehabgen.model.base import StrictModel, unique
from rehabgen.model.text import single_line
from rehabgen.model.vocab import Cause, Equipment, Region

LegSymptoms = Literal["none", "unilateral_above_knee", "unilateral_below_knee", "bilateral"]
Numbness = Literal["none", "unilateral", "bilateral"]
Weakness = Literal["none", "unilateral_stable", "unilateral_progressive", "bilateral"]


def _items_or_none(schema: dict[str, Any]) -> None:
    """JSON Schema: the equipment list also takes ``none``, which the model drops."""
    schema["items"] = {"anyOf": [schema["items"], {"const": "none", "description": "No equipment (ignored)."}]}


def _list_or_null(schema: dict[str, Any]) -> None:
    """JSON Schema: ``causes: null`` (or an empty key in YAML) means no cause."""
    listed = dict(schema)
    schema.clear()
    schema["anyOf"] = [listed, {"type": "null"}]


def _any_case(schema: dict[str, Any]) -> None:
    """JSON Schema: region codes in any case (``gb`` reads as ``GB``)."""
    schema["anyOf"].insert(1, {"enum": [r.value.lower() for r in Region]})


def known_language(value: str) -> str:
    """Refuse a language rehabgen has no words for (``rehabgen languages`` lists them)."""
    if not is_language(value):
        raise ValueError(f"'{value}' is not a language rehabgen prints in; use {', '.join(languages())}")
    return value


def _language_enum(schema: dict[str, Any]) -> None:
    """JSON Schema: the languages rehabgen prints in."""
    schema["enum"] = list(languages())


HandoutLanguage = Annotated[str, AfterValidator(known_language), Field(json_schema_extra=_language_enum)]
"""A language the handout and the plan's words are printed in: ``en`` or ``es``."""


EARLIEST_DATE = dt.date(2000, 1, 1)
LATEST_DATE = dt.date(2099, 12, 31)
"""Start (and printed) dates must lie in this window: a 52-week programme and its calendar always fit."""


def in_date_window(value: dt.date) -> dt.date:
    """Refuse a date outside ``EARLIEST_DATE``–``LATEST_DATE`` (9999-12-01 would overflow the calendar)."""
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"must be between {EARLIEST_DATE} and {LATEST_DATE} (got {value})")
    return value


class Patient(StrictModel):
    """Who the handout is for; printed on every page, never used for decisions."""

    name: Annotated[str, Field(max_length=300), AfterValidator(single_line)] | None = None
    """The patient's name as it should be printed."""
    id: Annotated[str, Field(max_length=100), AfterValidator(single_line)] | None = None
    """A clinic's reference for the patient."""


class Neuro(StrictModel):
    """Nerve symptoms in the legs."""

    numbness: Numbness = "none"
    """Numbness or pins and needles in one leg, both legs, or neither."""
    weakness: Weakness = "none"
    """Leg or foot weakness: none, one leg and stable, one leg and getting worse, or both legs."""


class RedFlags(StrictModel):
    """The screening questions of clinical rules §1; each is yes (true) or no (false, the default)."""

    saddle_anaesthesia: bool = False
    """Numbness or tingling around the genitals, anus, buttocks or inner thighs."""
    bladder_dysfunction: bool = False
    """New trouble starting, stopping, controlling or feeling the need to pass urine."""
    bowel_dysfunction: bool = False
    """New loss of bowel control or of the feeling of needing to go."""
    sexual_dysfunction_new: bool = False
    """New loss of genital feeling or new erection or ejaculation problems."""
    history_of_cancer: bool = False
    """Cancer now or in the past."""
    unexplained_weight_loss: bool = False
    """Losing weight without trying."""
    fever_or_unwell: bool = False
    """A high temperature, chills, or feeling generally unwell with the back pain."""
    night_sweats: bool = False
    """Drenching sweats at night."""
    night_pain_unrelieved: bool = False
    """Pain at night that no change of position eases."""
    significant_trauma: bool = False
    """The pain started after a serious accident, fall or blow."""
    osteoporosis_or_steroids: bool = False
    """Osteoporosis, or long-term steroid tablets."""
    immunosuppression_or_ivdu: bool = False
    """A weakened immune system, or injecting drugs."""
    history_spinal_fracture_tumour_infection: bool = False
    """A past spinal fracture, spinal tumour or spinal infection."""
    worse_cough_sneeze: bool = False
    """Pain that is worse when coughing, sneezing or straining."""
    worsening_or_not_improving: bool = False
    """Pain that is getting worse, or has not improved at all."""


class Profile(StrictModel):
    """A runner's intake profile."""

    patient: Patient | None = None
    """Optional: printed on the handout."""
    clinician: Annotated[str, Field(max_length=120), AfterValidator(single_line)] | None = None
    """Optional: the clinician who prescribed the plan, printed on the handout."""
    age: int = Field(ge=10, le=100)
    """Age in years, 10 to 100."""
    sex: Literal["female", "male", "other"] | None = None
    """Optional: female, male or other."""
    weekly_running_km: float = Field(ge=0, le=300)
    """Current or pre-injury running volume, km per week (0 to 300)."""
    longest_run_last_4wk_km: float | None = Field(None, ge=0, le=150)
    """Optional: the longest single run in the last 4 weeks, km."""
    easy_pace_min_per_km: float | None = Field(None, ge=3, le=15)
    """Optional: usual easy running pace in minutes per km (6.5 is assumed when not given)."""
    goal: Annotated[str, Field(max_length=200), AfterValidator(single_line)] | None = None
    """Optional free text, e.g. "half marathon in 12 weeks"."""
    causes: Annotated[list[Cause], AfterValidator(unique), Field(json_schema_extra=_list_or_null)] = []
    """Cause ids (may be empty for a general programme)."""
    clinician_diagnosed: bool = False
    """True when a clinician confirmed the causes."""
    cleared_for_impact: bool = False
    """True when a clinician has cleared a return to running and impact after a bone-stress injury."""
    pain_nprs: int = Field(ge=0, le=10)
    """Typical pain over the last 24 hours, 0 (none) to 10 (worst imaginable)."""
    symptom_duration_weeks: float = Field(ge=0, le=1040)
    """How long this episode has lasted, in weeks."""
    leg_symptoms: LegSymptoms = "none"
    """Pain spreading into the legs: none, one leg above or below the knee, or both legs."""
    bilateral_new_or_worsening: bool = False
    """Symptoms in both legs that are new (2 weeks or less) or getting worse."""
    neuro: Neuro = Neuro()
    """Numbness and weakness in the legs."""
    red_flags: RedFlags = RedFlags()
    """Screening questions; leave out the ones that are "no"."""
    postpartum_weeks: float | None = Field(None, ge=0, le=52)
    """Weeks since giving birth, if within the last year."""
    pelvic_floor_symptoms: bool | None = None
    """Leaking, heaviness or dragging in the pelvic floor."""
    equipment: Annotated[list[Equipment], AfterValidator(unique), Field(json_schema_extra=_items_or_none)] = []
    """Equipment available; [] means none at all."""
    sessions_per_week: int = Field(3, ge=1, le=7)
    """Structured exercise sessions per week, 1 to 7."""
    programme_weeks: int = Field(8, ge=1, le=52)
    """Programme length in weeks, 1 to 52."""
    start_date: Annotated[dt.date, AfterValidator(in_date_window)] | None = None
    """Optional first day of the programme (YYYY-MM-DD, 2000-01-01 to 2099-12-31); dates the handout and calendar."""
    region: Annotated[Region | None, Field(json_schema_extra=_any_case)] = None
    """Optional region for emergency numbers and wording (GB, IE, US, CA, AU, NZ, SG, EU, ES, MX)."""
    units: Literal["km", "mi"] | None = None
    """Distances on the handout in kilometres or miles; default by region (miles in the US). The running
    fields above are always in kilometres."""
    adjustments: Adjustments | None = None
    """Optional: the clinician's changes to the plan (drop, pin, swap, dose, notes, a note and the next
    appointment for page 1), each applied only where the safety rules allow."""
    language: HandoutLanguage | None = None
    """The language of the handout and of the plan's words (en, es); default: the template's, else English."""

    @field_validator("equipment", mode="before")
    @classmethod
    def _none_means_nothing(cls, value: Any) -> Any:
        # clinical rules §7.2 lists `none` as an equipment id; here it simply means an empty list.
        if isinstance(value, list):
            return [v for v in value if v != "none"]
        if value is None:
            return []
        return value

    @field_validator("causes", mode="before")
    @classmethod
    def _null_causes(cls, value: Any) -> Any:
        return [] if value is None else value

    @field_validator("region", mode="before")
    @classmethod
    def _region_upper(cls, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else value

    # --- derived facts, resolved safety-first --------------------------------------------------------------

    @property
    def has_bilateral_symptoms(self) -> bool:
        """Symptoms in both legs by any answer: a yes anywhere wins."""
        return (
            self.leg_symptoms == "bilateral"
            or self.bilateral_new_or_worsening
            or self.neuro.numbness == "bilateral"
            or self.neuro.weakness == "bilateral"
        )

    @property
    def has_leg_symptoms(self) -> bool:
        """Any leg symptom at all (drives the peripheralisation stop rule, G4)."""
        return (
            self.leg_symptoms != "none"
            or self.bilateral_new_or_worsening
            or self.neuro.numbness != "none"
            or self.neuro.weakness != "none"
        )

    @property
    def pace_min_per_km(self) -> float:
        """Easy running pace used to turn minutes into kilometres."""
        return self.easy_pace_min_per_km or 6.5

    def has(self, *causes: Cause) -> bool:
        """Whether any of these causes is in the profile."""
        return any(c in self.causes for c in causes)
