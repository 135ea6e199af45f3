"""Reading input files safely: the one module that imports ``yaml``.

Files are parsed with the C loader when it is present (fast) and re-composed with line information only
when something is wrong, so the happy path pays nothing for ``file:line`` messages. Duplicate mapping keys
are refused rather than silently overwritten, and tags that would build Python objects are refused.

Only ordinary files are read (a pipe or a device such as ``/dev/zero`` is refused without waiting on it),
and only up to the limits in ``rehabgen.io.limits``: a file's size, and the values a YAML document holds
once its aliases are expanded (an alias "bomb" is refused in microseconds, before anything uses it).

YAML 1.1, which PyYAML follows, reads some plain values in ways nobody means in an intake form: ``yes`` and
``on`` as true, ``040`` as the octal number 32, ``1:30`` as 90. Those spellings are refused with a message
saying how to write the value; ``true``/``false`` and plain decimal numbers are read as usual.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import yaml

from rehabgen.errors import InputError, Problem
from rehabgen.io.limits import MAX_FILE_BYTES, MAX_YAML_VALUES, MIB

if TYPE_CHECKING:
    from rehabgen.io.cache import Cache

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loader that refuses duplicate keys; YAML dates stay strings for pydantic to parse.

    Values YAML 1.1 would misread are collected in ``problems`` (all of them, with their lines) and read as
    text meanwhile, so one run lists every one.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.problems: list[tuple[yaml.Mark, str]] = []


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

_QUOTE = "or put it in quotes if it is text"
_DECIMAL = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")


def _refuse(loader: _StrictLoader, node: yaml.ScalarNode, message: str) -> str:
    loader.problems.append((node.start_mark, message))
    return str(node.value)


def _construct_bool(loader: _StrictLoader, node: yaml.ScalarNode) -> bool | str:
    value = str(loader.construct_scalar(node))
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    meaning = "true" if value.lower() in ("yes", "on", "y") else "false"
    return _refuse(loader, node, f"'{value}' would be read as {meaning}; write true or false, {_QUOTE}")


def _construct_int(loader: _StrictLoader, node: yaml.ScalarNode) -> int | str:
    value = str(loader.construct_scalar(node))
    if _DECIMAL.match(value):
        return int(value)
    if ":" in value:
        reason = "as minutes and seconds (1:30 is 90); write a plain number such as 1.5"
    elif re.match(r"^[-+]?0[0-7_]+$", value):
        reason = f"as an octal number; write {value.lstrip('+-0_') or '0'} without the leading 0"
    else:
        reason = "in an unusual base or with '_'; write a plain decimal number"
    return _refuse(loader, node, f"'{value}' would be read {reason}, {_QUOTE}")


def _construct_float(loader: _StrictLoader, node: yaml.ScalarNode) -> float | str:
    value = str(loader.construct_scalar(node))
    if _FLOAT.match(value):
        return float(value)
    if ":" in value:
        reason = "would be read as minutes and seconds (1:30.5 is 90.5); write a plain number such as 1.5"
    elif "_" in value:
        reason = "has a '_'; write a plain number such as 1000.5"
    else:
        reason = "is not a finite number; write a plain number"
    return _refuse(loader, node, f"'{value}' {reason}, {_QUOTE}")


_StrictLoader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
_StrictLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
# Dates are kept as text so a typo like 2026-13-01 reaches pydantic and gets a field-level message.
_StrictLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),
)


def parse_yaml(text: str, file: str, *, max_values: int = MAX_YAML_VALUES) -> Any:
    """Parse YAML text safely; a syntax error or an unsafe tag becomes a ``file:line:col`` Problem.

    A document holding more than ``max_values`` values once its aliases are expanded, or one that refers to
    itself through an alias, is refused.
    """
    loader = _StrictLoader(text)
    try:
        data = loader.get_single_data()
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
    except RecursionError:  # the pure-Python parser has no depth limit of its own
        raise InputError([Problem("nested too deeply to be a rehabgen file", file=file)]) from None
    finally:
        loader.dispose()
    if loader.problems:
        raise InputError(
            [Problem(m, file=file, line=mark.line + 1, column=mark.column + 1) for mark, m in loader.problems]
        )
    _check_values(data, max_values, file)
    return data


def _check_values(data: Any, limit: int, file: str) -> None:
    """Refuse a document that holds too many values once aliases are expanded, or that contains itself."""
    try:
        expanded, distinct = count_values(data)
    except ValueError:
        message = "refers to itself through an alias (&name … *name); write the values out instead"
        raise InputError([Problem(message, file=file)]) from None
    if expanded > limit:
        if distinct <= limit:
            message = f"holds more than {limit:,} values once its aliases (*name) are expanded; use fewer aliases"
        else:
            message = f"holds more than {limit:,} values, more than rehabgen reads from one file; split it up"
        raise InputError([Problem(message, file=file)])


def count_values(data: Any) -> tuple[int, int]:
    """(values counting every alias in full, distinct values) of parsed YAML; ValueError for a cycle.

    Aliases give the same Python object in several places, so each distinct list or mapping is sized once:
    the work is linear in the text even when the expansion would be astronomical.
    """
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(data, False)]
    distinct = 0
    while stack:
        node, finished = stack.pop()
        key = id(node)
        children = _children(node)
        if children is None:
            distinct += 1
            continue
        if finished:
            sizes[key] = 1 + sum(sizes.get(id(c), 1) for c in children)
            on_path.discard(key)
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise ValueError("cycle")
        on_path.add(key)
        distinct += 1
        stack.append((node, True))
        stack += [(c, False) for c in children if _children(c) is None or id(c) not in sizes]
    return sizes.get(id(data), 1), distinct


def _children(node: Any) -> list[Any] | None:
    if isinstance(node, dict):
        return [*node.keys(), *node.values()]
    if isinstance(node, list):
        return node
    return None


def open_regular(path: Path, display: str | None = None) -> IO[bytes]:
    """Open an ordinary file for reading; a folder, a pipe, a device or a socket is a Problem.

    The file is opened without blocking, so a pipe with no writer (which would wait forever) is refused at
    once, as are devices such as ``/dev/zero`` that never end.
    """
    name = display or str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError([Problem("file not found", file=name)]) from None
    except IsADirectoryError:
        raise InputError([Problem("is a folder, not a file", file=name)]) from None
    except OSError as exc:
        raise InputError([Problem(f"cannot be read: {exc.strerror or exc}", file=name)]) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError([Problem("is a folder, not a file", file=name)])
        if not stat.S_ISREG(mode):
            message = "is not an ordinary file (it is a pipe, a device or a socket); rehabgen reads only files"
            raise InputError([Problem(message, file=name)])
        if flags & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_text(path: Path, display: str | None = None, *, limit: int = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 file of at most ``limit`` bytes, turning I/O and encoding failures into Problems."""
    name = display or str(path)
    with open_regular(path, name) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise InputError([Problem(f"cannot be read: {exc.strerror or exc}", file=name)]) from None
    if len(data) > limit:
        message = f"is larger than {limit / MIB:g} MB, more than rehabgen reads from one file of this kind"
        raise InputError([Problem(message, file=name)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError([Problem(f"not UTF-8 text (byte {exc.start})", file=name)]) from None


_CACHE_KIND = "yaml:strict-1.1-scalars"
"""Entries parsed before the reader refused YAML 1.1 surprises and alias bombs are never read back."""


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
    found = cache.get(_CACHE_KIND, text)
    if found is not None:
        return found, text
    data = parse_yaml(text, name)
    if _json_safe(data):
        cache.put(_CACHE_KIND, text, data)
    return data, text


def _json_safe(data: Any) -> bool:
    """Whether JSON gives back exactly this data (string keys only, plain scalars)."""
    if isinstance(data, dict):
        return all(isinstance(k, str) and _json_safe(v) for k, v in data.items())
    if isinstance(data, list):
        return all(_json_safe(v) for v in data)
    return data is None or isinstance(data, str | int | float | bool)


@functools.lru_cache(maxsize=16)
def _compose(text: str) -> yaml.Node | None:
    """The node tree of a text, kept for the next problem in the same file (one parse per file, not per problem)."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None


def locate(text: str, loc: Sequence[str | int]) -> int | None:
    """The 1-based line of the deepest YAML node that ``loc`` reaches, or None."""
    node = _compose(text)
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
