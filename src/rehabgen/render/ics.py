"""The programme as an iCalendar file (``--format ics``): one all-day event per session, for a phone calendar.

Deterministic like every other output: the required time stamp is the programme's start date, never the
clock. Each event's UID depends only on the patient (id, else name), the start date and which session it is
(week, kind and its number among that week's sessions of that kind), so importing an updated plan (pain
4 → 3, a new template) updates its events instead of adding a second copy of each.

A referral has no sessions; its calendar holds one to-do, titled with what to do now, because RFC 5545
requires a calendar to hold at least one component.

The writer is small and hand-written so its output stays byte-for-byte stable; the tests parse it with the
``icalendar`` library as an independent check of RFC 5545.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from rehabgen.errors import InputError, Problem
from rehabgen.i18n import _, _f
from rehabgen.io.cache import Cache
from rehabgen.model.programme import Programme, Session
from rehabgen.model.text import strip_unsafe
from rehabgen.render.handout import Handout
from rehabgen.render.reissue import printed
from rehabgen.render.text import printed_title
from rehabgen.words.doses import dose_words

_LINE = 75


def _escape(text: str) -> str:
    text = strip_unsafe(text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Fold a content line at 75 octets, as RFC 5545 requires, without splitting a character."""
    out: list[str] = []
    current = ""
    for char in line:
        if len((current + char).encode("utf-8")) > (_LINE if not out else _LINE - 1):
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0], *(" " + part for part in out[1:])]


def _description(session: Session) -> str:
    lines = [_f("About {minutes} min.", minutes=session.duration_min)]
    if session.run is not None and session.run.gate:
        lines.append(session.run.gate)
    lines += [
        f"- {item.name}: {dose_words(item)}" + (_(" (optional)") if item.optional else "") for item in session.items
    ]
    return "\n".join(lines)


def event_uid(programme: Programme, session_key: str) -> str:
    """A UID that stays the same for the same patient, start date and session, whatever else changes."""
    meta = programme.meta
    who = meta.patient.id or meta.patient.name or ""
    source = f"{who}\0{meta.start_date or ''}\0{session_key}"
    return f"{hashlib.sha256(source.encode()).hexdigest()[:24]}@rehabgen"


def render_ics(programme: Programme) -> str:
    """Every session of the programme as an all-day event; a referral as one to-do saying what to do now."""
    meta = programme.meta
    if programme.weeks and meta.start_date is None:
        raise InputError(
            [Problem(_("a calendar file needs the profile's start_date (YYYY-MM-DD)"), path=("start_date",))]
        )
    stamp = (meta.start_date or dt.date(2000, 1, 1)).strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//rehabgen//rehabgen {programme.rehabgen_version}//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(printed_title(programme))}",
    ]
    lines += _referral_todo(programme, stamp) if programme.referral and not programme.weeks else []
    for week in programme.weeks:
        counts: dict[str, int] = {}
        for session in week.sessions:
            assert session.date is not None
            counts[session.kind] = counts.get(session.kind, 0) + 1
            start = session.date
            title = session.title + (_(" (optional)") if session.optional else "")
            lines += [
                "BEGIN:VEVENT",
                f"UID:{event_uid(programme, f'w{week.week}-{session.kind}-{counts[session.kind]}')}",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
                f"DTEND;VALUE=DATE:{start + dt.timedelta(days=1):%Y%m%d}",
                f"SUMMARY:{_escape(title)}",
                f"DESCRIPTION:{_escape(_description(session))}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"


def _referral_todo(programme: Programme, stamp: str) -> list[str]:
    """The referral as a to-do of the highest priority: its headline, what to do, and why."""
    referral = programme.referral
    assert referral is not None
    text = "\n".join([referral.action, *referral.details, *programme.reasons])
    return [
        "BEGIN:VTODO",
        f"UID:{event_uid(programme, 'referral')}",
        f"DTSTAMP:{stamp}",
        f"SUMMARY:{_escape(referral.headline)}",
        f"DESCRIPTION:{_escape(text)}",
        "PRIORITY:1",
        "STATUS:NEEDS-ACTION",
        "END:VTODO",
    ]


def render(handout: Handout, cache: Cache | None = None) -> bytes:
    """The registry's entry point: ``render_ics`` as UTF-8 bytes."""
    return render_ics(printed(handout.programme)).encode("utf-8")
