"""Markdown from contributors, rendered with raw HTML off and only web links allowed.

Text in YAML is untrusted: raw HTML is shown as text, never passed through,
and a link or image that could run code or fetch from elsewhere is reported as
a problem instead of being rendered.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

from ..model.records import Markup


def check_url(url: str) -> str | None:
    """Return why a URL may not be used, or None when it is an absolute http(s) address."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return f"'{url}' is not a valid address"
    if parts.scheme.lower() not in ("http", "https"):
        shown = parts.scheme + ":" if parts.scheme else "a relative address"
        return f"link '{url}' uses {shown}; only http:// and https:// links are allowed"
    if not parts.netloc:
        return f"link '{url}' has no host; write a full address such as https://example.com/page"
    return None


class _LinkGuard(Treeprocessor):
    """Collects problems with links and images, and neutralizes them in the output."""

    def __init__(self, md: markdown.Markdown, problems: list[str]):
        super().__init__(md)
        self.problems = problems

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "img":
                self.problems.append("images are not allowed in text fields; describe the picture in words")
                element.tag = "span"
                element.attrib.clear()
            elif element.tag == "a":
                reason = check_url(element.get("href", ""))
                if reason:
                    self.problems.append(reason)
                    element.attrib.pop("href", None)
                else:
                    element.set("rel", "noopener noreferrer")


_CODE = re.compile(r"(`+)(?:.|\n)*?\1")
_RAW_HTML = re.compile(r"<(/?[A-Za-z][A-Za-z0-9-]*)(?=[\s/>])|<!--")


def raw_html(text: str) -> str | None:
    """The first raw HTML tag in Markdown text, outside code spans; None if there is none."""
    match = _RAW_HTML.search(_CODE.sub("", text))
    return match.group(0) if match else None


# Words, spaces and ordinary punctuation on one line make a plain paragraph: Markdown would only
# wrap them in <p>. Most summaries are like that, and skipping the parser for them keeps checking
# 10,000 events fast (a property test holds this shortcut to the full renderer's output).
_PLAIN_TEXT = re.compile(
    r"[^\W_][^\W_ .,;:'\"?%/’‘“”$€£@()\-–—]*(?:[ .,;:'\"?%/’‘“”$€£@()\-–—]+[^\W_]+)*[.,;:'\"?%)’”]*"
)
_LIST_START = re.compile(r"\d+[.)]\s")


@functools.lru_cache(maxsize=1)
def _renderer() -> tuple[markdown.Markdown, list[str]]:
    """One safe Markdown renderer, reused (building one costs more than rendering a paragraph)."""
    problems: list[str] = []
    md = markdown.Markdown(output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.inlinePatterns.deregister("automail")  # it obfuscates addresses; mailto: is not allowed anyway
    md.treeprocessors.register(_LinkGuard(md, problems), "link_guard", 0)
    return md, problems


def render_markdown(text: str, *, single_paragraph: bool) -> tuple[Markup, list[str]]:
    """Render contributor Markdown safely; return the markup and any problems with it.

    Raw HTML is reported (a contributor who writes <b> expects bold, not text) and,
    should it be rendered anyway, comes out escaped, never as markup.
    """
    if _PLAIN_TEXT.fullmatch(text) and not _LIST_START.match(text):
        return Markup(text, f"<p>{text}</p>"), []
    md, problems = _renderer()
    problems.clear()
    md.reset()
    tag = raw_html(text)
    html = md.convert(text)
    problems = list(problems)
    if tag:
        problems.insert(
            0, f"raw HTML ('{tag}') is not allowed; write Markdown instead, or put it in `backticks` to show it as text"
        )
    if single_paragraph and not (html.startswith("<p>") and html.count("<p>") == 1 and html.endswith("</p>")):
        problems.append("must be one paragraph of text (no blank lines, headings, lists or quotes)")
    return Markup(text, html), problems
