"""Synthetic timelines for benchmarks and scale tests: valid events with real citations.

Every event quotes its own sentence of a synthetic archived source, so the quote check,
coverage and the annotated source page do their full work, as they would on real data.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from timeline_core.model.quotes import checksum

REPO = Path(__file__).resolve().parent.parent
PARTS = ("docs", "hooks", "schemas")  # and mkdocs.yml (make_project's `config`)
TAGS = ("markets", "models", "policy", "research", "chips", "video-generation", "benchmarks", "copyright")
PER_SOURCE = 100
WORDS = ("model", "platform", "leaderboard", "release", "benchmark", "partnership", "lawsuit", "funding")


COMPANIES = tuple(f"company-{n}" for n in range(40))


def _skewed(number: int, names: tuple[str, ...]) -> str:
    """Half the events share the first name, as real timelines have a few very busy entities and tags."""
    return names[0] if number % 2 == 0 else names[1 + number % (len(names) - 1)]


def sentence(number: int) -> str:
    word = WORDS[number % len(WORDS)]
    return (
        f"Company {number % 40} announced synthetic {word} number {number} on a quiet day, "
        f"and observers discussed item {number} at length."
    )


def make_project(
    root: Path, count: int, *, first_year: int = 2016, years: int = 10, config: Path | None = None
) -> Path:
    """Write a complete project with `count` events under `root`; return root. Its mkdocs.yml is
    `config` (the tests give their own), else this repository's, as a benchmark measures it."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(config or REPO / "mkdocs.yml", root / "mkdocs.yml")
    for part in PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copy2(source, root / part)
    (root / "seeds").mkdir(exist_ok=True)
    sources = max(1, -(-count // PER_SOURCE))  # real timelines cite many articles, each of a few kB
    checksums = []
    for number in range(sources):
        sentences = range(number * PER_SOURCE, min(count, (number + 1) * PER_SOURCE))
        text = "\n".join(sentence(n) for n in sentences) + "\n"
        (root / f"seeds/synthetic-{number}.txt").write_text(text, encoding="utf-8")
        checksums.append(checksum(text))
    data = root / "timeline"
    events = data / "events"
    events.mkdir(parents=True, exist_ok=True)
    (data / "sources.yml").write_text(
        "".join(
            f"- id: synthetic-{n}\n  title: Synthetic source {n}\n  publisher: Benchmarks\n"
            f"  url: https://example.com/synthetic/{n}\n  published: 2026-01-01\n  accessed: 2026-01-02\n"
            f"  archive: seeds/synthetic-{n}.txt\n  sha256: {checksums[n]}\n"
            "  republish: full-text\n  republish_basis: Written for the benchmarks.\n"
            for n in range(sources)
        ),
        encoding="utf-8",
    )
    (data / "entities.yml").write_text(
        "".join(
            f"- id: company-{n}\n  name: Company {n}\n  kind: organization\n  description: A synthetic company.\n"
            f"  citations: [{{source: synthetic-0, quote: 'Company {n} announced synthetic'}}]\n"
            for n in range(40)
        ),
        encoding="utf-8",
    )
    (data / "glossary.yml").write_text(
        "".join(
            f"- id: {word}\n  term: {word}\n  definition: A synthetic definition of {word}.\n"
            "  basis: general-knowledge\n"
            for word in WORDS
        ),
        encoding="utf-8",
    )
    (data / "redirects.yml").write_text("[]\n", encoding="utf-8")
    start = dt.date(first_year, 1, 1)
    span = (dt.date(first_year + years, 1, 1) - start).days
    for number in range(count):
        day = start + dt.timedelta(days=number * span // max(count, 1))
        approximate = "~" if number % 7 == 0 else ""
        (events / f"{day.isoformat()}-synthetic-event-{number}.yml").write_text(
            f"title: Synthetic event {number} about a {WORDS[number % len(WORDS)]}\n"
            f"date: {day.isoformat()}{approximate}\n"
            f"date_basis: stated\n"
            + ("date_note: Synthetic approximate date.\n" if approximate else "")
            + f"status: reported\n"
            f"summary: Company {number % 40} announced synthetic item {number}, a {WORDS[number % len(WORDS)]}.\n"
            f"tags: [{_skewed(number, TAGS)}]\n"
            f"entities: [{_skewed(number, COMPANIES)}]\n"
            f"citations:\n  - source: synthetic-{number // PER_SOURCE}\n    quote: '{sentence(number)}'\n",
            encoding="utf-8",
        )
    return root
