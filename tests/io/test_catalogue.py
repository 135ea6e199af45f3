"""The bundled catalogue, its coverage of the seeds and the clinical rules, and catalogue validation (issue 2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rehabgen.cli import app
from rehabgen.errors import CatalogueError
from rehabgen.io.cache import Cache
from rehabgen.io.catalogue import load_catalogue, load_catalogue_from
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import GENERAL_CATEGORIES
from rehabgen.model.vocab import Category, Cause, Equipment, Muscle, Tag
from tests.conftest import FIXTURES

# Every exercise the seed articles name, under its usual name (matched against names and aliases).
SEED_NAMED = [
    "front plank",
    "side plank",
    "high plank with leg lift",
    "bird-dog",
    "bridge",
    "pelvic tilt",
    "the saw",
    "roll-up",
    "single straight-leg stretch",
    "back extension",
    "superman",
    "pilates push-up with leg lift",
    "reverse plank",
    "side-lying leg raise",
    "squat",
    "deadlift",
    "romanian deadlift",
    "good morning",
    "leg curl",
    "lunge",
    "leg press",
    "cat-cow",
    "child's pose",
    "knees to chest",
    "hamstring stretch",
    "hip-flexor stretch",
    "glute stretch",
    "leg swings",
    "hip circles",
    "lunge with rotation",
    "glute activation",
    "foam rolling",
    "walking",
    "cycling",
    "swimming",
    # what the clinical rules need on top
    "dead bug",
    "mcgill curl-up",
    "supine abdominal brace",
    "clam",
    "band walk",
    "single-leg bridge",
    "hip thrust",
    "prone press-up",
    "pool running",
    "walk–run",
    # what the physiotherapist's audit found missing (issue 19)
    "farmer's carry",
    "suitcase carry",
    "sciatic nerve slider",
    "adductor squeeze",
    "copenhagen plank",
    "wall sit",
    "running man",
    "cadence drill",
    "running in chest-deep water",
]


def _names(catalogue: Catalogue) -> list[str]:
    return [n.lower() for ex in catalogue for n in (ex.name, *ex.aliases)]


def _norm(text: str) -> str:
    return re.sub(r"[\s\-–]+", " ", text.lower())


def test_bundled_catalogue_validates(catalogue: Catalogue) -> None:
    assert len(catalogue) >= 60


@pytest.mark.parametrize("name", SEED_NAMED)
def test_seed_named_exercise_is_present(catalogue: Catalogue, name: str) -> None:
    names = [_norm(n) for n in _names(catalogue)]
    assert any(_norm(name) == n or n.startswith(_norm(name) + " ") or _norm(name) in n for n in names), name


def test_yoga_moves_are_present(catalogue: Catalogue) -> None:
    yoga = [ex for ex in catalogue if any("yoga" in a.lower() for a in (ex.name, *ex.aliases))]
    assert len(yoga) >= 4


@pytest.mark.parametrize("cause", list(Cause))
def test_every_cause_is_addressed_three_times(catalogue: Catalogue, cause: Cause) -> None:
    assert len(catalogue.select(cause=cause)) >= 3


def test_every_exercise_addresses_a_cause_or_is_general(catalogue: Catalogue) -> None:
    for ex in catalogue:
        assert ex.causes or ex.category in GENERAL_CATEGORIES, ex.id


def test_ladders_rise(catalogue: Catalogue) -> None:
    for ex in catalogue:
        ladder = catalogue.ladder(ex.id)
        levels = [rung.level for rung in ladder]
        assert levels == sorted(levels) and len(set(levels)) == len(levels), (ex.id, levels)


@pytest.mark.parametrize(
    "member",
    [
        "front_plank",
        "side_plank",
        "bird_dog",
        "dead_bug",
        "mcgill_curl_up",
        "glute_bridge",
        "clam",
        "band_walk",
        "side_lying_leg_raise",
        "roll_up",
        "reverse_plank",
        "back_extension",
    ],
)
def test_core_and_glute_families_have_three_levels(catalogue: Catalogue, member: str) -> None:
    assert len(catalogue.ladder(member)) >= 3


def test_no_floor_exercise_requires_a_mat(catalogue: Catalogue) -> None:
    assert all(Equipment.MAT not in ex.equipment for ex in catalogue)


def test_bodyweight_only_still_covers_every_session_part(catalogue: Catalogue) -> None:
    for category in (
        Category.WARM_UP,
        Category.MOBILITY,
        Category.STRETCH,
        Category.CORE_STABILITY,
        Category.STRENGTH,
        Category.WALKING,
    ):
        assert catalogue.select(category=category, equipment=[]), category


def test_rules_tagging_table(catalogue: Catalogue) -> None:
    """Clinical rules §7.2: the tags the planner's exclusions depend on."""
    expect = {
        "front_plank": {Tag.NEUTRAL_STABILISATION, Tag.ANTI_EXTENSION},
        "side_plank": {Tag.NEUTRAL_STABILISATION, Tag.LATERAL_CORE},
        "bird_dog": {Tag.NEUTRAL_STABILISATION},
        "dead_bug": {Tag.NEUTRAL_STABILISATION},
        "mcgill_curl_up": {Tag.NEUTRAL_STABILISATION},
        "glute_bridge": {Tag.HIP_STRENGTH_NEUTRAL},
        "pelvic_tilt": {Tag.MOBILITY_SMALL_RANGE},
        "cat_cow": {Tag.MOBILITY_FLEX_EXT},
        "roll_up": {Tag.LOADED_FLEXION},
        "the_saw": {Tag.LOADED_FLEXION, Tag.SPINAL_ROTATION},
        # a dynamic Pilates move: ``stretch`` marks static stretch holds only (G11), so it is not tagged so
        "single_straight_leg_stretch": {Tag.TRUNK_FLEXION, Tag.LOADED_FLEXION},
        "pilates_push_up_leg_lift": {Tag.LOADED_FLEXION, Tag.NEUTRAL_STABILISATION},
        "knees_to_chest": {Tag.PASSIVE_FLEXION},
        "childs_pose": {Tag.PASSIVE_FLEXION},
        "back_extension": {Tag.EXTENSION_LOADED},
        "superman": {Tag.EXTENSION_LOADED},
        "prone_press_up": {Tag.EXTENSION_END_RANGE},
        "reverse_plank": {Tag.EXTENSION_BIASED},
        "deadlift": {Tag.LOADED_HINGE, Tag.AXIAL_LOAD},
        "romanian_deadlift": {Tag.LOADED_HINGE, Tag.AXIAL_LOAD},
        "good_morning": {Tag.LOADED_HINGE, Tag.AXIAL_LOAD},
        "leg_press": {Tag.LOWER_LIMB_STRENGTH, Tag.MACHINE, Tag.FLEXION_RISK},
        "lunge": {Tag.LOWER_LIMB_STRENGTH, Tag.UNILATERAL},
        "lunge_with_rotation": {Tag.LOWER_LIMB_STRENGTH, Tag.UNILATERAL, Tag.SPINAL_ROTATION},
        "leg_curl": {Tag.LOWER_LIMB_STRENGTH, Tag.MACHINE},
        "hip_flexor_stretch": {Tag.STRETCH, Tag.EXTENSION_RISK},
        "leg_swings": {Tag.DYNAMIC_WARMUP},
        "hip_circles": {Tag.DYNAMIC_WARMUP},
        "brisk_walk": {Tag.AEROBIC_LOW_IMPACT},
        "walk_run": {Tag.IMPACT, Tag.RUNNING},
        "pogo_hops": {Tag.IMPACT, Tag.PLYOMETRIC},
        "stationary_cycling": {Tag.CROSS_TRAINING, Tag.FLEXED_POSTURE},
        "swimming": {Tag.CROSS_TRAINING},
    }
    for exercise_id, tags in expect.items():
        assert tags <= set(catalogue[exercise_id].tags), exercise_id
    assert Equipment.FOAM_ROLLER in catalogue["foam_roll_glutes"].equipment


def test_muscle_vocabulary_is_fine_enough() -> None:
    needed = {
        "transversus_abdominis",
        "multifidus",
        "erector_spinae",
        "quadratus_lumborum",
        "rectus_abdominis",
        "obliques",
        "gluteus_maximus",
        "gluteus_medius",
        "hamstrings",
        "hip_flexors",
        "quadriceps",
        "adductors",
        "calves",
        "piriformis",
        "thoracic_spine",
        "shoulders",
    }
    assert needed <= {m.value for m in Muscle}


# --- invalid catalogues: one defect per fixture, each with its exact file, line, path and reason ------------

CASES = [
    (
        "unknown_key",
        "exercises.yaml",
        18,
        ("test_brace", "sides"),
        "unknown field 'sides' (did you mean 'per_side'?)",
    ),
    ("wrong_type", "exercises.yaml", 5, ("test_brace", "level"), "must be a whole number (got 'high')"),
    ("out_of_range", "exercises.yaml", 11, ("test_brace", "dosage", "sets"), "must be ≥ 1 (got 0)"),
    (
        "unknown_cause",
        "exercises.yaml",
        9,
        ("test_brace", "causes", "1"),
        "'weak_glute' is not allowed (did you mean 'weak_glutes'?)",
    ),
    (
        "unknown_tag",
        "exercises.yaml",
        10,
        ("test_brace", "tags", "1"),
        "'neutral_stabilization' is not allowed (did you mean 'neutral_stabilisation'?)",
    ),
    (
        "unknown_equipment",
        "exercises.yaml",
        18,
        ("test_brace", "equipment", "1"),
        "'kettle_bell' is not allowed (did you mean 'kettlebell'?)",
    ),
    (
        "unknown_muscle",
        "exercises.yaml",
        8,
        ("test_brace", "muscles", "primary", "1"),
        "'abs' is not allowed; allowed: transversus_abdominis",
    ),
    (
        "dangling_ladder",
        "exercises.yaml",
        18,
        ("test_brace", "harder"),
        "'test_brace_pro' is not an exercise in the catalogue",
    ),
    (
        "ladder_not_rising",
        "exercises.yaml",
        18,
        ("test_brace", "harder"),
        "'test_brace_two' is level 1, not harder than this level 1",
    ),
    (
        "ladder_cycle",
        "exercises.yaml",
        18,
        ("test_brace", "harder"),
        "ladder cycle: test_brace → test_brace_two → test_brace",
    ),
    ("duplicate_id", "b.yaml", 2, ("test_brace", "id"), "duplicate id: already defined in"),
    (
        "mat_required",
        "exercises.yaml",
        18,
        ("test_brace", "equipment"),
        "a mat is comfort, not a requirement",
    ),
    (
        "stretch_dose",
        "exercises.yaml",
        11,
        ("test_brace", "dosage"),
        "a static stretch is held 10-30 s (hold_s), G11",
    ),
    ("missing_pose", "exercises.yaml", 2, ("test_brace", "pose"), "required field is missing"),
    ("not_a_catalogue", "exercises.yaml", 1, (), "expected a mapping with one key, 'exercises:'"),
    ("yaml_syntax", "exercises.yaml", 17, (), "did not find expected ',' or ']'"),
    ("python_tag", "exercises.yaml", 19, (), "this tag is not allowed (rehabgen reads plain YAML only"),
    ("duplicate_key", "exercises.yaml", 6, (), "key 'level' appears twice in the same mapping"),
]


@pytest.mark.parametrize(("case", "file", "line", "path", "reason"), CASES, ids=[c[0] for c in CASES])
def test_invalid_catalogue_reports_file_line_path_reason(
    case: str, file: str, line: int, path: tuple[str, ...], reason: str
) -> None:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue_from([FIXTURES / "catalogue" / case])
    matching = [p for p in caught.value.problems if p.path == path and reason in p.message]
    assert matching, [str(p) for p in caught.value.problems]
    problem = matching[0]
    assert problem.file is not None and Path(problem.file).name == file
    assert problem.line == line


def test_every_problem_is_collected_before_failing(tmp_path: Path) -> None:
    for case in ("unknown_key", "out_of_range", "unknown_cause"):
        text = (FIXTURES / "catalogue" / case / "exercises.yaml").read_text()
        (tmp_path / f"{case}.yaml").write_text(text.replace("test_brace", f"brace_{case}"))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue_from([tmp_path])
    assert {Path(p.file or "").stem for p in caught.value.problems} == {
        "unknown_key",
        "out_of_range",
        "unknown_cause",
    }


def test_python_object_tag_is_refused_and_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    (tmp_path / "x.yaml").write_text(f"exercises:\n  - !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(CatalogueError):
        load_catalogue_from([tmp_path])
    assert not marker.exists()


def test_clinic_folder_layers_over_the_bundled_catalogue() -> None:
    catalogue = load_catalogue([FIXTURES / "catalogue" / "valid_overlay"])
    assert "clinic_brace" in catalogue and "bird_dog" in catalogue
    assert catalogue.ladder("clinic_brace")[1].id == "dead_bug_heel_tap"


def test_same_file_name_replaces_the_bundled_file(tmp_path: Path, catalogue: Catalogue) -> None:
    text = (FIXTURES / "catalogue" / "valid_overlay" / "clinic_extra.yaml").read_text()
    (tmp_path / "stretches.yaml").write_text(text.replace("harder: dead_bug_heel_tap", "harder: dead_bug"))
    layered = load_catalogue([tmp_path])
    assert "hamstring_stretch" not in layered and "clinic_brace" in layered
    assert len(layered) == len(catalogue) - len(catalogue.select(category=Category.STRETCH)) + 1


def test_the_cli_adds_folders_from_the_environment() -> None:
    env = {"REHABGEN_CATALOGUE": str(FIXTURES / "catalogue" / "valid_overlay")}
    result = CliRunner().invoke(app, ["catalogue", "list", "--category", "core_stability"], env=env)
    assert result.exit_code == 0 and "clinic_brace" in result.stdout
    assert "clinic_brace" not in CliRunner().invoke(app, ["catalogue", "list"]).stdout


def test_the_library_reads_no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REHABGEN_CATALOGUE", str(FIXTURES / "catalogue" / "valid_overlay"))
    assert "clinic_brace" not in load_catalogue()


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue_from([tmp_path / "nope"])
    assert caught.value.problems[0].message == "catalogue folder not found"


def test_select_filters_combine(catalogue: Catalogue) -> None:
    found = catalogue.select(cause=Cause.WEAK_GLUTES, equipment=[], category=Category.STRENGTH)
    assert found and all(not ex.equipment and Cause.WEAK_GLUTES in ex.causes for ex in found)


def test_parsed_yaml_cache_follows_the_file(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    folder = tmp_path / "cat"
    folder.mkdir()
    text = (FIXTURES / "catalogue" / "valid_overlay" / "clinic_extra.yaml").read_text()
    (folder / "x.yaml").write_text(text.replace("    harder: dead_bug_heel_tap\n", ""))
    assert load_catalogue_from([folder], cache=cache)["clinic_brace"].level == 1
    assert list((tmp_path / "cache").glob("yaml-*.json"))
    (folder / "x.yaml").write_text(text.replace("    harder: dead_bug_heel_tap\n", "").replace("level: 1", "level: 2"))
    assert load_catalogue_from([folder], cache=cache)["clinic_brace"].level == 2
    (folder / "x.yaml").write_text(text.replace("    harder: dead_bug_heel_tap\n", "").replace("level: 1", "level: 9"))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue_from([folder], cache=cache)
    assert caught.value.problems[0].line == 5


def test_a_corrupt_or_edited_cache_entry_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    folder = tmp_path / "cat"
    folder.mkdir()
    text = (FIXTURES / "catalogue" / "valid_overlay" / "clinic_extra.yaml").read_text()
    (folder / "x.yaml").write_text(text.replace("    harder: dead_bug_heel_tap\n", ""))
    load_catalogue_from([folder], cache=cache)
    (entry,) = (tmp_path / "cache").glob("yaml-*.json")
    good = entry.read_bytes()
    entry.write_bytes(good.replace(b'"level":1', b'"level":5'))  # an edit: its checksum no longer matches
    assert entry.read_bytes() != good
    assert load_catalogue_from([folder], cache=cache)["clinic_brace"].level == 1
    entry.write_bytes(good[: len(good) // 2])  # cut short
    assert load_catalogue_from([folder], cache=cache)["clinic_brace"].level == 1
    assert entry.read_bytes() == good  # rebuilt


def test_a_cache_never_changes_what_is_prescribed(catalogue: Catalogue, tmp_path: Path) -> None:
    cold = load_catalogue(cache=None)
    warm = load_catalogue(cache=Cache(tmp_path))
    again = load_catalogue(cache=Cache(tmp_path))
    assert cold.fingerprint == warm.fingerprint == again.fingerprint == catalogue.fingerprint


def test_the_picture_pass_is_remembered_only_for_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rehabgen.pictures import check

    calls: list[int] = []
    real = check.check_pictures
    monkeypatch.setattr(check, "check_pictures", lambda cat: calls.append(len(cat)) or real(cat))
    cache = Cache(tmp_path / "cache")
    load_catalogue(cache=cache)
    load_catalogue(cache=cache)
    assert len(calls) == 1  # the second load trusted the first's pass
    folder = tmp_path / "cat"
    folder.mkdir()
    text = (FIXTURES / "catalogue" / "valid_overlay" / "clinic_extra.yaml").read_text()
    (folder / "x.yaml").write_text(text)
    load_catalogue([folder], cache=cache)
    assert len(calls) == 2  # another file: checked in full
    (folder / "x.yaml").write_text(text.replace("elbows: 27", "elbows: 30"))
    load_catalogue([folder], cache=cache)
    load_catalogue([folder], cache=None)
    assert len(calls) == 4  # changed, and no cache: checked each time
