"""docs/clinical-rules.md is the project's clinical basis: every id the code uses and every section it cites is in it.

The ids are read from the code itself (importable data where there is some, the source's syntax tree where there is
not), so a new triage reason, exclusion rule, warning, advice section or gate fails here until it is documented.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rehabgen.clinical import causes, triage
from rehabgen.model import vocab
from rehabgen.model.vocab import EXTENSION_TAGS, IMPACT_TAGS, Cause, Phase, Status, Tag
from rehabgen.plan import calibration, dosage, phases, running, schedule, slots, volume, weeks
from tests.conftest import ROOT

DOC_PATH = ROOT / "docs" / "clinical-rules.md"
DOC = DOC_PATH.read_text(encoding="utf-8")
SRC = ROOT / "src" / "rehabgen"
README = (ROOT / "README.md").read_text(encoding="utf-8")

# A section reference: "§2.9", "§1.2–1.3", "§2.4-2.6" (both ends of a range are checked).
SECTION_REF = re.compile("\N{SECTION SIGN}" + r"\s?(\d+(?:\.\d+)*)(?:\s?[–-]\s?(\d+(?:\.\d+)*))?")
HEADING = re.compile(r"^(#{1,6}) (.+?)\s*$", re.M)
ROW_START = re.compile(r"^\| `([A-Za-z0-9_]+)` \|")


# --- reading the document ---------------------------------------------------------------------------------------------


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _headings() -> list[str]:
    return [m.group(2) for m in HEADING.finditer(DOC)]


def _section_numbers() -> set[str]:
    found = set()
    for heading in _headings():
        match = SECTION_REF.match(heading)
        if match:
            found.add(match.group(1))
    return found


def _part(title: str) -> str:
    """The text of the level-2 section with this title, up to the next level-2 heading."""
    start = DOC.index(f"\n## {title}\n")
    end = DOC.find("\n## ", start + 1)
    return DOC[start : end if end != -1 else len(DOC)]


def _sections_by_slug(text: str) -> dict[str, str]:
    """Each heading's own text (up to the next heading of any level), keyed by the heading's anchor."""
    found: dict[str, str] = {}
    matches = list(HEADING.finditer(text))
    for here, after in zip(matches, [*matches[1:], None], strict=True):
        found[_slug(here.group(2))] = text[here.end() : after.start() if after else len(text)]
    return found


def _rows() -> dict[str, list[str]]:
    """Table rows by the backticked id in their first cell."""
    rows: dict[str, list[str]] = {}
    for line in DOC.splitlines():
        match = ROW_START.match(line)
        if match:
            rows.setdefault(match.group(1), []).append(line)
    return rows


def _blocks() -> list[str]:
    """Bullets, table rows and paragraphs, each as one line of text."""
    blocks: list[str] = []
    current: list[str] = []
    for line in DOC.splitlines():
        stripped = line.strip()
        if (not stripped or stripped.startswith(("* ", "| ", "#"))) and current:
            blocks.append(" ".join(current))
            current = []
        if stripped:
            current.append(stripped)
    if current:
        blocks.append(" ".join(current))
    return blocks


def _backticked() -> set[str]:
    return set(re.findall(r"`([^`\n]+)`", DOC))


# --- reading the code -------------------------------------------------------------------------------------------------


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _keyword_strings(paths: list[Path], call: str, keyword: str) -> set[str]:
    """Every string constant passed as ``keyword=`` to a call of ``call`` in these files."""
    found = set()
    for path in paths:
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Call) and _call_name(node) == call:
                for kw in node.keywords:
                    if kw.arg == keyword and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
                        found.add(kw.value.value)
    return found


def _python_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _triage_reasons() -> dict[str, Status]:
    """Reason code → the status it gives, read from clinical/triage.py.

    Reasons are built either as ``Reason("code", _A, …)`` or in a comprehension over ``(present, code, text)``
    tuples with ``Reason(code, _E, …)``; the status aliases (``_E, _U = Status.…``) are resolved too.
    """
    tree = _tree(SRC / "clinical" / "triage.py")
    aliases: dict[str, Status] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Tuple)
            and isinstance(node.value, ast.Tuple)
        ):
            for target, value in zip(node.targets[0].elts, node.value.elts, strict=True):
                is_status = isinstance(value, ast.Attribute) and ast.unparse(value.value) == "Status"
                if isinstance(target, ast.Name) and isinstance(value, ast.Attribute) and is_status:
                    aliases[target.id] = Status[value.attr]
    found: dict[str, Status] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) == "Reason":
            code, status = node.args[0], node.args[1]
            assert isinstance(status, ast.Name), ast.unparse(node)
            if isinstance(code, ast.Constant):
                found[code.value] = aliases[status.id]
        if isinstance(node, ast.ListComp) and isinstance(node.elt, ast.Call) and _call_name(node.elt) == "Reason":
            code, status = node.elt.args[0], node.elt.args[1]
            target, rows = node.generators[0].target, node.generators[0].iter
            assert isinstance(code, ast.Name) and isinstance(status, ast.Name) and isinstance(target, ast.Tuple)
            assert isinstance(rows, ast.Tuple), ast.unparse(node)
            names = [t.id for t in target.elts if isinstance(t, ast.Name)]
            at = names.index(code.id)
            for row in rows.elts:
                assert isinstance(row, ast.Tuple)
                value = row.elts[at]
                assert isinstance(value, ast.Constant)
                found[value.value] = aliases[status.id]
    return found


def _tags_of(node: ast.expr) -> set[str]:
    """The tag values of a tag-set expression in plan/exclusions.py: ``{Tag.X, …}``, ``IMPACT_TAGS``, unions."""
    if isinstance(node, ast.Set):
        return set().union(*(_tags_of(e) for e in node.elts))
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Tag":
        return {Tag[node.attr].value}
    if isinstance(node, ast.Name):
        return {t.value for t in getattr(vocab, node.id)}
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _tags_of(node.left) | _tags_of(node.right)
    raise AssertionError(f"cannot read the tags of {ast.unparse(node)}")


def _exclusion_rules() -> dict[str, set[str]]:
    """Every exclusion rule code and its tags: each cause's rules, the recent-strain rules, and the phase and
    running rules built in plan/exclusions.py."""
    found = {r.code: {t.value for t in r.tags} for spec in causes.CAUSES.values() for r in spec.exclusions}
    found |= {r.code: {t.value for t in r.tags} for r in causes.ACUTE_STRAIN_RULES}
    for node in ast.walk(_tree(SRC / "plan" / "exclusions.py")):
        if isinstance(node, ast.Call) and _call_name(node) == "rule" and isinstance(node.args[0], ast.Constant):
            found[node.args[0].value] = _tags_of(node.args[1])
    return found


# --- section citations ------------------------------------------------------------------------------------------------


def _citing_files() -> Iterator[Path]:
    yield from _python_files(SRC)
    yield from _python_files(ROOT / "tests")
    yield from sorted((ROOT / "programs").glob("*.yaml"))
    yield from sorted(p for p in (ROOT / "docs").glob("*.md") if p != DOC_PATH)
    yield ROOT / "README.md"


def test_every_section_the_code_tests_and_readme_cite_is_a_heading() -> None:
    numbers = _section_numbers()
    missing = []
    cited = 0
    for path in _citing_files():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in SECTION_REF.finditer(line):
                for number in filter(None, match.groups()):
                    cited += 1
                    if number not in numbers:
                        missing.append(f"{path.relative_to(ROOT)}:{n}: {match.group(0)}")
    assert cited > 50, "the citations were not found: has the section sign changed?"
    assert not missing, "cited sections without a heading in docs/clinical-rules.md:\n" + "\n".join(missing)


def test_sections_one_to_eight_are_in_order() -> None:
    top = [m.group(1) for h in _headings() if (m := re.match("\N{SECTION SIGN}" + r"(\d+) ", h))]
    assert top == [str(n) for n in range(1, 9)]


def test_every_invariant_id_cited_in_code_or_tests_exists() -> None:
    cited = set()
    for path in [*_python_files(SRC), *_python_files(ROOT / "tests")]:
        cited |= set(re.findall(r"\bG(\d{1,2})\b", path.read_text(encoding="utf-8")))
    assert cited, "no G ids found"
    assert {int(n) for n in cited} <= set(range(1, 15))


# --- ids --------------------------------------------------------------------------------------------------------------


def test_every_triage_reason_has_a_row_with_its_status() -> None:
    reasons = _triage_reasons()
    assert set(triage.CONCERNS) <= set(reasons), "the syntax-tree reading of triage.py missed reasons"
    rows = _rows()
    wrong = []
    for code, status in sorted(reasons.items()):
        if not any(f"`{status.value}`" in row for row in rows.get(code, [])):
            wrong.append(f"{code} ({status.value})")
    assert not wrong, "triage reasons without a table row giving their status: " + ", ".join(wrong)


def test_every_concern_lists_its_reasons() -> None:
    rows = _rows()
    for code, concern in triage.CONCERNS.items():
        assert any(f"`{code}`" in row for row in rows.get(concern, [])), f"{concern} does not list {code}"


def test_every_exclusion_rule_has_a_row_naming_all_its_tags() -> None:
    rules = _exclusion_rules()
    assert {"protect_phase", "jumps_before_running", "pelvic_floor_impact"} <= set(rules)
    rows = _rows()
    for code, tags in sorted(rules.items()):
        assert code in rows, f"exclusion rule {code} has no row"
        missing = {t for t in tags if not any(f"`{t}`" in row for row in rows[code])}
        assert not missing, f"the row of {code} does not name {sorted(missing)}"


def test_every_warning_code_has_a_row() -> None:
    codes = _keyword_strings(_python_files(SRC), "PlanWarning", "code")
    assert "conflicting_directional_bias" in codes
    rows = _rows()
    assert not sorted(codes - set(rows)), f"warnings without a row: {sorted(codes - set(rows))}"


def test_every_adjustment_refusal_code_has_a_row() -> None:
    from rehabgen.plan.adjustments import REFUSAL_CODES

    rows = _rows()
    assert not sorted(set(REFUSAL_CODES) - set(rows)), f"codes without a row: {sorted(set(REFUSAL_CODES) - set(rows))}"
    source = "".join(p.read_text(encoding="utf-8") for p in (SRC / "plan").glob("adjust*.py"))
    used = set(re.findall(r'"(adjustment_[a-z_]+)"', source))
    assert used == set(REFUSAL_CODES), f"codes used but not listed, or listed but not used: {used ^ set(REFUSAL_CODES)}"


@pytest.mark.parametrize(("call", "keyword"), [("Advice", "id"), ("Gate", "id"), ("Tier", "code")])
def test_every_advice_gate_and_band_id_is_named(call: str, keyword: str) -> None:
    ids = _keyword_strings(_python_files(SRC / "plan"), call, keyword)
    assert ids, f"no {call} ids found"
    missing = sorted(ids - _backticked())
    assert not missing, f"{call} ids not in the document: {missing}"


def test_the_invariants_g1_to_g14_have_a_row_each() -> None:
    part = _sections_by_slug(_part("§8 Intake and invariants"))["82-global-invariants"]
    for n in range(1, 15):
        assert f"| `G{n}` |" in part, f"G{n} has no row in §8.2"


@pytest.mark.parametrize("vocabulary", [Cause, Tag, Status])
def test_every_cause_tag_and_status_is_named(vocabulary: type[Cause] | type[Tag] | type[Status]) -> None:
    missing = sorted(m.value for m in vocabulary if m.value not in _backticked())
    assert not missing, f"{vocabulary.__name__} values not in the document: {missing}"


def test_every_module_the_document_names_exists() -> None:
    named = set(re.findall(r"`((?:model|words|io|clinical|plan|render|pictures|cli)/[\w/]+\.py)`", DOC))
    assert len(named) > 15
    assert not sorted(p for p in named if not (SRC / p).is_file()), "modules that do not exist"


# --- figures: the document states what the code holds -----------------------------------------------------------------


def _pct(share: float) -> str:
    return f"{round(share * 100)}%"


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


FIGURES: list[tuple[Any, str, Callable[[Any], str]]] = [
    (triage, "SEVERE_PAIN", lambda v: f"`pain_nprs` {v} or more"),
    (triage, "BONE_STRESS_PAIN", lambda v: f"`pain_nprs` {v} or more"),
    (triage, "NEW_ONSET_WEEKS", lambda v: f"younger than {v} weeks"),
    (triage, "NEW_BILATERAL_WEEKS", lambda v: f"{v} weeks or less"),
    (causes, "ACUTE_STRAIN_WEEKS", lambda v: f"younger than {v} weeks"),
    (phases, "POSTPARTUM_RUN_WEEKS", lambda v: f"the {v}th week"),
    (phases, "DELOAD_EVERY", lambda v: f"every {v}th week"),
    (phases, "EXPERIENCED_KM", lambda v: f"{v:g} km a week"),
    (dosage, "OLDER_ADULT_AGE", lambda v: f"age {v}"),
    (dosage, "MAX_SETS", lambda v: f"above {v} sets"),
    (dosage, "PYRAMID_TOP", lambda v: f"{v[0]}, {v[1]} and {v[2]}"),
    (dosage, "REP_STEP", lambda v: f"+{v} per set"),
    (dosage, "HOLD_STEP_S", lambda v: f"+{v} s"),
    (
        dosage,
        "REP_TOP",
        lambda v: f"{v[Phase.PROTECT]} in the protect phase, {v[Phase.RESTORE]} in the restore phase",
    ),
    (dosage, "REP_TOP", lambda v: f"{v[Phase.STRENGTHEN]} in the strengthen and return-to-run phases"),
    (dosage, "REST_S", lambda v: f"{v[Phase.PROTECT]} s (protect), {v[Phase.RESTORE]} s (restore)"),
    (dosage, "REST_S", lambda v: f"{v[Phase.STRENGTHEN]} s (strengthen and return to run)"),
    (
        dosage,
        "SETS_CAP",
        lambda v: (
            f"warm-ups stay at {v[vocab.Category.WARM_UP]} set, mobility at {v[vocab.Category.MOBILITY]}, "
            f"stretches at {v[vocab.Category.STRETCH]}"
        ),
    ),
    (volume, "MAX_WEEKLY_SETS_RISE", lambda v: f"at most {_pct(v - 1)}"),
    (
        volume,
        "SESSION_BUDGET_MIN",
        lambda v: (
            f"within {v[Phase.PROTECT]} minutes in the protect phase, {v[Phase.RESTORE]} in the restore phase"
            + (f" and {v[Phase.STRENGTHEN]} later" if v[Phase.STRENGTHEN] == v[Phase.RETURN_TO_RUN] else " (differs)")
        ),
    ),
    (running, "WEEKLY_RISE", lambda v: f"at most {_pct(v - 1)}"),
    (running, "SINGLE_RUN_CAP", lambda v: f"longer than {_pct(v)}"),
    (running, "LIGHTER_RUNNING", lambda v: f"runs {_pct(v)}"),
    (running, "SESSIONS_PER_LEVEL", lambda v: f"at least {v} sessions"),
    (running, "RUN_DAYS_WALK_RUN", lambda v: "days " + ", ".join(map(str, v[:-1])) + f" and {v[-1]}"),
    (calibration, "EXIT_SHARE", lambda v: f"({_pct(v)})"),
    (
        calibration,
        "FIRST_CONTINUOUS_SHARE",
        lambda v: (
            f"{_pct(v['low'])} of the usual weekly distance when the back flares little, "
            f"{_pct(v['moderate'])} when moderately, {_pct(v['high'])} when easily"
        ),
    ),
    (slots, "MAX_PER_SESSION", lambda v: f"At most {v} exercises"),
    (weeks, "WALK_START_MIN", lambda v: f"{v[True]} minutes a day when pain is 5/10 or more, otherwise {v[False]}"),
    (schedule, "PREFERRED_AEROBIC_PER_WEEK", lambda v: f"{_times(v)} a week"),
    (vocab, "EXTENSION_TAGS", lambda v: " ".join(f"`{t}`" for t in sorted(v))),
    (vocab, "IMPACT_TAGS", lambda v: " ".join(f"`{t}`" for t in sorted(v))),
]


@pytest.mark.parametrize(("module", "name", "expect"), FIGURES, ids=[f"{m.__name__}.{n}" for m, n, _ in FIGURES])
def test_the_document_states_the_figure_the_code_holds(module: Any, name: str, expect: Callable[[Any], str]) -> None:
    value = getattr(module, name)
    blocks = [b for b in _blocks() if f"`{name}`" in b]
    assert blocks, f"`{name}` is not named in the document"
    wanted = expect(value)
    if name.endswith("_TAGS"):  # a set: every member in the block that names it
        assert any(all(f"`{t}`" in b for t in value) for b in blocks), f"{name} should list {wanted}"
        return
    assert any(wanted in b for b in blocks), f"{name} = {value!r}: the document should say {wanted!r}"


def test_the_walk_run_ladder_table_matches_the_levels() -> None:
    def minutes(m: float) -> str:
        return f"{int(m * 60)} s" if m < 1 else f"{m:g} min"

    for level, (run, walk, repeats) in enumerate(running.WALK_RUN_LEVELS):
        row = f"| {level} | {minutes(run)} | {minutes(walk)} | {repeats} |"
        assert row in DOC, f"the ladder table should have the row {row}"


def test_extension_and_impact_sets_are_what_the_rules_use() -> None:
    """The exclusion table spells the tag groups out; they must still be the groups the code defines."""
    assert {t.value for t in EXTENSION_TAGS} == {"extension_loaded", "extension_end_range", "extension_biased"}
    assert {t.value for t in IMPACT_TAGS} == {"impact", "running", "plyometric"}


# --- marks, sources and links -----------------------------------------------------------------------------------------


def test_every_sourced_mark_names_a_listed_source() -> None:
    sources = _part("Sources")
    listed = {" ".join(name.split()) for name in re.findall(r"^\* \*\*(.+?)\*\*", sources, re.M)}
    cited = set()
    body = DOC[DOC.index("\n## " + "\N{SECTION SIGN}" + "1 ") :]
    for group in re.findall(r"\[SOURCED:\s+([^\]]+)\]", body):
        cited |= {" ".join(name.split()) for name in group.split(";")}
    assert cited, "no [SOURCED: …] marks found"
    assert not sorted(cited - listed), f"cited but not under Sources: {sorted(cited - listed)}"
    assert not sorted(listed - cited), f"listed under Sources but never cited: {sorted(listed - cited)}"
    for entry in re.findall(r"^\* \*\*.+?(?=^\* |^\S|\Z)", sources, re.M | re.S):
        assert "http" in entry or "no addresses recorded" in entry, f"a source without its address: {entry[:60]}"


def test_every_link_inside_the_document_resolves() -> None:
    anchors = {_slug(h) for h in _headings()}
    broken = sorted(set(re.findall(r"\]\(#([^)]+)\)", DOC)) - anchors)
    assert not broken, f"links to missing headings: {broken}"


def test_every_judgement_is_in_the_review_list_under_its_section() -> None:
    body = DOC[DOC.index("\n## " + "\N{SECTION SIGN}" + "1 ") : DOC.index("\n## For clinical review\n")]
    marks = Counter(
        {slug: text.count("[JUDGEMENT]") for slug, text in _sections_by_slug(body).items() if "[JUDGEMENT]" in text}
    )
    review = _part("For clinical review")
    items = re.findall(r"^\* \[[^\]]+\]\(#([^)]+)\)", review, re.M)
    assert items, "the review list is empty"
    assert len(items) == len(re.findall(r"^\* ", review, re.M)), "every review item starts with a link"
    listed = Counter(items)
    assert listed == marks, "each section's [JUDGEMENT] marks and its review items differ: " + ", ".join(
        f"{s}: {marks[s]} marks, {listed[s]} items" for s in sorted(set(marks) | set(listed)) if marks[s] != listed[s]
    )


# --- the project points at its own document ---------------------------------------------------------------------------


def test_the_readme_links_the_document_and_not_the_shared_folder() -> None:
    assert "](docs/clinical-rules.md)" in README
    assert "../shared" not in README


def test_nothing_points_at_the_old_rule_book() -> None:
    """No path to the shared rule book anywhere, and no "RULES §" citation outside the templates.

    The templates' descriptions still say "RULES §x.y" (the same section numbers): a description is part of the
    input hash printed on every handout, so rewording them waits for a change that updates the golden files.
    """
    path_to_it = ["shared" + "/clinical", "RULES" + ".md"]
    old_citation = "RULES" + " " + "\N{SECTION SIGN}"
    files = [*_citing_files(), *sorted((ROOT / "examples").rglob("*.*")), ROOT / "pyproject.toml"]
    found = []
    for path in files:
        if path.suffix not in {".py", ".md", ".yaml", ".yml", ".toml", ".csv", ".txt"} or path == Path(__file__):
            continue
        text = path.read_text(encoding="utf-8")
        needles = path_to_it if path.parent == ROOT / "programs" else [*path_to_it, old_citation]
        found += [f"{path.relative_to(ROOT)}: {needle}" for needle in needles if needle in text]
    assert not found, "references to the old rule book: " + "; ".join(found)
