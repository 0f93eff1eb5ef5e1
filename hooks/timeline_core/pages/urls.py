"""Where generated pages live and how one page links to another.

Links inside generated HTML are not rewritten by MkDocs, so they are made
relative here, for either setting of MkDocs' `use_directory_urls`.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass

TIMELINE_PAGE = "timeline.md"
GLOSSARY_PAGE = "glossary.md"
SOURCES_PAGE = "sources.md"
ENTITIES_PAGE = "entities.md"
HOME_PAGE = "index.md"
TAGS_PAGE = "tags/index.md"  # in a folder, like the pages it lists, so it stays out of the nav
TIMELINE_FOLDER = "timeline"  # the timeline's period pages, when it is split
EVENT_MAP = "timeline/event-pages.json"  # where each event lives, when the timeline is split


def entity_page(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def tag_page(tag: str) -> str:
    return f"tags/{tag}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


@dataclass(frozen=True)
class Site:
    use_directory_urls: bool = True
    base_url: str = ""  # the published address (site_url), ending in "/", for absolute links

    def absolute(self, src: str, anchor: str = "") -> str:
        """An absolute URL, for feeds, calendars and structured data."""
        return self.base_url + self.url(src) + (f"#{anchor}" if anchor else "")

    def url(self, src: str) -> str:
        """The site-relative URL of a page (`timeline.md`) or file (`seeds/a.txt`)."""
        if not src.endswith(".md"):
            return src
        stem = src[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")]
        return f"{stem}/" if self.use_directory_urls else f"{stem}.html"

    def link(self, from_src: str, to_src: str, anchor: str = "") -> str:
        """A relative link from one page to another page, file or anchor."""
        return self._relative(from_src, to_src) + (f"#{anchor}" if anchor else "") or "./"

    @functools.lru_cache(maxsize=65536)  # pages link to the same few pages thousands of times
    def _relative(self, from_src: str, to_src: str) -> str:
        here = self.url(from_src)
        target = self.url(to_src)
        base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
        if target == here:
            relative = ""
        else:
            relative = posixpath.relpath(target or ".", base.rstrip("/") or ".")
            if target.endswith("/") or not target:
                relative = relative.rstrip("/") + "/"
        return relative
