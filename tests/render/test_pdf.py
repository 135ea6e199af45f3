"""The PDF handout, checked by what a reader gets: extracted text, page by page (issue 4)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from rehabgen import api
from rehabgen.io.cache import Cache
from rehabgen.io.clinics import load_clinic
from rehabgen.io.profiles import load_profile
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.clinic import Clinic
from rehabgen.model.profile import Profile
from rehabgen.plan.planner import build_programme
from rehabgen.render.handout import Handout, HandoutOptions
from rehabgen.render.pdf.cards import dose_line, usages
from rehabgen.render.pdf.document import render_pdf
from tests.conftest import EXAMPLES, make_profile

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
UNICODE_NAMES = ["Zoë Ångström", "Łukasz Żółć", "Nguyễn Thị Minh Khai", "陈伟明", "O'Brien & <Sons>"]


def _pdf(profile: Profile, catalogue: Catalogue, **kwargs: Any) -> bytes:
    clinic = kwargs.pop("clinic", None)
    options = HandoutOptions(**kwargs)
    return render_pdf(Handout(build_programme(profile, catalogue), catalogue, clinic=clinic, options=options))


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _golden_cases() -> dict[str, tuple[Profile, dict[str, Any]]]:
    prevention = make_profile(
        patient={"name": "Chris Runner", "id": "R-7"},
        age=45,
        pain_nprs=0,
        symptom_duration_weeks=0,
        weekly_running_km=35,
        longest_run_last_4wk_km=14,
        equipment=["dumbbells", "resistance_band"],
        programme_weeks=6,
        start_date="2027-01-04",
        region="US",
        goal="10k",
    )
    referral = make_profile(
        patient={"name": "Alex Example"},
        pain_nprs=7,
        symptom_duration_weeks=1,
        region="AU",
        red_flags={"saddle_anaesthesia": True, "bladder_dysfunction": True},
    )
    return {
        "example": (load_profile(EXAMPLES / "profile.yaml"), {}),
        "example_booklet": (load_profile(EXAMPLES / "profile.yaml"), {"layout": "booklet"}),
        "prevention_letter_clinic": (prevention, {"page_size": "letter", "clinic": "clinic"}),
        "emergency_referral": (referral, {"printed_date": dt.date(2026, 12, 1)}),
    }


@pytest.mark.parametrize("case", list(_golden_cases()))
def test_golden_text_page_by_page(catalogue: Catalogue, case: str, update_golden: bool) -> None:
    profile, kwargs = _golden_cases()[case]
    if kwargs.get("clinic") == "clinic":
        kwargs = {**kwargs, "clinic": load_clinic(EXAMPLES / "clinic.yaml")}
    pages = _pages(_pdf(profile, catalogue, **kwargs))
    folder = GOLDEN / case
    if update_golden:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("page-*.txt"):
            old.unlink()
        for n, text in enumerate(pages, 1):
            (folder / f"page-{n:02d}.txt").write_text(text + "\n", encoding="utf-8")
    expected = sorted(folder.glob("page-*.txt"))
    assert expected, f"no golden files for {case}: run pytest --update-golden"
    assert len(pages) == len(expected), f"{case}: {len(pages)} pages, golden has {len(expected)}"
    for n, (text, path) in enumerate(zip(pages, expected, strict=True), 1):
        assert text + "\n" == path.read_text(encoding="utf-8"), f"{case} page {n} differs from {path.name}"


def test_same_inputs_give_byte_identical_pdfs(catalogue: Catalogue) -> None:
    profile = load_profile(EXAMPLES / "profile.yaml")
    clinic = load_clinic(EXAMPLES / "clinic.yaml")
    assert _pdf(profile, catalogue, clinic=clinic) == _pdf(profile, catalogue, clinic=clinic)


@pytest.mark.parametrize("name", UNICODE_NAMES)
def test_any_name_renders_and_extracts(catalogue: Catalogue, name: str) -> None:
    profile = make_profile(patient={"name": name, "id": "ID-1"}, programme_weeks=2, region="GB")
    clinic = Clinic(name=name, address=f"{name}\n1 High Street")
    pages = _pages(_pdf(profile, catalogue, clinic=clinic))
    assert name in pages[0]
    assert all(name in p for p in pages), "the patient's name is in every page footer"


def test_every_page_has_the_footer(catalogue: Catalogue) -> None:
    profile = load_profile(EXAMPLES / "profile.yaml")
    programme = build_programme(profile, catalogue)
    pages = _pages(render_pdf(Handout(programme, catalogue)))
    for n, text in enumerate(pages, 1):
        flat = _flat(text)
        assert f"Page {n} of {len(pages)}" in flat
        assert f"rehabgen {programme.rehabgen_version}" in flat and programme.meta.input_hash in flat
        assert "Not a diagnosis or medical advice." in flat


@pytest.mark.parametrize("layout", ["sheets", "booklet"])
def test_handout_carries_safety_net_disclaimer_and_traffic_light(catalogue: Catalogue, layout: str) -> None:
    text = _flat(" ".join(_pages(_pdf(load_profile(EXAMPLES / "profile.yaml"), catalogue, layout=layout))))
    assert "When to stop and get help" in text and "Call 999 or go to A&E now" in text
    assert "not a diagnosis and not medical advice" in text
    assert "GREEN" in text and "AMBER" in text and "RED" in text
    assert "Leg symptoms: which way are they moving?" in text  # G4: the example has leg symptoms
    assert "When to step up and when to step back" in text and "Keep moving" in text  # G2


def test_every_exercise_card_gives_its_weekly_dose_in_words(catalogue: Catalogue) -> None:
    programme = build_programme(load_profile(EXAMPLES / "profile.yaml"), catalogue)
    booklet = HandoutOptions(layout="booklet")
    text = _flat(" ".join(_pages(render_pdf(Handout(programme, catalogue, options=booklet)))))
    assert not re.search(r"\bW\d|\d×\d|\d/\d/\d", text), "doses in words, no W6 / 2×10 / 5/3/1 notation"
    for exercise_id, usage in usages(programme).items():
        assert catalogue[exercise_id].name in text, exercise_id
        assert _flat(dose_line(usage.doses)) in text, (exercise_id, dose_line(usage.doses))


@pytest.mark.parametrize("flags", [{"saddle_anaesthesia": True}, {"fever_or_unwell": True}])
def test_referral_handout_has_no_exercise_content(catalogue: Catalogue, flags: dict[str, bool]) -> None:
    profile = make_profile(red_flags=flags, region="US")
    pages = _pages(_pdf(profile, catalogue))
    text = _flat(" ".join(pages))
    assert len(pages) == 1
    assert "911" in text
    for marker in ("Your exercises", "How to do it", "Your dose", "calendar", "Walk–run"):
        assert marker not in text
    for exercise in catalogue:
        assert exercise.name not in text or exercise.name.lower() in ("walking",), exercise.name


def test_clinician_required_handout_is_a_referral(catalogue: Catalogue) -> None:
    pages = _pages(_pdf(make_profile(age=13), catalogue))
    assert len(pages) == 1 and "A clinician needs to see you" in _flat(pages[0])


def test_metadata(catalogue: Catalogue) -> None:
    data = _pdf(load_profile(EXAMPLES / "profile.yaml"), catalogue)
    reader = PdfReader(BytesIO(data))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Back-pain programme for runners for Zoë Ångström"
    assert meta.author == "rehabgen" and meta.subject and meta.creator and meta.creator.startswith("rehabgen")
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_letter_and_large_print(catalogue: Catalogue) -> None:
    profile = make_profile(programme_weeks=4)
    data = _pdf(profile, catalogue, page_size="letter", large_print=True)
    reader = PdfReader(BytesIO(data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    sizes: Counter[float] = Counter()

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            sizes[round(size * tm[0], 1)] += len(text)

    for page in reader.pages[:6]:
        page.extract_text(visitor_text=visit)
    body_size = sizes.most_common(1)[0][0]
    assert body_size >= 14
    normal = _pages(_pdf(profile, catalogue))
    assert len(reader.pages) > len(normal)  # same content, bigger type, more pages


def test_markup_characters_in_user_text_are_escaped(catalogue: Catalogue) -> None:
    profile = make_profile(patient={"name": "A <b>bold</b> & co"}, goal="<run> & <jump>", programme_weeks=2)
    text = _flat(" ".join(_pages(_pdf(profile, catalogue))))
    assert "A <b>bold</b> & co" in text and "<run> & <jump>" in text


def test_the_api_renders_a_pdf(catalogue: Catalogue) -> None:
    programme = api.build_programme(api.read_profile(EXAMPLES / "profile.yaml"), catalogue)
    options = HandoutOptions(printed_date=dt.date(2026, 12, 1))
    assert api.render_handout(programme, catalogue, "pdf", options=options, cache=False).startswith(b"%PDF")


def test_cached_pictures_give_the_same_bytes(catalogue: Catalogue, tmp_path: Path) -> None:
    """Pictures replayed from the memory or disk cache produce exactly the PDF a fresh drawing does."""
    from rehabgen.render.pdf import pictures

    handout = Handout(build_programme(load_profile(EXAMPLES / "profile.yaml"), catalogue), catalogue)

    def fresh(cache: Cache | None) -> bytes:
        pictures._MEMORY.clear()
        return render_pdf(handout, cache=cache)

    uncached = fresh(None)
    first = fresh(Cache(tmp_path))  # draws, and saves the operators to disk
    assert list(tmp_path.glob("pictures-*.json"))
    from_disk = fresh(Cache(tmp_path))
    from_memory = render_pdf(handout)
    assert uncached == first == from_disk == from_memory


def test_an_edited_cache_entry_is_ignored(catalogue: Catalogue, tmp_path: Path) -> None:
    from rehabgen.render.pdf import pictures

    handout = Handout(build_programme(load_profile(EXAMPLES / "profile.yaml"), catalogue), catalogue)
    pictures._MEMORY.clear()
    expected = render_pdf(handout, cache=Cache(tmp_path))
    (entry,) = tmp_path.glob("pictures-*.json")
    original = entry.read_bytes()
    tampered = original.replace(b" l", b" m", 1)  # one drawing operator changed, the checksum not
    assert tampered != original
    entry.write_bytes(tampered)
    pictures._MEMORY.clear()
    assert render_pdf(handout, cache=Cache(tmp_path)) == expected
    assert entry.read_bytes() == original  # rebuilt from a fresh drawing


def _fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font the pages use → whether its glyphs are embedded in the file."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found


def test_bullets_and_numbers_use_embedded_fonts_only(catalogue: Catalogue) -> None:
    reader = PdfReader(BytesIO(_pdf(load_profile(EXAMPLES / "profile.yaml"), catalogue, layout="booklet")))
    fonts = _fonts(reader)
    assert fonts and all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)
    text = "".join(page.extract_text() or "" for page in reader.pages)
    assert "\x7f" not in text and "(cid:127)" not in text
    assert text.count("•") > 100


def test_the_pdf_has_an_outline_of_its_sections_and_exercises(catalogue: Catalogue) -> None:
    programme = build_programme(load_profile(EXAMPLES / "profile.yaml"), catalogue)
    booklet = HandoutOptions(layout="booklet")
    reader = PdfReader(BytesIO(render_pdf(Handout(programme, catalogue, options=booklet))))
    top = [entry for entry in reader.outline if not isinstance(entry, list)]
    titles = [entry.title for entry in top]
    assert titles[0] == programme.meta.title
    assert {"How to use your plan", "Your exercises", "For your physiotherapist or doctor"} <= set(titles)
    pages = [reader.get_destination_page_number(entry) for entry in top]
    assert pages == sorted(pages) and pages[-1] == len(reader.pages) - 1
    exercises = next(entry for entry in reader.outline if isinstance(entry, list))
    assert sorted(e.title for e in exercises) == sorted(catalogue[i].name for i in usages(programme))
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


@pytest.mark.parametrize(
    "changes",
    [
        {"red_flags": {"saddle_anaesthesia": True}, "region": "GB"},
        {"red_flags": {"fever_or_unwell": True}, "region": "US"},
        {"causes": ["spondylolysis"], "clinician_diagnosed": False, "age": 15},
    ],
)
@pytest.mark.parametrize("large_print", [False, True])
def test_a_referral_is_one_page_with_the_safety_net_and_no_empty_heading(
    catalogue: Catalogue, changes: dict[str, Any], large_print: bool
) -> None:
    pages = _pages(_pdf(make_profile(**changes), catalogue, large_print=large_print))
    assert len(pages) == 1
    assert "When to stop and get help" in pages[0]
    assert "Help in" not in pages[0]  # a heading with nothing of its own under it
