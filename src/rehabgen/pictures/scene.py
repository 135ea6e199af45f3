"""A pose's picture as a ``Scene``: both frames posed, fitted into the frame, props placed, the arrow drawn.

``build_scene`` raises ValueError naming what does not fit; the catalogue's picture pass
(``rehabgen.pictures.check``) turns that into a problem on the exercise. ``scene_of`` keeps built scenes,
keyed by the pose's content.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from rehabgen.model.pose import (
    FLOOR_Y,
    FRAME_H,
    FRAME_W,
    GROUP_POINTS,
    GUTTER,
    MARGIN,
    MAX_ZOOM,
    MIN_PAIR_SCALE,
    PAIR_W,
    TOUCH,
    XY,
    Arrow,
    Group,
    Pose,
    PropKind,
    Show,
    Squeeze,
    Vec,
)
from rehabgen.pictures import machines
from rehabgen.pictures.body import (
    BASES,
    HAND_R,
    RADIUS,
    Limb,
    level_on,
    limbs_in_order,
    lowest_of,
    mat_mul,
    pose_points,
    project,
    rotation,
)
from rehabgen.pictures.machines import MACHINES

WALL_ABOVE = 10.0
"""How far above the point that touches it a wall must show; the drawing carries it on to the frame's top."""
SQUEEZED_BALL_R = 7.0
"""Radius of a pad placed between two points (a soft ball between the knees), in frame units."""


@dataclass(frozen=True, slots=True)
class PropShape:
    """A placed prop: its kind, key points (meaning depends on kind) and a size, in frame units."""

    kind: PropKind
    points: tuple[XY, ...]
    size: float
    facing: float


@dataclass(frozen=True, slots=True)
class Figure:
    """One posed figure, projected into its frame: limbs back to front, named points, props."""

    limbs: tuple[Limb, ...]
    points: dict[str, XY]
    props: tuple[PropShape, ...]
    box: tuple[float, float, float, float]
    floor: tuple[float, float, float, float]
    scale: float = 1.0
    """Drawn shrunk by this factor about ``origin`` (a pair fitting a lying body); ``box`` is already shrunk."""
    origin: XY = (0.0, 0.0)

    def at(self, name: str) -> XY:
        """A named point where it is drawn, after any shrinking."""
        (x, y), (ox, oy) = self.points[name], self.origin
        return (ox + (x - ox) * self.scale, oy + (y - oy) * self.scale)


@dataclass(frozen=True, slots=True)
class Scene:
    """Everything the renderer draws, in frame units (``FRAME_W`` × ``FRAME_H``, origin bottom left)."""

    show: Show
    start: Figure
    end: Figure
    arrow: tuple[XY, ...]
    arrow_both: bool
    mark: XY | None
    zoom: float = 1.0
    """Everything but the floor line is drawn enlarged by this factor about (``FRAME_W`` / 2, ``FLOOR_Y``)."""
    squeeze: tuple[tuple[XY, XY], ...] = ()
    """Short arrows pressing in, each as (tail, tip): the pose's ``squeeze``."""


def _pose_frame(pose: Pose, angles: dict[str, float], support: tuple[Group, ...], label: str) -> dict[str, Vec]:
    """Pose one frame in the world: posed, levelled on its supports, standing on the floor (y = lift)."""
    spec = BASES[pose.base]
    points = pose_points(angles, mat_mul(rotation(1, pose.turn), spec.orientation))
    groups = [GROUP_POINTS[g] for g in support]
    if len(groups) >= 2:
        points = level_on(points, groups[0], groups[1])
    lift = angles.get("lift", 0.0)
    bottom = min(v[1] - RADIUS[k] for k, v in points.items())
    points = {k: (x, y - bottom + lift, z) for k, (x, y, z) in points.items()}
    for group, names in zip(support, groups, strict=True):
        name, height = lowest_of(points, names)
        if height > lift + TOUCH:
            lowest = min(points, key=lambda k: points[k][1] - RADIUS[k])
            raise ValueError(
                f"{label}: the {group} should rest on the floor but {name} is {height - lift:.0f} units above it"
                f" ({lowest} is the lowest point); change the angles, or the support list"
            )
    return points


def _prop_shapes(
    pose: Pose, p: dict[str, Vec], label: str
) -> tuple[tuple[PropKind, tuple[Vec, ...], float, float], ...]:
    """Place the props on a posed frame, in world units: (kind, points, size, facing) for each.

    Props standing on the floor get the point on the floor beneath them as their last point.
    """
    shapes: list[tuple[PropKind, tuple[Vec, ...], float, float]] = []
    centre_x = p["pelvis"][0]
    facing = 1.0 if p["nose"][0] >= p["head"][0] else -1.0

    def beside(name: str, gap: float | None) -> tuple[float, float]:
        x = p[name][0]
        away = 1.0 if x >= centre_x else -1.0
        return x + away * (RADIUS[name] + (gap or 0.0)), away

    walls = [beside(q.at, q.gap)[0] for q in pose.props if q.kind is PropKind.WALL and q.at is not None]
    for prop in pose.props:
        kind = prop.kind
        if prop.under is not None:
            x, y, z = p[prop.under]
            top = y - RADIUS[prop.under]
            if top < 4:
                raise ValueError(
                    f"{label}: the {kind} under {prop.under} has no room: raise that point or lift the body"
                )
            size = {PropKind.STEP: 28.0, PropKind.BENCH: 56.0, PropKind.CHAIR: 30.0}.get(kind, top / 2)
            if kind in (PropKind.BALL, PropKind.FOAM_ROLLER):
                low, high = (8.0, 30.0) if kind is PropKind.BALL else (4.5, 9.0)
                if not low <= size <= high:
                    raise ValueError(
                        f"{label}: a {kind} under {prop.under} would be {2 * size:.0f} units across"
                        f" ({2 * low:.0f}-{2 * high:.0f} look right); raise or lower {prop.under}"
                    )
            shapes.append((kind, ((x, top, z), (x, 0.0, z)), prop.width or size, facing))
        elif kind in (PropKind.BAND, PropKind.TOWEL, PropKind.STICK):
            assert prop.at is not None
            start = p[prop.at]
            if prop.to is not None:
                end = p[prop.to]
            elif not walls:
                raise ValueError(f"{label}: a band needs 'to' (a point) or a wall in the props to be tied to")
            else:
                end = (walls[0], start[1], start[2])
            if kind is PropKind.STICK:  # along the back of the body, not through it
                (hx, hy, hz), (nx, ny, nz) = p["head"], p["nose"]
                length = math.dist((hx, hy, hz), (nx, ny, nz))
                bx, by, bz = ((hx - nx) / length * 8, (hy - ny) / length * 8, (hz - nz) / length * 8)
                start, end = (start[0] + bx, start[1] + by, start[2] + bz), (end[0] + bx, end[1] + by, end[2] + bz)
            shapes.append((kind, (start, end), 0.0, facing))
        elif kind in (PropKind.WALL, PropKind.POLE) or (kind is PropKind.CHAIR and prop.at is not None):
            assert prop.at is not None
            (edge, away), (_, y, z) = beside(prop.at, prop.gap), p[prop.at]
            shapes.append((kind, ((edge, y, z), (edge, 0.0, z)), 0.0, away))
        elif kind is PropKind.PAD and prop.at is not None and prop.to is not None:
            (ax, ay, az), (bx, by, bz) = p[prop.at], p[prop.to]
            # A ball squeezed between two points (the knees): drawn larger than a machine pad, and in front.
            shapes.append((kind, (((ax + bx) / 2, (ay + by) / 2, (az + bz) / 2),), SQUEEZED_BALL_R, facing))
        elif prop.at is not None:
            shapes.append((kind, (p[prop.at],), 0.0, 1.0 if p[prop.at][0] >= centre_x else -1.0))
        elif kind in MACHINES:
            shapes.append((kind, machines.place(kind, p), 0.0, facing))
        elif kind is PropKind.BIKE:
            (xl, yl, zl), (xr, yr, zr) = p["ankle_l"], p["ankle_r"]
            crank = ((xl + xr) / 2, (yl + yr) / 2, (zl + zr) / 2)
            seat = (p["seat"][0], p["seat"][1] - RADIUS["seat"], p["seat"][2])
            bars = (p["hand_r"][0], p["hand_r"][1] - HAND_R, p["hand_r"][2])
            shapes.append((kind, (seat, crank, bars, (crank[0], 0.0, crank[2])), 0.0, facing))
        elif kind is PropKind.WATER:
            shapes.append((kind, ((0.0, float(prop.level or 0), 0.0),), 0.0, facing))
        else:
            shapes.append((kind, (), 0.0, facing))
    return tuple(shapes)


def _prop_box(shape: PropShape) -> tuple[float, float, float, float] | None:
    """The space a prop takes in the picture (None for the mat and water, which span it)."""
    kind, pts, size, facing = shape.kind, shape.points, shape.size, shape.facing
    if kind in (PropKind.MAT, PropKind.WATER):
        return None
    if kind in MACHINES:
        return machines.box(kind, pts, facing)
    xs, ys = [q[0] for q in pts], [q[1] for q in pts]
    if kind in (PropKind.BALL, PropKind.FOAM_ROLLER):
        return (xs[0] - size, ys[1], xs[0] + size, ys[0])
    if kind in (PropKind.STEP, PropKind.BENCH):
        return (xs[0] - size / 2, ys[1], xs[0] + size / 2, ys[0])
    if kind is PropKind.CHAIR:
        if size:  # sat on: the back rises behind the seat
            return (xs[0] - 16.0, ys[1], xs[0] + 16.0, ys[0] + 34.0)
        return (min(xs[0], xs[0] + facing * 28), ys[1], max(xs[0], xs[0] + facing * 28), ys[0])
    if kind is PropKind.WALL:  # drawn up to the top of the frame, whatever the zoom: only its foot must fit
        return (xs[0] - 6, ys[1], xs[0] + 6, ys[0] + WALL_ABOVE)
    if kind is PropKind.POLE:
        return (xs[0] - 6, ys[1], xs[0] + 6, ys[0])
    reach = {PropKind.BARBELL: 12.0, PropKind.DUMBBELL: 8.0, PropKind.KETTLEBELL: 9.0, PropKind.PLATE: 13.0}
    pad = reach.get(kind, 5.0)
    return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)


def _box(points: dict[str, XY], props: tuple[PropShape, ...]) -> tuple[float, float, float, float]:
    xs0 = [x - RADIUS[k] for k, (x, _) in points.items()]
    xs1 = [x + RADIUS[k] for k, (x, _) in points.items()]
    ys1 = [y + RADIUS[k] for k, (_, y) in points.items()]
    ys0 = [y - RADIUS[k] for k, (_, y) in points.items()]
    for shape in props:
        if (b := _prop_box(shape)) is not None:
            xs0.append(b[0])
            ys0.append(b[1])
            xs1.append(b[2])
            ys1.append(b[3])
    return (min(xs0), min(ys0), max(xs1), max(ys1))


def _check_inside(box: tuple[float, float, float, float], x0: float, x1: float, label: str) -> None:
    overs = [
        (x0 + MARGIN - box[0], "left edge"),
        (box[2] - (x1 - MARGIN), "right edge"),
        (box[3] - (FRAME_H - MARGIN), "top"),
    ]
    over, where = max(overs)
    if over > 0:
        hint = "use show: ghost, or " if x1 - x0 < FRAME_W and where != "top" else ""
        raise ValueError(
            f"{label}: the figure does not fit its frame: it reaches {over:.0f} units past the {where}"
            f" (the frame is {x1 - x0:.0f} × {FRAME_H:.0f}); {hint}bring the limbs in"
        )


def build_scene(pose: Pose) -> Scene:
    """Pose both frames, place them in the picture and check they fit; raise ValueError naming the problem."""
    spec = BASES[pose.base]
    start_angles, start_support = pose.start.apply(spec.angles, spec.support)
    end_angles, end_support = pose.end.apply(start_angles, start_support)
    if end_angles == start_angles and pose.show is not Show.STILL:
        raise ValueError("end: nothing moves; give the angles that change from start to end, or use show: still")
    frames = []
    for label, angles, support in (("start", start_angles, start_support), ("end", end_angles, end_support)):
        world = _pose_frame(pose, angles, support, label)
        props = _prop_shapes(pose, world, label)
        frames.append(_Posed(pose.tilt, world, props))
    anchor = str(pose.anchor or spec.anchor)
    if pose.show is Show.PAIR:
        boxes = [posed.box() for posed in frames]
        room = PAIR_W - 2 * MARGIN - 0.5
        scale = min(1.0, *(room / (b[2] - b[0]) for b in boxes))
        if scale < MIN_PAIR_SCALE:
            widest = max(b[2] - b[0] for b in boxes)
            raise ValueError(
                f"the figure is {widest:.0f} units wide, too wide for a pair frame ({room:.0f}) even shrunk to"
                f" {MIN_PAIR_SCALE:.0%}; use show: ghost, or bring the limbs in"
            )
        figures = []
        for posed, box, x0, label in zip(frames, boxes, (0.0, PAIR_W + GUTTER), ("start", "end"), strict=True):
            origin = (x0 + PAIR_W / 2, FLOOR_Y)
            figure = posed.figure(origin[0] - (box[0] + box[2]) / 2, FLOOR_Y - posed.front, scale, origin)
            _check_inside(figure.box, x0, x0 + PAIR_W, label)
            figures.append(figure)
        start, end = figures
        mid = FRAME_W / 2
        y = max(FLOOR_Y + 12.0, min((start.box[1] + start.box[3]) / 2, (end.box[1] + end.box[3]) / 2))
        if pose.arrow.spin:
            raise ValueError("arrow: a spin arrow rings the trunk in one picture; use show: ghost")
        arrow: tuple[XY, ...] = ((mid - 5.0, y), (mid + 5.0, y))
    else:
        first, second = frames
        shift = first.points[anchor][0] - second.points[anchor][0]
        b0, b1 = first.box(), second.box(shift)
        dx = FRAME_W / 2 - (min(b0[0], b1[0]) + max(b0[2], b1[2])) / 2
        dy = FLOOR_Y - min(first.front, second.front)
        start, end = first.figure(dx, dy), second.figure(dx + shift, dy)
        _check_inside(start.box, 0.0, FRAME_W, "start")
        _check_inside(end.box, 0.0, FRAME_W, "end")
        if pose.show is Show.STILL:
            arrow = ()
        elif pose.arrow.spin:
            arrow = _spin_path(pose.arrow, first, second, (start.points["pelvis"], first.points["pelvis"]))
        else:
            arrow = _arrow_path(pose.arrow, start, end)
        _check_path(arrow, "arrow")
    mark = start.at(pose.mark) if pose.mark is not None else None
    squeeze = _squeeze_arrows(pose.squeeze, start) if pose.squeeze is not None else ()
    _check_path(tuple(xy for pair in squeeze for xy in pair), "squeeze")
    marks = (*arrow, *(xy for pair in squeeze for xy in pair))
    return Scene(pose.show, start, end, arrow, pose.arrow.both, mark, _zoom(start, end, marks), squeeze)


def _check_path(path: tuple[XY, ...], label: str) -> None:
    """An arrow, with room for its head, must fit the frame."""
    if path:
        xs, ys = [x for x, _ in path], [y for _, y in path]
        _check_inside((min(xs) - 3, min(ys) - 3, max(xs) + 3, max(ys) + 3), 0.0, FRAME_W, label)


SQUEEZE_LEN = 7.0
"""Length of each squeeze arrow's shaft, in frame units."""
SQUEEZE_SLANT = 35.0
"""A squeeze at one point: its two arrows come down onto it at this angle above the floor, from either side."""


def _squeeze_arrows(spec: Squeeze, figure: Figure) -> tuple[tuple[XY, XY], ...]:
    """Two short arrows, each pointing in at ``at`` (or one at ``at`` and one at ``to``), just clear of the body."""
    names = (str(spec.at), str(spec.to or spec.at))
    (ax, ay), (bx, by) = figure.at(names[0]), figure.at(names[1])
    length = math.hypot(bx - ax, by - ay)
    if spec.to is not None and length > 1:  # along the line between the two points, from outside each
        ux, uy = (bx - ax) / length, (by - ay) / length
        ways = ((-ux, -uy), (ux, uy))
    else:  # from either side, coming down onto the point at a slant, clear of a body lying on the floor
        c, s = math.cos(math.radians(SQUEEZE_SLANT)), math.sin(math.radians(SQUEEZE_SLANT))
        ways = ((-c, s), (c, s))
    out = []
    for (x, y), (wx, wy), name in zip(((ax, ay), (bx, by)), ways, names, strict=True):
        near = (RADIUS[name] + 4.0) * figure.scale  # the head reaches about 4 units past the shaft's end
        tip = (x + wx * near, y + wy * near)
        out.append(((tip[0] + wx * SQUEEZE_LEN, tip[1] + wy * SQUEEZE_LEN), tip))
    return tuple(out)


def _zoom(start: Figure, end: Figure, arrow: tuple[XY, ...]) -> float:
    """How much larger the picture can be drawn, about the middle of the floor, and still fit its frame."""
    # 6 units of room either side for a mat, the white outlines and the arrowheads.
    xs = [start.box[0] - 6, start.box[2] + 6, end.box[0] - 6, end.box[2] + 6, *(x for x, _ in arrow)]
    top = max(start.box[3], end.box[3], *(y + 3 for _, y in arrow))
    centre = FRAME_W / 2
    wide = (centre - MARGIN - 3) / max(abs(x - centre) for x in xs)
    tall = (FRAME_H - MARGIN - FLOOR_Y) / max(top - FLOOR_Y, 1.0)
    return max(1.0, min(MAX_ZOOM, wide, tall))


class _Posed:
    """One posed frame seen through the camera, before it is placed in the picture."""

    def __init__(
        self, tilt: float, world: dict[str, Vec], props: tuple[tuple[PropKind, tuple[Vec, ...], float, float], ...]
    ) -> None:
        c, s = math.cos(math.radians(tilt)), math.sin(math.radians(tilt))
        self.points = project(world, c, s)
        self.props = tuple(
            PropShape(k, tuple((x, y * c - z * s) for x, y, z in pts), size, facing) for k, pts, size, facing in props
        )
        zs = [z for _, _, z in world.values()]
        # Seen from above, the floor is a band from the front of the body to its back.
        self.front, self.back = -(max(zs) + 3) * s, -(min(zs) - 3) * s

    def box(self, dx: float = 0.0) -> tuple[float, float, float, float]:
        flat = {k: (x + dx, y) for k, (x, y, _) in self.points.items()}
        return _box(
            flat,
            tuple(PropShape(p.kind, tuple((x + dx, y) for x, y in p.points), p.size, p.facing) for p in self.props),
        )

    def figure(self, dx: float, dy: float, scale: float = 1.0, origin: XY = (0.0, 0.0)) -> Figure:
        placed = {k: (x + dx, y + dy, z) for k, (x, y, z) in self.points.items()}
        flat = {k: (x, y) for k, (x, y, _) in placed.items()}
        props = tuple(
            PropShape(p.kind, tuple((x + dx, y + dy) for x, y in p.points), p.size, p.facing) for p in self.props
        )
        x0, y0, x1, y1 = _box(flat, props)
        ox, oy = origin
        box = (ox + (x0 - ox) * scale, oy + (y0 - oy) * scale, ox + (x1 - ox) * scale, oy + (y1 - oy) * scale)
        floor = (x0, x1, self.front + dy, self.back + dy)
        return Figure(limbs_in_order(placed), flat, props, box, floor, scale, origin)


_MOVERS = ("hand_l", "hand_r", "toe_l", "toe_r", "knee_l", "knee_r", "head", "pelvis", "elbow_l", "elbow_r")
MIN_ARROW = 16.0
"""The shortest arrow drawn: a small movement still gets an arrow you can see."""


def _arrow_path(spec: Arrow, start: Figure, end: Figure) -> tuple[XY, ...]:
    """The arrow's polyline: an arc about ``around`` clear of the limb, or a gentle bow beside the path."""
    a, b = start.points, end.points
    name = str(spec.point) if spec.point else max(_MOVERS, key=lambda n: math.dist(a[n], b[n]))
    p, q = a[name], b[name]
    if math.dist(p, q) < 2:
        raise ValueError(f"arrow: {name} hardly moves ({math.dist(p, q):.1f} units); name the point that moves")
    gap = RADIUS.get(name, 3.0) + 4.0
    if spec.around is not None:
        c = a[str(spec.around)]
        t0, t1 = math.atan2(p[1] - c[1], p[0] - c[0]), math.atan2(q[1] - c[1], q[0] - c[0])
        sweep = math.remainder(t1 - t0, math.tau)
        near, far = sorted((math.dist(c, p), math.dist(c, q)))
        # A given radius draws the turn close round the joint, anywhere on the circle that clears the floor.
        tries = [(spec.radius, turn) for turn in (0.0, math.pi, math.pi / 2, -math.pi / 2)] if spec.radius else []
        for radius, turn in tries or [(far + gap, 0.0), (near - gap, 0.0)]:
            extra = max(0.0, MIN_ARROW / radius - abs(sweep)) / 2 if radius > 1 else 0.0
            s0 = t0 + turn - math.copysign(extra, sweep)
            s1 = t0 + turn + sweep + math.copysign(extra, sweep)
            n = max(8, int(abs(s1 - s0) * radius / 2.5))
            arc = tuple(
                (c[0] + radius * math.cos(s0 + (s1 - s0) * i / n), c[1] + radius * math.sin(s0 + (s1 - s0) * i / n))
                for i in range(n + 1)
            )
            if min(y for _, y in arc) >= FLOOR_Y + 3:
                break
        return arc
    body = a["pelvis"]
    dx, dy = q[0] - p[0], q[1] - p[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    nx, ny = -uy, ux
    mx, my = (p[0] + q[0]) / 2, (p[1] + q[1]) / 2
    if (mx - body[0]) * nx + (my - body[1]) * ny < 0:
        nx, ny = -nx, -ny
    half = max(length * 0.42, MIN_ARROW / 2)
    bow = min(0.15 * length, 6.0)
    pts = []
    for i in range(13):
        t = -1 + 2 * i / 12
        off = gap + bow * (1 - t * t)
        pts.append((mx + ux * half * t + nx * off, my + uy * half * t + ny * off))
    return tuple(pts)


SPIN_R = 15.0
"""Radius of a spin arrow's ring round the trunk, unless the pose gives one."""


def _spin_path(spec: Arrow, first: _Posed, second: _Posed, placed: tuple[XY, Vec]) -> tuple[XY, ...]:
    """Half a ring round the trunk's length at ``around``, on the viewer's side, turning as the shoulders turn.

    The camera only turns the posed figure (``_Posed.points`` keep depth, + towards the viewer), so the ring is
    laid out in that space and flattened; ``placed`` is the pelvis as drawn and as posed, to shift it into place.
    """
    a, b = first.points, second.points
    axis = _norm(_sub(a["neck"], a["pelvis"]))
    twist = _cross(_sub(a["shoulder_l"], a["shoulder_r"]), _sub(b["shoulder_l"], b["shoulder_r"]))
    sense = _dot(axis, twist)
    if abs(sense) < 1e-3 * 64:
        raise ValueError("arrow: spin shows a twist, but the shoulders do not turn about the trunk")
    # Two directions across the axis: u as near the viewer (depth) as the axis allows, v completing the turn.
    toward = (0.0, 0.0, 1.0)
    lean = _dot(toward, axis)
    u = _norm((toward[0] - lean * axis[0], toward[1] - lean * axis[1], toward[2] - lean * axis[2]))
    v = _cross(axis, u)
    centre = a[str(spec.around or "chest")]
    r = spec.radius or SPIN_R
    (px, py), (qx, qy, _) = placed
    dx, dy = px - qx, py - qy
    path = []
    for i in range(19):
        t = math.radians(-80 + 160 * i / 18) * (1 if sense > 0 else -1)
        x, y, _ = (centre[k] + r * (math.cos(t) * u[k] + math.sin(t) * v[k]) for k in range(3))
        path.append((x + dx, y + dy))
    return tuple(path)


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _norm(a: Vec) -> Vec:
    n = math.sqrt(_dot(a, a)) or 1.0
    return (a[0] / n, a[1] / n, a[2] / n)


def scene_of(pose: Pose) -> Scene:
    """The scene of a pose that passed the picture checks (built once per distinct pose)."""
    return scene_of_json(pose.model_dump_json())


@functools.lru_cache(maxsize=512)
def scene_of_json(pose_json: str) -> Scene:
    """The scene of a pose given as its JSON (the cache key ``scene_of`` uses)."""
    return build_scene(Pose.model_validate_json(pose_json))
