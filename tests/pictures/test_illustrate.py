"""Illustrations and the contact sheet: every pose draws inside its box, exports, and prints (issue 5)."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing, Group, Shape
from reportlab.lib.colors import Color
from typer.testing import CliRunner

from rehabgen.cli.app import app
from rehabgen.errors import OutputError
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import Exercise
from rehabgen.pictures.draw import draw_scene, illustration
from rehabgen.pictures.export import export_illustration
from rehabgen.pictures.scene import scene_of
from rehabgen.render.pdf.pictures import Picture
from rehabgen.render.sheet import COLUMNS, ROWS, render_sheet
from tests.conftest import EXAMPLES

CARD = (160.0, 95.0)


def posed(catalogue: Catalogue) -> list[Exercise]:
    return [ex for ex in catalogue if ex.pose is not None]


def shapes(node: Drawing | Group) -> list[Shape]:
    found: list[Shape] = []
    for child in node.contents:
        found += shapes(child) if isinstance(child, Group) else [child]
    return found


def test_every_pose_draws_inside_its_box(catalogue: Catalogue) -> None:
    for ex in posed(catalogue):
        drawing = illustration(ex, *CARD)
        assert (drawing.width, drawing.height) == CARD
        x0, y0, x1, y1 = drawing.getBounds()
        assert x0 >= -0.01 and y0 >= -0.01 and x1 <= CARD[0] + 0.01 and y1 <= CARD[1] + 0.01, (ex.id, (x0, y0, x1, y1))


def test_drawings_are_greyscale_without_hairlines(catalogue: Catalogue) -> None:
    for ex in posed(catalogue):
        for shape in shapes(draw_scene(scene_of(ex.pose), *CARD)):  # type: ignore[union-attr]
            for name in ("strokeColor", "fillColor"):
                color = getattr(shape, name, None)
                if isinstance(color, Color):
                    assert color.red == color.green == color.blue, (ex.id, name, color)
            if getattr(shape, "strokeColor", None) is not None and getattr(shape, "strokeWidth", 0):
                assert shape.strokeWidth >= 0.5, (ex.id, type(shape).__name__, shape.strokeWidth)


def test_drawings_are_cached_per_pose_and_size(catalogue: Catalogue) -> None:
    ex = posed(catalogue)[0]
    assert illustration(ex, *CARD) is illustration(ex, *CARD)
    assert illustration(ex, 320, 190) is not illustration(ex, *CARD)
    same = ex.model_copy(update={"pose": ex.pose.model_copy()})
    assert illustration(same, *CARD) is illustration(ex, *CARD)  # keyed by the pose's content
    moved = ex.model_copy(update={"pose": ex.pose.model_copy(update={"tilt": ex.pose.tilt + 5})})
    assert illustration(moved, *CARD) is not illustration(ex, *CARD)


def test_every_exercise_has_a_pose(catalogue: Catalogue) -> None:
    assert posed(catalogue) == list(catalogue)


def test_handout_cards_carry_their_drawings(catalogue: Catalogue) -> None:
    from rehabgen.io.profiles import load_profile
    from rehabgen.plan.planner import build_programme
    from rehabgen.render.handout import Handout, HandoutOptions
    from rehabgen.render.pdf.cards import Card
    from rehabgen.render.pdf.document import handout_story

    programme = build_programme(load_profile(EXAMPLES / "profile.yaml"), catalogue)
    story, _ = handout_story(Handout(programme, catalogue, options=HandoutOptions(layout="booklet")))
    cards = [f for f in story if isinstance(f, Card)]
    assert len(cards) == len(programme.exercise_ids())
    for card in cards:
        pictures = [f for _, first, second, _ in card.blocks for f in (*first, *second) if isinstance(f, Picture)]
        assert len(pictures) == 1


def test_drawing_is_deterministic(catalogue: Catalogue, tmp_path: Path) -> None:
    ex = catalogue["bird_dog"]
    export_illustration(ex, tmp_path / "a.svg")
    export_illustration(ex, tmp_path / "b.svg")
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_export_png_and_svg(catalogue: Catalogue, tmp_path: Path) -> None:
    from PIL import Image

    ex = catalogue["side_plank"]
    export_illustration(ex, tmp_path / "x.png")
    export_illustration(ex, tmp_path / "x.svg")
    image = Image.open(tmp_path / "x.png")
    assert image.format == "PNG" and image.size[0] == 640
    # Greyscale (every pixel has equal channels), and the figure is really there (dark pixels).
    red, green, blue = image.convert("RGB").split()
    assert red.tobytes() == green.tobytes() == blue.tobytes()
    assert sum(1 for value in red.tobytes() if value < 100) > 1000
    svg = (tmp_path / "x.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg


@pytest.mark.parametrize("name", ["x.pdf", "x.jpeg", "x"])
def test_export_refuses_other_formats(catalogue: Catalogue, tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputError, match=r"\.png or \.svg"):
        export_illustration(catalogue["bird_dog"], tmp_path / name)
    assert not (tmp_path / name).exists()


def test_contact_sheet_shows_every_posed_exercise(catalogue: Catalogue) -> None:
    data = render_sheet(catalogue)
    reader = PdfReader(io.BytesIO(data))
    exercises = posed(catalogue)
    assert len(reader.pages) == math.ceil(len(exercises) / (COLUMNS * ROWS))
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    for ex in exercises:
        assert ex.id in flat, ex.id
        assert " ".join(ex.name.split()[:2]) in flat, ex.name
    assert f"page {len(reader.pages)} of {len(reader.pages)}" in flat
    assert data == render_sheet(catalogue)


def test_cli_exports_an_image_and_a_sheet(tmp_path: Path) -> None:
    runner = CliRunner()
    image = tmp_path / "dead_bug.png"
    result = runner.invoke(app, ["catalogue", "show", "dead_bug", "--image", str(image)])
    assert result.exit_code == 0, result.stderr
    assert image.read_bytes().startswith(b"\x89PNG")
    sheet = tmp_path / "sheet.pdf"
    result = runner.invoke(app, ["catalogue", "sheet", "-o", str(sheet)])
    assert result.exit_code == 0, result.stderr
    assert sheet.read_bytes().startswith(b"%PDF")
    bad = runner.invoke(app, ["catalogue", "show", "dead_bug", "--image", str(tmp_path / "x.gif")])
    assert bad.exit_code == 2 and ".png or .svg" in bad.stderr  # the output rule: a usage error
