"""Reading an intake profile from a YAML file or from already-parsed data (a roster row, a web form)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rehabgen.errors import ProfileError
from rehabgen.io.problems import load_model, validate
from rehabgen.model.profile import Profile


def load_profile(path: Path, display: str | None = None) -> Profile:
    """Read and validate a profile file; raise ProfileError listing every bad field."""
    return load_model(path, Profile, ProfileError, display)


def profile_from_data(data: Any, *, file: str | None = None, text: str | None = None) -> Profile:
    """Validate already-parsed profile data (a YAML mapping, a roster row, a JSON body)."""
    if not isinstance(data, dict):
        raise ProfileError.single("a profile must be a mapping of fields (key: value)", file=file)
    profile, problems = validate(Profile, data, file=file, text=text)
    if problems or profile is None:
        raise ProfileError(problems)
    return profile
