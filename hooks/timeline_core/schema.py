"""The one description of every data file: which fields exist, their types and what they mean.

The loader validates against these records, and the JSON Schemas that editors
use are generated from them, so a field is never described twice.
"""

from __future__ import annotations

from dataclasses import dataclass

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ENTITY_KINDS = ("organization", "unit", "product", "model", "platform", "person")


@dataclass(frozen=True)
class Field:
    """One field of a record.

    `type` is one of: line (one line of text), markdown, paragraph (one Markdown
    paragraph), slug, slugs (a list of slugs), lines (a list of lines), edtf, day,
    url, path, choice, citations.  `ref` names the kind of record a slug refers to.
    """

    name: str
    type: str
    required: bool
    description: str
    ref: str | None = None
    choices: tuple[str, ...] = ()
    max_length: int | None = None


@dataclass(frozen=True)
class Record:
    name: str
    description: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


CITATION = Record("citation", "A verbatim passage of an archived source that supports the claim.", (
    Field("source", "slug", True, "The id of a source in timeline/sources.yml.", ref="source"),
    Field("quote", "line", True,
          "The passage, copied word for word from the archived source (white space, curly quotes "
          "and dashes may differ; nothing else may).", max_length=1000),
))

EVENT = Record("event", "One dated happening. The file name (without .yml) is its permanent id.", (
    Field("title", "line", True, "A short headline, in plain text.", max_length=160),
    Field("date", "edtf", True,
          "When it happened, in EDTF: 2026-04-10, 2026-04, 2026, 2026-04-07~ (approximate), "
          "2026-04-10? (uncertain), 2026-04-07/2026-04-10 (range), ../2026-04-10 (on or before)."),
    Field("date_note", "line", False,
          "How the date was worked out from the source. Required unless the date is one exact day.",
          max_length=600),
    Field("summary", "paragraph", True, "What happened, in one Markdown paragraph.", max_length=2000),
    Field("tags", "slugs", False, "Lowercase topic tags, such as video-generation."),
    Field("entities", "slugs", False, "Ids of entities in timeline/entities.yml that take part.",
          ref="entity"),
    Field("terms", "slugs", False, "Ids of glossary terms in timeline/glossary.yml the event uses.",
          ref="term"),
    Field("citations", "citations", True, "At least one quote from an archived source."),
))

SOURCE = Record("source", "A published source, archived under seeds/.", (
    Field("id", "slug", True, "A short permanent id, lowercase with dashes."),
    Field("title", "line", True, "The title of the piece.", max_length=300),
    Field("publisher", "line", True, "Who published it."),
    Field("author", "line", False, "Who wrote it, as credited."),
    Field("url", "url", True, "Where the original is published (http or https)."),
    Field("published", "edtf", True, "When it was published, in EDTF."),
    Field("published_note", "line", False, "How the publication date was worked out.", max_length=600),
    Field("accessed", "day", True, "The day the archived copy was taken, YYYY-MM-DD."),
    Field("archive", "path", True, "The archived copy's path, under seeds/."),
    Field("note", "line", False, "Anything a reader should know about this source.", max_length=600),
))

ENTITY = Record("entity", "An organization, unit, product, model, platform or person in the story.", (
    Field("id", "slug", True, "A short permanent id, lowercase with dashes."),
    Field("name", "line", True, "The name as the sources write it."),
    Field("kind", "choice", True, "What sort of thing it is.", choices=ENTITY_KINDS),
    Field("parent", "slug", False, "The id of the entity it belongs to (a unit's company).", ref="entity"),
    Field("aliases", "lines", False, "Other names it goes by."),
    Field("description", "markdown", True, "Who or what it is, in Markdown."),
))

TERM = Record("term", "A glossary entry for a word a general reader may not know.", (
    Field("id", "slug", True, "A short permanent id, lowercase with dashes."),
    Field("term", "line", True, "The term as it appears in text."),
    Field("aliases", "lines", False, "Other spellings or names."),
    Field("definition", "markdown", True, "What it means, in Markdown."),
    Field("citations", "citations", False, "Quotes from archived sources that support the definition."),
    Field("see_also", "slugs", False, "Ids of related glossary terms.", ref="term"),
))

RECORDS = {record.name: record for record in (EVENT, SOURCE, ENTITY, TERM, CITATION)}
