"""One call per user task, shared by the CLI and the batch runner: read inputs, plan, render.

``run_plan`` never raises for bad user input in the profile: it returns a result with status
``INPUT_ERROR`` and every problem, so callers (CLI, batch) report it the same way. A broken catalogue,
template or clinic file is the operator's input rather than the patient's and raises InputError.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from rehabgen.catalogue import Catalogue, load_catalogue
from rehabgen.clinic import Clinic, load_clinic
from rehabgen.errors import InputError, Problem, ProfileError
from rehabgen.planner import build_programme
from rehabgen.profile import Profile, load_profile
from rehabgen.programme import Programme
from rehabgen.template import Template, find_template

OutputFormat = Literal["pdf", "json", "md", "ics"]


@dataclass
class PlanRequest:
    """Everything one handout is made from."""

    profile: Path | Profile
    output_format: OutputFormat = "pdf"
    template: str | Template | None = None
    clinic: Path | Clinic | None = None
    printed_date: str | dt.date | None = None
    page_size: str = "A4"
    large_print: bool = False
    catalogue_dirs: list[Path] = field(default_factory=list)
    catalogue: Catalogue | None = None
    """An already loaded catalogue (batch runs load it once)."""


@dataclass
class PlanResult:
    """What ``run_plan`` produced: a rendered document, or the problems with the input."""

    status: str
    programme: Programme | None = None
    text: str | None = None
    data: bytes | None = None
    problems: dict[str, Any] | None = None
    error_text: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """One line for the terminal."""
        if self.programme is None:
            return "no programme"
        weeks = len(self.programme.weeks)
        if weeks:
            return f"{weeks}-week programme, {len(self.programme.exercise_ids())} exercises"
        return "referral: " + (self.programme.referral.headline if self.programme.referral else "")


def input_error(exc: InputError) -> PlanResult:
    """The INPUT_ERROR result for a bad profile (the JSON shape of the output contract)."""
    return PlanResult(
        status="INPUT_ERROR",
        problems={"status": "INPUT_ERROR", "problems": [p.to_dict() for p in exc.problems]},
        error_text=str(exc),
    )


def resolve_date(value: str | dt.date | None) -> dt.date | None:
    """Parse ``--date``; a bad date is a usage problem named by its option."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError([Problem(f"'{value}' is not a date; write it as YYYY-MM-DD", path=("--date",))]) from None


def run_plan(request: PlanRequest) -> PlanResult:
    """Read the profile, triage and plan it, and render it in the requested format."""
    try:
        profile = request.profile if isinstance(request.profile, Profile) else load_profile(request.profile)
    except ProfileError as exc:
        return input_error(exc)
    catalogue = request.catalogue or load_catalogue(request.catalogue_dirs)
    template = (
        request.template
        if isinstance(request.template, Template) or request.template is None
        else find_template(request.template)
    )
    clinic = (
        request.clinic if isinstance(request.clinic, Clinic) or request.clinic is None else load_clinic(request.clinic)
    )
    printed = resolve_date(request.printed_date)
    programme = build_programme(profile, catalogue, template)
    result = PlanResult(status=programme.status.value, programme=programme)
    result.warnings = [w.message for w in programme.warnings]
    if request.output_format == "json":
        result.text = programme.model_dump_json(indent=2) + "\n"
    elif request.output_format == "md":
        from rehabgen.render.markdown import render_markdown

        result.text = render_markdown(programme, catalogue)
    elif request.output_format == "ics":
        from rehabgen.render.ics import render_ics

        result.text = render_ics(programme)
    else:
        from rehabgen.render.pdf import HandoutOptions, render_pdf

        options = HandoutOptions(
            page_size=request.page_size,
            large_print=request.large_print,
            printed_date=printed,
        )
        result.data = render_pdf(programme, catalogue, clinic=clinic, options=options, template=template)
    return result
