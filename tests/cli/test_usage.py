"""Exit codes are a contract: a bad option value is a usage error (2) everywhere, a bad input file is 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from rehabgen.batch import BatchOptions, check_pattern, run_batch
from rehabgen.cli.app import app
from rehabgen.errors import TemplateError, UsageError
from rehabgen.io.templates import find_template
from tests.conftest import EXAMPLES, FIXTURES

runner = CliRunner()
PROFILE = str(EXAMPLES / "profile.yaml")
ROSTER = str(EXAMPLES / "roster.csv")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("plan", PROFILE, "--format", "md", "--date", "garbage"), "--date: 'garbage' is not a date"),
        (("plan", PROFILE, "--format", "md", "--template", "nosuch"), "no template named 'nosuch'"),
        (("plan", PROFILE, "--format", "md", "--page-size", "A5"), "A5"),
        (("plan", PROFILE, "--format", "docx"), "--format: 'docx' is not allowed"),
        (("catalogue", "list", "--cause", "nosuch"), "--cause: 'nosuch' is not allowed"),
        (("catalogue", "show", "bird_dawg"), "did you mean 'bird_dog'?"),
        (("templates", "show", "nosuch"), "no template named 'nosuch'"),
        (("batch", ROSTER, "--out", "{out}", "--date", "garbage"), "--date: 'garbage' is not a date"),
        (("batch", ROSTER, "--out", "{out}", "--template", "nosuch"), "no template named 'nosuch'"),
        (("batch", ROSTER, "--out", "{out}", "--name-pattern", "{name:%}"), "bad name pattern '{name:%}'"),
        (("batch", ROSTER, "--out", "{out}", "--name-pattern", "{surname}"), "unknown field {surname}"),
        (("batch", ROSTER, "--out", "{out}", "--page-size", "A5"), "A5"),
        (("batch", ROSTER, "--out", "{out}", "--format", "docx"), "--format: 'docx' is not allowed"),
    ],
)
def test_bad_option_values_are_usage_errors_and_write_nothing(tmp_path: Path, args: tuple[str, ...], says: str) -> None:
    out = tmp_path / "out"
    code, stdout, err = run(*(a.replace("{out}", str(out)) for a in args))
    assert code == 2, err
    assert says in err and "Traceback" not in err and "internal error" not in err
    assert stdout == ""
    assert not out.exists()


@pytest.mark.parametrize(
    "args",
    [
        ("plan", "{tmp}/nope.yaml", "--format", "md"),
        ("plan", str(FIXTURES / "profiles" / "many_errors.yaml"), "--format", "md"),
        ("plan", PROFILE, "--format", "md", "--clinic", "{tmp}/nope.yaml"),
        ("plan", PROFILE, "--format", "md", "--template", "{tmp}/nope.yaml"),
        ("catalogue", "list", "--catalogue", str(FIXTURES / "catalogue" / "yaml_syntax")),
        ("batch", "{tmp}/nope.csv", "--out", "{tmp}/out"),
    ],
)
def test_bad_input_files_exit_1(tmp_path: Path, args: tuple[str, ...]) -> None:
    code, _, err = run(*(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert code == 1, err
    assert "Traceback" not in err and "internal error" not in err


@pytest.mark.parametrize("pattern", ["{name:%}", "{surname}", "plain", "{name", "{name[0]}", "{name:>999999999}"])
def test_bad_name_patterns_are_refused_before_anything_is_written(tmp_path: Path, pattern: str) -> None:
    with pytest.raises(UsageError, match="--name-pattern"):
        check_pattern(pattern)
    with pytest.raises(UsageError):
        run_batch(EXAMPLES / "roster.csv", BatchOptions(out=tmp_path / "out", name_pattern=pattern))
    assert not (tmp_path / "out").exists()


def test_an_unknown_template_name_is_still_a_template_error_for_the_library() -> None:
    with pytest.raises(TemplateError) as caught:
        find_template("nosuch")
    assert isinstance(caught.value, UsageError)
