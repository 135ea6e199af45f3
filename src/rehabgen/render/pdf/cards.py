"""Exercise cards: one per exercise, grouped by the phase it first appears in, never split across pages."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from rehabgen.i18n import _, _f
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.exercise import Exercise
from rehabgen.model.programme import ExerciseNotes, Programme
from rehabgen.model.vocab import Phase, Tag
from rehabgen.render.pdf.flowables import bullets, numbered, para
from rehabgen.render.pdf.pictures import Picture, PictureStore
from rehabgen.render.pdf.styles import AMBER, PHASE_TINT, RULE, Theme, frame_height, styles
from rehabgen.render.text import CLINICIAN_NOTE, EXERCISES_INTRO, notes_by_id, why_sentence
from rehabgen.render.usage import Usage, dose_line, usages
from rehabgen.words.labels import CATEGORY_LABELS, EQUIPMENT_LABELS, MUSCLE_LABELS, PHASE_NAMES

PICTURE_W = 160.0
PICTURE_H = 95.0
LARGE_PICTURE_SCALE = 1.2
"""Large print: pictures grow with the type (the card must still fit a page)."""


Block = tuple[str, list[Flowable], list[Flowable], float]
"""A card row: ("full", flowables, [], 0), ("columns", left, right, left width or 0 for half) or
("boxed", flowables, [], 0)."""


class Card(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A bordered card that lays out its content once and never splits (unless asked to, for large print).

    Tables and KeepTogether lay paragraphs out two or three times each (measure, place, draw); a card wraps
    every paragraph exactly once per width and draws from that layout, which makes the exercise pages about
    as cheap as bare paragraphs.
    """

    PAD = 6.0
    GAP = 7.0

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
    *,
    compact: int = 0,
    scale: float | None = None,
    kept_out: frozenset[Tag] = frozenset(),
) -> Flowable:
    """One exercise card: picture, name, why, muscles, steps, cues, mistakes, versions and weekly dose.

    ``kept_out``: movement tags a rule of this plan excludes in some week; a version carrying one is not named.
    ``compact`` 1 or 2 lays a large-print card out tighter: the tips (2: and what to avoid) under the picture.
    """
    s = styles(theme)
    large = theme.large
    head: list[Flowable] = [para(exercise.name, s["card_title"])]
    kind = _f("{category} · level {level}", category=CATEGORY_LABELS[exercise.category], level=exercise.level)
    if exercise.per_side:
        kind += _(" · each side")
    sessions = ", ".join(sorted(usage.sessions))
    head.append(para(f"{kind} · {sessions}" + (_(" · optional") if usage.optional else ""), s["small"]))
    head.append(para(why_sentence(exercise, notes), s["body"]))
    muscles = ", ".join(MUSCLE_LABELS[m] for m in exercise.muscles.primary)
    head.append(para(muscles, s["small"], bold_prefix=_("Works:")))
    if exercise.equipment:
        needed = ", ".join(EQUIPMENT_LABELS[e] for e in exercise.equipment)
        head.append(para(needed, s["small"], bold_prefix=_("You need:")))
    # Large print scales the picture with the type and keeps the same two-column card, so a card still fits
    # on one page and never splits.
    scale = scale or (LARGE_PICTURE_SCALE if large else 1.0)
    picture = Picture(exercise, PICTURE_W * scale, PICTURE_H * scale, pictures)
    steps = [para(_("How to do it"), s["label"]), *numbered(exercise.steps, s["body"])]
    tips = [para(_("Tips"), s["label"]), *bullets(exercise.cues, s["small"])]
    avoid = [para(_("Avoid"), s["label"]), *bullets(exercise.mistakes, s["small"])]
    dose = [
        para(dose_line(usage.doses) + (f" {usage.rest}" if usage.rest else ""), s["body"], bold_prefix=_("Your dose:"))
    ]
    if compact:  # a large-print card that would not fit a page: the dose beside the picture, tips under it
        left, right = (
            ([picture, *dose, *tips, *avoid], [*head, *steps])
            if compact == 2
            else ([picture, *tips], [*head, *dose, *steps])
        )
        blocks: list[Block] = [("columns", left, right, PICTURE_W * scale)]
        if compact == 1:
            blocks.append(("full", avoid, [], 0))
    else:
        blocks = [("columns", [picture], head, PICTURE_W * scale), ("full", steps, [], 0), ("columns", tips, avoid, 0)]
    if usage.note:
        blocks.append(("full", [para(usage.note, s["body"], bold_prefix=_("In your plan:"))], [], 0))
    if notes is not None and notes.clinician_note:
        blocks.append(("full", [para(notes.clinician_note, s["body"], bold_prefix=_(CLINICIAN_NOTE))], [], 0))
    cautions = notes.cautions if notes is not None else ([exercise.caution] if exercise.caution else [])
    if cautions:
        blocks.append(("boxed", [para(" ".join(cautions), s["body"], bold_prefix=_("Caution:"))], [], 0))
    tail: list[Flowable] = []
    versions = []
    # Name an easier or harder version only when no rule of this plan keeps its movements out.
    if (easier := _version(exercise.easier, catalogue, kept_out)) is not None:
        versions.append(_f("Too hard? Try {exercise}.", exercise=easier.name))
    if (harder := _version(exercise.harder, catalogue, kept_out)) is not None:
        versions.append(_f("Ready for more? {exercise}.", exercise=harder.name))
    if versions:
        tail.append(para(" ".join(versions), s["small"]))
    if not compact:
        tail += dose
    blocks.append(("full", tail, [], 0))
    return Card(blocks, splittable=False, space_after=theme.body * 0.8)


def _version(exercise_id: str | None, catalogue: Catalogue, kept_out: frozenset[Tag]) -> Exercise | None:
    found = catalogue.exercises.get(exercise_id) if exercise_id else None
    return found if found is not None and kept_out.isdisjoint(found.tags) else None


def fitted_card(
    exercise: Exercise,
    usage: Usage,
    notes: ExerciseNotes | None,
    catalogue: Catalogue,
    theme: Theme,
    pictures: PictureStore,
    kept_out: frozenset[Tag] = frozenset(),
) -> Flowable:
    """A card that fits on one page, so it never splits.

    A large-print card taller than a page is laid out again, tighter: the tips (and what to avoid) beside the
    steps, then a picture at normal size. Only one that still does not fit (it would stop the document) may
    split between its rows.
    """
    frame = frame_height(theme)
    made = card(exercise, usage, notes, catalogue, theme, pictures, kept_out=kept_out)
    if made.wrap(theme.frame_width, frame)[1] <= frame:
        return made
    for compact, scale in ((2, None), (1, None), (0, 1.0), (2, 1.0)):
        other = card(
            exercise, usage, notes, catalogue, theme, pictures, compact=compact, scale=scale, kept_out=kept_out
        )
        if other.wrap(theme.frame_width, frame)[1] <= frame:
            return other
    made.splittable = True
    return made


def exercise_pages(programme: Programme, catalogue: Catalogue, theme: Theme, pictures: PictureStore) -> list[Flowable]:
    """All cards, grouped under the phase each exercise first appears in."""
    s = styles(theme)
    used = usages(programme)
    notes = notes_by_id(programme)
    kept_out = frozenset(e.tag for e in programme.exclusions)
    out: list[Flowable] = [para(_("Your exercises"), s["h1"])]
    out.append(para(_(EXERCISES_INTRO), s["body"]))
    frame = frame_height(theme)
    space = frame - sum(f.wrap(theme.frame_width, frame)[1] + f.getSpaceAfter() for f in out)
    for phase in Phase:
        ids = [i for i, u in used.items() if u.first_phase is phase and i in catalogue]
        if not ids:
            continue
        band = Table(
            [[para(_f("Starting in the {phase} phase", phase=PHASE_NAMES[phase].lower()), s["h2"])]],
            colWidths=[theme.frame_width],
        )
        band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), PHASE_TINT[phase])]))
        cards = [fitted_card(catalogue[i], used[i], notes.get(i), catalogue, theme, pictures, kept_out) for i in ids]
        heading = band.wrap(theme.frame_width, frame)[1] + 4
        cards, space = _packed(cards, space, heading, theme)
        # Keep the phase heading with its first card (the card's layout is reused when it is placed).
        out += [CondPageBreak(heading + _height(cards[0], theme)), band, Spacer(1, 4), *cards]
    return out


def _height(card: Flowable, theme: Theme) -> float:
    return float(card.wrap(theme.frame_width, frame_height(theme))[1] + card.getSpaceAfter())


def _packed(cards: list[Flowable], space: float, heading: float, theme: Theme) -> tuple[list[Flowable], float]:
    """The cards in an order that fills pages, and the room left after the last one.

    Each next card is the first, in plan order, that fits the room left on the page: cards never split, so a
    card that does not fit would leave a hole.
    """
    frame = frame_height(theme)
    left = list(cards)
    order: list[Flowable] = []
    need = heading  # the heading goes with the first card
    while left:
        fitting = next((c for c in left if need + _height(c, theme) <= space), None)
        if fitting is None:
            if space >= frame - need:  # nothing fits even a fresh page: place the next as it comes
                fitting = left[0]
            else:
                space = frame
                continue
        left.remove(fitting)
        order.append(fitting)
        space -= need + _height(fitting, theme)
        need = 0.0
        if space < 0:
            space = frame + space
    return order, space
