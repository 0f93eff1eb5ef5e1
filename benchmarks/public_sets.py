"""Public benchmark sets of real pages, read from a folder checked out by hand (never fetched here,
never committed), and how a page's extraction is judged against each set's ground truth.

- scrapinghub's article-extraction-benchmark: `html/*.html.gz` and `ground-truth.json`, each page's
  article body. Text is judged by shingles (runs of four words) as that benchmark does: precision is
  the share of the extracted text's shingles that are the article's, recall the share of the
  article's found.
- trafilatura's evaluation set: `tests/evaldata.json` with `tests/eval/` and `tests/cache/`, each
  page with passages its text must hold and must not hold, and for most its title, author and day.
- htmldate's MediaCloud set: `tests/eval_mediacloud_2020.json` with the pages under `tests/`, each
  page's publication day.

Words are cut by the project's text module, which knows every script (Chinese by character).
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from timeline_core.model.text import words

SHINGLE = 4


@dataclass(frozen=True)
class Page:
    """One page of a public set, with what its set says is true of it (None: the set does not say)."""

    collection: str
    name: str
    path: Path
    url: str | None
    body: str | None = None  # the article's whole text
    must: tuple[str, ...] = ()  # passages the text must hold
    must_not: tuple[str, ...] = ()  # passages it must not hold
    title: str | None = None
    authors: tuple[str, ...] | None = None
    day: str | None = None


def scrapinghub_pages(root: Path) -> Iterator[Page]:
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for name, item in sorted(truth.items()):
        yield Page("scrapinghub", name[:12], root / "html" / f"{name}.html.gz", item["url"], body=item["articleBody"])


def _authors(value: str | list[str] | None) -> tuple[str, ...] | None:
    if not value:
        return None
    return tuple(value) if isinstance(value, list) else tuple(part.strip() for part in value.split(";"))


def trafilatura_pages(root: Path) -> Iterator[Page]:
    tests = root / "tests"
    truth = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
    for url, item in sorted(truth.items()):
        path = _found(tests, item["file"], ("eval", "cache"))
        yield Page(
            "trafilatura",
            item["file"],
            path,
            url,
            must=tuple(item.get("with") or ()),
            must_not=tuple(item.get("without") or ()),
            title=item.get("title") or None,
            authors=_authors(item.get("author")),
            day=item.get("date") or None,
        )


def _found(tests: Path, name: str, folders: tuple[str, ...]) -> Path:
    return next(tests / folder / name for folder in folders if (tests / folder / name).exists())


def htmldate_pages(root: Path) -> Iterator[Page]:
    """The MediaCloud set's pages with their publication days. (htmldate's `eval_default.json` holds
    the day its default mode finds, a page's latest change, so it is not a publication day's truth.)"""
    tests = root / "tests"
    for truth_file in ("eval_mediacloud_2020.json",):
        truth = json.loads((tests / truth_file).read_text(encoding="utf-8"))
        for url, item in sorted(truth.items()):
            path = _found(tests, item["file"], ("test_set", "eval", "cache"))
            day = item["date"] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(item["date"])) else None  # "nan": none
            yield Page("htmldate", item["file"], path, url, day=day)


def page_bytes(page: Page) -> bytes:
    data = page.path.read_bytes()
    return gzip.decompress(data) if page.path.suffix == ".gz" else data


def normal(text: str) -> str:
    """Text as two passages are compared: NFC, whitespace collapsed, casefolded."""
    text = text.replace("\xad", "").replace("\u200b", "")  # invisible: a soft hyphen, a zero-width space
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    said = [word.casefold() for word in words(unicodedata.normalize("NFC", text))]
    return Counter(tuple(said[at : at + SHINGLE]) for at in range(max(len(said) - SHINGLE + 1, 1)) if said)


def precision_recall(true: str, found: str) -> tuple[float, float]:
    """The share of `found`'s shingles that are `true`'s, and of `true`'s that `found` has."""
    expected, got = _shingles(true), _shingles(found)
    common = sum((expected & got).values())
    precision = common / sum(got.values()) if got else (1.0 if not expected else 0.0)
    recall = common / sum(expected.values()) if expected else 1.0
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def same_title(true: str, found: str | None) -> bool:
    return found is not None and normal(true) == normal(found)


def people(names: str) -> set[str]:
    """The people a byline names: credits joined by "; ", commas, "and", "&" or a slash ("dpa/AFP"),
    each without a full stop after it ("Rodolfo Costa.")."""
    for joiner in (" and ", " & ", ",", " und ", "、", "，", "/"):
        names = names.replace(joiner, ";")
    return {normal(name).rstrip(". ") for name in names.split(";") if name.strip(" .")}


def same_authors(true: tuple[str, ...], found: str | None) -> bool:
    """The same people, in any order, however the names are joined ("A; B", "A, B", "A and B", "A/B")."""
    return found is not None and people(found) == people(";".join(true))
