"""Linking glossary terms where a text first mentions them.

Works on the safe HTML the Markdown renderer made: only text between tags is
searched, never inside links or code, and each term is linked once per text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model.records import Event, Term
from .pieces import escaped

_TAG = re.compile(r"(<[^>]+>)")


@dataclass(frozen=True)
class TermPatterns:
    """Every term's name and aliases in one pattern, longest first, so one search finds them all."""

    pattern: re.Pattern | None
    by_name: dict[str, Term]  # lowercased name or alias -> term


def term_patterns(terms: tuple[Term, ...]) -> TermPatterns:
    by_name = {name.lower(): term for term in terms for name in (term.term, *term.aliases)}
    if not by_name:
        return TermPatterns(None, {})
    names = sorted(by_name, key=lambda n: (-len(n), n))
    alternatives = "|".join(re.escape(name) for name in names)
    # a plural ending still names the term: "rankings" links "ranking"
    return TermPatterns(re.compile(rf"(?<![\w-])({alternatives})(?:e?s)?(?![\w-])", re.IGNORECASE), by_name)


def mentioned(text: str, patterns: TermPatterns) -> tuple[str, ...]:
    """Ids of the terms a plain text mentions, in order of first mention."""
    if patterns.pattern is None:
        return ()
    return tuple(dict.fromkeys(patterns.by_name[m.group(1).lower()].id for m in patterns.pattern.finditer(text)))


def terms_of(event: Event, patterns: TermPatterns) -> tuple[str, ...]:
    """The glossary terms an event uses: those it lists, then those its text mentions."""
    return tuple(dict.fromkeys((*event.terms, *mentioned(f"{event.title} {event.summary.source}", patterns))))


def link_terms(html: str, patterns: TermPatterns, href: Callable[[Term], str], linked: set[str] | None = None) -> str:
    """Link the first mention of each term in `html`, with its definition as the link's title.

    Pass the same `linked` set for several fragments of one text (an explainer section's
    sentences) so that each term is linked only where the text first mentions it.
    """
    if patterns.pattern is None:
        return html
    linked = set() if linked is None else linked
    out: list[str] = []
    skip = 0  # depth inside <a> or <code>, where nothing is linked
    for part in _TAG.split(html):
        if part.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            if name and name.group(1).lower() in ("a", "code"):
                skip += -1 if part.startswith("</") else 1
            out.append(part)
        elif skip:
            out.append(part)
        else:
            out.append(_link_text(part, patterns, href, linked))
    return "".join(out)


def _link_text(text: str, patterns: TermPatterns, href: Callable[[Term], str], linked: set[str]) -> str:
    if patterns.pattern is None:  # link_terms does not call it then
        return text
    pieces, position = [], 0
    for match in patterns.pattern.finditer(text):
        term = patterns.by_name[match.group(1).lower()]
        if term.id in linked:
            continue
        title = escaped(_plain(term.definition.html))
        pieces += [
            text[position : match.start()],
            f'<a class="tl-term-link" href="{escaped(href(term))}" title="{title}">{match.group(0)}</a>',
        ]
        position = match.end()
        linked.add(term.id)
    return "".join(pieces) + text[position:]


def _plain(html: str) -> str:
    """Text of a small HTML fragment, for a title attribute."""
    text = _TAG.sub("", html)
    return re.sub(
        r"\s+",
        " ",
        text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&#39;", "'"),
    ).strip()
