"""End to end in a real headless Chromium: a runner fills the form, hits a red flag, gets a plan, downloads the PDF.

Each test drives the pages as a person would: it clicks labels, types into fields, uses the keyboard, and
reads what the page shows. Every page must load without a single console error (a Content-Security-Policy
refusal is one). See ``browser.py`` for how the browser and the server are started, and when these skip.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader

from tests.web import browser as browsers
from tests.web.browser import browser_or_skip, launch, screenshot_folder, serve_in_thread
from tests.web.conftest import runner_answers

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

VIEWPORT = {"width": 1200, "height": 900}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from launch(browser_or_skip())


@pytest.fixture(scope="module")
def base_url(browser: Browser) -> Iterator[str]:
    yield from serve_in_thread()


@pytest.fixture
def shots(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return screenshot_folder(request.config.getoption("--screenshots"), tmp_path)


class Session:
    """One browser tab and the console errors it reports."""

    def __init__(self, browser: Browser, base_url: str, *, script: bool = True) -> None:
        self.context = browser.new_context(viewport=VIEWPORT, java_script_enabled=script, locale="en-GB")
        self.page: Page = self.context.new_page()
        self.page.set_default_timeout(20_000)
        self.errors: list[str] = []
        self.expected: list[str] = []
        """Console errors a test expects (the browser logs a 422 answer as one)."""
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.base_url = base_url

    def open(self, path: str = "/") -> Page:
        self.page.goto(self.base_url + path)
        return self.page


@pytest.fixture
def tab(browser: Browser, base_url: str) -> Iterator[Session]:
    session = Session(browser, base_url)
    yield session
    session.context.close()
    unexpected = [e for e in session.errors if not any(x in e for x in session.expected)]
    assert unexpected == [], "the pages logged errors in the browser console"


def answer(page: Page, changes: dict[str, str | list[str]] | None = None) -> None:
    """Answer every question that is showing, in order, as the example runner (with ``changes``)."""
    answers = runner_answers(**(changes or {}))
    for block in page.locator("[data-question]").all():
        question = block.get_attribute("data-question") or ""
        if not block.is_visible() or question not in answers:
            continue
        choices = block.locator("input[type=radio], input[type=checkbox]")
        if choices.count():
            for value in answers[question]:
                block.locator(f'input[value="{value}"]').check()
        else:
            block.locator("input").fill(answers[question][0])


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def test_a_runner_fills_the_form_gets_the_plan_and_downloads_the_pdf(tab: Session, shots: Path) -> None:
    page = tab.open("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Your back pain and your running"
    page.screenshot(path=str(shots / "web-intake.png"))
    # Labels work: the runner finds the questions by their words.
    age = page.get_by_label(re.compile("How old are you"))
    answer(page)
    assert age.input_value() == "34"
    page.get_by_role("button", name="Check the answers and make the plan").click()

    outcome = page.locator("[data-status]")
    assert outcome.get_attribute("data-status") == "PROGRAMME_WITH_REFERRAL_ADVICE"
    assert "Exercise plan, with advice to see a clinician soon" in outcome.inner_text()
    assert page.get_by_role("heading", name="Back-pain programme for runners").is_visible()
    preview = page.locator("main").inner_text()
    assert "Zoë Ångström" in preview
    exercises = [name.strip() for name in page.locator("main h3").all_inner_texts()]
    page.screenshot(path=str(shots / "web-plan.png"))

    page.get_by_role("link", name="Download the handout").click()
    downloads = page.locator("#downloads")
    downloads.get_by_label(re.compile(r"\bPDF: ")).check()
    downloads.get_by_label("Booklet (every exercise card)").check()
    downloads.get_by_label("letter").check()
    with page.expect_download() as waiting:
        downloads.get_by_role("button", name="Download").click()
    download = waiting.value
    assert download.suggested_filename == "Zoë_Ångström.pdf"  # a runner's own form asks no patient id
    data = Path(download.path()).read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert round(float(reader.pages[0].mediabox.width)) == 612  # letter
    text = pdf_text(data)
    assert "Zoë Ångström" in text and "Back-pain programme for runners" in text
    assert "999" in text  # the safety net, for the region the runner gave
    shown = [name for name in exercises if name and name in text]
    assert len(shown) >= 3, (exercises, "the exercises of the preview are in the PDF")


def test_a_red_flag_stops_the_form_at_once_with_what_to_do(tab: Session, shots: Path) -> None:
    page = tab.open("/")
    alert = page.get_by_role("alert").filter(has_text="emergency help is needed now")
    assert not alert.is_visible()
    page.locator("#wrap-saddle_anaesthesia").get_by_label("Yes").check()
    assert alert.is_visible()  # the script says so as soon as the answer is given
    alert.get_by_role("button", name="See what to do now").click()

    assert page.get_by_role("heading", level=1).inner_text().startswith("Stop.")
    text = page.locator("main").inner_text()
    assert "Call 999" in text and "911" in text  # no region given yet: every region's number
    assert "No exercise plan was made" in text
    assert page.locator("#downloads").count() == 0 and page.locator("[data-status]").count() == 0
    page.screenshot(path=str(shots / "web-emergency.png"))


def test_a_red_flag_found_later_gives_the_referral_page_and_no_exercises(tab: Session) -> None:
    page = tab.open("/")
    answer(page, {"fever_or_unwell": "true"})
    page.get_by_role("button", name="Check the answers and make the plan").click()
    assert page.locator("[data-status]").get_attribute("data-status") == "URGENT_REFERRAL"
    main = page.locator("main").inner_text()
    assert "NHS 111" in main and "Exercises A" not in main
    assert page.locator("#adjust").count() == 0


def test_errors_show_beside_their_fields_and_the_keyboard_reaches_them(tab: Session) -> None:
    page = tab.open("/")
    answer(page, {"age": "5", "pain_nprs": "11"})
    tab.expected.append("status of 422")
    page.get_by_role("button", name="Check the answers and make the plan").click()

    summary = page.locator("#errors")
    assert summary.is_visible() and page.evaluate("document.activeElement.id") == "errors"
    for question, words in (("age", "from 10 to 100"), ("pain_nprs", "from 0 to 10")):
        error = page.locator(f"#wrap-{question} .error")
        assert words in error.inner_text()
        field = page.locator(f"#wrap-{question} input")
        assert field.get_attribute("aria-invalid") == "true"
        assert f"error-{question}" in (field.get_attribute("aria-describedby") or "")
    assert page.locator("#q-pain_nprs").input_value() == "11"  # kept as typed
    # From the summary, the keyboard goes to the question: Tab to its link, Enter, then Tab into the field.
    page.keyboard.press("Tab")
    assert "Question" in page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    assert page.url.endswith("#wrap-age")
    page.locator("#q-age").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("34")
    page.locator("#q-pain_nprs").fill("4")
    page.get_by_role("button", name="Check the answers and make the plan").click()
    assert page.locator("[data-status]").get_attribute("data-status") == "PROGRAMME_WITH_REFERRAL_ADVICE"


def test_the_first_red_flag_can_be_answered_with_the_keyboard_alone(tab: Session) -> None:
    page = tab.open("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the content"
    page.keyboard.press("Enter")
    for _ in range(40):  # to the first answer of the first question, past the links of the page
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "saddle_anaesthesia":
            break
    assert page.evaluate("document.activeElement.name") == "saddle_anaesthesia"
    page.keyboard.press("Space")
    assert page.locator("#wrap-saddle_anaesthesia input:checked").get_attribute("value") == "true"
    assert page.get_by_role("button", name="See what to do now").is_visible()


def test_without_javascript_every_question_shows_and_the_rules_still_hold(browser: Browser, base_url: str) -> None:
    session = Session(browser, base_url, script=False)
    page = session.open("/")
    follow_up = page.locator("#wrap-weakness_worsening")
    assert follow_up.is_visible() and "Only if you answered" in follow_up.inner_text()
    answer(page, {"weakness_worsening": "unilateral_progressive"})  # ignored: the runner's leg is not weak
    page.get_by_role("button", name="Check the answers and make the plan").click()
    assert page.locator("[data-status]").get_attribute("data-status") == "PROGRAMME_WITH_REFERRAL_ADVICE"
    session.context.close()
    assert session.errors == []


def test_with_javascript_a_follow_up_shows_only_when_it_applies(tab: Session) -> None:
    page = tab.open("/")
    follow_up = page.locator("#wrap-weakness_worsening")
    assert not follow_up.is_visible()
    page.locator("#wrap-weakness input[value=unilateral_stable]").check()
    assert follow_up.is_visible()
    page.locator("#wrap-weakness input[value=none]").check()
    assert not follow_up.is_visible()


def test_a_missing_browser_skips_with_its_reason_unless_one_is_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browsers.shutil, "which", lambda name: None)
    monkeypatch.delenv(browsers.REQUIRE_ENV, raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Chromium on this machine"):
        browser_or_skip()
    monkeypatch.setenv(browsers.REQUIRE_ENV, "1")
    with pytest.raises(pytest.fail.Exception, match="REHABGEN_REQUIRE_BROWSER is set"):
        browser_or_skip()


def test_a_clinic_uploads_a_roster_sees_each_row_and_gets_the_zip(tab: Session) -> None:
    import json
    import zipfile

    from tests.conftest import EXAMPLES

    page = tab.open("/roster")
    page.get_by_label("Roster file (.csv, .yaml)").set_input_files(str(EXAMPLES / "roster.csv"))
    page.get_by_label(re.compile(r"\bJSON: ")).check()
    page.get_by_role("button", name="Make the handouts").click()
    page.get_by_role("heading", name="Done").wait_for()
    rows = page.locator(".progress-log p.row")
    assert rows.count() == 8 and page.locator("progress").last.get_attribute("value") == "8"
    assert "Emergency: go to hospital now" in page.locator(".progress-log p.urgent").inner_text()
    with page.expect_download() as waiting:
        page.get_by_role("link", name="Download the handouts (zip)").click()
    archive = zipfile.ZipFile(waiting.value.path())
    manifest = json.loads(archive.read("manifest.json"))
    assert len(manifest["rows"]) == 8 and manifest["formats"] == ["pdf", "json"]
    assert "P-0101_Zoë_Ångström.pdf" in archive.namelist()
