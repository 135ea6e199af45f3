"""The plan page: the HTML handout as the preview, the downloads, and the clinician's adjustments.

The preview is the HTML handout itself (``render/html``): its body goes into the page and its one stylesheet
into the head, allowed by its hash in the Content-Security-Policy. The profile travels with the page as JSON
in a hidden field, so the server keeps nothing between requests; every post is validated again.

Adjustments write the profile's ``adjustments`` section (drop, pin, a note per exercise, a note and the next
appointment for page 1), which the planner applies only where the safety rules allow; its report of what it
applied and refused is shown, each refusal beside its exercise.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from rehabgen.model.catalogue import Catalogue
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Programme
from rehabgen.web.form import FormValues

NOTE_PREFIX = "note_for."
_BODY = re.compile(r"<body(?: class=\"(?P<cls>[^\"]*)\")?>(?P<body>.*)</body>", re.S)
_STYLE = re.compile(r"<style>(?P<css>.*?)</style>", re.S)
_SKIP = re.compile(r"<a href=\"#main\" class=\"skip-link\">[^<]*</a>")


@dataclass(frozen=True)
class Preview:
    """The HTML handout taken apart for embedding: its stylesheet, its body and the body's class."""

    style: str
    body: str
    body_class: str


def preview_parts(document: str) -> Preview:
    """Split a handout document into what the plan page embeds (its skip link is the page's own)."""
    body, style = _BODY.search(document), _STYLE.search(document)
    assert body is not None, "the HTML handout has a <body>"
    assert style is not None, "the HTML handout has one <style>"
    return Preview(style.group("css"), _SKIP.sub("", body.group("body"), count=1), body.group("cls") or "")


def profile_json(profile: Profile) -> str:
    """The profile as the hidden field carries it: only what was given, dates as text."""
    data = profile.model_dump(mode="json", exclude_unset=True)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@dataclass
class AdjustRow:
    """One exercise in the adjustments table."""

    id: str
    name: str
    in_plan: bool
    dropped: bool
    pinned: bool
    note: str
    error: str | None = None
    refused: str | None = None
    """Why the planner did not carry out the clinician's change to this exercise."""


def _pin_id(pin: Any) -> str:
    return str(pin.get("id", "")) if isinstance(pin, dict) else str(pin)


def adjust_rows(programme: Programme, catalogue: Catalogue, adjustments: dict[str, Any]) -> list[AdjustRow]:
    """Every exercise of the plan, then any the adjustments name that the plan does not use."""
    dropped = set(adjustments.get("drop") or [])
    pinned = {_pin_id(p) for p in adjustments.get("pin") or []}
    notes: dict[str, str] = adjustments.get("notes") or {}
    in_plan = programme.exercise_ids()
    ids = list(dict.fromkeys([*in_plan, *dropped, *pinned, *notes]))
    rows = []
    for exercise_id in ids:
        name = catalogue[exercise_id].name if exercise_id in catalogue else exercise_id
        rows.append(
            AdjustRow(
                exercise_id,
                name,
                exercise_id in in_plan,
                exercise_id in dropped,
                exercise_id in pinned,
                notes.get(exercise_id, ""),
            )
        )
    return rows


def apply_adjustments(data: dict[str, Any], form: FormValues) -> dict[str, Any]:
    """Profile data with the adjustments form written into it; what the form does not cover is kept."""
    current = dict(data.get("adjustments") or {})
    wanted_pins = [p for p in [*form.get("pin", []), *form.get("pin_add", [])] if p.strip()]
    kept = [p for p in current.get("pin") or [] if _pin_id(p) in wanted_pins]
    kept_ids = {_pin_id(p) for p in kept}
    current["pin"] = kept + [p for p in dict.fromkeys(wanted_pins) if p not in kept_ids]
    current["drop"] = list(dict.fromkeys(d for d in form.get("drop", []) if d.strip()))
    current["notes"] = {
        key.removeprefix(NOTE_PREFIX): text.strip()
        for key, values in form.items()
        if key.startswith(NOTE_PREFIX)
        for text in values[:1]
        if text.strip()
    }
    for key in ("note", "next_appointment"):
        text = next(iter(form.get(key, [])), "").strip()
        current[key] = text or None
    current = {k: v for k, v in current.items() if v not in (None, [], {})}
    out = {k: v for k, v in data.items() if k != "adjustments"}
    if current:
        out["adjustments"] = current
    return out


def adjustment_errors(problems: list[Any], rows: list[AdjustRow]) -> tuple[dict[str, str], list[str]]:
    """Problems of the adjustments beside their fields: ``note``/``next_appointment`` or an exercise's row."""
    by_field: dict[str, str] = {}
    general: list[str] = []
    by_id = {row.id: row for row in rows}
    for problem in problems:
        path = tuple(problem.path)
        if path[:1] != ("adjustments",):
            general.append(str(problem))
        elif path[1:2] in (("note",), ("next_appointment",)):
            by_field.setdefault(path[1], problem.message)
        elif path[1:2] == ("notes",) and len(path) > 2 and path[2] in by_id:
            by_id[path[2]].error = problem.message
        else:
            general.append(str(problem))
    return by_field, general


@dataclass(frozen=True)
class Outcome:
    """What the planner did with the clinician's adjustments (refusals tied to an exercise sit in its row)."""

    applied: list[str]
    refused: list[str]
    any_refused: bool


def adjustment_outcome(programme: Programme, rows: list[AdjustRow]) -> Outcome:
    """The programme's report of the adjustments: each refusal beside its exercise's row, or listed."""
    report = programme.adjustments
    by_id = {row.id: row for row in rows}
    listed: list[str] = []
    for refusal in report.refused:
        row = by_id.get(refusal.exercise_id or "")
        if row is not None and row.refused is None:
            row.refused = refusal.message
        else:
            listed.append(f"{refusal.item}: {refusal.message}")
    return Outcome([a.message for a in report.applied], listed, any_refused=bool(report.refused))
