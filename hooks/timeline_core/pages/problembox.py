"""The problems box: while the data has problems, every generated page shows them under its title.

Pages are made with a marker where the box goes, and the box is put in last: in the Markdown
for a builder that takes the pages as files, in the finished HTML for the MkDocs hooks. So a
problem made or fixed while serving changes one box rather than the text of every page, and
no page is made again for it (at 10,000 events, an edit that made a problem re-rendered the
whole site: 8.5 s where an edit takes 2). The marker is an HTML comment our templates write;
contributed text, escaped everywhere, cannot form one.
"""

from __future__ import annotations

MARKER = "<!-- tl:problems -->"
_IN_MARKDOWN = f"{MARKER}\n\n"  # as the `_problems.md.j2` include writes it: a block of its own
_IN_HTML = f"{MARKER}\n\n"  # as Markdown passes that block on (a raw block, then a blank line)


def box_in_markdown(text: str, box: str) -> str:
    """A page's Markdown with the box (`_problems_box.md.j2`, empty without problems) in its place."""
    return text.replace(_IN_MARKDOWN, box, 1)


def box_in_html(html: str, box: str) -> str:
    """A page's HTML with the box where Markdown left the marker: what Markdown makes of the box
    itself, a raw HTML block it passes on as written."""
    return html.replace(_IN_HTML, f"{box.strip()}\n\n" if box else "", 1)
