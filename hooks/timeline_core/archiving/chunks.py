"""An article the page splits into chunks around its advertisements, read whole.

Some publishers (Wired among them) put an article's paragraphs in several containers of the same
markup, with advertisements between them, and the extractor takes the first container as the
article and stops. The containers that follow it beside it, marked as the one whose paragraphs
were taken (the same element, the same class), hold the rest of the article: their paragraphs
are added.
"""

from __future__ import annotations

import re

from ..model.text import count_words

MAX_DEPTH = 2  # chunks are beside each other, or each in a wrapper of its own beside the others
MIN_CLASS = 3  # a class shorter than this ("a", "p") marks too much of a page to say it is the body
CHUNK_WORDS = 60  # a later chunk of the article is prose: this many words at least,
PARAGRAPH_WORDS = 12  # and this many a paragraph on average (a list of links or addresses has fewer)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def with_later_chunks(html: str, text: str) -> str:
    """`text` (one paragraph a line) with the paragraphs of the later containers marked as the one
    holding its last paragraph, when the page has such containers; `text` itself otherwise."""
    lines = [line for line in (_squeezed(line) for line in text.split("\n")) if line]
    if not lines or len(html) > 5_000_000:
        return text
    import lxml.html  # type: ignore[import-untyped]  # trafilatura's own parser, imported with it

    try:
        document = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return text
    last = lines[-1]
    holder = next((p.getparent() for p in document.iter("p") if _squeezed(p.text_content()) == last), None)
    marks = holder.get("class", "").strip() if holder is not None else ""
    if holder is None or len(marks) < MIN_CLASS:
        return text
    later = _later_chunks(holder, marks)
    known = set(lines)
    added = []
    for chunk in later:
        paragraphs = [said for p in chunk.iter("p") if (said := _squeezed(p.text_content())) and said not in known]
        words = [count_words(paragraph) for paragraph in paragraphs]
        if sum(words) >= CHUNK_WORDS and sum(words) >= PARAGRAPH_WORDS * len(words):  # prose, not a menu
            added += paragraphs
    return text.rstrip("\n") + "\n" + "\n".join(added) + "\n" if added else text


def _later_chunks(holder, marks: str) -> list:  # noqa: ANN001 (lxml elements)
    """The elements marked as `holder` after it, beside it or each in a wrapper beside its wrapper
    (up to MAX_DEPTH levels): a blog's comments, often marked as its post is, are further away."""
    wrapper = holder
    for _ in range(MAX_DEPTH + 1):
        parent = wrapper.getparent()
        if parent is None:
            return []
        found = [
            element
            for sibling in wrapper.itersiblings()
            for element in sibling.iter(holder.tag)
            if element.get("class", "").strip() == marks
        ]
        if found:
            return found
        wrapper = parent
    return []
