"""Scaffolding a new event file that a contributor then fills in.

The scaffold is deliberately not valid until its placeholders are replaced: the
loader refuses any text that still holds `TODO`, so a half-written entry can
never be published by accident.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.schema import DATE_BASES, STATUSES
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


def slugify(text: str, limit: int = 60) -> str:
    """A title as the readable part of a file name, transliterated from any script."""
    slug = "-".join(latin_words(text))
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "event"


def event_id(title: str, date: str) -> str:
    """`<date>-<what-happened>`, the date part as precise as the date and no more: `1965-…` for a
    year, `2026-11-…` for a month, `2026-11-20-…` for a day (for an open start, its last day)."""
    return f"{parse_edtf(date).id_prefix}-{slugify(title)}"


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def event_yaml(new: NewEvent) -> str:
    """The scaffold's text: every field, with placeholders where the contributor must write."""
    if new.status not in STATUSES or new.date_basis not in DATE_BASES:
        raise ValueError("unknown status or date basis")
    needs_note = new.date_basis == "inferred" or not parse_edtf(new.date).is_plain_day
    quote = _yaml_text(new.quote or f"{PLACEHOLDER}: paste the passage word for word")
    lines = [
        EVENT_SCHEMA_HEADER.rstrip("\n"),
        f"title: {_yaml_text(new.title)}",
        f"date: {_yaml_text(new.date)}",
        f"date_basis: {new.date_basis}",
    ]
    if needs_note:
        lines.append(f"date_note: {_yaml_text(PLACEHOLDER + ': say how the date was worked out from the source')}")
    lines += [
        f"status: {new.status}",
        f"summary: {_yaml_text(PLACEHOLDER + ': what happened, in one paragraph, every claim supported by a quote')}",
        "tags: []",
        "entities: []",
        "citations:",
        f"  - source: {new.source}",
        f"    quote: {quote}",
    ]
    if new.translate_into:
        who = f"{PLACEHOLDER}: who translated it: a name as credited, publisher or machine"
        lines += [
            f"    translation: {_yaml_text(f'{PLACEHOLDER}: the quote in {new.translate_into}')}",
            f"    translated_by: {_yaml_text(who)}",
        ]
    return "\n".join(lines) + "\n"
