"""Search entries for what the model already holds: each event's card, each source's archived text.

Material's search plugin finds a page's sections by parsing its whole HTML, which at 10,000
events was over half of a build, although every event's title, date and text are already in
the model. Blocks written with the `model_block` filter are kept out of that parse (see the
hooks), and the entries below take their place. They hold what the parse would have found:
Material's kept tags (`p`, lists, code, sub- and superscripts), its escaping, nothing marked
`data-search-exclude`; `tests/test_search.py` holds the two indexes side by side.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ..model.records import Citation, Event, Term
from ..model.text import search_segments
from ..words.reader import Words, english
from .annotate import AnnotatedSource, Piece, cited_passages
from .termlinks import TermPatterns, link_terms

# The tags Material keeps in an entry's text (material/plugins/search/plugin.py, `Parser.keep`).
KEPT_TAGS = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
# What Material strips from the HTML it indexes; our blocks it never parses are stripped the same way.
# found by its literal start (a pattern opening with `\s?` is tried at every character of a page)
_SEARCH_ATTRIBUTE = re.compile(r'data-search-\w+="[^"]+"')


@dataclass(frozen=True)
class SearchSection:
    """One entry of the search index: a section of a page (`anchor`), or more text for the page's
    first section (`anchor` empty), which is where text before any heading belongs."""

    anchor: str
    title: str  # escaped HTML, as the index holds it
    text: str  # escaped HTML with only the kept tags


def plain(text: str) -> str:
    """Contributed text as the index holds it: `<`, `>` and `&` escaped, quotes as they are."""
    return html.escape(text, quote=False)


def indexed_html(fragment: str) -> str:
    """Our own small HTML (a rendered summary) as the index holds it: the kept tags, plain text."""
    out: list[str] = []
    at = 0
    for match in _TAG.finditer(fragment):
        out.append(plain(html.unescape(fragment[at : match.start()])))
        if match.group(2).lower() in KEPT_TAGS:
            out.append(f"<{match.group(1)}{match.group(2).lower()}>")
        at = match.end()
    out.append(plain(html.unescape(fragment[at:])))
    return "".join(out).replace("\n", " ")


def without_search_attributes(block: str) -> str:
    """Drop `data-search-*` attributes, as Material does to every page it indexes."""
    out: list[str] = []
    at = 0
    for match in _SEARCH_ATTRIBUTE.finditer(block):
        start = match.start() - (match.start() > at and block[match.start() - 1].isspace())
        out.append(block[at:start])
        at = match.end()
    out.append(block[at:])
    return "".join(out)


def terms_outside_summary(event: Event, event_terms: tuple[str, ...], patterns: TermPatterns) -> tuple[str, ...]:
    """The terms a card lists after its summary: those the summary does not already link."""
    linked: set[str] = set()
    link_terms(event.summary.html, patterns, lambda term: "", linked)
    return tuple(term for term in event_terms if term not in linked)


def _translation(citation: Citation, words: Words) -> str:
    """A quote's translation as its card shows it, so that search finds an event in either language."""
    if citation.translation is None:
        return ""
    return f"<p>{plain(words.translation_label(citation.translated_by))}: {plain(citation.translation)}</p>"


def event_section(
    event: Event,
    number: int | None,
    names: Mapping[str, str],
    terms: Mapping[str, Term],
    listed_terms: tuple[str, ...],
    words: Words | None = None,
    tag_label: Callable[[str], str] = str,
) -> SearchSection:
    """An event's card: its date line, summary, every quote, who, terms and tags (`pages/cards.py`),
    in the reader's `words` (the card's own)."""
    words = words or english()
    _ = words.gettext
    line = [str(number)] if number is not None else []
    basis = _("inferred date") if event.date_basis == "inferred" else _("stated date")
    line += [words.date_text(event.date), basis, words.status(event.status)]
    if event.background:
        line.append(_("Background"))
    text = [plain(" ".join(line))]
    if event.status == "speculation":
        note = (_("Speculation:"), _("the source reports that others guessed this."), _("It is not established fact."))
        text.append(f"<p>{plain(' '.join(note))}</p>")
    text.append(indexed_html(event.summary.html))
    # The first quote stands alone; each further one follows its folded summary line.
    quotes = [
        f"<li>{' ' if n else ''}<p>{plain(c.quote)}</p>{_translation(c, words)} </li>"
        for n, c in enumerate(event.citations)
    ]
    text.append("<ol> " + " ".join(quotes) + " </ol>")
    meta = []
    if event.entities:
        meta.append(plain(_("Who:")) + " " + ", ".join(plain(names[ident]) for ident in event.entities))
    if listed_terms:
        meta.append(plain(_("Terms:")) + " " + ", ".join(plain(terms[ident].term) for ident in listed_terms))
    if event.tags:
        meta.append(plain(_("Tags:")) + " " + " ".join(plain(tag_label(tag)) for tag in event.tags))
    text.append("<p>" + " · ".join(meta) + "</p>")  # the card's meta line, empty or not, as Material reads it
    return SearchSection(event.id, plain(event.title), " ".join(text))


def _pieces_text(pieces: Iterable[Piece]) -> str:
    return "<p>" + plain("".join(piece.text for piece in pieces)) + "</p>"


def archive_section(annotated: AnnotatedSource, full_text: bool) -> SearchSection:
    """A source's archived text as its page shows it: every line, or only the quoted passages."""
    if full_text:
        paragraphs = [_pieces_text(line) for line in annotated.lines if line]
    else:
        excerpts = cited_passages(annotated)
        paragraphs = []
        for passage in excerpts.passages:  # a gap's mark sits right before its passage, as on the page
            paragraphs.append(("<p>[…]</p>" if passage.after_gap else "") + _pieces_text(passage.pieces))
        if excerpts.gap_at_end:
            paragraphs.append("<p>[…]</p>")
    return SearchSection("", "", " ".join(paragraphs))


def add_to_index(entries: list[dict], url: str, sections: Iterable[SearchSection]) -> None:
    """Add a page's model sections to a search index's entries, in Material's shape.

    Called right after the search plugin has read the rest of the page, so the page's own
    entries are the last ones: text for the page's first section goes into its entry.
    """
    for section in sections:
        if section.anchor:
            entries.append({"location": f"{url}#{section.anchor}", "title": section.title, "text": section.text})
            continue
        first = next((entry for entry in reversed(entries) if entry["location"] == url), None)
        if first is None:
            entries.append({"location": url, "title": section.title, "text": section.text})
        elif section.text:
            first["text"] = f"{first['text']} {section.text}".strip()


def segment_index(entries: list[dict]) -> None:
    """Cut the Chinese text of every entry into words (text.search_segments), the model's and those
    Material parsed alike, just before the index is written: Chinese has no spaces to search by."""
    for entry in entries:
        entry["title"] = search_segments(entry["title"])
        entry["text"] = search_segments(entry["text"])
