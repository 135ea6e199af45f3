"""Shared fixtures: the bundled catalogue (loaded once), profile builders and paths."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

from rehabgen.io.cache import Cache
from rehabgen.io.catalogue import load_catalogue
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.profile import Profile

# Keep the tests' cache out of the user's home (and start every run cold): the CLI reads the variable, the
# library tests pass TEST_CACHE. The run that makes the folder removes it when it ends.
if "REHABGEN_CACHE_DIR" not in os.environ:
    os.environ["REHABGEN_CACHE_DIR"] = tempfile.mkdtemp(prefix="rehabgen-test-cache-")
    atexit.register(shutil.rmtree, os.environ["REHABGEN_CACHE_DIR"], ignore_errors=True)
TEST_CACHE = Cache(Path(os.environ["REHABGEN_CACHE_DIR"]))

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue(cache=TEST_CACHE)


BASE_PROFILE: dict[str, Any] = {
    "age": 34,
    "weekly_running_km": 30,
    "pain_nprs": 3,
    "symptom_duration_weeks": 3,
}


def make_profile(**changes: Any) -> Profile:
    """A valid profile with the given fields changed (nested dicts replace whole sub-models)."""
    return Profile.model_validate({**BASE_PROFILE, **changes})


# Hypothesis: the default profile runs 1000 generated profiles (CI proves the properties at scale);
# HYPOTHESIS_PROFILE=dev runs 100 for a quick local loop.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "ci", max_examples=1000, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden text files of the handout tests from the current output.",
    )
    parser.addoption(
        "--screenshots",
        default=None,
        metavar="DIR",
        help="Keep the browser tests' screenshots in DIR (the README's come from there).",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
