"""Safe by construction: a Content-Security-Policy on every page, and safe external links.

The policy lets scripts run only from the site itself, plus the theme's own inline
scripts by their SHA-256 hashes, and so forbids inline event handlers and injected
scripts. It is computed per page from the page's final HTML.
"""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_DATA_TYPES = re.compile(r"""type\s*=\s*["']?application/(ld\+)?json""", re.I)
_ANCHOR = re.compile(r"""<a\s(?P<attrs>[^>]*\shref\s*=\s*["']https?://[^>]*|href\s*=\s*["']https?://[^>]*)>""", re.I)
_HREF = re.compile(r"""\shref\s*=\s*(["'])(?P<href>https?://[^"']*)\1""", re.I)
_REL = re.compile(r"""\srel\s*=\s*(["'])(?P<rel>[^"']*)\1""", re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions for each inline script that a browser would run."""
    hashes = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\ssrc\s*=", attrs, re.I) or _DATA_TYPES.search(attrs):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(set(hashes))


def content_security_policy(html: str) -> str:
    scripts = " ".join(["'self'", *inline_script_hashes(html)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "script-src-attr 'none'",  # no onclick= and the like, whatever a page holds
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def _external(site_url: str):
    def fix(match: re.Match) -> str:
        attrs = match.group("attrs")
        href = _HREF.search(" " + attrs)
        if not href or (site_url and href.group("href").startswith(site_url)):
            return match.group(0)
        rel = _REL.search(" " + attrs)
        values = set(rel.group("rel").split()) if rel else set()
        if {"noopener", "noreferrer"} <= values:
            return match.group(0)
        merged = " ".join(sorted(values | {"noopener", "noreferrer"}))
        attrs = _REL.sub("", " " + attrs).strip()
        return f'<a {attrs} rel="{merged}">'

    return fix


_POLICY = re.compile(r'\n?\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def strip_policy(html: str) -> str:
    """The page without the policy a previous hardening added (a page's hashes change with it)."""
    return _POLICY.sub("", html)


def harden_page(html: str, site_url: str, with_policy: bool = True) -> str:
    """Give external links rel="noopener noreferrer" and, unless told not to, add the policy."""
    html = _ANCHOR.sub(_external(site_url), html)
    if with_policy:
        meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
        # after the charset declaration, which must come first, and before any script
        anchor = _CHARSET.search(html) or _HEAD.search(html)
        if anchor:
            html = html[: anchor.end()] + "\n    " + meta + html[anchor.end() :]
    return html
