"""What a site in another language must not show: a message of the catalog left in English, or the
theme's own English. Shared by the tests of reader languages and of stories started in a language."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from timeline_core.words.catalogs import catalog_path

# What a page shows of the story's own data: contributed text, in whatever language it was written.
CONTRIBUTED = (
    "blockquote, .tl-summary, .tl-title, .tl-translation, .tl-cite-title, .tl-cite-publisher, .tl-definition, "
    ".tl-description, .tl-lede, .tl-explainer, .tl-annotated, .tl-event-links a, .tl-date-note, h1, h2, h3, "
    ".tl-tag, .tl-entity, .tl-cite-start, .tl-bibliography dd, .tl-cited-by-list a, .tl-entity-index a, "
    ".tl-kind, .tl-aliases, .tl-retired, .tl-meta a, .tl-support, .tl-filters select, .tl-list-parts a"
)
_TAG = re.compile(r"<[^>]+>|%\([a-z_]+\)[sd]|`[^`]*`|[*]")


def fragments_of(text: str) -> set[str]:
    """A message's runs of three words or more outside placeholders and markup: what would show
    if the message were left in English."""
    runs = (" ".join(run.split()) for run in _TAG.split(text))
    return {run.strip(" ,.;:()") for run in runs if len(re.findall(r"[A-Za-z]+", run)) >= 3}


def untranslated_fragments(language: str) -> set[str]:
    with catalog_path(language).open("rb") as file:  # type: ignore[union-attr]
        catalog = read_po(file)
    found: set[str] = set()
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        translated = " ".join(strings)
        found |= {fragment for text in ids for fragment in fragments_of(text) if fragment not in translated}
    return found


def shown_text(html: str) -> str:
    """A generated page's words that the generator wrote: its content without contributed text,
    with the labels and tooltips readers meet (aria-label, title, placeholder)."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("article.md-content__inner")
    if main is None:
        return ""
    for element in main.select(CONTRIBUTED):
        element.decompose()
    labels = [
        value
        for tag in main.find_all(True)
        for key in ("aria-label", "title", "placeholder")
        if (value := tag.get(key))
    ]
    return " ".join(" ".join([main.get_text(" "), *labels]).split())


# What Material writes in English whatever the language, and our overrides write in the reader's
# (partials/copyright.html, 404.html): none of it may be on a page in another language.
THEME_ENGLISH = ("Made with", "Permanent link", "404 - Not found", "Switch to dark mode", "Switch to light mode")


def frame_text(html: str) -> str:
    """All a page says outside the story's own data: its head's titles, header, footer and labels
    as well as its content (the story's texts taken out)."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select(f"article.md-content__inner :is({CONTRIBUTED}), script, style, .md-nav, title"):
        element.decompose()
    labels = [
        value
        for tag in soup.find_all(True)
        for key in ("aria-label", "title", "placeholder", "alt")
        if isinstance(value := tag.get(key), str)
    ]
    return " ".join(" ".join([soup.get_text(" "), *labels]).split())


def english_left(site: Path, language: str, data_text: str) -> dict[str, set[str]]:
    """Each built page (404 and embeds too) with the English it shows, head to footer: catalog
    messages of three words or more, and the theme's English. `data_text`: the story's own words
    (a run of words they use cannot be told apart from the catalog's)."""
    data = " ".join(data_text.split())
    fragments = {fragment for fragment in untranslated_fragments(language) if fragment not in data}
    fragments |= set(THEME_ENGLISH)
    pages = [path for path in site.rglob("*.html") if "assets" not in path.parts]
    found: dict[str, set[str]] = {}
    for path in pages:
        text = frame_text(path.read_text(encoding="utf-8"))  # once a page, not once a fragment
        if left := {fragment for fragment in fragments if fragment in text}:
            found[str(path.relative_to(site))] = left
    return found
