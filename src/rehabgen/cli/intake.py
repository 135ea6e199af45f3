"""``rehabgen intake``: the intake questionnaire asked in a terminal, saved as a profile, then the handout.

It asks line by line with prompt_toolkit (line editing and history on every platform; plain numbered answers
that screen readers read well). The asking itself is ``rehabgen.intake.session``, which the web app shares:
each answer is checked at once by the profile's own rules and asked again with the reason, and the first
answer that is an emergency ends the intake with the emergency advice and the numbers to call, saving nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rehabgen.cli.app import app, fail, guarded, output_path
from rehabgen.cli.questions import ForOpt, Reader, RegionOpt, region_option

if TYPE_CHECKING:
    from prompt_toolkit import PromptSession

    from rehabgen.intake.session import Emergency, Intake
    from rehabgen.model.questionnaire import Question

NOT_A_TERMINAL = (
    "rehabgen intake asks its questions in a terminal, and standard input is not one.\n"
    "Run it in a terminal window: rehabgen intake -o profile.yaml\n"
    "Or print the questions: rehabgen questions -o intake-form.pdf (a paper form), or --format json for software."
)


@app.command()
@guarded
def intake(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The profile file to write (.yaml); asked at the end when not given."),
    ] = None,
    reader: ForOpt = Reader.runner,
    region: RegionOpt = None,
) -> None:
    """Answer the intake questions in the terminal and save them as a profile, then print the handout.

    Each answer is checked as it is given. An answer that needs emergency help stops the questions at once
    with what to do and the numbers to call; nothing is saved. An existing file is never replaced without
    asking. Needs a terminal (exit 2 without one).

    Example: rehabgen intake -o profile.yaml --region GB
    """
    if not sys.stdin.isatty():
        fail(NOT_A_TERMINAL, 2)
    if output is not None:
        output_path(output, (".yaml", ".yml"), "the profile", binary=True)
    from prompt_toolkit import PromptSession

    from rehabgen.intake.session import Intake

    chosen = region_option(region)
    session: PromptSession[str] = PromptSession()
    answers = Intake(reader.value, preset={"region": chosen.value} if chosen else {})
    for line in _welcome(answers).splitlines():
        _say(line)
    try:
        emergency = _ask_all(session, answers)
        if emergency is not None:
            _show_emergency(emergency)
            return
        _finish(session, answers, output)
    except (KeyboardInterrupt, EOFError):
        fail("\nStopped: answers not yet saved were not kept.", 130)


def _welcome(answers: Intake) -> str:
    total = len([q for q in answers.questions() if not q.show_if])
    who = "you" if answers.audience == "runner" else "the runner"
    return (
        f"About {total} questions about {who} and the back pain; the warning signs come first.\n"
        "Type your answer and press Enter. Type 'back' to change the last answer. "
        "Press Ctrl-C to stop: nothing is saved until the end."
    )


def _ask_all(session: PromptSession[str], answers: Intake) -> Emergency | None:
    """Ask until every question is answered, or an answer is an emergency."""
    group = None
    while (question := answers.next_question()) is not None:
        if question.group != group:
            group = question.group
            _show_group(answers, question)
        _show_question(answers, question)
        while True:
            text = session.prompt("> ")
            if text.strip().lower() == "back":
                previous = answers.back()
                print("(going back)" if previous else "(this is the first question)")
                group = None
                break
            outcome = answers.answer_text(question.id, text)
            if outcome.emergency is not None:
                return outcome.emergency
            if outcome.accepted:
                break
            print(f"That answer cannot be used: {outcome.reason}. Please answer again.")
    return None


def _show_group(answers: Intake, question: Question) -> None:
    group = answers.questionnaire.group(question.group)
    _say(f"\n== {group.title.for_(answers.audience)} ==")
    if group.intro:
        _say(group.intro.for_(answers.audience))


def _show_question(answers: Intake, question: Question) -> None:
    from rehabgen.intake.text import how_to_answer

    audience = answers.audience
    _say(f"\n{answers.number(question)}. {question.ask.for_(audience)}")
    if question.help:
        _say(question.help.for_(audience), indent=3)
    choices = question.offered(audience)
    if question.answer == "yes_no":
        print("   Type y for yes or n for no.")
    elif choices:
        for number, choice in enumerate(choices, 1):
            _say(f"{number:>2}  {choice.label.for_(audience)}", indent=3, hang=4)
        many = "the numbers of all that fit, separated by spaces" if question.answer == "choices" else "one number"
        print(f"   Type {many}.")
    else:
        print(f"   {how_to_answer(question)}.")
    if question.blank:
        _say(f"Or press Enter for: {question.blank.for_(audience)}.", indent=3)


def _say(text: str, *, indent: int = 0, hang: int = 0) -> None:
    """Print text wrapped to the terminal's width (at most 100 columns), indented."""
    import shutil
    import textwrap

    width = min(shutil.get_terminal_size().columns, 100)
    lead = "\n" if text.startswith("\n") else ""
    lines = textwrap.wrap(
        text.lstrip("\n"), width=width, initial_indent=" " * indent, subsequent_indent=" " * (indent + hang)
    )
    print(lead + "\n".join(lines))


def _show_emergency(emergency: Emergency) -> None:
    from rehabgen.intake.session import all_regions

    _say(f"\nSTOP. {emergency.headline}")
    _say(emergency.action)
    _say("\nWhat in your answers led to this:")
    for reason in emergency.reasons:
        _say(f"- {reason}", indent=2, hang=2)
    for why in emergency.why:
        _say(f"\n{why}")
    if not emergency.region_known:
        print("\nThe number to call where you are:")
        for place, what in all_regions():
            print(f"  {place}: {what}")
    print("\nNothing was saved and no exercise plan was made.")


def _finish(session: PromptSession[str], answers: Intake, output: Path | None) -> None:
    """Save the profile (never replacing a file without asking) and offer to print the handout."""
    from rehabgen.clinical.triage import triage
    from rehabgen.intake.profile_yaml import profile_yaml
    from rehabgen.words.labels import STATUS_LABELS

    profile = answers.profile()
    print(f"\nAll done. Outcome: {STATUS_LABELS[triage(profile).status]}.")
    path = _save(
        session,
        output,
        "profile.yaml",
        (".yaml", ".yml"),
        "Save the answers as",
        lambda p: profile_yaml(
            answers.data(),
            [
                f"Answers to the rehabgen intake questionnaire (version {answers.questionnaire.version}), "
                f"given by the {answers.audience}.",
                f"Check them, then make the handout: rehabgen plan {p.name} -o handout.pdf",
            ],
        ),
    )
    if _yes(session, "Make the handout now? [Y/n] ", default=True):
        default = str(path.with_name("handout.pdf"))
        _save(session, None, default, (".pdf", ".html"), "Save the handout as", lambda p: _handout(path, p))


def _save(
    session: PromptSession[str],
    given: Path | None,
    default: str,
    suffixes: tuple[str, ...],
    question: str,
    contents: Callable[[Path], bytes | str],
) -> Path:
    """Write a file, asking for its name unless given; an existing file is replaced only when the person agrees."""
    from rehabgen.errors import UsageError
    from rehabgen.io.files import write_atomic

    path = given
    while True:
        if path is None:
            path = Path(session.prompt(f"{question} [{default}]: ").strip() or default)
        try:
            output_path(path, suffixes, "this file", binary=True)
            replace = path.exists() or path.is_symlink()
            if replace and not _yes(session, f"{path} already exists. Replace it? [y/N] ", default=False):
                path = None
                continue
            write_atomic(path, contents(path), overwrite=replace)
        except UsageError as exc:
            print(exc.problems[0].message)
        except FileExistsError:
            print(f"{path} appeared meanwhile and was left alone.")
        except OSError as exc:
            print(f"{path} cannot be written ({exc.strerror or exc}).")
        else:
            print(f"Saved {path}")
            return path
        path = None


def _yes(session: PromptSession[str], prompt: str, *, default: bool) -> bool:
    while True:
        text = session.prompt(prompt).strip().lower()
        if not text:
            return default
        if text in ("y", "yes", "n", "no"):
            return text.startswith("y")
        print("Please type y or n.")


def _handout(profile_path: Path, target: Path) -> bytes:
    from rehabgen import api
    from rehabgen.cli.app import cache, load_catalogue
    from rehabgen.render.registry import format_for_suffix

    fmt = format_for_suffix(target.suffix)
    assert fmt is not None
    profile = api.read_profile(profile_path)
    catalogue = load_catalogue(None)
    programme = api.build_programme(profile, catalogue)
    return api.render_handout(programme, catalogue, fmt.name, cache=cache() or False)
