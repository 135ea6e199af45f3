"""Exercise illustrations: a pose's computed scene drawn as a reportlab Drawing, and exported to PNG or SVG.

One calm style for every exercise, legible at card size (about 160 × 95 pt) and in greyscale print: limbs
are thick round-capped strokes with a thin white outline, so a limb in front stays readable across one
behind; the near side is dark, the far side mid grey; the end position is lighter (a ghost behind the start,
or the second frame of a pair); the arrow is black. Nothing depends on the clock or on chance, so the same
pose always gives the same drawing; drawings are cached per exercise and size because the handout reuses
them. ``rehabgen.pictures.export`` writes them as PNG or SVG files.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, Shape
from reportlab.lib.colors import Color, white

from rehabgen.model.exercise import Exercise
from rehabgen.model.pose import FLOOR_Y, FRAME_H, FRAME_W, GUTTER, PAIR_W, XY, PropKind, Show
from rehabgen.pictures import machines
from rehabgen.pictures.body import Limb
from rehabgen.pictures.machines import MACHINES
from rehabgen.pictures.scene import Figure, PropShape, Scene, scene_of_json


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
        *MACHINES,
    }
)


def illustration(exercise: Exercise, width: float, height: float) -> Drawing:
    """The exercise's picture scaled into ``width`` × ``height`` points (cached: do not modify it)."""
    return _illustration(exercise.pose.model_dump_json(), float(width), float(height))


@functools.lru_cache(maxsize=1024)
def _illustration(pose_json: str, width: float, height: float) -> Drawing:
    return draw_scene(scene_of_json(pose_json), width, height)


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
            mat, top = _mat(figure, scene.zoom, x0, x1), _top(figure, scene.zoom)
            for part in (mat, _props(figure.props, shade, front=False, top=top), _figure(figure, shade)):
                for shape in part:
                    group.add(shape)
            for shape in _props(figure.props, shade, front=True, top=top):
                group.add(shape)
            yield group
        yield from _arrow(scene.arrow, both=scene.arrow_both, width=3.2)
    else:
        yield from _mat(scene.start, scene.zoom, 0.0, FRAME_W)
        moved = tuple(s for s in scene.end.props if s not in scene.start.props and s.kind not in FIXED)
        top = _top(scene.start, scene.zoom)
        yield from _props(moved, GHOST, front=False, top=top)
        yield from _props(scene.start.props, SOLID, front=False, top=top)
        if scene.show is not Show.STILL:
            yield from _figure(scene.end, GHOST)
            yield from _props(moved, GHOST, front=True, top=top)
        yield from _figure(scene.start, SOLID)
        yield from _props(scene.start.props, SOLID, front=True, top=top)
        yield from _arrow(scene.arrow, both=scene.arrow_both, width=2.3)
    for tail, tip in scene.squeeze:
        yield from _arrow((tail, tip), both=False, width=2.3)
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


def _top(figure: Figure, zoom: float) -> float:
    """The frame's top edge (less a little room) in the figure's own units: undo the zoom and a pair's shrinking."""
    k, (_, oy) = figure.scale, figure.origin
    return oy + (FLOOR_Y + (FRAME_H - 4 - FLOOR_Y) / zoom - oy) / k


def _props(shapes: tuple[PropShape, ...], shade: Shade, *, front: bool, top: float) -> Iterator[Shape]:
    """The props behind the figure (or in front of it); a wall reaches up to ``top``, the frame's top edge."""
    for shape in shapes:
        if shape.kind in (PropKind.MAT, PropKind.WATER):
            continue
        behind = shape.kind in BEHIND and not (shape.kind is PropKind.PAD and shape.size)  # a squeezed ball
        if behind == front:
            continue
        if shape.kind is PropKind.WALL:
            yield from _wall(shape, shade, top)
        else:
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


def _wall(s: PropShape, shade: Shade, top: float = FRAME_H - 4) -> Iterator[Shape]:
    """A wall from the floor up to ``top``: the frame's top edge in the units the wall is drawn in."""
    (x, _), (_, floor) = s.points
    left = x if s.facing > 0 else x - 5
    yield Rect(left, floor - 1, 5, top - floor + 1, fillColor=shade.prop_fill, strokeColor=None)
    yield Line(x, floor - 1, x, top, strokeColor=shade.prop_line, strokeWidth=2.0, strokeLineCap=1)


def _pole(s: PropShape, shade: Shade) -> Iterator[Shape]:
    (x, y), (_, floor) = s.points
    x += s.facing * 2.5
    yield Line(x, floor, x, y + 6, strokeColor=shade.prop_line, strokeWidth=3.5, strokeLineCap=1)
    yield Line(x - 6, floor + 1, x + 6, floor + 1, strokeColor=shade.prop_line, strokeWidth=3, strokeLineCap=1)


def _pad(s: PropShape, shade: Shade) -> Iterator[Shape]:
    (x, y) = s.points[0]
    yield Circle(x, y, s.size or 4.5, **_solid(shade.prop_fill, shade.prop_line))


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


def _machine(s: PropShape, shade: Shade) -> Iterator[Shape]:
    """A machine's pieces (``rehabgen.pictures.machines``): bars and pads in the prop greys."""
    line, fill = shade.prop_line, shade.prop_fill
    for shape, pts, size in machines.parts(s.kind, s.points, s.facing):
        if shape == "line":
            yield _stroke(pts, size, line)
        elif shape == "wheel":
            yield Circle(pts[0][0], pts[0][1], size, **_solid(fill, line, 2.0))
        else:
            (x0, y0), (x1, y1) = pts
            yield Rect(x0, y0, x1 - x0, y1 - y0, rx=size, ry=size, **_solid(fill, line))


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
    **dict.fromkeys(MACHINES, _machine),
}
