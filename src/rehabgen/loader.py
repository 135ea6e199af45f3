"""Reading YAML safely and turning validation failures into Problems a clinician can act on.

The only module that imports ``yaml``. Files are parsed with the C loader when it is present (fast) and
re-composed with line information only when something is wrong, so the happy path pays nothing for
``file:line`` messages. Duplicate mapping keys are refused rather than silently overwritten.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from rehabgen._version import __version__
from rehabgen.errors import InputError, Problem

M = TypeVar("M", bound=BaseModel)

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loader that refuses duplicate keys; YAML dates stay strings for pydantic to parse."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            ) from None
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"key '{key}' appears twice in the same mapping", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=deep)
    return result


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates are kept as text so a typo like 2026-13-01 reaches pydantic and gets a field-level message.
_StrictLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),
)


def parse_yaml(text: str, file: str) -> Any:
    """Parse YAML text safely; a syntax error or an unsafe tag becomes a ``file:line:col`` Problem."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - _StrictLoader derives from SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "not valid YAML"
        if "could not determine a constructor" in reason:
            reason = "this tag is not allowed (rehabgen reads plain YAML only; remove the '!!' tag)"
        raise InputError(
            [
                Problem(
                    reason,
                    file=file,
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                )
            ]
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare (bad encoding)
        raise InputError([Problem(f"not valid YAML: {exc}", file=file)]) from None


def read_text(path: Path, display: str | None = None) -> str:
    """Read a UTF-8 file, turning I/O and encoding failures into Problems."""
    name = display or str(path)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError([Problem("file not found", file=name)]) from None
    except IsADirectoryError:
        raise InputError([Problem("is a folder, not a file", file=name)]) from None
    except UnicodeDecodeError as exc:
        raise InputError([Problem(f"not UTF-8 text (byte {exc.start})", file=name)]) from None
    except OSError as exc:
        raise InputError([Problem(f"cannot be read: {exc.strerror}", file=name)]) from None


def read_yaml(path: Path, display: str | None = None, *, cache: bool = False) -> tuple[Any, str]:
    """Read and parse a YAML file; returns the data and the text (kept for locating problems).

    With ``cache`` the parsed data is kept as JSON in the user's cache folder, keyed by a hash of the text,
    so an unchanged file is not parsed again (the bundled catalogue is read on every run).
    """
    name = display or str(path)
    text = read_text(path, name)
    if not cache:
        return parse_yaml(text, name), text
    return _cached_parse(text, name), text


CACHE_ENV = "REHABGEN_CACHE_DIR"
"""Environment variable: where parsed YAML is cached (set it to an empty string to turn caching off)."""


def cache_dir() -> Path | None:
    """The folder for parsed-YAML caches, or None when caching is off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rehabgen"


def _cached_parse(text: str, name: str) -> Any:
    folder = cache_dir()
    if folder is None:
        return parse_yaml(text, name)
    key = hashlib.sha256(f"{__version__}\0{text}".encode()).hexdigest()[:32]
    entry = folder / f"yaml-{key}.json"
    try:
        return json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = parse_yaml(text, name)
    if _json_safe(data):
        with contextlib.suppress(OSError):  # a read-only home just means no cache
            folder.mkdir(parents=True, exist_ok=True)
            tmp = entry.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            tmp.replace(entry)
    return data


def checked_marker(text: str, salt: str) -> Path | None:
    """A cache file whose existence records that ``text`` passed every check of code version ``salt``."""
    folder = cache_dir()
    if folder is None:
        return None
    key = hashlib.sha256(f"{__version__}\0{salt}\0{text}".encode()).hexdigest()[:32]
    return folder / f"checked-{key}"


def mark_checked(marker: Path | None) -> None:
    """Record a clean check (silently skipped when the cache folder cannot be written)."""
    if marker is not None:
        with contextlib.suppress(OSError):
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()


def _json_safe(data: Any) -> bool:
    """Whether JSON gives back exactly this data (string keys only, plain scalars)."""
    if isinstance(data, dict):
        return all(isinstance(k, str) and _json_safe(v) for k, v in data.items())
    if isinstance(data, list):
        return all(_json_safe(v) for v in data)
    return data is None or isinstance(data, str | int | float | bool)


# --- locating problems ------------------------------------------------------------------------------------


def locate(text: str, loc: Sequence[str | int]) -> int | None:
    """The 1-based line of the deepest YAML node that ``loc`` reaches, or None."""
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == part), None)
            if found is None:
                return line
            line = found[0].start_mark.line + 1
            node = found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


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
        current = _model_in(fields[part].annotation)
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _message(error: Mapping[str, Any], model: type[BaseModel]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
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
        return f"'{value}' is not allowed{suggest(value, allowed)}; allowed: {', '.join(allowed)}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        symbol = {"greater_than_equal": "≥", "greater_than": ">", "less_than_equal": "≤", "less_than": "<"}
        bound = next(iter(ctx.values()))
        shown = f"{bound:g}" if isinstance(bound, int | float) else str(bound)
        return f"must be {symbol[kind]} {shown} (got {value!r})"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"must be a whole number (got {value!r})"
    if kind in ("float_type", "float_parsing"):
        return f"must be a number (got {value!r})"
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false (got {value!r})"
    if kind in ("string_type",):
        return f"must be text (got {value!r})"
    if kind in ("list_type", "tuple_type"):
        return f"must be a list (got {value!r})"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"must be a mapping of fields (got {value!r})"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s) (got {ctx.get('actual_length')})"
    if kind == "too_long":
        return f"allows at most {ctx.get('max_length')} item(s) (got {ctx.get('actual_length')})"
    if kind == "string_too_short":
        return f"must be at least {ctx.get('min_length')} characters"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters"
    if kind == "string_pattern_mismatch":
        return f"'{value}' has the wrong form (expected to match {ctx.get('pattern')})"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"):
        return f"'{value}' is not a date; write it as YYYY-MM-DD"
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
    """Translate a pydantic ValidationError into Problems naming file, line, readable path and reason."""
    problems = []
    for error in exc.errors(include_url=False):
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
    """Validate ``data`` as ``model``; return the instance or the problems (never both)."""
    try:
        return model.model_validate(data, context=context), []
    except ValidationError as exc:
        return None, problems_from(
            exc, model, whole if whole is not None else data, file=file, text=text, prefix=prefix
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


def iter_yaml_files(folder: Path) -> Iterator[Path]:
    """YAML files directly in ``folder``, in a stable order."""
    yield from sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
