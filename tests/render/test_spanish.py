"""No silent English (issue 18): every layout, status and format of a Spanish handout, read as a patient reads it.

A Spanish handout is rendered for each status (plan, plan with advice, clinician first, urgent, emergency), in
each layout (sheets, booklet, large print) and format (PDF, HTML, Markdown, ICS), and its text is searched for
English: a word only English uses, or any message of the catalogue left in English. The profiles' own words
(names, goals) are written in Spanish, so anything English comes from rehabgen.
"""

from __future__ import annotations

import functools
import io
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from pypdf import PdfReader

from rehabgen import api
from rehabgen.i18n.catalogs import completeness, read
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.profile import Profile
from rehabgen.model.template import Template
from rehabgen.render.handout import HandoutOptions
from tests.conftest import TEST_CACHE, make_profile

SPANISH_WORDS = {"patient": {"name": "Lucía Peña", "id": "P-7"}, "goal": "correr 10 km sin dolor"}

CASES: dict[str, dict[str, Any]] = {
    "plan": {"region": "ES", "start_date": "2027-03-01", "causes": ["weak_core"], "equipment": ["resistance_band"]},
    "plan_advice_us": {
        "region": "US",
        "start_date": "2027-03-01",
        "pain_nprs": 7,
        "causes": ["intervertebral_disc", "weak_glutes"],
        "leg_symptoms": "unilateral_below_knee",
        "weekly_running_km": 40,
        "longest_run_last_4wk_km": 16,
    },
    "stenosis_mx": {
        "region": "MX",
        "age": 62,
        "causes": ["spinal_stenosis"],
        "clinician_diagnosed": True,
        "symptom_duration_weeks": 30,
        "leg_symptoms": "bilateral",
        "equipment": ["stationary_bike", "pool", "gym_machines"],
        "start_date": "2027-02-01",
        "programme_weeks": 12,
    },
    "postpartum": {
        "sex": "female",
        "postpartum_weeks": 10,
        "pelvic_floor_symptoms": True,
        "start_date": "2027-03-01",
        "causes": ["sacroiliac_joint_dysfunction", "facet_joint_irritation"],
    },
    "bone_stress": {
        "causes": ["stress_fracture_sacral"],
        "clinician_diagnosed": True,
        "cleared_for_impact": True,
        "start_date": "2027-03-01",
        "programme_weeks": 14,
        "weekly_running_km": 35,
    },
    "review_es": {
        "region": "ES",
        "clinician": "Dra. Begoña Muñoz",
        "causes": ["intervertebral_disc", "weak_core"],
        "pain_nprs": 4,
        "weekly_running_km": 40,
        "longest_run_last_4wk_km": 16,
        "leg_symptoms": "unilateral_above_knee",
        "equipment": ["resistance_band"],
        "start_date": "2026-12-07",
        "programme_weeks": 8,
        "adjustments": {
            "from_week": 5,
            "drop": ["pogo_hops"],
            "swap": {"lunge": "split_squat"},
            "pin": ["single_leg_balance", "goblet_squat"],
            "dose": {"bridge_march": {"sets": 3, "reps": 10}, "hamstring_stretch": {"hold_s": 45}},
            "notes": {"split_squat": "Apóyate en el respaldo de una silla la primera semana."},
            "note": "Vas muy bien. Sigue caminando cada día.",
            "next_appointment": "martes 12 de enero, 10:30",
        },
    },
    "clinician_first": {"age": 14, "region": "ES"},
    "urgent_us": {"region": "US", "neuro": {"numbness": "none", "weakness": "unilateral_progressive"}},
    "emergency_es": {"region": "ES", "red_flags": {"saddle_anaesthesia": True, "bladder_dysfunction": True}},
    "emergency_mx": {"region": "MX", "start_date": "2027-03-01", "red_flags": {"significant_trauma": True}},
    "emergency_no_region": {"red_flags": {"bowel_dysfunction": True}},
}

ENGLISH = re.compile(
    r"\b(the|and|your|you|with|for|week|weeks|each|side|this|that|when|which|keep|stop|day|days|minutes|sets|"
    r"then|before|after|page|about|from|not|can|will|should|walk|run|running|ask|see|if|it|is|are|of|to|in|on|"
    r"at|how|what|why|who|do|does|doctor|pain|exercise|exercises|print|name|rest|hold|holds|"
    r"easy|hard|tick|done|today|now|call|go|help|less|more|than|or|by|be|as|out|off|yes|easier|harder)\b"
)
"""Words English uses and Spanish does not ("no", "a" and "plan" are Spanish too, so they are not here)."""
ALLOWED = re.compile(r"\([^()]*\)|rehabgen|https?://\S+")
"""Text in brackets (an exercise's English name beside the Spanish, "Bicho muerto (dead bug)") and links."""
CODES = re.compile(r"^[a-z0-9_]+(, [a-z0-9_]+)*$")
"""A line of rule and movement codes (the clinician's page traces each exclusion to its rule)."""


@functools.cache
def _spanish(template_id: str | None) -> tuple[Catalogue, Template]:
    english = api.load_catalogue(cache=TEST_CACHE)
    return api.in_language("es", english, api.load_template(template_id), cache=TEST_CACHE)


def _profile(case: str) -> Profile:
    return make_profile(**SPANISH_WORDS, **CASES[case])


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("style", "script")
        self.parts += [v for k, v in attrs if k in ("alt", "title", "aria-label") and v]

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _text(data: bytes, format_name: str) -> str:
    if format_name == "pdf":
        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() for page in reader.pages)
    text = data.decode("utf-8")
    if format_name == "html":
        parser = _Text()
        parser.feed(text)
        return "\n".join(parser.parts)
    if format_name == "ics":  # only what a calendar shows: titles and descriptions (unfolded)
        text = text.replace("\r\n ", "")
        return "\n".join(re.findall(r"^(?:SUMMARY|DESCRIPTION):(.*)$", text, re.M)).replace("\\n", "\n")
    return text


def english_in(text: str) -> list[str]:
    """The lines of ``text`` that hold an English word, each with the word found."""
    found = []
    for line in text.splitlines():
        if CODES.match(line.strip()):
            continue
        hit = ENGLISH.search(ALLOWED.sub(" ", line))
        if hit:
            found.append(f"{hit.group(0)!r} in: {line.strip()}")
    return found


def _render(case: str, format_name: str, template_id: str | None = None, **options: Any) -> str:
    catalogue, template = _spanish(template_id)
    programme = api.build_programme(_profile(case), catalogue, template, language="es")
    handout_options = HandoutOptions(**options) if options else None
    data = api.render_handout(
        programme, catalogue, format_name, template=template, options=handout_options, cache=TEST_CACHE
    )
    return _text(data, format_name)


RENDERS = [
    *((case, fmt, None, {}) for case in CASES for fmt in ("pdf", "html", "md")),
    *((case, "ics", None, {}) for case in CASES if "start_date" in CASES[case]),
    ("plan", "pdf", None, {"layout": "booklet"}),
    ("stenosis_mx", "pdf", None, {"layout": "booklet", "page_size": "letter"}),
    ("plan_advice_us", "pdf", None, {"large_print": True}),
    ("plan_advice_us", "pdf", "mcgill_core", {"large_print": True, "layout": "booklet"}),
    ("bone_stress", "html", None, {"layout": "booklet"}),
    ("emergency_es", "pdf", None, {"large_print": True}),
    ("review_es", "pdf", None, {"large_print": True}),
    ("review_es", "pdf", None, {"layout": "booklet"}),
]


@pytest.mark.parametrize(("case", "format_name", "template_id", "options"), RENDERS, ids=str)
def test_a_spanish_handout_has_no_english(case: str, format_name: str, template_id: str | None, options: Any) -> None:
    text = _render(case, format_name, template_id, **options)
    assert text.strip()
    assert not english_in(text)
    messages = [m for m in read("es") if m.id and isinstance(m.id, str) and len(m.id) > 24 and m.string != m.id]
    assert not [m.id for m in messages if m.id in text]


def test_every_message_has_its_spanish() -> None:
    found = completeness("es")
    assert found.translated == found.total and found.fuzzy == 0, found


def test_the_detector_finds_english() -> None:
    assert english_in("Semana 1\nKeep your back straight.\nBicho muerto (dead bug): 2 series")
    assert not english_in("Bicho muerto (dead bug): 2 series de 8 en cada lado")
