"""The figure's body: measurements, joint angles to 3-D points, base positions, levelling, limbs in order.

Joint angles become 3-D points by forward kinematics; a figure is levelled on its supports and its limbs are
sorted back to front for drawing.

Plain Python, no reportlab. Angle conventions are documented in ``rehabgen.model.pose``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from rehabgen.model.pose import XY, Base, Frame, Group, Mat, Vec

# Body measurements in figure units (standing height about 98).
HEAD_R, NECK_LEN, TRUNK_LEN, SHOULDER_DROP, SHOULDER_W, HIP_W = 7.0, 4.5, 31.0, 4.0, 8.0, 5.0
UPPER_ARM, FOREARM, THIGH, SHIN = 16.0, 13.5, 24.0, 23.0
WIDTH = {"thigh": 9.0, "shin": 7.0, "foot": 4.5, "upper_arm": 6.5, "forearm": 5.5, "spine": 14.0}
WIDTH |= {"pelvis": 12.0, "girdle": 11.0, "neck": 5.5}
HAND_R, SEAT_RISE = 3.2, 2.5


@dataclass(frozen=True, slots=True)
class Limb:
    """A part of the figure drawn in one go: strokes of given width and round blobs, back to front."""

    name: str
    depth: float
    is_near: bool
    strokes: tuple[tuple[tuple[XY, ...], float], ...]
    blobs: tuple[tuple[XY, float], ...]


def rotation(axis: int, degrees: float) -> Mat:
    """A rotation matrix about axis 0 (x), 1 (y) or 2 (z)."""
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    if axis == 0:
        return ((1, 0, 0), (0, c, -s), (0, s, c))
    if axis == 1:
        return ((c, 0, s), (0, 1, 0), (-s, 0, c))
    return ((c, -s, 0), (s, c, 0), (0, 0, 1))


def mat_mul(a: Mat, b: Mat) -> Mat:
    """The matrix product ``a @ b``."""
    (a0, a1, a2), (a3, a4, a5), (a6, a7, a8) = a
    (b0, b1, b2), (b3, b4, b5), (b6, b7, b8) = b
    return (
        (a0 * b0 + a1 * b3 + a2 * b6, a0 * b1 + a1 * b4 + a2 * b7, a0 * b2 + a1 * b5 + a2 * b8),
        (a3 * b0 + a4 * b3 + a5 * b6, a3 * b1 + a4 * b4 + a5 * b7, a3 * b2 + a4 * b5 + a5 * b8),
        (a6 * b0 + a7 * b3 + a8 * b6, a6 * b1 + a7 * b4 + a8 * b7, a6 * b2 + a7 * b5 + a8 * b8),
    )


def _turn(m: Mat, *turns: tuple[int, float]) -> Mat:
    """``m`` followed by turns of (axis, degrees) in its own frame; a zero turn costs nothing."""
    for axis, degrees in turns:
        if degrees:
            m = mat_mul(m, rotation(axis, degrees))
    return m


def _at(origin: Vec, m: Mat, x: float, y: float, z: float = 0.0) -> Vec:
    """``origin`` plus the local vector (x, y, z) turned by ``m``."""
    return (
        origin[0] + m[0][0] * x + m[0][1] * y + m[0][2] * z,
        origin[1] + m[1][0] * x + m[1][1] * y + m[1][2] * z,
        origin[2] + m[2][0] * x + m[2][1] * y + m[2][2] * z,
    )


def pose_points(angles: dict[str, float], orientation: Mat) -> dict[str, Vec]:
    """Forward kinematics: every point of the figure, pelvis at the origin, in world units (y up)."""
    g = angles.get
    body = _turn(orientation, (2, -g("pitch", 0)), (0, g("roll", 0)))
    o: Vec = (0.0, 0.0, 0.0)
    chest_m = _turn(body, (2, -g("trunk.flex", 0)), (0, g("trunk.side", 0)), (1, g("trunk.twist", 0)))
    p: dict[str, Vec] = {"pelvis": o, "neck": _at(o, chest_m, 0, TRUNK_LEN)}
    p["chest"] = _at(o, chest_m, 0, TRUNK_LEN - SHOULDER_DROP)
    bow = (TRUNK_LEN / 2) * math.sin(math.radians(g("trunk.curve", 0)))
    p["waist"] = _at(o, chest_m, -bow, TRUNK_LEN / 2)  # rounding the back pushes the middle of the spine back
    p["seat"] = _at(o, body, 0, SEAT_RISE)
    head_m = _turn(chest_m, (2, -g("neck", 0)))
    p["head"] = _at(p["neck"], head_m, 0, NECK_LEN + HEAD_R)
    p["nose"] = _at(p["head"], head_m, HEAD_R * 0.92, -1.0)
    for side, sign in (("l", 1.0), ("r", -1.0)):
        z = -sign  # the body's right is +z
        p[f"shoulder_{side}"] = _at(o, chest_m, 0, TRUNK_LEN - SHOULDER_DROP, z * SHOULDER_W)
        arm = _turn(
            chest_m,
            (2, g(f"shoulder_{side}.flex", 0)),
            (0, sign * g(f"shoulder_{side}.abd", 0)),
            (1, sign * g(f"shoulder_{side}.rot", 0)),
        )
        p[f"elbow_{side}"] = _at(p[f"shoulder_{side}"], arm, 0, -UPPER_ARM)
        fore = _turn(arm, (2, g(f"elbow_{side}", 0)))
        p[f"wrist_{side}"] = _at(p[f"elbow_{side}"], fore, 0, -FOREARM)
        p[f"hand_{side}"] = _at(p[f"elbow_{side}"], fore, 0, -FOREARM - HAND_R)
        hip = _at(o, body, 0, 0, z * HIP_W)
        p[f"hip_{side}"] = hip
        thigh = _turn(
            body,
            (2, g(f"hip_{side}.flex", 0)),
            (0, sign * g(f"hip_{side}.abd", 0)),
            (1, sign * g(f"hip_{side}.rot", 0)),
        )
        p[f"knee_{side}"] = _at(hip, thigh, 0, -THIGH)
        p[f"thigh_{side}"] = _at(hip, thigh, 0, -THIGH / 2)  # where a roller or a pad sits under the thigh
        shin = _turn(thigh, (2, -g(f"knee_{side}", 0)))
        p[f"ankle_{side}"] = _at(p[f"knee_{side}"], shin, 0, -SHIN)
        foot = _turn(shin, (2, -g(f"ankle_{side}", 0)))
        p[f"heel_{side}"] = _at(p[f"ankle_{side}"], foot, -1.5, -1.2)
        p[f"toe_{side}"] = _at(p[f"ankle_{side}"], foot, 8.5, -1.2)
    return p


RADIUS: dict[str, float] = {
    "head": HEAD_R,
    "neck": WIDTH["neck"] / 2,
    "chest": WIDTH["spine"] / 2,
    "waist": WIDTH["spine"] / 2,
    "seat": WIDTH["spine"] / 2,
    "pelvis": WIDTH["pelvis"] / 2,
    "nose": 2.2,
}
for _s in "lr":
    RADIUS |= {f"shoulder_{_s}": WIDTH["girdle"] / 2, f"elbow_{_s}": WIDTH["upper_arm"] / 2}
    RADIUS |= {f"wrist_{_s}": WIDTH["forearm"] / 2, f"hand_{_s}": HAND_R, f"hip_{_s}": WIDTH["pelvis"] / 2}
    RADIUS |= {f"knee_{_s}": WIDTH["thigh"] / 2, f"thigh_{_s}": WIDTH["thigh"] / 2, f"ankle_{_s}": WIDTH["shin"] / 2}
    RADIUS |= {f"heel_{_s}": WIDTH["foot"] / 2, f"toe_{_s}": WIDTH["foot"] / 2}


def lowest_of(points: dict[str, Vec], names: tuple[str, ...]) -> tuple[str, float]:
    """Which of ``names`` reaches lowest, and the height of its underside."""
    name = min(names, key=lambda n: points[n][1] - RADIUS[n])
    return name, points[name][1] - RADIUS[name]


def _spin(points: dict[str, Vec], degrees: float) -> dict[str, Vec]:
    """Turn the figure in the picture plane (about the camera's axis), counter-clockwise for +."""
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    return {k: (x * c - y * s, x * s + y * c, z) for k, (x, y, z) in points.items()}


_SCAN = [(d, math.cos(math.radians(d)), math.sin(math.radians(d))) for i in range(1, 31) for d in (3.0 * i, -3.0 * i)]


def level_on(points: dict[str, Vec], first: tuple[str, ...], second: tuple[str, ...]) -> dict[str, Vec]:
    """Tip the figure in the picture plane, as little as possible, until two supports' lowest points are level."""
    one = [(points[n][0], points[n][1], RADIUS[n]) for n in first]
    two = [(points[n][0], points[n][1], RADIUS[n]) for n in second]

    def gap(c: float, s: float) -> float:
        return min(x * s + y * c - r for x, y, r in one) - min(x * s + y * c - r for x, y, r in two)

    here = gap(1.0, 0.0)
    if abs(here) < 0.05:
        return points
    last = {1.0: here, -1.0: here}
    for d, c, s in _SCAN:  # outwards from no tilt, alternating sides: the nearest level position wins
        side = math.copysign(1.0, d)
        value = gap(c, s)
        if (value > 0) != (last[side] > 0):
            lo, hi = d - 3.0 * side, d
            for _ in range(12):
                mid = (lo + hi) / 2
                a = math.radians(mid)
                if (gap(math.cos(a), math.sin(a)) > 0) == (here > 0):
                    lo = mid
                else:
                    hi = mid
            return _spin(points, (lo + hi) / 2)
        last[side] = value
    return points  # nothing within 90° levels them: the support check then says which one floats


def project(points: dict[str, Vec], c: float, s: float) -> dict[str, Vec]:
    """The camera looking down at an angle (cosine ``c``, sine ``s``); depth (+ towards the viewer) kept third."""
    return {k: (x, y * c - z * s, y * s + z * c) for k, (x, y, z) in points.items()}


# Each side's limbs: (name, is_arm, segments as (from, to, width name)).
LIMBS = tuple(
    (
        f"{limb}_{side}",
        limb == "arm",
        tuple((f"{a}_{side}", f"{b}_{side}", w) for a, b, w in segments),
    )
    for side in "lr"
    for limb, segments in (
        ("leg", (("hip", "knee", "thigh"), ("knee", "ankle", "shin"), ("heel", "toe", "foot"))),
        ("arm", (("shoulder", "elbow", "upper_arm"), ("elbow", "wrist", "forearm"))),
    )
)


def _curve(a: XY, mid: XY, b: XY, steps: int = 6) -> tuple[XY, ...]:
    """A smooth curve from ``a`` to ``b`` passing through ``mid`` (a quadratic Bézier)."""
    cx, cy = 2 * mid[0] - (a[0] + b[0]) / 2, 2 * mid[1] - (a[1] + b[1]) / 2
    out = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        out.append((u * u * a[0] + 2 * u * t * cx + t * t * b[0], u * u * a[1] + 2 * u * t * cy + t * t * b[1]))
    return tuple(out)


def limbs_in_order(p: dict[str, Vec]) -> tuple[Limb, ...]:
    """The figure's parts, sorted back to front; limbs behind the pelvis are drawn as the far side."""
    ref = p["pelvis"][2]
    xy = {k: (v[0], v[1]) for k, v in p.items()}
    parts: list[tuple[float, float, Limb]] = []
    for name, is_arm, segments in LIMBS:
        strokes = tuple(((xy[a], xy[b]), WIDTH[w]) for a, b, w in segments)
        depth = sum(p[a][2] + p[b][2] for a, b, _ in segments) / (2 * len(segments))
        blobs = ((xy[f"hand_{name[-1]}"], HAND_R),) if is_arm else ()
        parts.append((depth, 2.0, Limb(name, depth, depth >= ref - 1.0, strokes, blobs)))
    torso_strokes = (
        ((xy["hip_l"], xy["hip_r"]), WIDTH["pelvis"]),
        (_curve(xy["seat"], xy["waist"], xy["chest"]), WIDTH["spine"]),
        ((xy["shoulder_l"], xy["shoulder_r"]), WIDTH["girdle"]),
        ((xy["chest"], xy["head"]), WIDTH["neck"]),
    )
    parts.append((ref, 1.0, Limb("torso", ref, True, torso_strokes, ())))
    head = Limb("head", p["head"][2], True, (), ((xy["nose"], RADIUS["nose"]), (xy["head"], HEAD_R)))
    parts.append((max(p["head"][2], ref), 1.5, head))
    parts.sort(key=lambda item: (round(item[0], 3), item[1]))
    return tuple(limb for _, _, limb in parts)


@dataclass(frozen=True, slots=True)
class BaseSpec:
    """A base position: how the body lies in the world, its default angles, supports and anchor."""

    orientation: Mat
    angles: dict[str, float]
    support: tuple[Group, ...]
    anchor: str


_I: Mat = ((1, 0, 0), (0, 1, 0), (0, 0, 1))
_ON_BACK = rotation(2, 90)  # head to the left, face up
_ON_FRONT = rotation(2, -90)  # head to the right, face down
_ON_SIDE = mat_mul(rotation(1, -90), rotation(0, 90))  # on the right side, head to the left, facing the viewer


def _base(orientation: Mat, support: str, anchor: str, **angles: Any) -> BaseSpec:
    """A base from frame keys, as a pose's YAML would give them (``hips=90`` sets both hips' flex)."""
    resolved, _ = Frame.model_validate(angles).apply({}, ())
    return BaseSpec(orientation, resolved, tuple(Group(g) for g in support.split()), anchor)


_LIE = {"ankles": 20, "elbows": 5}
BASES: dict[Base, BaseSpec] = {
    Base.STANDING: _base(_I, "legs", "toe_l", elbows=10),
    Base.SPLIT_STANCE: _base(
        _I, "foot_r foot_l", "toe_r", elbows=10, hip_r=28, knee_r=8, ankle_r=8, hip_l=-24, knee_l=6, ankle_l=32
    ),
    Base.KNEELING: _base(_I, "legs", "knee_r", elbows=10, knees=90, ankles=70),
    Base.HALF_KNEELING: _base(
        _I, "knee_r foot_l", "knee_r", elbows=10, hip_l=88, knee_l=88, hip_r=-5, knee_r=90, ankle_r=70
    ),
    Base.SITTING: _base(_I, "legs", "toe_r", elbows=10, hips=90, knees=90),
    Base.LONG_SITTING: _base(_I, "trunk", "pelvis", hips=90, ankles=10, shoulders=-20),
    Base.SUPINE: _base(_ON_BACK, "trunk legs", "pelvis", **_LIE),
    Base.CROOK_LYING: _base(_ON_BACK, "trunk legs", "pelvis", elbows=5, hips=50, knees=120, ankles=20),
    Base.BRIDGE: _base(_ON_BACK, "trunk legs", "head", elbows=5, hips=5, knees=120, ankles=20, shoulders=-30),
    Base.PRONE: _base(_ON_FRONT, "trunk legs", "pelvis", elbows=5, ankles=75),
    Base.QUADRUPED: _base(_ON_FRONT, "arms legs", "knee_r", hips=80, knees=90, shoulders=92, ankles=85),
    Base.PLANK: _base(_ON_FRONT, "arms legs", "toe_r", shoulders=90, elbows=90, ankles=-10),
    Base.SIDE_LYING: _base(
        _ON_SIDE, "trunk legs", "pelvis", shoulder_r={"abd": 180}, shoulder_l=20, elbow_l=20, ankles=20
    ),
    Base.SIDE_PLANK: _base(
        _ON_SIDE, "arms legs", "toe_r", shoulder_r={"abd": 90}, elbow_r=90, shoulder_l=10, ankles=10
    ),
}
"""Every base position, in the keys a pose's frames use."""
