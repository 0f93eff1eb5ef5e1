"""The article in a saved or fetched page: its text as a reader sees it, and what the page says about it.

trafilatura finds the main text and the metadata (JSON-LD, Open Graph, meta tags), htmldate the
publication date; both are the field's standard tools. They are imported here only, so nothing
else pays for them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html import unescape

from ..model.text import count_words, language_tag
from .boilerplate import without_boilerplate
from .chunks import with_later_chunks
from .metadata import (
    byline_author,
    clean_author,
    headline,
    original_publisher,
    other_dates,
    page_addresses,
    page_tags,
    published_metadata,
    text_byline,
    visible_headline,
)
from .standfirst import with_standfirst
from .teaser import stated_words, teaser_reason

MIN_WORDS = 80  # fewer than this is a teaser, a paywall or a page built by script, not an article
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")


@dataclass(frozen=True)
class Article:
    text: str  # as archived: the headline (when known) on the first line, then one paragraph per line
    title: str | None
    author: str | None
    site_name: str | None
    host: str | None
    canonical_url: str | None
    published: str | None  # YYYY-MM-DD
    published_how: str | None  # how the date was found, for published_note
    licence: str | None
    language: str | None = None  # the page's own <html lang>, as a BCP 47 tag
    left_out: tuple[str, ...] = ()  # lines of the article's text taken as notices (boilerplate.py)
    short: str | None = None  # why the text found is too short to be the article, if it is
    original_publisher: str | None = None  # who the page says the article comes from ("来源：半月谈")


def decode_html(body: bytes, charset: str | None = None) -> str:
    """The page's text, in the encoding it declares (or the one it looks like)."""
    from trafilatura.utils import decode_file

    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong header: let the page's own declaration or the detector decide
    return decode_file(body)


def clean_text(text: str) -> str:
    """Text an archive can hold: NFC, no control characters or tabs, one paragraph per line, no blank runs."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    lines = [re.sub(r"[ \u00a0]{2,}", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line) + "\n"


def _extract(html: str, url: str | None, fast: bool) -> str:
    import trafilatura

    return (
        trafilatura.extract(
            html,
            url=url,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            include_images=False,
            favor_precision=fast,
            deduplicate=False,
            fast=fast,
        )
        or ""
    )


def _long_enough(text: str, min_words: int) -> bool:
    """At least `min_words` words: counted by spaces first (cheap on a long page), by the text
    module when that falls short (Chinese and Japanese have no spaces to count by)."""
    return len(text.split()) >= min_words or count_words(text) >= min_words


def article_text(html: str, url: str | None, min_words: int) -> str:
    """The article's text: the fast pass first (the fallback extractors halve the speed and give
    the same text on most news pages), the full one when the fast pass finds too little (a page
    whose article it mistook for a menu, or less than the page's own word count says), then
    without the notices of `boilerplate.py`."""
    body = _extract(html, url, fast=True)
    stated = stated_words(html)
    part = stated is not None and count_words(body) < FULL_SHARE * stated
    if part or not _long_enough(body, min_words):
        fuller = _extract(html, url, fast=False)
        more = count_words(fuller)
        if more > count_words(body) and (part or more >= min_words):
            body = fuller  # else what the fast pass found says more plainly why not
    return with_later_chunks(html, body)


FULL_SHARE = 0.8  # less than this share of the page's stated word count: the full pass looks again


def too_short(words: int, found: str, saved: bool, reason: str) -> str:
    """Why too little text is not an article, with what was found, so the contributor sees whether
    it was a cookie banner; a saved page is not told to be saved."""
    first = " ".join(found.split()[:25]) + ("…" if len(found.split()) > 25 else "")
    shown = f' It starts: "{first}".' if first else ""
    advice = (
        "If the article is on the page in a browser, the page draws it by script and the saved copy lacks it: "
        "copy the article's text from the browser into a .txt file and add that with --url, --title and --publisher"
        if saved
        else "Open it in a browser (logged in if need be), save it (File → Save Page As…, as .html) and run "
        "`uv run timeline source add SAVED.html --url URL`"
    )
    return (
        f"the page holds only {words} words of article text, which looks like a paywall, a teaser or a page "
        f"drawn by script rather than the article ({reason}).{shown} {advice}; pass --min-words only if the "
        f"article really is that short (it is {words} words)"
    )


def extract_article(html: str, url: str | None, min_words: int = MIN_WORDS, saved: bool = False) -> Article:
    """The article of a page, and its metadata; `short` says why, when what is left is too short to
    be the article (the caller reports it with every other problem of the run)."""
    import trafilatura

    body = article_text(html, url, min_words)
    text, left_out = without_boilerplate(
        clean_text(with_standfirst(html, body)) if body.strip() else "", page_tags(html)
    )
    words = count_words(text)
    reason = teaser_reason(html, words, min_words)
    short = too_short(words, text, saved, reason) if reason else None
    meta = trafilatura.extract_metadata(html, default_url=url)
    names = [name for name in ((_plain(meta.sitename) if meta else None), (meta.hostname if meta else None)) if name]
    title = headline(html, _plain(meta.title) if meta else None, names, text)
    stated = published_metadata(html, url)
    published, how = (stated.day, f"found in {stated.how}") if stated else publication_date(html, url)
    if published and how:
        how += other_dates(html, published)
    author = clean_author((_plain(meta.author) if meta else None) or meta_author(html), names, html)
    author = author or byline_author(html, tuple(names)) or text_byline(html, tuple(names))
    text = clean_text(text)
    top = [line.strip() for line in text.split("\n")[:3]]
    if title and title not in top and visible_headline(html, title):
        text = f"{title}\n{text}"
    return Article(
        text=text,
        title=title,
        author=author,
        site_name=_plain(meta.sitename) if meta else None,
        host=meta.hostname if meta else None,
        canonical_url=_canonical(html, meta.url if meta else None, url),
        published=published,
        published_how=how,
        licence=_plain(meta.license) if meta else None,
        language=page_language(html),
        left_out=left_out,
        short=short,
        original_publisher=original_publisher(html),
    )


def _canonical(html: str, found: str | None, url: str | None) -> str | None:
    """The address the page gives itself (its canonical link or og:url, in its head or, as some
    pages have it, in its body), when it is not the one given."""
    found = found or next(iter(page_addresses(html)), None)
    return found if found and found != url else None


_META_AUTHOR = re.compile(r"<meta\b(?=[^>]*\bname\s*=\s*[\"']author[\"'])[^>]*\bcontent\s*=\s*\"([^\"]+)\"", re.I)


def meta_author(html: str) -> str | None:
    """The author a page's <meta name="author"> gives, as written: trafilatura passes over a name
    of one word, as Chinese, Japanese and Korean names are written (김민준, 李明)."""
    found = _META_AUTHOR.search(html[:65536])
    return _plain(unescape(found.group(1))) if found else None


_HTML_LANG = re.compile(r"<html\b[^>]*?\slang\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.I)


def page_language(html: str) -> str | None:
    """The language a page declares on its <html> element, as a BCP 47 tag, if it declares one."""
    found = _HTML_LANG.search(html[:4096])
    return language_tag(found.group(1)) if found else None


def publication_date(html: str, url: str | None) -> tuple[str | None, str | None]:
    """The original publication day, and how it was found: markup first, the page's text only if need be."""
    from htmldate import find_date

    found = find_date(html, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    if found:
        return found, "found by htmldate in the page's metadata or markup"
    found = find_date(html, url=url, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    if found:
        return found, "guessed by htmldate from a date in the page's text or address: check it against the article"
    return None, None


def _plain(value: str | None) -> str | None:
    """One line of metadata, or None when the page gives nothing usable."""
    if not value:
        return None
    line = " ".join(_CONTROL.sub("", unicodedata.normalize("NFC", value)).split())
    return line or None
