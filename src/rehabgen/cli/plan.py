"""``rehabgen plan``: triage one profile and write its handout in any registered format."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rehabgen.cli.app import (
    CatalogueOpt,
    LangOpt,
    TemplateOpt,
    app,
    cache,
    catalogue_dirs,
    complete_format,
    err,
    fail,
    guarded,
    load_catalogue,
    output_path,
    printed_date,
    template_dirs,
    write_output,
)
from rehabgen.i18n import _, _f, ngettext, use_language
from rehabgen.render.registry import FORMATS, OutputFormat, format_for_suffix, format_names

if TYPE_CHECKING:
    from rehabgen.model.catalogue import Catalogue
    from rehabgen.model.programme import Programme
    from rehabgen.model.template import HandoutLayout, Template


class Layout(StrEnum):
    """Handout layouts."""

    sheets = "sheets"
    booklet = "booklet"


LAYOUT_HELP = (
    "sheets: a sheet per session and block of weeks, about 8 pages (the default); booklet: the sheets and "
    "every exercise card with its reasons and advice. Default: the template's choice, else sheets."
)


def chosen_layout(layout: Layout | None) -> HandoutLayout | None:
    """The ``--layout`` option as the handout options take it."""
    return None if layout is None else "booklet" if layout is Layout.booklet else "sheets"


class PageSize(StrEnum):
    """Paper sizes for the handout."""

    A4 = "A4"
    letter = "letter"


FORMAT_HELP = (
    "Output format: "
    + "; ".join(f"{f.name} ({f.help})" for f in FORMATS.values())
    + ". Default: from the suffix of -o, else md to standard output."
)


@app.command()
@guarded
def plan(
    profile_path: Annotated[Path, typer.Argument(metavar="PROFILE", help="The intake profile (YAML).", dir_okay=False)],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="The file to write (its folder must exist; its suffix names the format), or - for standard output.",
            dir_okay=False,
            allow_dash=True,
        ),
    ] = None,
    output_format: Annotated[
        str | None, typer.Option("--format", help=FORMAT_HELP, metavar="FORMAT", autocompletion=complete_format)
    ] = None,
    template: TemplateOpt = None,
    clinic: Annotated[
        Path | None,
        typer.Option(help="Clinic branding file (YAML): name, address, phone, logo, colour.", dir_okay=False),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Date printed on the handout (YYYY-MM-DD); default: the start date.")
    ] = None,
    page_size: Annotated[PageSize, typer.Option("--page-size", help="A4 or letter.")] = PageSize.A4,
    large_print: Annotated[bool, typer.Option("--large-print", help="Body text 14 pt or larger.")] = False,
    layout: Annotated[Layout | None, typer.Option("--layout", help=LAYOUT_HELP)] = None,
    from_week: Annotated[
        int | None,
        typer.Option(
            "--from-week",
            min=1,
            max=52,
            metavar="N",
            help="Reissue at a review: the profile's adjustments apply from week N and the handout starts there "
            "(same start date, week numbers and calendar; earlier weeks as first planned).",
        ),
    ] = None,
    catalogue_folders: CatalogueOpt = None,
    lang: LangOpt = None,
) -> None:
    """Triage a profile and write its programme as a PDF handout, a web page, JSON, Markdown or a calendar.

    Exit 0 when a programme or a referral was produced, 1 when the input is invalid.

    Example: rehabgen plan examples/profile.yaml -o handout.pdf

    At a review: rehabgen plan patient.yaml --from-week 5 -o handout.pdf
    """
    from rehabgen import api
    from rehabgen.errors import ProfileError
    from rehabgen.plan.planner import programme_language
    from rehabgen.render.handout import HandoutOptions

    with use_language(lang):  # the command line's errors in --lang: the profile's language is not known yet
        fmt = _chosen_format(output_format, output)
        template_file = Path(template) if template and Path(template).suffix in (".yaml", ".yml") else None
        inputs = (profile_path, clinic, template_file)
        what = _f("the {format} output", format=fmt.name)
        target = output_path(output, fmt.suffixes, what, inputs=inputs, binary=not fmt.is_text)
        options = HandoutOptions(page_size.value, large_print, printed_date(date), chosen_layout(layout))
        chosen = api.load_template(template, folders=template_dirs()) if template else None
        try:
            profile = api.read_profile(profile_path)
        except ProfileError as exc:
            if fmt.name == "json":
                print(json.dumps(exc.document(), indent=2, ensure_ascii=False))
            fail(str(exc))
    language = programme_language(profile, chosen, lang)
    catalogue, chosen = _in_language(language, catalogue_folders, chosen)
    branding = api.load_clinic(clinic) if clinic else None
    programme = api.build_programme(profile, catalogue, chosen, from_week=from_week, language=language)
    data = api.render_handout(
        programme, catalogue, fmt.name, template=chosen, clinic=branding, options=options, cache=cache() or False
    )
    warnings = api.render_warnings(programme, catalogue, fmt.name, template=chosen, clinic=branding)
    with use_language(language):  # what the user reads after the run, in the handout's language
        _warn(programme, warnings)
        write_output(target, data)
        _report(programme, target)


def _report(programme: Programme, target: Path | None) -> None:
    """The file written (standard output) and the run's outcome (standard error), in the current language."""
    if target is not None:
        print(str(target))
        err(f"{programme.status.value}: {_summary(programme)}")


def _warn(programme: Programme, render_warnings: list[str]) -> None:
    """The plan's warnings, the adjustments it refused and what the format cannot show, on standard error."""
    for warning in programme.warnings:
        err(_f("warning: {warning}", warning=warning.message))
    for refused in programme.adjustments.refused:
        text = f"{refused.item}: {refused.message} ({refused.code})"
        err(_f("warning: {warning}", warning=text))
    for message in render_warnings:
        err(_f("warning: {warning}", warning=message))


def _in_language(
    language: str, catalogue_folders: list[Path] | None, template: Template | None
) -> tuple[Catalogue, Template]:
    """The catalogue (bundled, the environment's and --catalogue folders) and template in the handout's language."""
    from rehabgen import api

    return api.in_language(
        language,
        load_catalogue(catalogue_folders),
        template,
        folders=catalogue_dirs(catalogue_folders),
        template_folders=template_dirs(),
        cache=cache() or False,
    )


def _chosen_format(name: str | None, output: Path | None) -> OutputFormat:
    """--format, else the format of -o's suffix, else Markdown (standard output)."""
    if name is not None:
        found = FORMATS.get(name.strip().lower())
        if found is None:
            fail(_f("--format: '{name}' is not allowed; use {allowed}", name=name, allowed=format_names()), 2)
        return found
    if output is None or str(output) == "-":
        return FORMATS["md"]
    found = format_for_suffix(output.suffix)
    if found is None:
        suffixes = [f.suffix for f in FORMATS.values()]
        allowed = ", ".join(suffixes[:-1]) + _(" or ") + suffixes[-1]
        message = _f(
            "-o {output}: cannot tell the format from '{suffix}'; use {allowed}, or --format",
            output=output,
            suffix=output.suffix,
            allowed=allowed,
        )
        fail(message, 2)
    return found


def _summary(programme: Programme) -> str:
    """One line for the terminal, in the current language."""
    if programme.weeks:
        weeks = len(programme.weeks)
        exercises = len(programme.exercise_ids())
        return (
            _f(ngettext("{weeks}-week programme", "{weeks}-week programme", weeks), weeks=weeks)
            + ", "
            + _f(ngettext("{count} exercise", "{count} exercises", exercises), count=exercises)
        )
    return _f("referral: {headline}", headline=programme.referral.headline if programme.referral else "")
