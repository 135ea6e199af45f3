"""File names for a batch's outputs: from a pattern, made safe for every file system, and unique."""

from __future__ import annotations

import re
import string
import unicodedata

from rehabgen.batch.entries import DEFAULT_PATTERN
from rehabgen.errors import Problem, UsageError
from rehabgen.io.roster import RosterRow

PATTERN_FIELDS = ("row", "id", "name", "template")
MAX_NAME_BYTES = 120
RESERVED_STEMS = ("manifest",)
"""Names the batch itself uses in --out: a row called "manifest" gets "manifest-2"."""
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_UNSAFE = set('/\\:*?"<>|')


def check_pattern(pattern: str) -> None:
    """Refuse a name pattern that cannot name files: unknown fields, a bad format spec, no field at all.

    Raises:
        UsageError: naming the pattern and the fields allowed.
    """
    try:
        parts = [(f, spec or "") for _, f, spec, _ in string.Formatter().parse(pattern) if f is not None]
        unknown = [f"{{{f}}}" for f, _ in parts if f not in PATTERN_FIELDS]
        if unknown or not parts:
            raise ValueError(f"unknown field {', '.join(unknown)}" if unknown else "it has no field")
        if any("{" in spec for _, spec in parts):
            raise ValueError("a field inside a format spec")
        if any(int(n) > MAX_NAME_BYTES for _, spec in parts for n in re.findall(r"\d+", spec)):
            raise ValueError(f"a width over {MAX_NAME_BYTES}")
        pattern.format(row="0001", id="id", name="name", template="template")  # a bad spec such as {name:%}
    except (ValueError, KeyError, IndexError, AttributeError, TypeError) as exc:
        fields = ", ".join(f"{{{f}}}" for f in PATTERN_FIELDS)
        message = f"bad name pattern '{pattern}': {exc}; use the fields {fields}, e.g. '{DEFAULT_PATTERN}'"
        raise UsageError([Problem(message, path=("--name-pattern",))]) from None


def safe_name(raw: str, *, max_bytes: int = MAX_NAME_BYTES) -> str:
    """A file name made safe for every common file system, never a path."""
    text = unicodedata.normalize("NFC", raw)
    text = "".join("-" if ch in _UNSAFE or not ch.isprintable() else ch for ch in text)
    text = re.sub(r"\s+", "_", text)
    while ".." in text:
        text = text.replace("..", ".")
    text = text.strip("._- ")
    encoded = text.encode("utf-8")[:max_bytes]
    text = encoded.decode("utf-8", errors="ignore").rstrip("._- ")
    if not text:
        return "unnamed"
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    return text


def base_name(row: RosterRow, pattern: str, template_id: str) -> str:
    """The file name (without suffix) a row's outputs get, before making it unique."""
    patient_id, name = row.patient_id, row.patient_name
    if not patient_id and not name:
        return f"row-{row.number:04d}"
    values = {"row": f"{row.number:04d}", "id": patient_id, "name": name, "template": template_id}
    try:
        return safe_name(pattern.format(**values))
    except (ValueError, TypeError):  # a spec that suits the checked sample but not this row's text
        return f"row-{row.number:04d}"


class UniqueNames:
    """Hands out unique names, case-insensitively (two rows called "Ann" and "ann" still get two files)."""

    def __init__(self) -> None:
        self._used: set[str] = set(RESERVED_STEMS)

    def claim(self, name: str) -> str:
        """``name``, or ``name-2``, ``name-3`` … when it is taken."""
        candidate, n = name, 1
        while candidate.lower() in self._used:
            n += 1
            candidate = f"{name}-{n}"
        self._used.add(candidate.lower())
        return candidate
