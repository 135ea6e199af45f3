"""The contact sheet: every exercise that has a pose, its picture and its name, for clinical review.

A4 pages with a grid of cards (picture, name, id and level), in catalogue order, numbered "page n of N".
Built straight on a reportlab canvas with ``invariant=1``, so the same catalogue gives the same bytes.
"""

from __future__ import annotations

import io

from reportlab.graphics import renderPDF
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import Exercise
from rehabgen.pictures.draw import illustration
from rehabgen.render.pdf.fonts import SANS, SANS_BOLD, plain_face, register_fonts

COLUMNS, ROWS = 3, 5
MARGIN = 36.0
PICTURE_W, PICTURE_H = 160.0, 95.0
"""The picture at the size an exercise card prints it."""
TITLE = "rehabgen exercise illustrations"
_INK = Color(0.1, 0.1, 0.1)
_QUIET = Color(0.4, 0.4, 0.4)
_RULE = Color(0.82, 0.82, 0.82)


def render_sheet(catalogue: Catalogue) -> bytes:
    """A PDF contact sheet of every exercise in ``catalogue`` that has a pose (deterministic bytes)."""
    register_fonts()
    exercises = [ex for ex in catalogue if ex.pose is not None]
    per_page = COLUMNS * ROWS
    pages = max(1, -(-len(exercises) // per_page))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(TITLE)
    canvas.setAuthor("rehabgen")
    canvas.setSubject(f"{len(exercises)} exercise illustrations")
    for page in range(pages):
        _header(canvas, page + 1, pages, len(exercises))
        for slot, exercise in enumerate(exercises[page * per_page : (page + 1) * per_page]):
            _cell(canvas, exercise, slot)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _header(canvas: Canvas, page: int, pages: int, count: int) -> None:
    width, height = A4
    canvas.setFillColor(_INK)
    canvas.setFont(SANS_BOLD, 11)
    canvas.drawString(MARGIN, height - MARGIN + 8, TITLE)
    canvas.setFont(SANS, 8)
    canvas.setFillColor(_QUIET)
    canvas.drawRightString(width - MARGIN, height - MARGIN + 8, f"{count} exercises")
    canvas.drawCentredString(width / 2, MARGIN - 18, f"page {page} of {pages}")


def _cell(canvas: Canvas, exercise: Exercise, slot: int) -> None:
    width, height = A4
    cell_w = (width - 2 * MARGIN) / COLUMNS
    cell_h = (height - 2 * MARGIN) / ROWS
    left = MARGIN + (slot % COLUMNS) * cell_w
    top = height - MARGIN - (slot // COLUMNS) * cell_h
    canvas.setStrokeColor(_RULE)
    canvas.setLineWidth(0.6)
    canvas.roundRect(left + 3, top - cell_h + 3, cell_w - 6, cell_h - 6, 4)
    picture_x = left + (cell_w - PICTURE_W) / 2
    picture_y = top - 6 - PICTURE_H
    renderPDF.draw(illustration(exercise, PICTURE_W, PICTURE_H), canvas, picture_x, picture_y)
    face = plain_face(exercise.name, SANS_BOLD)
    lines = simpleSplit(exercise.name, face, 9, cell_w - 16)[:2]
    canvas.setFillColor(_INK)
    canvas.setFont(face, 9)
    y = picture_y - 11
    for line in lines:
        canvas.drawString(left + 8, y, line)
        y -= 10.5
    detail = f"{exercise.id} · level {exercise.level}" + (" · each side" if exercise.per_side else "")
    canvas.setFont(SANS, 7)
    canvas.setFillColor(_QUIET)
    while stringWidth(detail, SANS, 7) > cell_w - 16 and len(detail) > 4:
        detail = detail[:-2] + "…"
    canvas.drawString(left + 8, y, detail)
