"""Reading YAML safely: the one module that imports ``yaml``.

Files are parsed with the C loader when it is present (fast) and re-composed with line information only
when something is wrong, so the happy path pays nothing for ``file:line`` messages. Duplicate mapping keys
are refused rather than silently overwritten, and tags that would build Python objects are refused.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from rehabgen.errors import InputError, Problem

if TYPE_CHECKING:
    from rehabgen.io.cache import Cache

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


def read_yaml(path: Path, display: str | None = None, *, cache: Cache | None = None) -> tuple[Any, str]:
    """Read and parse a YAML file; returns the data and the text (kept for locating problems).

    With a ``cache`` the parsed data is kept as JSON, keyed by a hash of the file's bytes, so an unchanged
    file is not parsed again (the bundled catalogue is read on every run). The cache only ever returns what
    parsing these exact bytes gave before.
    """
    name = display or str(path)
    text = read_text(path, name)
    if cache is None:
        return parse_yaml(text, name), text
    found = cache.get("yaml", text)
    if found is not None:
        return found, text
    data = parse_yaml(text, name)
    if _json_safe(data):
        cache.put("yaml", text, data)
    return data, text


def _json_safe(data: Any) -> bool:
    """Whether JSON gives back exactly this data (string keys only, plain scalars)."""
    if isinstance(data, dict):
        return all(isinstance(k, str) and _json_safe(v) for k, v in data.items())
    if isinstance(data, list):
        return all(_json_safe(v) for v in data)
    return data is None or isinstance(data, str | int | float | bool)


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


def iter_yaml_files(folder: Path) -> Iterator[Path]:
    """YAML files directly in ``folder``, in a stable order."""
    yield from sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
