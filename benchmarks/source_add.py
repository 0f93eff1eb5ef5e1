"""How long `timeline source add` takes for a 1 MB news page, fetched from a local server.

Run: uv run python benchmarks/source_add.py [--runs 5]. Each run adds the page to a fresh copy of
the repository's story, so the timing includes what a contributor waits for: the fetch, the
extraction, the duplicate checks and the check of the new entry. Prints one line per run, then
the median, then one JSON line of the figures.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.webserver import serve_pages  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    timings = []
    with serve_pages() as (base, _), tempfile.TemporaryDirectory() as scratch:
        url = f"{base}one-megabyte.html"
        size = len(subprocess.run(["curl", "-s", url], capture_output=True).stdout) if shutil.which("curl") else 0
        for run in range(args.runs):
            project = Path(scratch) / f"run-{run}"
            for part in ("timeline", "seeds"):
                shutil.copytree(ROOT / part, project / part)
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "timeline_core.cli", "--root", str(project), "source", "add", url],
                capture_output=True,
                text=True,
            )
            spent = time.perf_counter() - started
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                return 1
            timings.append(spent)
            print(f"run {run + 1}: source add of a {size / 1e6:.2f} MB page: {spent:.2f} s")
    median = statistics.median(timings)
    print(f"median of {len(timings)}: {median:.2f} s (the goal: under 2 s)")
    print(json.dumps({"page_bytes": size, "runs": len(timings), "median_s": round(median, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
