"""Pictures that read (issue 14 item 7): what moves shows, and nothing that matters is drawn too small."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Group, Line, Shape

from rehabgen.model.pose import FRAME_H, Pose
from rehabgen.pictures.draw import draw_scene
from rehabgen.pictures.scene import build_scene


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
