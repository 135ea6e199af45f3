"""Exercise cards: one per exercise, grouped by the phase it first appears in, never split across pages."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import Exercise
from rehabgen.model.programme import ExerciseNotes, Programme
from rehabgen.model.vocab import Phase
from rehabgen.render.pdf.flowables import bullets, numbered, para
from rehabgen.render.pdf.pictures import Picture, PictureStore
from rehabgen.render.pdf.styles import AMBER, PHASE_TINT, RULE, Theme, styles
from rehabgen.render.text import EXERCISES_INTRO, notes_by_id, why_sentence
from rehabgen.render.usage import Usage, dose_line, usages
from rehabgen.words.labels import CATEGORY_LABELS, EQUIPMENT_LABELS, MUSCLE_LABELS, PHASE_NAMES

PICTURE_W = 160.0
PICTURE_H = 95.0


Block = tuple[str, list[Flowable], list[Flowable], float]
"""A card row: ("full", flowables, [], 0), ("columns", left, right, left width or 0 for half) or
("boxed", flowables, [], 0)."""


class Card(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A bordered card that lays out its content once and never splits (unless asked to, for large print).

    Tables and KeepTogether lay paragraphs out two or three times each (measure, place, draw); a card wraps
    every paragraph exactly once per width and draws from that layout, which makes the exercise pages about
    as cheap as bare paragraphs.
    """

    PAD = 8.0
    GAP = 8.0

    def __init__(self, blocks: list[Block], *, splittable: bool, space_after: float):
        super().__init__()
        self.blocks = blocks
        self.splittable = splittable
        self.spaceAfter = space_after
        self._laid: tuple[float, list[tuple[Flowable, float, float]], list[tuple[float, float]], float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Lay the content out for this width (once) and report the card's size."""
        if self._laid is None or self._laid[0] != availWidth:
            self._laid = self._layout(availWidth)
        self.width, self.height = availWidth, self._laid[3]
        return self.width, self.height

    def _layout(
        self, width: float
    ) -> tuple[float, list[tuple[Flowable, float, float]], list[tuple[float, float]], float]:
        inner = width - 2 * self.PAD
        placed: list[tuple[Flowable, float, float]] = []  # flowable, x, y from the top (of its top edge)
        boxes: list[tuple[float, float]] = []  # boxed rows: top, height
        y = self.PAD - 2
        for kind, first, second, left in self.blocks:
            if kind == "columns":
                left_w = left or (inner - self.GAP) / 2
                right_w = inner - left_w - self.GAP
                used_left = self._stack(first, self.PAD, y, left_w, placed)
                used_right = self._stack(second, self.PAD + left_w + self.GAP, y, right_w, placed)
                y += max(used_left, used_right)
            elif kind == "boxed":
                top = y
                y += 4 + self._stack(first, self.PAD + 5, y + 4, inner - 10, placed) + 2
                boxes.append((top, y - top))
                y += 4
            else:
                y += self._stack(first, self.PAD, y, inner, placed)
        return width, placed, boxes, y + self.PAD - 4

    @staticmethod
    def _stack(
        flowables: list[Flowable], x: float, y: float, width: float, placed: list[tuple[Flowable, float, float]]
    ) -> float:
        used = 0.0
        for i, flowable in enumerate(flowables):
            _, h = flowable.wrap(width, 10_000)
            before = flowable.getSpaceBefore() if i else 0.0
            placed.append((flowable, x, y + used + before))
            used += before + h + (flowable.getSpaceAfter() if i < len(flowables) - 1 else 0.0)
        return used

    def draw(self) -> None:
        """Draw the border, the boxed rows' backgrounds and every laid-out flowable."""
        assert self._laid is not None
        _, placed, boxes, height = self._laid
        canvas = self.canv
        canvas.saveState()
        for top, h in boxes:
            canvas.setFillColor(colors.HexColor("#fff4e0"))
            canvas.setStrokeColor(AMBER)
            canvas.setLineWidth(1)
            canvas.rect(self.PAD, height - top - h, self.width - 2 * self.PAD, h, stroke=1, fill=1)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.9)
        canvas.rect(0, 0, self.width, height, stroke=1, fill=0)
        canvas.restoreState()
        for flowable, x, y in placed:
            flowable.drawOn(canvas, x, height - y - flowable.height)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Refuse to split, so the card moves to the next page whole.

        In large print a card can be taller than a page; then it splits between rows.
        """
        if not self.splittable or len(self.blocks) < 2:
            return []
        for cut in range(len(self.blocks) - 1, 0, -1):
            head = Card(self.blocks[:cut], splittable=True, space_after=0)
            if head.wrap(availWidth, availHeight)[1] <= availHeight:
                tail = Card(self.blocks[cut:], splittable=True, space_after=self.spaceAfter)
                return [head, tail]
        return []


def card(
    exercise: Exercise,
    usage: Usage,
    notes: ExerciseNotes | None,
    catalogue: Catalogue,
    theme: Theme,
    pictures: PictureStore,
) -> Flowable:
    """One exercise card: picture, name, why, muscles, steps, cues, mistakes, versions and weekly dose."""
    s = styles(theme)
    large = theme.large
    head: list[Flowable] = [para(exercise.name, s["card_title"])]
    kind = f"{CATEGORY_LABELS[exercise.category]} · level {exercise.level}"
    if exercise.per_side:
        kind += " · each side"
    sessions = ", ".join(sorted(usage.sessions))
    head.append(para(f"{kind} · {sessions}" + (" · optional" if usage.optional else ""), s["small"]))
    head.append(para(why_sentence(exercise, notes), s["body"]))
    muscles = ", ".join(MUSCLE_LABELS[m] for m in exercise.muscles.primary)
    head.append(para(muscles, s["small"], bold_prefix="Works:"))
    if exercise.equipment:
        needed = ", ".join(EQUIPMENT_LABELS[e] for e in exercise.equipment)
        head.append(para(needed, s["small"], bold_prefix="You need:"))
    picture = Picture(exercise, PICTURE_W, PICTURE_H, pictures)
    blocks: list[Block] = []
    if not large:
        blocks.append(("columns", [picture], head, PICTURE_W))
    else:
        blocks.append(("full", [picture, *head], [], 0))
    blocks.append(("full", [para("How to do it", s["label"]), *numbered(exercise.steps, s["body"])], [], 0))
    tips = [para("Tips", s["label"]), *bullets(exercise.cues, s["body" if large else "small"])]
    avoid = [para("Avoid", s["label"]), *bullets(exercise.mistakes, s["body" if large else "small"])]
    if large:
        blocks += [("full", tips, [], 0), ("full", avoid, [], 0)]
    else:
        blocks.append(("columns", tips, avoid, 0))
    if usage.note:
        blocks.append(("full", [para(usage.note, s["body"], bold_prefix="In your plan:")], [], 0))
    cautions = notes.cautions if notes is not None else ([exercise.caution] if exercise.caution else [])
    if cautions:
        blocks.append(("boxed", [para(" ".join(cautions), s["body"], bold_prefix="Caution:")], [], 0))
    tail: list[Flowable] = []
    versions = []
    if exercise.easier and exercise.easier in catalogue:
        versions.append(f"Too hard? Try {catalogue[exercise.easier].name}.")
    if exercise.harder and exercise.harder in catalogue:
        versions.append(f"Ready for more? {catalogue[exercise.harder].name}.")
    if versions:
        tail.append(para(" ".join(versions), s["small"]))
    tail.append(para(dose_line(usage.doses), s["body"], bold_prefix="Your dose:"))
    blocks.append(("full", tail, [], 0))
    return Card(blocks, splittable=large, space_after=theme.body * 0.8)


def exercise_pages(programme: Programme, catalogue: Catalogue, theme: Theme, pictures: PictureStore) -> list[Flowable]:
    """All cards, grouped under the phase each exercise first appears in."""
    s = styles(theme)
    used = usages(programme)
    notes = notes_by_id(programme)
    out: list[Flowable] = [para("Your exercises", s["h1"])]
    out.append(para(EXERCISES_INTRO, s["body"]))
    for phase in Phase:
        ids = [i for i, u in used.items() if u.first_phase is phase and i in catalogue]
        if not ids:
            continue
        band = Table(
            [[para(f"Starting in the {PHASE_NAMES[phase].lower()} phase", s["h2"])]], colWidths=[theme.frame_width]
        )
        band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), PHASE_TINT[phase])]))
        first = card(catalogue[ids[0]], used[ids[0]], notes.get(ids[0]), catalogue, theme, pictures)
        # Keep the phase heading with its first card (the card's layout is reused when it is placed).
        needed = theme.body * 3 + min(first.wrap(theme.frame_width, theme.page[1])[1], theme.page[1] / 2)
        out += [CondPageBreak(needed), band, Spacer(1, 4), first]
        out += [card(catalogue[i], used[i], notes.get(i), catalogue, theme, pictures) for i in ids[1:]]
    return out
