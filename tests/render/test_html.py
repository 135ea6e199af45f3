"""The HTML handout (issue 14, item 10), checked as a reader gets it: a strict HTML5 parse, then the tree.

A screen-reader user navigates by headings, landmarks, lists and table headers, so those are what these tests
walk: one h1 and no skipped level, every section named, every table captioned with header cells, every picture
and form control with a text alternative, every in-page reference resolving. The safety rules hold as in the
PDF: a referral carries no exercise content, patient text carries no codes, every handout says it is not a
diagnosis and names the version and input code that made it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import html5lib
import pytest
from hypothesis import given, settings

from rehabgen.io.clinics import load_clinic
from rehabgen.io.profiles import load_profile
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.clinic import Clinic
from rehabgen.model.profile import Profile
from rehabgen.model.template import DEFAULT_TEMPLATE
from rehabgen.plan.planner import build_programme
from rehabgen.render.handout import Handout, HandoutOptions
from rehabgen.render.html import render_html
from rehabgen.render.html.markup import esc
from rehabgen.render.html.pictures import picture_svg
from rehabgen.render.html.style import COLOUR_PAIRS, LIGHT, PAPER, contrast, readable_accent
from rehabgen.render.registry import FORMATS, format_for_suffix
from rehabgen.render.usage import usages
from rehabgen.words.doses import dose_words
from tests.conftest import EXAMPLES, ROOT, make_profile
from tests.invariants import INTERNAL_IDS
from tests.strategies import profiles

SVG = "{http://www.w3.org/2000/svg}"
HEADING = re.compile(r"^h([1-6])$")
REFERRALS = {
    "emergency": {"red_flags": {"saddle_anaesthesia": True, "bladder_dysfunction": True}, "region": "AU"},
    "urgent": {"red_flags": {"fever_or_unwell": True}, "region": "US"},
    "clinician_required": {"age": 13},
}


def _html(profile: Profile, catalogue: Catalogue, *, clinic: Clinic | None = None, **options: Any) -> str:
    handout = Handout(build_programme(profile, catalogue), catalogue, clinic=clinic, options=HandoutOptions(**options))
    return render_html(handout)


def _cases() -> dict[str, tuple[Profile, dict[str, Any]]]:
    prevention = make_profile(
        patient={"name": "Chris Runner", "id": "R-7"},
        age=45,
        pain_nprs=0,
        symptom_duration_weeks=0,
        weekly_running_km=35,
        equipment=["dumbbells", "resistance_band"],
        programme_weeks=6,
        start_date="2027-01-04",
        region="US",
        goal="10k",
    )
    return {
        "example": (load_profile(EXAMPLES / "profile.yaml"), {}),
        "large_print_letter_clinic": (
            load_profile(EXAMPLES / "profile.yaml"),
            {"large_print": True, "page_size": "letter", "clinic": "example"},
        ),
        "prevention_no_start_date": (prevention.model_copy(update={"start_date": None}), {}),
        "review_adjusted": (load_profile(EXAMPLES / "review.yaml"), {"clinic": "example"}),
        **{name: (make_profile(**changes), {}) for name, changes in REFERRALS.items()},
    }


@pytest.fixture(scope="module")
def documents(catalogue: Catalogue) -> dict[str, str]:
    """Every case's document, rendered once for the module."""
    out = {}
    for name, (profile, options) in _cases().items():
        clinic = load_clinic(EXAMPLES / "clinic.yaml") if options.get("clinic") else None
        out[name] = _html(profile, catalogue, clinic=clinic, **{k: v for k, v in options.items() if k != "clinic"})
    return out


@pytest.fixture(scope="module")
def trees(documents: dict[str, str]) -> dict[str, Element]:
    """Every case's parsed tree (read only: a test that changes a tree parses its own)."""
    return {name: parse(document) for name, document in documents.items()}


def parse(document: str) -> Element:
    """The document's tree; any HTML5 parse error fails the test (html5lib's strict mode)."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree: Element = parser.parse(document)
    return tree


def _find(node: Element, path: str) -> Element:
    found = node.find(path)
    assert found is not None, path
    return found


def _text(node: Element) -> str:
    """The text of a node, a space between elements (so block elements do not run together), spaces collapsed."""
    return re.sub(r"\s+", " ", " ".join(node.itertext())).strip()


def _headings(root: Element) -> list[tuple[int, str]]:
    return [(int(m.group(1)), _text(e)) for e in root.iter() if isinstance(e.tag, str) and (m := HEADING.match(e.tag))]


def _ids(root: Element) -> dict[str, Element]:
    found: dict[str, Element] = {}
    for e in root.iter():
        if (value := e.get("id")) is not None:
            assert value not in found, f"id {value!r} is used twice"
            found[value] = e
    return found


def _patient_text(root: Element) -> str:
    """The text a patient reads: the body without the clinician's section (which shows codes on purpose)."""
    parts: list[str] = []

    def walk(node: Element) -> None:
        if node.get("id") == "clinician":
            return
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")

    walk(_find(root, "body"))
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


CASES = list(_cases())


@pytest.mark.parametrize("case", CASES)
def test_parses_as_html5_without_a_single_error(documents: dict[str, str], case: str) -> None:
    document = documents[case]
    assert document.startswith("<!DOCTYPE html>\n")
    root = parse(document)
    assert root.tag == "html" and root.get("lang") == "en-GB"
    head = root.find("head")
    assert head is not None
    assert head.find("meta[@charset='utf-8']") is not None
    assert head.find("meta[@name='viewport']") is not None
    title = head.find("title")
    assert title is not None and _text(title)
    assert root.find("body/main") is not None


def test_the_parser_is_strict() -> None:
    with pytest.raises(html5lib.html5parser.ParseError):
        parse("<!DOCTYPE html><html><body><p>open <b>bold</p></i></body></html>")


@pytest.mark.parametrize("case", CASES)
def test_self_contained_no_scripts_and_no_requests(trees: dict[str, Element], case: str) -> None:
    root = trees[case]
    assert [e.tag for e in root.iter() if e.tag in ("script", "link", "iframe", "object", "embed")] == []
    assert len(root.findall("head/style")) == 1
    for e in root.iter():
        for name in ("href", "src", "action"):
            value = e.get(name)
            assert value is None or value.startswith(("#", "data:image/")), (e.tag, name, value)
    style = root.find("head/style")
    assert style is not None and "url(" not in (style.text or "") and "@import" not in (style.text or "")


@pytest.mark.parametrize("case", CASES)
def test_one_h1_and_heading_levels_never_skip(trees: dict[str, Element], case: str) -> None:
    levels = [level for level, _ in _headings(trees[case])]
    assert levels[0] == 1 and levels.count(1) == 1, levels
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"h{before} is followed by h{after}"
    assert all(text for _, text in _headings(trees[case]))


@pytest.mark.parametrize("case", CASES)
def test_ids_are_unique_and_every_reference_resolves(trees: dict[str, Element], case: str) -> None:
    root = trees[case]
    ids = _ids(root)
    for e in root.iter():
        refs = [(e.get("href") or "").removeprefix("#")] if (e.get("href") or "").startswith("#") else []
        refs += [e.get("for") or ""]
        for name in ("aria-labelledby", "aria-describedby"):
            refs += (e.get(name) or "").split()
        for ref in filter(None, refs):
            assert ref in ids, f"<{e.tag}> refers to missing id {ref!r}"


@pytest.mark.parametrize("case", CASES)
def test_every_section_is_named(trees: dict[str, Element], case: str) -> None:
    root = trees[case]
    ids = _ids(root)
    sections = root.findall(".//section")
    assert sections
    for section in sections:
        label = section.get("aria-label")
        named_by = section.get("aria-labelledby")
        assert label or named_by, _text(section)[:80]
        if named_by:
            assert HEADING.match(ids[named_by].tag) and ids[named_by] in list(section.iter())


def test_the_contents_link_to_every_top_level_section(trees: dict[str, Element]) -> None:
    root = trees["example"]
    nav = root.find(".//nav")
    assert nav is not None
    targets = [a.get("href") for a in nav.iter("a")]
    sections = [s.get("id") for s in root.findall("body/main/section") if s.get("id")]
    assert targets == [f"#{s}" for s in sections]
    titles = [_text(a) for a in nav.iter("a")]
    assert titles[:3] == ["When to stop and get help", "Your plan at a glance", "How to use your plan"]
    assert "Your exercises" in titles and titles[-1] == "For your physiotherapist or doctor"


@pytest.mark.parametrize("case", CASES)
def test_every_picture_and_control_has_a_text_alternative(trees: dict[str, Element], case: str) -> None:
    root = trees[case]
    ids = _ids(root)
    for svg in root.iter(f"{SVG}svg"):
        assert svg.get("role") == "img"
        title = ids[svg.get("aria-labelledby") or ""]
        assert title.tag == f"{SVG}title" and _text(title).startswith("Drawing of ")
        assert len(_text(ids[svg.get("aria-describedby") or ""])) > 40
    for img in root.iter("img"):
        assert (img.get("alt") or "").strip(), img.attrib
    labels = {e.get("for") for e in root.iter("label")}
    for control in root.iter("input"):
        assert control.get("id") in labels or (control.get("aria-label") or "").strip(), control.attrib


def test_each_exercise_card_has_its_picture(trees: dict[str, Element], catalogue: Catalogue) -> None:
    root = trees["example"]
    cards = root.findall(".//article")
    programme = build_programme(load_profile(EXAMPLES / "profile.yaml"), catalogue)
    assert len(cards) == len(usages(programme))
    for card in cards:
        name = _text(_find(card, "h4"))
        pictures = list(card.iter(f"{SVG}svg"))
        assert len(pictures) == 1 and f"Drawing of {name}" in _text(pictures[0])


@pytest.mark.parametrize("case", CASES)
def test_every_table_has_a_caption_and_header_cells(trees: dict[str, Element], case: str) -> None:
    for table in trees[case].iter("table"):
        caption = table.find("caption")
        assert caption is not None and _text(caption), "a table without a caption"
        head = table.findall("thead/tr/*")
        assert head and all(c.tag == "th" and c.get("scope") == "col" for c in head), _text(caption)
        for row in table.findall("tbody/tr"):
            first = row[0]
            assert first.tag == "th" and first.get("scope") == "row", _text(caption)
            assert len(row) == len(head), _text(caption)


def _weeks(label: str) -> range:
    """The weeks a dose line covers: "Week 4 (lighter week):" or "Weeks 2–3:"."""
    found = re.match(r"Weeks? (\d+)(?:–(\d+))?", label)
    assert found, label
    return range(int(found.group(1)), int(found.group(2) or found.group(1)) + 1)


def test_every_exercise_appears_with_its_dose_in_words(trees: dict[str, Element], catalogue: Catalogue) -> None:
    programme = build_programme(load_profile(EXAMPLES / "profile.yaml"), catalogue)
    cards = {_text(_find(a, "h4")): a for a in trees["example"].iter("article")}
    for exercise_id, usage in usages(programme).items():
        name = catalogue[exercise_id].name
        assert name in cards, name
        lines = [
            (_weeks(_text(_find(li, "strong"))), _text(li)) for li in cards[name].findall(".//ul[@class='doses']/li")
        ]
        assert lines, name
        for week, item, _ in usage.items:
            covering = [text for weeks, text in lines if week in weeks]
            assert len(covering) == 1 and covering[0].endswith(dose_words(item)), (name, week, dose_words(item))


@pytest.mark.parametrize("name", list(REFERRALS))
def test_a_referral_is_the_referral_page_only(trees: dict[str, Element], catalogue: Catalogue, name: str) -> None:
    root = trees[name]
    text = _text(_find(root, "body"))
    programme = build_programme(make_profile(**REFERRALS[name]), catalogue)
    assert programme.status.is_referral and programme.referral is not None
    assert programme.referral.action in text and programme.referral.headline in text
    for marker in ("Your exercises", "How to do it", "Your dose", "calendar", "Walk–run", "Tracking", "Contents"):
        assert marker not in text, marker
    for exercise in catalogue:
        assert exercise.name not in text or exercise.name.lower() in ("walking",), exercise.name
    assert not list(root.iter(f"{SVG}svg")) and not list(root.iter("table")) and not list(root.iter("input"))
    assert not list(root.iter("article")) and root.find(".//nav") is None


def test_referral_numbers_are_the_region_s(trees: dict[str, Element]) -> None:
    text = _text(trees["emergency"])
    assert "Call 000" in text and "Help in Australia" in text
    assert "Call 911" in _text(trees["urgent"])


@pytest.mark.parametrize("case", CASES)
def test_safety_net_disclaimer_version_and_input_code(
    trees: dict[str, Element], catalogue: Catalogue, case: str
) -> None:
    root = trees[case]
    net = root.find(".//section[@id='safety-net']")
    assert net is not None and net.get("aria-label") == "When to stop and get help"
    assert "EMERGENCY" in _text(net) and "URGENT" in _text(net)
    text = _text(root)
    assert "not a diagnosis and not medical advice" in text
    footer = root.find("body/footer")
    assert footer is not None
    profile, _ = _cases()[case]
    programme = build_programme(profile, catalogue)
    assert f"rehabgen {programme.rehabgen_version}" in _text(footer)
    assert f"inputs {programme.meta.input_hash}" in _text(footer)
    assert "Not a diagnosis or medical advice." in _text(footer)


@pytest.mark.parametrize("case", CASES)
def test_patient_text_carries_no_codes(trees: dict[str, Element], catalogue: Catalogue, case: str) -> None:
    root = trees[case]
    text = _patient_text(root)
    found = INTERNAL_IDS.search(text)
    assert found is None, f"internal id {found.group(0)!r} in …{text[max(0, found.start() - 60) : found.end() + 20]}…"
    for exercise in (e for e in catalogue if "_" in e.id):  # "swimming" is an id and a word
        assert exercise.id not in text, exercise.id


def test_the_clinician_section_shows_codes_in_small_print(trees: dict[str, Element]) -> None:
    root = trees["example"]
    section = root.find(".//section[@id='clinician']")
    assert section is not None
    assert "PROGRAMME_WITH_REFERRAL_ADVICE" in _text(section)
    codes = section.findall(".//small")
    assert codes and all(c.get("class") == "codes" for c in codes)


def test_the_code_check_can_fail(documents: dict[str, str]) -> None:
    leaky = documents["example"].replace("Your plan at a glance</h2>", "Your plan at a glance</h2><p>axial_load</p>")
    assert INTERNAL_IDS.search(_patient_text(parse(leaky))) is not None


def test_same_inputs_give_the_same_bytes_in_any_process(catalogue: Catalogue) -> None:
    code = (
        "import hashlib, pathlib\n"
        "from rehabgen import api\n"
        "from rehabgen.io.clinics import load_clinic\n"
        "c = api.load_catalogue()\n"
        "p = api.build_programme(api.read_profile(pathlib.Path('examples/profile.yaml')), c)\n"
        "data = api.render_handout(p, c, 'html', clinic=load_clinic(pathlib.Path('examples/clinic.yaml')), cache=False)\n"
        "print(hashlib.sha256(data).hexdigest())\n"
    )
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        digests.add(result.stdout.strip())
    assert len(digests) == 1


def test_large_print_and_paper_size_reach_the_stylesheet(trees: dict[str, Element]) -> None:
    large = trees["large_print_letter_clinic"]
    normal = trees["example"]
    large_css, normal_css = (_text(_find(r, "head/style")) for r in (large, normal))
    assert "@page{size:letter" in large_css and "@page{size:A4" in normal_css
    assert "html{font-size:125%}" in large_css and "html{font-size:100%}" in normal_css
    assert "@media print{html{font-size:14pt}" in large_css and "@media print{html{font-size:10pt}" in normal_css
    assert _find(large, "body").get("class") == "large" and _find(normal, "body").get("class") is None


def test_clinic_branding_and_its_logo_are_inline(trees: dict[str, Element]) -> None:
    root = trees["large_print_letter_clinic"]
    header = root.find("body/header")
    assert header is not None and "Riverside Running Physio" in _text(header)
    logo = header.find("img")
    assert logo is not None and (logo.get("src") or "").startswith("data:image/png;base64,")
    assert logo.get("alt") == "Riverside Running Physio logo"
    assert "Questions about your plan?" in _text(_find(root, "body/footer"))


def test_user_text_is_escaped(catalogue: Catalogue) -> None:
    hostile = "<script>alert('x')</script> & O'Brien \"Jr\""
    profile = make_profile(
        patient={"name": hostile, "id": "<b>"}, goal="<img src=x onerror=alert(1)>", programme_weeks=2
    )
    clinic = Clinic(name="<i>Clinic</i> & co", address="1 <High> St\nTown", footer_note="<a href='x'>call</a>")
    root = parse(_html(profile, catalogue, clinic=clinic))
    assert not [e for e in root.iter() if e.tag in ("script", "img", "i", "b")]
    assert all((a.get("href") or "").startswith("#") for a in root.iter("a"))
    text = _text(root)
    for raw in (hostile, "<img src=x onerror=alert(1)>", "<i>Clinic</i> & co", "1 <High> St", "<a href='x'>call</a>"):
        assert raw in text, raw


def test_esc_escapes_quotes_for_attributes() -> None:
    assert esc("a\"b'c<d>&") == "a&quot;b&#x27;c&lt;d&gt;&amp;"


def test_the_template_decides_the_sections(catalogue: Catalogue) -> None:
    bare = DEFAULT_TEMPLATE.model_copy(
        update={
            "handout": DEFAULT_TEMPLATE.handout.model_copy(
                update={"calendar": False, "running_plan": False, "tracking": False, "outcome_pages": False}
            )
        }
    )
    programme = build_programme(load_profile(EXAMPLES / "profile.yaml"), catalogue)
    root = parse(render_html(Handout(programme, catalogue, template=bare)))
    ids = [s.get("id") for s in root.findall("body/main/section") if s.get("id")]
    assert ids == ["safety-net", "plan", "how-to-use", "sheets", "exercises", "advice", "clinician"]


def test_colours_that_carry_text_have_enough_contrast() -> None:
    for text, background in COLOUR_PAIRS:
        assert contrast(text, background) >= 4.5, (text, background)
    for accent in ("#1f6f8b", "#2a5d73", "#ffee00", "#00ff00", "#ffffff", "#000000", "#ff8800"):
        readable = readable_accent(accent)
        assert contrast(readable, PAPER) >= 4.5 and contrast(readable, LIGHT) >= 4.5, (accent, readable)
    assert readable_accent("#1f6f8b") == "#1f6f8b", "an accent that is dark enough is kept as it is"


def test_every_catalogue_picture_becomes_valid_svg(catalogue: Catalogue) -> None:
    figures = "".join(
        f"<figure>{picture_svg(ex, title=ex.name, description='x', id_prefix=f'p{n}')}</figure>"
        for n, ex in enumerate(catalogue)
    )
    root = parse(f"<!DOCTYPE html><html lang=en><head><title>t</title></head><body>{figures}</body></html>")
    assert len(list(root.iter(f"{SVG}svg"))) == len(catalogue)
    assert all(len(list(svg.iter(f"{SVG}line"))) > 5 for svg in root.iter(f"{SVG}svg"))


def test_the_format_is_registered() -> None:
    html = FORMATS["html"]
    assert html.media_type == "text/html; charset=utf-8" and html.suffix == ".html" and html.is_text
    assert format_for_suffix(".htm") is html and format_for_suffix(".HTML") is html


def test_the_command_writes_html_and_lists_the_format(tmp_path: Path) -> None:
    from tests.cli.test_cli import run

    out = tmp_path / "x.html"
    code, stdout, _ = run("plan", str(EXAMPLES / "profile.yaml"), "-o", str(out))
    assert code == 0 and stdout.strip() == str(out)
    parse(out.read_text(encoding="utf-8"))
    code, stdout, _ = run("plan", str(EXAMPLES / "profile.yaml"), "--format", "html", "--date", "2026-12-01")
    assert code == 0 and stdout.startswith("<!DOCTYPE html>") and "1 December 2026" in stdout
    code, stdout, _ = run("plan", "--help")
    assert code == 0 and "html (the handout as one accessible web page" in re.sub(r"[\s│]+", " ", stdout)


@settings(max_examples=25, deadline=None)
@given(profile=profiles(red_flag_chance=0.0))  # referrals still come, from neuro signs and age
def test_any_profile_gives_valid_accessible_html(catalogue: Catalogue, profile: Profile) -> None:
    programme = build_programme(profile, catalogue)
    printed = dt.date(2027, 1, 1)
    root = parse(render_html(Handout(programme, catalogue, options=HandoutOptions(printed_date=printed))))
    levels = [level for level, _ in _headings(root)]
    assert levels.count(1) == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels))
    _ids(root)
    text = _patient_text(root)
    assert INTERNAL_IDS.search(text) is None
    if programme.status.is_referral:
        assert not list(root.iter("article")) and not list(root.iter(f"{SVG}svg"))
    else:
        assert len(list(root.iter("article"))) == len([i for i in programme.exercise_ids() if i in catalogue])
