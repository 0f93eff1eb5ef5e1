"""What `mkdocs serve` keeps of a finished page, so an unchanged page is not made again.

A generated page's final HTML depends on its Markdown (which holds everything our templates
put in it) and on what every page shares: the config, the hand-written `docs/` (theme
overrides, CSS, scripts), the navigation, the site's address and the build's date. Keyed by
all of these, a page served before is written as it was, with the anchors MkDocs checks links
against and its search entries; anything else about it changed means it is built again.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path

# The theme template a page served from the memo is given: it renders next to nothing, since
# the hooks put the kept HTML in its place (docs/overrides/).
KEPT_PAGE_TEMPLATE = "timeline-kept-page.html"


@dataclass(frozen=True)
class KeptPage:
    html: str  # the page as written, after the hooks' hardening, with the problems box's marker (pages/problembox)
    anchors: frozenset[str]  # the ids links into it may point at
    entries: tuple[dict, ...]  # its search entries, as the index holds them (never changed after)


def site_fingerprint(
    config_file: Path, site_url: str, docs_dir: Path, nav: Iterable[tuple[str, str]], catalogs: Hashable = ()
) -> tuple:
    """Everything besides its own Markdown that shapes a generated page's HTML (`catalogs`: the
    words the frame is said in, words/chrome.py)."""
    docs = tuple(
        (str(path.relative_to(docs_dir)), path.read_bytes()) for path in sorted(docs_dir.rglob("*")) if path.is_file()
    )
    return (config_file.read_bytes(), site_url, os.environ.get("SOURCE_DATE_EPOCH"), docs, tuple(nav), catalogs)


def entries_of_page(entries: list[dict], url: str) -> tuple[dict, ...]:
    """The entries at the end of a search index that belong to the page at `url` (the search
    plugin and the hooks add a page's entries together, right after reading it)."""
    found: list[dict] = []
    for entry in reversed(entries):
        location = entry["location"]
        if location != url and not location.startswith(f"{url}#"):
            break
        found.append(entry)
    return tuple(reversed(found))
