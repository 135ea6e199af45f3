"""What the PDF cannot print, said up front: a warning for every user-given field that prints differently.

The bundled faces print Latin, Greek and Cyrillic (Noto Sans), Chinese and Japanese (Droid Sans
Fallback) and the symbols and other left-to-right scripts DejaVu Sans has (Armenian, Georgian …). Emoji,
Korean Hangul, the scripts of India and South-East Asia and right-to-left scripts (Hebrew, Arabic …) do not
print; ``fonts.printable_text`` leaves them out, and a name with nothing left prints as the patient's id.
The Markdown, JSON and calendar outputs carry every character as given.
"""

from __future__ import annotations

import unicodedata

from rehabgen.i18n import _
from rehabgen.model.programme import Meta
from rehabgen.render.handout import Handout
from rehabgen.render.pdf.fonts import NOT_PRINTABLE, printable_text, unprintable


def patient_label(meta: Meta) -> str:
    """The patient as the PDF prints them: the name, else (when it cannot print at all) the id."""
    name, patient_id = meta.patient.name or "", meta.patient.id or ""
    printed = printable_text(name, fallback="")
    return printed or printable_text(patient_id, fallback="") or (_(NOT_PRINTABLE) if name or patient_id else "")


def pdf_warnings(handout: Handout) -> list[str]:
    """One warning per user-given field the PDF cannot print as given, naming what and how it prints."""
    meta, clinic = handout.programme.meta, handout.clinic
    fields = [
        ("the patient's name", meta.patient.name, patient_label(meta)),
        ("the patient id", meta.patient.id, None),
        ("the clinician", meta.clinician, None),
        ("the goal", meta.goal, None),
    ]
    if clinic is not None:
        for name in ("name", "address", "phone", "email", "website", "clinician", "footer_note"):
            fields.append((f"the clinic's {name.replace('_', ' ')}", getattr(clinic, name), None))
    warnings = []
    for label, text, printed in fields:
        missing = unprintable(text or "")
        if text and missing:
            shown = printed if printed is not None else printable_text(text)
            warnings.append(
                f"{label} '{text}' cannot be printed as given in the PDF: {_what(missing)}; it prints as "
                f"'{shown}' (the Markdown, JSON and calendar outputs keep it whole)"
            )
    return warnings


def _what(chars: list[str]) -> str:
    """The characters that cannot print, grouped: right-to-left scripts, then characters with no face."""
    scripts = sorted({unicodedata.name(c, "?").split()[0].title() for c in chars if _right_to_left(c)})
    others = [c for c in chars if not _right_to_left(c)]
    parts = []
    if scripts:
        parts.append(f"{' and '.join(scripts)} script (right to left: the PDF cannot join or order its letters)")
    if others:
        named = ", ".join(f"{c} (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in others[:3])
        more = f" and {len(others) - 3} more" if len(others) > 3 else ""
        parts.append(f"{named}{more}, which no bundled font has")
    return "; ".join(parts)


def _right_to_left(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")
