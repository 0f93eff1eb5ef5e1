"""How tall the Timeline page is, as a reader scrolls it: 1280 px and 375 px wide, in Chromium.

Run: uv run python benchmarks/page_height.py [ROOT]. Builds ROOT (default: this repository's
story) into a temporary folder, serves it locally and prints the page's height in CSS pixels at
each width, then one JSON line. A figure to compare before and after a change of the card or the
axis, not a test: fonts and the browser version move it by a few pixels.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (1280, 375)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", nargs="?", type=Path, default=ROOT)
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
            cwd=args.root,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        if build.returncode != 0:
            print(build.stderr, file=sys.stderr)
            return 1
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        heights = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium)
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/timeline/")
                page.wait_for_load_state("networkidle")
                heights[width] = page.evaluate("document.documentElement.scrollHeight")
                print(f"timeline page at {width} px wide: {heights[width]:,} px tall")
            browser.close()
        server.shutdown()
    print(json.dumps({"timeline_height_px": heights}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
