"""How right `timeline source add` gets pages: the article text, title, author, date and language.

    uv run python benchmarks/source_quality.py [--show]
    uv run python benchmarks/source_quality.py --scrapinghub DIR --trafilatura DIR --htmldate DIR [--show]

Without options, each page of tests/web/expected.yml (test pages written for this project, modelled
on the markup news sites and blogs use) is added to a fresh copy of the test story with no options
but the ones a contributor must give (a `.txt` has no title to find), and the new entry and archive
are compared with what a careful editor would write. Prints the share right per field and per
language; `--show` prints each miss.

With the folders of public benchmark sets checked out by hand (see benchmarks/public_sets.py; they
are never committed nor fetched here), each of their real pages is read as `source add` reads a
saved page given with its --url, and judged against the set's own ground truth (public_report.py);
`--trafilatura-alone` judges trafilatura with its defaults the same way, for comparison.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "hooks"))
from benchmarks.public_report import PUBLIC_SETS, report_public  # noqa: E402
from tests.conftest import copy_project  # noqa: E402
from timeline_core.cli import main as timeline  # noqa: E402

PAGES = ROOT / "tests" / "web"
FIELDS = ("text", "title", "author", "published", "language")


@dataclass(frozen=True)
class Judged:
    page: str
    language: str
    right: dict[str, bool]
    misses: tuple[str, ...]


def expectations() -> list[dict]:
    return yaml.safe_load((PAGES / "expected.yml").read_text(encoding="utf-8"))


def judge(expected: dict, work: Path) -> Judged:
    """Add one page to a fresh project and compare what was written with what is expected."""
    project = copy_project(work / expected["page"].replace(".", "-"))
    ident = "page-under-test"
    args = [
        *("--root", str(project.root), "source", "add", str(PAGES / expected["page"])),
        *("--url", f"https://pages.example/{expected['page']}", "--accessed", "2026-03-30", "--id", ident),
        *expected.get("options", []),
    ]
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            code = timeline(args)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
    if code != 0:
        reason = out.getvalue().strip().splitlines()[-1:] or ["(no message)"]
        return Judged(expected["page"], expected["language"], dict.fromkeys(FIELDS, False), (f"refused: {reason[0]}",))
    entry = next(e for e in yaml.safe_load((project.root / "timeline/sources.yml").read_text()) if e["id"] == ident)
    archive = (project.root / entry["archive"]).read_text(encoding="utf-8")
    lines = [" ".join(line.split()) for line in archive.splitlines()]  # a paragraph is one line, whole
    misses = [f"text lacks: {snippet}" for snippet in expected["must"] if not any(snippet in line for line in lines)]
    misses += [f"text holds: {snippet}" for snippet in expected["must_not"] if any(snippet in line for line in lines)]
    right = {"text": not misses}
    for field in ("title", "author", "published", "language"):
        got = entry.get(field)
        want = expected[field] if field != "language" else expected["language"]
        right[field] = (str(got) if got is not None else None) == (str(want) if want is not None else None)
        if not right[field]:
            misses.append(f"{field}: {got!r}, expected {want!r}")
    return Judged(expected["page"], expected["language"], right, tuple(misses))


def judge_all() -> list[Judged]:
    with tempfile.TemporaryDirectory(prefix="timeline-quality-") as tmp:
        return [judge(expected, Path(tmp)) for expected in expectations()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print each miss")
    for name in PUBLIC_SETS:
        parser.add_argument(f"--{name}", type=Path, metavar="DIR", help=f"a checkout of {name}'s benchmark set")
    parser.add_argument("--limit", type=int, help="at most this many pages of each public set")
    parser.add_argument(
        "--trafilatura-alone", action="store_true", help="judge trafilatura with its defaults instead, for comparison"
    )
    args = parser.parse_args()
    folders = {name: getattr(args, name) for name in PUBLIC_SETS if getattr(args, name)}
    if folders:
        report_public(folders, args.limit, args.show, args.trafilatura_alone)
        return
    results = judge_all()
    print(f"{len(results)} pages; share right per field:")
    for field in FIELDS:
        right = sum(r.right[field] for r in results)
        print(f"  {field:<10} {right}/{len(results)} ({right / len(results):.0%})")
    print("per language (all fields right):")
    languages: dict[str, list[Judged]] = {}
    for result in results:
        languages.setdefault(result.language.split("-")[0], []).append(result)
    for language, judged in sorted(languages.items()):
        right = sum(all(r.right.values()) for r in judged)
        print(f"  {language:<4} {right}/{len(judged)}")
    if args.show:
        for result in results:
            for miss in result.misses:
                print(f"{result.page}: {miss}")


if __name__ == "__main__":
    main()
