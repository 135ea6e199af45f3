"""Pictures that read (issue 14 item 7): what moves shows, and nothing that matters is drawn too small."""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest
from pydantic import ValidationError
from reportlab.graphics.shapes import Drawing, Group, Line, Shape

from rehabgen.model.catalogue import Catalogue
from rehabgen.model.pose import FLOOR_Y, FRAME_H, GUTTER, PAIR_W, Pose, PropKind, Show
from rehabgen.pictures import machines
from rehabgen.pictures.body import BASES, RADIUS
from rehabgen.pictures.draw import draw_scene
from rehabgen.pictures.scene import Scene, build_scene, scene_of


def pose(**data: Any) -> Pose:
    return Pose.model_validate(data)


def shapes(node: Drawing | Group, m: tuple[float, ...] = (1, 0, 0, 1, 0, 0)) -> list[tuple[Shape, tuple[float, ...]]]:
    """Every shape with the transform it is drawn under."""
    found: list[tuple[Shape, tuple[float, ...]]] = []
    for child in node.contents:
        if isinstance(child, Group):
            a, b, c, d, e, f = m
            a2, b2, c2, d2, e2, f2 = child.transform
            inner = (
                a * a2 + c * b2,
                b * a2 + d * b2,
                a * c2 + c * d2,
                b * c2 + d * d2,
                a * e2 + c * f2 + e,
                b * e2 + d * f2 + f,
            )
            found += shapes(child, inner)
        else:
            found.append((child, m))
    return found


def test_a_picture_with_a_wall_is_enlarged_and_the_wall_still_reaches_the_top() -> None:
    kneeling = pose(
        base="kneeling",
        props=[{"kind": "wall", "at": "shoulder_r", "gap": 30}, {"kind": "band", "at": "hand_r"}],
        start={"shoulders": 20, "elbows": 120},
        end={"shoulders": 90, "elbows": 0},
    )
    scene = build_scene(kneeling)
    assert scene.zoom > 1.1
    width, height = 208.0, FRAME_H
    drawing = draw_scene(scene, width, height)
    tops = [m[3] * max(s.y1, s.y2) + m[5] for s, m in shapes(drawing) if isinstance(s, Line) and s.x1 == s.x2]
    assert tops and height - 6 < max(tops) <= height


# --- before and after differ ----------------------------------------------------------------------------------

MIN_MOVE = 6.0
"""A point of the body or a prop that moves this far (a standing figure is 98 tall) shows a change."""
MIN_TURN = 15.0
"""A joint angle (or the body's pitch or roll) that changes this much shows a change."""


def movement(scene: Scene) -> float:
    """How far the point that moves most travels between the two frames, as drawn (a pair: within its half)."""
    offset = PAIR_W + GUTTER if scene.show is Show.PAIR else 0.0
    start, end = scene.start, scene.end
    moves = [math.dist(start.at(k), (end.at(k)[0] - offset, end.at(k)[1])) for k in start.points]
    for a, b in zip(start.props, end.props, strict=True):
        moves += [math.dist(p, (q[0] - offset, q[1])) for p, q in zip(a.points, b.points, strict=True)]
    return max(moves)


def turning(data: Pose) -> float:
    """The largest change of any angle between start and end."""
    spec = BASES[data.base]
    start, support = data.start.apply(spec.angles, spec.support)
    end, _ = data.end.apply(start, support)
    return max(abs(end.get(k, 0.0) - start.get(k, 0.0)) for k in start.keys() | end.keys())


def test_every_picture_with_two_frames_shows_a_change(catalogue: Catalogue) -> None:
    """Before and after must not look the same: a still position is marked ``show: still`` instead."""
    for ex in catalogue:
        if ex.pose.show is Show.STILL:
            continue
        scene = scene_of(ex.pose)
        moved, turned = movement(scene), turning(ex.pose)
        assert moved >= MIN_MOVE or turned >= MIN_TURN, (
            f"{ex.id}: start and end look alike (the most moving point travels {moved:.1f} units, the largest"
            f" angle change is {turned:.0f}°); show more movement, or show: still"
        )


def test_the_movement_measure_sees_a_tiny_change_as_tiny() -> None:
    tiny = pose(base="crook_lying", show="pair", end={"trunk": {"curve": -4}})
    assert movement(build_scene(tiny)) < MIN_MOVE and turning(tiny) < MIN_TURN
    lift = pose(base="standing", show="pair", end={"lift": 10})
    assert movement(build_scene(lift)) >= MIN_MOVE  # a hop: the whole figure leaves the floor


LOOK_ALIKES = [
    ("superman", "prone_arm_leg_lift"),
    ("mcgill_curl_up", "mcgill_curl_up_elbows_up"),
    ("prone_lying", "prone_arm_leg_lift"),
]


def test_exercises_that_were_drawn_alike_now_differ(catalogue: Catalogue) -> None:
    """Exercises easily confused: their solid (start) figures differ somewhere by a visible amount."""
    for one, other in LOOK_ALIKES:
        a, b = scene_of(catalogue[one].pose).start, scene_of(catalogue[other].pose).start
        ax, ay = a.at("pelvis")
        bx, by = b.at("pelvis")
        gap = max(
            math.dist((p[0] - ax, p[1] - ay), (q[0] - bx, q[1] - by)) for p, q in ((a.at(k), b.at(k)) for k in a.points)
        )
        assert gap >= 2 * MIN_MOVE, (one, other, gap)


# --- still pictures and squeezes ------------------------------------------------------------------------------


def test_a_still_picture_has_one_figure_and_no_arrow() -> None:
    scene = build_scene(pose(base="prone", show="still", props=["mat"]))
    assert scene.arrow == () and scene.start == scene.end
    solid, ghost = (
        draw_scene(scene, 208, FRAME_H),
        draw_scene(build_scene(pose(base="prone", end={"neck": 20})), 208, FRAME_H),
    )
    assert len(shapes(solid)) < len(shapes(ghost))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"end": {"neck": 10}}, "a still picture shows one position"),
        ({"arrow": {"point": "head"}}, "no movement arrow"),
    ],
)
def test_a_still_picture_refuses_an_end_or_an_arrow(extra: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        pose(base="prone", show="still", **extra)


def test_nothing_moving_is_still_an_error_unless_still() -> None:
    with pytest.raises(ValueError, match="or use show: still"):
        build_scene(pose(base="prone", end={}))


def test_a_squeeze_at_one_point_points_in_at_it_from_either_side() -> None:
    scene = build_scene(pose(base="crook_lying", show="still", squeeze={"at": "pelvis"}))
    px, py = scene.start.at("pelvis")
    (_, tip_a), (_, tip_b) = scene.squeeze
    assert tip_a[0] < px < tip_b[0]  # one from each side
    for tail, tip in scene.squeeze:
        assert math.dist(tip, (px, py)) < math.dist(tail, (px, py))  # pointing in
        assert math.dist(tip, (px, py)) <= RADIUS["pelvis"] + 5
        assert tail[1] > tip[1]  # coming down onto it, clear of the floor


def test_a_squeeze_between_two_points_presses_them_together() -> None:
    data = pose(
        base="crook_lying",
        show="still",
        tilt=45,
        start={"hips": {"flex": 50, "abd": 14}, "knees": 110},
        squeeze={"at": "knee_r", "to": "knee_l"},
    )
    scene = build_scene(data)
    right, left = scene.start.at("knee_r"), scene.start.at("knee_l")
    (tail_r, tip_r), (tail_l, tip_l) = scene.squeeze
    assert math.dist(tip_r, right) < math.dist(tip_r, left) and math.dist(tip_l, left) < math.dist(tip_l, right)
    assert math.dist(tail_r, left) > math.dist(tip_r, left) and math.dist(tail_l, right) > math.dist(tip_l, right)


# --- an arrow close round a joint -------------------------------------------------------------------------------


def test_an_arrow_with_a_radius_turns_close_round_its_joint() -> None:
    """The pelvic tilt: the arrow rocks round the pelvis, not out on the chest."""
    data = pose(
        base="crook_lying",
        start={"trunk": {"curve": -22}},
        end={"trunk": {"curve": 0}},
        arrow={"point": "waist", "around": "pelvis", "radius": 11, "both": True},
    )
    scene = build_scene(data)
    centre = scene.start.at("pelvis")
    assert all(abs(math.dist(xy, centre) - 11) < 0.01 for xy in scene.arrow)
    assert min(y for _, y in scene.arrow) >= FLOOR_Y + 3
    chest = scene.start.at("chest")
    assert max(math.dist(xy, centre) for xy in scene.arrow) < min(math.dist(xy, chest) for xy in scene.arrow)


def test_the_pelvic_tilt_arrow_sits_at_the_pelvis(catalogue: Catalogue) -> None:
    scene = scene_of(catalogue["pelvic_tilt"].pose)
    pelvis, chest = scene.start.at("pelvis"), scene.start.at("chest")
    middle = scene.arrow[len(scene.arrow) // 2]
    assert math.dist(middle, pelvis) <= RADIUS["pelvis"] + 8 < math.dist(middle, chest)


def test_an_arrow_radius_needs_a_joint() -> None:
    with pytest.raises(ValidationError, match="give around too"):
        pose(base="prone", end={"neck": 20}, arrow={"point": "head", "radius": 10})


# --- twists: a ring round the trunk ------------------------------------------------------------------------------

SEATED_TWIST: dict[str, Any] = {
    "base": "long_sitting",
    "turn": -30,
    "tilt": 30,
    "start": {"shoulders": {"flex": 0, "abd": 90}, "elbows": 0},
    "arrow": {"spin": True},
}


def test_a_spin_arrow_rings_the_chest_and_turns_the_way_the_shoulders_do() -> None:
    right = build_scene(pose(**SEATED_TWIST, end={"trunk": {"twist": -50}}))
    left = build_scene(pose(**SEATED_TWIST, end={"trunk": {"twist": 50}}))
    chest = right.start.at("chest")
    assert all(math.dist(xy, chest) <= 15.01 for xy in right.arrow)
    length = sum(math.dist(a, b) for a, b in itertools.pairwise(right.arrow))
    assert length >= 30  # half a ring, foreshortened by the view: long enough to read
    # Turning the other way runs the same ring the other way round (each measured from its chest).
    (rx, ry), (lx, ly) = chest, left.start.at("chest")
    ring_r = [(x - rx, y - ry) for x, y in right.arrow]
    ring_l = [(x - lx, y - ly) for x, y in reversed(left.arrow)]
    assert all(a == pytest.approx(b) for a, b in zip(ring_r, ring_l, strict=True))


def test_the_twists_have_a_ring_round_the_trunk(catalogue: Catalogue) -> None:
    for exercise in ("spine_twist", "lunge_with_rotation"):
        data = catalogue[exercise].pose
        assert data.arrow.spin and data.tilt >= 20, exercise
        scene = scene_of(data)
        chest = scene.start.at("chest")
        assert max(math.dist(xy, chest) for xy in scene.arrow) <= 15.01, exercise


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"show": "pair", "end": {"trunk": {"twist": -50}}}, "use show: ghost"),
        ({"end": {"shoulders": {"flex": 30, "abd": 90}}}, "the shoulders do not turn"),
    ],
)
def test_a_spin_arrow_needs_a_twist_in_one_picture(change: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build_scene(pose(**{**SEATED_TWIST, **change}))


# --- the shoulder turns about the arm ---------------------------------------------------------------------------


def test_an_inward_turned_arm_takes_a_bent_elbow_s_hand_across_the_body() -> None:
    """Hands slid under the small of the back with the elbows out (the McGill curl-up) need the arm turned in."""
    plain = build_scene(pose(base="standing", turn=-90, show="pair", end={"elbows": 90})).end.points
    turned = build_scene(
        pose(base="standing", turn=-90, show="pair", end={"elbows": 90, "shoulders": {"rot": -80}})
    ).end.points
    # Seen from the front, the right hand ends up nearer the middle (the picture's right) when turned in.
    assert turned["hand_r"][0] - turned["shoulder_r"][0] > plain["hand_r"][0] - plain["shoulder_r"][0] + 8


def test_the_quadriceps_roller_sits_under_the_middle_of_the_thigh(catalogue: Catalogue) -> None:
    scene = scene_of(catalogue["foam_roll_quads"].pose)
    (roller,) = (shape for shape in scene.start.props if shape.kind is PropKind.FOAM_ROLLER)
    hip, knee = scene.start.at("hip_r"), scene.start.at("knee_r")
    middle = ((hip[0] + knee[0]) / 2, (hip[1] + knee[1]) / 2)
    assert abs(roller.points[0][0] - middle[0]) < 2 and math.dist(middle, knee) > 10


# --- machines that look like machines ---------------------------------------------------------------------------


def machine_parts(scene: Scene, kind: PropKind, frame: str = "start") -> list[machines.Part]:
    figure = scene.start if frame == "start" else scene.end
    (shape,) = (shape for shape in figure.props if shape.kind is kind)
    return machines.parts(kind, shape.points, shape.facing)


def test_the_machines_are_drawn_as_machines(catalogue: Catalogue) -> None:
    """A cross-trainer has a flywheel, pedals under the feet and handles in the hands; the leg machines a
    weight stack, a seat and a back pad."""
    trainer = scene_of(catalogue["elliptical_trainer"].pose)
    parts = machine_parts(trainer, PropKind.CROSS_TRAINER)
    assert any(shape == "wheel" and size >= 8 for shape, _, size in parts)
    lines = [pts for shape, pts, _ in parts if shape == "line"]
    for hand in ("hand_l", "hand_r"):  # a handle passes through each hand
        x, y = trainer.start.at(hand)
        assert any(_near_segment((x, y), a, b) < 1.0 for a, b in (line[:2] for line in lines)), hand
    for exercise, kind in (("leg_press", PropKind.LEG_PRESS), ("leg_curl", PropKind.LEG_CURL)):
        scene = scene_of(catalogue[exercise].pose)
        parts = machine_parts(scene, kind)
        boxes = [pts for shape, pts, _ in parts if shape == "box"]
        assert any(b[1][1] - b[0][1] >= 16 for b in boxes), f"{exercise}: no weight stack"
        assert any(shape == "line" and size >= 6 for shape, _, size in parts), f"{exercise}: no back pad"


def _near_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    t = max(0.0, min(1.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
    return math.dist(p, (ax + t * (bx - ax), ay + t * (by - ay)))


def test_a_machine_frame_stays_put_while_its_lever_moves(catalogue: Catalogue) -> None:
    """The leg curl's seat, back pad, upright and weight stack stay where they are; its lever and pad swing."""
    scene = scene_of(catalogue["leg_curl"].pose)
    start, end = machine_parts(scene, PropKind.LEG_CURL), machine_parts(scene, PropKind.LEG_CURL, "end")
    moved = [
        a
        for a, b in zip(start, end, strict=True)
        if max(math.dist(p, q) for p, q in zip(a[1], b[1], strict=True)) > 0.01
    ]
    assert [(shape, size) for shape, _, size in moved] == [("line", 2.8), ("wheel", 4.2)]
