"""JSON Schema for every document rehabgen reads or writes, so an editor can check YAML as it is typed.

Each field's description is its attribute docstring in the model's source. They are read from the source
here, when a schema is asked for, rather than by pydantic when every model class is built: that would make
every command pay for parsing the models' source at start-up.
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from rehabgen.model.base import StrictModel
from rehabgen.model.clinic import Clinic
from rehabgen.model.exercise import Exercise
from rehabgen.model.profile import Profile
from rehabgen.model.programme import Programme
from rehabgen.model.questionnaire import Questionnaire
from rehabgen.model.template import Template
from rehabgen.model.translation import ExerciseTranslationFile, TemplateText

DIALECT = "https://json-schema.org/draft/2020-12/schema"
KINDS = (
    "exercise",
    "profile",
    "template",
    "clinic",
    "programme",
    "input_error",
    "questions",
    "exercise_translation",
    "template_translation",
)
"""Every document with a schema: four input files, the JSON programme, the INPUT_ERROR document, the intake
questionnaire (``rehabgen questions --format json``) and the two kinds of translation file."""


class ProblemEntry(StrictModel):
    """One problem with an input: where it is and why it is wrong."""

    file: str | None
    """The file, when the input came from one."""
    line: int | None
    """The 1-based line in that file, when it is known."""
    path: str
    """The field, as a reader names it: ``bird_dog › dosage › sets`` (empty for the file as a whole)."""
    message: str
    """What is wrong and what is allowed."""


class InputErrorDocument(StrictModel):
    """What ``rehabgen plan --format json`` prints instead of a programme when the input is invalid."""

    status: Literal["INPUT_ERROR"]
    """Always ``INPUT_ERROR``."""
    problems: list[ProblemEntry]
    """Every problem found, in the order of the input."""


def schema_id(kind: str) -> str:
    """The ``$id`` of a schema: a stable name for the document kind."""
    return f"urn:rehabgen:schema:{kind}"


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one input or output format (``KINDS``)."""
    if kind == "exercise":
        item = Exercise.model_json_schema()
        defs = item.pop("$defs", {})
        _describe(item)
        for sub in defs.values():
            _describe(sub)
        return {
            "$schema": DIALECT,
            "$id": schema_id(kind),
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
        "input_error": InputErrorDocument,
        "questions": Questionnaire,
        "exercise_translation": ExerciseTranslationFile,
        "template_translation": TemplateText,
    }
    model = models[kind]
    schema = model.model_json_schema(mode="serialization" if kind in ("programme", "questions") else "validation")
    _describe(schema)
    for sub in schema.get("$defs", {}).values():
        _describe(sub)
    return {"$schema": DIALECT, "$id": schema_id(kind), **schema}


def _describe(schema: dict[str, Any]) -> None:
    """Give each property of a model's schema its field's docstring as its description.

    A model that YAML may also write as a shorthand (a bare number, a bare name) is an ``anyOf`` whose
    mapping branch holds the properties.
    """
    docs = _docs_by_model().get(str(schema.get("title")), {})
    for target in [schema, *(b for b in schema.get("anyOf", []) if "properties" in b)]:
        for name, prop in target.get("properties", {}).items():
            if name in docs and "description" not in prop:
                prop["description"] = docs[name]


@functools.cache
def _docs_by_model() -> dict[str, dict[str, str]]:
    """Model class name → field name → the docstring written under the field."""
    found: dict[str, dict[str, str]] = {}
    pending: list[type[StrictModel]] = [StrictModel]
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        if cls is not StrictModel:
            found[cls.__name__] = field_docs(cls)
    return found


def field_docs(cls: type[BaseModel]) -> dict[str, str]:
    """The attribute docstrings of a model class: the string literal right under each annotated field."""
    source = Path(sys.modules[cls.__module__].__file__ or "").read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and node.name == cls.__name__:
            docs = {}
            for field, after in zip(node.body, node.body[1:], strict=False):
                if (
                    isinstance(field, ast.AnnAssign)
                    and isinstance(field.target, ast.Name)
                    and isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)
                ):
                    docs[field.target.id] = inspect.cleandoc(after.value.value)
            return docs
    return {}
