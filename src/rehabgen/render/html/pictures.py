"""Exercise pictures as inline SVG: the same drawing the PDF prints, written as compact SVG elements.

reportlab's SVG renderer writes a file (XML prolog, doctype, fixed ids, long decimals); a handout needs many
pictures inside one HTML document, each with its own text alternative and ids unique in the document. The
drawing's shapes are few and simple (lines, polylines, polygons, circles, rectangles in transformed groups),
so they are written here directly, rounded to a tenth of a unit: far finer than a screen or a printer shows.
Nothing depends on the clock or on chance: the same exercise gives the same markup.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect
from reportlab.lib.colors import Color

from rehabgen.model.exercise import Exercise
from rehabgen.model.pose import FRAME_H, FRAME_W
from rehabgen.pictures.draw import illustration
from rehabgen.render.html.markup import el, esc

_CAPS = {0: "butt", 1: "round", 2: "square"}
_JOINS = {1: "round", 2: "bevel"}


def picture_svg(exercise: Exercise, *, title: str, description: str, id_prefix: str) -> str:
    """The exercise's picture as an ``<svg role="img">`` named by its title and described by its description."""
    drawing = illustration(exercise, FRAME_W, FRAME_H)
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    flip = f"matrix(1 0 0 -1 0 {_num(drawing.height)})"  # reportlab's y axis points up, SVG's down
    # Every open stroke the drawing code makes has round caps: say it once, on the outer group.
    return el(
        "svg",
        el("title", esc(title), id=title_id)
        + el("desc", esc(description), id=desc_id)
        + el("g", _children(drawing), transform=flip, stroke_linecap="round"),
        role="img",
        aria_labelledby=title_id,
        aria_describedby=desc_id,
        viewBox=f"0 0 {_num(drawing.width)} {_num(drawing.height)}",
        width=_num(drawing.width),
        height=_num(drawing.height),
        class_="picture",
    )


def _children(node: Group | Drawing) -> str:
    return "".join(_shape(child) for child in node.contents)


def _shape(shape: object) -> str:
    if isinstance(shape, Group):
        transform = tuple(shape.transform)
        matrix = None if transform == (1, 0, 0, 1, 0, 0) else "matrix(" + " ".join(map(_num, transform)) + ")"
        return el("g", _children(shape), transform=matrix)
    if isinstance(shape, Line):
        ends = f'x1="{_num(shape.x1)}" y1="{_num(shape.y1)}" x2="{_num(shape.x2)}" y2="{_num(shape.y2)}"'
        return f"<line {ends}{_paint(shape, open_=True)}/>"
    if isinstance(shape, PolyLine):
        return f'<polyline points="{_points(shape.points)}" fill="none"{_paint(shape, open_=True)}/>'
    paint = _paint(shape, open_=False)
    if isinstance(shape, Polygon):
        return f'<polygon points="{_points(shape.points)}"{_fill(shape)}{paint}/>'
    if isinstance(shape, Circle):
        return f'<circle cx="{_num(shape.cx)}" cy="{_num(shape.cy)}" r="{_num(shape.r)}"{_fill(shape)}{paint}/>'
    if isinstance(shape, Rect):
        corners = f' rx="{_num(shape.rx)}" ry="{_num(shape.ry)}"' if shape.rx or shape.ry else ""
        box = f'x="{_num(shape.x)}" y="{_num(shape.y)}" width="{_num(shape.width)}" height="{_num(shape.height)}"'
        return f"<rect {box}{corners}{_fill(shape)}{paint}/>"
    raise TypeError(f"cannot write a {type(shape).__name__} as SVG")  # a new shape in pictures/draw.py


def _fill(shape: object) -> str:
    colour = getattr(shape, "fillColor", None)
    return f' fill="{_colour(colour)}"' if colour is not None else ' fill="none"'


def _paint(shape: object, *, open_: bool) -> str:
    """The stroke's colour, width, joins and (for an open line, when not round) caps; nothing without a stroke."""
    colour = getattr(shape, "strokeColor", None)
    width = getattr(shape, "strokeWidth", 1)
    if colour is None or not width:
        return ""
    out = f' stroke="{_colour(colour)}" stroke-width="{_num(width)}"'
    cap = getattr(shape, "strokeLineCap", 0)
    if open_ and cap != 1:
        out += f' stroke-linecap="{_CAPS[cap]}"'
    if join := _JOINS.get(getattr(shape, "strokeLineJoin", 0)):
        out += f' stroke-linejoin="{join}"'
    return out


def _colour(colour: Color) -> str:
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in (colour.red, colour.green, colour.blue))


def _points(flat: list[float]) -> str:
    return " ".join(f"{_num(flat[i])},{_num(flat[i + 1])}" for i in range(0, len(flat), 2))


def _num(value: float) -> str:
    """A coordinate to one decimal, without a trailing zero (``12.5``, ``3``, never ``-0``)."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
