"""Characters that must never reach a terminal or a page, and how each layer keeps them out.

Control characters (NUL, BEL, ESC, …, DEL and the C1 range) can retitle or clear a terminal when Markdown is
printed to it and print as boxes or garbage on a page; bidirectional overrides and isolates (U+202A–U+202E,
U+2066–U+2069) can make text read differently from what it says. Input files are refused when they hold
any (``rehabgen.io.problems``); renderers also drop them from text built in code (``strip_unsafe``), and the
command line escapes them in messages (``escape_unsafe``). Tabs and line breaks are ordinary text, but
one-line fields (names, ids, phone numbers) refuse line breaks (``single_line``).
"""

from __future__ import annotations

import re
import unicodedata

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
"""Control characters (but tab and newline), bidirectional overrides and isolates, line/paragraph separators."""


def first_unsafe(text: str) -> tuple[int, str] | None:
    """(position, character) of the first unsafe character, or None."""
    found = UNSAFE.search(text)
    return (found.start(), found.group()) if found else None


def describe(char: str) -> str:
    """``U+001B`` or ``U+202E (RIGHT-TO-LEFT OVERRIDE)``: a character a message can show safely."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def strip_unsafe(text: str) -> str:
    """``text`` without unsafe characters."""
    return UNSAFE.sub("", text)


def escape_unsafe(text: str) -> str:
    r"""``text`` with unsafe characters shown as ``\x1b`` or ``\u202e``, for a terminal."""
    return UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def single_line(value: str) -> str:
    """A validator for one-line fields: refuse line breaks."""
    if "\n" in value:
        raise ValueError("must be one line (no line breaks)")
    return value
