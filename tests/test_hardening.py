"""Hardening a written page: a policy that runs only the page's own scripts, and safe external links."""

from __future__ import annotations

import base64
import hashlib

from tests.conftest import run_cli
from tests.site_checks import hardening_problems
from timeline_core.pages.hardening import harden_page, strip_policy

SITE = "https://example.org/story/"
SCRIPT = "var a = 1;"
DIGEST = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
POLICY = (
    "default-src 'self'; script-src 'self'{hashes}; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
HEAD = (
    f'<html><head><meta charset="utf-8"><script>{SCRIPT}</script><script src="x.js"></script>'
    '<script type="application/ld+json">{}</script><SCRIPT type=application/json>{"a": 1}</SCRIPT>'
    f"<script>{SCRIPT}</script><script defer>{SCRIPT}</script><script\nSRC='y.js'></script></head>"
)
BODY = (
    '<body><a href="https://elsewhere.org/x">e</a> <a class="c" href=\'http://other.net\' rel="nofollow">o</a> '
    '<a href="https://example.org/story/p">in</a> <a href="../rel">r</a> '
    '<a href="https://x.org" rel="noreferrer noopener">k</a> <a name="top">t</a></body></html>'
)
LATER = "var b = 2;"  # an inline script after one with a source


def test_the_policy_hashes_each_inline_script_once_and_comes_right_after_the_charset():
    hardened = harden_page(HEAD.replace("</head>", f"<script>{LATER}</script></head>") + BODY, SITE)
    later = base64.b64encode(hashlib.sha256(LATER.encode()).digest()).decode()
    hashes = sorted([f"'sha256-{DIGEST}'", f"'sha256-{later}'"])  # one script thrice; src and data skipped
    policy = POLICY.format(hashes=" " + " ".join(hashes))
    assert hardened.startswith(
        f'<html><head><meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="{policy}">'
        f"<script>{SCRIPT}</script>"
    )


def test_external_links_get_noopener_and_noreferrer_and_nothing_else_changes():
    hardened = harden_page(HEAD + BODY, SITE)
    assert hardened.endswith(
        '<body><a href="https://elsewhere.org/x" rel="noopener noreferrer">e</a> '
        '<a class="c" href=\'http://other.net\' rel="nofollow noopener noreferrer">o</a> '
        '<a href="https://example.org/story/p">in</a> <a href="../rel">r</a> '
        '<a href="https://x.org" rel="noreferrer noopener">k</a> <a name="top">t</a></body></html>'
    )
    assert harden_page('<a rel="nofollow" href="https://x.org">x</a>', SITE) == (
        '<a href="https://x.org" rel="nofollow noopener noreferrer">x</a>'
    )
    assert harden_page(BODY, "").count('rel="noopener noreferrer"') == 2  # no site address: every http link


def test_a_page_without_charset_gets_the_policy_first_in_its_head_and_without_policy_none():
    page = "<html><HEAD lang=en><title>t</title></HEAD><body></body></html>"
    assert harden_page(page, SITE) == (
        '<html><HEAD lang=en>\n    <meta http-equiv="Content-Security-Policy" '
        f'content="{POLICY.format(hashes="")}"><title>t</title></HEAD><body></body></html>'
    )
    assert harden_page(page + '<a href="https://x.org">x</a>', SITE, with_policy=False) == (
        page + '<a href="https://x.org" rel="noopener noreferrer">x</a>'
    )


def test_hardening_again_replaces_the_policy_instead_of_adding_one():
    once = harden_page(HEAD + BODY, SITE)
    assert strip_policy(once) == harden_page(HEAD + BODY, SITE, with_policy=False)
    assert harden_page(strip_policy(once), SITE) == once


def test_timeline_harden_hardens_every_page_of_a_site(project, tmp_path):
    site = tmp_path / "site"
    pages = ["index.html", "timeline/index.html", "entities/a/index.html", "404.html"]
    for name in pages:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(HEAD + BODY, encoding="utf-8")
    (site / "feed.xml").write_text("<feed/>", encoding="utf-8")
    assert run_cli("--root", str(project.root), "harden", str(site), "--site-url", SITE) == (
        0,
        f"hardened 4 pages of {site}\n",
    )
    assert [problem for name in pages for problem in hardening_problems(site / name, SITE)] == []
    assert (site / "feed.xml").read_text() == "<feed/>"
    assert run_cli("--root", str(project.root), "harden", str(site), "--site-url", SITE)[1] == (
        f"hardened 0 pages of {site}\n"
    )
    assert run_cli("--root", str(project.root), "harden", str(tmp_path / "none")) == (
        2,
        f"error: {tmp_path / 'none'} is not a folder; build the site first\n",
    )
