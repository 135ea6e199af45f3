"""``rehabgen questions``: the intake questionnaire as a readable list, as JSON, or as the paper intake form.

The list (Markdown) is numbered like the terminal's questions; the JSON holds both wordings and every derived
part (described by ``rehabgen schema questions``) for other software; ``-o intake-form.pdf`` is the paper
form a runner fills in at reception. The options ``--for`` and ``--region`` are shared with ``intake``.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rehabgen.cli.app import app, fail, guarded, output_path, write_output

if TYPE_CHECKING:
    from rehabgen.model.vocab import Region


class Reader(StrEnum):
    """Who answers: a runner alone, or a clinician for them."""

    runner = "runner"
    clinician = "clinician"


class QuestionsFormat(StrEnum):
    """Formats of ``rehabgen questions``."""

    md = "md"
    json = "json"
    pdf = "pdf"


_SUFFIXES = {QuestionsFormat.md: (".md",), QuestionsFormat.json: (".json",), QuestionsFormat.pdf: (".pdf",)}
ForOpt = Annotated[
    Reader, typer.Option("--for", help="runner: plain words for a runner answering alone; clinician: a clinician's.")
]
RegionOpt = Annotated[
    str | None,
    typer.Option(
        help="Region for the emergency and urgent numbers (GB, IE, US, CA, AU, NZ, SG, EU, ES, MX).", metavar="R"
    ),
]


def region_option(value: str | None) -> Region | None:
    """``--region`` as a Region (any case); an unknown one is a usage error."""
    from rehabgen.cli.app import enum_value
    from rehabgen.model.vocab import Region

    return None if value is None else enum_value(Region, value.strip().upper(), "--region")


@app.command()
@guarded
def questions(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="The file to write (.md, .json or .pdf), or - for standard output.", allow_dash=True
        ),
    ] = None,
    output_format: Annotated[
        QuestionsFormat | None, typer.Option("--format", help="md (default), json, or pdf (the paper form).")
    ] = None,
    reader: ForOpt = Reader.runner,
    region: RegionOpt = None,
    page_size: Annotated[str, typer.Option("--page-size", help="A4 or letter (the paper form).")] = "A4",
    large_print: Annotated[bool, typer.Option("--large-print", help="Body text 14 pt or larger (the form).")] = False,
) -> None:
    """Print the intake questionnaire: a readable list, JSON for other software, or a paper form to fill in.

    The warning-sign questions come first. JSON holds both wordings and is described by
    `rehabgen schema questions`.

    Example: rehabgen questions -o intake-form.pdf --region GB
    """
    from rehabgen.intake.definition import load_questionnaire
    from rehabgen.words.help import routes_for

    fmt = output_format or _format_of(output)
    if page_size.lower() not in ("a4", "letter"):
        fail(f"--page-size: '{page_size}' is not allowed; use A4 or letter", 2)
    target = output_path(output, _SUFFIXES[fmt], f"the {fmt.value} questionnaire", binary=fmt is QuestionsFormat.pdf)
    questionnaire = load_questionnaire()
    routes = routes_for(region_option(region))
    if fmt is QuestionsFormat.json:
        data: bytes | str = json.dumps(questionnaire.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    elif fmt is QuestionsFormat.md:
        from rehabgen.intake.markdown import questions_markdown

        data = questions_markdown(questionnaire, reader.value, routes)
    else:
        from rehabgen.render.pdf.form import render_form

        data = render_form(questionnaire, reader.value, routes, page_size=page_size, large_print=large_print)
    write_output(target, data)
    if target is not None:
        print(str(target))


def _format_of(output: Path | None) -> QuestionsFormat:
    if output is None or str(output) == "-":
        return QuestionsFormat.md
    found = next((fmt for fmt, suffixes in _SUFFIXES.items() if output.suffix.lower() in suffixes), None)
    if found is None:
        fail(f"-o {output}: cannot tell the format from '{output.suffix}'; use .md, .json or .pdf, or --format", 2)
    return found
