"""Where the site is published: mkdocs.yml's `site_url`, which every feed, embed snippet, oEmbed
link, canonical link and calendar id carries.

`timeline init` leaves a placeholder there (https://example.org/<story>/) until it is told the
address. A placeholder that a build would publish is said once, at its line, with the fix; one
that a deploy replaces (`!ENV [SITE_URL, …]` with a workflow that sets SITE_URL, as this
repository's GitHub Pages workflow does) is not, since the published site never carries it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from ..problems import Problem

CONFIG = "mkdocs.yml"
WORKFLOWS = ".github/workflows"
# The names RFC 2606 keeps for examples: nothing is ever published at them.
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")
PLACEHOLDER_SUFFIXES = (".example", ".invalid", *(f".{host}" for host in PLACEHOLDER_HOSTS))
_LINE = re.compile(r"^site_url:[ \t]*(?P<value>.*?)[ \t]*(?:#.*)?$", re.M)
_FROM_ENV = re.compile(r"!ENV\s*\[\s*(?P<names>(?:[A-Z_][A-Z0-9_]*\s*,\s*)+)[\"']?(?P<default>[^\"'\]]*)[\"']?\s*\]")


def is_placeholder(url: str) -> bool:
    """Whether an address is one no site is published at (example.org and the like)."""
    host = (urlsplit(url).hostname or "").casefold()
    return host in PLACEHOLDER_HOSTS or host.endswith(PLACEHOLDER_SUFFIXES)


def placeholder_problem(root: Path, environ: dict[str, str] | None = None) -> Problem | None:
    """A problem at mkdocs.yml's `site_url` when the address a build would publish is a placeholder
    (the check fails on it; a build only says it)."""
    environ = dict(os.environ) if environ is None else environ
    path = root / CONFIG
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None  # the build reports an unreadable config itself
    found = _LINE.search(text)
    if found is None:
        return None
    value = found.group("value")
    from_env = _FROM_ENV.search(value)
    if from_env:
        names = [name.strip() for name in from_env.group("names").split(",") if name.strip()]
        if any(environ.get(name) for name in names) or _deployed_with(root, names):
            return None
        url = from_env.group("default")
    else:
        url = value.strip("\"'")
    if not is_placeholder(url):
        return None
    line = text.count("\n", 0, found.start()) + 1
    return Problem(
        CONFIG,
        line,
        found.start("value") - found.start() + 1,
        f"site_url is {url}, a placeholder: every feed, embed snippet, oEmbed link and calendar id the site "
        "publishes would point there. Set it to the address the site is published at "
        "(`uv run timeline init --site-url` asks for it when a story starts), or have the deploy workflow "
        "set SITE_URL (`site_url: !ENV [SITE_URL, …]`)",
    )


def _deployed_with(root: Path, names: list[str]) -> bool:
    """Whether a workflow of the repository sets one of these variables for its build."""
    folder = root / WORKFLOWS
    if not folder.is_dir():
        return False
    pattern = re.compile(rf"^\s*(?:{'|'.join(map(re.escape, names))})\s*:", re.M)
    return any(pattern.search(path.read_text(encoding="utf-8", errors="replace")) for path in folder.glob("*.y*ml"))
