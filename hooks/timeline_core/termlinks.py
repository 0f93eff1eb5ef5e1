"""Linking glossary terms where a text first mentions them.

Works on the safe HTML the Markdown renderer made: only text between tags is
searched, never inside links or code, and each term is linked once per text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import escape

from .model import Term

_TAG = re.compile(r"(<[^>]+>)")


@dataclass(frozen=True)
class TermPattern:
    term: Term
    pattern: re.Pattern


def term_patterns(terms: tuple[Term, ...]) -> tuple[TermPattern, ...]:
    """One pattern per term, for its name and aliases, longest names first so they win."""
    made = []
    for term in terms:
        names = sorted({term.term, *term.aliases}, key=len, reverse=True)
        alternatives = "|".join(re.escape(name) for name in names)
        # a plural ending still names the term: "rankings" links "ranking"
        made.append(TermPattern(term, re.compile(rf"(?<![\w-])({alternatives})(?:e?s)?(?![\w-])", re.IGNORECASE)))
    return tuple(sorted(made, key=lambda p: -max(len(n) for n in (p.term.term, *p.term.aliases))))


def mentioned(text: str, patterns: tuple[TermPattern, ...]) -> tuple[str, ...]:
    """Ids of the terms a plain text mentions."""
    return tuple(p.term.id for p in patterns if p.pattern.search(text))


def link_terms(html: str, patterns: tuple[TermPattern, ...], href: Callable[[Term], str],
               linked: set[str] | None = None) -> str:
    """Link the first mention of each term in `html`, with its definition as the link's title.

    Pass the same `linked` set for several fragments of one text (an explainer section's
    sentences) so that each term is linked only where the text first mentions it.
    """
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


def _link_text(text: str, patterns: tuple[TermPattern, ...], href: Callable[[Term], str],
               linked: set[str]) -> str:
    found = []
    for term_pattern in patterns:
        if term_pattern.term.id not in linked and (match := term_pattern.pattern.search(text)):
            found.append((match.start(), -len(match.group(0)), match, term_pattern.term))
    pieces, position = [], 0
    for start, _, match, term in sorted(found, key=lambda f: f[:2]):
        if start < position:
            continue  # overlaps a longer term already linked here
        title = escape(_plain(term.definition.html))
        pieces += [text[position:start],
                   f'<a class="tl-term-link" href="{escape(href(term))}" title="{title}">{match.group(0)}</a>']
        position = match.end()
        linked.add(term.id)
    return "".join(pieces) + text[position:]


def _plain(html: str) -> str:
    """Text of a small HTML fragment, for a title attribute."""
    text = _TAG.sub("", html)
    return re.sub(r"\s+", " ", text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                  .replace("&quot;", '"').replace("&#39;", "'")).strip()
