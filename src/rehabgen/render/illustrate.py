"""Exercise illustrations: a pose's computed scene drawn as a reportlab Drawing, and exported to PNG or SVG.

One calm style for every exercise, legible at card size (about 160 × 95 pt) and in greyscale print: limbs
are thick round-capped strokes with a thin white outline, so a limb in front stays readable across one
behind; the near side is dark, the far side mid grey; the end position is lighter (a ghost behind the start,
or the second frame of a pair); the arrow is black. Nothing depends on the clock or on chance, so the same
pose always gives the same drawing; drawings are cached per exercise and size because the handout reuses
them.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import math
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.graphics import renderPDF, renderSVG
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, Shape
from reportlab.lib.colors import Color, white
from reportlab.platypus import Flowable

from rehabgen.errors import OutputError
from rehabgen.exercise import Exercise
from rehabgen.figure import Figure, Limb, PropShape, Scene
from rehabgen.fsutil import write_atomic
from rehabgen.loader import cache_dir
from rehabgen.pose import FLOOR_Y, FRAME_H, FRAME_W, GUTTER, PAIR_W, XY, PropKind, Show


def _grey(level: float) -> Color:
    return Color(level, level, level)


HALO = 1.1
"""White outline round every limb, in figure units."""


class Shade:
    """The greys one figure is drawn in."""

    def __init__(self, near: float, far: float, prop_fill: float, prop_line: float) -> None:
        self.near, self.far = _grey(near), _grey(far)
        self.prop_fill, self.prop_line = _grey(prop_fill), _grey(prop_line)


SOLID = Shade(0.24, 0.55, 0.86, 0.38)
GHOST = Shade(0.68, 0.76, 0.94, 0.74)
SECOND = Shade(0.42, 0.66, 0.9, 0.5)
FLOOR = _grey(0.55)
MAT = _grey(0.8)
MAT_ABOVE = _grey(0.91)
ARROW = _grey(0.05)
WATER = _grey(0.93)
BAND = _grey(0.955)

FIXED = frozenset(
    {PropKind.STEP, PropKind.BENCH, PropKind.CHAIR, PropKind.WALL, PropKind.POLE, PropKind.BIKE, PropKind.MAT}
)
"""Props that stay put while the body moves: a ghost does not repeat them."""

BEHIND = frozenset(
    {
        PropKind.BALL,
        PropKind.FOAM_ROLLER,
        PropKind.STEP,
        PropKind.BENCH,
        PropKind.CHAIR,
        PropKind.WALL,
        PropKind.POLE,
        PropKind.BIKE,
        PropKind.PLATE,
        PropKind.PAD,
    }
)


def illustration(exercise: Exercise, width: float, height: float) -> Drawing:
    """The exercise's picture scaled into ``width`` × ``height`` points (cached: do not modify it)."""
    key = (exercise.id, float(width), float(height))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is exercise.pose:
        return hit[1]
    drawing = draw_scene(exercise.pose.scene, width, height)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.clear()
    _CACHE[key] = (exercise.pose, drawing)
    return drawing


_CACHE: dict[tuple[str, float, float], tuple[object, Drawing]] = {}
_CACHE_SIZE = 1024


def export_illustration(exercise: Exercise, path: Path, *, width: float = 320.0) -> None:
    """Write the exercise's picture to ``path``: ``.svg`` (vector) or ``.png`` (at 2× for a sharp screen).

    Raises:
        OutputError: the suffix is neither .png nor .svg, or the file cannot be written.
    """
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise OutputError(f"{path}: an illustration is written as .png or .svg, not '{path.suffix or 'no suffix'}'")
    drawing = draw_scene(exercise.pose.scene, width, width * FRAME_H / FRAME_W, background=True)
    try:
        if suffix == ".svg":
            renderSVG.drawToFile(drawing, str(path))
        else:
            rasterise(drawing, scale=2.0).save(path, format="PNG")
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from None


def draw_scene(scene: Scene, width: float, height: float, *, background: bool = False) -> Drawing:
    """A Drawing of ``scene`` scaled to fit ``width`` × ``height`` points, centred."""
    scale = min(width / FRAME_W, height / FRAME_H)
    frame = Group()
    frame.transform = (scale, 0, 0, scale, (width - FRAME_W * scale) / 2, (height - FRAME_H * scale) / 2)
    if background:
        frame.add(Rect(0, 0, FRAME_W, FRAME_H, fillColor=white, strokeColor=None))
    for shape in _floor(scene):
        frame.add(shape)
    content = Group()
    z = scene.zoom
    content.transform = (z, 0, 0, z, FRAME_W / 2 * (1 - z), FLOOR_Y * (1 - z))
    for shape in _content(scene):
        content.add(shape)
    frame.add(content)
    for shape in _surface(scene):
        frame.add(shape)
    drawing = Drawing(width, height)
    drawing.add(frame)
    return drawing


def _halves(scene: Scene) -> list[tuple[Figure, float, float]]:
    if scene.show is Show.PAIR:
        return [(scene.start, 0.0, PAIR_W), (scene.end, PAIR_W + GUTTER, FRAME_W)]
    return [(scene.start, 0.0, FRAME_W)]


def _floor(scene: Scene) -> Iterator[Shape]:
    """Water behind everything, then the floor: a line, or a pale band when the figure is seen from above."""
    z = scene.zoom

    def up(y: float) -> float:
        return FLOOR_Y + (y - FLOOR_Y) * z

    for figure, x0, x1 in _halves(scene):
        k, (_, oy) = figure.scale, figure.origin
        for shape in figure.props:
            if shape.kind is PropKind.WATER:
                level = up(oy + (shape.points[0][1] - oy) * k)
                yield Rect(x0 + 1, FLOOR_Y, x1 - x0 - 2, level - FLOOR_Y, fillColor=WATER, strokeColor=None)
        _, _, front, back = figure.floor
        front, back = up(oy + (front - oy) * k), up(oy + (back - oy) * k)
        if back - front > 1:
            yield Rect(x0 + 3, front, x1 - x0 - 6, back - front, rx=2, ry=2, fillColor=BAND, strokeColor=None)
        yield Line(x0 + 3, front - 0.9, x1 - 3, front - 0.9, strokeColor=FLOOR, strokeWidth=1.8, strokeLineCap=1)


def _surface(scene: Scene) -> Iterator[Shape]:
    """The water's surface, in front of the swimmer."""
    for figure, x0, x1 in _halves(scene):
        k, (_, oy) = figure.scale, figure.origin
        for shape in figure.props:
            if shape.kind is PropKind.WATER:
                level = FLOOR_Y + (oy + (shape.points[0][1] - oy) * k - FLOOR_Y) * scene.zoom
                steps = int((x1 - x0 - 6) / 4)
                wave = tuple((x0 + 3 + i * 4.0, level + 1.6 * math.sin(i * math.pi / 3)) for i in range(steps + 1))
                yield _stroke(wave, 1.8, SOLID.prop_line)


def _content(scene: Scene) -> Iterator[Shape]:
    """Mats, props, figures, arrow and marker, back to front (drawn inside the zoom)."""
    if scene.show is Show.PAIR:
        for (figure, x0, x1), shade in zip(_halves(scene), (SOLID, SECOND), strict=True):
            group = Group()
            if figure.scale != 1.0:
                k, (ox, oy) = figure.scale, figure.origin
                group.transform = (k, 0, 0, k, ox * (1 - k), oy * (1 - k))
            mat = _mat(figure, scene.zoom, x0, x1)
            for part in (mat, _props(figure.props, shade, front=False), _figure(figure, shade)):
                for shape in part:
                    group.add(shape)
            for shape in _props(figure.props, shade, front=True):
                group.add(shape)
            yield group
        yield from _arrow(scene.arrow, both=scene.arrow_both, width=3.2)
    else:
        yield from _mat(scene.start, scene.zoom, 0.0, FRAME_W)
        moved = tuple(s for s in scene.end.props if s not in scene.start.props and s.kind not in FIXED)
        yield from _props(moved, GHOST, front=False)
        yield from _props(scene.start.props, SOLID, front=False)
        yield from _figure(scene.end, GHOST)
        yield from _props(moved, GHOST, front=True)
        yield from _figure(scene.start, SOLID)
        yield from _props(scene.start.props, SOLID, front=True)
        yield from _arrow(scene.arrow, both=scene.arrow_both, width=2.3)
    if scene.mark is not None:
        x, y = scene.mark
        yield Circle(x, y, 3.4, fillColor=white, strokeColor=ARROW, strokeWidth=1.7)
        yield Circle(x, y, 1.1, fillColor=ARROW, strokeColor=None)


def _mat(figure: Figure, zoom: float, x0: float, x1: float) -> Iterator[Shape]:
    """A mat a little longer than the figure, kept inside its frame ``x0``-``x1`` (in picture units)."""
    if not any(s.kind is PropKind.MAT for s in figure.props):
        return
    left, right, front, back = figure.floor
    # The frame's edges in the figure's own units: undo the zoom (about the middle) and a pair's shrinking.
    k, (ox, _), middle = figure.scale, figure.origin, FRAME_W / 2
    lo = ox + (middle + (x0 + 2 - middle) / zoom - ox) / k
    hi = ox + (middle + (x1 - 2 - middle) / zoom - ox) / k
    left, right = max(left - 5, lo), min(right + 5, hi)
    depth = max(back - front, 0.0)
    fill = MAT if depth < 1 else MAT_ABOVE
    yield Rect(left, front - 3.2, right - left, 3.6 + depth, rx=1.6, ry=1.6, fillColor=fill, strokeColor=None)


def _stroke(points: tuple[XY, ...], width: float, color: Color) -> Shape:
    if len(points) == 2:
        (x1, y1), (x2, y2) = points
        return Line(x1, y1, x2, y2, strokeColor=color, strokeWidth=width, strokeLineCap=1)
    flat = [c for xy in points for c in xy]
    return PolyLine(flat, strokeColor=color, strokeWidth=width, strokeLineCap=1, strokeLineJoin=1)


def _figure(figure: Figure, shade: Shade) -> Iterator[Shape]:
    for limb in figure.limbs:
        yield from _limb(limb, shade.near if limb.is_near else shade.far)


def _limb(limb: Limb, color: Color) -> Iterator[Shape]:
    for points, width in limb.strokes:
        yield _stroke(points, width + 2 * HALO, white)
    for (x, y), r in limb.blobs:
        yield Circle(x, y, r + HALO, fillColor=white, strokeColor=None)
    for points, width in limb.strokes:
        yield _stroke(points, width, color)
    for (x, y), r in limb.blobs:
        yield Circle(x, y, r, fillColor=color, strokeColor=None)


def _arrow(path: tuple[XY, ...], *, both: bool, width: float) -> Iterator[Shape]:
    if len(path) < 2:
        return
    heads = [(path[-2], path[-1])] + ([(path[1], path[0])] if both else [])
    yield _stroke(path, width + 2.4, white)
    for a, b in heads:
        yield Polygon(_head(a, b, width, grow=1.4), fillColor=white, strokeColor=white, strokeWidth=2.4)
    yield _stroke(path, width, ARROW)
    for a, b in heads:
        yield Polygon(_head(a, b, width), fillColor=ARROW, strokeColor=ARROW, strokeWidth=0.6, strokeLineJoin=1)


def _head(a: XY, b: XY, width: float, grow: float = 1.0) -> list[float]:
    """A triangular arrowhead whose tip is just past ``b``, pointing from ``a`` to ``b``."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy) or 1.0
    ux, uy = dx / n, dy / n
    length, half = 2.6 * width * grow, 1.7 * width * grow
    tip = (b[0] + ux * length * 0.7, b[1] + uy * length * 0.7)
    back = (tip[0] - ux * length, tip[1] - uy * length)
    return [tip[0], tip[1], back[0] - uy * half, back[1] + ux * half, back[0] + uy * half, back[1] - ux * half]


# --- props ---------------------------------------------------------------------------------------------------


def _props(shapes: tuple[PropShape, ...], shade: Shade, *, front: bool) -> Iterator[Shape]:
    for shape in shapes:
        if shape.kind in (PropKind.MAT, PropKind.WATER):
            continue
        if (shape.kind in BEHIND) != front:
            yield from _PROP_DRAWERS[shape.kind](shape, shade)


def _solid(fill: Color, line: Color, width: float = 1.5) -> dict[str, object]:
    return {"fillColor": fill, "strokeColor": line, "strokeWidth": width, "strokeLineJoin": 1}


def _ball(s: PropShape, shade: Shade) -> Iterator[Shape]:
    (x, top), (_, floor) = s.points
    r = (top - floor) / 2
    yield Circle(x, floor + r, r, **_solid(shade.prop_fill, shade.prop_line))
    yield _stroke(_arc((x, floor + r), r * 0.62, 200, 260), 1.4, shade.prop_line)


def _roller(s: PropShape, shade: Shade) -> Iterator[Shape]:
    (x, top), (_, floor) = s.points
    r = (top - floor) / 2
    yield Circle(x, floor + r, r, **_solid(shade.prop_fill, shade.prop_line))
    yield Circle(x, floor + r, r * 0.4, **_solid(shade.prop_line, shade.prop_line, 0.0))


def _box(s: PropShape, shade: Shade) -> Iterator[Shape]:
    (x, top), (_, floor) = s.points
    w = s.size
    if s.kind is PropKind.BENCH:
        for leg in (x - w / 2 + 5, x + w / 2 - 5):
            yield Line(leg, floor, leg, top - 3, strokeColor=shade.prop_line, strokeWidth=3, strokeLineCap=1)
        yield Rect(x - w / 2, top - 5, w, 5, rx=1.5, ry=1.5, **_solid(shade.prop_fill, shade.prop_line))
    else:
        yield Rect(x - w / 2, floor, w, top - floor, rx=1.5, ry=1.5, **_solid(shade.prop_fill, shade.prop_line))


def _chair(s: PropShape, shade: Shade) -> Iterator[Shape]:
    line = shade.prop_line
    (x, y), (_, floor) = s.points
    if s.size:  # sat on: the seat is under the body, the back behind it
        seat_y, back_x = y, x - s.facing * 12
        front_x, top = x + s.facing * 16, y + 30
    else:  # a hand on the top of the back; the seat reaches away from the body
        seat_y, back_x, top = floor + 30, x + s.facing * 1.5, y - 1
        front_x = back_x + s.facing * 26
    kw = {"strokeColor": line, "strokeWidth": 2.6, "strokeLineCap": 1}
    yield Line(back_x, floor, back_x, top, **kw)
    yield Line(front_x, floor, front_x, seat_y, **kw)
    left = min(back_x, front_x) - 1
    yield Rect(left, seat_y - 3.5, abs(front_x - back_x) + 2, 3.5, rx=1.2, ry=1.2, **_solid(shade.prop_fill, line))


def _wall(s: PropShape, shade: Shade) -> Iterator[Shape]:
    (x, _), (_, floor) = s.points
    left = x if s.facing > 0 else x - 5
    yield Rect(left, floor - 1, 5, FRAME_H - floor - 3, fillColor=shade.prop_fill, strokeColor=None)
    yield Line(x, floor - 1, x, FRAME_H - 4, strokeColor=shade.prop_line, strokeWidth=2.0, strokeLineCap=1)


def _pole(s: PropShape, shade: Shade) -> Iterator[Shape]:
    (x, y), (_, floor) = s.points
    x += s.facing * 2.5
    yield Line(x, floor, x, y + 6, strokeColor=shade.prop_line, strokeWidth=3.5, strokeLineCap=1)
    yield Line(x - 6, floor + 1, x + 6, floor + 1, strokeColor=shade.prop_line, strokeWidth=3, strokeLineCap=1)


def _pad(s: PropShape, shade: Shade) -> Iterator[Shape]:
    (x, y) = s.points[0]
    yield Circle(x, y, 4.5, **_solid(shade.prop_fill, shade.prop_line))


def _plate(s: PropShape, shade: Shade) -> Iterator[Shape]:
    (x, y) = s.points[0]
    yield Rect(x + 2 * s.facing - 2, y - 13, 4, 26, rx=1.5, ry=1.5, **_solid(shade.prop_fill, shade.prop_line))


def _dumbbell(s: PropShape, shade: Shade) -> Iterator[Shape]:
    (x, y) = s.points[0]
    yield Line(x - 6, y, x + 6, y, strokeColor=shade.prop_line, strokeWidth=2.2, strokeLineCap=1)
    for px in (x - 6, x + 6):
        yield Rect(px - 2, y - 4.5, 4, 9, rx=1.2, ry=1.2, **_solid(shade.prop_line, shade.prop_line, 0.5))


def _kettlebell(s: PropShape, shade: Shade) -> Iterator[Shape]:
    (x, y) = s.points[0]
    yield _stroke(_arc((x, y - 4), 3.6, 0, 180), 1.8, shade.prop_line)
    yield Circle(x, y - 8, 5.2, **_solid(shade.prop_line, shade.prop_line, 0.5))


def _barbell(s: PropShape, shade: Shade) -> Iterator[Shape]:
    (x, y) = s.points[0]
    yield Circle(x, y, 11, **_solid(shade.prop_fill, shade.prop_line, 1.8))
    yield Circle(x, y, 2.6, **_solid(shade.prop_line, shade.prop_line, 0.5))


def _line_prop(s: PropShape, shade: Shade) -> Iterator[Shape]:
    (x1, y1), (x2, y2) = s.points
    if s.kind is PropKind.STICK:
        dx, dy = x2 - x1, y2 - y1
        n = math.hypot(dx, dy) or 1.0
        x1, y1, x2, y2 = x1 - dx / n * 6, y1 - dy / n * 6, x2 + dx / n * 6, y2 + dy / n * 6
        yield Line(x1, y1, x2, y2, strokeColor=shade.prop_line, strokeWidth=2.4, strokeLineCap=1)
        return
    width = 2.6 if s.kind is PropKind.BAND else 3.2
    yield Line(x1, y1, x2, y2, strokeColor=white, strokeWidth=width + 1.6, strokeLineCap=1)
    yield Line(x1, y1, x2, y2, strokeColor=shade.prop_line, strokeWidth=width, strokeLineCap=1)


def _bike(s: PropShape, shade: Shade) -> Iterator[Shape]:
    seat, crank, bars, (_, floor) = s.points
    line = shade.prop_line
    kw = {"strokeColor": line, "strokeWidth": 3.0, "strokeLineCap": 1, "strokeLineJoin": 1}
    base_back, base_front = min(seat[0], bars[0]) - 8, max(seat[0], bars[0]) + 8
    yield Line(base_back, floor + 1.5, base_front, floor + 1.5, **kw)
    yield PolyLine([seat[0], seat[1] - 2, crank[0], crank[1], crank[0], floor + 1.5], **kw)
    post_x = bars[0] + s.facing * 4
    yield PolyLine([crank[0], crank[1], post_x, bars[1] - 4, bars[0], bars[1]], **kw)
    yield Line(post_x, bars[1] - 4, post_x + s.facing * 3, floor + 1.5, **kw)
    yield Circle(crank[0], crank[1], 8.5, **_solid(shade.prop_fill, line, 2.0))
    yield Rect(seat[0] - 6, seat[1] - 3, 12, 3.2, rx=1.5, ry=1.5, **_solid(line, line, 0.5))


def _arc(c: XY, r: float, a0: float, a1: float, steps: int = 10) -> tuple[XY, ...]:
    return tuple(
        (
            c[0] + r * math.cos(math.radians(a0 + (a1 - a0) * i / steps)),
            c[1] + r * math.sin(math.radians(a0 + (a1 - a0) * i / steps)),
        )
        for i in range(steps + 1)
    )


_PROP_DRAWERS = {
    PropKind.BALL: _ball,
    PropKind.FOAM_ROLLER: _roller,
    PropKind.STEP: _box,
    PropKind.BENCH: _box,
    PropKind.CHAIR: _chair,
    PropKind.WALL: _wall,
    PropKind.POLE: _pole,
    PropKind.PAD: _pad,
    PropKind.PLATE: _plate,
    PropKind.DUMBBELL: _dumbbell,
    PropKind.KETTLEBELL: _kettlebell,
    PropKind.BARBELL: _barbell,
    PropKind.BAND: _line_prop,
    PropKind.TOWEL: _line_prop,
    PropKind.STICK: _line_prop,
    PropKind.BIKE: _bike,
}


# --- PNG -----------------------------------------------------------------------------------------------------
# reportlab's renderPM needs a compiled cairo binding that pip cannot install without system headers, so PNGs
# are drawn with Pillow (a reportlab dependency) from the same shapes, at 4× and scaled down for smooth edges.

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


class Picture(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """An exercise's picture as a flowable that draws from cached PDF operators.

    Turning a pose into shapes and the shapes into PDF operators costs several milliseconds per picture;
    the result is the same every time, so the operators are kept per exercise, size and pose, in memory
    and in the user's cache folder, and replayed into later documents. They are position-independent (the
    flowable's own transform places them) and use no resources (no text, no transparency), so they can be
    copied into any canvas and give the same bytes as drawing afresh.
    """

    def __init__(self, exercise: Exercise, width: float, height: float) -> None:
        super().__init__()
        self.exercise = exercise
        self.width = width
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The picture's fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Replay the cached operators, rendering the drawing when no cache has them."""
        code = self.canv._code  # reportlab's page content list: renderPDF appends operators to it
        memory_key = (self.exercise.id, float(self.width), float(self.height))
        hit = _CODE.get(memory_key)
        if hit is not None and hit[0] is self.exercise.pose:
            code.extend(hit[1])
            return
        disk = _disk_cache()
        disk_key = f"{self.exercise.id}|{self.width:g}|{self.height:g}|{_pose_hash(self.exercise)}"
        ops = disk.get(disk_key)
        if ops is None:
            before = len(code)
            renderPDF.draw(illustration(self.exercise, self.width, self.height), self.canv, 0, 0)
            ops = list(code[before:])
            disk[disk_key] = ops
            _DIRTY.append(disk_key)
        else:
            code.extend(ops)
        if len(_CODE) >= _CACHE_SIZE:
            _CODE.clear()
        _CODE[memory_key] = (self.exercise.pose, tuple(ops))


_CODE: dict[tuple[str, float, float], tuple[object, tuple[str, ...]]] = {}
_DISK: dict[str, list[str]] = {}
_DIRTY: list[str] = []


def _pose_hash(exercise: Exercise) -> str:
    return hashlib.sha256(exercise.pose.model_dump_json().encode()).hexdigest()[:16]


@functools.cache
def _cache_file() -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for source in (here / "illustrate.py", here.parent / "figure.py", here.parent / "pose.py"):
        digest.update(source.read_bytes())
    return folder / f"pictures-{digest.hexdigest()[:16]}.json"


def _disk_cache() -> dict[str, list[str]]:
    """The pictures cached on disk by this version of the drawing code (read once per process)."""
    if not _DISK and (path := _cache_file()) is not None:
        with contextlib.suppress(OSError, ValueError):
            loaded = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                _DISK.update(loaded)
    return _DISK


def save_picture_cache() -> None:
    """Write pictures drawn since the last save to the cache file (quietly skipped when it cannot be)."""
    path = _cache_file()
    if path is None or not _DIRTY:
        return
    with contextlib.suppress(OSError, ValueError):
        merged: dict[str, list[str]] = {}
        if path.exists():
            merged = json.loads(path.read_text(encoding="utf-8"))
        merged.update({key: _DISK[key] for key in _DIRTY if key in _DISK})
        write_atomic(path, json.dumps(merged))
    _DIRTY.clear()
