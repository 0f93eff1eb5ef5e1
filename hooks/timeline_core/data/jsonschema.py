"""JSON Schemas for the data files, generated from `schema.py` (never written by hand).

Editors with YAML language support read them through the `# yaml-language-server:`
header of each data file, so contributors get completion and checks while typing.
The loader stays the authority: these schemas describe the shape, and the
loader adds what a schema cannot say (quotes in sources, references, real days).
"""

from __future__ import annotations

import json
from pathlib import Path

from .schema import (
    ENTITY,
    EVENT,
    EXPLAINER,
    LANGUAGE_PATTERN,
    RECORDS,
    REDIRECT,
    SLUG_PATTERN,
    SOURCE,
    STORY,
    TAG,
    TERM,
    Field,
    Record,
)

SCHEMA_DIR = "schemas"
_POINT = r"\d{4}(-\d{2}(-\d{2})?)?[~?%]?"
EDTF_PATTERN = rf"^({_POINT}|({_POINT}|\.\.)/({_POINT}|\.\.))$"
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

# file name -> (top-level record, is it a list of records?)
FILES: dict[str, tuple[Record, bool]] = {
    "event.schema.json": (EVENT, False),
    "sources.schema.json": (SOURCE, True),
    "entities.schema.json": (ENTITY, True),
    "glossary.schema.json": (TERM, True),
    "explainer.schema.json": (EXPLAINER, False),
    "redirects.schema.json": (REDIRECT, True),
    "tags.schema.json": (TAG, True),
    "story.schema.json": (STORY, False),
}


def _field_schema(field: Field) -> dict:
    text = {"type": "string", "minLength": 1}
    if field.max_length:
        text["maxLength"] = field.max_length
    kinds: dict[str, dict[str, object]] = {
        "line": {**text, "pattern": r"^[^\n]*$"},
        "markdown": text,
        "paragraph": text,
        "slug": {"type": "string", "pattern": SLUG_PATTERN},
        "slugs": {"type": "array", "uniqueItems": True, "items": {"type": "string", "pattern": SLUG_PATTERN}},
        "lines": {"type": "array", "uniqueItems": True, "items": {"type": "string", "minLength": 1}},
        "edtf": {"type": "string", "pattern": EDTF_PATTERN},
        "day": {"type": "string", "pattern": DAY_PATTERN},
        "url": {"type": "string", "pattern": r"^https?://[^\s/]+"},
        "path": {"type": "string", "pattern": r"^seeds/[^\s]+$"},
        "language": {"type": "string", "pattern": LANGUAGE_PATTERN},
        "choice": {"type": "string", "enum": list(field.choices)},
        "flag": {"type": "boolean"},
    }
    schema: dict[str, object]
    if field.type == "records":
        schema = {"type": "array", "items": {"$ref": f"#/$defs/{field.record}"}}
        if field.min_items:
            schema["minItems"] = field.min_items
    else:
        schema = dict(kinds[field.type])
    return {"description": field.description, **schema}


def _record_schema(record: Record) -> dict:
    schema: dict[str, object] = {
        "type": "object",
        "description": record.description,
        "additionalProperties": False,
        "required": [f.name for f in record.fields if f.required],
        "properties": {f.name: _field_schema(f) for f in record.fields},
    }
    if record.one_of:
        schema["anyOf"] = [{"required": [name]} for name in record.one_of]
    if record.together:
        schema["dependentRequired"] = {
            name: [other for other in record.together if other != name] for name in record.together
        }
    return schema


def _nested(record: Record, seen: set[str] | None = None) -> set[str]:
    """Names of every record nested under this one."""
    seen = set() if seen is None else seen
    for field in record.fields:
        if field.type == "records" and field.record is not None and field.record not in seen:
            seen.add(field.record)
            _nested(RECORDS[field.record], seen)
    return seen


def build_schema(name: str) -> dict:
    record, is_list = FILES[name]
    body = (
        {"type": "array", "items": {"$ref": f"#/$defs/{record.name}"}}
        if is_list
        else {"$ref": f"#/$defs/{record.name}"}
    )
    defs = {n: _record_schema(RECORDS[n]) for n in sorted({record.name, *_nested(record)})}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}",
        "title": f"timeline/{'events/<id>.yml' if name == 'event.schema.json' else name.split('.')[0] + '.yml'}",
        **body,
        "$defs": defs,
    }


def schema_texts() -> dict[str, str]:
    """Every schema file's exact text, as written to the schemas/ folder."""
    return {name: json.dumps(build_schema(name), indent=2, ensure_ascii=False) + "\n" for name in FILES}


def write_schemas(root: Path) -> list[str]:
    """Write the schemas; return the names of files that changed."""
    folder = Path(root) / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    changed = []
    for name, text in schema_texts().items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed


def stale_schemas(root: Path) -> list[str]:
    folder = Path(root) / SCHEMA_DIR
    return [
        name
        for name, text in schema_texts().items()
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text
    ]
