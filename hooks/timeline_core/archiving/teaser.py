"""Whether a short text is the whole article or a teaser: by what the page says, not by length alone.

A short news item, a notice or a post of sixty words is an article; a paywall's first paragraph is
not. So a text shorter than `--min-words` is refused only when the page shows a paywall's signs
(its "Subscribe to keep reading", its JSON-LD's `isAccessibleForFree: false`) or holds next to
nothing (a page drawn by script); and a longer one is a teaser when the page says it is not free
and holds less than a short article, or when the page's own word count says the text is a part.
"""

from __future__ import annotations

import re

from .metadata import json_ld, shown_text

NEXT_TO_NOTHING = 20  # words: a page drawn by script, a cookie banner
TEASER_WORDS = 150  # a page that says it is not free and holds fewer words than this is a teaser
PART = 0.5  # the share of the page's stated word count below which the text found is a part

_SIGNS = re.compile(
    r"subscribe to (keep|continue) reading|to continue reading|already a subscriber|this (article|content) is "
    r"(only )?for subscribers|subscribers only|réservé aux abonnés|article réservé|nur für abonnenten|"
    r"weiterlesen mit|exclusivo para suscriptores|contenido exclusivo|exclusivo para assinantes|"
    r"conteúdo exclusivo|только для подписчиков|订阅后阅读|登录后阅读|会員限定|유료 회원|للمشتركين فقط",
    re.I,
)
NOT_FREE = "the page's JSON-LD says it is not free to read (isAccessibleForFree: false)"


def not_free(html: str) -> bool:
    """Whether the page's JSON-LD says its article is not free to read."""
    return any(str(item.get("isAccessibleForFree", "")).strip().lower() == "false" for item in json_ld(html))


def stated_words(html: str) -> int | None:
    """The word count the page's JSON-LD gives its article, if any."""
    for item in json_ld(html):
        count = item.get("wordCount")
        if isinstance(count, int) or (isinstance(count, str) and count.strip().isdigit()):
            return int(count)
    return None


def paywall_sign(html: str) -> str | None:
    """What on the page says its article is behind a paywall: a phrase it shows, or its JSON-LD."""
    if found := _SIGNS.search(shown_text(html)):
        return f'the page says "{found.group(0)}"'
    return NOT_FREE if not_free(html) else None


def teaser_reason(html: str, words: int, min_words: int) -> str | None:
    """Why a text of `words` words is not the whole article, or None when it may be."""
    if words < NEXT_TO_NOTHING and words < min_words:
        return "next to nothing"
    if words < min_words:
        return paywall_sign(html)
    stated = stated_words(html)
    if stated and words < PART * stated:
        return f"the page says its article has {stated} words"
    return NOT_FREE if words < TEASER_WORDS and not_free(html) else None
