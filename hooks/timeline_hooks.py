"""MkDocs hooks: the only Python file mkdocs.yml names.

It wires MkDocs' events to `timeline_core` and does nothing else. `mkdocs serve` imports
it once and reruns the events on every rebuild, so the data is read afresh inside
`on_files` each time; the only results kept between builds are serve's `Memo`'s, keyed by their
inputs' content and so never stale (besides it, serve keeps its data folders' watcher and the
garbage collection due once a rebuild is shown). What one event hands to a later
one in a build is in one object (`_BuildState`), never on MkDocs' objects, and Material's search
index is read in one place (`_search_entries`). A big cold build hands every other generated page
to a forked child for MkDocs' page phase (`_build_beside`, with `twocores`).
"""

from __future__ import annotations

import copy
import functools
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import markdown
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from timeline_core import twocores
from timeline_core.data.history import commit_epoch, git_paths_to_watch
from timeline_core.data.load import load_timeline
from timeline_core.data.siteurl import is_placeholder
from timeline_core.gcpause import collect_later, hold_collection, nothing_collected_at_exit, paused_gc, thaw
from timeline_core.memo import Fixed, Memo, fixed, remember
from timeline_core.pages.hardening import harden_page
from timeline_core.pages.problembox import box_in_html
from timeline_core.pages.rawblocks import Split, block_ids, join_blocks, join_later, split_blocks
from timeline_core.pages.render import template_cache
from timeline_core.pages.search import add_to_index, segment_index, without_search_attributes
from timeline_core.served import KEPT_PAGE_TEMPLATE, KeptPage, entries_of_page, site_fingerprint
from timeline_core.settings import settings_of
from timeline_core.site_files import SiteFile, site_files
from timeline_core.words.catalogs import catalogs_bytes
from timeline_core.words.chrome import frame_in_language, frame_words, nav_in_language
from timeline_core.words.reader import Words, words_for

if TYPE_CHECKING:  # watching imports watchdog (15-20 ms), which only `mkdocs serve` needs
    from timeline_core.watching import Watching

# Under `mkdocs.` so that `mkdocs build --strict` counts these messages.
log = logging.getLogger("mkdocs.hooks.timeline")


def _words(config: MkDocsConfig) -> Words:
    return words_for(config.theme.get("language") or "en")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Date the build by its commit, so two builds of one commit are byte-identical; say the
    frame's configured words (copyright, palette names, permalink title) in the reader's language."""
    global _dated
    if _memo is not None:  # serving: no collection during a rebuild, one after it (see gcpause)
        if _collection is not None:
            _collection.cancel()
        hold_collection()
    # Ours to set (the build's commit) unless the environment gave it; while serving, a new commit
    # dates the next build anew.
    if "SOURCE_DATE_EPOCH" not in os.environ or os.environ["SOURCE_DATE_EPOCH"] == _dated:
        epoch = commit_epoch(Path(config.config_file_path).parent)
        if epoch is not None:
            _dated = os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
        elif _dated is not None:
            del os.environ["SOURCE_DATE_EPOCH"]
            _dated = None
    palette = config.theme.get("palette") or []
    palettes = palette if isinstance(palette, list) else [palette]
    toc = config.mdx_configs.get("toc", {}) if "toc" in config.markdown_extensions else {}
    words = _words(config)  # read once: each call reads the catalog's bytes
    config.copyright = frame_in_language(words, config.copyright, palettes, toc)
    config.nav = nav_in_language(words, config.nav)
    config.extra["timeline_words"] = frame_words(words, config.site_name)
    return config


# The one thing kept between builds: what `mkdocs serve`'s builds made, by inputs (see memo.py).
# MkDocs keeps a hooks module for the whole serve and calls on_startup once before its first
# build; a plain `mkdocs build` keeps nothing, so it is always a cold build.
_memo: Memo | None = None


_dated: str | None = None  # the SOURCE_DATE_EPOCH on_config set, so that it can be set anew
_dirty = False  # `mkdocs build --dirty`: MkDocs skips pages, so none is built beside

# While serving: the data folders' watcher (for the whole serve), and the collection due after a
# rebuild (see gcpause.collect_later), put off while another rebuild runs.
_watching: Watching | None = None
_collection: threading.Timer | None = None


@dataclass
class _PageState:
    """What one event of a page hands to a later one (kept here, not on MkDocs' page object)."""

    split: Split | None = None  # the page's raw blocks, taken out of Markdown's way
    later: frozenset[int] = frozenset()  # the blocks put back after the search plugin read the page
    key: tuple | None = None  # while serving: what a kept copy of the page is found by
    kept: KeptPage | None = None  # while serving: the page as built before, written as it was
    entries: tuple = ()  # while serving: the page's search entries, kept with it
    beside: int | None = None  # a big cold build: the page's number among those a child builds
    template: str | None = None  # its own `template:` (the one it is built with there, or here)
    context: Any = None  # the template's context, for building it here if the child fails


@dataclass
class _BuildState:
    """Everything one build's hooks hand from event to event, made anew by on_files."""

    pages: dict[str, _PageState] = field(default_factory=dict)  # by the page's source path
    search: dict[str, tuple] = field(default_factory=dict)  # a generated page's entries, by its path
    site: Fixed | None = None  # while serving: what every generated page depends on (see served)
    nav: Any = None  # the site's navigation, for the pages built beside
    env: Any = None  # the theme's Jinja environment
    beside: twocores.InTurn | None = None  # a big cold build: the child building every other generated page
    markdown: Any = None  # the Markdown instance that converts every generated page (see _BuiltPage)
    later: list[tuple[File, SiteFile]] = field(default_factory=list)  # files whose text is still being made
    box: str = ""  # the problems box, put in each generated page's HTML last (see pages/problembox)

    def page(self, page) -> _PageState:
        return self.pages.setdefault(page.file.src_uri, _PageState())


_build = _BuildState()


def on_serve(server, config: MkDocsConfig, builder):
    """Rebuild on a commit too: the Changes page and the cards' 'Updated' lines come from git, and a
    commit (a `Correction:`) changes no file that MkDocs watches. The folders mkdocs.yml's `watch:`
    names (timeline/ with its thousands of events) are watched by the system's file events, and
    MkDocs' polling watcher polls one stamp file for them (see watching)."""
    global _watching
    from timeline_core.watching import watch_by_events

    root = Path(config.config_file_path).parent
    for path in git_paths_to_watch(root):
        server.watch(str(path))
    folders = [Path(path) for path in config.watch if Path(path).is_dir()]
    signal = root / ".cache" / "timeline" / "changes"
    _watching = watch_by_events(folders, signal, functools.partial(_tell_mkdocs, server, signal))
    if _watching is not None:  # MkDocs watches config.watch after this event
        config.watch = [path for path in config.watch if Path(path) not in _watching.folders]
        server.watch(str(signal))
    return server


def _tell_mkdocs(server, folder: Path) -> bool:
    """Tell MkDocs' watcher that a file in `folder` (which it watches) changed, as its own poll
    would: an event on its observer's queue, through watchdog's public interface. False where that
    is not there (another MkDocs or watchdog): the change is then stamped in the folder and polled."""
    try:
        from watchdog.events import FileModifiedEvent
        from watchdog.observers.api import ObservedWatch

        from timeline_core.watching import STAMP

        watched = ObservedWatch(os.path.abspath(folder), recursive=True)  # as server.watch scheduled it
        server.observer.event_queue.put((FileModifiedEvent(os.path.join(watched.path, STAMP)), watched))
    except (AttributeError, TypeError, ImportError):
        return False
    return True


def on_startup(command: str, dirty: bool) -> None:
    global _memo, _dirty
    nothing_collected_at_exit()  # `mkdocs build` and `serve` end their process
    _memo = Memo() if command == "serve" else None
    _dirty = dirty


def on_build_error(error: Exception) -> None:
    """A failed rebuild while serving: its collection is still due (and turns the collector on).
    A failed cold build ends the child building pages beside it and thaws what it froze."""
    global _collection
    if _build.beside is not None:
        _build.beside.stop()
    if _memo is not None:
        _collection = collect_later(0.5)
    else:
        thaw()


def on_shutdown() -> None:
    global _memo, _watching
    _memo = None
    if _watching is not None:
        _watching.stop()
        _watching = None
    if _collection is not None:
        _collection.cancel()


def _serving(config: MkDocsConfig) -> bool:
    """`mkdocs serve` points site_url at its own address, and injects an inline live-reload script."""
    host, port = config.dev_addr
    return urlsplit(config.site_url or "").netloc == f"{host}:{port}"


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Add the Content-Security-Policy (not while serving: live reload is an inline script)."""
    state = _build.page(page)
    if state.kept is not None:
        return box_in_html(state.kept.html, _build.box)
    if state.beside is not None and _build.beside is not None:
        if _build.beside.made(state.beside):  # built, hardened, boxed and written there: written again as is
            return Path(page.file.abs_dest_path).read_bytes().decode("utf-8")
        page.meta.pop("template", None)  # as MkDocs would have built it (the theme reads page.meta)
        if state.template is not None:
            page.meta["template"] = state.template
        output = _build.env.get_template(state.template or "main.html").render(state.context)
    output = harden_page(output, config.site_url or "", with_policy=not _serving(config))
    if _memo is not None and state.key is not None:
        _memo.keep("page html", state.key, KeptPage(output, frozenset(page.present_anchor_ids or ()), state.entries))
    return box_in_html(output, _build.box) if page.file.generated_by is not None else output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (404.html) get the same policy as every other page."""
    if template_name.endswith(".html"):
        return harden_page(output_content, config.site_url or "", with_policy=not _serving(config))
    return output_content


def _search_entries(config: MkDocsConfig) -> list | None:
    """The entries of Material's search index, if the site has one: our model blocks' entries go
    straight into them. The one place that reads the plugin's inside (its `search_index.entries`,
    not a documented interface): a Material that changes it turns search entries off, not the build."""
    plugin = config.plugins.get("material/search")
    index = getattr(plugin, "search_index", None)
    enabled = getattr(getattr(plugin, "config", None), "enabled", False)
    entries = getattr(index, "entries", None)
    return entries if enabled and isinstance(entries, list) else None


def on_nav(nav, config: MkDocsConfig, files: Files):
    """While serving: what every generated page's HTML depends on besides its Markdown (see served)."""
    _build.nav = nav
    if _memo is not None:
        pairs = ((str(page.title), page.url) for page in nav.pages)
        config_file, docs = Path(config.config_file_path), Path(config.docs_dir)
        # the frame's words (footer, palette, permalinks) come from the catalogs as well as the config
        fingerprint = site_fingerprint(config_file, config.site_url or "", docs, pairs, catalogs_bytes())
        _build.site = fixed(_memo, "site", fingerprint)
    return nav


# Python-Markdown's own extensions (MkDocs adds toc, tables and fenced_code), each of which clears
# what it keeps in Markdown.reset(); MkDocs' page processors, registered anew on the instance for
# each page (a name registered again replaces the last page's).
_MARKDOWN_KNOWN = frozenset(
    [
        "abbr",
        "admonition",
        "attr_list",
        "codehilite",
        "def_list",
        "extra",
        "fenced_code",
        "footnotes",
        "legacy_attrs",
        "legacy_em",
        "md_in_html",
        "meta",
        "nl2br",
        "sane_lists",
        "smarty",
        "tables",
        "toc",
        "wikilinks",
    ]
)
_PAGE_PROCESSORS: tuple[Any, ...] = tuple(
    getattr(mkdocs_pages, name, None)
    for name in (
        "_RawHTMLPreprocessor",
        "_ExtractAnchorsTreeprocessor",
        "_RelativePathTreeprocessor",
        "_ExtractTitleTreeprocessor",
    )
)


def _one_markdown_for_all(config: MkDocsConfig) -> bool:
    """Whether the generated pages can share one Markdown instance: only with extensions known to
    reset, and MkDocs' page processors where this MkDocs has them."""
    names = [
        name.removeprefix("markdown.extensions.") if isinstance(name, str) else name
        for name in config.markdown_extensions
    ]
    return all(name in _MARKDOWN_KNOWN for name in names) and all(_PAGE_PROCESSORS)


class _BuiltPage(Page):
    """A generated page, converted by the one Markdown instance of the build, reset between pages
    (Python-Markdown's way to convert many texts), rather than by a new instance each as MkDocs
    does: making one cost a quarter of the Markdown phase of a 10,000-event build. Otherwise
    MkDocs' `Page.render`, step for step."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if not _one_markdown_for_all(config):
            super().render(config, files)
            return
        if _build.markdown is None:
            _build.markdown = markdown.Markdown(
                extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {}
            )
        md = _build.markdown.reset()
        raw_html, anchors, relative, title = _PAGE_PROCESSORS
        raw_html_ext, extract_title_ext = raw_html(), title()
        extract_anchors_ext, relative_path_ext = anchors(self.file, files, config), relative(self.file, files, config)
        for ext in (raw_html_ext, extract_anchors_ext, relative_path_ext, extract_title_ext):
            ext._register(md)
        self.content = md.convert(self.markdown)
        self.toc = get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = extract_title_ext.title
        self.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative_path_ext.links_to_anchors


class _ServedPage(_BuiltPage):
    """A generated page while serving: its front matter read once for as long as its text is the
    same, and a page kept from an earlier build (see served) not given to Markdown at all, since
    its HTML is written as it was (an empty page's Markdown instance, for hundreds of kept pages,
    was a tenth of a served edit at 10,000 events)."""

    def read_source(self, config: MkDocsConfig) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)  # as Page.read_source
        if source is None:
            source = self.file.content_string
        self.markdown, meta = remember(_memo, "front matter", source, lambda: get_data(source))
        self.meta = copy.deepcopy(meta)  # the hooks and themes may change a page's own meta

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if _build.page(self).kept is None:
            super().render(config, files)
            return
        # what Markdown makes of the empty text on_page_markdown gives a kept page
        self.content, self.toc, self._title_from_render = "", get_toc([]), None
        self.present_anchor_ids, self.links_to_anchors = set(), {}


def on_pre_page(page, config: MkDocsConfig, files: Files):
    """A generated page is a `_BuiltPage`, and while serving a `_ServedPage` (MkDocs made its object
    from the nav, with the nav's title, before any event could)."""
    if page.file.generated_by is not None and type(page) is Page:
        page.__class__ = _ServedPage if _memo is not None else _BuiltPage
    return page


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    """Take our generated pages' raw HTML blocks out of Markdown's way (see rawblocks).

    While serving, a page built before from the same Markdown and site is not built again: it
    gets a theme template that renders nothing, and on_post_page writes the HTML kept of it.
    """
    if page.file.generated_by is None:
        return markdown
    state = _build.page(page)
    if _memo is not None and _search_entries(config) is not None:
        state.key = (markdown, page.url, _build.site)
        kept = _memo.find("page html", state.key)
        if isinstance(kept, KeptPage):
            state.kept = kept
            page.meta["template"] = KEPT_PAGE_TEMPLATE
            return ""
    state.split = remember(_memo, "split", markdown, lambda: split_blocks(markdown))
    return state.split.markdown


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    """Put the raw blocks back, and let MkDocs check links to the anchors inside them.

    Model blocks wait (in a comment) until the search plugin has read the page: their search
    entries come from the model, so it need not parse them (see pages/search).
    """
    state = _build.page(page)
    if state.kept is not None:  # links into it are still checked
        page.present_anchor_ids = set(state.kept.anchors)
        return html
    split = state.split
    if split is None or not split.blocks:
        return html
    page.present_anchor_ids = (page.present_anchor_ids or set()) | block_ids(split.blocks)
    state.later = split.from_model if _search_entries(config) is not None else frozenset()
    return join_blocks(html, split.blocks, state.later)


@event_priority(-100)  # after every plugin's, so after the search plugin has read the page
def on_page_context(context, page, config: MkDocsConfig, nav):
    """Put the model blocks in, and give the search index their entries from the model."""
    if _build.later:  # MkDocs copied the files made beside into the site before its first page
        _let_go_of_files_made_beside()
    entries = _search_entries(config)
    state = _build.page(page)
    if state.kept is not None and entries is not None:
        entries.extend(state.kept.entries)
        return context
    if state.later and state.split is not None and entries is not None:

        def stripped(block: str) -> str:  # a period's cards are the same text from build to build
            return remember(_memo, "stripped", block, lambda: without_search_attributes(block))

        page.content = join_later(page.content, state.split.blocks, state.later, stripped)
        add_to_index(entries, page.url, _build.search.get(page.file.src_uri, ()))
    if _memo is not None and entries is not None:
        state.entries = entries_of_page(entries, page.url)  # kept with the page
    if state.beside is not None:
        state.context = context
    return context


def _let_go_of_files_made_beside() -> None:
    """The text of the files made beside (a big cold build's exports), once MkDocs has copied them:
    held to the end of the build, they were 40 MB of its peak at 10,000 events. Only the plugins
    known to leave other files alone run then (see on_files)."""
    for file, _ in _build.later:
        file.content_bytes = b""
    _build.later.clear()


@event_priority(100)  # before the search plugin writes its index
def on_post_build(config: MkDocsConfig) -> None:
    """Chinese words cut apart in the index, so that search finds them (see pages/search); the
    collector given back what a cold build froze, or while serving a collection once it is shown."""
    global _collection
    entries = _search_entries(config)
    if entries is not None:
        segment_index(entries)
    if _memo is not None:  # serving: once the rebuild is shown
        _collection = collect_later(0.5)  # after the browsers have reloaded the page
    else:  # what on_files froze (see gcpause)
        thaw()


@event_priority(-100)  # after every plugin's: the child building pages beside gets the final env
def on_env(env, config: MkDocsConfig, files: Files):
    """The theme's compiled templates are cached on disk too (see template_cache)."""
    env.bytecode_cache = template_cache(Path(config.config_file_path).parent)
    _build.env = env
    for file, item in _build.later:  # before MkDocs copies them, and before a child is forked
        file.content_string = item.content()
    if _memo is None and not _dirty:
        _build_beside(env, config, files)
    return env


_PLUGINS_KNOWN = frozenset({"search", "material/search"})  # none of them acts on a page after its context


def _unknown_plugins(config: MkDocsConfig) -> set[str]:
    """The site's plugins besides this hooks file and those known to leave pages and files alone
    after their context (`_PLUGINS_KNOWN`): where there are any, nothing is done beside."""
    ours = {name for name, plugin in config.plugins.items() if getattr(plugin, "__name__", None) == __name__}
    return set(config.plugins) - _PLUGINS_KNOWN - ours


def _build_beside(env, config: MkDocsConfig, files: Files) -> None:
    """A big cold build: every other generated page built by a forked child (MkDocs' own steps:
    the theme, every plugin's page events, the hardening, the write) while MkDocs builds the rest
    here, on a machine with two cores (see twocores). Here those pages still pass through every
    plugin's on_page_context (the search index), with a template that renders nothing, and
    on_post_page takes what the child wrote; a page the child could not build (it failed, or a
    warning was logged: `--strict` counts them here) is built here as MkDocs would have. Only
    where the site's plugins are ones known not to act on a page's HTML after its context."""
    build_page = getattr(mkdocs_build, "_build_page", None)
    pages = [file.page for file in files.documentation_pages() if file.generated_by is not None and file.page]
    if build_page is None or _unknown_plugins(config) or not twocores.worth_two_processes(len(pages)):
        return
    theirs = pages[1::2]
    in_order = files.documentation_pages(inclusion=InclusionLevel.is_included)

    def build_there(number: int) -> bool:
        if number == 0:
            _log_nothing_here()
        build_page(theirs[number], config, in_order, _build.nav, env)
        return not _LOGGED_THERE

    _build.beside = twocores.made_in_turn_beside(len(theirs), build_there)
    for number, page in enumerate(theirs):
        state = _build.page(page)
        state.beside, state.template = number, page.meta.get("template")
        page.meta["template"] = KEPT_PAGE_TEMPLATE


_LOGGED_THERE: list[str] = []  # in the child building pages beside: what it would have logged


def _log_nothing_here() -> None:
    """In the child: nothing is printed; a message (not a `-v` build's debug lines) stops it, and
    the parent builds that page, so that the message is printed and counted once, by MkDocs."""

    def keep(record: logging.LogRecord) -> bool:
        if record.levelno > logging.DEBUG:
            _LOGGED_THERE.append(record.getMessage())
        return False

    for handler in (*logging.getLogger("mkdocs").handlers, *logging.getLogger().handlers):
        handler.addFilter(keep)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Load timeline/, report every problem, and add the generated pages, exports and archives.
    In a cold build, what that leaves is frozen out of the collector's sight until the build ends
    (see gcpause)."""
    if _memo is not None:
        return _add_files(files, config)
    with paused_gc(freeze_survivors=True):
        return _add_files(files, config)


def _add_files(files: Files, config: MkDocsConfig) -> Files:
    global _build
    _build = _BuildState(site=_build.site)  # what a page hands on is this build's only
    root = Path(config.config_file_path).parent
    result = load_timeline(root, _memo)
    settings = settings_of(config, Path(config.config_file_path).read_text(encoding="utf-8"))
    for problem in (*result.problems, *settings.problems):
        log.error(problem.format())
    if is_placeholder(config.site_url or ""):  # said, not failed: a first build is often a try
        log.info(
            f"site_url is {config.site_url}, a placeholder: the feeds, embeds, oEmbed links and calendar ids of "
            "this build point there; set site_url in mkdocs.yml to the address the site is published at (or "
            "SITE_URL, where mkdocs.yml reads it from the environment, as the deploy workflow sets it)"
        )
    # a file still being made beside (a big cold build's exports) is waited for in on_env, unless a
    # plugin not known to leave other files alone may read it before
    wait_now = bool(_unknown_plugins(config))
    for item in site_files(
        result, root, settings.site, settings.published, settings.layout, template_cache(root), _memo
    ):
        existing = files.get_file_from_path(item.path)
        if existing is not None:  # a hand-written page would silently lose to ours otherwise
            log.error(f"docs/{item.path} is generated from timeline/; remove the hand-written file")
            files.remove(existing)
        inclusion = InclusionLevel.NOT_IN_NAV if item.off_nav else InclusionLevel.UNDEFINED
        if item.copy_of is not None:  # an archived source, published byte for byte
            files.append(File.generated(config, item.path, abs_src_path=str(item.copy_of), inclusion=inclusion))
        else:
            later = item.later is not None and not wait_now
            file = File.generated(config, item.path, content="" if later else item.content(), inclusion=inclusion)
            files.append(file)
            if later:
                _build.later.append((file, item))
            _build.search[item.path] = item.search  # read in on_page_context
            if item.box is not None:  # the same for every page
                _build.box = item.box
    if _memo is not None:
        _memo.sweep()
    return files
