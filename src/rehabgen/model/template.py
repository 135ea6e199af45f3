"""Programme templates (``programs/*.yaml``): a named protocol that shapes the planner, never its safety.

A template sets defaults (weeks, sessions), phase lengths, what gets more room (categories, muscles), exercises
it pins or bans and extra advice. Triage runs before any template is applied, and a pinned exercise that the
profile's exclusions forbid is dropped with a warning: safety always wins over a template. Reading template
files is ``rehabgen.io.templates``'s job.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from rehabgen.model.adjustments import Adjustments
from rehabgen.model.base import StrictModel
from rehabgen.model.exercise import SLUG
from rehabgen.model.profile import HandoutLanguage
from rehabgen.model.vocab import Category, Muscle

Weight = Annotated[float, Field(ge=0, le=3)]
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


class PhaseLengths(StrictModel):
    """Preferred phase lengths in weeks; clinical minimums (e.g. a protect phase when pain is high) win."""

    protect: int | None = Field(None, ge=0, le=4)
    """Weeks of the protect phase when the profile calls for one."""
    restore: int | None = Field(None, ge=0, le=6)
    """Weeks of the restore phase."""
    strengthen_before_running: int | None = Field(None, ge=1, le=12)
    """Weeks of strengthening before the return-to-run phase may start."""


class Emphasis(StrictModel):
    """What gets more room in a session: weights above 1 favour, below 1 disfavour, 0 leaves out."""

    categories: dict[Category, Weight] = {}
    muscles: dict[Muscle, Weight] = {}
    families: dict[Annotated[str, Field(pattern=SLUG)], Weight] = {}
    """Weight per exercise ladder, named by any exercise id on it."""


class AdviceSection(StrictModel):
    """An extra advice section the template adds to the handout."""

    id: Annotated[str, Field(pattern=SLUG)]
    title: Annotated[str, Field(min_length=2, max_length=80)]
    text: Annotated[str, Field(min_length=10, max_length=1500)]
    points: list[Annotated[str, Field(min_length=2, max_length=300)]] = []


HandoutLayout = Literal["sheets", "booklet"]


class HandoutSections(StrictModel):
    """Which handout sections to print (the template's ``handout:`` block)."""

    layout: HandoutLayout | None = None
    """``sheets`` (session sheets, about 8 pages) or ``booklet`` (sheets and every exercise card); the
    ``--layout`` option wins over it."""
    calendar: bool = True
    running_plan: bool = True
    tracking: bool = True
    outcome_pages: bool = True
    accent_colour: str | None = None
    """Hex colour such as "#1f6f8b"; a clinic file's colour wins over it."""
    language: HandoutLanguage | None = None
    """The language of the handout when the profile names none (en, es); ``--lang`` wins over both."""

    @model_validator(mode="after")
    def _colour(self) -> Self:
        if self.accent_colour is not None and not _HEX.match(self.accent_colour):
            raise ValueError(f"accent_colour '{self.accent_colour}' must be a hex colour like #1f6f8b")
        return self


class Template(StrictModel):
    """A programme template."""

    id: Annotated[str, Field(pattern=SLUG, min_length=2, max_length=60)]
    """Stable identifier; ``rehabgen plan --template ID``."""
    title: Annotated[str, Field(min_length=3, max_length=80)]
    """Printed as the programme title."""
    description: Annotated[str, Field(min_length=10, max_length=2000)]
    """For clinicians: who it is for and what it does."""
    default_weeks: int | None = Field(None, ge=1, le=52)
    """Programme length when the profile does not give one."""
    default_sessions_per_week: int | None = Field(None, ge=1, le=7)
    """Sessions per week when the profile does not give them."""
    phases: PhaseLengths = PhaseLengths()
    emphasis: Emphasis = Emphasis()
    pin: list[Annotated[str, Field(pattern=SLUG)]] = []
    """Exercises to include whenever the profile's exclusions and equipment allow."""
    ban: list[Annotated[str, Field(pattern=SLUG)]] = []
    """Exercises never to include."""
    session_size: int | None = Field(None, ge=3, le=12)
    """Most exercises in one session (8 when not given)."""
    include_running: bool = True
    """Whether the programme plans running at all (gates and exclusions still apply when it does)."""
    advice: list[AdviceSection] = []
    handout: HandoutSections = HandoutSections()
    adjustments: Adjustments | None = None
    """Clinician adjustments every plan made with this template gets; a profile's own adjustments win over
    them exercise by exercise (``from_week`` belongs to a profile only)."""

    @model_validator(mode="after")
    def _pin_ban(self) -> Self:
        both = sorted(set(self.pin) & set(self.ban))
        if both:
            raise ValueError(f"{', '.join(both)} cannot be both pinned and banned")
        if self.adjustments is not None and self.adjustments.from_week is not None:
            raise ValueError("adjustments › from_week is the review week of one runner: set it in the profile")
        return self


DEFAULT_TEMPLATE = Template(
    id="runner_back_pain",
    title="Back-pain programme for runners",
    description="The cause-driven default (the same as programs/runner_back_pain.yaml).",
    default_weeks=8,
    default_sessions_per_week=3,
)
"""The planner's template when none is given; kept equal to the bundled runner_back_pain.yaml (tested)."""
