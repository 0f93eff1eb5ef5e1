"""Scaffolding a new event file that a contributor then fills in.

The scaffold is deliberately not valid until its placeholders are replaced: the
loader refuses any text that still holds `TODO`, so a half-written entry can
never be published by accident.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..data.fields import Collector, read_record
from ..data.schema import DATE_BASES, EVENT, STATUSES
from ..data.yamlread import parse_yaml
from ..model.dates import parse_edtf
from ..model.text import latin_words

PLACEHOLDER = "TODO"
EVENT_SCHEMA_HEADER = "# yaml-language-server: $schema=../../schemas/event.schema.json\n"


@dataclass(frozen=True)
class NewEvent:
    title: str
    date: str
    source: str
    status: str = "reported"
    date_basis: str = "stated"
    quote: str | None = None
    translate_into: str | None = None  # the story's language, when the source is in another one
    summary: str | None = None
    date_note: str | None = None
    tags: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()


def slugify(text: str, limit: int = 60, language: str | None = None) -> str:
    """A title as the readable part of a file name, transliterated from any script as its
    language writes it in Latin letters (German "Fälle" gives faelle)."""
    slug = "-".join(latin_words(text, language))
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "event"


def event_id(title: str, date: str, language: str | None = None) -> str:
    """`<date>-<what-happened>`, the date part as precise as the date and no more: `1965-…` for a
    year, `2026-11-…` for a month, `2026-11-20-…` for a day (for an open start, its last day)."""
    return f"{parse_edtf(date).id_prefix}-{slugify(title, language=language)}"


def yaml_text(value: str) -> str:
    """A YAML double-quoted string of any text: no tag, anchor or markup of it is read as YAML."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def event_yaml(new: NewEvent) -> str:
    """The scaffold's text: every field, with placeholders where the contributor must write."""
    if new.status not in STATUSES or new.date_basis not in DATE_BASES:
        raise ValueError("unknown status or date basis")
    needs_note = new.date_basis == "inferred" or not parse_edtf(new.date).is_plain_day
    quote = yaml_text(new.quote or f"{PLACEHOLDER}: paste the passage word for word")
    lines = [
        EVENT_SCHEMA_HEADER.rstrip("\n"),
        f"title: {yaml_text(new.title)}",
        f"date: {yaml_text(new.date)}",
        f"date_basis: {new.date_basis}",
    ]
    if new.date_note:
        lines.append(f"date_note: {yaml_text(new.date_note)}")
    elif needs_note:
        lines.append(f"date_note: {yaml_text(PLACEHOLDER + ': say how the date was worked out from the source')}")
    summary = new.summary or f"{PLACEHOLDER}: what happened, in one paragraph, every claim supported by a quote"
    lines += [
        f"status: {new.status}",
        f"summary: {yaml_text(summary)}",
        f"tags: {json.dumps(list(new.tags), ensure_ascii=False)}",
        f"entities: {json.dumps(list(new.entities), ensure_ascii=False)}",
        *([f"terms: {json.dumps(list(new.terms), ensure_ascii=False)}"] if new.terms else []),
        "citations:",
        f"  - source: {new.source}",
        f"    quote: {quote}",
    ]
    if new.translate_into:
        who = f"{PLACEHOLDER}: who translated it: a name as credited, publisher or machine"
        lines += [
            f"    translation: {yaml_text(f'{PLACEHOLDER}: the quote in {new.translate_into}')}",
            f"    translated_by: {yaml_text(who)}",
        ]
    return "\n".join(lines) + "\n"


_OPTIONS = {
    "summary": "--summary",
    "date_note": "--date-note",
    "tags": "--tag",
    "entities": "--entity",
    "terms": "--term",
}


def option_problems(new: NewEvent, known: dict[str, set[str]]) -> list[str]:
    """What the check would say of the values given as options, said of the options, before the file
    is written: the scaffold read as the loader reads an event (`known`: the ids of entities and
    glossary terms, which the file may name)."""
    text = event_yaml(new)
    node = parse_yaml(text)
    assert node is not None, "the scaffold is never empty"
    out = Collector("new event")
    read_record(node, EVENT, out, "the event")
    given = {name for name in _OPTIONS if getattr(new, name)}
    lines = text.split("\n")
    problems = []
    for problem in out.problems:
        field = lines[problem.line - 1].split(":", 1)[0].strip()
        if field in given:
            message = problem.message.split(": ", 1)[-1] if problem.message.startswith("field ") else problem.message
            problems.append(f"{_OPTIONS[field]}: {message}")
    for field, kind in (("entities", "entity"), ("terms", "term")):
        for ident in getattr(new, field):
            if ident not in known[kind]:
                problems.append(f"{_OPTIONS[field]}: unknown {kind} '{ident}'; known: {', '.join(sorted(known[kind]))}")
    return problems
