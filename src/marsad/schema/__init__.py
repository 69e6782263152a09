"""JSON Schemas of the public JSON contract (DESIGN.md), shipped with the package."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema


@cache
def load_schema(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def validate(name: str, instance: Any) -> None:
    """Raise ``jsonschema.ValidationError`` when ``instance`` breaks the named schema."""
    jsonschema.Draft202012Validator(load_schema(name)).validate(instance)
