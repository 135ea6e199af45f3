"""``rehabgen templates list|show``: the programme templates."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from rehabgen.cli.app import guarded, table, template_dirs, templates_app


@templates_app.command("list")
@guarded
def templates_list() -> None:
    """List the programme templates.

    Example: rehabgen templates list
    """
    from rehabgen.io.templates import list_templates, load_template

    rows = []
    for name, path in sorted(list_templates(template_dirs()).items()):
        template = load_template(path)
        rows.append((name, template.title, str(template.default_weeks or "-")))
    table(("name", "title", "weeks"), rows)


@templates_app.command("show")
@guarded
def templates_show(name: Annotated[str, typer.Argument(help="Template name or YAML file.")]) -> None:
    """Show one template: who it is for and how it shapes the plan.

    Example: rehabgen templates show mcgill_core
    """
    from rehabgen.io.templates import find_template

    template = find_template(name, template_dirs())
    print(f"{template.title}  ({template.id})\n")
    print(template.description.strip() + "\n")
    print(
        f"Default length: {template.default_weeks or 'from the profile'} weeks; "
        f"sessions a week: {template.default_sessions_per_week or 'from the profile'}"
    )
    phases = template.phases
    print(
        f"Phases: protect {phases.protect if phases.protect is not None else 'auto'}, "
        f"restore {phases.restore if phases.restore is not None else 'auto'}, "
        f"strengthen before running {phases.strengthen_before_running or 'auto'}"
    )
    if template.emphasis.categories or template.emphasis.muscles or template.emphasis.families:
        emphasis = template.emphasis
        groups: list[dict[Any, float]] = [emphasis.categories, emphasis.muscles, emphasis.families]
        weights = {str(k): v for group in groups for k, v in group.items()}
        print("Emphasis: " + ", ".join(f"{k} ×{v:g}" for k, v in weights.items()))
    if template.pin:
        print("Pinned: " + ", ".join(template.pin))
    if template.ban:
        print("Banned: " + ", ".join(template.ban))
    print(f"Running: {'planned when safe' if template.include_running else 'not included'}")
    for section in template.advice:
        print(f"Advice: {section.title}")
