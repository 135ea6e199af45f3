"""The pose model: how an exercise's picture is described in its YAML, checked, and turned into geometry.

A pose is a stick figure with thick limbs, placed from a named ``base`` position (``supine``,
``quadruped``, ``side_plank`` …) by joint angles. It has a ``start`` frame and an ``end`` frame that
changes only what moves; the two are shown side by side (``show: pair``) or in one picture with the
end position ghosted behind the start (``show: ghost``), with an arrow for the movement, props drawn in
the same style, and for per-side exercises a marker on the working side. A position held without movement
(a rest, a squeeze) is one picture of the start (``show: still``), with a ``squeeze`` to show what works.

The figure is posed in 3-D and drawn from the side (the camera looks at its right side; ``turn`` walks the
camera round it), so a knee bent in a side-lying clam or a leg swung sideways is drawn correctly. Angles
are in degrees from the anatomical position (standing, arms by the sides, palms in):

* ``hip``/``shoulder``: ``flex`` (forward +, backward -), ``abd`` (out to the side +), ``rot`` (turned
  outward + about the limb's length); a bare number means ``flex``.
* ``knee``, ``elbow``: bend, 0 = straight. ``ankle``: toes pointed +, pulled up -. ``neck``: chin down +.
* ``trunk``: ``flex`` (bend forward +), ``side`` (to the right +), ``twist`` (to the left +), ``curve``
  (back rounded + / arched - without moving the shoulders); a bare number means ``flex``.
* ``pitch`` tips the whole body forward (+), ``roll`` to its right (+), both from the base.

This module is the model only. ``rehabgen.pictures.geometry`` poses the figure (plain Python, no
reportlab), and the catalogue's picture pass checks every pose after loading, as it checks ladders: a figure
that leaves its frame, a support that floats, or a prop with nothing to stand under is reported as
``file:line: id › pose: reason``. ``rehabgen.pictures.draw`` draws the result.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import ConfigDict, Field, model_validator

from rehabgen.model.base import StrictModel

FRAME_W = 208.0
"""Width of a picture in figure units (a standing figure is about 98 units tall)."""
FRAME_H = 124.0
"""Height of a picture in figure units."""
FLOOR_Y = 7.0
"""Height of the floor line above the picture's bottom edge."""
GUTTER = 12.0
"""Gap between the two frames of a pair, where the arrow goes."""
PAIR_W = (FRAME_W - GUTTER) / 2
"""Width of each frame of a pair."""
MARGIN = 1.5
"""How close to a frame's edge a figure may come."""
MIN_PAIR_SCALE = 0.8
"""A pair may shrink its figures this far to fit a lying body into a half-width frame."""
MAX_ZOOM = 1.3
"""A low or narrow picture (a body lying down) is drawn up to this much larger, to fill the card."""
TOUCH = 1.5
"""How far above the floor a support may be and still count as resting on it."""

XY = tuple[float, float]
Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]


class Base(StrEnum):
    """Named starting positions; each sets every joint angle, which a frame then overrides."""

    STANDING = "standing"
    SPLIT_STANCE = "split_stance"
    KNEELING = "kneeling"
    HALF_KNEELING = "half_kneeling"
    SITTING = "sitting"
    LONG_SITTING = "long_sitting"
    SUPINE = "supine"
    CROOK_LYING = "crook_lying"
    BRIDGE = "bridge"
    PRONE = "prone"
    QUADRUPED = "quadruped"
    PLANK = "plank"
    SIDE_LYING = "side_lying"
    SIDE_PLANK = "side_plank"


class Point(StrEnum):
    """Named points of the figure: joints, the ends of hands and feet, and the middle of each thigh."""

    HEAD = "head"
    NECK = "neck"
    CHEST = "chest"
    WAIST = "waist"
    PELVIS = "pelvis"
    SHOULDER_L = "shoulder_l"
    SHOULDER_R = "shoulder_r"
    ELBOW_L = "elbow_l"
    ELBOW_R = "elbow_r"
    WRIST_L = "wrist_l"
    WRIST_R = "wrist_r"
    HAND_L = "hand_l"
    HAND_R = "hand_r"
    HIP_L = "hip_l"
    HIP_R = "hip_r"
    KNEE_L = "knee_l"
    KNEE_R = "knee_r"
    THIGH_L = "thigh_l"
    THIGH_R = "thigh_r"
    ANKLE_L = "ankle_l"
    ANKLE_R = "ankle_r"
    HEEL_L = "heel_l"
    HEEL_R = "heel_r"
    TOE_L = "toe_l"
    TOE_R = "toe_r"


class Group(StrEnum):
    """Parts of the body that can rest on the floor."""

    ARMS = "arms"
    LEGS = "legs"
    TRUNK = "trunk"
    FOOT_L = "foot_l"
    FOOT_R = "foot_r"
    HAND_L = "hand_l"
    HAND_R = "hand_r"
    KNEE_L = "knee_l"
    KNEE_R = "knee_r"


GROUP_POINTS: dict[Group, tuple[str, ...]] = {
    Group.ARMS: ("elbow_l", "elbow_r", "wrist_l", "wrist_r", "hand_l", "hand_r"),
    Group.LEGS: ("knee_l", "knee_r", "ankle_l", "ankle_r", "heel_l", "heel_r", "toe_l", "toe_r"),
    Group.TRUNK: ("head", "chest", "waist", "seat", "hip_l", "hip_r", "shoulder_l", "shoulder_r"),
    Group.FOOT_L: ("heel_l", "toe_l"),
    Group.FOOT_R: ("heel_r", "toe_r"),
    Group.HAND_L: ("hand_l",),
    Group.HAND_R: ("hand_r",),
    Group.KNEE_L: ("knee_l",),
    Group.KNEE_R: ("knee_r",),
}


class PropKind(StrEnum):
    """Props, drawn in the figure's style. Placement fields each takes are listed in ``PROP_FIELDS``."""

    MAT = "mat"
    BALL = "ball"
    BAND = "band"
    TOWEL = "towel"
    STICK = "stick"
    STEP = "step"
    BENCH = "bench"
    CHAIR = "chair"
    WALL = "wall"
    POLE = "pole"
    PAD = "pad"
    PLATE = "plate"
    DUMBBELL = "dumbbell"
    KETTLEBELL = "kettlebell"
    BARBELL = "barbell"
    FOAM_ROLLER = "foam_roller"
    BIKE = "bike"
    CROSS_TRAINER = "cross_trainer"
    LEG_PRESS = "leg_press"
    LEG_CURL = "leg_curl"
    WATER = "water"


PROP_FIELDS: dict[PropKind, tuple[frozenset[str], frozenset[str]]] = {
    # kind: (required placement fields, optional ones)
    PropKind.MAT: (frozenset(), frozenset()),
    PropKind.BIKE: (frozenset(), frozenset()),
    PropKind.CROSS_TRAINER: (frozenset(), frozenset()),
    PropKind.LEG_PRESS: (frozenset(), frozenset()),
    PropKind.LEG_CURL: (frozenset(), frozenset()),
    PropKind.WATER: (frozenset({"level"}), frozenset()),
    PropKind.BALL: (frozenset({"under"}), frozenset()),
    PropKind.STEP: (frozenset({"under"}), frozenset({"width"})),
    PropKind.BENCH: (frozenset({"under"}), frozenset({"width"})),
    PropKind.FOAM_ROLLER: (frozenset({"under"}), frozenset()),
    PropKind.CHAIR: (frozenset(), frozenset({"under", "at"})),
    PropKind.WALL: (frozenset({"at"}), frozenset({"gap"})),
    PropKind.POLE: (frozenset({"at"}), frozenset({"gap"})),
    PropKind.PAD: (frozenset({"at"}), frozenset({"to"})),
    PropKind.PLATE: (frozenset({"at"}), frozenset()),
    PropKind.DUMBBELL: (frozenset({"at"}), frozenset()),
    PropKind.KETTLEBELL: (frozenset({"at"}), frozenset()),
    PropKind.BARBELL: (frozenset({"at"}), frozenset()),
    PropKind.BAND: (frozenset({"at"}), frozenset({"to"})),
    PropKind.TOWEL: (frozenset({"at", "to"}), frozenset()),
    PropKind.STICK: (frozenset({"at", "to"}), frozenset()),
}

Knee = Annotated[float, Field(ge=0, le=165)]
Elbow = Annotated[float, Field(ge=0, le=155)]
Ankle = Annotated[float, Field(ge=-40, le=90)]
Neck = Annotated[float, Field(ge=-50, le=70)]
Turn = Annotated[float, Field(ge=-180, le=180)]


def _or_bare_number(schema: dict[str, Any]) -> None:
    """JSON Schema of an angle mapping that YAML may also give as a bare number (its ``flex``)."""
    flex = next(b for b in schema["properties"]["flex"]["anyOf"] if b.get("type") == "number")
    mapping = dict(schema)
    schema.clear()
    schema.update(
        title=mapping.get("title"),
        anyOf=[{**flex, "description": "A bare number: the flex angle."}, mapping],
    )


def _or_bare_name(schema: dict[str, Any]) -> None:
    """JSON Schema of a prop that YAML may also give as its bare name, for the kinds that need no placement."""
    bare = sorted(k.value for k, (required, _) in PROP_FIELDS.items() if not required and k is not PropKind.CHAIR)
    mapping = dict(schema)
    schema.clear()
    schema.update(title=mapping.get("title"), anyOf=[{"enum": bare, "description": "A bare prop name."}, mapping])


def _number_is_flex(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {"flex": value}
    if isinstance(value, dict):
        return value
    raise ValueError(f"give an angle in degrees or a mapping such as {{flex: 90, abd: 20}} (got {value!r})")


class Hip(StrictModel):
    """Hip angles; a bare number in YAML means ``flex``."""

    model_config = ConfigDict(json_schema_extra=_or_bare_number)

    flex: float | None = Field(None, ge=-40, le=150)
    """Thigh forward (+) or back (-) from hanging straight down."""
    abd: float | None = Field(None, ge=-40, le=90)
    """Thigh out to the side (+) or across the midline (-)."""
    rot: float | None = Field(None, ge=-60, le=70)
    """Turning the thigh outward (+, knee points out) or inward (-)."""

    @model_validator(mode="before")
    @classmethod
    def _bare_number(cls, value: Any) -> Any:
        return _number_is_flex(value)


class Shoulder(StrictModel):
    """Shoulder angles; a bare number in YAML means ``flex``."""

    model_config = ConfigDict(json_schema_extra=_or_bare_number)

    flex: float | None = Field(None, ge=-70, le=200)
    """Arm forward and up (+; 90 points ahead, 180 overhead, past 180 lifted behind the head) or back (-)."""
    abd: float | None = Field(None, ge=-40, le=180)
    """Arm out to the side (+; 90 level with the shoulder)."""
    rot: float | None = Field(None, ge=-90, le=90)
    """Turning the arm about its length, outward (+) or inward (-): a bent elbow then takes the hand out or in."""

    @model_validator(mode="before")
    @classmethod
    def _bare_number(cls, value: Any) -> Any:
        return _number_is_flex(value)


class Trunk(StrictModel):
    """Spine angles, of the chest against the pelvis; a bare number in YAML means ``flex``."""

    model_config = ConfigDict(json_schema_extra=_or_bare_number)

    flex: float | None = Field(None, ge=-50, le=100)
    """Bending forward (+) or back (-)."""
    side: float | None = Field(None, ge=-45, le=45)
    """Bending to the right (+) or left (-)."""
    twist: float | None = Field(None, ge=-70, le=70)
    """Turning the shoulders to the left (+) or right (-)."""
    curve: float | None = Field(None, ge=-45, le=45)
    """Rounding the back (+, like a cat) or arching it (-) without moving the shoulders."""

    @model_validator(mode="before")
    @classmethod
    def _bare_number(cls, value: Any) -> Any:
        return _number_is_flex(value)


class Frame(StrictModel):
    """One position: angles that differ from the base (for ``end``: from ``start``). Plural keys set both sides."""

    pitch: Turn | None = None
    """Tip the whole body forward (+) or back (-), from the base."""
    roll: Turn | None = None
    """Tip the whole body towards its right side (+) or left (-), from the base."""
    lift: float | None = Field(None, ge=0, le=60)
    """Raise the body this far above the floor (standing on a step, floating in water)."""
    support: Annotated[list[Group], Field(min_length=1, max_length=4)] | None = None
    """Parts resting on the floor; the first two are levelled by tipping the body (default: the base's)."""
    trunk: Trunk | None = None
    """Spine."""
    neck: Neck | None = None
    """Head nodded forward (+) or back (-)."""
    shoulders: Shoulder | None = None
    """Both shoulders."""
    shoulder_l: Shoulder | None = None
    """Left shoulder."""
    shoulder_r: Shoulder | None = None
    """Right shoulder."""
    elbows: Elbow | None = None
    """Both elbows."""
    elbow_l: Elbow | None = None
    """Left elbow."""
    elbow_r: Elbow | None = None
    """Right elbow."""
    hips: Hip | None = None
    """Both hips."""
    hip_l: Hip | None = None
    """Left hip."""
    hip_r: Hip | None = None
    """Right hip."""
    knees: Knee | None = None
    """Both knees."""
    knee_l: Knee | None = None
    """Left knee."""
    knee_r: Knee | None = None
    """Right knee."""
    ankles: Ankle | None = None
    """Both ankles."""
    ankle_l: Ankle | None = None
    """Left ankle."""
    ankle_r: Ankle | None = None
    """Right ankle."""

    def apply(self, angles: dict[str, float], support: tuple[Group, ...]) -> tuple[dict[str, float], tuple[Group, ...]]:
        """``angles`` and ``support`` with this frame's values laid over them (both-side keys, then one side)."""
        out = dict(angles)
        for name in ("pitch", "roll", "lift", "neck"):
            if (value := getattr(self, name)) is not None:
                out[name] = value
        if self.trunk is not None:
            out.update({f"trunk.{k}": v for k, v in self.trunk.model_dump(exclude_none=True).items()})
        for joint in ("shoulder", "elbow", "hip", "knee", "ankle"):
            for name, sides in ((f"{joint}s", "lr"), (f"{joint}_l", "l"), (f"{joint}_r", "r")):
                value = getattr(self, name)
                for side in sides:
                    if isinstance(value, StrictModel):
                        out.update({f"{joint}_{side}.{k}": v for k, v in value.model_dump(exclude_none=True).items()})
                    elif value is not None:
                        out[f"{joint}_{side}"] = value
        return out, tuple(self.support) if self.support is not None else support


class Prop(StrictModel):
    """A prop, placed by the body point it touches. A bare name in YAML (``mat``) means ``{kind: mat}``."""

    model_config = ConfigDict(json_schema_extra=_or_bare_name)

    kind: PropKind
    """What it is."""
    under: Point | None = None
    """The point it supports from below (ball, step, bench, foam roller, chair seat)."""
    at: Point | None = None
    """The point it is held at or touches (weights, wall, pole, the back of a chair; one end of a band)."""
    to: Point | None = None
    """The other end of a band, towel or stick (a band without ``to`` is tied to the wall); for a pad, the
    second point it is squeezed between (a ball between the knees sits halfway between ``at`` and ``to``)."""
    level: float | None = Field(None, ge=10, le=FRAME_H - 10)
    """Water: height of the surface above the floor."""
    width: float | None = Field(None, ge=10, le=120)
    """Step or bench: its length."""
    gap: float | None = Field(None, ge=0, le=80)
    """Wall or pole: how far beyond ``at`` it stands."""

    @model_validator(mode="before")
    @classmethod
    def _bare_name(cls, value: Any) -> Any:
        return {"kind": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _placement(self) -> Self:
        required, optional = PROP_FIELDS[self.kind]
        given = {name for name in ("under", "at", "to", "level", "width", "gap") if getattr(self, name) is not None}
        if missing := sorted(required - given):
            raise ValueError(f"a {self.kind} needs {' and '.join(missing)}")
        if extra := sorted(given - required - optional):
            allowed = ", ".join(sorted(required | optional)) or "no placement"
            raise ValueError(f"a {self.kind} does not take {', '.join(extra)} (it takes {allowed})")
        if self.kind is PropKind.CHAIR and len(given) != 1:
            raise ValueError("a chair takes either under (sitting on it) or at (a hand on its back)")
        return self


class Arrow(StrictModel):
    """The movement arrow of a ghosted pose (a pair always gets an arrow between its frames)."""

    point: Point | None = None
    """The point whose path the arrow follows (default: the one that moves most)."""
    around: Point | None = None
    """Curve the arrow round this joint, as the limb turns about it (default: a gentle bow)."""
    both: bool = False
    """Heads at both ends, for a movement done back and forth."""
    radius: float | None = Field(None, ge=6, le=80)
    """With ``around``: the arc's radius, to put a small turn where it happens (a pelvic tilt's arrow round the
    pelvis); by default the arc passes just clear of the moving point. With ``spin``: the ring's radius."""
    spin: bool = False
    """A twist of the trunk: the arrow is half a ring round the trunk's length, at ``around`` (default the
    chest), on the side nearer the viewer, turning the way the shoulders turn."""

    @model_validator(mode="after")
    def _radius_needs_around(self) -> Self:
        if self.radius is not None and self.around is None and not self.spin:
            raise ValueError("an arrow's radius is the radius of its arc round a joint: give around too")
        if self.spin and self.point is not None:
            raise ValueError("a spin arrow rings the trunk and follows no point: leave out point")
        return self


class Squeeze(StrictModel):
    """Two short arrows pressing in: a muscle squeezed, or two parts pressed together, where little moves."""

    at: Point
    """Where the squeeze is (the buttocks: ``pelvis``); the arrows point in at it from either side."""
    to: Point | None = None
    """The other part pressed towards ``at`` (a ball squeezed between ``knee_r`` and ``knee_l``): each arrow
    points at one of them, along the line between them."""


class Show(StrEnum):
    """How start and end are shown."""

    GHOST = "ghost"
    PAIR = "pair"
    STILL = "still"


class Pose(StrictModel):
    """An exercise's picture: a base position, a start and an end frame, props, an arrow and a side marker."""

    base: Base
    """The named starting position."""
    show: Show = Show.GHOST
    """``ghost``: one picture, the end position drawn lighter behind the start; ``pair``: two pictures;
    ``still``: one picture of the start and nothing else (a resting position, or a squeeze where nothing moves)."""
    start: Frame = Frame()
    """Angles of the start position that differ from the base."""
    end: Frame = Frame()
    """Angles of the end position that differ from the start; required unless ``show: still``."""
    turn: Turn = 0
    """Walk the camera round the figure: 0 sees its right side, 180 its left, -90 its front."""
    tilt: float = Field(0, ge=0, le=45)
    """Look down on the figure from this angle above the floor."""
    anchor: Point | None = None
    """A ghost's fixed point: start and end are drawn with it in the same place (default: the base's)."""
    props: Annotated[list[Prop], Field(max_length=6)] = []
    """Props, drawn behind or in front of the figure."""
    arrow: Arrow = Arrow()
    """The movement arrow."""
    mark: Point | None = None
    """Per-side exercises: the point that marks the working side."""
    squeeze: Squeeze | None = None
    """Arrows pressing in at a point of the start position: what works when nothing (or little) moves."""

    @model_validator(mode="after")
    def _still_is_still(self) -> Self:
        if self.show is not Show.STILL and "end" not in self.model_fields_set:
            raise ValueError("end is required: the angles that change, or show: still for one picture")
        if self.show is Show.STILL:
            if self.end != Frame():
                raise ValueError("a still picture shows one position: leave out end, or use show: ghost or pair")
            if self.arrow != Arrow():
                raise ValueError("a still picture has no movement arrow: leave out arrow (a squeeze may show the work)")
        return self
