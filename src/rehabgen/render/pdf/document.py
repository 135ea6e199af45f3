"""The PDF handout: ``render_pdf(handout) -> bytes``.

Only the resolved Programme is read; no rule is re-run here. The document is deterministic (reportlab's
``invariant`` mode, no wall-clock dates: the printed date is ``--date`` or the start date), its text is real
text in reading order, and every page carries a footer with page x of y, the patient's name, the rehabgen
version, the input hash and the not-a-diagnosis line.
"""

from __future__ import annotations

import functools
import io
import zlib
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from rehabgen.errors import ClinicError, Problem
from rehabgen.i18n import _, _f
from rehabgen.io.cache import Cache
from rehabgen.model.clinic import Clinic
from rehabgen.model.programme import Programme
from rehabgen.model.text import strip_unsafe
from rehabgen.render.handout import Handout
from rehabgen.render.pdf.cards import exercise_pages
from rehabgen.render.pdf.fonts import SANS, markup, plain_face, printable_text, register_fonts
from rehabgen.render.pdf.pages import (
    SHEETS_ADVICE,
    advice_pages,
    clinician_page,
    cover,
    gate_boxes,
    how_to_use,
    referral_page,
    step_rules,
    traffic_light,
)
from rehabgen.render.pdf.pictures import PictureStore
from rehabgen.render.pdf.printable import patient_label, pdf_warnings
from rehabgen.render.pdf.sheets import session_sheets
from rehabgen.render.pdf.styles import GREY, RULE, Theme, make_theme, styles
from rehabgen.render.pdf.tables import calendar, outcomes, pain_diary, running_plan, tracking
from rehabgen.render.reissue import printed_handout
from rehabgen.render.text import FOOTER_NOTE, NEUTRAL_HEADER, document_title, language_tag

OUTLINE_LEVELS = {"title": 0, "h1": 0, "card_title": 1}
"""Paragraph styles that get a bookmark in the PDF's outline, and at which level (exercises under their section)."""


class _FastFlate:
    """reportlab's page-stream filter at zlib level 1 instead of 6.

    A handout's pages compress about four times faster and come out a few per cent larger, with the same
    bytes for the same inputs every time.
    """

    pdfname = "FlateDecode"

    def encode(self, text: str | bytes) -> bytes:
        """Compress a page stream."""
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, 1)

    def decode(self, encoded: bytes) -> bytes:
        """Decompress a page stream."""
        return zlib.decompress(encoded)


pdfdoc.PDFZCompress = _FastFlate()


def render(handout: Handout, cache: Cache | None = None) -> bytes:
    """The registry's entry point: the handout as PDF bytes."""
    return render_pdf(handout, cache=cache)


def warnings(handout: Handout) -> list[str]:
    """The registry's warnings hook: what the handout cannot print as given (``printable.pdf_warnings``)."""
    return pdf_warnings(handout)


def render_pdf(handout: Handout, *, cache: Cache | None = None) -> bytes:
    """The handout (or the one-page referral handout) as PDF bytes.

    With a ``cache``, the exercise pictures' PDF operators are kept there between runs (they depend only on
    the pose and the drawing code; the bytes of the document are the same either way).
    """
    pictures = PictureStore(cache)
    handout = printed_handout(handout)
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
    handout = printed_handout(handout)
    programme, clinic, template = handout.programme, handout.clinic, handout.template
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
    if options.layout_for(template) == "sheets":
        story += _sheets_layout(handout, theme, pictures)
    else:
        story += _booklet_layout(handout, theme, pictures)
    # The clinician's page shares the last page when it fits there whole.
    story.append(KeepTogether(clinician_page(programme, theme, template.title, handout.catalogue)))
    return story, theme


def _sheets_layout(handout: Handout, theme: Theme, pictures: PictureStore) -> list[Flowable]:
    """After page 1: the calendar with the pain rules, the session sheets, running, tracking."""
    programme, catalogue, sections = handout.programme, handout.catalogue, handout.template.handout
    story: list[Flowable] = []
    if sections.calendar:
        story += [CondPageBreak(theme.page[1] * 0.5), *calendar(programme, theme, pain_column=sections.tracking)]
    story += [*traffic_light(programme, theme), *step_rules(programme, theme)]
    story += [CondPageBreak(theme.page[1] * 0.4), *session_sheets(programme, catalogue, theme, pictures, warnings=True)]
    # The sections after the sheets pack onto a page that has room (pages without holes).
    story += gate_boxes(programme, theme)
    if sections.running_plan:
        story += [CondPageBreak(theme.page[1] * 0.3), *running_plan(programme, catalogue, theme, with_table=False)]
    if sections.tracking and not sections.calendar:
        story += [CondPageBreak(theme.page[1] * 0.45), *pain_diary(programme, theme)]
    story += [CondPageBreak(theme.page[1] * 0.25), *advice_pages(programme, theme, only=SHEETS_ADVICE)]
    return story


def _booklet_layout(handout: Handout, theme: Theme, pictures: PictureStore) -> list[Flowable]:
    """After page 1: how to use, the calendar, the session sheets, every exercise card, and the rest."""
    programme, catalogue, sections = handout.programme, handout.catalogue, handout.template.handout
    # A section starts on the page before it when half a page is left; the cards start a fresh page, which
    # they then fill (``exercise_pages``).
    half = CondPageBreak(theme.page[1] * 0.5)
    story: list[Flowable] = [half, *how_to_use(programme, theme)]
    if sections.calendar:
        story += [half, *calendar(programme, theme)]
    story += [half, *session_sheets(programme, catalogue, theme, pictures)]
    story += [PageBreak(), *exercise_pages(programme, catalogue, theme, pictures)]
    if sections.running_plan:
        story += [half, *running_plan(programme, catalogue, theme)]
    if sections.tracking:
        story += [half, *tracking(programme, theme)]
    if sections.outcome_pages:
        story += [half, *outcomes(programme, theme)]
    story += [half, *advice_pages(programme, theme)]
    return story


def _document(buffer: io.BytesIO, programme: Programme, theme: Theme, clinic: Clinic | None) -> BaseDocTemplate:
    meta = programme.meta
    title = document_title(programme)
    margin = theme.margin
    doc = _OutlinedDocument(
        buffer,
        pagesize=theme.page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + theme.footer_space,
        title=strip_unsafe(title),
        author=strip_unsafe(clinic.name) if clinic else "rehabgen",
        subject=_("Exercise plan for lower back pain in runners") if programme.weeks else _("Referral advice"),
        keywords=["rehabgen", programme.status.value, meta.input_hash],
        creator=f"rehabgen {programme.rehabgen_version}",
        producer=f"rehabgen {programme.rehabgen_version}",
        invariant=1,
        lang=language_tag(),
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


class _OutlinedDocument(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    """A document whose title, sections and exercise cards are bookmarks in the PDF's outline."""

    def afterFlowable(self, flowable: Flowable) -> None:
        """Bookmark a heading (or an exercise card, by its title) on the page where it lands."""
        found = _heading(flowable)
        if found is not None:
            title, level = found
            top = self.frame._y + flowable.height  # the frame's cursor is below the flowable just placed
            self.canv.outline_here(title, level, top)


def _heading(flowable: Flowable) -> tuple[str, int] | None:
    """(text, outline level) of a heading paragraph, or of the title paragraph inside a card."""
    candidates = [flowable]
    for block in getattr(flowable, "blocks", ())[:1]:  # a card: its title is in its first block
        candidates += [f for part in block if isinstance(part, list) for f in part]
    for candidate in candidates:
        if isinstance(candidate, Paragraph):
            level = OUTLINE_LEVELS.get(candidate.style.name)
            if level is not None:
                return strip_unsafe(candidate.getPlainText()), level
    return None


def header_band(theme: Theme, clinic: Clinic | None) -> list[Flowable]:
    """The clinic's header (name, address, contacts, logo) or a neutral one."""
    s = styles(theme)
    if clinic is None:
        name, what = NEUTRAL_HEADER[0], _(NEUTRAL_HEADER[1])
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
    """The logo, scaled into its box. ``load_clinic`` checked it; a Clinic built in code may not have been."""
    assert clinic.logo is not None
    try:
        reader = ImageReader(str(clinic.logo))
        width, height = reader.getSize()
    except Exception as exc:  # reportlab and Pillow raise many kinds
        reason = _f(
            "{logo} cannot be printed ({error}); use a PNG or JPEG file", logo=clinic.logo, error=type(exc).__name__
        )
        raise ClinicError([Problem(reason, path=("logo",))]) from None
    box_w, box_h = theme.body * 8, theme.body * 4
    scale = min(box_w / width, box_h / height)
    return Image(str(clinic.logo), width=width * scale, height=height * scale)


def _footer_text(programme: Programme, clinic: Clinic | None) -> str:
    meta = programme.meta
    parts = [
        patient_label(meta),
        f"rehabgen {programme.rehabgen_version}",
        _f("inputs {code}", code=meta.input_hash),
        _(FOOTER_NOTE),
    ]
    if clinic and clinic.footer_note:
        parts.insert(0, clinic.footer_note)
    footer = " · ".join(printable_text(p, fallback="") for p in parts if p)
    return strip_unsafe(footer)  # drawn on the canvas directly, not through markup


class _NumberedCanvas(canvas.Canvas):  # type: ignore[misc]  # reportlab is untyped
    """A canvas that writes "Page x of y" and the footer once the total number of pages is known."""

    def __init__(self, *args: Any, footer: str, theme: Theme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer = footer
        self._theme = theme
        self._outline: dict[int, list[tuple[str, int, float]]] = {}

    def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None:
        """Every face on the page is a bundled one.

        reportlab's tables set their default face (an unembedded Helvetica) for every cell, even one that
        holds only paragraphs; it is swapped for the handout's face here.
        """
        super().setFont(SANS if psfontname == "Helvetica" else psfontname, size, leading)

    def outline_here(self, title: str, level: int, top: float) -> None:
        """Put ``title`` in the PDF's outline, pointing at ``top`` on the page being laid out."""
        self._outline.setdefault(len(self._pages), []).append((title, level, top))

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
            for index, (title, level, top) in enumerate(self._outline.get(number - 1, [])):
                key = f"outline-{number}-{index}"
                self.bookmarkPage(key, fit="XYZ", top=top)
                self.addOutlineEntry(title, key, level=level, closed=level > 0)
            super().showPage()
        if self._outline:
            self.showOutline()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        theme = self._theme
        style = styles(theme)["tiny"]
        text = _f("Page {number} of {total}", number=number, total=total) + f" · {self._footer}"
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
