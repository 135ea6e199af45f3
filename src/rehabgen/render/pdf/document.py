"""The PDF handout: ``render_pdf(handout) -> bytes``.

Only the resolved Programme is read; no rule is re-run here. The document is deterministic (reportlab's
``invariant`` mode, no wall-clock dates: the printed date is ``--date`` or the start date), its text is real
text in reading order, and every page carries a footer with page x of y, the patient's name, the rehabgen
version, the input hash and the not-a-diagnosis line.
"""

from __future__ import annotations

import functools
import io
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from rehabgen.io.cache import Cache
from rehabgen.model.clinic import Clinic
from rehabgen.model.programme import Programme
from rehabgen.render.handout import Handout
from rehabgen.render.pdf.cards import exercise_pages
from rehabgen.render.pdf.fonts import SANS, markup, plain_face, register_fonts
from rehabgen.render.pdf.pages import advice_pages, clinician_page, cover, how_to_use, referral_page
from rehabgen.render.pdf.pictures import PictureStore
from rehabgen.render.pdf.styles import GREY, RULE, Theme, make_theme, styles
from rehabgen.render.pdf.tables import calendar, outcomes, running_plan, tracking
from rehabgen.render.text import FOOTER_NOTE, LANGUAGE, NEUTRAL_HEADER, document_title


def render(handout: Handout, cache: Cache | None = None) -> bytes:
    """The registry's entry point: the handout as PDF bytes."""
    return render_pdf(handout, cache=cache)


def render_pdf(handout: Handout, *, cache: Cache | None = None) -> bytes:
    """The handout (or the one-page referral handout) as PDF bytes.

    With a ``cache``, the exercise pictures' PDF operators are kept there between runs (they depend only on
    the pose and the drawing code; the bytes of the document are the same either way).
    """
    pictures = PictureStore(cache)
    story, theme = handout_story(handout, pictures)
    buffer = io.BytesIO()
    programme, clinic = handout.programme, handout.clinic
    doc = _document(buffer, programme, theme, clinic)
    footer = _footer_text(programme, clinic)
    doc.build(story, canvasmaker=functools.partial(_NumberedCanvas, footer=footer, theme=theme))
    pictures.save()
    return buffer.getvalue()


def handout_story(handout: Handout, pictures: PictureStore | None = None) -> tuple[list[Flowable], Theme]:
    """The handout's flowables, in reading order, and the theme they were built with."""
    programme, catalogue, clinic, template = handout.programme, handout.catalogue, handout.clinic, handout.template
    options = handout.options
    pictures = pictures or PictureStore(None)
    accent = (clinic.accent_colour if clinic else None) or template.handout.accent_colour
    theme = make_theme(options.page_size, options.large_print, accent)
    register_fonts()
    printed = options.printed_date or programme.meta.start_date
    story: list[Flowable] = [*header_band(theme, clinic)]
    if programme.status.is_referral:
        story += referral_page(programme, theme, clinic, printed)
        return story, theme
    story += cover(programme, theme, clinic, printed)
    story += [PageBreak(), *how_to_use(programme, theme)]
    if template.handout.calendar:
        story += [PageBreak(), *calendar(programme, theme)]
    story += [PageBreak(), *exercise_pages(programme, catalogue, theme, pictures)]
    if template.handout.running_plan:
        story += [PageBreak(), *running_plan(programme, catalogue, theme)]
    if template.handout.tracking:
        story += [PageBreak(), *tracking(programme, theme)]
    if template.handout.outcome_pages:
        story += [PageBreak(), *outcomes(programme, theme)]
    story += [PageBreak(), *advice_pages(programme, theme)]
    story += [PageBreak(), *clinician_page(programme, theme, template.title)]
    return story, theme


def _document(buffer: io.BytesIO, programme: Programme, theme: Theme, clinic: Clinic | None) -> BaseDocTemplate:
    meta = programme.meta
    title = document_title(programme)
    margin = theme.margin
    doc = BaseDocTemplate(
        buffer,
        pagesize=theme.page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + theme.body * 2.2,
        title=title,
        author=clinic.name if clinic else "rehabgen",
        subject="Exercise plan for lower back pain in runners" if programme.weeks else "Referral advice",
        keywords=["rehabgen", programme.status.value, meta.input_hash],
        creator=f"rehabgen {programme.rehabgen_version}",
        producer=f"rehabgen {programme.rehabgen_version}",
        invariant=1,
        lang=LANGUAGE,
        displayDocTitle=1,
        initialFontName=SANS,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


def header_band(theme: Theme, clinic: Clinic | None) -> list[Flowable]:
    """The clinic's header (name, address, contacts, logo) or a neutral one."""
    s = styles(theme)
    if clinic is None:
        name, what = NEUTRAL_HEADER
        left: list[Flowable] = [Paragraph(name, s["header"]), Paragraph(what, s["header_small"])]
        logo: Flowable | str = ""
    else:
        left = [Paragraph(markup(clinic.name), s["header"])]
        if clinic.address:
            left.append(Paragraph(markup(clinic.address), s["header_small"]))
        contacts = " · ".join(x for x in (clinic.phone, clinic.email, clinic.website) if x)
        if contacts:
            left.append(Paragraph(markup(contacts), s["header_small"]))
        logo = _logo(clinic, theme) if clinic.logo else ""
    logo_width = theme.body * 9 if logo else 0
    table = Table([[left, logo]], colWidths=[theme.frame_width - logo_width, logo_width or 0.1])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), theme.accent_colour),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    from reportlab.platypus import Spacer

    return [table, Spacer(1, theme.body * 1.2)]


def _logo(clinic: Clinic, theme: Theme) -> Flowable:
    assert clinic.logo is not None
    reader = ImageReader(str(clinic.logo))
    width, height = reader.getSize()
    box_w, box_h = theme.body * 8, theme.body * 4
    scale = min(box_w / width, box_h / height)
    return Image(str(clinic.logo), width=width * scale, height=height * scale)


def _footer_text(programme: Programme, clinic: Clinic | None) -> str:
    meta = programme.meta
    parts = [
        meta.patient.name or meta.patient.id or "",
        f"rehabgen {programme.rehabgen_version}",
        f"inputs {meta.input_hash}",
        FOOTER_NOTE,
    ]
    if clinic and clinic.footer_note:
        parts.insert(0, clinic.footer_note)
    return " · ".join(p for p in parts if p)


class _NumberedCanvas(canvas.Canvas):  # type: ignore[misc]  # reportlab is untyped
    """A canvas that writes "Page x of y" and the footer once the total number of pages is known."""

    def __init__(self, *args: Any, footer: str, theme: Theme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer = footer
        self._theme = theme

    def showPage(self) -> None:
        """Keep the page to finish later."""
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Draw every page's footer with the total, then write the file."""
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        theme = self._theme
        style = styles(theme)["tiny"]
        text = f"Page {number} of {total} · {self._footer}"
        width = theme.page[0] - 2 * theme.margin
        y = theme.margin * 0.6
        size = style.fontSize
        if plain_face(text) == SANS and stringWidth(text, SANS, size) <= width:
            # One line in the main face: draw it directly (a Paragraph per page costs far more).
            height = style.leading
            self.setFont(SANS, size)
            self.setFillColor(GREY)
            self.drawString(theme.margin, y + height - size, text)
        else:
            paragraph = Paragraph(markup(text), style.clone("footer", textColor=GREY))
            _, height = paragraph.wrapOn(self, width, theme.margin)
            paragraph.drawOn(self, theme.margin, y)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(theme.margin, y + height + 3, theme.page[0] - theme.margin, y + height + 3)
