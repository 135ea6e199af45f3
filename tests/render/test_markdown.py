"""The Markdown handout: a referral is titled as a referral, never as the template's programme."""

from __future__ import annotations

import pytest

from rehabgen.io.templates import find_template
from rehabgen.model.catalogue import Catalogue
from rehabgen.plan.planner import build_programme
from rehabgen.render.markdown import render_markdown
from rehabgen.render.text import REFERRAL_TITLE
from tests.conftest import make_profile


@pytest.mark.parametrize("template", [None, "prevention_strength", "mcgill_core"])
def test_a_referral_carries_its_own_title(catalogue: Catalogue, template: str | None) -> None:
    chosen = find_template(template) if template else None
    programme = build_programme(make_profile(red_flags={"bladder_dysfunction": True}), catalogue, chosen)
    markdown = render_markdown(programme, catalogue)
    assert markdown.startswith(f"# {REFERRAL_TITLE}\n")
    assert programme.meta.title not in markdown


def test_a_programme_carries_the_templates_title(catalogue: Catalogue) -> None:
    template = find_template("prevention_strength")
    programme = build_programme(make_profile(pain_nprs=0), catalogue, template)
    assert render_markdown(programme, catalogue).startswith(f"# {template.title}\n")
