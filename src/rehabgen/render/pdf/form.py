"""The paper intake form: the questionnaire printed to fill in with a pen at reception.

The same questions, numbers and words as ``rehabgen intake`` asks in the terminal. Each question has tick
boxes or a line to write on; a question asked only after a particular answer says so ("Only if …"). The
warning signs come first, and after every group with answers that need help a boxed note says what to do if
one of them was ticked, with the region's numbers. A runner's form ends with a box for the clinic holding
the questions only a clinician answers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from rehabgen._version import __version__
from rehabgen.intake.markdown import TITLES
from rehabgen.intake.text import IF_ANSWERED, WHAT_TO_DO, answers_leading_to, asked_when, how_to_answer
from rehabgen.model.questionnaire import Audience, Question, Questionnaire
from rehabgen.model.vocab import Status
from rehabgen.render.pdf.document import header_band
from rehabgen.render.pdf.flowables import TickBox, boxed, para
from rehabgen.render.pdf.fonts import SANS, register_fonts
from rehabgen.render.pdf.styles import AMBER, GREY, RED, RULE, Theme, make_theme, styles
from rehabgen.render.text import FOOTER_NOTE, language_tag
from rehabgen.words.help import HelpRoutes

INSTRUCTIONS: dict[Audience, str] = {
    "runner": "Answer each question by ticking one box or writing on the line, from the top. A question that "
    "starts with “Only if” is for some people only: skip it unless the earlier answer it names is yours. "
    "Ask at reception if anything is unclear, and hand the form back when you have finished.",
    "clinician": "Tick or write each answer. Questions marked “Only if” follow from an earlier answer. "
    "Enter the answers with `rehabgen intake --for clinician`, which asks in the same order and numbering.",
}
CLINIC_BOX = "For the clinic"
"""The heading of the box on a runner's form holding the questions only a clinician answers."""


class _Line(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A line to write an answer on."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width = width
        self.height = height

    def draw(self) -> None:
        """Draw the line along the bottom."""
        self.canv.setStrokeColor(colors.black)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, 1, self.width, 1)


def render_form(
    questionnaire: Questionnaire,
    audience: Audience,
    routes: HelpRoutes,
    *,
    page_size: str = "A4",
    large_print: bool = False,
) -> bytes:
    """The paper intake form as PDF bytes (the same inputs give the same bytes)."""
    theme = make_theme(page_size, large_print, None)
    register_fonts()
    s = styles(theme)
    story: list[Flowable] = [*header_band(theme, None), para(TITLES[audience], s["title"])]
    story.append(para(INSTRUCTIONS[audience], s["body"]))
    asked = questionnaire.for_audience(audience)
    for group in questionnaire.groups:
        members = [q for q in asked if q.group == group.id]
        if not members:
            continue
        story += [CondPageBreak(theme.body * 8), para(group.title.for_(audience), s["h2"])]
        if group.intro:
            story.append(para(group.intro.for_(audience), s["body"]))
        story += _what_to_do(questionnaire, members, audience, routes, theme)
        story += [_question(questionnaire, q, audience, asked.index(q) + 1, theme) for q in members]
    if audience == "runner":
        story += _clinic_box(questionnaire, theme)
    return _build(story, theme, questionnaire.version, audience)


def _question(questionnaire: Questionnaire, question: Question, audience: Audience, number: int, theme: Theme) -> Table:
    """One question: its number, words, help and when it is asked, then its boxes or line."""
    s = styles(theme)
    width = theme.frame_width
    words: list[Flowable] = [para(question.ask.for_(audience), s["bold"])]
    when = asked_when(questionnaire, question, audience)
    if when:
        words.insert(0, para(when, s["label"]))
    if question.help:
        words.append(para(question.help.for_(audience), s["small"]))
    number_width = theme.body * 2.6
    if question.answer == "yes_no":
        answer: Any = _ticks([c.label.for_(audience) for c in question.offered(audience)], theme, across=True)
        rows = [[para(f"{number}.", s["bold"]), words, answer]]
        widths = [number_width, width - number_width - theme.body * 11, theme.body * 11]
    else:
        rows = [[para(f"{number}.", s["bold"]), [*words, *_answer_space(question, audience, theme)], ""]]
        widths = [number_width, width - number_width - 1, 1]
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), theme.body * 0.45),
                ("BOTTOMPADDING", (0, 0), (-1, -1), theme.body * 0.6),
            ]
        )
    )
    return table


def _answer_space(question: Question, audience: Audience, theme: Theme) -> list[Flowable]:
    """Tick boxes for the choices, or a line to write on, and the box for leaving it blank."""
    s = styles(theme)
    blank = [question.blank.for_(audience)] if question.blank else []
    if question.answer in ("choice", "choices"):
        labels = [c.label.for_(audience) for c in question.offered(audience)]
        hint = "Tick one box." if question.answer == "choice" else "Tick every box that fits."
        return [para(hint, s["small"]), _ticks([*labels, *blank], theme)]
    size = theme.body * 14 if question.answer == "text" else theme.body * 8
    line: list[Any] = [_Line(size, theme.body * 1.6), para(how_to_answer(question), s["small"])]
    row = [line[0], line[1]]
    widths = [size + 6, theme.frame_width - size - theme.body * 4]
    if question.answer == "text":
        line = [_Line(theme.frame_width - theme.body * 4, theme.body * 1.8)]
        row, widths = [line[0], ""], [theme.frame_width - theme.body * 4, 1]
    table = Table([row], colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), *_no_padding()]))
    out: list[Flowable] = [Spacer(1, theme.body * 0.4), table]
    if blank:
        out += [Spacer(1, theme.body * 0.3), _ticks(blank, theme, lead="Or")]
    return out


def _ticks(labels: Sequence[str], theme: Theme, *, across: bool = False, lead: str | None = None) -> Table:
    """Tick boxes with their labels: in a row (yes/no), in two columns (short labels) or one under another."""
    s = styles(theme)
    size = theme.body * 1.05
    cells: list[list[Any]] = [[TickBox(size), para(label, s["body"])] for label in labels]
    lead_width = theme.body * 2 if lead else 0
    if lead:
        cells = [[para(lead if i == 0 else "", s["body"]), *cell] for i, cell in enumerate(cells)]
    if across:
        rows = [[part for cell in cells for part in cell]]
        widths = [size + 5, theme.body * 3.6] * len(cells)
    elif len(labels) > 3 and max(len(label) for label in labels) <= 34:
        half = (len(cells) + 1) // 2
        left, right = cells[:half], cells[half:] + [["", ""]] * (2 * half - len(cells))
        rows = [[*a, *b] for a, b in zip(left, right, strict=True)]
        column = (theme.frame_width - theme.body * 4) / 2 - size - 6
        widths = [size + 6, column] * 2
    else:
        rows = cells
        rest = theme.frame_width - theme.body * 4 - size - 6 - lead_width
        widths = [*([lead_width] if lead else []), size + 6, rest]
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *_no_padding(), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])
    )
    return table


def _no_padding() -> list[tuple[Any, ...]]:
    return [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
    ]


def _what_to_do(
    questionnaire: Questionnaire, members: list[Question], audience: Audience, routes: HelpRoutes, theme: Theme
) -> list[Flowable]:
    """A boxed note for each kind of answer in the group that needs help: which answers, what to do, whom to call."""
    s = styles(theme)
    out: list[Flowable] = []
    for status, colour, route, lead in (
        (Status.EMERGENCY_REFERRAL, RED, routes.emergency, "Stop and tell reception straight away. "),
        (Status.URGENT_REFERRAL, AMBER, routes.urgent, "Tell reception before you go on. "),
    ):
        found = answers_leading_to(questionnaire, members, audience, status)
        if not found:
            continue
        lead = lead if audience == "runner" else ""
        content = [
            para(f"{IF_ANSWERED[audience]} {found}:", s["bold"]),
            para(f"{lead}{WHAT_TO_DO[status][audience]}. {route}.", s["body"]),
        ]
        if status is Status.EMERGENCY_REFERRAL and audience == "runner":
            content.append(
                para("If you are filling this in away from the clinic, do not wait: get help now.", s["body"])
            )
        out += [KeepTogether(boxed(content, theme, border=colour, border_width=2)), Spacer(1, theme.body * 0.5)]
    return out


def _clinic_box(questionnaire: Questionnaire, theme: Theme) -> list[Flowable]:
    """The questions only a clinician answers, in a box at the end of a runner's form."""
    s = styles(theme)
    only = [q for q in questionnaire.questions if "runner" not in q.audiences]
    if not only:
        return []
    rows = [[para(q.ask.clinician, s["body"]), _Line(theme.body * 16, theme.body * 1.6)] for q in only]
    table = Table(rows, colWidths=[theme.frame_width - theme.body * 19, theme.body * 17])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), *_no_padding()]))
    content = [para(CLINIC_BOX, s["h3"]), table]
    return [Spacer(1, theme.body), KeepTogether(boxed(content, theme, border=GREY, border_width=1))]


def _build(story: list[Flowable], theme: Theme, version: int, audience: Audience) -> bytes:
    buffer = io.BytesIO()
    margin = theme.margin
    doc = BaseDocTemplate(
        buffer,
        pagesize=theme.page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + theme.footer_space,
        title=TITLES[audience],
        author="rehabgen",
        subject="Intake questionnaire for runners with lower back pain",
        creator=f"rehabgen {__version__}",
        producer=f"rehabgen {__version__}",
        invariant=1,
        lang=language_tag(),
        displayDocTitle=1,
        initialFontName=SANS,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0, rightPadding=0)
    footer = f"rehabgen {__version__} · intake questionnaire version {version} · {FOOTER_NOTE}"

    def on_page(canvas: Canvas, document: BaseDocTemplate) -> None:
        size = styles(theme)["tiny"].fontSize
        canvas.setFont(SANS, size)
        canvas.setFillColor(GREY)
        canvas.drawString(margin, margin * 0.6, f"Page {document.page} · {footer}")

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(story)
    return buffer.getvalue()
