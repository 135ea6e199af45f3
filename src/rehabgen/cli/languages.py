"""``rehabgen languages``: the languages a handout can be printed in, and how complete each one is."""

from __future__ import annotations

from rehabgen.cli.app import CatalogueOpt, app, cache, catalogue_dirs, guarded, load_catalogue, table, template_dirs


@app.command()
@guarded
def languages(catalogue_folders: CatalogueOpt = None) -> None:
    """List the languages and how much of each is translated: messages, exercises and templates.

    A language is ready (and `--lang` takes it) when all three are complete; README, "Adding a language",
    says how to start one.

    Example: rehabgen languages
    """
    from rehabgen.io.languages import language_statuses

    english = load_catalogue(catalogue_folders)
    statuses = language_statuses(english, catalogue_dirs(catalogue_folders), template_dirs(), cache=cache())
    rows = []
    for status in statuses:
        messages = status.messages
        shown = f"{messages.translated}/{messages.total} ({messages.percent}%)"
        if messages.fuzzy:
            shown += f", {messages.fuzzy} to check"
        problems = f"{status.problems} problem(s): rehabgen validate" if status.problems else "-"
        ready = "yes" if status.is_complete else "no"
        rows.append((status.code, status.name, shown, str(status.exercises), str(status.templates), problems, ready))
    table(("language", "name", "messages", "exercises", "templates", "problems", "ready"), rows)
