"""The programme as readable Markdown (``rehabgen plan --format md``): the same content as the handout."""

from __future__ import annotations

from rehabgen.i18n import _, _f, day_and_date, weekday_names
from rehabgen.io.cache import Cache
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.programme import Programme, Tier, Week
from rehabgen.model.text import strip_unsafe
from rehabgen.render.handout import Handout
from rehabgen.render.reissue import printed
from rehabgen.render.text import CLINICIAN_NOTE, notes_by_id, printed_title
from rehabgen.words.doses import dose_words
from rehabgen.words.labels import CATEGORY_LABELS, CAUSE_INFO, MUSCLE_LABELS, PHASE_NAMES, TAG_LABELS


def _md(text: str) -> str:
    """Escape the characters Markdown would treat as formatting in user and catalogue text.

    Control characters and bidirectional overrides are dropped: Markdown is printed to terminals.
    """
    text = strip_unsafe(text)
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(programme: Programme, catalogue: Catalogue) -> str:
    """The whole programme, or the referral, as Markdown (from the review week, for a reissued plan)."""
    programme = printed(programme)
    meta = programme.meta
    out: list[str] = [f"# {_md(printed_title(programme))}", ""]
    who = [
        _f("**Patient:** {name}", name=_md(meta.patient.name)) if meta.patient.name else None,
        _f("**ID:** {id}", id=_md(meta.patient.id)) if meta.patient.id else None,
        _f("**Clinician:** {name}", name=_md(meta.clinician)) if meta.clinician else None,
        _f("**Starts:** {date}", date=meta.start_date.isoformat()) if meta.start_date else None,
        _f("**Goal:** {goal}", goal=_md(meta.goal)) if meta.goal else None,
    ]
    out += [" · ".join(w for w in who if w), ""] if any(who) else []
    if meta.from_week and meta.from_week > 1:
        out += [_f("Updated at your review: this copy starts at week {week}.", week=meta.from_week), ""]
    if meta.next_appointment:
        out += [f"**Next appointment:** {_md(meta.next_appointment)}", ""]
    if meta.note:
        out += [f"**{_(CLINICIAN_NOTE)}** {_md(meta.note)}", ""]

    if programme.referral is not None:
        ref = programme.referral
        out += [f"## {_md(ref.headline)}", "", f"**{_md(ref.action)}**", ""]
        out += [f"- {_md(d)}" for d in ref.details] + [""]
    if programme.status.is_referral:
        if programme.reasons:
            out += [_("Your answers that led to this:"), ""] + [f"- {_md(r)}" for r in programme.reasons] + [""]
        out += _advice(programme)
        out.append(_footer(programme))
        return "\n".join(out) + "\n"

    if programme.warnings:
        out += [_("## Please note"), ""] + [f"- {_md(w.message)}" for w in programme.warnings] + [""]
    out += [_("## Your plan at a glance"), ""]
    for span in programme.phases:
        weeks = _weeks(span.from_week, span.to_week)
        out.append(f"- **{span.name}** ({weeks}): {_md(span.goal)}")
    out.append("")
    for gate in programme.gates:
        out += [f"### {_md(gate.title)}", "", _md(gate.text), ""] + [f"- [ ] {_md(c)}" for c in gate.checklist] + [""]

    for week in programme.weeks:
        out += _week(week)
    out += _exercises(programme, catalogue)
    if programme.exclusions:
        out += [_("## Left out of this plan, and why"), ""]
        groups: dict[tuple[int, int, str], list[str]] = {}
        for e in programme.exclusions:
            groups.setdefault((e.from_week, e.to_week, e.because), []).append(TAG_LABELS[e.tag])
        for (start, end, because), labels in sorted(groups.items()):
            weeks = _weeks(start, end)
            out.append(f"- {weeks}: {_md('; '.join(labels))}. {_md(because)}")
        out.append("")
    out += _advice(programme)
    out.append(_footer(programme))
    return "\n".join(out) + "\n"


def _advice(programme: Programme) -> list[str]:
    out: list[str] = []
    for advice in programme.advice:
        out += [f"## {_md(advice.title)}", "", _md(advice.text), ""]
        lines = [_tier(tier) for tier in advice.tiers] + [f"- {_md(p)}" for p in advice.points]
        out += lines + ([""] if lines else [])
    return out


def _weeks(start: int, end: int) -> str:
    return _f("week {week}", week=start) if start == end else _f("weeks {start}-{end}", start=start, end=end)


def _tier(tier: Tier) -> str:
    if tier.action:
        text = _f("{action} if you have: {symptoms}", action=_md(tier.action), symptoms=_md(tier.text))
        return f"- {_md(tier.label)} - {text}"
    return f"- {_md(tier.label)} - {_md(tier.text)}"


def _footer(programme: Programme) -> str:
    return "---\n" + _f(
        "Made by rehabgen {version} · inputs {code} · not a diagnosis or medical advice.",
        version=programme.rehabgen_version,
        code=programme.meta.input_hash,
    )


def render(handout: Handout, cache: Cache | None = None) -> bytes:
    """The registry's entry point: ``render_markdown`` as UTF-8 bytes."""
    return render_markdown(handout.programme, handout.catalogue).encode("utf-8")


def _week(week: Week) -> list[str]:
    """One week: its sessions by day, with each exercise's dose."""
    out: list[str] = []
    title = _f("## Week {week}: {phase}", week=week.week, phase=PHASE_NAMES[week.phase])
    title += _(" (lighter week)") if week.deload else ""
    out += [title, ""]
    out += [f"_{_md(n)}_" for n in week.notes] + ([""] if week.notes else [])
    for session in week.sessions:
        day = weekday_names()[session.day - 1] if session.date is None else day_and_date(session.date)
        flag = _(" (optional)") if session.optional else ""
        about = _f("about {minutes} min", minutes=session.duration_min)
        out.append(f"- **{day}** - {_md(session.title)}{flag}, {about}")
        if session.run is not None and session.run.gate:
            out.append(f"  - {_md(session.run.gate)}")
        if session.kind == "exercise":
            for item in session.items:
                opt = _(" (optional)") if item.optional else ""
                load = f" - {_md(item.load)}" if item.load else ""
                out.append(f"  - {_md(item.name)}: {_md(dose_words(item))}{opt}{load}")
    out.append("")
    return out


def _exercises(programme: Programme, catalogue: Catalogue) -> list[str]:
    """How to do each exercise of the programme."""
    out = [_("## How to do each exercise"), ""]
    notes = notes_by_id(programme)
    for exercise_id in programme.exercise_ids():
        ex = catalogue.exercises.get(exercise_id)
        if ex is None:
            continue
        out += [f"### {_md(ex.name)}", "", f"*{CATEGORY_LABELS[ex.category]}* - {_md(ex.purpose)}", ""]
        exercise_notes = notes.get(exercise_id)
        if exercise_notes is not None and exercise_notes.clinician_note:
            out += [f"**{_(CLINICIAN_NOTE)}** {_md(exercise_notes.clinician_note)}", ""]
        if exercise_notes is not None and exercise_notes.why:
            out += [_f("Why it is in your plan: {reasons}", reasons=_md(" ".join(exercise_notes.why))), ""]
        elif exercise_notes is not None and exercise_notes.why_causes:
            why = ", ".join(CAUSE_INFO[c][0] for c in exercise_notes.why_causes)
            out += [_f("Why it is in your plan: {causes}.", causes=_md(why)), ""]
        out += [f"{i}. {_md(step)}" for i, step in enumerate(ex.steps, 1)] + [""]
        out += [_("Tips: ") + " ".join(_md(c) for c in ex.cues), ""]
        out += [_("Avoid: ") + " ".join(_md(m) for m in ex.mistakes), ""]
        muscles = ", ".join(MUSCLE_LABELS[m] for m in ex.muscles.primary)
        out += [_f("Works: {muscles}.", muscles=muscles), ""]
        cautions = exercise_notes.cautions if exercise_notes is not None else []
        if cautions:
            out += [_f("**Caution:** {cautions}", cautions=_md(" ".join(cautions))), ""]
        ladder = [
            f"{word}: {_md(catalogue[other].name)}"
            for word, other in ((_("easier"), ex.easier), (_("harder"), ex.harder))
            if other is not None and other in catalogue
        ]
        if ladder:
            out += [_("Versions: ") + "; ".join(ladder) + ".", ""]
    return out
