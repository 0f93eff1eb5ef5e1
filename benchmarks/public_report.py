"""`source add` on the pages of public benchmark sets, judged by each set's ground truth (see
public_sets.py), with every miss and why. Run through benchmarks/source_quality.py."""

from __future__ import annotations

import functools
import multiprocessing
import statistics
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.public_sets import (
    Page,
    f1,
    htmldate_pages,
    normal,
    page_bytes,
    precision_recall,
    same_authors,
    same_title,
    scrapinghub_pages,
    trafilatura_pages,
)
from benchmarks.stated import days_stated, page_says, states_authors, states_title
from timeline_core.archiving.extract import Article, decode_html, extract_article
from timeline_core.archiving.language import article_language, detect_language
from timeline_core.model.text import same_language

PUBLIC_SETS: dict[str, Callable[[Path], Iterator[Page]]] = {
    "scrapinghub": scrapinghub_pages,
    "trafilatura": trafilatura_pages,
    "htmldate": htmldate_pages,
}
GOOD_RECALL, GOOD_PRECISION = 0.90, 0.85  # a page "right" in the sense


@dataclass
class Result:
    page: Page
    refused: str | None = None
    error: str | None = None
    precision: float | None = None
    recall: float | None = None
    right: dict[str, bool] = field(default_factory=dict)  # title, author, day, language, holds, leaves_out
    stated: dict[str, bool] = field(default_factory=dict)  # title, author, day: the page states the truth
    misses: list[str] = field(default_factory=list)


def _article_text(text: str, title: str | None) -> str:
    """The archive's text without the headline `source add` puts on its first line."""
    first, _, rest = text.partition("\n")
    return rest if title and first == title else text


def trafilatura_alone(html: str, url: str | None) -> Article:
    """What trafilatura gives with its defaults, in the same shape, for comparison."""
    import trafilatura

    found = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    text = (found.text if found else None) or ""
    return Article(
        text=text,
        title=found.title if found else None,
        author=found.author if found else None,
        site_name=None,
        host=None,
        canonical_url=None,
        published=found.date if found else None,
        published_how=None,
        licence=None,
        language=found.language if found else None,
    )


def _extract(html: str, url: str | None, alone: bool) -> Article:
    return trafilatura_alone(html, url) if alone else extract_article(html, url, saved=True)


def judge_page(page: Page, alone: bool = False) -> Result:
    """One page as `source add` reads it (`alone`: as trafilatura alone does)."""
    result = Result(page)
    try:
        html = decode_html(page_bytes(page))
        article = _extract(html, page.url, alone)
        text = _article_text(article.text, article.title)
        language = article_language(article.language, article.text, {})
    except Exception:  # a traceback on a real page is a finding, not the end of the run
        result.error = traceback.format_exc(limit=-3)
        result.misses.append(f"error: {result.error.strip().splitlines()[-1]}")
        return result
    if article.short:
        result.refused = article.short[:160]
        result.misses.append(f"refused: {result.refused}")
    kept = "" if article.short else text
    if page.body is not None:
        result.precision, result.recall = precision_recall(page.body, kept)
        if not result.refused and (result.recall < GOOD_RECALL or result.precision < GOOD_PRECISION):
            result.misses.append(f"text: precision {result.precision:.2f}, recall {result.recall:.2f}")
    lines = normal(kept)
    if page.must or page.must_not:
        lacks = [passage for passage in page.must if normal(passage) not in lines]
        holds = [passage for passage in page.must_not if normal(passage) in lines]
        result.right["holds"], result.right["leaves_out"] = not lacks, not holds
        result.misses += [f"text lacks: {passage!r}" for passage in lacks]
        result.misses += [f"text holds: {passage!r}" for passage in holds]
    says = page_says(html)
    if page.title is not None:
        result.right["title"] = same_title(page.title, article.title)
        result.stated["title"] = states_title(says, page.title)
    if page.authors is not None:
        result.right["author"] = same_authors(page.authors, article.author)
        result.stated["author"] = states_authors(says, page.authors)
    if page.day is not None:
        result.right["day"] = article.published == page.day
        result.stated["day"] = page.day in days_stated(html, page.url)
    truth = detect_language(page.body) if page.body and len(page.body.split()) >= 30 else None
    if truth is not None:
        result.right["language"] = language is not None and same_language(language, truth.language)
    wanted = {"title": page.title, "author": page.authors, "day": page.day, "language": truth and truth.language}
    day = f"{article.published} ({article.published_how})" if article.published else None
    got = {"title": article.title, "author": article.author, "day": day, "language": language}
    wrong = [name for name in got if not result.right.get(name, True)]
    unstated = {name: "" if result.stated.get(name, True) else " (the page does not state it)" for name in wrong}
    result.misses += [f"{name}: {got[name]!r}, expected {wanted[name]!r}{unstated[name]}" for name in wrong]
    return result


def _judged(pages: list[Page], alone: bool) -> list[Result]:
    with multiprocessing.get_context("fork").Pool(2, maxtasksperchild=50) as pool:
        return list(pool.imap(functools.partial(judge_page, alone=alone), pages, chunksize=4))


def _share(results: list[Result], name: str) -> str:
    """Right on how many pages; for a field a page can fail to state, first on those that state it
    (the issue's measure), then on every page with a truth."""
    judged = [result.right[name] for result in results if name in result.right]
    if not judged:
        return "-"
    every = f"{sum(judged)}/{len(judged)} ({sum(judged) / len(judged):.1%})"
    if not any(name in result.stated for result in results):
        return every
    stated = [result.right[name] for result in results if result.stated.get(name)]
    share = f"{sum(stated) / len(stated):.1%}" if stated else "-"
    return f"{sum(stated)}/{len(stated)} ({share}) of the pages that state it; {every} of all"


def report_public(folders: dict[str, Path], limit: int | None, show: bool, alone: bool = False) -> None:
    for name, folder in folders.items():
        pages = list(PUBLIC_SETS[name](folder))[:limit]
        results = _judged(pages, alone)
        refused = [result for result in results if result.refused]
        errors = [result for result in results if result.error]
        print(f"{name}: {len(results)} pages, {len(refused)} refused as too short, {len(errors)} tracebacks")
        scored = [result for result in results if result.precision is not None and result.recall is not None]
        if scored:
            precision = statistics.mean(result.precision for result in scored)  # type: ignore[misc]
            recall = statistics.mean(result.recall for result in scored)  # type: ignore[misc]
            page_f1 = statistics.mean(f1(result.precision, result.recall) for result in scored)  # type: ignore[arg-type]
            good = sum(r.recall >= GOOD_RECALL and r.precision >= GOOD_PRECISION for r in scored)  # type: ignore[operator]
            print(f"  text: precision {precision:.3f}, recall {recall:.3f}, F1 {f1(precision, recall):.3f}")
            print(f"        mean F1 per page {page_f1:.3f}; recall ≥ 0.90 and precision ≥ 0.85 on {good}/{len(scored)}")
        for label, key in (
            ("text holds every passage it must", "holds"),
            ("text holds none it must not", "leaves_out"),
            ("headline", "title"),
            ("byline", "author"),
            ("day", "day"),
            ("language", "language"),
        ):
            if (share := _share(results, key)) != "-":
                print(f"  {label + ':':<34} {share}")
        if show:
            for result in results:
                for miss in result.misses:
                    print(f"    {result.page.collection}/{result.page.name}: {miss}")
