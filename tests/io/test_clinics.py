"""Clinic files (io.clinics): the logo is checked when the file is read, so a bad one never reaches a page."""

from __future__ import annotations

import json
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rehabgen.batch import BatchOptions, run_batch
from rehabgen.batch import rows as batch_rows
from rehabgen.cli.app import app
from rehabgen.errors import ClinicError
from rehabgen.io.clinics import load_clinic
from rehabgen.model.clinic import Clinic
from tests.conftest import EXAMPLES

LOGO = EXAMPLES / "clinic-logo.png"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny file whose header claims a huge image: decoding it would need gigabytes."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + _chunk(b"IEND", b"")
    )


def _clinic(folder: Path, logo: str) -> Path:
    path = folder / "clinic.yaml"
    path.write_text(f"name: Riverside\nphone: '0123'\nlogo: {logo}\n")
    return path


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"hello, not a picture", "is not a PNG or JPEG image"),
        (
            LOGO.read_bytes()[: LOGO.stat().st_size // 2],
            "is not a readable PNG or JPEG image (image file is truncated)",
        ),
        (_png_claiming(30_000, 30_000), "has far more than the 16,777,216 pixels a logo may have"),
        (_png_claiming(5_000, 5_000), "is 5000 × 5000 pixels, more than the 16,777,216 a logo may have"),
    ],
)
def test_a_bad_logo_names_file_field_and_reason(tmp_path: Path, content: bytes, says: str) -> None:
    (tmp_path / "logo.png").write_bytes(content)
    with pytest.raises(ClinicError) as caught:
        load_clinic(_clinic(tmp_path, "logo.png"))
    problem = caught.value.problems[0]
    assert problem.path == ("logo",) and problem.file and problem.file.endswith("clinic.yaml")
    assert says in problem.message


def test_a_gif_is_refused_even_when_named_png(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (4, 4)).save(tmp_path / "logo.png", format="GIF")
    with pytest.raises(ClinicError, match="is a GIF image; the logo must be a PNG or JPEG"):
        load_clinic(_clinic(tmp_path, "logo.png"))


@pytest.mark.parametrize("where", ["../logo.png", "{abs}", "link.png"])
def test_a_logo_outside_the_clinic_files_folder_is_refused(tmp_path: Path, where: str) -> None:
    folder = tmp_path / "clinic"
    folder.mkdir()
    shutil.copy(LOGO, tmp_path / "logo.png")
    (folder / "link.png").symlink_to(tmp_path / "logo.png")
    with pytest.raises(ClinicError, match="lies outside the clinic file's folder"):
        load_clinic(_clinic(folder, where.replace("{abs}", str(tmp_path / "logo.png"))))


def test_a_logo_in_a_subfolder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    shutil.copy(LOGO, tmp_path / "images" / "logo.png")
    clinic = load_clinic(_clinic(tmp_path, "images/logo.png"))
    assert clinic.logo == (tmp_path / "images" / "logo.png").resolve()


def test_plan_and_batch_stop_before_writing_anything(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"not an image")
    clinic = _clinic(tmp_path, "logo.png")
    runner = CliRunner()
    result = runner.invoke(
        app, ["plan", str(EXAMPLES / "profile.yaml"), "-o", str(tmp_path / "x.pdf"), "--clinic", str(clinic)]
    )
    assert result.exit_code == 1 and "clinic.yaml: logo:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()
    result = runner.invoke(
        app, ["batch", str(EXAMPLES / "roster.csv"), "--out", str(tmp_path / "out"), "--clinic", str(clinic)]
    )
    assert result.exit_code == 1 and "clinic.yaml: logo:" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_broken_logo_given_in_code_fails_each_row_truthfully(tmp_path: Path) -> None:
    """A Clinic built in code skips load_clinic's checks: every row fails, and the manifest says so."""
    (tmp_path / "logo.png").write_bytes(b"not an image")
    clinic = Clinic(name="Riverside", logo=tmp_path / "logo.png")
    result = run_batch(EXAMPLES / "roster.csv", BatchOptions(out=tmp_path / "out", clinic=clinic))
    assert result.failed == len(result.entries) > 0
    assert all("logo" in str(e.errors[0]["path"]) for e in result.entries)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["summary"].endswith(f"{len(result.entries)} rows with errors")


def test_a_bug_in_one_row_is_that_rows_internal_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = batch_rows.api.build_programme

    def flaky(profile, catalogue, template=None, *, language=None):  # type: ignore[no-untyped-def]
        if profile.patient and profile.patient.id == "P-0102":
            raise ZeroDivisionError("boom")
        return real(profile, catalogue, template, language=language)

    monkeypatch.setattr(batch_rows.api, "build_programme", flaky)
    result = run_batch(EXAMPLES / "roster.csv", BatchOptions(out=tmp_path / "out", formats=("json",)))
    assert [e.status for e in result.entries].count("INTERNAL_ERROR") == 1 and result.internal == 1
    assert "ZeroDivisionError: boom" in str(result.entries[1].errors[0]["message"])
    assert sum(bool(e.outputs) for e in result.entries) == len(result.entries) - 1
