"""The clinician's hand on the handout (issue 15, issue 14 item 4): page 1's block, notes, provenance, reissue."""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

import html5lib
import pytest
from pypdf import PdfReader

from rehabgen.io.clinics import load_clinic
from rehabgen.io.profiles import load_profile
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.clinic import Clinic
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Programme
from rehabgen.model.vocab import Region
from rehabgen.plan.planner import build_programme
from rehabgen.render.handout import Handout, HandoutOptions
from rehabgen.render.html import render_html
from rehabgen.render.markdown import render_markdown
from rehabgen.render.pdf.document import render_pdf
from rehabgen.render.reissue import printed
from rehabgen.render.sheets import blocks
from tests.conftest import EXAMPLES
from tests.invariants import INTERNAL_IDS, check_programme

REVIEW = load_profile(EXAMPLES / "review.yaml")
EXAMPLE = load_profile(EXAMPLES / "profile.yaml")
CLINIC = load_clinic(EXAMPLES / "clinic.yaml")


_RENDERED: dict[str, list[str]] = {}


def _pages(profile: Profile, catalogue: Catalogue, clinic: Clinic | None = None, **options: Any) -> list[str]:
    """The handout's pages as text (each combination rendered once for the module)."""
    key = repr((profile.model_dump(mode="json"), clinic is not None, sorted(options.items())))
    if key not in _RENDERED:
        programme = build_programme(profile, catalogue)
        handout = Handout(programme, catalogue, clinic=clinic, options=HandoutOptions(**options))
        pdf = PdfReader(BytesIO(render_pdf(handout)))
        _RENDERED[key] = [re.sub(r"\s+", " ", p.extract_text() or "") for p in pdf.pages]
    return _RENDERED[key]


@pytest.mark.parametrize("layout", ["sheets", "booklet"])
def test_page_1_carries_the_clinician_s_block_from_the_profile_and_clinic(catalogue: Catalogue, layout: str) -> None:
    first = _pages(REVIEW, catalogue, CLINIC, layout=layout)[0]
    assert "Your physiotherapist" in first and "Sam Okafor, MCSP" in first
    assert "01234 567890" in first and "hello@riverside-physio.example" in first
    assert "Next appointment Tuesday 12 January, 10:30" in first
    assert "Good progress. Keep your walks going every day" in first
    assert "at your review; this copy starts at week 5" in first


def test_page_1_leaves_lines_to_write_on_when_nothing_is_given(catalogue: Catalogue) -> None:
    first = _pages(EXAMPLE, catalogue)[0]
    block = first[first.index("Your physiotherapist") :]
    assert block.startswith("Your physiotherapist Name Sam Okafor, MCSP Contact Next appointment Note")


def test_the_block_names_the_profession_as_the_region_does(catalogue: Catalogue) -> None:
    us = REVIEW.model_copy(update={"region": Region.US})
    first = _pages(us, catalogue)[0]
    assert "Your physical therapist" in first and "physiotherapist" not in first
    assert "Next appointment Tuesday 12 January, 10:30" in first


def test_the_example_stays_on_eight_pages_and_the_review_on_fewer(catalogue: Catalogue) -> None:
    assert len(_pages(EXAMPLE, catalogue)) <= 8
    assert len(_pages(EXAMPLE, catalogue, CLINIC)) <= 8
    assert len(_pages(REVIEW, catalogue, CLINIC)) <= 8


def test_the_clinician_page_lists_what_was_changed_and_what_was_refused(catalogue: Catalogue) -> None:
    last = _pages(REVIEW, catalogue, CLINIC)[-1]
    assert "Changes at the review, from week 5 (weeks 1–4 as first planned)" in last
    assert "Swap out Lunge" in last and "Split squat takes Lunge's place in weeks 5–8." in last
    assert "Not done: Goblet squat needs dumbbells, which the runner does not have." in last
    assert "adjustment_needs_equipment" in last and "adjustment_dose_lowered" in last


def test_a_note_is_on_its_exercise_s_sheet_row_and_card(catalogue: Catalogue) -> None:
    note = "From your clinician: Hold the back of a chair for balance for the first week."
    sheets = " ".join(_pages(REVIEW, catalogue))
    assert note in sheets
    booklet = " ".join(_pages(REVIEW, catalogue, layout="booklet"))
    assert booklet.count(note) == 2  # the sheet row and the card
    programme = build_programme(REVIEW, catalogue)
    rows = [r for b in blocks(programme) for s in b.sheets for r in s.rows if r.exercise_id == "split_squat"]
    assert rows and all(r.clinician_note for r in rows)
    markdown = render_markdown(programme, catalogue)
    assert "**From your clinician:** Hold the back of a chair" in markdown
    assert "**Next appointment:** Tuesday 12 January, 10:30" in markdown


def test_a_reissued_handout_starts_at_the_review_week(catalogue: Catalogue) -> None:
    programme = build_programme(REVIEW, catalogue)
    check_programme(REVIEW, programme, catalogue)
    shown = printed(programme)
    assert [w.week for w in shown.weeks] == [5, 6, 7, 8]
    assert shown.phases[0].from_week == 5 and all(e.to_week >= 5 for e in shown.exclusions)
    assert [w.week for w in programme.weeks] == list(range(1, 9))  # the JSON keeps every week
    pages = _pages(REVIEW, catalogue)
    calendar = next(p for p in pages if "Your calendar" in p)
    assert "Week 5" in calendar and "Week 4" not in calendar
    assert "7 Dec" not in calendar and "4 Jan" in calendar  # week 5 starts on 4 January: the same dates


def test_running_already_started_is_carried_on(catalogue: Catalogue) -> None:
    programme = build_programme(EXAMPLE, catalogue, from_week=7)
    text = render_markdown(programme, catalogue)
    assert "## Week 6" not in text and "## Week 7" in text
    pages = " ".join(
        p.extract_text() or "" for p in PdfReader(BytesIO(render_pdf(Handout(programme, catalogue)))).pages
    )
    assert "Your running carries on from week 7" in re.sub(r"\s+", " ", pages)
    assert "Before your first run" not in pages


def _html(programme: Programme, catalogue: Catalogue, clinic: Clinic | None = None) -> Any:
    document = render_html(Handout(programme, catalogue, clinic=clinic))
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(document)


def _text(node: Any) -> str:
    return re.sub(r"\s+", " ", " ".join(node.itertext())).strip()


def test_the_web_page_s_first_section_has_the_clinician_block(catalogue: Catalogue) -> None:
    root = _html(build_programme(REVIEW, catalogue), catalogue, CLINIC)
    box = root.find(".//section[@class='box clinician-box']")
    assert box is not None and box.get("aria-labelledby") == "clinician-box-h"
    assert "Tuesday 12 January, 10:30" in _text(box) and "Sam Okafor, MCSP" in _text(box)
    assert root.find(".//section[@id='safety-net']") is not None
    clinician = root.find(".//section[@id='clinician']")
    assert clinician is not None and "Not done:" in _text(clinician)
    note = "From your clinician: Hold the back of a chair for balance for the first week."
    rows = [_text(r) for r in root.findall(".//table[@class='sheet']//tr") if "Split squat" in _text(r)]
    assert rows and all(note in r for r in rows), "the note is on the exercise's session-sheet rows"
    cards = [_text(a) for a in root.findall(".//article[@class='card']") if "Split squat" in _text(a)]
    assert any(note in c for c in cards), "the note is on the exercise's card"
    bare = _html(build_programme(EXAMPLE, catalogue), catalogue).find(".//section[@class='box clinician-box']")
    assert bare is not None
    blanks = bare.findall(".//dd")
    assert [d.get("class") for d in blanks][1:] == ["write-in lines-1", "write-in lines-1", "write-in lines-2"]


def test_a_referral_shows_no_adjustment_and_no_clinician_block(catalogue: Catalogue) -> None:
    data = REVIEW.model_dump(mode="json", exclude_none=True)
    referral = Profile.model_validate({**data, "red_flags": {"saddle_anaesthesia": True}})
    programme = build_programme(referral, catalogue)
    assert programme.status.is_referral and programme.weeks == []
    assert {r.code for r in programme.adjustments.refused} == {"adjustment_referral"}
    pages = _pages(referral, catalogue, CLINIC)
    assert len(pages) == 1 and "Your physiotherapist" not in pages[0] and "Tuesday 12 January" not in pages[0]
    root = _html(programme, catalogue, CLINIC)
    assert root.find(".//section[@class='box clinician-box']") is None


def test_patient_pages_of_an_adjusted_plan_carry_no_codes(catalogue: Catalogue) -> None:
    patient_pages = _pages(REVIEW, catalogue, CLINIC)[:-1]
    for page in patient_pages:
        found = INTERNAL_IDS.search(page)
        assert found is None, found.group(0)


@pytest.mark.parametrize("profile", [EXAMPLE, REVIEW], ids=["example", "review"])
def test_large_print_keeps_the_safety_net_on_page_1_and_the_block_whole(catalogue: Catalogue, profile: Profile) -> None:
    pages = _pages(profile, catalogue, CLINIC, large_print=True)
    assert "When to stop and get help" in pages[0]
    where = [i for i, page in enumerate(pages) if "Your physiotherapist Name" in page]
    assert where and where[0] <= 1, "the clinician's block follows the safety net"
    block = pages[where[0]][pages[where[0]].index("Your physiotherapist Name") :]
    assert "Note" in block
    if profile is REVIEW:  # the next appointment given: on page 1 with the facts, not repeated in the block
        assert "Next appointment Tuesday 12 January, 10:30" in pages[0]
        assert "Next appointment" not in block[: block.index("Note")]
    else:
        assert "Next appointment" in block
