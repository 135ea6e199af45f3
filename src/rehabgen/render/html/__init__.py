"""The handout as one accessible HTML file (``--format html``): ``render_html(handout) -> str``.

The same content as the PDF, as semantic HTML a screen reader can navigate: one ``<h1>``, sections with
nested headings, a table of contents, lists, tables with captions and header cells, checklists as real
checkboxes, and each exercise's picture as inline SVG with a text alternative. Self-contained (one embedded
stylesheet with a print style, no scripts, no requests) and deterministic: the same inputs give the same
bytes. A referral outcome gives the referral page only, with no exercise or running content.
"""

from __future__ import annotations

from rehabgen.i18n import _, _f
from rehabgen.io.cache import Cache
from rehabgen.model.clinic import Clinic
from rehabgen.model.programme import Programme
from rehabgen.render.handout import Handout
from rehabgen.render.html.cards import exercises
from rehabgen.render.html.markup import Ids, el, esc, para, void
from rehabgen.render.html.sections import (
    Part,
    clinician,
    how_to_use,
    looking_after,
    masthead,
    plan_at_a_glance,
    referral_banner,
    referral_page,
    safety_net,
    title_block,
)
from rehabgen.render.html.sheets import session_sheets
from rehabgen.render.html.style import stylesheet
from rehabgen.render.html.tables import calendar, outcomes, running_plan, tracking
from rehabgen.render.reissue import printed_handout
from rehabgen.render.text import FOOTER_NOTE, document_title, language_tag

__all__ = ["render", "render_html"]


def render(handout: Handout, cache: Cache | None = None) -> bytes:
    """The registry's entry point: the handout as UTF-8 HTML."""
    return render_html(handout).encode("utf-8")


def render_html(handout: Handout) -> str:
    """The whole handout, or the referral page, as one HTML document."""
    handout = printed_handout(handout)
    programme, clinic, options = handout.programme, handout.clinic, handout.options
    printed = options.printed_date or programme.meta.start_date
    top = title_block(programme, clinic, printed, box=not programme.status.is_referral)
    if programme.status.is_referral:
        main = top + referral_page(programme)
    else:
        main = top + referral_banner(programme) + safety_net(programme) + _contents_and_parts(handout)
    accent = (clinic.accent_colour if clinic else None) or handout.template.handout.accent_colour
    style = stylesheet(accent=accent, large_print=options.large_print, page_size=options.page_size)
    head = (
        void("meta", charset="utf-8")
        + void("meta", name="viewport", content="width=device-width, initial-scale=1")
        + void("meta", name="generator", content=f"rehabgen {programme.rehabgen_version}")
        + el("title", esc(document_title(programme)))
        + el("style", "\n" + style)
    )
    body = (
        el("a", _("Skip to the handout"), href="#main", class_="skip-link")
        + masthead(clinic)
        + el("main", main, id="main")
        + _footer(programme, clinic)
    )
    body_class = "large" if options.large_print else None
    document = el("html", el("head", head) + el("body", body, class_=body_class), lang=language_tag())
    return "<!DOCTYPE html>\n" + document


def _parts(handout: Handout) -> list[Part]:
    """The programme's sections in the PDF's order, as the template asks for them."""
    programme, catalogue, sections = handout.programme, handout.catalogue, handout.template.handout
    ids = Ids()
    parts = [plan_at_a_glance(programme, ids), how_to_use(programme, ids)]
    if sections.calendar:
        parts.append(calendar(programme, ids))
    parts += [session_sheets(programme, catalogue, ids), exercises(programme, catalogue, ids)]
    if sections.running_plan:
        parts.append(running_plan(programme, catalogue, ids))
    if sections.tracking:
        parts.append(tracking(programme, ids))
    if sections.outcome_pages:
        parts.append(outcomes(programme, ids))
    parts += [looking_after(programme), clinician(programme, handout.template.title, ids, catalogue)]
    return parts


def _contents_and_parts(handout: Handout) -> str:
    """The table of contents (the safety net, then every section), then the sections."""
    parts = _parts(handout)
    advice = next(a for a in handout.programme.advice if a.id == "safety_net")
    links = [("safety-net", advice.title)] + [(p.id, p.title) for p in parts]
    items = "".join(el("li", el("a", esc(title), href=f"#{target}")) for target, title in links)
    nav = el(
        "nav",
        el("h2", _("Contents"), id="contents-h") + el("ol", items),
        class_="contents",
        aria_labelledby="contents-h",
    )
    return nav + "".join(p.html() for p in parts)


def _footer(programme: Programme, clinic: Clinic | None) -> str:
    """The PDF's page footer, once: who, the version, the input code and the not-a-diagnosis line."""
    meta = programme.meta
    parts = [meta.patient.name or meta.patient.id or "", f"rehabgen {programme.rehabgen_version}"]
    parts += [_f("inputs {code}", code=meta.input_hash), _(FOOTER_NOTE)]
    note = para(clinic.footer_note) if clinic and clinic.footer_note else ""
    return el("footer", note + para(" · ".join(p for p in parts if p), class_="small"), class_="colophon")
