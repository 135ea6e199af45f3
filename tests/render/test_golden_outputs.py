"""The programme JSON, Markdown, calendar and (for a referral) HTML for fixed inputs, compared with golden files.

Together with the PDF's golden text (test_pdf.py) these pin what a restructuring must not change: the same
profile, template and catalogue give the same documents, byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rehabgen.io.profiles import load_profile
from rehabgen.io.templates import find_template
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.profile import Profile
from rehabgen.plan.planner import build_programme
from rehabgen.render.handout import Handout
from rehabgen.render.html import render_html
from rehabgen.render.ics import render_ics
from rehabgen.render.markdown import render_markdown
from tests.conftest import EXAMPLES, make_profile

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "outputs"


def _cases() -> dict[str, tuple[Profile, str | None]]:
    return {
        "example": (load_profile(EXAMPLES / "profile.yaml"), None),
        "stenosis_bike": (
            make_profile(
                age=62,
                causes=["spinal_stenosis"],
                clinician_diagnosed=True,
                pain_nprs=4,
                symptom_duration_weeks=30,
                leg_symptoms="bilateral",
                equipment=["stationary_bike", "resistance_band"],
                start_date="2027-02-01",
                programme_weeks=10,
            ),
            None,
        ),
        "sacral_cleared_mcgill": (
            make_profile(
                age=27,
                sex="female",
                causes=["stress_fracture_sacral", "weak_core"],
                clinician_diagnosed=True,
                cleared_for_impact=True,
                pain_nprs=1,
                symptom_duration_weeks=9,
                weekly_running_km=35,
                equipment=["pool"],
                start_date="2027-01-04",
                programme_weeks=12,
                region="US",
            ),
            "mcgill_core",
        ),
        "emergency": (make_profile(red_flags={"bladder_dysfunction": True}, region="NZ"), None),
    }


def _outputs(catalogue: Catalogue, case: str) -> dict[str, str]:
    profile, template_name = _cases()[case]
    template = find_template(template_name) if template_name else None
    programme = build_programme(profile, catalogue, template)
    out = {
        "programme.json": programme.model_dump_json(indent=2) + "\n",
        "handout.md": render_markdown(programme, catalogue),
    }
    if profile.start_date is not None or not programme.weeks:
        out["calendar.ics"] = render_ics(programme).replace("\r\n", "\n")
    if not programme.weeks:  # the referral page: small, and the page whose every word matters most
        out["handout.html"] = render_html(Handout(programme, catalogue))
    return out


@pytest.mark.parametrize("case", list(_cases()))
def test_outputs_match_golden_files(catalogue: Catalogue, case: str, update_golden: bool) -> None:
    folder = GOLDEN / case
    outputs = _outputs(catalogue, case)
    if update_golden:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in outputs.items():
            (folder / name).write_text(text, encoding="utf-8")
    assert sorted(p.name for p in folder.iterdir()) == sorted(outputs), f"{case}: golden files differ in number"
    for name, text in outputs.items():
        assert text == (folder / name).read_text(encoding="utf-8"), f"{case}/{name} differs from its golden file"
