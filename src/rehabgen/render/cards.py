"""Exercise cards: one per exercise, grouped by the phase it first appears in, never split across pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from rehabgen.catalogue import Catalogue
from rehabgen.exercise import Exercise
from rehabgen.programme import PHASE_NAMES, Item, Phase, Programme
from rehabgen.render.flowables import bullets, numbered, para
from rehabgen.render.styles import AMBER, PHASE_TINT, RULE, Theme, styles
from rehabgen.vocab import CATEGORY_LABELS, CAUSE_INFO, MUSCLE_LABELS, Cause

SESSION_LABELS = {"walk": "walking days", "cross_training": "cross-training days"}
PICTURE_W = 160.0
PICTURE_H = 95.0


@dataclass
class Usage:
    """Where and how an exercise is used in the programme."""

    first_phase: Phase
    doses: list[tuple[int, str, bool]] = field(default_factory=list)  # (week, dose, lighter week)
    sessions: set[str] = field(default_factory=set)
    optional: bool = False
    note: str | None = None


def usages(programme: Programme) -> dict[str, Usage]:
    """Every exercise in an exercise session, with its dose per week, in order of first appearance."""
    found: dict[str, Usage] = {}
    for week in programme.weeks:
        seen: set[str] = set()
        for session in week.sessions:
            label = SESSION_LABELS.get(session.kind) or "session " + session.title.rsplit(" ", 1)[-1]
            for item in session.items:
                usage = found.setdefault(item.exercise_id, Usage(first_phase=week.phase))
                usage.sessions.add(label)
                usage.optional = usage.optional or item.optional
                usage.note = usage.note or item.note
                if item.exercise_id not in seen:
                    usage.doses.append((week.week, dose_text(item), week.deload))
                    seen.add(item.exercise_id)
    return found


def dose_text(item: Item) -> str:
    """The dose with its load note."""
    return item.dose()


def dose_line(doses: list[tuple[int, str, bool]]) -> str:
    """``W1–2 2×10 · W3 2×12 · W4 (lighter) 2×8``: consecutive weeks with the same dose share one entry."""
    groups: list[list[Any]] = []
    for week, dose, light in doses:
        if groups and groups[-1][1] == dose and groups[-1][2] == light and groups[-1][3] == week - 1:
            groups[-1][3] = week
        else:
            groups.append([week, dose, light, week])
    parts = []
    for start, dose, light, end in groups:
        weeks = f"W{start}" if start == end else f"W{start}–{end}"
        parts.append(f"{weeks}{' (lighter)' if light else ''}: {dose}")
    return " · ".join(parts)


def _picture(exercise: Exercise) -> Flowable | None:
    if getattr(exercise, "pose", None) is None:
        return None
    from rehabgen.render.illustrate import illustration

    drawing: Flowable = illustration(exercise, PICTURE_W, PICTURE_H)
    return drawing


def card(exercise: Exercise, usage: Usage, catalogue: Catalogue, causes: set[str], theme: Theme) -> Flowable:
    """One exercise card: picture, name, why, muscles, steps, cues, mistakes, versions and weekly dose."""
    s = styles(theme)
    width = theme.frame_width
    head: list[Flowable] = [para(exercise.name, s["card_title"])]
    kind = f"{CATEGORY_LABELS[exercise.category]} · level {exercise.level}"
    if exercise.per_side:
        kind += " · each side"
    sessions = ", ".join(sorted(usage.sessions))
    head.append(para(f"{kind} · {sessions}" + (" · optional" if usage.optional else ""), s["small"]))
    why = [CAUSE_INFO[Cause(c)][0] for c in exercise.causes if c.value in causes]
    head.append(para(exercise.purpose + (f" In your plan for: {'; '.join(why)}." if why else ""), s["body"]))
    muscles = ", ".join(MUSCLE_LABELS[m] for m in exercise.muscles.primary)
    head.append(para(muscles, s["small"], bold_prefix="Works:"))
    if exercise.equipment:
        from rehabgen.vocab import EQUIPMENT_LABELS

        head.append(
            para(", ".join(EQUIPMENT_LABELS[e] for e in exercise.equipment), s["small"], bold_prefix="You need:")
        )
    picture = _picture(exercise)
    large = theme.large
    if picture is not None and not large:
        top = Table([[picture, head]], colWidths=[PICTURE_W + 8, width - PICTURE_W - 24])
        top.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        body: list[Flowable] = [top]
    else:
        body = ([picture] if picture is not None else []) + head
    body.append(para("How to do it", s["label"]))
    body += numbered(exercise.steps, s["body"])
    tips = (
        Table(
            [
                [
                    [para("Tips", s["label"]), *bullets(exercise.cues, s["small"])],
                    [para("Avoid", s["label"]), *bullets(exercise.mistakes, s["small"])],
                ]
            ],
            colWidths=[(width - 16) / 2] * 2,
        )
        if not large
        else None
    )
    if tips is not None:
        tips.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        body.append(tips)
    else:
        body += [
            para("Tips", s["label"]),
            *bullets(exercise.cues, s["body"]),
            para("Avoid", s["label"]),
            *bullets(exercise.mistakes, s["body"]),
        ]
    if usage.note:
        body.append(para(usage.note, s["body"], bold_prefix="In your plan:"))
    if exercise.caution:
        caution = Table([[para(exercise.caution, s["body"], bold_prefix="Caution:")]], colWidths=[width - 16])
        caution.setStyle(
            TableStyle(
                [("BOX", (0, 0), (-1, -1), 1, AMBER), ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fff4e0"))]
            )
        )
        body.append(caution)
    versions = []
    if exercise.easier and exercise.easier in catalogue:
        versions.append(f"Too hard? Try {catalogue[exercise.easier].name}.")
    if exercise.harder and exercise.harder in catalogue:
        versions.append(f"Ready for more? {catalogue[exercise.harder].name}.")
    if versions:
        body.append(para(" ".join(versions), s["small"]))
    body.append(para(dose_line(usage.doses), s["body"], bold_prefix="Your dose:"))
    # One row per block, so a card taller than a page (large print) can still split between rows.
    box = Table([[block] for block in body], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.9, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    return KeepTogether([box, Spacer(1, theme.body * 0.8)])


def exercise_pages(programme: Programme, catalogue: Catalogue, theme: Theme) -> list[Flowable]:
    """All cards, grouped under the phase each exercise first appears in."""
    s = styles(theme)
    used = usages(programme)
    causes = set(programme.meta.causes)
    out: list[Flowable] = [para("Your exercises", s["h1"])]
    out.append(
        para(
            "Each card shows how to do the exercise and your dose for every week it is in your plan. "
            "Where a card says “each side”, do the repetitions on one side, then the other.",
            s["body"],
        )
    )
    for phase in Phase:
        ids = [i for i, u in used.items() if u.first_phase is phase and i in catalogue]
        if not ids:
            continue
        band = Table(
            [[para(f"Starting in the {PHASE_NAMES[phase].lower()} phase", s["h2"])]], colWidths=[theme.frame_width]
        )
        band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), PHASE_TINT[phase])]))
        out.append(KeepTogether([band, Spacer(1, 4), card(catalogue[ids[0]], used[ids[0]], catalogue, causes, theme)]))
        out += [card(catalogue[i], used[i], catalogue, causes, theme) for i in ids[1:]]
    return out
