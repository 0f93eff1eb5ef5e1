"""Raw HTML blocks that go around Python-Markdown instead of through it.

Generated pages are mostly HTML that Jinja has already built and escaped: Markdown has
nothing to do in it, yet Python-Markdown (to find where each block ends) and MkDocs (to
collect anchors) each parse every tag of it, which was about 40% of a build. Templates wrap
such HTML in the `raw_block` filter. The hook swaps each wrapped block for a placeholder
paragraph before Markdown runs and puts the block back afterwards, and adds the block's ids
to the page's anchors so that links into it are still checked.

Outside the hook the markers are HTML comments, so the same text stays Markdown that
renders the same page (the scale benchmark's baseline builds it that way).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markupsafe import Markup

START = "<!-- tl:raw -->"
END = "<!-- /tl:raw -->"
_BLOCK = re.compile(re.escape(START) + r"\n(.*?)\n" + re.escape(END), re.S)
# A paragraph of one word Markdown leaves alone. Generated pages put no contributed text
# in Markdown paragraphs (only in headings and raw blocks), so none can pose as one.
_PLACEHOLDER = "TLRAWBLOCK{}END"
_PLACED = re.compile(r"<p>TLRAWBLOCK(\d+)END</p>")
# Ids in our own markup: Jinja escapes every quote in contributed text, so `id="` only
# begins a real attribute.
_ID = re.compile(r'\sid="([^"]*)"')


@dataclass(frozen=True)
class Split:
    markdown: str
    blocks: tuple[str, ...]


def raw_block(html: str) -> Markup:
    """Jinja filter: mark `html` as a block Markdown need not parse."""
    body = str(html).strip("\n")
    if not body:
        return Markup("")
    if START in body or END in body:  # only templates write markers, so this is a template bug
        raise ValueError("raw blocks cannot nest")
    return Markup(f"{START}\n{body}\n{END}\n")


def split_blocks(markdown: str) -> Split:
    """Replace each marked block with a placeholder paragraph; return the text and the blocks."""
    blocks: list[str] = []

    def place(match: re.Match) -> str:
        blocks.append(match.group(1))
        return "\n\n" + _PLACEHOLDER.format(len(blocks) - 1) + "\n\n"

    return Split(_BLOCK.sub(place, markdown), tuple(blocks))


def join_blocks(html: str, blocks: tuple[str, ...]) -> str:
    """Put the blocks back where Markdown left their placeholders."""
    if not blocks:
        return html
    placed: list[int] = []

    def put(match: re.Match) -> str:
        placed.append(int(match.group(1)))
        return blocks[placed[-1]]

    joined = _PLACED.sub(put, html)
    if sorted(placed) != list(range(len(blocks))):  # another plugin moved a placeholder: never lose content
        raise ValueError(
            f"{len(blocks)} generated HTML blocks, but Markdown's output held placeholders "
            f"for {sorted(placed)}; a Markdown extension or plugin changed the generated text"
        )
    return joined


def block_ids(blocks: tuple[str, ...]) -> set[str]:
    """Every id the blocks define, for MkDocs' check of links to anchors."""
    return {html.unescape(ident) for block in blocks for ident in _ID.findall(block)}
