"""Every specific quoted: a title, summary, description or Home-page sentence gives only the numbers,
dates and names its quotes give. A corpus of made-up articles (tests/corpus/specifics.yml) holds
rewordings that must pass and fabrications, one added specific each, that must be refused with a
message naming what was added; in English, German and Chinese, and across a translation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_cli
from timeline_core.model.quotes import checksum
from timeline_core.model.specifics import Written, specifics, unquoted

CORPUS = yaml.safe_load((Path(__file__).parent / "corpus" / "specifics.yml").read_text(encoding="utf-8"))


def _story_with(project, case: dict) -> dict[str, str]:
    """The case's article as the project's one source, and one event per text; {file: text}."""
    project.write("timeline/story.yml", f"title: Specifics\nlanguage: {case['story']}\n")
    project.write_bytes("seeds/article.txt", (case["article"] + "\n").encode("utf-8"))
    project.write(
        "timeline/sources.yml",
        yaml.safe_dump(
            [
                {
                    "id": "article",
                    "title": "An article",
                    "publisher": "Example Press",
                    "url": "https://example.com/article",
                    "published": "2026-04-06",
                    "accessed": "2026-04-07",
                    "language": case["source"],
                    "archive": "seeds/article.txt",
                    "sha256": checksum(case["article"] + "\n"),
                }
            ],
            allow_unicode=True,
        ),
    )
    project.write("timeline/entities.yml", "[]\n")
    citation = {"source": "article", "quote": case["article"]}
    if case.get("translation"):
        citation |= {"translation": case["translation"], "translated_by": "machine"}
    texts = {f"faithful-{n}": text for n, text in enumerate(case["faithful"])}
    texts |= {f"fabricated-{n}": text for n, item in enumerate(case["fabricated"]) for text in [item["text"]]}
    for name, text in texts.items():
        event = {
            "title": text,  # judged on its own too: the same words
            "date": "2026-04-06",
            "date_basis": "stated",
            "status": "reported",
            "summary": text,
            "citations": [citation],
        }
        project.write(f"timeline/events/2026-04-06-{name}.yml", yaml.safe_dump(event, allow_unicode=True))
    return texts


@pytest.mark.parametrize("case", CORPUS, ids=[f"{c['story']}-from-{c['source']}" for c in CORPUS])
def test_rewordings_pass_and_every_added_specific_is_refused_by_name(empty_project, case):
    _story_with(empty_project, case)
    code, output = run_cli("--root", str(empty_project.root), "check")  # in this process: mutation tests see it
    errors: dict[str, list[str]] = {}
    for line in output.splitlines():
        if found := re.match(r"timeline/events/2026-04-06-(\S+)\.yml:\d+:\d+: error: (.*)", line):
            errors.setdefault(found.group(1), []).append(found.group(2))
    faithful = {name: messages for name, messages in errors.items() if name.startswith("faithful")}
    assert not faithful, faithful
    for number, item in enumerate(case["fabricated"]):
        text, specific = item["text"], item["adds"]
        messages = errors.get(f"fabricated-{number}", [])
        named = [
            m.split("summary gives ", 1)[1].split(", which no quote")[0] for m in messages if "summary gives " in m
        ]
        assert any(specific in listed for listed in named), (text, messages)
    assert code == 1


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("Shares rose 6.75% to 152 dollars on Wednesday.", "en", ["Wednesday", "6.75%", "152"]),
        ("Die Aktie stieg am Mittwoch um 6,75 Prozent.", "de", ["Mittwoch", "6,75"]),
        ("股价周三上涨6.75%，报152港元。", "zh", ["周三", "6.75%", "152"]),
        ("株価は水曜日に6.75%上昇し、オープンAIが発表した。", "ja", ["水曜日", "6.75%", "AI", "オープン"]),
        ("ارتفع السهم يوم الأربعاء بنسبة ٦٫٧٥٪ في أبريل", "ar", ["الأربعاء", "أبريل", "٦٫٧٥٪"]),
        ("The council may meet in May.", "en", ["May"]),  # the verb is not the month
        ("Council approves the footbridge.", "en", []),  # a sentence's first word is a name only by its shape
        ("Die Brücke wird im Herbst gebaut.", "de", []),  # a German noun is not a name
        ("OpenAI Announces The End Of Sora", "en", ["OpenAI"]),  # a title in title case: names by shape
    ],
)
def test_specifics_are_found_in_every_script(text, language, found):
    shown = [specific.shown for specific in specifics(text, language, title=text.istitle() or "Announces" in text)]
    assert sorted(set(shown)) == sorted(set(found))


@pytest.mark.parametrize(
    ("text", "language", "quote", "quote_language"),
    [
        ("Shares rose 6.75% in April.", "en", "股价4月上涨6.75%", "zh"),  # a month by its number
        ("Die Kosten: 9 Milliarden.", "de", "The cost is 9 billion.", "en"),  # a scale in two languages
        ("Thirty days later.", "en", "三十天后", "zh"),  # a number word and a Han numeral
        ("On Friday.", "en", "يوم الجمعة", "ar"),  # a weekday by its place in the week
        ("In 2026.", "en", "عام ٢٠٢٦", "ar"),  # Arabic-Indic digits
    ],
)
def test_a_specific_matches_however_the_source_writes_it(text, language, quote, quote_language):
    assert unquoted(text, language, [Written(quote, quote_language)]) == []
    assert unquoted(text, language, [Written("Nothing of the kind.", "en")]) != []
