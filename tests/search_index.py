"""The search index as a reader's search reads it, and the index Material makes by parsing every
page, with their differences: shared by the tests that hold our index to a full parse."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ENV, Project

BIN = Path(sys.executable).parent


def search_index(site: Path) -> dict[str, tuple[str, str]]:
    """Location -> (title, text with runs of white space as one space), as the search index holds them.

    The zero-width spaces that set Chinese words apart are left out: the hooks cut every entry,
    parsed or not, just before the index is written (tests/test_translations.py holds the cut), and
    the reference build has no hooks."""
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]

    def plain(text: str) -> str:
        return " ".join(text.replace("\u200b", "").split())

    entries = {doc["location"]: (plain(doc["title"]), plain(doc["text"])) for doc in docs}
    assert len(entries) == len(docs), "two entries share a location"
    return entries


def parsed_index(project: Project, work: Path) -> dict[str, tuple[str, str]]:
    """The index Material makes by parsing every page: a plain build of `timeline pages` output."""
    run = project.cli("pages", "--out", str(work / "input"))
    assert run.returncode == 0, run.stderr
    build = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--quiet", "--site-dir", str(work / "site")],
        cwd=work / "input",
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    return search_index(work / "site")


def index_differences(ours: dict, parsed: dict) -> list[str]:
    wrong = [f"only in the parsed index: {location}" for location in parsed if location not in ours]
    wrong += [f"only in ours: {location}" for location in ours if location not in parsed]
    for location, (title, text) in ours.items():
        if location in parsed and parsed[location] != (title, text):
            wrong.append(
                f"{location}:\n  ours:   {title} | {text[:300]}\n  parsed: {' | '.join(parsed[location])[:300]}"
            )
    return wrong
