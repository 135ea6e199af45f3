"""The pose model: its angle conventions, bases, supports, props and validation (issue 5)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rehabgen.errors import CatalogueError
from rehabgen.io.catalogue import load_catalogue_from
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.pose import FLOOR_Y, FRAME_H, FRAME_W, MIN_PAIR_SCALE, TOUCH, Base, Pose, PropKind, Show
from rehabgen.pictures.body import BASES, RADIUS
from rehabgen.pictures.scene import SQUEEZED_BALL_R, Scene, build_scene, scene_of
from tests.conftest import FIXTURES, ROOT


def pose(**data: Any) -> Pose:
    return Pose.model_validate(data)


def posed(**data: Any) -> Scene:
    return build_scene(pose(**data))


def test_every_base_stands_on_its_supports() -> None:
    for base, spec in BASES.items():
        scene = posed(base=base, show="pair", end={"neck": 10})
        points = scene.start.points
        lowest = min(y - RADIUS[name] for name, (_, y) in points.items())
        assert abs(lowest - FLOOR_Y) < 0.01, base
        assert spec.anchor in points, base


def test_side_view_conventions() -> None:
    """Standing, the camera sees the right side and the figure faces right; flexion is forward."""
    points = posed(base="standing", end={"shoulder_r": 90, "knee_l": 90, "hip_r": 45}).end.points
    assert points["hand_r"][0] > points["shoulder_r"][0] + 20  # arm raised forward
    assert points["ankle_l"][0] < points["knee_l"][0] - 15  # knee bent: the foot goes back
    assert points["knee_r"][0] > points["hip_r"][0] + 10  # hip flexed: the thigh goes forward
    assert points["nose"][0] > points["head"][0]  # facing right


def test_lying_conventions() -> None:
    supine = posed(base="supine", end={"hip_r": 90}).start.points
    prone = posed(base="prone", end={"hip_r": -10}).start.points
    assert supine["head"][0] < supine["pelvis"][0] and supine["nose"][1] > supine["head"][1]  # head left, face up
    assert prone["head"][0] > prone["pelvis"][0] and prone["nose"][1] < prone["head"][1]  # head right, face down


def test_abduction_is_drawn_from_the_front() -> None:
    scene = posed(base="standing", turn=-90, end={"hip_r": {"abd": 40}})
    before, after = scene.start.points, scene.end.points
    # Seen from the front, the figure's right leg is on the picture's left and swings further left.
    assert after["ankle_r"][0] < before["ankle_r"][0] - 10
    assert after["ankle_r"][1] > before["ankle_r"][1] + 5


def test_bare_number_is_flex_and_plural_keys_set_both_sides() -> None:
    a = posed(base="crook_lying", end={"hips": 90}).end.points
    b = posed(base="crook_lying", end={"hip_l": {"flex": 90}, "hip_r": {"flex": 90}}).end.points
    assert a == b


def test_end_inherits_start() -> None:
    data = pose(base="supine", start={"knee_r": 90, "hip_r": 45}, end={"hip_l": 30})
    start, support = data.start.apply(BASES[Base.SUPINE].angles, BASES[Base.SUPINE].support)
    end, _ = data.end.apply(start, support)
    assert end["knee_r"] == 90 and end["hip_r.flex"] == 45 and end["hip_l.flex"] == 30


def test_two_supports_are_levelled() -> None:
    scene = posed(base="quadruped", end={"shoulder_l": 175, "elbow_l": 0, "hip_r": 0, "knee_r": 0})
    for figure in (scene.start, scene.end):
        hands = min(figure.points[n][1] - RADIUS[n] for n in ("hand_l", "hand_r"))
        knees = min(figure.points[n][1] - RADIUS[n] for n in ("knee_l", "knee_r"))
        assert abs(hands - FLOOR_Y) < TOUCH and abs(knees - FLOOR_Y) < TOUCH


def test_a_pair_shrinks_a_lying_body_to_fit() -> None:
    scene = posed(base="supine", show="pair", end={"shoulders": 170, "elbows": 0})
    assert scene.show is Show.PAIR
    assert MIN_PAIR_SCALE <= scene.start.scale < 1.0
    assert scene.start.box[2] <= scene.end.box[0]


def test_a_low_picture_is_zoomed_to_fill_the_card() -> None:
    lying = posed(base="supine", end={"hip_r": 40})
    standing = posed(base="standing", end={"shoulders": 90})
    assert lying.zoom > standing.zoom >= 1.0


# One working example per prop; docs/poses.md describes the same placements.
PROP_EXAMPLES: dict[PropKind, dict[str, Any]] = {
    PropKind.MAT: {"base": "supine", "end": {"hip_r": 40}, "props": ["mat"]},
    PropKind.BALL: {
        "base": "supine",
        "start": {"support": ["trunk"], "hips": 30},
        "end": {"shoulders": 30},
        "props": [{"kind": "ball", "under": "heel_r"}],
    },
    PropKind.BAND: {
        "base": "standing",
        "turn": -90,
        "end": {"hip_r": {"abd": 25}},
        "props": [{"kind": "band", "at": "knee_l", "to": "knee_r"}],
    },
    PropKind.TOWEL: {
        "base": "supine",
        "start": {"hip_r": 70, "shoulders": 70},
        "end": {"hip_r": 80},
        "props": [{"kind": "towel", "at": "hand_r", "to": "toe_r"}],
    },
    PropKind.STICK: {
        "base": "standing",
        "start": {"shoulders": -20},
        "end": {"pitch": 40, "hips": 40},
        "props": [{"kind": "stick", "at": "head", "to": "pelvis"}],
    },
    PropKind.STEP: {
        "base": "standing",
        "start": {"hip_r": 60, "knee_r": 60, "ankle_r": 0},
        "end": {"hip_r": 40},
        "props": [{"kind": "step", "under": "heel_r"}],
    },
    PropKind.BENCH: {
        "base": "supine",
        "start": {"support": ["legs"], "knees": 90, "ankles": 0},
        "end": {"shoulders": 60},
        "props": [{"kind": "bench", "under": "shoulder_r"}],
    },
    PropKind.CHAIR: {"base": "sitting", "end": {"shoulders": 90}, "props": [{"kind": "chair", "under": "pelvis"}]},
    PropKind.WALL: {
        "base": "standing",
        "start": {"shoulders": 90, "elbows": 0},
        "end": {"pitch": 10},
        "props": [{"kind": "wall", "at": "hand_r"}],
    },
    PropKind.POLE: {
        "base": "standing",
        "start": {"shoulder_l": 40},
        "end": {"hip_r": 40},
        "props": [{"kind": "pole", "at": "hand_l"}],
    },
    PropKind.PAD: {"base": "sitting", "end": {"knee_r": 40}, "props": [{"kind": "pad", "at": "ankle_r"}]},
    PropKind.PLATE: {
        "base": "crook_lying",
        "start": {"support": ["trunk"], "hips": 90, "knees": 90},
        "end": {"knees": 20},
        "props": [{"kind": "plate", "at": "toe_r"}],
    },
    PropKind.DUMBBELL: {"base": "standing", "end": {"elbows": 120}, "props": [{"kind": "dumbbell", "at": "hand_r"}]},
    PropKind.KETTLEBELL: {
        "base": "standing",
        "end": {"knees": 40, "hips": 40},
        "props": [{"kind": "kettlebell", "at": "hand_r"}],
    },
    PropKind.BARBELL: {
        "base": "standing",
        "end": {"knees": 40, "hips": 40},
        "props": [{"kind": "barbell", "at": "neck"}],
    },
    PropKind.FOAM_ROLLER: {
        "base": "long_sitting",
        "start": {"hips": 105},
        "end": {"shoulders": -40},
        "props": [{"kind": "foam_roller", "under": "ankle_r"}],
    },
    PropKind.BIKE: {
        "base": "sitting",
        "start": {"lift": 5, "shoulders": 70, "hip_l": 100, "knee_l": 100},
        "end": {"hip_r": 100, "knee_r": 100, "hip_l": 50, "knee_l": 30},
        "props": ["bike"],
    },
    PropKind.CROSS_TRAINER: {
        "base": "standing",
        "anchor": "pelvis",
        "start": {
            "support": ["foot_r", "foot_l"],
            "lift": 14,
            "hip_r": 25,
            "hip_l": -15,
            "shoulders": 40,
            "elbows": 70,
        },
        "end": {"hip_l": 25, "hip_r": -15},
        "props": ["cross_trainer"],
    },
    PropKind.LEG_PRESS: {
        "base": "sitting",
        "show": "pair",
        "start": {
            "support": ["trunk"],
            "lift": 20,
            "pitch": -15,
            "hips": 120,
            "knees": 90,
            "ankles": -40,
            "shoulders": 30,
        },
        "end": {"hips": 75, "knees": 5, "ankles": -5},
        "props": ["leg_press"],
    },
    PropKind.LEG_CURL: {
        "base": "sitting",
        "anchor": "pelvis",
        "start": {"support": ["trunk"], "lift": 24, "pitch": -10, "hips": 85, "knees": 0, "ankles": 0, "shoulders": 20},
        "end": {"support": ["legs"], "lift": 5, "knees": 100},
        "props": ["leg_curl"],
    },
    PropKind.WATER: {
        "base": "prone",
        "start": {"lift": 40},
        "end": {"shoulder_r": 180},
        "props": [{"kind": "water", "level": 52}],
    },
}


@pytest.mark.parametrize("kind", list(PropKind))
def test_every_prop_can_be_placed(kind: PropKind) -> None:
    scene = build_scene(Pose.model_validate(PROP_EXAMPLES[kind]))
    assert any(shape.kind is kind for shape in scene.start.props)


def test_a_pad_between_two_points_is_a_ball_squeezed_halfway_between_them() -> None:
    """The adductor squeeze: a soft ball between the knees, drawn larger than a machine pad."""
    data = {"base": "crook_lying", "tilt": 45, "end": {"hips": {"flex": 50, "abd": 10}}}
    scene = build_scene(Pose.model_validate({**data, "props": [{"kind": "pad", "at": "knee_r", "to": "knee_l"}]}))
    (pad,) = (shape for shape in scene.start.props if shape.kind is PropKind.PAD)
    (kr_x, kr_y), (kl_x, kl_y) = scene.start.points["knee_r"], scene.start.points["knee_l"]
    assert pad.points[0] == pytest.approx(((kr_x + kl_x) / 2, (kr_y + kl_y) / 2))
    assert pad.size == SQUEEZED_BALL_R


def test_geometry_is_deterministic() -> None:
    data = {"base": "side_lying", "tilt": 30, "start": {"hips": 45, "knees": 90}, "end": {"hip_l": {"abd": 35}}}
    assert build_scene(Pose.model_validate(data)) == build_scene(Pose.model_validate(data))


def test_every_catalogue_pose_fits_its_frame(catalogue: Catalogue) -> None:
    with_pose = [ex for ex in catalogue if ex.pose is not None]
    assert len(with_pose) >= 24
    for ex in with_pose:
        assert ex.pose is not None
        scene = scene_of(ex.pose)
        for figure in (scene.start, scene.end):
            x0, y0, x1, y1 = figure.box
            assert x0 >= 0 and x1 <= FRAME_W and y0 >= 0 and y1 <= FRAME_H, ex.id
        if ex.per_side:
            assert ex.pose.mark is not None, f"{ex.id} is done per side: mark the working side"


def test_first_batch_covers_every_base_shown_in_the_docs(catalogue: Catalogue) -> None:
    used = {ex.pose.base for ex in catalogue if ex.pose is not None}
    guide = (ROOT / "docs" / "poses.md").read_text(encoding="utf-8")
    for base in Base:
        assert f"`{base}`" in guide, f"docs/poses.md does not describe {base}"
    assert len(used) >= 9


# --- invalid poses: one defect per fixture, reported as file, line, path and reason --------------------------

CASES = [
    ("unknown_base", 19, ("test_brace", "pose", "base"), "'supin' is not allowed (did you mean 'supine'?)"),
    ("out_of_range", 21, ("test_brace", "pose", "end", "knee_r"), "must be ≤ 165 (got 200)"),
    ("bad_angle", 21, ("test_brace", "pose", "end", "hip_r", "abduction"), "unknown field 'abduction'"),
    ("unknown_point", 21, ("test_brace", "pose", "mark"), "'hip_x' is not allowed (did you mean 'hip_r'?)"),
    ("unknown_prop", 22, ("test_brace", "pose", "props", "1", "kind"), "'matt' is not allowed (did you mean 'mat'?)"),
    ("prop_placement", 22, ("test_brace", "pose", "props", "1"), "a ball needs under"),
    ("outside_frame", 18, ("test_brace", "pose"), "end: the figure does not fit its frame"),
    ("floating_support", 18, ("test_brace", "pose"), "end: the trunk should rest on the floor"),
    ("nothing_moves", 18, ("test_brace", "pose"), "end: nothing moves"),
    ("missing_end", 18, ("test_brace", "pose"), "end is required"),
]


@pytest.mark.parametrize(("case", "line", "path", "reason"), CASES, ids=[c[0] for c in CASES])
def test_invalid_pose_reports_file_line_path_reason(case: str, line: int, path: tuple[str, ...], reason: str) -> None:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue_from([FIXTURES / "pose" / case])
    problems = caught.value.problems
    assert len(problems) == 1, [str(p) for p in problems]
    problem = problems[0]
    assert problem.path == path and reason in problem.message, str(problem)
    assert problem.file is not None and Path(problem.file).name == "exercises.yaml"
    assert problem.line == line


def test_a_valid_pose_loads() -> None:
    catalogue = load_catalogue_from([FIXTURES / "pose" / "valid"])
    assert catalogue["test_brace"].pose is not None
