"""Text in any script: where words and sentences are, for everything that counts, splits or compares.

Rules, not a model, so that the result is the same on every machine and every rule has a test
(tests/test_text.py).

Words: in scripts written with spaces (Latin, Cyrillic, Greek, Arabic, Hebrew, Korean…) a word is
a run of letters and digits, with inner apostrophes, dots and hyphens ("HappyHorse-1.0", "U.S.",
"Alibaba's"). Chinese and Japanese are written without spaces, and each of their characters is a
word of its own here: a quote of "盲测" then holds 盲 and 测. Thai and other scripts written without
spaces stay one word per run between spaces.

Sentences: one ends at 。！？ (and their half-width forms), wherever they stand, and at . ! ? ؟ ।
(with any closing quotes or brackets after it) followed by a space and anything but a lowercase
letter; not after a title such as "Dr." or "St.", a month ("Nov. 5"), "v." between two parties,
"z. B." and the like, a day's ordinal before its month ("5. März"), nor after an initial such as
"J.", and never inside "4.2" or a web address,
where no space follows the full stop. Every line break ends a sentence too.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from anyascii import anyascii

# Each script's characters, written once: here for words, and for telling a text's language by its
# script (archiving/language.py). Han (with 々 and 〇), hiragana and katakana: each character is a word.
HAN_RANGES = "\u3005\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA_RANGES = "\u3040-\u30ff\u31f0-\u31ff"
HANGUL_RANGES = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
THAI_RANGES = "\u0e00-\u0e7f"
CYRILLIC_RANGES = "\u0400-\u04ff"
ARABIC_RANGES = "\u0600-\u06ff"
LATIN_RANGES = "A-Za-z\u00c0-\u024f"
_CJK_CLASS = f"[{HAN_RANGES}{KANA_RANGES}]"
_CJK = re.compile(_CJK_CLASS)
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")  # HappyHorse-1.0, U.S., Alibaba's are one word each
_LETTER = rf"(?:(?!{_CJK_CLASS})[^\W_])"  # a letter or digit of a script written with spaces
_WORD_OR_CJK = re.compile(rf"{_CJK_CLASS}|{_LETTER}+(?:['’.-]{_LETTER}+)*")
_INNER = re.compile(r"['’.-]")
CJK_CHARACTERS_PER_WORD = 2  # a Chinese or Japanese word is about two characters long


def words(text: str) -> list[str]:
    """The words of a text, as written, in order (see the module's note for what a word is)."""
    return (_WORD_OR_CJK if _CJK.search(text) else _WORD).findall(text)


def parts_of(word: str) -> list[str]:
    """A word cut at its inner apostrophes, dots and hyphens: "four-hour" gives "four" and "hour"."""
    return [part for part in _INNER.split(word) if part]


_PART = re.compile(r"[^\W_]+")
_PART_OR_CJK = re.compile(rf"{_CJK_CLASS}|{_LETTER}+")


def word_parts(text: str) -> list[str]:
    """The words of a text, each cut into its parts (`parts_of`): what two wordings of one fact
    share even when they punctuate it apart. (One pattern finds them: a word's parts are its runs
    of letters and digits, which is what `parts_of` leaves of it.)"""
    return (_PART_OR_CJK if _CJK.search(text) else _PART).findall(text)


_HAN = re.compile(f"[{HAN_RANGES}]")
_LATIN_WORD = re.compile(r"[a-z0-9]+")
_APOSTROPHES = re.compile(r"['`’]")


def latin_words(text: str, language: str | None = None) -> list[str]:
    """A text's words in lowercase Latin letters and digits, transliterated from any script, for ids
    and file names that stay readable: 新华网 gives xin, hua, wang; "Ylä-Lapin" gives yla, lapin;
    "Новости" gives novosti, "Приречья" prirechya. Each Chinese character is a word, as in `words`.
    An apostrophe joins (a soft sign, a hamza, "Alibaba's"): it ends no word.

    The text's `language` writes its own letters its own way: German "Fälle" gives faelle (as German
    writes it without umlauts), not falle (a trap). Arabic is written with its long vowels and its
    article ("السوداني" gives al-sudani), not as a skeleton of consonants (lswdny)."""
    if language and language.split("-")[0].casefold() in _LANGUAGE_LETTERS:
        text = text.translate(_LANGUAGE_LETTERS[language.split("-")[0].casefold()])
    found: list[str] = []
    for index, piece in enumerate(_ARABIC_WORD.split(text)):  # every other piece is an Arabic word
        if index % 2:
            if latin := _arabic_in_latin(piece):
                found.append(latin)  # "al-sudani" stays one word
            continue
        spaced = _HAN.sub(lambda han: f" {anyascii(han.group(0))} ", piece)
        found += _LATIN_WORD.findall(_APOSTROPHES.sub("", anyascii(spaced)).casefold())
    return found


# Letters a language writes in Latin its own way when the marks are dropped (DIN 5007-2 for German).
_LANGUAGE_LETTERS = {
    "de": str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "Ss"}),
}
_ARABIC_WORD = re.compile("([\u0621-\u064a\u0671-\u06d3]+)")
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")  # short vowels and other marks, rarely written
_ARABIC_VOWEL_LETTERS = "اآأإوي"
_ARABIC_SIMPLE = {"ا": "a", "آ": "a", "أ": "a", "إ": "i", "ء": "", "ؤ": "u", "ئ": "i", "ة": "a", "ى": "a"}


def _arabic_in_latin(word: str) -> str:
    """An Arabic word in Latin letters a reader can say: its article as al-, alif as a, waw and ya as
    u and i between consonants (w and y before a vowel letter or at the start), the rest by anyascii."""
    word = _ARABIC_MARKS.sub("", word)
    article = len(word) > 3 and word.startswith("ال")
    body = word[2:] if article else word
    out = []
    for index, letter in enumerate(body):
        after = body[index + 1] if index + 1 < len(body) else ""
        if letter in _ARABIC_SIMPLE:
            out.append(_ARABIC_SIMPLE[letter])
        elif letter in "وي":
            consonant = index == 0 or (after != "" and after in _ARABIC_VOWEL_LETTERS + "ة")
            out.append(("w" if letter == "و" else "y") if consonant else ("u" if letter == "و" else "i"))
        else:
            out.append(anyascii(letter))
    latin = "".join(_LATIN_WORD.findall(_APOSTROPHES.sub("", "".join(out)).casefold()))
    return f"al-{latin}" if article and latin else latin


_TAG_PARTS = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|[0-9]{3}))?$")


def language_tag(text: str) -> str | None:
    """A language as a well-formed BCP 47 tag ("zh_cn" gives "zh-CN", "ZH-HANT" gives "zh-Hant"), or
    None when it is not one of the common shape (language, then a script or a region)."""
    found = _TAG_PARTS.match(text.strip())
    if not found:
        return None
    language, script, region = found.groups()
    return "-".join(part for part in (language.lower(), script and script.title(), region and region.upper()) if part)


def language_problem(value: str) -> str | None:
    """Why `value` is not a language tag as the data writes it (zh, zh-Hant, pt-BR), or None."""
    if language_tag(value) == value:
        return None
    return (
        f"'{value}' is not a language tag; write a BCP 47 tag such as en, de, zh, zh-Hant, ja or ar "
        "(the language in lowercase, then a script or a region if need be)"
    )


def same_language(first: str, second: str) -> bool:
    """Whether a reader of one reads the other: the same language, whatever the region or script
    (zh-CN and zh-Hant, en-GB and en), as far as a translation is concerned."""
    return first.split("-")[0] == second.split("-")[0]


def language_name(tag: str) -> str:
    """A language's name in English, for messages ("Chinese (China)" for zh-CN); the tag itself
    when the locale data does not know it."""
    from babel import Locale, UnknownLocaleError  # only messages need it: not loaded by every build

    try:
        return Locale.parse(tag, sep="-").get_display_name("en") or tag
    except (ValueError, UnknownLocaleError):
        return tag


RIGHT_TO_LEFT = frozenset({"ar", "arc", "dv", "fa", "he", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi"})
RIGHT_TO_LEFT_SCRIPTS = frozenset({"Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg"})


def direction(language: str) -> str:
    """The direction a language is written in, for HTML's `dir`: "rtl" or "ltr". Going by the
    language alone, as browsers do without a script subtag (Kurdish in Latin letters: ku-Latn)."""
    primary, *rest = language.split("-")
    if rest and len(rest[0]) == 4:  # a script subtag decides: ku-Arab, az-Arab, ku-Latn
        return "rtl" if rest[0] in RIGHT_TO_LEFT_SCRIPTS else "ltr"
    return "rtl" if primary in RIGHT_TO_LEFT else "ltr"


# Thai, Lao, Khmer and Burmese are written without spaces between words (a space ends a phrase);
# with no dictionary here, their words are counted as about five letters each.
_UNSPACED = re.compile(f"[{THAI_RANGES}\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff]")  # and Lao, Burmese, Khmer
UNSPACED_CHARACTERS_PER_WORD = 5


def display_width(text: str) -> int:
    """How many columns a text takes in a fixed-size font: a Chinese, Japanese or Korean character
    (East Asian wide or full-width) two, any other one (what an axis label needs to fit its room)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def count_words(text: str) -> int:
    """How many words a text has, Chinese and Japanese ones counted as two characters each (Thai
    and the like as five): the length a reader would give it, so that a complete article in any
    script is long enough."""
    cjk = len(_CJK.findall(text))
    unspaced = len(_UNSPACED.findall(text))
    rest = _UNSPACED.sub(" ", _CJK.sub(" ", text))
    return len(_WORD.findall(rest)) + -(-cjk // CJK_CHARACTERS_PER_WORD) + -(-unspaced // UNSPACED_CHARACTERS_PER_WORD)


# Words that end in a full stop without ending a sentence (compared without the stop, lowercased).
ABBREVIATIONS = frozenset({
    # English titles, companies and the like
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "rev", "hon", "gen", "col", "lt", "capt", "sgt",
    "sen", "rep", "gov", "pres", "inc", "ltd", "co", "corp", "bros", "vs", "v", "cf", "approx", "dept", "univ",
    "ave", "rd", "mt", "ft", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
    # months, as datelines and court reports abbreviate them
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    # German, French and Spanish
    "z", "bzw", "ca", "vgl", "usw", "str", "s.a", "sra", "mme", "mlle",
})  # fmt: skip
NUMBERED = frozenset({"no", "nos", "nr", "vol", "p", "pp", "fig", "art", "sec", "ch"})  # "No. 5", "p. 12"
# A day written as an ordinal ("am 5. März", "le 1. mai" is rarer) goes on into its month's name.
MONTH_NAMES = frozenset({
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "dezember", "january", "february", "march", "may", "june", "july", "october", "december",
})  # fmt: skip
_FIRST_WORD = re.compile(r"[\"'“‘(\[«]?([^\W\d_]+)")
_BOUNDARY = re.compile(r"([.!?؟।]+)([\"'”’)\]»]*)\s+(?=\S)")
_WIDE_STOP = re.compile(r"[。！？｡]+[」』）】〉》”’\"')]*")  # ends a sentence with or without a space after
_LAST_WORD = re.compile(r"(\S+)$")


def _continues(before: str, stop: str, after: str) -> bool:
    """True when the stop at the end of `before` does not end a sentence: what follows starts in
    lower case, or the stop belongs to an abbreviation, an initial or a day's ordinal."""
    next_char = after.lstrip("\"'“‘([«")[:1]
    if next_char.islower():
        return True
    if stop != ".":
        return False
    last = _LAST_WORD.search(before)
    if not last:  # a stop after a space ends the sentence
        return False
    word = last.group(1).lstrip("(\"'“‘[«")  # the stop itself is not in `before`
    lowered = word.lower()
    if lowered in ABBREVIATIONS:
        return True
    if lowered in NUMBERED and next_char.isdigit():
        return True
    if word.isdigit() and len(word) <= 2:
        following = _FIRST_WORD.match(after)
        return following is not None and following.group(1).lower() in MONTH_NAMES
    return len(word) == 1 and word.isupper()  # an initial: "J. R. R. Tolkien"


def _split_spaced(line: str) -> list[str]:
    sentences, start = [], 0
    for match in _BOUNDARY.finditer(line):
        if _continues(line[start : match.start()], match.group(1), line[match.end() :]):
            continue
        sentences.append(line[start : match.end()].strip())
        start = match.end()
    sentences.append(line[start:].strip())
    return sentences


def split_line(line: str) -> list[str]:
    """One line of text cut into its sentences, each stripped."""
    sentences, start = [], 0
    for match in _WIDE_STOP.finditer(line):
        sentences += _split_spaced(line[start : match.end()])
        start = match.end()
    sentences += _split_spaced(line[start:])
    return [sentence for sentence in sentences if sentence]


def split_text(text: str) -> list[str]:
    """Every sentence of a text, line by line."""
    return [sentence for line in text.splitlines() for sentence in split_line(line)]


_HAN_RUN = None  # compiled on first use: only a site with Chinese text needs it


def search_segments(text: str) -> str:
    """Chinese runs cut into words, each set off by zero-width spaces (the search's separator
    includes U+200B), so that search finds a word inside a sentence written without spaces: the
    browser's search splits only where a separator is. Cutting again gives the same text."""
    global _HAN_RUN
    if not _HAN.search(text):
        return text
    import regex
    import rjieba  # jieba's dictionary of Chinese words, loaded once, and only for Chinese text

    if _HAN_RUN is None:
        _HAN_RUN = regex.compile(r"\u200b*(\p{script=Han}+)\u200b*")
    text = _HAN_RUN.sub(lambda found: found.group(1), text)  # as it was before any cut
    cut = _HAN_RUN.sub(lambda found: "\u200b" + "\u200b".join(rjieba.cut(found.group(1))) + "\u200b", text)
    return cut.strip("\u200b")


# English's small words: the NLTK stop-word list the check was first written with (its "one" and
# "two" added: counts are said, not claimed). Every other language's come from stopwords-iso
# (the `stopwordsiso` package), kept for 50-odd languages: a list no one here writes by hand.
_ENGLISH_SMALL_WORDS = frozenset({
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
    "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it",
    "its", "itself", "just", "may", "me", "might", "more", "most", "must", "my", "no", "nor", "not", "now",
    "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "same", "she", "should",
    "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "whom", "whose", "why", "will", "with", "would", "you", "your", "one",
    "two",
})  # fmt: skip

# Words that say where a claim comes from rather than what it is ("the source says", "laut", "据报道"),
# by language. No list is kept of them anywhere, so they are written here; CONTRIBUTING asks a new
# catalog language for its own (tests/test_wording.py fails without them).
ATTRIBUTION_WORDS = {
    "en": "source source's sources says say said reports reported calls called archived credited article",
    "de": "quelle quellen sagt sagte sagen sagten berichtet berichtete berichten bericht laut zufolge meldet "
    "meldete melden nennt nannte genannt schreibt schrieb heißt hieß archiviert artikel",
    "zh": "据 报 道 称 表 示 说 来 源 文 章 指 出",
    "ar": "قال قالت يقول تقول قالوا أفاد أفادت ذكر ذكرت يذكر وفق وفقا حسب بحسب مصدر المصدر مصادر المصادر "
    "المقال مقال تقرير التقرير أورد أوردت",
}


def small_words(language: str) -> frozenset[str]:
    """The words of `language` that carry no claim of their own ("the", "dass", "的", "في"), casefolded:
    the wording check does not count them. A language stopwords-iso does not know has none."""
    return _small_words(language.split("-")[0].casefold())


@functools.cache
def _small_words(language: str) -> frozenset[str]:
    if language == "en":
        return _ENGLISH_SMALL_WORDS
    import stopwordsiso  # its table is read only for a story in another language

    if not stopwordsiso.has_lang(language):
        return frozenset()
    # Chinese and Japanese are compared character by character (see words): of theirs, only the
    # words of one character are small ("的", not every character of "我们").
    listed = stopwordsiso.stopwords(language)
    return frozenset(word.casefold() for word in listed if len(word) == 1 or not _CJK.search(word))


def attribution_words(language: str) -> frozenset[str]:
    """The words of `language` that say who says something ("says", "berichtet", "据报道"), casefolded."""
    listed = ATTRIBUTION_WORDS.get(language.split("-")[0].casefold(), "")
    return frozenset(word.casefold() for word in listed.split())


# The scripts a text's letters can be told apart by, and the ISO 15924 codes of the writing systems
# that use each (Japanese mixes Han and kana, Korean may use Han).
_SCRIPT_LETTERS = {
    "Arab": re.compile(f"[{ARABIC_RANGES}]"),
    "Hani": re.compile(f"[{HAN_RANGES}]"),
    "Kana": re.compile(f"[{KANA_RANGES}]"),
    "Hang": re.compile(f"[{HANGUL_RANGES}]"),
    "Cyrl": re.compile(f"[{CYRILLIC_RANGES}]"),
    "Thai": re.compile(f"[{THAI_RANGES}]"),
    "Hebr": re.compile("[\u0590-\u05ff]"),
    "Grek": re.compile("[\u0370-\u03ff]"),
    "Latn": re.compile(f"[{LATIN_RANGES}]"),
}
_WRITTEN_IN = {"Hani": {"Hans", "Hant", "Hani", "Jpan", "Kore"}, "Kana": {"Jpan"}, "Hang": {"Kore"}}
_ANY_LETTER = re.compile(r"[^\W\d_]")


def main_script(text: str) -> str | None:
    """The script most of a text's letters are in (ISO 15924: Latn, Arab, Hani …), or None when no
    script has at least half of them (a mix) or the text has no letters."""
    if text.isascii():  # most quotes of most stories: no need to count nine scripts' letters
        return "Latn" if any(char.isalpha() for char in text) else None
    letters = len(_ANY_LETTER.findall(text))
    if not letters:
        return None
    counts = {script: len(pattern.findall(text)) for script, pattern in _SCRIPT_LETTERS.items()}
    if counts["Kana"]:  # Japanese: its Han characters are part of its writing too
        counts["Kana"] += counts["Hani"]
    script = max(counts, key=counts.__getitem__)
    return script if counts[script] * 2 >= letters else None


@functools.cache
def language_script(language: str) -> str | None:
    """The script a language is written in (its tag's own, as zh-Hant says, or CLDR's likely one)."""
    from babel.core import get_global  # only a check of a source without a language needs it

    parts = language.replace("_", "-").split("-")
    given = next((part.title() for part in parts[1:] if len(part) == 4 and part.isalpha()), None)
    if given:
        return given
    likely = get_global("likely_subtags").get(parts[0].casefold())
    return likely.split("_")[1] if likely and likely.count("_") >= 1 else None


def can_be_in(text: str, language: str) -> bool:
    """Whether `text` can be written in `language` by its script: an Arabic quote cannot be English,
    a Latin one cannot be Chinese. A mixed text, or a language whose script is not known, can."""
    script, written = main_script(text), language_script(language)
    if script is None or written is None:
        return True
    return written in _WRITTEN_IN.get(script, {script})


_SCRIPT_NAMES = {
    "Arab": "Arabic", "Hani": "Chinese (Han)", "Kana": "Japanese", "Hang": "Korean (Hangul)",
    "Cyrl": "Cyrillic", "Thai": "Thai", "Hebr": "Hebrew", "Grek": "Greek", "Latn": "Latin",
}  # fmt: skip


def script_name(script: str | None) -> str:
    """A script's name in English, for messages."""
    return _SCRIPT_NAMES.get(script or "", script or "unknown")


SHOWN_CHANGE = 160  # characters of a changed passage a reader is shown, each side


def changed_words(before: str, after: str) -> tuple[str, str]:
    """The words that differ between two versions of a text, whole words in any script (a Chinese
    or Japanese character is a word), with one word around an insertion or a deletion so that
    neither side is empty: "after that Friday" → "on or after that Friday" gives ("after", "on or
    after"). Long passages are cut with "…"."""
    before, after = " ".join(before.split()), " ".join(after.split())
    if before == after:
        return before, after
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    start = _word_start(before, start)
    old_end, new_end = _word_end(before, len(before) - end), _word_end(after, len(after) - end)
    end = min(len(before) - old_end, len(after) - new_end)
    old, new = before[start : len(before) - end], after[start : len(after) - end]
    if not old.strip() or not new.strip():  # an insertion or a deletion: with a word of its place
        if end:
            end = len(before) - _word_end(before, len(before) - end + 1)
        elif start:
            start = _word_start(before, start - 1)
        old, new = before[start : len(before) - end], after[start : len(after) - end]
    return _cut(old.strip()), _cut(new.strip())


def _in_word(char: str) -> bool:
    return not char.isspace() and not _CJK.match(char)


def _word_start(text: str, at: int) -> int:
    while 0 < at <= len(text) and _in_word(text[at - 1]) and (at == len(text) or _in_word(text[at])):
        at -= 1
    return at


def _word_end(text: str, at: int) -> int:
    while 0 <= at < len(text) and _in_word(text[at]) and (at == 0 or _in_word(text[at - 1])):
        at += 1
    return at


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN_CHANGE else text[: SHOWN_CHANGE - 1].rstrip() + "…"


_KANA = re.compile(r"[\u3040-\u30ff]")


def without_marks(text: str) -> str:
    """A text casefolded and without the marks on its letters, as a metadata reader writes a name
    ("Gàbor Muniér" as "gabor munier", an Arabic name without its short vowels). Kana keep their
    voicing marks: ガ and カ are different sounds, not one letter written two ways."""
    if text.isascii():  # most words a page has: nothing to take off
        return text.casefold()
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", text.casefold()):
        if unicodedata.combining(char) and not (kept and _KANA.match(kept[-1])):
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))
