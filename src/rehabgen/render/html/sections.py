"""The handout's text sections: title, banner, safety net, plan at a glance, how to use it, advice and more.

Also the clinician's section and the referral page: the same content, in the same order, as the PDF's pages.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass

from rehabgen.i18n import _, _f
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.clinic import Clinic
from rehabgen.model.programme import Advice, Programme, Tier
from rehabgen.model.vocab import Cause, Region, Status, Tag
from rehabgen.render.html.markup import Ids, el, esc, heading, para, table, text_list, void
from rehabgen.render.text import (
    CLINICIAN_BOX,
    GENERAL_PLAN,
    HOW_TO_USE,
    NEUTRAL_HEADER,
    PLACED_ADVICE,
    adjustment_rows,
    adjustments_heading,
    causes_sentence,
    clinician_heading,
    clinician_lines,
    for_region,
    printed_title,
    tier_lead,
    tier_text,
    title_facts,
    traceability,
)
from rehabgen.words.help import routes_for
from rehabgen.words.labels import CAUSE_INFO, STATUS_LABELS, TAG_LABELS


@dataclass(frozen=True, slots=True)
class Part:
    """A top-level section of the handout: its id (the contents link to it), heading and content."""

    id: str
    title: str
    content: str
    page: bool = True
    """In print, the section starts a new page (as the PDF's pages do)."""

    def html(self) -> str:
        """``<section>`` with its ``<h2>``, named by the heading."""
        head = heading(2, self.title, f"{self.id}-h")
        page = "page" if self.page else None
        return el("section", head + self.content, id=self.id, aria_labelledby=f"{self.id}-h", class_=page)


def masthead(clinic: Clinic | None) -> str:
    """The clinic's name, address, contacts and logo, or rehabgen's neutral header."""
    if clinic is None:
        name, what = NEUTRAL_HEADER[0], _(NEUTRAL_HEADER[1])
        lines = para(name, class_="clinic-name") + para(what)
        return el("header", lines, class_="masthead")
    logo = ""
    if clinic.logo is not None:
        kind = "jpeg" if clinic.logo.suffix.lower() in (".jpg", ".jpeg") else "png"
        data = base64.b64encode(clinic.logo.read_bytes()).decode("ascii")
        logo = void(
            "img", src=f"data:image/{kind};base64,{data}", alt=_f("{clinic} logo", clinic=clinic.name), class_="logo"
        )
    lines = logo + para(clinic.name, class_="clinic-name")
    if clinic.address:
        lines += el("p", "<br>".join(esc(line) for line in clinic.address.strip().splitlines()))
    contacts = " · ".join(x for x in (clinic.phone, clinic.email, clinic.website) if x)
    if contacts:
        lines += para(contacts)
    return el("header", lines, class_="masthead")


def title_block(programme: Programme, clinic: Clinic | None, printed: dt.date | None, *, box: bool = False) -> str:
    """The title (the document's one ``<h1>``), then who the plan is for, dates and goal.

    With ``box``, the clinician's block follows (``clinician_box``); without (the referral page), the clinician
    is among the facts.
    """
    facts = title_facts(programme, clinic, printed, name=programme.meta.patient.name, with_clinician=not box)
    title = heading(1, printed_title(programme))
    rows = "".join(el("dt", esc(k)) + el("dd", esc(v)) for k, v in facts)
    block = el("dl", rows, class_="facts") if rows else ""
    return title + (el("div", block + clinician_box(programme, clinic), class_="title-facts") if box else block)


def clinician_box(programme: Programme, clinic: Clinic | None) -> str:
    """Page 1's clinician block: name, contact, next appointment and note, or lines to write on (in print)."""
    rows = ""
    for label, value, lines in clinician_lines(programme, clinic):
        if value:
            rows += el("dt", esc(label)) + el("dd", esc(value))
        else:
            blank = el("span", _("not given: space to write it in"), class_="sr-only")
            rows += el("dt", esc(label)) + el("dd", blank, class_=f"write-in lines-{lines}")
    content = heading(2, for_region(CLINICIAN_BOX, programme), "clinician-box-h") + el("dl", rows, class_="facts")
    return el("section", content, class_="box clinician-box", aria_labelledby="clinician-box-h")


def referral_banner(programme: Programme) -> str:
    """The "see a clinician soon" banner of a programme with referral advice."""
    ref = programme.referral
    if ref is None or programme.status is not Status.PROGRAMME_WITH_REFERRAL_ADVICE:
        return ""
    because = "; ".join(d.rstrip(".") for d in ref.details) + "."
    content = (
        heading(2, ref.headline, "banner-h") + para(ref.action, class_="action") + para(because, lead=_("Because of:"))
    )
    return el("section", content, class_="banner", aria_labelledby="banner-h")


def _tier(tier: Tier) -> str:
    """One band: its name (and what to do) on the band's colour, then when it applies."""
    lead = tier_lead(tier.label, tier.action)
    text = " " + tier_text(tier.text, tier.action)
    return el("li", el("strong", esc(lead), class_="band") + esc(text), class_=f"tier-{tier.code}")


def tiers(advice: Advice) -> str:
    """An advice's graded bands, most serious first."""
    return el("ul", "".join(_tier(t) for t in advice.tiers), class_="tiers") if advice.tiers else ""


def safety_net(programme: Programme, level: int = 2) -> str:
    """The safety net (clinical rules G1) in its own section, named for assistive technology."""
    advice = next(a for a in programme.advice if a.id == "safety_net")
    content = heading(level, advice.title) + para(advice.text) + tiers(advice)
    content += "".join(para(point, lead=_("For you:")) for point in advice.points)
    return el("section", content, id="safety-net", class_="box safety-net", aria_label=advice.title)


def plan_at_a_glance(programme: Programme, ids: Ids) -> Part:
    """The causes the plan is built around and its phases, as a table."""
    names = causes_sentence(programme)
    content = para(_(GENERAL_PLAN)) if names is None else para(names, lead=_("Built around:"))
    rows = []
    for span in programme.phases:
        weeks = str(span.from_week) if span.from_week == span.to_week else f"{span.from_week}–{span.to_week}"
        cells = el("th", esc(span.name), scope="row") + el("td", esc(weeks)) + el("td", esc(span.goal))
        rows.append(el("tr", cells, class_=f"phase-{span.phase.value}"))
    content += table(_("The phases of your plan"), [_("Phase"), _("Weeks"), _("What you do")], rows, ids)
    return Part("plan", _("Your plan at a glance"), content, page=False)


def checklist(items: list[str], ids: Ids) -> str:
    """Items to tick: real checkboxes with labels (they print as empty boxes)."""
    rows = ""
    for item in items:
        box = ids.new("check")
        rows += el("li", void("input", type="checkbox", id=box) + el("label", esc(item), for_=box))
    return el("ul", rows, class_="checklist") if rows else ""


def advice_block(advice: Advice, level: int = 3) -> str:
    """One advice section: heading, paragraph, any graded bands and the bullet points."""
    return heading(level, advice.title) + para(advice.text) + tiers(advice) + text_list(advice.points)


def how_to_use(programme: Programme, ids: Ids) -> Part:
    """How to use the plan: notes, the pain traffic light, stepping up and back, leg symptoms and gates."""
    content = para(_(HOW_TO_USE))
    if programme.warnings:
        note = heading(3, _("Please note")) + text_list(w.message for w in programme.warnings)
        content += el("div", note, class_="box note-box")
    for advice_id in ("pain_monitoring", "progression", "peripheralisation"):
        advice = next((a for a in programme.advice if a.id == advice_id), None)
        if advice is not None:
            content += advice_block(advice)
    for gate in (g for g in programme.gates if g.id != "running_readiness"):  # on the running plan
        box = heading(3, gate.title) + para(gate.text) + checklist(gate.checklist, ids)
        content += el("div", box, class_="box gate")
    return Part("how-to-use", _("How to use your plan"), content)


def looking_after(programme: Programme) -> Part:
    """The general advice (what is not placed elsewhere), then the disclaimer."""
    content = "".join(advice_block(a) for a in programme.advice if a.id not in PLACED_ADVICE)
    content += disclaimer(programme)
    return Part("advice", _("Looking after your back"), content)


def disclaimer(programme: Programme, *, titled: bool = True) -> str:
    """The not-a-diagnosis statement, boxed (with its title as a heading, except on the referral page)."""
    advice = next(a for a in programme.advice if a.id == "disclaimer")
    return el("div", (heading(3, advice.title) if titled else "") + para(advice.text), class_="box disclaimer")


def clinician(programme: Programme, template_title: str, ids: Ids, catalogue: Catalogue) -> Part:
    """For the clinician: triage, causes, what was left out and why, with the JSON's codes in small print."""
    meta = programme.meta
    triage = STATUS_LABELS[programme.status] + (": " + "; ".join(programme.reasons) if programme.reasons else "")
    causes = "; ".join(CAUSE_INFO[Cause(c)][0] for c in meta.causes) or _("none given")
    causes_text = _f("{causes}. Programme template: {template}.", causes=causes, template=template_title)
    content = para(triage, lead=_("Triage:")) + para(causes_text, lead=_("Causes:"))
    codes = [programme.status.value, *meta.causes, _f("template {id}", id=meta.template)]
    content += para(_("Codes: ") + ", ".join(codes), class_="small")
    if programme.exclusions:
        content += heading(3, _("Movements left out of the plan, and why")) + _exclusions(programme, ids)
    content += _adjustments(programme, catalogue, ids)
    content += para(traceability(programme), class_="small")
    return Part("clinician", clinician_heading(programme), content)


def _adjustments(programme: Programme, catalogue: Catalogue, ids: Ids) -> str:
    """The clinician's adjustments: what was asked, what the plan does, what it does not and why (codes small)."""
    rows = []
    for row in adjustment_rows(programme, catalogue):
        asked = esc(row.label) + el("small", esc(row.item), class_="codes")
        result = "".join(para(text) for text in row.done)
        for why, code in row.refused:
            result += para(why, lead=_("Not as asked:") if row.done else _("Not done:")) + el(
                "small", esc(code), class_="codes"
            )
        rows.append(el("tr", el("th", asked, scope="row") + el("td", result)))
    if not rows:
        return ""
    heading_text = adjustments_heading(programme)
    return heading(3, heading_text) + table(heading_text, [_("Change asked for"), _("What the plan does")], rows, ids)


def _exclusions(programme: Programme, ids: Ids) -> str:
    """One row per rule and window: the movements in words, the weeks and the reason; codes in small print."""
    groups: dict[tuple[str, int, int, str], list[Tag]] = {}
    for e in programme.exclusions:
        groups.setdefault((e.code, e.from_week, e.to_week, e.because), []).append(e.tag)
    rows = []
    for (code, start, end, because), tags in sorted(groups.items(), key=lambda g: (g[0][1], g[0][2], g[0][0])):
        weeks = str(start) if start == end else f"{start}–{end}"
        words = esc("; ".join(TAG_LABELS[t] for t in tags))
        small = el("small", esc(", ".join([code, *(t.value for t in tags)])), class_="codes")
        rows.append(el("tr", el("th", words + small, scope="row") + el("td", esc(weeks)) + el("td", esc(because))))
    return table(_("Movements kept out of the plan, by week"), [_("Movements"), _("Weeks"), _("Why")], rows, ids)


def referral_page(programme: Programme) -> str:
    """Emergency, urgent and clinician-required outcomes: what to do now, why, and where to get help.

    No exercise, walking or running content: a red flag stops the programme in every format.
    """
    ref = programme.referral
    assert ref is not None
    kind = {Status.EMERGENCY_REFERRAL: "emergency", Status.URGENT_REFERRAL: "urgent"}.get(programme.status, "clinician")
    now = heading(2, ref.headline, "referral-h") + el("p", el("strong", esc(ref.action)))
    out = el("section", now, class_=f"referral referral-{kind}", aria_labelledby="referral-h")
    out += text_list(ref.details)
    if programme.reasons:
        reasons = heading(2, _("What in your answers led to this"), "reasons-h") + text_list(programme.reasons)
        out += el("section", reasons, aria_labelledby="reasons-h")
    region = None if programme.meta.region is None else Region(programme.meta.region)
    help_here = heading(2, _f("Help in {region}", region=routes_for(region).name), "help-h") + safety_net(
        programme, level=3
    )
    out += el("section", help_here, aria_labelledby="help-h")
    return out + disclaimer(programme, titled=False)
