"""Exercise machines built round the figure: a cross-trainer, a leg press and a seated leg curl.

Like the bike, a machine takes no placement in the YAML: ``place`` finds its key points on the posed body
(in world units, before the camera), and ``parts`` lays out its pieces in the picture. The frame check (the
machine's box) and the drawing both use ``parts``, so what is checked is what is drawn. Each machine's frame
is laid out from the pelvis, so in a ghost anchored at the pelvis the frame stays put and only the moving
parts (pedals, handles, the leg-curl lever, the leg-press plate) follow the body.

Plain Python, no reportlab: ``rehabgen.pictures.draw`` turns the parts into shapes.
"""

from __future__ import annotations

import math

from rehabgen.model.pose import XY, PropKind, Vec
from rehabgen.pictures.body import RADIUS

MACHINES = frozenset({PropKind.CROSS_TRAINER, PropKind.LEG_PRESS, PropKind.LEG_CURL})
"""Props that are machines built round the figure."""

Part = tuple[str, tuple[XY, ...], float]
"""A piece of a machine: ("line", points, width), ("box", (corner, corner), corner radius) or
("wheel", (centre,), radius)."""


def _unit(a: Vec, b: Vec) -> Vec:
    """The unit vector from ``a`` to ``b``."""
    d = (b[0] - a[0], b[1] - a[1], b[2] - a[2])
    n = math.sqrt(d[0] ** 2 + d[1] ** 2 + d[2] ** 2) or 1.0
    return (d[0] / n, d[1] / n, d[2] / n)


def _plus(a: Vec, u: Vec, k: float) -> Vec:
    return (a[0] + u[0] * k, a[1] + u[1] * k, a[2] + u[2] * k)


def _sole(p: dict[str, Vec], side: str) -> tuple[Vec, Vec]:
    """The underside of a foot, heel end then toe end."""
    heel, toe = p[f"heel_{side}"], p[f"toe_{side}"]
    r = RADIUS[f"toe_{side}"]
    return (heel[0], heel[1] - r, heel[2]), (toe[0], toe[1] - r, toe[2])


def place(kind: PropKind, p: dict[str, Vec]) -> tuple[Vec, ...]:
    """The machine's key points on a posed figure, in world units; the last is on the floor under the pelvis."""
    pelvis = p["pelvis"]
    floor = (pelvis[0], 0.0, pelvis[2])
    if kind is PropKind.CROSS_TRAINER:
        return (*_sole(p, "l"), *_sole(p, "r"), p["hand_l"], p["hand_r"], pelvis, floor)
    back = _unit(p["nose"], p["head"])  # behind the body, as a stick along the back
    gap = RADIUS["chest"] + 2.5
    seat = (pelvis[0], pelvis[1] - RADIUS["pelvis"] + 1.5, pelvis[2])  # tucked under the buttocks
    pads = (_plus(p["shoulder_r"], back, gap), _plus(pelvis, back, gap), seat)
    if kind is PropKind.LEG_PRESS:
        heel, toe = _sole(p, "r")
        sole = ((heel[0] + toe[0]) / 2, (heel[1] + toe[1]) / 2 + 2.0, (heel[2] + toe[2]) / 2)
        return (*pads, _plus(sole, _unit(p["ankle_r"], p["toe_r"]), 2.0), floor)
    up = _unit(p["knee_r"], p["hip_r"])  # the thigh pad presses down on the top of the thigh, above the knee
    top = (up[1], -up[0], 0.0) if up[0] <= 0 else (-up[1], up[0], 0.0)
    thigh_pad = _plus(_plus(p["knee_r"], up, 7.0), top, RADIUS["thigh_r"] + 3.0)
    behind = _unit(p["toe_r"], p["heel_r"])  # the shin pad sits behind the leg, just above the heel
    shin_pad = _plus(_plus(p["ankle_r"], _unit(p["ankle_r"], p["knee_r"]), 4.0), behind, RADIUS["ankle_r"] + 3.5)
    return (*pads, p["knee_r"], thigh_pad, shin_pad, floor)


def parts(kind: PropKind, points: tuple[XY, ...], facing: float) -> list[Part]:
    """The machine's pieces in the picture, back to front, from its projected key points."""
    if kind is PropKind.CROSS_TRAINER:
        return _cross_trainer(points, facing)
    if kind is PropKind.LEG_PRESS:
        return _leg_press(points, facing)
    return _leg_curl(points, facing)


def box(kind: PropKind, points: tuple[XY, ...], facing: float) -> tuple[float, float, float, float]:
    """The space the machine takes in the picture."""
    xs0, ys0, xs1, ys1 = [], [], [], []
    for shape, pts, size in parts(kind, points, facing):
        pad = size / 2 if shape == "line" else size if shape == "wheel" else 0.0
        xs0 += [x - pad for x, _ in pts]
        xs1 += [x + pad for x, _ in pts]
        ys0 += [y - pad for _, y in pts]
        ys1 += [y + pad for _, y in pts]
    return (min(xs0), min(ys0), max(xs1), max(ys1))


def _rect(x0: float, y0: float, x1: float, y1: float, radius: float = 1.5) -> Part:
    return ("box", ((min(x0, x1), min(y0, y1)), (max(x0, x1), max(y0, y1))), radius)


def _stack(x: float, floor: float, top: float, f: float) -> list[Part]:
    """A weight stack: a tall box beside an upright, with the plates drawn across it."""
    out = [_rect(x, floor, x + f * 11, top)]
    out += [("line", ((x + f * 2.5, y), (x + f * 8.5, y)), 1.0) for y in (floor + 5, floor + 9, floor + 13)]
    return out


def _cross_trainer(points: tuple[XY, ...], f: float) -> list[Part]:
    lb, lf, rb, rf, hand_l, hand_r, pelvis, (_, floor) = points
    front = pelvis[0] + f * 42
    wheel = (front - f * 3, floor + 11)
    pivot = (front - f * 4, floor + 42)
    top = max(hand_l[1], hand_r[1]) + 12
    back = min(lb[0], rb[0]) - 10 if f > 0 else max(lb[0], rb[0]) + 10
    out: list[Part] = [("line", ((back, floor + 1.5), (front + f * 8, floor + 1.5)), 3.2)]
    out += [("line", ((back, floor + 1.5), (back, floor + 5)), 3.2)]
    out += [("line", ((front, floor + 1.5), (front - f * 7, top)), 3.6)]
    out += [_rect(front - f * 13, top - 2, front - f * 3, top + 4)]
    for (heel, toe), hand in (((lb, lf), hand_l), ((rb, rf), hand_r)):
        mid = ((heel[0] + toe[0]) / 2, (heel[1] + toe[1]) / 2 - 2)
        out += [("line", (mid, wheel), 2.6)]
        out += [("line", ((heel[0] - f * 2, heel[1] - 2), (toe[0] + f * 2, toe[1] - 2)), 3.6)]
        grip = _beyond(pivot, hand, 7.0)
        out += [("line", (pivot, grip), 2.6)]
    out += [("wheel", (wheel,), 8.5)]
    return out


def _beyond(a: XY, b: XY, extra: float) -> XY:
    """The point ``extra`` units past ``b`` on the line from ``a``."""
    d = math.dist(a, b) or 1.0
    return (b[0] + (b[0] - a[0]) / d * extra, b[1] + (b[1] - a[1]) / d * extra)


def _seat(back_top: XY, back_bottom: XY, seat: XY, floor: float, f: float) -> list[Part]:
    """A padded seat on a post, and a back pad along the back with a strut to the floor."""
    x, y = seat
    strut_from = ((back_top[0] + back_bottom[0]) / 2, (back_top[1] + back_bottom[1]) / 2)
    return [
        ("line", ((x, y - 4), (x, floor + 1.5)), 3.2),
        ("line", (strut_from, (strut_from[0] - f * 8, floor + 1.5)), 2.6),
        _rect(x - 11, y - 4.5, x + 11, y),
        ("line", (back_bottom, back_top), 6.5),
    ]


def _leg_press(points: tuple[XY, ...], f: float) -> list[Part]:
    back_top, back_bottom, seat, sole, (_, floor) = points
    upright = seat[0] + f * 74
    out: list[Part] = [("line", ((seat[0] - f * 20, floor + 1.5), (upright + f * 11, floor + 1.5)), 3.2)]
    out += _stack(upright, floor, sole[1] + 16, f)
    out += [("line", ((sole[0] + f * 4, sole[1]), (upright, sole[1])), 2.6)]  # the sled's rail
    out += _seat(back_top, back_bottom, seat, floor, f)
    out += [_rect(sole[0], sole[1] - 13, sole[0] + f * 5, sole[1] + 13)]
    return out


def _leg_curl(points: tuple[XY, ...], f: float) -> list[Part]:
    back_top, back_bottom, seat, knee, thigh_pad, shin_pad, (_, floor) = points
    upright, arm = knee[0] + f * 28, thigh_pad[1] + 12
    out: list[Part] = [("line", ((seat[0] - f * 18, floor + 1.5), (upright + f * 11, floor + 1.5)), 3.2)]
    out += _stack(upright, floor, floor + 24, f)
    out += [("line", ((upright, floor + 1.5), (upright, arm)), 3.6)]
    out += [("line", ((upright, arm), (thigh_pad[0], thigh_pad[1] + 2)), 2.6)]
    out += _seat(back_top, back_bottom, seat, floor, f)
    out += [_rect(thigh_pad[0] - 8, thigh_pad[1] - 2.5, thigh_pad[0] + 8, thigh_pad[1] + 3.5, 2.5)]
    out += [("line", (knee, shin_pad), 2.8), ("wheel", (shin_pad,), 4.2), ("wheel", (knee,), 2.6)]
    return out
