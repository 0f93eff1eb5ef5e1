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
from .fetch import ArchiveError

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


def extract_article(html: str, url: str | None, min_words: int = MIN_WORDS) -> Article:
    """The article of a page; ArchiveError when what is left is too short to be one."""
    import trafilatura

    body = trafilatura.extract(
        html,
        url=url,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
        fast=True,  # no second opinion from the fallback extractors: it halves the time, same text on news pages
    )
    words = count_words(body) if body else 0  # Chinese and Japanese have no spaces to count by
    if words < min_words:
        raise ArchiveError(
            f"the page holds only {words} words of article text, which looks like a paywall, a teaser or "
            "a page drawn by script rather than the article. Open it in a browser (logged in if need be), "
            "save it (File → Save Page As…, as .html) and run `uv run timeline source add SAVED.html --url URL`; "
            f"if the article really is that short, pass --min-words {max(words, 1)}"
        )
    meta = trafilatura.extract_metadata(html, default_url=url)
    title = _plain(meta.title) if meta else None
    published, how = publication_date(html, url)
    text = clean_text(body or "")
    if title and text.split("\n", 1)[0] != title:
        text = f"{title}\n{text}"
    return Article(
        text=text,
        title=title,
        author=(_plain(meta.author) if meta else None) or meta_author(html),
        site_name=_plain(meta.sitename) if meta else None,
        host=meta.hostname if meta else None,
        canonical_url=meta.url if meta and meta.url and meta.url != url else None,
        published=published,
        published_how=how,
        licence=_plain(meta.license) if meta else None,
        language=page_language(html),
    )


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
