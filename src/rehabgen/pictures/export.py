"""Exporting an exercise's picture as a file: SVG (vector) or PNG.

reportlab's renderPM needs a compiled cairo binding that pip cannot install without system headers, so PNGs
are drawn with Pillow (a reportlab dependency) from the same shapes, at 4× and scaled down for smooth edges.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect
from reportlab.lib.colors import Color

from rehabgen.errors import OutputError
from rehabgen.model.exercise import Exercise
from rehabgen.model.pose import FRAME_H, FRAME_W
from rehabgen.pictures.draw import draw_scene
from rehabgen.pictures.scene import scene_of


def export_illustration(exercise: Exercise, path: Path, *, width: float = 320.0) -> None:
    """Write the exercise's picture to ``path``: ``.svg`` (vector) or ``.png`` (at 2× for a sharp screen).

    Raises:
        OutputError: the suffix is neither .png nor .svg, or the file cannot be written.
    """
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise OutputError(f"{path}: an illustration is written as .png or .svg, not '{path.suffix or 'no suffix'}'")
    drawing = draw_scene(scene_of(exercise.pose), width, width * FRAME_H / FRAME_W, background=True)
    try:
        if suffix == ".svg":
            renderSVG.drawToFile(drawing, str(path))
        else:
            rasterise(drawing, scale=2.0).save(path, format="PNG")
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from None


_SUPER = 4
Affine = tuple[float, float, float, float, float, float]


def rasterise(drawing: Drawing, *, scale: float = 1.0) -> Image.Image:
    """The drawing as an RGB image, ``scale`` pixels per point, on white."""
    k = scale * _SUPER
    size = (max(1, math.ceil(drawing.width * k)), max(1, math.ceil(drawing.height * k)))
    image = Image.new("RGB", size, "white")
    pen = ImageDraw.Draw(image)
    _paint(pen, drawing, (k, 0.0, 0.0, -k, 0.0, float(size[1])))
    return image.resize((max(1, round(size[0] / _SUPER)), max(1, round(size[1] / _SUPER))), Image.Resampling.LANCZOS)


def _compose(m: Affine, n: Affine) -> Affine:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + c * b2,
        b * a2 + d * b2,
        a * c2 + c * d2,
        b * c2 + d * d2,
        a * e2 + c * f2 + e,
        b * e2 + d * f2 + f,
    )


def _rgb(color: Color | None) -> tuple[int, int, int] | None:
    if color is None:
        return None
    return (round(color.red * 255), round(color.green * 255), round(color.blue * 255))


def _paint(pen: ImageDraw.ImageDraw, node: Group | Drawing, m: Affine) -> None:
    for child in node.contents:
        if isinstance(child, Group):
            _paint(pen, child, _compose(m, tuple(child.transform)))
            continue
        unit = math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))

        def at(x: float, y: float) -> tuple[float, float]:
            return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])

        stroke, fill = _rgb(getattr(child, "strokeColor", None)), _rgb(getattr(child, "fillColor", None))
        width = getattr(child, "strokeWidth", 0) * unit if stroke else 0.0
        if isinstance(child, Line | PolyLine):
            coords = [child.x1, child.y1, child.x2, child.y2] if isinstance(child, Line) else list(child.points)
            points = [at(coords[i], coords[i + 1]) for i in range(0, len(coords), 2)]
            if stroke and width:
                pen.line(points, fill=stroke, width=max(1, round(width)), joint="curve")
                if getattr(child, "strokeLineCap", 0) == 1:
                    for x, y in (points[0], points[-1]):
                        r = width / 2
                        pen.ellipse((x - r, y - r, x + r, y + r), fill=stroke)
        elif isinstance(child, Circle):
            x, y = at(child.cx, child.cy)
            r = child.r * unit
            pen.ellipse((x - r, y - r, x + r, y + r), fill=fill, outline=stroke, width=round(width))
        elif isinstance(child, Polygon):
            pts = list(child.points)
            poly = [at(pts[i], pts[i + 1]) for i in range(0, len(pts), 2)]
            pen.polygon(poly, fill=fill, outline=stroke, width=max(1, round(width)) if stroke else 0)
        elif isinstance(child, Rect):
            (x0, y0), (x1, y1) = at(child.x, child.y), at(child.x + child.width, child.y + child.height)
            box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
            radius = round((child.rx or 0) * unit)
            pen.rounded_rectangle(box, radius=radius, fill=fill, outline=stroke, width=round(width))
