"""A local web server for `timeline source add`: the pages under tests/web/ and the ways a fetch goes wrong.

Standard library only, on a free port of 127.0.0.1, so no test (and no benchmark) needs the internet.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).parent / "web"
SLOW_SECONDS = 3.0
BIG_BYTES = 5 * 1024 * 1024


def article_page(size: int) -> bytes:
    """A news page of about `size` bytes: one long article in the usual boilerplate."""
    paragraph = (
        "<p>Paragraph {n} of the long report: the council heard from engineers, residents and the ferry operator "
        "about the footbridge, its cost, its timetable and what it means for the river crossing.</p>\n"
    )
    head = (PAGES / "opengraph-article.html").read_text(encoding="utf-8")
    before, after = head.split('<div class="article-body">', 1)
    body, length = [], len(head)
    while length < size:
        body.append(paragraph.format(n=len(body)))
        length += len(body[-1])
    return (before + '<div class="article-body">' + "".join(body) + after).encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # quiet: the tests read what the command prints
        pass

    def _send(
        self, status: int, body: bytes, media_type: str = "text/html; charset=utf-8", length: bool = True
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path = self.path.split("?", 1)[0]
        self.server.user_agents.append(self.headers.get("User-Agent", ""))  # type: ignore[attr-defined]
        if path.startswith("/news/") and (PAGES / path.removeprefix("/news/")).is_file():
            self._send(200, (PAGES / path.removeprefix("/news/")).read_bytes())
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news/opengraph-article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.4\n% a report\n" + b"0" * 2000, "application/pdf")
        elif path == "/slow.html":
            time.sleep(SLOW_SECONDS)
            self._send(200, (PAGES / "jsonld-article.html").read_bytes())
        elif path == "/big.html":
            self._send(200, article_page(BIG_BYTES))
        elif path == "/big-unannounced.html":  # no Content-Length: the cap must hold while reading
            self._send(200, article_page(BIG_BYTES), length=False)
            self.close_connection = True
        elif path == "/one-megabyte.html":
            self._send(200, article_page(1024 * 1024))
        elif path == "/server-error":
            self._send(500, b"<h1>Internal Server Error</h1>")
        else:
            self._send(404, b"<h1>Not Found</h1>")


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # noqa: ANN001 (socketserver's)
        """A client that stops reading (the size cap test) is expected: its broken pipe printed from a
        thread that outlives the test would land in another test's captured output."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_pages() -> Iterator[tuple[str, list[str]]]:
    """Serve the test pages; yield the base address and the user agents that asked."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.user_agents = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", server.user_agents  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    """A port nothing listens on, for an unreachable host."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
