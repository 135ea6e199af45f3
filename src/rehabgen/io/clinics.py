"""Reading a clinic branding file; its logo is found relative to the file and checked before anything prints.

The logo must lie in the clinic file's folder (or below it), be an ordinary PNG or JPEG file of at most
``MAX_LOGO_BYTES``, at most ``MAX_LOGO_PIXELS`` in area (a "decompression bomb" is refused before it is
decoded) and decode completely (a truncated file is refused). Every refusal names the file, the ``logo``
field and the reason, so a batch fails before its first row rather than on every row.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from rehabgen.errors import ClinicError, InputError, Problem
from rehabgen.io.limits import MAX_LOGO_BYTES, MAX_LOGO_PIXELS, MIB
from rehabgen.io.problems import load_model
from rehabgen.io.reader import open_regular
from rehabgen.model.clinic import Clinic


def load_clinic(path: Path, display: str | None = None) -> Clinic:
    """Read and validate a clinic file; the logo is resolved against the file's folder and checked."""
    name = display or str(path)
    clinic = load_model(path, Clinic, ClinicError, name)
    if clinic.logo is not None:
        logo = _logo_path(path, clinic.logo, name)
        _check_logo(logo, name)
        clinic = clinic.model_copy(update={"logo": logo})
    return clinic


def _problem(message: str, name: str) -> ClinicError:
    return ClinicError([Problem(message, file=name, path=("logo",))])


def _logo_path(clinic_file: Path, logo: Path, name: str) -> Path:
    folder = clinic_file.resolve().parent
    found = (folder / logo).resolve()
    if not found.is_relative_to(folder):
        raise _problem(f"'{logo}' lies outside the clinic file's folder ({folder}); put the logo beside it", name)
    if not found.is_file():
        raise _problem(f"logo file not found: {found}", name)
    return found


def _check_logo(logo: Path, name: str) -> None:
    """Refuse a logo that is not a complete PNG or JPEG image of a sensible size."""
    from PIL import Image, UnidentifiedImageError  # only clinic files with a logo pay for importing Pillow

    try:
        with open_regular(logo) as handle:
            data = handle.read(MAX_LOGO_BYTES + 1)
    except InputError as exc:
        raise _problem(f"{logo}: {exc.problems[0].message}", name) from None
    if len(data) > MAX_LOGO_BYTES:
        raise _problem(f"{logo} is larger than {MAX_LOGO_BYTES / MIB:g} MB; use a smaller PNG or JPEG", name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if image.format not in ("PNG", "JPEG"):
                raise _problem(f"{logo} is a {image.format} image; the logo must be a PNG or JPEG", name)
            if width * height > MAX_LOGO_PIXELS:
                raise _problem(
                    f"{logo} is {width} × {height} pixels, more than the {MAX_LOGO_PIXELS:,} a logo may have", name
                )
            image.load()  # decodes every pixel: a truncated or corrupt file fails here
    except ClinicError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _problem(f"{logo} has far more than the {MAX_LOGO_PIXELS:,} pixels a logo may have", name) from None
    except UnidentifiedImageError:
        raise _problem(f"{logo} is not a PNG or JPEG image (its content is not a picture)", name) from None
    except Exception as exc:  # Pillow raises many kinds for a broken file
        raise _problem(f"{logo} is not a readable PNG or JPEG image ({exc})", name) from None
