"""The one description of every data file: which fields exist, their types and what they mean.

The loader validates against these records, and the JSON Schemas that editors
use are generated from them, so a field is never described twice.
"""

from __future__ import annotations

from dataclasses import dataclass

DATA_DIR = "timeline"  # where the data files are, under the project's root
EVENTS_DIR = "events"  # one file per event, under DATA_DIR
SEEDS_DIR = "seeds"  # the archived sources, under the project's root
RESERVED_SLUG = "index"  # entities/index, tags/index … are the pages that list the others
SLUG_PATTERN = r"^(?!index$)[a-z0-9]+(?:-[a-z0-9]+)*$"
# What an entity can be; what each is called on the pages, in every language: words/reader.py.
ENTITY_KINDS = (
    "person", "group", "organization", "unit", "place", "project", "product", "model", "platform",
    "document", "law", "case",
)  # fmt: skip
STATUSES = ("confirmed", "reported", "speculation")
DATE_BASES = ("stated", "inferred")
TERM_BASES = ("cited", "general-knowledge")
REPUBLISH = ("quotes-only", "full-text")
COVERAGE = ("quotes", "complete")
SHA256_PATTERN = r"^[0-9a-f]{64}$"
# A BCP 47 tag of the common shape: language, then a script and a region if need be (zh-Hant, pt-BR),
# for the JSON Schemas; the check itself is model/text.language_problem (a test holds the two alike).
LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$"


@dataclass(frozen=True)
class Field:
    """One field of a record.

    `type` is one of: line (one line of text), markdown, paragraph (one Markdown
    paragraph), slug, slugs (a list of slugs), lines (a list of lines), edtf, day,
    url, path, choice, flag (true or false; false when left out), records (a list of
    nested `record`s).  `ref` names the kind
    of record a slug refers to.
    """

    name: str
    type: str
    required: bool
    description: str
    ref: str | None = None
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    record: str | None = None  # for type "records"
    min_items: int = 0


@dataclass(frozen=True)
class Record:
    name: str
    description: str
    fields: tuple[Field, ...]
    id_field: str | None = "id"  # the field whose value names a record in messages and links
    one_of: tuple[str, ...] = ()  # fields of which at least one must be given
    together: tuple[str, ...] = ()  # fields given all or none: a translation and who made it

    @property
    def key(self) -> str:
        """The field that names a record of a list file (only records of the list files have one)."""
        if self.id_field is None:
            raise ValueError(f"a {self.name} has no id field")
        return self.id_field

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


def _citations(required: bool, description: str) -> Field:
    return Field("citations", "records", required, description, record="citation", min_items=1 if required else 0)


CITATION = Record(
    "citation",
    "A verbatim passage of an archived source that supports the claim.",
    (
        Field("source", "slug", True, "The id of a source in timeline/sources.yml.", ref="source"),
        Field(
            "quote",
            "line",
            True,
            "The passage, copied word for word from the archived source (white space, curly quotes "
            "and dashes may differ; nothing else may), in the source's own language.",
            max_length=1000,
        ),
        Field(
            "translation",
            "line",
            False,
            "The quote in the story's language, when the source is in another one. The site shows it "
            "beside the original, and the summary or description is checked against it.",
            max_length=1000,
        ),
        Field(
            "translated_by",
            "line",
            False,
            "Who made the translation: a person or organization as credited, publisher (the source's "
            "own translation) or machine.",
            max_length=160,
        ),
    ),
    id_field=None,
    together=("translation", "translated_by"),
)

EVENT = Record(
    "event",
    "One dated happening. The file name (without .yml) is its permanent id.",
    (
        Field("title", "line", True, "A short headline, in plain text.", max_length=160),
        Field(
            "date",
            "edtf",
            True,
            "When it happened, in EDTF: 2026-04-10, 2026-04, 2026, 2026-04-07~ (approximate), "
            "2026-04-10? (uncertain), 2026-04-07/2026-04-10 (range), ../2026-04-10 (on or before).",
        ),
        Field(
            "date_basis",
            "choice",
            True,
            "stated: the source gives this date; inferred: it was worked out from relative wording "
            "such as 'on Friday' (then explain in date_note).",
            choices=DATE_BASES,
        ),
        Field(
            "date_note",
            "line",
            False,
            "How the date was worked out from the source. Required for inferred dates and for any "
            "date that is not one exact day.",
            max_length=600,
        ),
        Field(
            "status",
            "choice",
            True,
            "confirmed: the actor said so on record (a cited source issued by one of the event's "
            "entities) or two or more independent publishers report it; reported: one publisher's "
            "report states it; speculation: the source says others guessed it.",
            choices=STATUSES,
        ),
        Field("summary", "paragraph", True, "What happened, in one Markdown paragraph.", max_length=2000),
        Field(
            "background",
            "flag",
            False,
            "true for context the story mentions but that is not part of its sequence (a rival's "
            "setback, an earlier decision): shown apart from the story, after it, labelled Background.",
        ),
        Field("tags", "slugs", False, "Lowercase topic tags, such as video-generation."),
        Field("entities", "slugs", False, "Ids of entities in timeline/entities.yml that take part.", ref="entity"),
        Field("terms", "slugs", False, "Ids of glossary terms in timeline/glossary.yml the event uses.", ref="term"),
        _citations(True, "Quotes from archived sources that support every claim in the title and summary."),
    ),
    id_field=None,
)

UNCITED = Record(
    "uncited",
    "A sentence of the source that deliberately carries no fact for the site.",
    (
        Field("sentence", "line", True, "The sentence, as it appears in the archived source.", max_length=2000),
        Field(
            "reason",
            "line",
            True,
            "Why nothing on the site cites it (a photo credit, a reprint notice).",
            max_length=600,
        ),
    ),
    id_field=None,
)

SHARED = Record(
    "shared",
    "Another source whose archive shares much of this one's text, though neither rewrites the other.",
    (
        Field("source", "slug", True, "The id of the other source.", ref="source"),
        Field(
            "reason",
            "line",
            True,
            'Why the shared text is not a rewrite, a syndication or a translation ("quotes one sentence of '
            'the article, and reports the rest itself").',
            max_length=600,
        ),
    ),
    id_field=None,
)

SOURCE = Record(
    "source",
    "A published source, archived under seeds/.",
    (
        Field("id", "slug", True, "A short permanent id, lowercase with dashes."),
        Field("title", "line", True, "The title of the piece.", max_length=300),
        Field("publisher", "line", True, "Who published it."),
        Field("author", "line", False, "Who wrote it, as credited."),
        Field(
            "language",
            "language",
            False,
            "The language it is written in, as a BCP 47 tag: en, de, zh, zh-Hant, ja, ar. Pages mark its "
            "quotes and title with it, so that screen readers, fonts and the reading direction follow.",
        ),
        Field("url", "url", False, "Where the original is published on the web (http or https)."),
        Field(
            "location",
            "line",
            False,
            "Where a reader can find a source that is not on the web: a print edition and page, a "
            "broadcast and its time, a court filing's docket number, a document and who holds it.",
            max_length=300,
        ),
        Field("published", "edtf", True, "When it was published, in EDTF."),
        Field("published_note", "line", False, "How the publication date was worked out.", max_length=600),
        Field("accessed", "day", True, "The day the archived copy was taken, YYYY-MM-DD."),
        Field("archive", "path", True, "The archived copy's path, under seeds/."),
        Field(
            "sha256",
            "line",
            False,  # required, but checked with the archive: a missing one is reported without the source's value
            "The SHA-256 checksum of the archived copy, in lowercase hex, so that an edit to the archive "
            "after it was taken is caught. Every source needs one: `timeline source add` writes it, and "
            "after re-taking an archive on purpose, `timeline source rehash <id>` records the new one.",
            max_length=64,
        ),
        Field(
            "based_on",
            "slug",
            False,
            "The id of the source this one rewrites, syndicates or translates: the two are then one "
            "publisher's report, not independent confirmation.",
            ref="source",
        ),
        Field(
            "issued_by",
            "slug",
            False,
            "The id of the entity that issued it (a press release, a filing, an official post): an "
            "event naming that entity and citing it is confirmed on the actor's own record.",
            ref="entity",
        ),
        Field(
            "republish",
            "choice",
            False,
            "full-text: the publisher allows republishing, and the site shows the whole archived copy; "
            "quotes-only (the default): the site shows only the cited passages and links to the original.",
            choices=REPUBLISH,
        ),
        Field(
            "republish_basis",
            "line",
            False,
            "Why the full text may be republished: the licence, or the publisher's own notice. "
            "Required with republish: full-text.",
            max_length=600,
        ),
        Field("note", "line", False, "Anything a reader should know about this source.", max_length=600),
        Field("headline", "line", False, "The archive's headline, exactly as it appears in it.", max_length=600),
        Field("byline", "line", False, "The archive's byline (By Jane Doe, Riverside Gazette), as it appears in it."),
        Field("dateline", "line", False, "The archive's dateline (RIVERSIDE, March 6), as it appears in it."),
        Field(
            "captions",
            "lines",
            False,
            "The captions of the archive's pictures, each as it appears in it. Headline, byline, "
            "dateline and captions are not sentences of the story: coverage neither counts nor asks for them.",
        ),
        Field(
            "coverage",
            "choice",
            False,
            "How completely the site accounts for the source. complete: for the story's own article(s): "
            "every sentence is cited or listed under uncited with a reason, or the check fails; quotes "
            "(the default): for a source that corroborates: only its quotes are checked, and "
            "`timeline coverage` lists its other sentences for information.",
            choices=COVERAGE,
        ),
        Field(
            "uncited",
            "records",
            False,
            "Sentences of the source that the site deliberately does not cite, each with the reason.",
            record="uncited",
        ),
        Field(
            "shares_text",
            "records",
            False,
            "Sources whose archives share much of this one's text though neither rewrites the other, each "
            "with the reason; without it the check asks for based_on, since two copies of one report "
            "would count as two publishers.",
            record="shared",
        ),
    ),
    one_of=("url", "location"),
)

ENTITY = Record(
    "entity",
    "Someone or something the story names: a person, group, organization, place, project, product, "
    "document, law or court case.",
    (
        Field("id", "slug", True, "A short permanent id, lowercase with dashes."),
        Field("name", "line", True, "The name as the sources write it."),
        Field("kind", "choice", True, "What sort of thing it is.", choices=ENTITY_KINDS),
        Field(
            "parent",
            "slug",
            False,
            "The id of the entity it belongs to (a unit's company, a model's maker).",
            ref="entity",
        ),
        Field("aliases", "lines", False, "Other names it goes by."),
        Field("description", "markdown", True, "Who or what it is, in Markdown, as the sources describe it."),
        _citations(True, "Quotes from archived sources that support the description."),
    ),
)

TERM = Record(
    "term",
    "A glossary entry for a word a general reader may not know.",
    (
        Field("id", "slug", True, "A short permanent id, lowercase with dashes."),
        Field("term", "line", True, "The term as it appears in text."),
        Field("aliases", "lines", False, "Other spellings or names."),
        Field("definition", "markdown", True, "What it means, in Markdown."),
        Field(
            "basis",
            "choice",
            True,
            "cited: the definition is supported by the citations; "
            "general-knowledge: a plain definition no source gives (shown as such).",
            choices=TERM_BASES,
        ),
        _citations(False, "Quotes from archived sources that support the definition or show the term in use."),
        Field("see_also", "slugs", False, "Ids of related glossary terms.", ref="term"),
    ),
)

SENTENCE = Record(
    "sentence",
    "One sentence of the explainer, with the quotes that support it.",
    (
        Field("text", "paragraph", True, "The sentence, in Markdown.", max_length=600),
        Field("events", "slugs", False, "Ids of the timeline events the sentence summarizes.", ref="event"),
        _citations(True, "Quotes that support every claim in the sentence."),
    ),
    id_field=None,
)

SECTION = Record(
    "section",
    "A short section of the Home page's explainer.",
    (
        Field("id", "slug", True, "The section's anchor."),
        Field("heading", "line", True, "The section's heading."),
        Field("sentences", "records", True, "The section's sentences, in order.", record="sentence", min_items=1),
    ),
)

EXPLAINER = Record(
    "explainer",
    "The story in a few short sections, for the Home page.",
    (
        Field("title", "line", True, "The Home page's title."),
        Field("lede", "paragraph", True, "One framing paragraph that states no fact of its own."),
        Field("sections", "records", True, "The sections, in order.", record="section", min_items=1),
    ),
    id_field=None,
)

REDIRECT = Record(
    "redirect",
    "A published event id that now lives under another id, or was withdrawn, so old links keep working.",
    (
        Field("from", "slug", True, "The old id (the old file name without .yml)."),
        Field("to", "slug", False, "The id of the event it became.", ref="event"),
        Field(
            "gone",
            "line",
            False,
            "Why the event was withdrawn (a correction, a duplicate); its old link shows this notice.",
            max_length=300,
        ),
    ),
    id_field="from",
    one_of=("to", "gone"),
)

TAG = Record(
    "tag",
    "A topic tag's name as readers see it. An event's `tags` give ids (lowercase, with dashes, for the "
    "tag's address); here each may have its name written as the story's language writes it.",
    (
        Field("id", "slug", True, "The tag's id, as events' `tags` give it."),
        Field("label", "line", True, 'The tag\'s name as readers see it ("Fälle", "Hong Kong").'),
    ),
)

STORY = Record(
    "story",
    "Which story this site tells, and where its history starts (written by `timeline init`).",
    (
        Field("title", "line", True, "The story's name, for the people who keep it."),
        Field(
            "language",
            "language",
            False,
            "The language the story is written in (its titles, summaries and translations), as a BCP 47 "
            "tag; en when left out. A quote from a source in another language needs a translation.",
        ),
        Field(
            "replaces",
            "line",
            False,
            "The last commit of the story this one replaced, as `timeline init` found it. Events "
            "published up to that commit belonged to that story: their permanent links are not this "
            "site's to keep.",
            max_length=64,
        ),
        Field(
            "published",
            "day",
            False,
            "The day the story was first published, YYYY-MM-DD. Changes made up to and on that day were "
            "its preparation: the Changes page, the cards' Updated lines and the changes feed list only "
            "later ones, the corrections readers are owed. Left out: every change since the first commit.",
        ),
    ),
    id_field=None,
)

RECORDS = {
    record.name: record
    for record in (
        *(EVENT, SOURCE, ENTITY, TERM, CITATION, UNCITED, SHARED),
        *(SENTENCE, SECTION, EXPLAINER, REDIRECT, TAG, STORY),
    )
}
