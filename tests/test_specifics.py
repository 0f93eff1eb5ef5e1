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


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("Shares rose 6.75% to 1,500 dollars.", "en", [("number", "6.75", "6.75%"), ("number", "1500", "1,500")]),
        (
            "Die Kosten: 1.500 Euro, dann 2,5 Millionen.",
            "de",
            [("number", "1500", "1.500"), ("number", "2500000", "2,5 Millionen")],
        ),
        (
            "Costs of 1\u00a0000 and 12’500 francs.",
            "fr",
            [("number", "1000", "1\u00a0000"), ("number", "12500", "12’500")],
        ),
        (
            "Es kostete 9 Milliarden; dreißig Tage.",
            "de",
            [("number", "9000000000", "9 Milliarden"), ("number", "30", "dreißig")],
        ),
        (
            "It cost 3 billion and 4 thousand.",
            "en",
            [("number", "3000000000", "3 billion"), ("number", "4000", "4 thousand")],
        ),
        (
            "三十天后，两家公司，一百二十人，三万元，2.5亿元。",
            "zh",
            [
                ("number", "250000000", "2.5亿"),
                ("number", "30", "三十"),
                ("number", "2", "两"),
                ("number", "120", "一百二十"),
                ("number", "30000", "三万"),
            ],
        ),
        ("十分重要，百度，统一，万一，一个。", "zh", []),  # numeral characters that are not numbers here
        (
            "零点，二〇二六年，十二月，三亿",
            "zh",
            [("month", "12", "十二月"), ("number", "2026", "二〇二六"), ("number", "300000000", "三亿")],
        ),
        (
            "The 7th of May; 5G, Qwen2 and HappyHorse-1.0.",
            "en",
            [
                ("month", "5", "May"),
                ("number", "7", "7"),
                ("name", "5g", "5G"),
                ("name", "qwen2", "Qwen2"),
                ("name", "happyhorse-1.0", "HappyHorse-1.0"),
            ],
        ),
        (
            "ارتفع ٦٫٧٥٪ في ٢٠٢٦ بقيمة ١٬٥٠٠ و 3 مليار",
            "ar",
            [
                ("number", "6.75", "٦٫٧٥٪"),
                ("number", "2026", "٢٠٢٦"),
                ("number", "1500", "١٬٥٠٠"),
                ("number", "3000000000", "3 مليار"),
            ],
        ),
        (
            "Alibaba met ByteDance, then Tencent, in Hong Kong on Friday.",
            "en",
            [
                ("weekday", "4", "Friday"),
                ("name", "bytedance", "ByteDance"),
                ("name", "tencent", "Tencent"),
                ("name", "hong", "Hong Kong"),
                ("name", "kong", "Hong Kong"),
            ],
        ),
        ("Zhou Jingren sagte in Singapur, laut Reuters und AP.", "de", [("name", "ap", "AP")]),
        (
            "Er traf Zhou Jingren in Berlin.",
            "de",
            [("name", "zhou", "Zhou Jingren"), ("name", "jingren", "Zhou Jingren")],
        ),
        (
            "阿里巴巴与Google合作，OpenAI发布Sora。",
            "zh",
            [
                ("name", "google", "Google"),
                ("name", "openai", "OpenAI"),
                ("name", "sora", "Sora"),
            ],
        ),
        (
            "アリババはグーグルと提携し、木曜日に発表した。",
            "ja",
            [
                ("weekday", "3", "木曜日"),
                ("name", "アリババ", "アリババ"),
                ("name", "グーグル", "グーグル"),
            ],
        ),
        ("In May 2026 it may rise.", "en", [("month", "5", "May"), ("number", "2026", "2026")]),
        ("It rose 4 and 2.50.", "xx", [("number", "4", "4"), ("number", "2.5", "2.50")]),  # no CLDR data: numerals only
        ("I think so.", "en", []),
    ],
)
def test_specifics_are_read_by_meaning(text, language, found):
    assert [(s.kind, s.key, s.shown) for s in specifics(text, language)] == found


@pytest.mark.parametrize(
    ("title", "found"),
    [
        ("Alibaba Shares Rise After The Confirmation", []),  # title case: every word has a capital
        ("OpenAI Announces The End Of Sora", ["OpenAI"]),  # names by their shape still count
        ("Alibaba's shares rise after Tencent's denial", ["Tencent's"]),  # sentence case: a capital is a name
        ("Shares rise", []),
    ],
)
def test_a_title_in_title_case_gives_names_only_by_their_shape(title, found):
    assert [s.shown for s in specifics(title, "en", title=True) if s.kind == "name"] == found


def test_what_a_record_links_and_the_parts_of_names_need_no_quote():
    quote = [Written("Alibaba's ATH AI Innovation Unit said so on Friday.", "en")]
    assert unquoted("ATH said so.", "en", quote) == []
    assert unquoted("Alibaba said so.", "en", quote) == []  # "Alibaba's" gives Alibaba
    assert unquoted("The Seedance 2.0 rollout paused; ByteDance said so.", "en", quote) == [
        "2.0",
        "Seedance",
        "ByteDance",
    ]
    linked = frozenset({"seeda", "2.0", "#2", "byted"})  # what rules/wording.named gives for its names
    assert unquoted("The Seedance 2.0 rollout paused; ByteDance said so.", "en", quote, linked) == []
    assert unquoted("Said on Thursday and Friday.", "en", quote) == ["Thursday"]
    assert unquoted("Said on Friday, 10 April.", "en", quote) == ["April", "10"]  # dates, numbers, names
    japanese = [Written("アリババは発表した。", "ja")]
    assert unquoted("アリババが発表", "ja", japanese) == []  # a katakana name found in the quote as written
    assert unquoted("グーグルが発表", "ja", japanese) == ["グーグル"]


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("Kurs: 6,75 Prozent", "de-AT", ["6.75"]),  # a regional tag reads as its language
        ("Kurs: 6,75 Prozent", "de_AT", ["6.75"]),
        ("一亿三万人", "zh", ["100030000"]),
        ("上涨15％", "zh", ["15"]),
        ("١٢٫٥ مليون", "ar", ["12500000"]),
    ],
)
def test_numbers_in_regional_tags_and_other_scripts(text, language, found):
    assert [s.key for s in specifics(text, language) if s.kind == "number"] == found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Er sagte, Aktien stiegen laut Reuters.", []),  # a clause's first noun is no name by the next clause's
        ("Er sagte, Zhou Jingren kam.", ["Zhou Jingren", "Zhou Jingren"]),
        ("Er traf Zhou Jingren.", ["Zhou Jingren", "Zhou Jingren"]),
        ("Die Stadt Lindenau baut.", ["Stadt Lindenau", "Stadt Lindenau"]),  # a run, even of a noun and a name
    ],
)
def test_a_german_name_is_a_run_of_capitals_within_a_clause(text, names):
    assert [s.shown for s in specifics(text, "de") if s.kind == "name"] == names


def test_a_short_latin_name_is_not_found_inside_another_word():
    quote = [Written("He said the chain was ready.", "en")]
    assert unquoted("The AI chain is ready, said Ai Weiwei.", "en", quote) == ["AI", "Ai Weiwei"]
