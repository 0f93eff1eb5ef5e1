"""`timeline coverage`: a sentence counts as used when its quotes span at least half of it.

The edges are what a contributor meets: a quote of 45% of a sentence leaves it uncovered and
says so, one of exactly half covers it.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import STORIES, run_cli
from tests.events import EVENT, GOOD
from timeline_core.model.quotes import checksum

READY = "The Example Company said on Monday that its model is ready."
SALES = "Sales rose 5% today."  # 20 characters, so each one is 5% of the sentence


def _complete(project) -> None:
    """The example source becomes the story's own article: every sentence must be accounted for."""
    sources = project.root / "timeline/sources.yml"
    if "coverage: complete" not in (text := sources.read_text(encoding="utf-8")):
        sources.write_text(text + "  coverage: complete\n", encoding="utf-8")


def _cover(project, *quotes: str) -> tuple[int, str]:
    """`timeline coverage --fail-under 100` of the source, made complete, once the event also
    quotes each of `quotes`."""
    _complete(project)
    project.write_archive("seeds/example.txt", f"{READY}\n{SALES}\n")
    entities = project.root / "timeline/entities.yml"
    entities.write_text(re.sub(r"quote: .*", f"quote: {READY}", entities.read_text(encoding="utf-8")))
    extra = "".join(f"  - source: example\n    quote: '{quote}'\n" for quote in quotes)
    project.write(EVENT, GOOD + extra)
    return run_cli("--root", str(project.root), "coverage", "--fail-under", "100")


@pytest.mark.parametrize(
    ("quote", "share", "covered"),
    [
        ("Sales", "25%", False),
        ("Sales ", "30%", False),
        ("Sales ros", "45%", False),
        ("Sales rose", "50%", True),
        ("Sales rose 5", "60%", True),
        (SALES, "100%", True),
    ],
)
def test_a_sentence_is_covered_from_half_of_its_characters_quoted(empty_project, quote, share, covered):
    code, out = _cover(empty_project, quote.rstrip())
    if quote.endswith(" "):  # a quote's trailing space is folded away: "Sales" quoted
        share = "25%"
    mark = "ok " if covered else "-- "
    assert f"  {mark}  2. {SALES}\n        cited by ({share} quoted): event 2026-04-06-example-model-ready\n" in out
    assert (code, f"coverage: {2 if covered else 1}/2 sentences" in out) == (0 if covered else 1, True)


def test_two_quotes_of_one_sentence_add_up_and_overlaps_count_once(empty_project):
    code, out = _cover(empty_project, "Sales rose", "rose 5%")  # 0-10 and 6-13: 13 characters
    assert "cited by (65% quoted): event 2026-04-06-example-model-ready\n" in out and code == 0  # named once
    code, out = _cover(empty_project, "Sales", "5% today.")  # 5 + 9 characters, apart
    assert "cited by (70% quoted)" in out and code == 0


def test_a_quote_across_two_sentences_counts_for_each(empty_project):
    code, out = _cover(empty_project, "model is ready. Sales rose")
    assert f"  ok   2. {SALES}\n        cited by (50% quoted): event 2026-04-06-example-model-ready" in out
    assert "coverage: 2/2 sentences (100.0%)" in out and code == 0


def test_an_uncited_sentence_of_a_complete_source_is_named_and_fails_the_check(empty_project):
    code, out = _cover(empty_project)
    not_cited = "not cited: cite it, or list it under the source's 'uncited' with a reason"
    assert f"  --   2. {SALES}\n        {not_cited}" in out
    assert "coverage: 1/2 sentences (50.0%)" in out and code == 1
    check = empty_project.check()
    assert (check.returncode, check.stdout) == (
        1,
        "seeds/example.txt:2:1: error: sentence of source 'example' (coverage: complete) not accounted for: "
        f'"{SALES}"; nothing cites it: cite it from an event, an entity or a glossary term, or list it under '
        "the source's uncited with a reason\n",
    )
    build = empty_project.build()
    assert build.returncode == 1 and "seeds/example.txt:2:1: error: sentence of source 'example'" in build.stderr


def test_a_source_that_only_corroborates_needs_only_its_quotes(empty_project):
    """A six-sentence markets wrap cited for two of its sentences: check, strict build and coverage
    all pass with no `uncited` list, and coverage lists the other four for information."""
    wrap = [
        "Markets closed mixed on Friday.",
        "Alibaba shares rose 4% after the announcement.",
        "Tencent fell 1%.",
        "The Example Company said on Monday that its model is ready.",
        "Oil prices were flat.",
        "Analysts expect a quiet week.",
    ]
    archive = empty_project.write("seeds/wrap.txt", "\n".join(wrap) + "\n")
    sources = empty_project.root / "timeline/sources.yml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + "- id: wrap\n  title: Markets wrap\n  publisher: Wire Markets\n  url: https://wire.example/wrap\n"
        + "  published: 2026-04-10\n  accessed: 2026-04-11\n  archive: seeds/wrap.txt\n"
        + f"  sha256: {checksum(archive.read_text(encoding='utf-8'))}\n",
        encoding="utf-8",
    )
    empty_project.write(
        EVENT, GOOD + f"  - source: wrap\n    quote: {wrap[3]}\n  - source: wrap\n    quote: {wrap[1]}\n"
    )
    assert empty_project.check().returncode == 0
    assert empty_project.build().returncode == 0
    code, out = run_cli("--root", str(empty_project.root), "coverage", "--fail-under", "100")
    assert code == 0
    assert "wrap (seeds/wrap.txt), coverage: quotes (its other sentences listed for information)\n" in out
    assert "  --   1. Markets closed mixed on Friday.\n  ok   2." in out  # listed, with no call to act
    assert "coverage: 2/6 sentences (33.3%)" in out


def test_withdrawing_an_event_names_the_sentences_it_leaves_unaccounted_for(project):
    """The test story's own article is complete: withdrawing the one event that cites a sentence
    fails the check at that sentence, not later in CI."""
    gone = "2026-06-construction-is-expected-to-begin"
    (project.root / f"timeline/events/{gone}.yml").unlink()
    redirects = project.root / "timeline/redirects.yml"
    redirects.write_text(redirects.read_text() + f"- from: {gone}\n  gone: Withdrawn on review.\n")
    check = project.check()
    assert (check.returncode, check.stdout) == (
        1,
        "seeds/gazette-footbridge.txt:8:1: error: sentence of source 'riverside-gazette-footbridge' (coverage: "
        'complete) not accounted for: "Construction is expected to begin around June."; nothing cites it: cite '
        "it from an event, an entity or a glossary term, or list it under the source's uncited with a reason\n",
    )


def test_the_test_storys_coverage_reads_sentence_by_sentence(project):
    """Headlines and bylines are not sentences of the story; every other sentence says who cites it."""
    code, out = run_cli("--root", str(project.root), "coverage", "--fail-under", "100")
    assert code == 0
    assert out == (STORIES / "riverside-coverage.txt").read_text(encoding="utf-8")


def test_a_story_in_five_languages_reads_sentence_by_sentence_in_each(lanterns_project):
    """Chinese and Japanese sentences end at 。 and its kin, German ones not at "15." or "z. B.",
    Arabic ones at ؟; each sentence is shown as its archive writes it."""
    code, out = run_cli("--root", str(lanterns_project.root), "coverage", "--fail-under", "100")
    assert code == 0
    assert out == (STORIES / "lanterns-coverage.txt").read_text(encoding="utf-8")


def test_every_occurrence_of_a_quote_counts_and_uncited_entries_must_be_whole_sentences(empty_project):
    empty_project.write_archive("seeds/example.txt", f"{READY}\n{SALES}\nAgain: {SALES}\n{SALES}\nNooo.\n§\nThe end.\n")
    other = empty_project.write("seeds/other.txt", "Nobody cites this.\n")
    sources = empty_project.root / "timeline/sources.yml"
    text = sources.read_text(encoding="utf-8")
    text += "  uncited:\n    - sentence: The end.\n      reason: A sign-off.\n"
    text += "    - sentence: The end\n      reason: Not a sentence of it.\n"
    text += (
        "- id: other\n  title: Other\n  publisher: Other Press\n  url: https://example.com/other\n"
        f"  published: 2026-04-06\n  accessed: 2026-04-07\n  archive: seeds/other.txt\n"
        f"  sha256: {checksum(other.read_text(encoding='utf-8'))}\n"
    )
    sources.write_text(text.replace("  uncited:", "  coverage: complete\n  uncited:"), encoding="utf-8")
    entities = empty_project.root / "timeline/entities.yml"
    entities.write_text(re.sub(r"quote: .*", f"quote: {READY}", entities.read_text(encoding="utf-8")))
    empty_project.write(
        EVENT, GOOD + f"  - source: example\n    quote: '{SALES}'\n  - source: example\n    quote: oo\n"
    )
    code, out = run_cli("--root", str(empty_project.root), "coverage")
    assert code == 1
    event = "event 2026-04-06-example-model-ready"
    assert out.splitlines() == [
        # the check's: the complete source's sentence that nothing accounts for, the stray entry
        "seeds/example.txt:6:1: error: sentence of source 'example' (coverage: complete) not accounted for: "
        '"§"; nothing cites it: cite it from an event, an entity or a glossary term, or list it under the '
        "source's uncited with a reason",
        "timeline/sources.yml:13:17: error: uncited entry 2 of source 'example' is part of a sentence of "
        "seeds/example.txt, not a whole one; copy the whole sentence, as `uv run timeline coverage` lists it",
        "example (seeds/example.txt), coverage: complete",
        f"  ok   1. {READY}",
        f"        cited by (100% quoted): {event}, entity example-co",
        f"  ok   2. {SALES}",
        f"        cited by (100% quoted): {event}",
        f"  ok   3. Again: {SALES}",
        f"        cited by (74% quoted): {event}",
        f"  ok   4. {SALES}",  # the third time the quote is found
        f"        cited by (100% quoted): {event}",
        "  ok   5. Nooo.",
        f"        cited by (60% quoted): {event}",  # "oo" found at each of its places, overlapping
        "  --   6. §",
        "        not cited: cite it, or list it under the source's 'uncited' with a reason",
        "  ok   7. The end.",
        "        uncited on purpose: A sign-off.",
        "  !! listed as uncited but not a whole sentence of the source: The end",
        "  coverage: 6/7 sentences (85.7%)",
        "other (seeds/other.txt), coverage: quotes (its other sentences listed for information)",
        "  --   1. Nobody cites this.",
        "  coverage: 0/1 sentences (0.0%)",
    ]
