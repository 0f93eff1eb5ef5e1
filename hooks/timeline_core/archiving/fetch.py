"""Fetching one web page for archiving, politely and within limits, with a plain message for each failure."""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

# Says who is asking and why: one page, fetched once, because a contributor asked for it.
USER_AGENT = "timeline-site-source-add/1.0 (archives one article a contributor named, to check quotes against)"
TIMEOUT = 20.0  # seconds for the whole download, not only for each read
MAX_BYTES = 4 * 1024 * 1024  # a news article's HTML is far smaller; anything bigger is not one page of text
_CHUNK = 64 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)


class ArchiveError(Exception):
    """Why a source could not be archived, in words a contributor can act on."""

    def __init__(self, *messages: str):
        super().__init__(*messages)
        self.messages = messages  # every problem found before giving up, each on its own line
        self.message = "\n".join(messages)


@dataclass(frozen=True)
class Fetched:
    url: str  # where the page was found, after redirects
    media_type: str  # text/html, application/xhtml+xml or text/plain
    body: bytes
    charset: str | None


def fetch_page(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched:
    """The page at `url`, following redirects; ArchiveError for anything that is not a page of text."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain"})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            final = response.geturl()
            media_type = response.headers.get_content_type()
            if media_type not in HTML_TYPES + TEXT_TYPES:
                raise ArchiveError(
                    f"{final} is {media_type}, not a web page; if it holds the article (a PDF, say), save its "
                    "text as a .txt file and run `uv run timeline source add FILE.txt --url URL`"
                )
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise ArchiveError(_too_large(final, int(length), max_bytes))
            body = _read_until(response, deadline, max_bytes, final, timeout)
            return Fetched(final, media_type, body, response.headers.get_content_charset())
    except urllib.error.HTTPError as error:
        hint = "; a page behind a login or paywall can be saved from the browser and added as a FILE"
        raise ArchiveError(
            f"{url} answered HTTP {error.code} {error.reason}; check the address in a browser"
            + (hint if error.code in (401, 402, 403) else "")
        ) from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise ArchiveError(_timed_out(url, timeout)) from None
        raise ArchiveError(f"could not reach {url}: {reason}; check the address and your connection") from None
    except TimeoutError:
        raise ArchiveError(_timed_out(url, timeout)) from None
    except (http.client.HTTPException, ConnectionError, OSError) as error:
        raise ArchiveError(f"could not read {url}: {error}; try again, or save the page and add it as a FILE") from None


def _read_until(response: http.client.HTTPResponse, deadline: float, max_bytes: int, url: str, timeout: float) -> bytes:
    """Read the body in chunks, so that a server trickling bytes cannot hold the command past its timeout."""
    chunks, size = [], 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise ArchiveError(_too_large(url, size, max_bytes, at_least=True))
        if time.monotonic() > deadline:
            raise ArchiveError(_timed_out(url, timeout))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(url: str, size: int, limit: int, at_least: bool = False) -> str:
    return (
        f"{url} is {'more than ' if at_least else ''}{size:,} bytes; the limit is {limit:,} (--max-bytes), since "
        "one article's page is far smaller. Check that the address is the article itself"
    )


def _timed_out(url: str, timeout: float) -> str:
    return (
        f"{url} did not answer within {timeout:g} s (--timeout); try again later, or save the page and add it as a FILE"
    )
