"""The immutable model every view and export is made from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from functools import cached_property

from .dates import EdtfDate
from .quotes import SourceText


@dataclass(frozen=True)
class Markup:
    """Markdown as written, and the safe HTML made from it."""

    source: str
    html: str


@dataclass(frozen=True)
class Citation:
    source: str
    quote: str  # in the source's language, as archived
    translation: str | None = None  # in the story's language (see STORY in data/schema.py)
    translated_by: str | None = None  # a name as credited, "publisher" or "machine"


@dataclass(frozen=True)
class Event:
    id: str
    path: str
    title: str
    date: EdtfDate
    date_basis: str
    date_note: str | None
    status: str
    summary: Markup
    tags: tuple[str, ...]
    entities: tuple[str, ...]
    terms: tuple[str, ...]
    citations: tuple[Citation, ...]
    background: bool = False  # context, not part of the story's sequence: shown apart, after it

    def __hash__(self) -> int:
        return self._hash

    @cached_property
    def _hash(self) -> int:
        """Worked out once: `mkdocs serve` keys pages by the events on them (see memo.py)."""
        return hash(tuple(getattr(self, name.name) for name in fields(self)))

    def sort_key(self) -> tuple:
        return self._sort_key

    def reading_key(self) -> tuple:
        """The order readers meet events everywhere: the story's events, then its background
        (context that is not part of the sequence), each by the month they are listed under, then
        within a month by earliest possible day, latest possible day and id."""
        return (self.background, self.month, self._sort_key)

    @cached_property
    def _sort_key(self) -> tuple:
        """Worked out once: every build sorts its events in several orders, and serve rebuilds often."""
        return (*self.date.sort_key(), self.id)

    @cached_property
    def month(self) -> tuple[int, int]:
        """The month an event is listed under: the month of the day it is placed on."""
        day = self.date.placed_on
        return (day.year, day.month)


@dataclass(frozen=True)
class Uncited:
    sentence: str
    reason: str


@dataclass(frozen=True)
class SharedText:
    source: str  # another source whose archive shares this one's text
    reason: str  # why neither rewrites the other


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    author: str | None
    url: str | None
    location: str | None
    published: EdtfDate
    published_note: str | None
    accessed: dt.date
    archive: str
    note: str | None
    uncited: tuple[Uncited, ...]
    headline: str | None = None
    byline: str | None = None
    dateline: str | None = None
    captions: tuple[str, ...] = ()
    sha256: str | None = None
    based_on: str | None = None
    republish: str = "quotes-only"  # or "full-text": see REPUBLISH in data/schema.py
    republish_basis: str | None = None
    language: str | None = None  # a BCP 47 tag; None: the site's language
    coverage: str = "quotes"  # or "complete": see COVERAGE in data/schema.py
    issued_by: str | None = None  # the entity whose own statement this is
    shares_text: tuple[SharedText, ...] = ()  # sources it shares text with, not rewriting them

    @property
    def full_text(self) -> bool:
        """May the site publish the whole archived copy? Otherwise only the passages it cites."""
        return self.republish == "full-text"

    @property
    def parts(self) -> tuple[str, ...]:
        """The archive's text that is not the story's: headline, byline, dateline and captions."""
        return tuple(part for part in (self.headline, self.byline, self.dateline, *self.captions) if part)


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    parent: str | None
    aliases: tuple[str, ...]
    description: Markup
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    aliases: tuple[str, ...]
    definition: Markup
    basis: str
    citations: tuple[Citation, ...]
    see_also: tuple[str, ...]


@dataclass(frozen=True)
class Sentence:
    text: Markup
    events: tuple[str, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Explainer:
    title: str
    lede: Markup
    sections: tuple[Section, ...]


# What each nested record of the schema becomes.
NESTED = {"citation": Citation, "uncited": Uncited, "shared": SharedText, "sentence": Sentence, "section": Section}


@dataclass(frozen=True)
class Redirect:
    old: str
    new: str | None  # the event it became, or None when it was withdrawn
    gone: str | None = None  # why it was withdrawn


@dataclass(frozen=True)
class FileHistory:
    """When a data file was first committed and last changed (from git). In a shallow clone, a file
    already there in the oldest commit it has may be older: its `added` is then not known."""

    added: dt.date
    changed: dt.date
    added_known: bool = True


@dataclass(frozen=True)
class FieldChange:
    """One field of an event as it was and as it became (plain data: an EDTF date, a status id)."""

    field: str  # "title", "date", "status", … or "citation added", "citation removed", "quote changed"
    before: str
    after: str
    source: str = ""  # a citation's source id (its quote is `before`, `after` or both)


@dataclass(frozen=True)
class Change:
    """One commit's change to one event: added, edited, renamed (a new id, maybe new fields) or
    withdrawn; with the reason its `Correction:` trailer gives, and whether it fixed a typo."""

    day: dt.date
    commit: str
    event: str  # the event's id now (after any rename)
    kind: str  # "added", "edited", "renamed" or "withdrawn"
    fields: tuple[FieldChange, ...]
    reason: str | None = None
    typo: bool = False
    old_id: str | None = None  # a rename's former id


@dataclass(frozen=True)
class ChangeLog:
    """Every change to the story's events, oldest first, from git. A shallow clone's log starts at
    `known_since` and is not `complete`: what came before is unknown, not absent."""

    changes: tuple[Change, ...] = ()
    complete: bool = True
    known_since: dt.date | None = None


@dataclass(frozen=True)
class Relay:
    """A cited source that passes on another publisher's report."""

    source: Source
    origin: Source


@dataclass(frozen=True)
class Support:
    """Who stands behind a claim: the independent publishers, and the sources that relay them."""

    publishers: tuple[str, ...]  # distinct publishers of the origins, in citation order
    via: tuple[Relay, ...]  # cited sources whose origin is another source

    @property
    def count(self) -> int:
        return len(self.publishers)


@dataclass(frozen=True)
class Timeline:
    """Everything in timeline/, validated; events sorted by date, then id."""

    events: tuple[Event, ...]
    sources: tuple[Source, ...]
    entities: tuple[Entity, ...]
    terms: tuple[Term, ...]
    archives: dict[str, SourceText]  # by source id
    explainer: Explainer | None = None
    history: dict[str, FileHistory] = field(default_factory=dict)  # by file path
    redirects: tuple[Redirect, ...] = ()
    language: str = "en"  # the story's (titles, summaries, translations): a BCP 47 tag
    support: dict[str, Support] = field(default_factory=dict)  # by event id (model/corroboration.py)
    changes: ChangeLog = ChangeLog()  # the corrections log, from git (data/changes.py)
    published: dt.date | None = None  # the day the story was published: its corrections log starts after it
    tag_labels: dict[str, str] = field(default_factory=dict)  # a tag's name as readers see it, by id

    def tag_label(self, tag: str) -> str:
        """A tag as readers see it: its label from timeline/tags.yml, else its id."""
        return self.tag_labels.get(tag, tag)

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def entities_by_id(self) -> dict[str, Entity]:
        return {entity.id: entity for entity in self.entities}

    @cached_property
    def terms_by_id(self) -> dict[str, Term]:
        return {term.id: term for term in self.terms}

    @cached_property
    def reading_order(self) -> tuple[Event, ...]:
        """The events in reading order (`Event.reading_key`), once a story: its pages and every
        export ask for it, and sorting 10,000 events took 40 ms each time."""
        return tuple(sorted(self.events, key=Event.reading_key))

    @cached_property
    def events_by_id(self) -> dict[str, Event]:
        return {event.id: event for event in self.events}

    @cached_property
    def redirects_to(self) -> dict[str, tuple[str, ...]]:
        """For each event, the old ids that lead to it."""
        found: dict[str, list[str]] = {}
        for redirect in self.redirects:
            if redirect.new is not None:
                found.setdefault(redirect.new, []).append(redirect.old)
        return {new: tuple(sorted(old)) for new, old in found.items()}

    @property
    def withdrawn(self) -> tuple[Redirect, ...]:
        """Published events taken off the timeline on purpose, each with why."""
        return tuple(redirect for redirect in self.redirects if redirect.gone is not None)
