"""Each cause's specification (clinical.causes): the caution cells of the condition matrix."""

from __future__ import annotations

from rehabgen.clinical.causes import CAUSES
from rehabgen.model.vocab import Cause, Tag


def test_the_caution_tags_follow_the_matrix() -> None:
    """clinical rules §2.9 "C"/"D" cells the catalogue audit relies on (flexion-extension mobility, hinges, arching)."""
    expected = {
        Cause.INTERVERTEBRAL_DISC: {Tag.MOBILITY_FLEX_EXT, Tag.LOADED_HINGE, Tag.AXIAL_LOAD, Tag.FLEXION_RISK},
        Cause.FACET_JOINT_IRRITATION: {Tag.MOBILITY_FLEX_EXT, Tag.LOADED_HINGE, Tag.AXIAL_LOAD, Tag.EXTENSION_RISK},
        Cause.SPINAL_STENOSIS: {Tag.MOBILITY_FLEX_EXT, Tag.LOADED_HINGE, Tag.AXIAL_LOAD, Tag.EXTENSION_RISK},
        Cause.SPONDYLOLYSIS: {Tag.MOBILITY_FLEX_EXT, Tag.LOADED_HINGE, Tag.PASSIVE_FLEXION, Tag.EXTENSION_RISK},
        Cause.STRESS_FRACTURE_SACRAL: {Tag.EXTENSION_RISK, Tag.LOADED_FLEXION},
        Cause.SACROILIAC_JOINT_DYSFUNCTION: {Tag.LOADED_HINGE, Tag.AXIAL_LOAD},
    }
    for cause, tags in expected.items():
        assert tags <= CAUSES[cause].cautions, cause
