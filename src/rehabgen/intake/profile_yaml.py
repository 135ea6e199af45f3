"""Writing intake answers as a profile file, laid out like a hand-written one (README "The profile").

The writer is small on purpose: a profile holds only mappings, flat lists, numbers, yes/no, dates and text.
Ids are written bare; any other text is double-quoted with JSON's escapes (valid YAML), so a name such as
``no`` or ``"Ann: 1"`` reads back as written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

_BARE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def scalar(value: Any) -> str:
    """One value as YAML."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _BARE.match(text) and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def profile_yaml(data: dict[str, Any], comments: list[str]) -> str:
    """The profile data as YAML text, under comment lines."""
    lines = [f"# {line}".rstrip() for line in comments]
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {scalar(v)}" for k, v in value.items()]
        elif isinstance(value, list):
            lines.append(f"{key}: [{', '.join(scalar(v) for v in value)}]")
        else:
            lines.append(f"{key}: {scalar(value)}")
    return "\n".join(lines) + "\n"
