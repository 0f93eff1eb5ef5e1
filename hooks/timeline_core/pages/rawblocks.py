"""Raw HTML blocks that go around Python-Markdown instead of through it.

Generated pages are mostly HTML that Jinja has already built and escaped: Markdown has
nothing to do in it, yet Python-Markdown (to find where each block ends) and MkDocs (to
collect anchors) each parse every tag of it, which was about 40% of a build. Templates wrap
such HTML in the `raw_block` filter. The hook swaps each wrapped block for a placeholder
paragraph before Markdown runs and puts the block back afterwards, and adds the block's ids
to the page's anchors so that links into it are still checked.

A block written with `model_block` holds nothing a search index needs to parse: its
searchable text, if any, is given by the model (`search`). The hook keeps such blocks out of
the search plugin's sight and puts them in after it has read the page.

Outside the hook the markers are HTML comments, so the same text stays Markdown that
renders the same page (the scale benchmark's baseline builds it that way).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markupsafe import Markup

START = "<!-- tl:raw -->"
MODEL_START = "<!-- tl:raw model -->"
END = "<!-- /tl:raw -->"
_OPENING = re.compile(r"<!-- tl:raw( model)? -->\n")
# A paragraph of one word Markdown leaves alone. Generated pages put no contributed text
# in Markdown paragraphs (only in headings and raw blocks), so none can pose as one.
_PLACEHOLDER = "TLRAWBLOCK{}END"
_PLACED = re.compile(r"<p>TLRAWBLOCK(\d+)END</p>")
# Where a block left for later waits: a comment, which a search parser reads as nothing.
_LATER = "<!-- TLLATER{} -->"
_WAITING = re.compile(r"<!-- TLLATER(\d+) -->")
# Ids in our own markup: Jinja escapes every quote in contributed text, so `id="` only
# begins a real attribute.
_ID = re.compile(r'id="([^"]*)"')


@dataclass(frozen=True)
class Split:
    markdown: str
    blocks: tuple[str, ...]
    from_model: frozenset[int] = frozenset()  # the blocks written with `model_block`


def _marked(html: str, start: str) -> Markup:
    body = str(html).strip("\n")
    if not body:
        return Markup("")
    if "<!-- tl:raw" in body or END in body:  # only templates write markers, so this is a template bug
        raise ValueError("raw blocks cannot nest")
    return Markup(f"{start}\n{body}\n{END}\n")


def raw_block(html: str) -> Markup:
    """Jinja filter: mark `html` as a block Markdown need not parse."""
    return _marked(html, START)


def model_block(html: str) -> Markup:
    """Jinja filter: a raw block whose searchable text the model gives (`search`), or that has none."""
    return _marked(html, MODEL_START)


def split_blocks(markdown: str) -> Split:
    """Replace each marked block with a placeholder paragraph; return the text and the blocks."""
    # found with str.find: a lazy `.*?` over a period page's megabyte of cards cost a second per build
    blocks: list[str] = []
    from_model: set[int] = set()
    out: list[str] = []
    at = 0
    while (start := markdown.find("<!-- tl:raw", at)) >= 0:
        opening = _OPENING.match(markdown, start)
        end = markdown.find("\n" + END, opening.end()) if opening else -1
        if opening is None or end < 0:
            out.append(markdown[at : start + 1])
            at = start + 1
            continue
        if opening.group(1):
            from_model.add(len(blocks))
        blocks.append(markdown[opening.end() : end])
        out.append(markdown[at:start])
        out.append("\n\n" + _PLACEHOLDER.format(len(blocks) - 1) + "\n\n")
        at = end + 1 + len(END)
    out.append(markdown[at:])
    return Split("".join(out), tuple(blocks), frozenset(from_model))


def join_blocks(html: str, blocks: tuple[str, ...], later: frozenset[int] = frozenset()) -> str:
    """Put the blocks back where Markdown left their placeholders; those in `later` wait in a
    comment for `join_later`."""
    if not blocks:
        return html
    placed: list[int] = []

    def put(match: re.Match) -> str:
        placed.append(int(match.group(1)))
        return _LATER.format(placed[-1]) if placed[-1] in later else blocks[placed[-1]]

    joined = _PLACED.sub(put, html)
    _check_placed(placed, range(len(blocks)))
    return joined


def join_later(html: str, blocks: tuple[str, ...], later: frozenset[int], edit=lambda block: block) -> str:
    """Put in the blocks `join_blocks` left waiting, each passed through `edit` first."""
    if not later:
        return html
    placed: list[int] = []

    def put(match: re.Match) -> str:
        placed.append(int(match.group(1)))
        return edit(blocks[placed[-1]])

    joined = _WAITING.sub(put, html)
    _check_placed(placed, later)
    return joined


def _check_placed(placed: list[int], expected) -> None:
    if sorted(placed) != sorted(expected):  # another plugin moved a placeholder: never lose content
        raise ValueError(
            f"{len(expected)} generated HTML blocks, but Markdown's output held placeholders "
            f"for {sorted(placed)}; a Markdown extension or plugin changed the generated text"
        )


def block_ids(blocks: tuple[str, ...]) -> set[str]:
    """Every id the blocks define, for MkDocs' check of links to anchors. The pattern starts with
    its literal (`\\sid=` was tried at every space of a period's quarter megabyte), and an attribute
    is an id only after a space (not `data-id`)."""
    return {
        html.unescape(ident) if "&" in ident else ident
        for block in blocks
        for match in _ID.finditer(block)
        if block[match.start() - 1 : match.start()].isspace()
        for ident in (match.group(1),)
    }
