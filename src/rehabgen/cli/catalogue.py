"""``rehabgen catalogue list|show|sheet``: browse the exercises and review their pictures."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rehabgen.cli.app import (
    CatalogueOpt,
    catalogue_app,
    enum_value,
    err,
    fail,
    guarded,
    load_catalogue,
    output_path,
    table,
    write_output,
)

if TYPE_CHECKING:
    from rehabgen.model.catalogue import Catalogue
    from rehabgen.model.exercise import Exercise


class ListFormat(StrEnum):
    """Output formats of ``catalogue list``."""

    table = "table"
    json = "json"


@catalogue_app.command("list")
@guarded
def catalogue_list(
    cause: Annotated[str | None, typer.Option(help="Only exercises for this cause id.")] = None,
    muscle: Annotated[str | None, typer.Option(help="Only exercises working this muscle id.")] = None,
    tag: Annotated[str | None, typer.Option(help="Only exercises with this movement tag.")] = None,
    equipment: Annotated[
        list[str] | None,
        typer.Option(help="Only exercises doable with this kit (repeatable; 'none' for bodyweight only)."),
    ] = None,
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    level: Annotated[int | None, typer.Option(help="Only this difficulty level (1-5).", min=1, max=5)] = None,
    output: Annotated[ListFormat, typer.Option("--format", help="table or json.")] = ListFormat.table,
    catalogue_folders: CatalogueOpt = None,
) -> None:
    """List exercises, optionally filtered.

    Example: rehabgen catalogue list --cause weak_glutes --equipment none
    """
    from rehabgen.model.vocab import Category, Cause, Equipment, Muscle, Tag

    catalogue = load_catalogue(catalogue_folders)
    kit = None if equipment is None else [enum_value(Equipment, e, "--equipment") for e in equipment if e != "none"]
    found = catalogue.select(
        cause=enum_value(Cause, cause, "--cause") if cause else None,
        muscle=enum_value(Muscle, muscle, "--muscle") if muscle else None,
        tag=enum_value(Tag, tag, "--tag") if tag else None,
        equipment=kit,
        category=enum_value(Category, category, "--category") if category else None,
        level=level,
    )
    if output is ListFormat.json:
        print(json.dumps([ex.model_dump(mode="json", exclude_none=True) for ex in found], indent=2, ensure_ascii=False))
        return
    rows = [(ex.id, ex.name, ex.category.value, str(ex.level), ", ".join(ex.equipment) or "-") for ex in found]
    table(("id", "name", "category", "level", "equipment"), rows)
    err(f"{len(found)} of {len(catalogue)} exercises")


@catalogue_app.command("show")
@guarded
def catalogue_show(
    exercise_id: Annotated[str, typer.Argument(metavar="ID", help="The exercise id, e.g. bird_dog.")],
    output: Annotated[ListFormat, typer.Option("--format", help="table (readable text) or json.")] = ListFormat.table,
    image: Annotated[
        Path | None,
        typer.Option(
            help="Also export the exercise's illustration to this .png or .svg file (its path goes to stderr).",
            dir_okay=False,
        ),
    ] = None,
    catalogue_folders: CatalogueOpt = None,
) -> None:
    """Show everything about one exercise.

    Example: rehabgen catalogue show side_plank
    """
    from rehabgen.io.problems import suggest

    if image is not None:
        output_path(image, (".png", ".svg"), "the picture", option="--image")
    catalogue = load_catalogue(catalogue_folders)
    ex = catalogue.exercises.get(exercise_id)
    if ex is None:
        fail(f"no exercise with id '{exercise_id}'{suggest(exercise_id, list(catalogue.exercises))}", 2)
    if output is ListFormat.json:
        print(json.dumps(ex.model_dump(mode="json", exclude_none=True), indent=2, ensure_ascii=False))
    else:
        print(describe_exercise(ex, catalogue))
    if image is not None:
        from rehabgen.pictures.export import export_illustration

        export_illustration(ex, image)
        err(f"picture written to {image}")  # stdout carries the exercise alone (json for `| jq`)


def describe_exercise(ex: Exercise, catalogue: Catalogue) -> str:
    """An exercise as readable text."""
    from rehabgen.words.labels import CATEGORY_LABELS, CAUSE_INFO, EQUIPMENT_LABELS, MUSCLE_LABELS

    d = ex.dosage
    dose = []
    if d.pyramid:
        dose.append(f"{'/'.join(map(str, d.pyramid))} reps")
    elif d.reps:
        dose.append(f"{d.sets} × {d.reps}")
    if d.hold_s:
        dose.append(f"hold {d.hold_s} s")
    if d.duration_min:
        dose.append(f"{d.duration_min} min")
    dose.append(f"rest {d.rest_s} s")
    if d.tempo:
        dose.append(f"tempo {d.tempo}")
    lines = [
        f"{ex.name}  ({ex.id})",
        f"{CATEGORY_LABELS[ex.category]} · level {ex.level}" + (" · each side" if ex.per_side else ""),
        f"Also called: {', '.join(ex.aliases)}" if ex.aliases else "",
        "",
        ex.purpose,
        "",
        "Steps:",
        *(f"  {i}. {s}" for i, s in enumerate(ex.steps, 1)),
        "Cues:",
        *(f"  - {c}" for c in ex.cues),
        "Common mistakes:",
        *(f"  - {m}" for m in ex.mistakes),
        "",
        f"Dose: {', '.join(dose)}",
        f"Primary muscles: {', '.join(MUSCLE_LABELS[m] for m in ex.muscles.primary)}",
        f"Secondary muscles: {', '.join(MUSCLE_LABELS[m] for m in ex.muscles.secondary) or '-'}",
        f"Causes: {', '.join(CAUSE_INFO[c][0] for c in ex.causes) or 'general warm-up / cool-down'}",
        f"Movement tags: {', '.join(ex.tags)}",
        f"Equipment needed: {', '.join(EQUIPMENT_LABELS[e] for e in ex.equipment) or 'none'}",
        f"Helpful: {', '.join(EQUIPMENT_LABELS[e] for e in ex.helpful) or '-'}",
        f"Easier: {_neighbour(catalogue, ex.easier)}",
        f"Harder: {_neighbour(catalogue, ex.harder)}",
    ]
    if ex.caution:
        lines.insert(4, f"CAUTION: {ex.caution}")
    for label, notes in (("Caution", ex.cautions), ("Why in the plan", ex.why)):
        for note in notes:
            lines.append(f"{label} for {', '.join(_condition(w) for w in note.when)}: {note.text}")
    if ex.reference_url:
        lines.append(f"Reference: {ex.reference_url}")
    return "\n".join(line for i, line in enumerate(lines) if line or i in (3, 5, 12 + len(ex.steps)))


def _condition(condition: str) -> str:
    """A condition note's audience in words: a cause's label, or leg symptoms."""
    from rehabgen.model.vocab import Cause
    from rehabgen.words.labels import CAUSE_INFO

    return CAUSE_INFO[Cause(condition)][0] if condition in {c.value for c in Cause} else "leg symptoms"


def _neighbour(catalogue: Catalogue, exercise_id: str | None) -> str:
    if exercise_id is None or exercise_id not in catalogue:
        return "-"
    return f"{catalogue[exercise_id].name} ({exercise_id})"


@catalogue_app.command("sheet")
@guarded
def catalogue_sheet(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The PDF contact sheet to write (a .pdf file in an existing folder), or - for standard output.",
            dir_okay=False,
            allow_dash=True,
        ),
    ],
    catalogue_folders: CatalogueOpt = None,
) -> None:
    """Print every exercise's illustration with its name on a contact sheet, for clinical review.

    Example: rehabgen catalogue sheet -o sheet.pdf
    """
    from rehabgen.render.sheet import render_sheet

    target = output_path(output, (".pdf",), "the contact sheet (PDF)", binary=True)
    catalogue = load_catalogue(catalogue_folders)
    write_output(target, render_sheet(catalogue))
    if target is not None:
        print(str(target))
