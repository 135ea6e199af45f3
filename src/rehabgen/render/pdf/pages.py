"""The handout's text pages: cover, how to use the plan, advice, the clinician's page and the referral page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from rehabgen.i18n import _, _f
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.clinic import Clinic
from rehabgen.model.programme import Advice, Programme
from rehabgen.model.vocab import Cause, Status, Tag
from rehabgen.render.pdf.clinician import adjustments_section, beside, box_width, clinician_box, facts_width
from rehabgen.render.pdf.flowables import boxed, bullets, grid_style, para, side_by_side
from rehabgen.render.pdf.fonts import markup
from rehabgen.render.pdf.printable import patient_label
from rehabgen.render.pdf.styles import AMBER, GREEN, GREY, LIGHT, PHASE_TINT, RED, Theme, styles
from rehabgen.render.text import (
    GENERAL_PLAN,
    HOW_TO_USE,
    PLACED_ADVICE,
    causes_sentence,
    clinician_heading,
    printed_title,
    tier_lead,
    tier_text,
    title_facts,
    traceability,
)
from rehabgen.words.labels import CAUSE_INFO, STATUS_LABELS, TAG_LABELS

TIER_COLOURS = {"emergency": RED, "urgent": AMBER, "soon": GREY, "green": GREEN, "amber": AMBER, "red": RED}
"""The colour of each graded band, by its code."""


def title_block(
    programme: Programme, theme: Theme, clinic: Clinic | None, printed: dt.date | None, *, box: bool = False
) -> list[Flowable]:
    """Programme title, patient, dates and goal.

    With ``box``, the clinician's block stands beside them (in large print ``cover`` places it under the
    safety net, which stays on page 1); without (the referral page), the clinician is among the facts.
    """
    s = styles(theme)
    meta = programme.meta
    out: list[Flowable] = [para(printed_title(programme), s["title"])]
    # In large print the clinician's block follows the safety net, often on page 2: page 1 still says when
    # the runner is seen next.
    facts = title_facts(
        programme,
        clinic,
        printed,
        name=patient_label(meta),
        with_clinician=not box,
        with_appointment=box and theme.large,
    )
    width = facts_width(theme) if box else theme.frame_width
    table = None
    if facts:
        rows = [[para(k, s["label"]), para(v, s["body"])] for k, v in facts]
        label_w = theme.body * (6.5 if box and not theme.large else 8.5)
        label_w = max(label_w, *(stringWidth(k, s["label"].fontName, s["label"].fontSize) + 6 for k, _ in facts))
        table = Table(rows, colWidths=[label_w, width - label_w])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
    if box and not theme.large:
        out += beside(table, clinician_box(programme, theme, clinic, box_width(theme)), theme)
    elif table is not None:
        out.append(table)
    return [*out, Spacer(1, theme.body * 0.6)] if table is not None or box else out


def causes_line(programme: Programme, theme: Theme) -> list[Flowable]:
    """Which causes the plan was built around, in plain words."""
    s = styles(theme)
    names = causes_sentence(programme)
    if names is None:
        return [para(_(GENERAL_PLAN), s["body"])]
    return [para(names, s["body"], bold_prefix=_("Built around:"))]


def referral_banner(programme: Programme, theme: Theme) -> list[Flowable]:
    """The T3 "see a clinician soon" banner."""
    if programme.referral is None or programme.status is not Status.PROGRAMME_WITH_REFERRAL_ADVICE:
        return []
    s = styles(theme)
    ref = programme.referral
    content: list[Flowable] = [para(ref.headline, s["banner"]), para(ref.action, s["banner_body"])]
    content.append(para(_("Because of: ") + "; ".join(d.rstrip(".") for d in ref.details) + ".", s["banner_body"]))
    return [boxed(content, theme, border=AMBER, background=AMBER), Spacer(1, theme.body * 0.8)]


def warnings_box(programme: Programme, theme: Theme) -> list[Flowable]:
    """Warnings about the plan (goal out of reach, conflicting directions, paused running)."""
    if not programme.warnings:
        return []
    s = styles(theme)
    content: list[Flowable] = [para(_("Please note"), s["h3"])]
    content += bullets([w.message for w in programme.warnings], s["body"])
    return [boxed(content, theme, border=colors.HexColor("#8a9aa4"), background=LIGHT), Spacer(1, theme.body * 0.8)]


def phase_summary(programme: Programme, theme: Theme) -> list[Flowable]:
    """The phases in plain words, with their weeks."""
    s = styles(theme)
    rows: list[list[Any]] = [
        [para(_("Phase"), s["cell_bold"]), para(_("Weeks"), s["cell_bold"]), para(_("What you do"), s["cell_bold"])]
    ]
    commands = grid_style()
    for i, span in enumerate(programme.phases, 1):
        weeks = str(span.from_week) if span.from_week == span.to_week else f"{span.from_week}–{span.to_week}"
        rows.append([para(span.name, s["cell_bold"]), para(weeks, s["cell"]), para(span.goal, s["cell"])])
        commands.append(("BACKGROUND", (0, i), (0, i), PHASE_TINT[span.phase]))
    width = theme.frame_width
    weeks_w = _fitting(_("Weeks"), s["cell_bold"], width * 0.1)
    table = Table(rows, colWidths=[width * 0.2, weeks_w, width * 0.8 - weeks_w], repeatRows=1)
    table.setStyle(TableStyle(commands))
    return [para(_("Your plan at a glance"), s["h2"]), table, Spacer(1, theme.body * 0.8)]


def safety_net_box(programme: Programme, theme: Theme) -> list[Flowable]:
    """G1: the boxed safety net, impossible to miss."""
    s = styles(theme)
    advice = next(a for a in programme.advice if a.id == "safety_net")
    content: list[Flowable] = [para(advice.title, s["h2"]), para(advice.text, s["body"])]
    for tier in advice.tiers:
        colour = TIER_COLOURS.get(tier.code, GREY)
        lead = tier_lead(tier.label, tier.action)
        text = f'<font color="#{colour.hexval()[2:]}"><b>{markup(lead)}</b></font>'
        text += " " + markup(tier_text(tier.text, tier.action))
        content.append(Paragraph(text, s["body"]))
    content += [para(point, s["body"], bold_prefix=_("For you:")) for point in advice.points]
    return [KeepTogether([boxed(content, theme, border=RED, border_width=2.2)])]


def cover(programme: Programme, theme: Theme, clinic: Clinic | None, printed: dt.date | None) -> list[Flowable]:
    """Page 1: who and what, the banner, the plan at a glance, and the safety net."""
    out = title_block(programme, theme, clinic, printed, box=True)
    out += referral_banner(programme, theme)
    out += safety_net_box(programme, theme)  # before the summary, so it is on page 1 even in large print
    out += [Spacer(1, theme.body * 0.6), *causes_line(programme, theme)]
    if theme.large:  # no room beside the facts: after the safety net, which page 1 keeps
        given = bool(programme.meta.next_appointment)  # then among the facts above
        box = clinician_box(programme, theme, clinic, theme.frame_width, on_page_1=given)
        out += [KeepTogether([box]), Spacer(1, theme.body * 0.6)]
    out += phase_summary(programme, theme)
    return out


def traffic_light(programme: Programme, theme: Theme) -> list[Flowable]:
    """G3: the pain-monitoring rule as a traffic light."""
    s = styles(theme)
    advice = next(a for a in programme.advice if a.id == "pain_monitoring")
    rows = [[para(tier.label, s["banner"]), para(tier.text, s["body"])] for tier in advice.tiers]
    colours = [TIER_COLOURS.get(tier.code, GREY) for tier in advice.tiers]
    table = Table(rows, colWidths=[theme.frame_width * 0.22, theme.frame_width * 0.78])
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#8a9aa4")),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, colors.white),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    for i, colour in enumerate(colours):
        commands.append(("BACKGROUND", (0, i), (0, i), colour))
    table.setStyle(TableStyle(commands))
    out: list[Flowable] = [para(advice.title, s["h2"]), para(advice.text, s["body"]), table]
    out += [Spacer(1, theme.body * 0.3), *bullets(advice.points, s["body"])] if advice.points else []
    return [*out, Spacer(1, theme.body * 0.6)]


def advice_section(advice: Advice, theme: Theme) -> list[Flowable]:
    """One advice section: heading, text and bullet points, kept together when short."""
    s = styles(theme)
    block: list[Flowable] = [para(advice.title, s["h2"]), para(advice.text, s["body"])]
    block += bullets(advice.points, s["body"])
    return [KeepTogether(block)]


def how_to_use(programme: Programme, theme: Theme) -> list[Flowable]:
    """Page 2: how to use the plan: traffic light, stepping up and down, leg symptoms, gates."""
    s = styles(theme)
    out: list[Flowable] = [para(_("How to use your plan"), s["h1"])]
    out.append(para(_(HOW_TO_USE), s["body"]))
    out += warnings_box(programme, theme)
    out += traffic_light(programme, theme)
    for advice_id in ("progression", "peripheralisation"):
        advice = next((a for a in programme.advice if a.id == advice_id), None)
        if advice is not None:
            out += advice_section(advice, theme)
    return out + gate_boxes(programme, theme)


def gate_boxes(programme: Programme, theme: Theme) -> list[Flowable]:
    """Clearance and other gates, each a box with its checklist (the readiness check is on the running page)."""
    s = styles(theme)
    out: list[Flowable] = []
    for gate in (g for g in programme.gates if g.id != "running_readiness"):
        box: list[Flowable] = [para(gate.title, s["h3"]), para(gate.text, s["body"])]
        box += checklist(gate.checklist, theme)
        out += [CondPageBreak(theme.body * 10), boxed(box, theme, border=AMBER), Spacer(1, theme.body * 0.6)]
    return out


def step_rules(programme: Programme, theme: Theme) -> list[Flowable]:
    """When to step up or back, and the leg-symptom rule, side by side (the sheets layout's calendar page)."""
    s = styles(theme)
    columns: list[list[Flowable]] = []
    for advice_id in ("progression", "peripheralisation"):
        advice = next((a for a in programme.advice if a.id == advice_id), None)
        if advice is not None:
            columns.append(
                [para(advice.title, s["h3"]), para(advice.text, s["small"]), *bullets(advice.points, s["small"])]
            )
    return side_by_side(columns, theme)


def checklist(items: list[str], theme: Theme) -> list[Flowable]:
    """Items with an empty box to tick."""
    from rehabgen.render.pdf.flowables import TickBox

    s = styles(theme)
    size = theme.body * 0.95
    rows = [[TickBox(size), para(item, s["body"])] for item in items]
    if not rows:
        return []
    table = Table(rows, colWidths=[size + 8, theme.frame_width - size - 30])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return [table]


SHEETS_ADVICE = frozenset(
    {"stay_active", "stenosis", "bone_health", "pelvic_health", "leg_length", "body_weight", "sitting"}
)
"""The advice the sheets layout prints: keep moving (G2), and what is particular to this runner's causes."""


def advice_pages(programme: Programme, theme: Theme, *, only: frozenset[str] | None = None) -> list[Flowable]:
    """The general advice pages (what is not already placed on the cover or how-to-use pages).

    With ``only``, just those advice sections (the sheets layout), then the note about the plan.
    """
    s = styles(theme)
    out: list[Flowable] = [para(_("Looking after your back"), s["h1"] if only is None else s["h2"])]
    for advice in programme.advice:
        if advice.id not in PLACED_ADVICE and (only is None or advice.id in only):
            out += advice_section(advice, theme)
    disclaimer = next(a for a in programme.advice if a.id == "disclaimer")
    out += [
        Spacer(1, theme.body),
        boxed([para(disclaimer.title, s["h3"]), para(disclaimer.text, s["body"])], theme, border=GREY),
    ]
    return out


def clinician_page(programme: Programme, theme: Theme, template_title: str, catalogue: Catalogue) -> list[Flowable]:
    """For the clinician: status, reasons, exclusions with their rules, adjustments, and how to trace this page.

    Plain labels, with the codes of the JSON output in small print for anyone matching the two.
    """
    s = styles(theme)
    meta = programme.meta
    out: list[Flowable] = [para(clinician_heading(programme), s["h1"])]
    triage = STATUS_LABELS[programme.status] + (": " + "; ".join(programme.reasons) if programme.reasons else "")
    out.append(para(triage, s["body"], bold_prefix=_("Triage:")))
    causes = [Cause(c) for c in meta.causes]
    named = "; ".join(CAUSE_INFO[c][0] for c in causes) or _("none given")
    causes_text = _f("{causes}. Programme template: {template}.", causes=named, template=template_title)
    out.append(para(causes_text, s["body"], bold_prefix=_("Causes:")))
    codes = [programme.status.value, *meta.causes, _f("template {id}", id=meta.template)]
    out.append(para(_("Codes: ") + ", ".join(codes), s["tiny"]))
    if programme.exclusions:
        out.append(para(_("Movements left out of the plan, and why"), s["h3"]))
        out.append(exclusion_table(programme, theme))
    out += adjustments_section(programme, catalogue, theme)
    out.append(Spacer(1, theme.body * 0.6))
    out.append(para(traceability(programme), s["small"]))
    return out


def exclusion_table(programme: Programme, theme: Theme) -> Table:
    """One row per rule and window: the movements in words, the weeks, the reason, the codes in small print."""
    s = styles(theme)
    groups: dict[tuple[str, int, int, str], list[Tag]] = {}
    for e in programme.exclusions:
        groups.setdefault((e.code, e.from_week, e.to_week, e.because), []).append(e.tag)
    rows: list[list[Any]] = [[para(h, s["cell_bold"]) for h in (_("Movements"), _("Weeks"), _("Why"))]]
    for (code, start, end, because), tags in sorted(groups.items(), key=lambda g: (g[0][1], g[0][2], g[0][0])):
        weeks = str(start) if start == end else f"{start}–{end}"
        movements = [para("; ".join(TAG_LABELS[t] for t in tags), s["cell"])]
        movements.append(para(", ".join([code, *(t.value for t in tags)]), s["tiny"]))
        rows.append([movements, para(weeks, s["cell"]), para(because, s["cell"])])
    w = theme.frame_width
    weeks_w = _fitting(_("Weeks"), s["cell_bold"], w * 0.1)
    table = Table(rows, colWidths=[w * 0.42, weeks_w, w * 0.58 - weeks_w], repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    return table


def _fitting(heading: str, style: Any, width: float) -> float:
    """``width``, or wider when a column's one-word heading (``Semanas`` in large print) would not fit in it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    needed: float = stringWidth(heading, style.fontName, style.fontSize) + 13
    return max(width, needed)


def referral_page(programme: Programme, theme: Theme, clinic: Clinic | None, printed: dt.date | None) -> list[Flowable]:
    """The one-page handout for emergency, urgent and clinician-required outcomes: no exercises."""
    s = styles(theme)
    ref = programme.referral
    assert ref is not None
    colour = {Status.EMERGENCY_REFERRAL: RED, Status.URGENT_REFERRAL: AMBER}.get(programme.status, theme.accent_colour)
    out = title_block(programme, theme, clinic, printed)
    headline: list[Flowable] = [para(ref.headline, s["banner"]), Spacer(1, 4), para(ref.action, s["banner"])]
    out += [boxed(headline, theme, border=colour, background=colour, padding=12), Spacer(1, theme.body * 0.6)]
    out += bullets(ref.details, s["body"])
    # The safety net (with the region's numbers) comes before the reasons, so it is on page 1 in any size.
    out += [Spacer(1, theme.body * 0.4), *safety_net_box(programme, theme)]
    if programme.reasons:
        out += [para(_("What in your answers led to this"), s["h2"])]
        out += bullets(programme.reasons, s["body"])
    disclaimer = next(a for a in programme.advice if a.id == "disclaimer")
    out += [Spacer(1, theme.body * 0.6), para(disclaimer.text, s["small"])]
    return out
