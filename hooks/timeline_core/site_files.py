"""Every file a build adds to the site: the generated pages, the exports and the archived sources.

The one list both builders take: the MkDocs hooks append each entry to MkDocs' files, and
anything else that builds the site can write the same entries to a folder.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .data.load import LoadResult
from .exports import EXPORTS, Published, export_files
from .gcpause import paused_gc
from .memo import Memo
from .pages.paging import Layout
from .pages.render import render_site
from .pages.search import SearchSection
from .pages.structure import in_a_folder
from .pages.urls import Site
from .twocores import made_beside, worth_two_processes


@dataclass(frozen=True)
class SiteFile:
    """A file of the site, by its path under docs/: its text, or the file it is copied from."""

    path: str
    text: str = ""
    copy_of: Path | None = None  # when set, the file is this one, copied as it is
    off_nav: bool = False  # reached by links only, never listed in the navigation
    search: tuple[SearchSection, ...] = ()  # a page's search entries that come from the model
    later: Callable[[], str] | None = None  # the text, still being made beside: call it to wait for it
    box: str | None = None  # a template's page: the problems box, for the marker in its text (pages/problembox)

    def content(self) -> str:
        """The file's text; one still being made beside (a big cold build's exports) is waited for."""
        return self.later() if self.later is not None else self.text


def site_files(
    result: LoadResult,
    root: Path,
    site: Site,
    published: Published,
    layout: Layout,
    cache: jinja2.BytecodeCache | None = None,
    memo: Memo | None = None,
) -> tuple[SiteFile, ...]:
    """Pages (Markdown), exports (data) and archives (copied as they are), in a stable order.

    With a `memo` (see memo.py), what the same inputs made in an earlier build is reused.
    """
    with paused_gc():
        return _site_files(result, root, site, published, layout, cache, memo)


def _site_files(
    result: LoadResult,
    root: Path,
    site: Site,
    published: Published,
    layout: Layout,
    cache: jinja2.BytecodeCache | None,
    memo: Memo | None,
) -> tuple[SiteFile, ...]:
    def exported() -> dict[str, str]:
        return export_files(result.timeline, published, site, memo, layout.feed_entries)

    # A big cold build makes the exports in a process of their own while the pages are worked out
    # and rendered, and hands them on unwaited for: MkDocs needs them only when it copies the
    # site's files, after every page's Markdown, when this process leaves the second core idle.
    beside = memo is None and worth_two_processes(len(result.timeline.events))
    made = functools.cache(made_beside(exported)) if beside else None
    pages = [
        SiteFile(page.src, page.text, off_nav=in_a_folder(page.src), search=page.search, box=page.box)
        for page in render_site(result, site, layout, cache, memo)
    ]
    if made is None:
        exports = [SiteFile(name, text) for name, text in exported().items()]
    else:
        exports = [SiteFile(name, later=functools.partial(_exported, made, name)) for name, _ in EXPORTS]
    archives = [
        SiteFile(source.archive, copy_of=root / source.archive)
        for source in result.timeline.sources
        if source.id in result.timeline.archives and source.full_text  # the others stay in the repository
    ]
    return (*pages, *exports, *archives)


def _exported(made: Callable[[], dict[str, str]], name: str) -> str:
    return made()[name]
