"""The programme as an iCalendar file (``--format ics``): one all-day event per session, for a phone calendar.

Deterministic like every other output: event ids come from the input hash, and the required time stamp is
the programme's start date, never the clock.
"""

from __future__ import annotations

import datetime as dt

from rehabgen.errors import InputError, Problem
from rehabgen.io.cache import Cache
from rehabgen.model.programme import Programme, Session
from rehabgen.model.text import strip_unsafe
from rehabgen.render.handout import Handout

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
    lines = [f"About {session.duration_min} min."]
    if session.run is not None and session.run.gate:
        lines.append(session.run.gate)
    lines += [f"- {item.name}: {item.dose()}" + (" (optional)" if item.optional else "") for item in session.items]
    return "\n".join(lines)


def render_ics(programme: Programme) -> str:
    """Every session of the programme as an all-day calendar event; a referral has no events."""
    meta = programme.meta
    if programme.weeks and meta.start_date is None:
        raise InputError([Problem("a calendar file needs the profile's start_date (YYYY-MM-DD)", path=("start_date",))])
    stamp = (meta.start_date or dt.date(2000, 1, 1)).strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//rehabgen//rehabgen {programme.rehabgen_version}//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(meta.title)}",
    ]
    for week in programme.weeks:
        for index, session in enumerate(week.sessions):
            assert session.date is not None
            start = session.date
            title = session.title + (" (optional)" if session.optional else "")
            lines += [
                "BEGIN:VEVENT",
                f"UID:{meta.input_hash}-w{week.week}-d{session.day}-{index}@rehabgen",
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


def render(handout: Handout, cache: Cache | None = None) -> bytes:
    """The registry's entry point: ``render_ics`` as UTF-8 bytes."""
    return render_ics(handout.programme).encode("utf-8")
