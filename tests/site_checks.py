"""Checks any built site must pass, whichever builder made it: every internal link and anchor resolves."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def _targets(page: Path):
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for element in soup.find_all(["a", "link", "script", "img"]):
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if value:
                yield value


def _ids(page: Path, cache: dict) -> set[str]:
    if page not in cache:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        cache[page] = {el["id"] for el in soup.find_all(id=True)} | {
            el["name"] for el in soup.find_all(attrs={"name": True})
        }
    return cache[page]


def broken_links(site: Path, base_path: str = "/") -> list[str]:
    """Every link of every page that leads to no file, or to no element with its anchor.

    `base_path` is the path of the site's address: links from the root (404.html's) start with it.
    """
    broken = []
    cache: dict = {}
    for page in sorted(site.rglob("*.html")):
        for value in _targets(page):
            parts = urlsplit(value)
            if parts.scheme in ("http", "https", "mailto", "data") or value.startswith("//"):
                continue
            path = unquote(parts.path)
            if path.startswith("/"):
                path = str(site) + "/" + path.removeprefix(base_path)
            target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {value} (no file)")
                continue
            anchor = parts.fragment and target.suffix == ".html" and not parts.fragment.startswith(":~:")
            if anchor and unquote(parts.fragment) not in _ids(target, cache):
                broken.append(f"{page.relative_to(site)}: {value} (no anchor)")
    return broken
