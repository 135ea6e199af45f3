"""Clinic branding for the handout header: name, address, phone, an optional logo and accent colour."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Self

from pydantic import AfterValidator, Field, model_validator

from rehabgen.model.base import StrictModel
from rehabgen.model.text import single_line

Text = Annotated[str, Field(min_length=1, max_length=120), AfterValidator(single_line)]


class Clinic(StrictModel):
    """A clinic file (``--clinic clinic.yaml``)."""

    name: Text
    """The clinic's name, printed large at the top of page 1."""
    address: Annotated[str, Field(max_length=300)] | None = None
    """Postal address; line breaks are kept."""
    phone: Text | None = None
    email: Text | None = None
    website: Text | None = None
    logo: Path | None = None
    """A PNG or JPEG image, relative to the clinic file."""
    accent_colour: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")] | None = None
    """Hex colour for headings and bands, e.g. "#1f6f8b"."""
    clinician: Text | None = None
    """Default clinician name, used when the profile names none."""
    footer_note: Annotated[str, Field(max_length=200), AfterValidator(single_line)] | None = None
    """A short line printed above the page footer, e.g. opening hours."""

    @model_validator(mode="after")
    def _logo_kind(self) -> Self:
        if self.logo is not None and self.logo.suffix.lower() not in (".png", ".jpg", ".jpeg"):
            raise ValueError(f"logo '{self.logo}' must be a .png or .jpg image")
        return self
