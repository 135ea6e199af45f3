"""Turning validation failures into Problems a clinician can act on: file, line, readable path and reason.

pydantic reports a location as a tuple of keys and indexes; a reader wants ``core.yaml:41: bird_dog › dosage
› sets: must be ≥ 1``. List items are named by their id, closed vocabularies list their allowed values with
a "did you mean" hint, and lines are found by re-reading the YAML only when something is wrong.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from rehabgen.errors import InputError, Problem
from rehabgen.io.limits import MAX_PROBLEMS
from rehabgen.io.reader import locate, read_yaml
from rehabgen.model.base import model_in
from rehabgen.model.text import describe, escape_unsafe, first_unsafe

M = TypeVar("M", bound=BaseModel)


def display_path(data: Any, loc: Sequence[str | int]) -> tuple[str, ...]:
    """A loc as a reader names it: list items by their ``id`` (or ``name``), not by their index.

    ``("exercises", 3, "dosage", "sets")`` on a catalogue file becomes ``("bird_dog", "dosage", "sets")``.
    Other list items are numbered from 1.
    """
    parts: list[str] = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and part < len(node) else None
            label = _item_label(item)
            if label is not None:
                if parts and parts[-1] == str(loc[i - 1]) and i == 1:
                    parts.pop()  # the top-level list's own key adds nothing once the item is named
                parts.append(label)
            else:
                parts.append(str(part + 1))
            node = item
        else:
            parts.append(part)
            node = node.get(part) if isinstance(node, Mapping) else None
    return tuple(parts)


def _item_label(item: Any) -> str | None:
    if isinstance(item, Mapping):
        for key in ("id", "name"):
            value = item.get(key)
            if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
                return str(value)
    return None


# --- pydantic errors → Problems ----------------------------------------------------------------------------

_QUOTED = re.compile(r"'([^']*)'")


def _allowed_from(expected: str) -> list[str]:
    return _QUOTED.findall(expected)


def suggest(value: object, allowed: Sequence[str]) -> str:
    """A " (did you mean 'x'?)" hint when a close match exists, else an empty string."""
    if not isinstance(value, str):
        return ""
    wanted = value.lower().strip()
    close = difflib.get_close_matches(wanted, list(allowed), n=1, cutoff=0.6)
    if not close and len(wanted) >= 3:
        # A word of the right answer ("fever" for fever_or_unwell) is as good a hint as a near spelling.
        close = [a for a in allowed if a.startswith(wanted) or wanted in a.split("_")][:1]
    return f" (did you mean '{close[0]}'?)" if close else ""


def _fields_at(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """Field names of the (nested) model that ``loc`` points into, for 'unknown field' messages."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        current = model_in(fields[part].annotation)
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def shown(value: object, limit: int = 60) -> str:
    """A value as a message quotes it: its repr (control characters escaped), cut short."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quoted(value: object, limit: int = 60) -> str:
    """Text as a message puts it between quotes: escaped like a repr, without the repr's own quotes."""
    text = repr(value)[1:-1] if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _message(error: Mapping[str, Any], model: type[BaseModel]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    quoted = _quoted(value)
    loc = error["loc"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc)
        field = str(loc[-1])
        hint = suggest(field, allowed)
        tail = f"; allowed fields: {', '.join(allowed)}" if allowed else ""
        return f"unknown field '{field}'{hint}{tail}"
    if kind in ("enum", "literal_error"):
        allowed = _allowed_from(str(ctx.get("expected", "")))
        return f"'{quoted}' is not allowed{suggest(value, allowed)}; allowed: {', '.join(allowed)}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        symbol = {"greater_than_equal": "≥", "greater_than": ">", "less_than_equal": "≤", "less_than": "<"}
        bound = next(iter(ctx.values()))
        limit = f"{bound:g}" if isinstance(bound, int | float) else str(bound)
        return f"must be {symbol[kind]} {limit} (got {shown(value)})"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"must be a whole number (got {shown(value)})"
    if kind in ("float_type", "float_parsing"):
        return f"must be a number (got {shown(value)})"
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false (got {shown(value)})"
    if kind in ("string_type",):
        return f"must be text (got {shown(value)})"
    if kind in ("list_type", "tuple_type"):
        return f"must be a list (got {shown(value)})"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"must be a mapping of fields (got {shown(value)})"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s) (got {ctx.get('actual_length')})"
    if kind == "too_long":
        return f"allows at most {ctx.get('max_length')} item(s) (got {ctx.get('actual_length')})"
    if kind == "string_too_short":
        return f"must be at least {ctx.get('min_length')} characters"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters"
    if kind == "string_pattern_mismatch":
        return f"'{quoted}' has the wrong form (expected to match {ctx.get('pattern')})"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"):
        return f"'{quoted}' is not a date; write it as YYYY-MM-DD"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return str(error["msg"])


def problems_from(
    exc: ValidationError,
    model: type[BaseModel],
    data: Any,
    *,
    file: str | None,
    text: str | None = None,
    prefix: Sequence[str | int] = (),
) -> list[Problem]:
    """Translate a pydantic ValidationError into Problems naming file, line, readable path and reason.

    At most ``MAX_PROBLEMS`` are listed; one more line says how many were left out.
    """
    problems = []
    errors = exc.errors(include_url=False)
    for error in errors[:MAX_PROBLEMS]:
        # pydantic marks a bad mapping key with a "[key]" step; the key itself already names the place.
        loc = [*prefix, *(p for p in error["loc"] if isinstance(p, str | int) and p != "[key]")]
        problems.append(
            Problem(
                _message(error, model),
                file=file,
                path=display_path(data, loc) if loc else (),
                line=locate(text, loc) if text is not None else None,
            )
        )
    if len(errors) > MAX_PROBLEMS:
        more = len(errors) - MAX_PROBLEMS
        problems.append(Problem(f"… and {more:,} more problem(s); fix these and run again", file=file))
    return problems


def validate(
    model: type[M],
    data: Any,
    *,
    file: str | None,
    text: str | None = None,
    prefix: Sequence[str | int] = (),
    whole: Any = None,
    context: dict[str, Any] | None = None,
) -> tuple[M | None, list[Problem]]:
    """Validate ``data`` as ``model``; return the instance or the problems (never both).

    Text holding a control character or a bidirectional override is refused before the model sees it.
    """
    refused = unsafe_text(data, file=file, text=text, prefix=prefix, whole=whole)
    try:
        instance = model.model_validate(data, context=context)
    except ValidationError as exc:
        found = problems_from(exc, model, whole if whole is not None else data, file=file, text=text, prefix=prefix)
        return None, [*refused, *(p for p in found if p.path not in {r.path for r in refused})]
    return (None, refused) if refused else (instance, [])


def unsafe_text(
    data: Any, *, file: str | None, text: str | None = None, prefix: Sequence[str | int] = (), whole: Any = None
) -> list[Problem]:
    """A problem for every key or text value holding a character that must not reach a terminal or a page."""
    problems: list[Problem] = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, tuple(prefix))]
    while stack and len(problems) < MAX_PROBLEMS:
        node, loc = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                stack.append((value, (*loc, key)))
                if isinstance(key, str) and (bad := first_unsafe(key)):
                    message = f"the key '{escape_unsafe(key)}' holds {describe(bad[1])}; remove it"
                    problem = _problem_at(message, loc, file, text, whole if whole is not None else data)
                    line = locate(text, (*loc, key)) if text is not None else None
                    problems.append(Problem(problem.message, file=file, path=problem.path, line=line))
        elif isinstance(node, list):
            stack += [(value, (*loc, i)) for i, value in enumerate(node)]
        elif isinstance(node, str) and (bad := first_unsafe(node)):
            where, char = bad
            message = (
                f"holds {describe(char)} at character {where + 1}, which must not reach a terminal or a page; "
                "remove it (control characters and bidirectional overrides are not allowed)"
            )
            problems.append(_problem_at(message, loc, file, text, whole if whole is not None else data))
    return sorted(problems, key=lambda p: (p.line or 0, p.path))


def _problem_at(message: str, loc: Sequence[str | int], file: str | None, text: str | None, data: Any) -> Problem:
    return Problem(
        message,
        file=file,
        path=display_path(data, loc) if loc else (),
        line=locate(text, loc) if text is not None else None,
    )


def load_model(path: Path, model: type[M], error: type[InputError], display: str | None = None) -> M:
    """Read one YAML file holding one mapping and validate it as ``model``; raise ``error`` with every problem."""
    name = display or str(path)
    try:
        data, text = read_yaml(path, name)
    except InputError as exc:
        raise error(exc.problems) from None
    if not isinstance(data, dict):
        raise error([Problem(f"must be a mapping of fields (key: value), not {type(data).__name__}", file=name)])
    instance, problems = validate(model, data, file=name, text=text)
    if problems or instance is None:
        raise error(problems)
    return instance
