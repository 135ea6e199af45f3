"""Reading a clinic branding file; its logo is found relative to the file."""

from __future__ import annotations

from pathlib import Path

from rehabgen.errors import ClinicError, Problem
from rehabgen.io.problems import load_model
from rehabgen.model.clinic import Clinic


def load_clinic(path: Path, display: str | None = None) -> Clinic:
    """Read and validate a clinic file; the logo path is resolved against the file's folder and must exist."""
    name = display or str(path)
    clinic = load_model(path, Clinic, ClinicError, name)
    if clinic.logo is not None:
        logo = clinic.logo if clinic.logo.is_absolute() else (path.parent / clinic.logo)
        if not logo.is_file():
            raise ClinicError([Problem(f"logo file not found: {logo}", file=name, path=("logo",))])
        clinic = clinic.model_copy(update={"logo": logo.resolve()})
    return clinic
