"""Checks any built site must pass, whichever builder made it: every internal link and anchor resolves,
and every page is hardened."""

from __future__ import annotations

import base64
import hashlib
import re
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


def _inline_script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def hardening_problems(page: Path, base_url: str) -> list[str]:
    """What is wrong with a page's hardening: one Content-Security-Policy whose scripts are the
    site's own and exactly the page's inline scripts by hash (no wildcard, no 'unsafe-*', nothing
    the page does not run), no inline handlers, and external links that open no window reference."""
    html = page.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    policies = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    if len(policies) != 1:
        return [f"{page}: {len(policies)} policies"]
    directives = {}
    for directive in policies[0]["content"].split(";"):
        name, *values = directive.split()
        directives[name] = values
    inline = {
        _inline_script_hash(script.string or "")
        for script in soup.find_all("script")
        if not script.get("src") and "json" not in script.get("type", "")
    }
    expected = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *sorted(inline)],
        "script-src-attr": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    problems = [
        f"{page}: {name} is {' '.join(directives.get(name, ['(missing)']))}, not {' '.join(values)}"
        for name, values in expected.items()
        if directives.get(name) != values
    ]
    if re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, re.I):
        problems.append(f"{page}: an inline event handler")
    for link in soup.find_all("a", href=re.compile(r"^https?://")):
        if not link["href"].startswith(base_url) and not {"noopener", "noreferrer"} <= set(link.get("rel", [])):
            problems.append(f"{page}: {link['href']} without rel=noopener noreferrer")
    return problems
