"""Where generated pages live and how one page links to another.

Links inside generated HTML are not rewritten by MkDocs, so they are made
relative here, for either setting of MkDocs' `use_directory_urls`.
"""

from __future__ import annotations

import contextlib
import functools
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

TIMELINE_PAGE = "timeline.md"
GLOSSARY_PAGE = "glossary.md"
SOURCES_PAGE = "sources.md"
ENTITIES_PAGE = "entities.md"
HOME_PAGE = "index.md"
CHANGES_PAGE = "changes.md"  # the corrections log, in the navigation
TAGS_PAGE = "tags/index.md"  # in a folder, like the pages it lists, so it stays out of the nav
TIMELINE_FOLDER = "timeline"  # the timeline's period pages, when it is split
EVENT_MAP = "timeline/event-pages.json"  # where each event lives, when the timeline is split


def entity_page(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def tag_page(tag: str) -> str:
    return f"tags/{tag}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL of a page (`timeline.md`) or file (`seeds/a.txt`)."""
    if not src.endswith(".md"):
        return src
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


@functools.lru_cache(maxsize=65536)  # pages link to the same few pages thousands of times
def relative_link(from_src: str, to_src: str, use_directory_urls: bool = True, from_source: bool = False) -> str:
    """A link from one page to another page or file, relative, as it must be inside generated HTML:
    from the page's address, or with `from_source` from its Markdown file's folder, for a builder
    (Zensical) that rewrites every relative link in a page as one written in its source."""
    here = page_url(from_src, use_directory_urls)
    target = page_url(to_src, use_directory_urls)
    if target == here:
        return ""
    if from_source:
        base = posixpath.dirname(from_src) + "/"
    else:
        base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    relative = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if target.endswith("/") or not target:
        relative = relative.rstrip("/") + "/"
    return relative


@dataclass(frozen=True)
class Site:
    """Where the site lives (`base_url`, from site_url) and how its pages are addressed."""

    use_directory_urls: bool = True
    base_url: str = ""  # the published address (site_url), ending in "/", for absolute links
    links_from_source: bool = False  # relative links as a source file writes them (see relative_link)
    language: str = "en"  # the reader's: theme.language, which picks the catalog (words/catalogs.py)
    name: str = ""  # site_name, as an embed's oEmbed names its provider
    repository: str = ""  # extra.timeline.repository: where the issue forms are (see paging.Layout)

    def absolute(self, src: str, anchor: str = "") -> str:
        """An absolute URL, for feeds, calendars and structured data."""
        return self.base_url + self.url(src) + (f"#{anchor}" if anchor else "")

    def url(self, src: str) -> str:
        """The site-relative URL of a page (`timeline.md`) or file (`seeds/a.txt`)."""
        return page_url(src, self.use_directory_urls)

    def link(self, from_src: str, to_src: str, anchor: str = "") -> str:
        """A relative link from one page to another page, file or anchor."""
        link = relative_link(from_src, to_src, self.use_directory_urls, self.links_from_source)
        return link + (f"#{anchor}" if anchor else "") or "./"


_ENCODED_RUN = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")


def shown_url(url: str) -> str:
    """An address as a reader reads it: letters of any script as themselves, not percent-encoded
    (`/%D8%A7%D9%84%D8%B3` shows as `/الس`), a host's punycode decoded; only the link keeps the
    encoded form. Anything that does not decode cleanly stays as it is."""

    def decoded(run: re.Match[str]) -> str:
        try:
            text = bytes.fromhex(run.group(0).replace("%", "")).decode("utf-8")
        except UnicodeDecodeError:
            return run.group(0)
        # spaces, controls and direction marks stay encoded: shown, they could disguise the address
        hidden = any(unicodedata.category(char)[0] in "CZ" for char in text)
        return run.group(0) if hidden else text

    parts = urlsplit(url)
    host = parts.netloc
    if "xn--" in host:
        with contextlib.suppress(UnicodeError):  # not valid punycode: shown as it is
            host = host.encode("ascii").decode("idna")
    rest = [_ENCODED_RUN.sub(decoded, part) for part in (parts.path, parts.query, parts.fragment)]
    return urlunsplit((parts.scheme, host, *rest))
