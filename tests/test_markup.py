"""Contributors' Markdown: rendered with raw HTML shown as text, only web links, and each fault named."""

from __future__ import annotations

import pytest

from timeline_core.data.markup import check_url, render_markdown

RAW = "is not allowed; write Markdown instead, or put it in `backticks` to show it as text"
ONLY_WEB = "only http:// and https:// links are allowed"
ONE_PARAGRAPH = "must be one paragraph of text (no blank lines, headings, lists or quotes)"


@pytest.mark.parametrize(
    ("text", "html", "problems"),
    [
        ("Plain text, 7.65% up.", "<p>Plain text, 7.65% up.</p>", []),
        ("Some *emphasis* and `code`", "<p>Some <em>emphasis</em> and <code>code</code></p>", []),
        (
            "A [link](https://example.com/a) here.",
            '<p>A <a href="https://example.com/a" rel="noopener noreferrer">link</a> here.</p>',
            [],
        ),
        ("[x](javascript:alert(1))", "<p><a>x</a></p>", [f"link 'javascript:alert(1)' uses javascript:; {ONLY_WEB}"]),
        ("[x](/relative)", "<p><a>x</a></p>", [f"link '/relative' uses a relative address; {ONLY_WEB}"]),
        (
            "[x](http://)",
            "<p><a>x</a></p>",
            ["link 'http://' has no host; write a full address such as https://example.com/page"],
        ),
        (
            "![pic](https://example.com/a.png)",
            "<p><span></span></p>",
            ["images are not allowed in text fields; describe the picture in words"],
        ),
        ("<b>bold</b>", "<p>&lt;b&gt;bold&lt;/b&gt;</p>", [f"raw HTML ('<b') {RAW}"]),
        ("before <!-- c --> after", "<p>before &lt;!-- c --&gt; after</p>", [f"raw HTML ('<!--') {RAW}"]),
        ("`<b>` in code", "<p><code>&lt;b&gt;</code> in code</p>", []),
        ("1 <`x` 2", "<p>1 &lt;<code>x</code> 2</p>", []),  # a code span does not make a tag of its neighbours
        ("Write to a@example.com", "<p>Write to a@example.com</p>", []),  # no mailto: link made
        ("Tom & Jerry <3", "<p>Tom &amp; Jerry &lt;3</p>", []),
        ("One.\n\nTwo.", "<p>One.</p>\n<p>Two.</p>", [ONE_PARAGRAPH]),
        ("# Heading", "<h1>Heading</h1>", [ONE_PARAGRAPH]),
        ("1. item", "<ol>\n<li>item</li>\n</ol>", [ONE_PARAGRAPH]),
        ("3) item", "<p>3) item</p>", []),
        (
            "<i>[x](ftp://example.com)</i>",
            "<p>&lt;i&gt;<a>x</a>&lt;/i&gt;</p>",
            [f"raw HTML ('<i') {RAW}", f"link 'ftp://example.com' uses ftp:; {ONLY_WEB}"],
        ),
    ],
)
def test_markdown_renders_safely_and_names_each_fault(text, html, problems):
    rendered, found = render_markdown(text, single_paragraph=True)
    assert (rendered.html, found) == (html, problems)
    assert rendered.source == text
    several, found = render_markdown(text, single_paragraph=False)
    assert (several.html, found) == (html, [p for p in problems if p != ONE_PARAGRAPH])


def test_each_rendering_reports_only_its_own_faults():
    assert render_markdown("[x](javascript:alert(1))", single_paragraph=True)[1]
    assert render_markdown("A *fine* sentence.", single_paragraph=True)[1] == []


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://example.com/page", None),
        ("HTTPS://EXAMPLE.COM/x", None),
        (" http://example.com ", None),
        ("https://[::1", "'https://[::1' is not a valid address"),
        ("mailto:a@example.com", f"link 'mailto:a@example.com' uses mailto:; {ONLY_WEB}"),
        ("//example.com/x", f"link '//example.com/x' uses a relative address; {ONLY_WEB}"),
        ("https://", "link 'https://' has no host; write a full address such as https://example.com/page"),
    ],
)
def test_only_absolute_web_addresses_are_links(url, reason):
    assert check_url(url) == reason
