"""The words of a site's frame that mkdocs.yml and Markdown write in English: the navigation's
titles and copyright line `timeline init` writes, the palette toggles' names, a heading's
permalink title.

Material translates its own interface by `theme.language`, but not what a site's configuration
says: a German site would otherwise say "Switch to dark mode" and "Permanent link". Those English
texts are messages of the catalog, so a site in another language shows them in its words, whether
`timeline init --language` wrote them so or someone switched `theme.language` later.
"""

from __future__ import annotations

from typing import Any

from .reader import N_, Words

# The navigation's titles, as mkdocs.yml writes them in English.
NAV_TITLES = {
    "Home": N_("Home"),
    "Timeline": N_("Timeline"),
    "Who's who": N_("Who's who"),
    "Glossary": N_("Glossary"),
    "Sources": N_("Sources"),
    "Changes": N_("Changes"),
}
COPYRIGHT = N_("Text quoted from archived sources belongs to their publishers.")
PALETTE_NAMES = (N_("Switch to dark mode"), N_("Switch to light mode"))
PERMALINK_TITLE = N_("Permanent link")  # Python-Markdown's toc extension's own default
CONFIG_TEXTS = (COPYRIGHT, *PALETTE_NAMES)
THEME = "%(theme)s"  # where the theme's name (a link) goes in "Made with …"


def frame_words(words: Words, site_name: str) -> dict[str, str]:
    """The words our theme overrides (docs/overrides/) write, in the reader's language, by name.
    They reach the templates as `config.extra.timeline_words`, which every builder passes on (the
    hooks set it for MkDocs, `timeline pages` writes it for the others), so no template needs a
    gettext function of its own. Each is whole text: no template formats a message."""
    _ = words.gettext
    before, _theme, after = _("Made with %(theme)s").partition(THEME)
    return {
        "feed_title": _("%(site)s: new events") % {"site": site_name},
        "json_title": _("%(site)s as JSON") % {"site": site_name},
        "made_with": before,
        "made_with_after": after,
        "not_found": _("Page not found"),
        "not_found_text": _(
            "There is no page at this address. The timeline lists every event, and each one's link stays "
            "valid; an event that was withdrawn says why where it stood."
        ),
        "home": _("Go to the home page"),
        "add_event": _("Add an event"),
    }


def said_in(words: Words, text: str) -> str:
    """One of the frame's English texts in the reader's words; any other text as it is."""
    return words.gettext(text) if text in CONFIG_TEXTS or text in NAV_TITLES else text


def nav_in_language(words: Words, nav: Any) -> Any:
    """mkdocs.yml's `nav` with the titles the generator's pages have in English in the reader's
    words (a title the site chose itself is kept)."""
    if isinstance(nav, list):
        return [nav_in_language(words, item) for item in nav]
    if isinstance(nav, dict):
        return {said_in(words, str(title)): nav_in_language(words, item) for title, item in nav.items()}
    return nav


def frame_in_language(
    words: Words, copyright_line: str | None, palettes: list[dict[str, Any]], toc: dict[str, Any]
) -> str | None:
    """The copyright line in the reader's words, after putting the palette toggles' names and the
    permalink's title in them too (in place: they are MkDocs' own config values). A title the
    site gives itself is kept."""
    for palette in palettes:
        toggle = palette.get("toggle") if isinstance(palette, dict) else None
        if isinstance(toggle, dict) and isinstance(toggle.get("name"), str):
            toggle["name"] = said_in(words, toggle["name"])
    if toc.get("permalink") and "permalink_title" not in toc:
        toc["permalink_title"] = words.gettext(PERMALINK_TITLE)
    return said_in(words, copyright_line) if copyright_line else copyright_line
