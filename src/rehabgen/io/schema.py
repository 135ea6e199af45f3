"""JSON Schema for every document rehabgen reads or writes, so an editor can check YAML as it is typed."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from rehabgen.model.clinic import Clinic
from rehabgen.model.exercise import Exercise
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Programme
from rehabgen.model.template import Template


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one input or output format."""
    if kind == "exercise":
        item = Exercise.model_json_schema()
        defs = item.pop("$defs", {})
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "rehabgen exercise file",
            "type": "object",
            "additionalProperties": False,
            "required": ["exercises"],
            "properties": {"exercises": {"type": "array", "items": item}},
            "$defs": defs,
        }
    models: dict[str, type[BaseModel]] = {
        "profile": Profile,
        "template": Template,
        "programme": Programme,
        "clinic": Clinic,
    }
    model = models[kind]
    schema = model.model_json_schema(mode="serialization" if kind == "programme" else "validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
