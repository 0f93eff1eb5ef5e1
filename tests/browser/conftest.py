"""A real browser (Debian's Chromium, driven by Playwright) reading the built site over HTTP.

No browser is ever downloaded: without a system Chromium these tests skip, except
under CI=true, where a missing browser is a failure.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, built, copy_project

# Every host but this machine resolves to nothing, so no test can reach the web even by mistake;
# `Watched` still records such requests so that a page asking for one fails its test.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
OUTPUT = REPO / "test-output"


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no Chromium: install Debian's chromium package (.ci/run does)")
        pytest.skip("no system Chromium (install Debian's chromium package to run the browser tests)")
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that moves on mid-download closes its socket; that is reading, not a fault.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """A folder served over HTTP on a free local port while the block runs; yields its URL."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def published(root: Path) -> Iterator[tuple[Path, str]]:
    """The test story (in a new copy at `root`) built for the address it is then served from, as a
    published site is (`site_url` is where its absolute links, oEmbed and embeds point)."""
    project = copy_project(root)
    (project.root / "site").mkdir()
    with served(project.root / "site") as url:
        config = project.root / "mkdocs.yml"
        text = re.sub(r"^site_url:.*$", f"site_url: {url}", config.read_text(encoding="utf-8"), count=1, flags=re.M)
        config.write_text(text, encoding="utf-8")
        project.commit()
        built(project)
        yield project.site, url


@pytest.fixture(scope="session")
def _published(tmp_path_factory) -> Iterator[tuple[Path, str]]:
    with published(tmp_path_factory.mktemp("published") / "repo") as found:
        yield found


@pytest.fixture(scope="session")
def site(_published) -> Path:
    """The test story's site (tests/stories/riverside/), built once for every test that reads it."""
    return _published[0]


@pytest.fixture(scope="session")
def base_url(_published) -> str:
    return _published[1]


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page whose console errors and requests to other hosts are recorded.

    It listens rather than intercepts: a `page.route` handler must be answered from the test's
    thread, and closing a context while one is pending can wait forever (the likeliest cause of
    a CI run that hung).
    """

    def __init__(self, page, base_url: str):
        self.page = page
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

        def request(request):
            url = request.url
            if not url.startswith((base_url, "data:", "blob:")):
                self.foreign.append(url)

        page.on("request", request)


@pytest.fixture
def watched(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield Watched(page, base_url)
    context.close()


def shown(page, url: str) -> None:
    """A page as a reader sees it: loaded with its images, scripts run and fonts drawn (the search
    index a worker fetches later changes nothing on screen, so the 500 ms of network idle each
    page would wait for buy nothing here)."""
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
