"""Text in any script: where words and sentences are, with the hard cases of each script."""

from __future__ import annotations

import pytest

from timeline_core.model.text import (
    can_be_in,
    changed_words,
    count_words,
    display_width,
    language_name,
    latin_words,
    main_script,
    script_name,
    search_segments,
    split_text,
    without_marks,
    words,
)

CASES = [
    ("quotation ending in a full stop",
     'The mayor said it was "a good night for Eastbank." The state will pay half.',
     ['The mayor said it was "a good night for Eastbank."', "The state will pay half."]),
    ("title before a name", "Dr. Smith opened the bridge. Crowds cheered.",
     ["Dr. Smith opened the bridge.", "Crowds cheered."]),
    ("several abbreviations", "Mr. and Mrs. Jones met Gov. Ruiz at St. Mary's. They spoke.",
     ["Mr. and Mrs. Jones met Gov. Ruiz at St. Mary's.", "They spoke."]),
    ("dotted abbreviations", "U.S. officials and U.K. envoys met at 9 a.m. Monday. Talks went on.",
     ["U.S. officials and U.K. envoys met at 9 a.m. Monday.", "Talks went on."]),
    ("initials", "J. R. R. Tolkien wrote it. Others read it.", ["J. R. R. Tolkien wrote it.", "Others read it."]),
    ("decimals", "Shares rose 6.75 percent. They closed 2.12 percent higher.",
     ["Shares rose 6.75 percent.", "They closed 2.12 percent higher."]),
    ("a web address", "Read https://example.com/a.b.html today. It is short.",
     ["Read https://example.com/a.b.html today.", "It is short."]),
    ("a number after No.", "It was item No. 5 on the list. Next came No. 6.",
     ["It was item No. 5 on the list.", "Next came No. 6."]),
    ("questions and exclamations", "Who built it? Nobody knew! Then a post said so.",
     ["Who built it?", "Nobody knew!", "Then a post said so."]),
    ("a closing bracket", "The vote passed (seven to four.) Work begins soon.",
     ["The vote passed (seven to four.)", "Work begins soon."]),
    ("a sentence starting with a number", "It cost a lot. 2026 will tell.", ["It cost a lot.", "2026 will tell."]),
    ("an opening quote", 'He paused. "We are ready," he said.', ["He paused.", '"We are ready," he said.']),
    ("lower case goes on", "It ended at 5 p.m. and then resumed.", ["It ended at 5 p.m. and then resumed."]),
    ("line breaks end sentences", "A headline\nBy a writer\nThe first sentence.",
     ["A headline", "By a writer", "The first sentence."]),
    ("a title in brackets", "They met (Dr. Smith and others) today. Then they left.",
     ["They met (Dr. Smith and others) today.", "Then they left."]),
    ("a dotted abbreviation before a capital", "She serves in the U.S. Army today. Then she retires.",
     ["She serves in the U.S. Army today.", "Then she retires."]),
    ("an initial X", "Malcolm X. Little was born in 1925. He died in 1965.",
     ["Malcolm X. Little was born in 1925.", "He died in 1965."]),
    ("an acronym ends a sentence", "He joined NASA. Then he left.", ["He joined NASA.", "Then he left."]),
    ("a stop after a space", "Wait . Then go.", ["Wait .", "Then go."]),
    ("a blank line", "One.\n\n  \nTwo.", ["One.", "Two."]),
    # English abbreviations that end nothing
    ("a month before a day", "The council voted 5-2 on Wednesday, Nov. 18 to close it. Residents sued.",
     ["The council voted 5-2 on Wednesday, Nov. 18 to close it.", "Residents sued."]),
    ("a case name", "The suit, Friends of Elm Street Library v. Riverside, was filed. It names the council.",
     ["The suit, Friends of Elm Street Library v. Riverside, was filed.", "It names the council."]),
    ("a company", "Blue Line Inc. Chief Ana Ruiz spoke. She was brief.",
     ["Blue Line Inc. Chief Ana Ruiz spoke.", "She was brief."]),
    # Chinese and Japanese: full-width stops end sentences without a space
    ("Chinese", "阿里巴巴表示，该模型由其团队开发。该模型在盲测排名中位列第一！公司表示，将继续投入？",
     ["阿里巴巴表示，该模型由其团队开发。", "该模型在盲测排名中位列第一！", "公司表示，将继续投入？"]),
    ("Chinese with a closing quote", "他说：“我们准备好了。”随后离开。",
     ["他说：“我们准备好了。”", "随后离开。"]),
    ("Japanese", "新しいモデルが発表された。詳細は不明だ｡ 続報を待つ。",
     ["新しいモデルが発表された。", "詳細は不明だ｡", "続報を待つ。"]),
    ("Chinese and English", "The model is called HappyHorse-1.0。它来自阿里巴巴。",
     ["The model is called HappyHorse-1.0。", "它来自阿里巴巴。"]),
    # Arabic: no capitals, and its own question mark
    ("Arabic", "أعلنت الشركة عن نموذج جديد. وقال المتحدث إنه الأفضل؟ لم يعلق أحد.",
     ["أعلنت الشركة عن نموذج جديد.", "وقال المتحدث إنه الأفضل؟", "لم يعلق أحد."]),
    # German: nouns are capitalized, abbreviations such as z. B. and Nr. are common
    ("German", "Der Rat stimmte am 5. März zu, z. B. für die Brücke Nr. 3. Die Stadt zahlt.",
     ["Der Rat stimmte am 5. März zu, z. B. für die Brücke Nr. 3.", "Die Stadt zahlt."]),
    ("German ordinal before a noun", "Am 28. April 2020 begann es. Dann kam die Pause.",
     ["Am 28. April 2020 begann es.", "Dann kam die Pause."]),
    ("a count before a month's name", "The tally was 120. April brought more.",
     ["The tally was 120.", "April brought more."]),
    ("a name starting with X", "Talks ended. Xi Jinping left.", ["Talks ended.", "Xi Jinping left."]),
    ("a lowercase start after a quote mark", 'It was over. "and yet," she said, "it was not."',
     ['It was over. "and yet," she said, "it was not."']),
    ("U.S. before a name", "Officials of the U.S. Department of State met. They left.",
     ["Officials of the U.S. Department of State met.", "They left."]),
    # Spanish and French: S.A. (a company) ends nothing
    ("Spanish", "Telefónica S.A. anunció resultados. Las acciones subieron.",
     ["Telefónica S.A. anunció resultados.", "Las acciones subieron."]),
    ("French", "Le groupe Renault S.A. a publié ses chiffres. Ils sont bons.",
     ["Le groupe Renault S.A. a publié ses chiffres.", "Ils sont bons."]),
    # Korean is written with spaces between words and ends sentences with full stops
    ("Korean", '새 모델이 공개됐다. 반응은 뜨거웠다. 회사는 "곧 출시"라고 밝혔다.',
     ["새 모델이 공개됐다.", "반응은 뜨거웠다.", '회사는 "곧 출시"라고 밝혔다.']),
    ("Russian", "Компания объявила о новой модели. Подробности не раскрываются.",
     ["Компания объявила о новой модели.", "Подробности не раскрываются."]),
    ("Japanese with a quotation", "町長は「友情の光を届けたい」と語った。灯籠は百基だ。",
     ["町長は「友情の光を届けたい」と語った。", "灯籠は百基だ。"]),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_sentences_end_where_a_reader_sees_them_end(text, expected):
    assert split_text(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("HappyHorse-1.0 tops the U.S. charts, Alibaba's unit says.",
         ["HappyHorse-1.0", "tops", "the", "U.S", "charts", "Alibaba's", "unit", "says"]),
        ("该模型在盲测中第一", ["该", "模", "型", "在", "盲", "测", "中", "第", "一"]),
        ("新しいモデル「HappyHorse」", ["新", "し", "い", "モ", "デ", "ル", "HappyHorse"]),
        ("Die Brücke über die Straße", ["Die", "Brücke", "über", "die", "Straße"]),
        ("أعلنت الشركة عن نموذج", ["أعلنت", "الشركة", "عن", "نموذج"]),
        ("새 모델이 1위를 차지했다", ["새", "모델이", "1위를", "차지했다"]),
    ],
)  # fmt: skip
def test_words_are_found_in_every_script(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    "text,count",
    [
        ("One two three.", 3),
        ("该模型在盲测中第一", 5),  # nine characters, about five words
        ("阿里巴巴 HappyHorse-1.0 模型", 4),  # 6 characters are 3 words, and one Latin word
        ("Die Brücke über die Straße", 5),
        ("أعلنت الشركة عن نموذج", 4),
        ("새 모델이 공개됐다. 반응은 뜨거웠다.", 5),
        ("รัฐบาลประกาศมาตรการใหม่", 5),  # 23 letters of Thai, written without spaces: about five words
        ("", 0),
    ],
)
def test_a_texts_length_in_words_is_fair_to_every_script(text, count):
    assert count_words(text) == count


ZH = "阿里巴巴表示，该模型由其团队开发。该模型在盲测排名中位列第一。公司表示，将继续投入。"


def test_quote_finds_a_chinese_passage_by_its_words(empty_project):
    from tests.conftest import run_cli

    ready = "The Example Company said on Monday that its model is ready."
    empty_project.write_archive("seeds/example.txt", f"{ready}\n{ZH}\n")
    code, out = run_cli("--root", str(empty_project.root), "quote", "example", "盲测", "排名")
    assert code == 0, out
    assert out.splitlines()[:3] == [
        "seeds/example.txt:2: (4 of 4 words)",
        "  - source: example",
        '    quote: "该模型在盲测排名中位列第一。"',
    ]


def test_shared_text_is_found_in_chinese_as_in_english():
    from timeline_core.model.corroboration import SHARED_SHARE, shared_share, shingles

    rewrite = "新华网报道：" + ZH.replace("将继续投入", "将加大投入")
    other = "字节跳动暂停了其视频模型的发布，原因尚不清楚。该公司未作进一步说明。"
    assert shared_share(shingles(ZH), shingles(rewrite)) >= SHARED_SHARE
    assert shared_share(shingles(ZH), shingles(other)) < SHARED_SHARE


def test_the_wording_check_reads_a_chinese_summary_of_a_chinese_quote():
    from timeline_core.model.wording import support

    assert support("该模型在盲测中第一", [ZH]).share == 1.0
    found = support("该模型在盲测中第二", [ZH])
    assert found.missing == ("二",) and found.share == pytest.approx(8 / 9)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("新华网", ["xin", "hua", "wang"]),
        ("Ylä-Lapin leudot talvet tekevät", ["yla", "lapin", "leudot", "talvet", "tekevat"]),
        ("Новости дня 53", ["novosti", "dnya", "53"]),
        ("Die Brücke über die Straße", ["die", "brucke", "uber", "die", "strasse"]),
        ("مؤتمر صحفي", ["mutmr", "shfi"]),
        ("Городской совет Приречья", ["gorodskoy", "sovet", "prirechya"]),
        ("Alibaba's unit", ["alibabas", "unit"]),
        ("새 모델", ["sae", "model"]),
        ("HappyHorse-1.0", ["happyhorse", "1", "0"]),
    ],
)
def test_ids_are_readable_from_any_script(text, expected):
    from timeline_core.model.text import latin_words

    assert latin_words(text) == expected


@pytest.mark.parametrize(
    "publisher,host,expected",
    [
        ("Riverside Gazette", "www.gazette.example", "gazette"),
        ("Assabah", "www.assabah.com.tn", "assabah"),  # not "com"
        ("Entermedia", "www.entermedia.co.kr", "entermedia"),  # not "co"
        ("BBC News", "www.bbc.co.uk", "bbc"),
        ("Yle", "yle.fi", "yle"),
        ("新华网", None, "xin-hua"),
        ("河畔日报", "127.0.0.1:8000", "he-pan"),  # an address, not a name
        ("", None, "source"),
    ],
)
def test_a_publishers_short_name_is_its_registered_name_or_its_own(publisher, host, expected):
    from timeline_core.archiving.entry import publisher_slug

    assert publisher_slug(publisher, host) == expected


def test_an_id_leaves_out_english_small_words_and_the_publishers_name_only():
    from timeline_core.archiving.entry import slug

    assert slug("阿里巴巴发布HappyHorse模型") == "a-li-ba-ba"
    assert slug("The Gazette says a bridge is approved", skip="gazette") == "says-bridge-approved"
    assert slug("Die Brücke über die Straße") == "die-brucke-uber-die"


def test_timeline_new_names_an_event_file_in_latin_letters():
    from timeline_core.cli.scaffold import event_id

    assert event_id("阿里巴巴确认HappyHorse", "2026-04-10") == "2026-04-10-a-li-ba-ba-que-ren-happyhorse"
    assert event_id("Die Brücke über die Straße", "2026-04") == "2026-04-die-brucke-uber-die-strasse"
    assert event_id("„“", "2026") == "2026-event"


def test_an_address_is_shown_in_its_own_script_and_linked_encoded():
    from timeline_core.pages.urls import shown_url

    assert (
        shown_url("https://x.example/ar/%D8%A7%D9%84%D8%B3%D9%88%D8%AF%D8%A7%D9%86") == "https://x.example/ar/السودان"
    )
    assert shown_url("https://xn--mgbh0fb.example/a%20b") == "https://مثال.example/a%20b"  # a space stays encoded
    assert shown_url("https://x.example/%E2%80%AEgpj.exe") == "https://x.example/%E2%80%AEgpj.exe"  # a bidi override
    assert shown_url("https://x.example/%E2") == "https://x.example/%E2"  # not UTF-8
    assert shown_url("https://x.example/Stra%C3%9Fe?q=%E5%8C%97%E4%BA%AC") == "https://x.example/Straße?q=北京"


def test_ids_are_written_in_latin_letters_as_each_language_writes_them():
    assert latin_words("Fälle in der Großstadt", "de") == ["faelle", "in", "der", "grossstadt"]
    assert latin_words("Ylä-Lapin", "fi") == ["yla", "lapin"]  # only German writes ä as ae
    assert latin_words("الناشط الحقوقي السوداني خالد") == ["al-nasht", "al-hquqi", "al-sudani", "khald"]
    assert latin_words("بلدية الواحة") == ["bldya", "al-waha"]
    assert latin_words("新华网") == ["xin", "hua", "wang"]


@pytest.mark.parametrize(
    ("written", "bare"),
    [
        ("Gàbor Muniér", "gabor munier"),
        ("Jürgen Müller", "jurgen muller"),
        ("مُحَمَّد", "محمد"),  # Arabic without its short vowels
        ("ガス", "ガス"),  # kana keep their voicing marks
        ("北京", "北京"),
        ("ŁUKASZ", "łukasz"),  # a letter of its own, not a letter with a mark
    ],
)
def test_a_text_without_marks_is_how_a_metadata_reader_writes_a_name(written, bare):
    assert without_marks(written) == bare


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        ("after that Friday", "on or after that Friday", ("after", "on or after")),  # an insertion: a word around it
        ("on or after that Friday", "after that Friday", ("on or after", "after")),  # a deletion
        ("Der Stadtrat stimmte am Dienstag zu", "Der Stadtrat stimmte am Mittwoch zu", ("Dienstag", "Mittwoch")),
        ("Der Stadtrat stimmte zu", "Der Stadtrat stimmte am Mittwoch zu", ("zu", "am Mittwoch zu")),
        ("a b c", "a b c d", ("c", "c d")),  # at the end: the word before it
        ("x a b c", "a b c", ("x a", "a")),  # at the start: the word after it
        ("Friday", "Saturday", ("Friday", "Saturday")),
        ("same  text", "same text", ("same text", "same text")),  # white space is no change
        ("公司周五发布了模型", "公司周六发布了模型", ("五", "六")),  # a Chinese character is a word
        ("公司发布了模型", "公司周六发布了模型", ("发", "周六发")),
        ("モデルは金曜日に公開された", "モデルは土曜日に公開された", ("金", "土")),
        ("قال المتحدث يوم الجمعة", "قال المتحدث يوم السبت", ("الجمعة", "السبت")),
        ("Sie sagte Grüße", "Sie sagte Grüßen", ("Grüße", "Grüßen")),  # a whole word, not its last letter
    ],
)
def test_a_correction_shows_the_words_that_changed_in_any_script(before, after, said):
    assert changed_words(before, after) == said


def test_a_long_change_is_cut_with_an_ellipsis():
    old, new = changed_words("alpha " + "one " * 60, "beta " + "two " * 60)
    assert old.startswith("alpha one") and new.startswith("beta two")
    assert old.endswith("…") and new.endswith("…") and len(old) <= 160 and len(new) <= 160
    assert changed_words("x " * 79 + "y", "x " * 79 + "z") == ("y", "z")  # a short change in a long text: whole


def test_chinese_is_cut_into_words_for_search_and_nothing_else_is():
    cut = search_segments("公司周五发布了新的视频模型")
    assert cut.split("\u200b") == ["公司", "周五", "发布", "了", "新", "的", "视频", "模型"]
    assert search_segments(cut) == cut  # cutting again gives the same text
    assert search_segments("HappyHorse 模型 登顶") == "HappyHorse \u200b模型\u200b \u200b登顶"
    assert search_segments("Ein Modell, ein Tag") == "Ein Modell, ein Tag"
    assert search_segments("モデル") == "モデル"  # kana are not cut


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Hello", "Latn"),
        ("Ünïcödé straße", "Latn"),
        ("مرحبا بالعالم", "Arab"),
        ("你好世界", "Hani"),
        ("こんにちは世界", "Kana"),  # Japanese: its Han characters count with its kana
        ("Привет", "Cyrl"),
        ("Hello 你好 世界 مرحبا", None),  # no script has half the letters
        ("123 456", None),
        ("", None),
    ],
)
def test_a_text_is_in_the_script_most_of_its_letters_are(text, script):
    assert main_script(text) == script


@pytest.mark.parametrize(
    ("text", "language", "can"),
    [
        ("مرحبا بالعالم", "en", False),
        ("مرحبا بالعالم", "ar", True),
        ("Hello world", "zh", False),
        ("你好世界", "ja", True),  # Japanese is written with Han characters too
        ("こんにちは", "zh", False),
        ("Grüße", "de", True),
        ("Hello 你好 世界 مرحبا", "zh", True),  # a mix can be in any language
        ("Hello", "xx", True),  # a language whose script is not known
    ],
)
def test_a_quote_can_be_in_a_language_only_in_its_script(text, language, can):
    assert can_be_in(text, language) is can


@pytest.mark.parametrize(
    ("tag", "name"),
    [("zh-CN", "Chinese (Simplified, China)"), ("de", "German"), ("ar", "Arabic"), ("xx-yy", "xx-yy"), ("qqq", "qqq")],
)
def test_a_language_is_named_in_english_in_messages_or_by_its_tag(tag, name):
    assert language_name(tag) == name


def test_a_script_is_named_in_messages_by_its_name_or_its_code():
    assert [script_name(code) for code in ("Arab", "Hani", None, "Zzzz")] == [
        "Arabic",
        "Chinese (Han)",
        "unknown",
        "Zzzz",
    ]


@pytest.mark.parametrize(
    ("text", "columns"),
    [("Axis", 4), ("中文", 4), ("ＡＢ", 4), ("日本語 A", 8), ("", 0), ("ｱ", 1), ("한국", 4), ("عربي", 4)],
)
def test_a_wide_character_takes_two_columns_and_any_other_one(text, columns):
    assert display_width(text) == columns
