"""The standfirst: the paragraph under a headline that sums the article up ("Three people have died
during protests in Bolivia…"). Pages set it apart from the body (a summary element above the
article's text), so the extractor often leaves it out, though it is the article's first paragraph
and often the sentence a timeline cites. The page names it itself: the description in its metadata,
shown word for word above the text found.
"""

from __future__ import annotations

import re
from html import unescape

from ..model.text import count_words
from .metadata import json_ld, shown_text

MIN_WORDS = 12  # a shorter description is a tagline, not a paragraph
_DESCRIPTION = re.compile(
    r"<meta\b(?=[^>]*\b(?:name|property)\s*=\s*[\"'](?:og:description|description|twitter:description)[\"'])"
    r"[^>]*\bcontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)')",
    re.I,
)


def _paragraph(line: str) -> bool:
    """A line of sentences (a headline has no full stop at its end)."""
    return count_words(line) >= MIN_WORDS and line.rstrip().endswith(_STOPS)


_STOPS = tuple(".!?。！？…؟۔\"”»’'」")  # and Arabic's question mark, Urdu's full stop, a Japanese quote's end


def descriptions(html: str) -> list[str]:
    """What the page's metadata says the article is about, each wording once."""
    found = [unescape(a or b) for a, b in _DESCRIPTION.findall(html)]
    found += [item["description"] for item in json_ld(html) if isinstance(item.get("description"), str)]
    return list(dict.fromkeys(" ".join(unescape(text).split()) for text in found if text.strip()))


def with_standfirst(html: str, text: str) -> str:
    """`text` with the page's standfirst before its first paragraph, when the page shows its
    description whole above that paragraph and the text lacks it; else `text` as it is."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if _paragraph(line)), None)
    if first is None:
        return text
    page = shown_text(html)
    where = page.find(" ".join(lines[first].split()[:8]))  # the extractor's headline may come before it
    if where < 0:
        return text
    flat = " ".join(text.split())
    for description in descriptions(html):
        if count_words(description) < MIN_WORDS or description.endswith(("...", "…")):
            continue
        at = page.find(description)
        if 0 <= at < where and description not in flat:
            return "\n".join([*lines[:first], description, *lines[first:]])
    return text
