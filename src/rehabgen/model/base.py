"""The one strict base model every input and output model derives from."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


def unique(items: list[T]) -> list[T]:
    """A list validator: refuse an item listed twice (``AfterValidator(unique)``)."""
    seen: set[T] = set()
    for item in items:
        if item in seen:
            raise ValueError(f"'{item}' is listed twice")
        seen.add(item)
    return items


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field's annotation holds, through Optional, lists and other generics (None for plain values)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = model_in(arg)
        if found is not None:
            return found
    return None


class StrictModel(BaseModel):
    """Forbids unknown keys (a YAML typo is an error, not a dropped key), is frozen, strips whitespace.

    Fields are documented by the docstring under them; ``rehabgen.io.schema`` puts those into the JSON
    Schemas. Validators are built when a model is first used (``defer_build``), so a command pays only for
    the models it touches.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        validate_default=False,
        defer_build=True,
    )
