"""The specifics of a text: its numbers, its dates' words and its names, for the check that every
specific a title, summary or description gives is one its quotes give.

A share of quoted words lets a summary add "on 3 April", "of 30 days" or "in Singapore" and still
pass; a reader takes exactly those words as what the source says. So each is found on its own and
compared by what it means, not how it is written: "6,75" (German) is "6.75", "٢٠٢٦" is "2026",
"三十" and "thirty" are 30, "9 billion" and "90亿" are 9,000,000,000, "Mai", "五月", "5月" and "May"
are the fifth month, "星期四" and "Thursday" the same weekday. Month and weekday names, scale words
and percent words are CLDR's (Babel); number words up to 99 are num2words'.

Names are found by their shape, since no list holds every name: in a script with capitals, a
capitalized word inside a sentence ("in Singapore", "led by Zhou Jingren"), or anywhere a word
with a capital or a digit inside it ("OpenAI", "Qwen2"). German capitalizes every noun, so there
only such shapes and runs of two or more capitalized words count; a sentence's first word counts
only by its shape; a title written in title case counts only by shape. In a text written in
another script, a word in Latin letters is a name ("Google" in Chinese), and so is a katakana
word in Japanese. Names in Han or Arabic letters have no shape to find them by: the share of
quoted words (model/wording.py) is what holds those.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from .text import HAN_RANGES, KANA_RANGES, main_script, small_words, split_text, words

NOUNS_CAPITALIZED = frozenset({"de", "lb"})  # German and Luxembourgish write every noun with a capital
CASED_SCRIPTS = frozenset({"Latn", "Cyrl", "Grek", "Armn"})
STEM = 5  # as model/wording.py: "Singapore" meets "Singaporean", "Google" meets "Googles"


@dataclass(frozen=True)
class Specific:
    kind: str  # "number", "month", "weekday" or "name"
    key: str  # what it means: "6.75", "4" (April), "4" (Friday), "singa"
    shown: str  # as the text writes it


def _base(language: str) -> str:
    return language.replace("_", "-").split("-")[0].casefold()


@functools.cache
def _locale(language: str):  # noqa: ANN202 (Babel's Locale, imported when first needed)
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


@functools.cache
def _date_names(language: str) -> dict[str, tuple[str, int]]:
    """A language's month and weekday names (CLDR's wide ones, and in Chinese and Japanese the
    abbreviated ones too: 5月, 周四), each with what it means."""
    from babel.dates import get_day_names, get_month_names

    locale = _locale(language)
    if locale is None:
        return {}
    widths: tuple[Literal["wide", "abbreviated"], ...] = (
        ("wide", "abbreviated") if _base(language) in {"zh", "ja", "ko", "yue"} else ("wide",)
    )
    names: dict[str, tuple[str, int]] = {}
    for width in widths:
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale).items():
                names.setdefault(name, ("month", number))
            for number, name in get_day_names(width, context, locale).items():
                if len(name) >= 2:  # 木 (Thursday in Japanese) is also "wood"
                    names.setdefault(name, ("weekday", number))
    return names


@functools.cache
def _date_pattern(language: str) -> re.Pattern[str] | None:
    names = sorted(_date_names(language), key=len, reverse=True)
    if not names:
        return None
    wide = re.compile(f"[{HAN_RANGES}{KANA_RANGES}]")
    spaced = "|".join(re.escape(name) for name in names if not wide.search(name))
    unspaced = "|".join(re.escape(name) for name in names if wide.search(name))
    # Chinese and Japanese names stand between other characters ("计划5月发布"), but not after a digit
    patterns = [rf"(?<![^\W_])(?:{spaced})(?![^\W_])" if spaced else "", rf"(?<!\d)(?:{unspaced})" if unspaced else ""]
    return re.compile("|".join(pattern for pattern in patterns if pattern))


@functools.cache
def _scales(language: str) -> dict[str, int]:
    """The words that multiply the number before them ("billion", "Milliarden", "亿", "مليار"), from
    CLDR's compact number formats."""
    from babel.numbers import format_compact_decimal

    locale = _locale(language)
    if locale is None:
        return {}
    kind: Literal["long", "short"] = "long" if "long" in locale.compact_decimal_formats else "short"
    scales: dict[str, int] = {}
    for exponent in range(3, 16):
        for factor in (1, 2):
            written = format_compact_decimal(factor * 10**exponent, format_type=kind, locale=locale)
            digits = re.match(r"\d+", written)
            word = written[digits.end() if digits else 0 :].strip(" \u00a0")
            if digits and word and not any(char.isdigit() for char in word):
                scales.setdefault(word.casefold(), factor * 10**exponent // int(digits.group(0)))
    return scales


@functools.cache
def _percent_words(language: str) -> frozenset[str]:
    from babel.units import format_unit

    locale = _locale(language)
    if locale is None:
        return frozenset()
    written = format_unit(5, "concentr-percent", "long", locale=locale)
    return frozenset(word.casefold() for word in words(written) if not word.isdigit())


@functools.cache
def _number_words(language: str) -> dict[str, int]:
    """Number words from two to 99 ("thirty", "dreißig", "ثلاثون"): "one" is also "a", "ein" an article."""
    from num2words import CONVERTER_CLASSES, num2words  # type: ignore[import-untyped]

    base = _base(language)
    if base not in CONVERTER_CLASSES or base in {"ja", "zh", "ko"}:  # Han numerals: _han_value
        return {}
    found: dict[str, int] = {}
    for number in range(2, 100):
        written = num2words(number, lang=base)
        if " " not in written:
            found.setdefault(written.casefold(), number)
    return found


_HAN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
_HAN_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
_HAN_NUMERAL = re.compile(
    f"[{''.join(_HAN_DIGITS)}十][{''.join(_HAN_DIGITS)}{''.join(_HAN_UNITS)}{''.join(_HAN_BIG)}]*"
)
# a Han numeral of one character is a number only before what it counts: 两家, 三天 (not 十分, 统一)
_HAN_COUNTED = "年月日号號天周週个個倍元岁歲次人家名%％"


def _han_value(numeral: str) -> int:
    if all(char in _HAN_DIGITS for char in numeral):  # 二〇二六: a year, digit by digit
        return int("".join(str(_HAN_DIGITS[char]) for char in numeral))
    total, section, digit = 0, 0, 0
    for char in numeral:
        if char in _HAN_DIGITS:
            digit = _HAN_DIGITS[char]
        elif char in _HAN_UNITS:
            section += (digit or 1) * _HAN_UNITS[char]
            digit = 0
        else:
            total += (section + digit) * _HAN_BIG[char]
            section, digit = 0, 0
    return total + section + digit


_NUMBER = re.compile(r"\d+(?:[.,٫٬'’\u00a0\u202f]\d+)*")
_LETTER_AROUND = re.compile(rf"[^\W\d_{HAN_RANGES}{KANA_RANGES}]")
_ORDINAL_ENDING = re.compile(r"(st|nd|rd|th|er|e|ème|º|ª|\.)?(?![^\W\d_])")


@functools.cache
def _decimal_sign(language: str) -> str:
    from babel.numbers import get_decimal_symbol

    locale = _locale(language)
    return get_decimal_symbol(locale) if locale is not None else "."


_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+")


@functools.lru_cache(maxsize=65536)
def _number_value(written: str, language: str) -> Decimal | None:
    """A numeral's value, read with its language's decimal sign ("6,75" in German is 6.75)."""
    decimal = _decimal_sign(language)
    text = written.replace("٫", ".").replace("٬", "")  # Decimal reads digits of every script
    for group in ("'", "’", "\u00a0", "\u202f"):
        text = text.replace(group, "")
    if decimal == ",":
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS.fullmatch(text):  # 1,000 in English; "2,5" is read as 2.5 below
        text = text.replace(",", "")
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def _key(value: Decimal) -> str:
    return format(value.normalize(), "f")


@functools.lru_cache(maxsize=65536)  # a story writes the same years and sums again and again
def _number_key(written: str, language: str, multiplier: int) -> str:
    """The key of a numeral's value times what a scale word after it multiplies it by."""
    value = _number_value(written, language)
    assert value is not None, "called only for a numeral that has a value"
    return _key(value * multiplier)


@functools.cache
def _scale_pattern(language: str) -> re.Pattern[str] | None:
    """The language's scale words, longest first, as they may follow a number after a space."""
    scales = sorted(_scales(language), key=len, reverse=True)
    if not scales:
        return None
    return re.compile(rf"[ \u00a0]*({'|'.join(re.escape(word) for word in scales)})(?![^\W\d_])", re.I)


def _scale_after(text: str, end: int, language: str) -> tuple[int, int]:
    """The multiplier a scale word right after a number gives ("9 billion", "90亿"), and where it ends."""
    multiplier = _HAN_BIG.get(text[end : end + 1])
    if multiplier is not None:
        return multiplier, end + 1
    pattern = _scale_pattern(language)
    found = pattern.match(text, end) if pattern is not None else None
    if found is None:
        return 1, end
    return _scales(language)[found.group(1).casefold()], found.end()


def _numbers(text: str, language: str, taken: list[tuple[int, int]]) -> list[Specific]:
    found = []
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in taken):
            continue
        before = text[start - 1 : start]
        if before and (_LETTER_AROUND.match(before) or before in "-."):  # part of a name: Qwen2, HappyHorse-1.0
            continue
        if (after := text[end : end + 1]) and _LETTER_AROUND.match(after):
            ending = _ORDINAL_ENDING.match(text, end)
            if not ending or not ending.group(1):  # 5G, 3D: a name
                continue
        if _number_value(match.group(0), language) is None:
            continue
        multiplier, end = _scale_after(text, end, language)
        end += 1 if text[end : end + 1] in ("%", "％", "٪") else 0
        taken.append((start, end))
        found.append(Specific("number", _number_key(match.group(0), language, multiplier), text[start:end].strip()))
    for match in _HAN_NUMERAL.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in taken):
            continue
        numeral = match.group(0)
        if len(numeral) == 1 and (text[end : end + 1] or " ") not in _HAN_COUNTED:
            continue
        whole = _han_value(numeral)
        if whole < 2 and len(numeral) == 1:
            continue
        multiplier, end = _scale_after(text, end, language)
        taken.append((start, end))
        found.append(Specific("number", _key(Decimal(whole * multiplier)), text[start:end]))
    return found


def _dates(text: str, language: str, taken: list[tuple[int, int]]) -> list[Specific]:
    pattern = _date_pattern(language)
    if pattern is None:
        return []
    names = _date_names(language)
    found = []
    for match in pattern.finditer(text):
        kind, number = names[match.group(0)]
        taken.append(match.span())
        found.append(Specific(kind, str(number), match.group(0)))
    return found


_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|er|e|ème|º|ª)")
_LETTERS = re.compile(r"[^\W\d_]")


def _shaped(word: str) -> bool:
    """A word whose shape says it is a name wherever it stands: a capital or a digit inside it
    ("OpenAI", "Qwen2"; not an ordinal such as "7th")."""
    rest = word[1:]
    if rest != rest.lower():
        return True
    return _DIGIT.search(word) is not None and len(_LETTERS.findall(word)) > 1 and not _ORDINAL.fullmatch(word)


def _title_case(sentence_words: list[str], small: frozenset[str]) -> bool:
    content = [word for word in sentence_words if word.casefold() not in small and word[:1].isalpha()]
    return len(content) >= 3 and sum(word[0].isupper() for word in content) >= 0.75 * len(content)


def _names(text: str, language: str, dates: set[str], title: bool) -> list[Specific]:
    script = main_script(text)
    if script is not None and script not in CASED_SCRIPTS:
        return _names_in_other_scripts(text, language, dates)
    if text[1:] == text[1:].lower() and (
        _DIGIT.search(text) is None or not any(_shaped(word) for word in words(text) if _DIGIT.search(word))
    ):  # a capital at most at its start, and no word of digits and letters ("Qwen2"): no name by shape or place
        return []
    small = small_words(language)
    nouns = _base(language) in NOUNS_CAPITALIZED
    found: list[Specific] = []
    for sentence in split_text(text):
        titled = title and _title_case(words(sentence), small)
        for number, clause in enumerate(_CLAUSE.split(sentence)):  # a name does not run across a comma
            said = words(clause)
            capital = [
                word[:1].isupper() and word.casefold() not in small and word not in dates  # "I" is a small word
                for word in said
            ]
            named = [_named(said, capital, index, titled, nouns, number == 0) for index in range(len(said))]
            found.extend(_runs(said, named))
    return found


_CLAUSE = re.compile(r"[,;:()\[\]\"“”„«»‹›–—]")


def _named(said: list[str], capital: list[bool], index: int, titled: bool, nouns: bool, first: bool) -> bool:
    """Whether the word at `index` of a clause (`first`: the sentence's first) is a name by its shape
    or by its place."""
    if _shaped(said[index]):
        return True
    starts = first and index == 0  # a sentence's first word has a capital whatever it is
    if not capital[index] or starts or titled:
        return False
    if not nouns:
        return True
    # in German a capital marks a noun: two capitalized words in a row mark a name ("Zhou Jingren")
    before = index > 0 and capital[index - 1] and not (first and index == 1)
    return before or (index + 1 < len(said) and capital[index + 1])


def _runs(said: list[str], named: list[bool]) -> list[Specific]:
    """Each name word, shown with the words of its name around it ("Zhou Jingren")."""
    found: list[Specific] = []
    run: list[str] = []
    for word, is_name in zip([*said, ""], [*named, False], strict=True):
        if is_name:
            run.append(word)
            continue
        found.extend(Specific("name", part.casefold(), " ".join(run)) for part in run)
        run = []
    return found


def _names_in_other_scripts(text: str, language: str, dates: set[str]) -> list[Specific]:
    """In a text written without capitals, a word in Latin letters is a name, and in Japanese a katakana word."""
    found = [
        Specific("name", word.casefold(), word) for word in words(text) if _LATIN.search(word) and word not in dates
    ]
    if _base(language) == "ja":
        found.extend(Specific("name", run, run) for run in _KATAKANA_WORD.findall(text))
    return found


_LATIN = re.compile("[A-Za-z]")
_KATAKANA_WORD = re.compile("[\u30a1-\u30fa\u30fc]{2,}")


def specifics(text: str, language: str, title: bool = False, names: bool = True) -> list[Specific]:
    """Every number, month, weekday and name of a text written in `language`, in its order of kinds
    (a title: one in title case counts only names by their shape; `names=False`: none)."""
    taken: list[tuple[int, int]] = []
    dates = _dates(text, language, taken)
    numbers = _numbers(text, language, taken)
    number_words = _number_words(language)
    if number_words:
        numbers += [
            Specific("number", str(number_words[word.casefold()]), word)
            for word in words(text)
            if word.casefold() in number_words
        ]
    if not names:
        return dates + numbers
    date_words = {specific.shown for specific in dates}
    percent = _percent_words(language)
    return (
        dates
        + numbers
        + [name for name in _names(text, language, date_words, title) if name.shown.casefold() not in percent]
    )


@dataclass(frozen=True)
class Written:
    """A passage that can vouch for a specific: a quote in its source's language, or a translation."""

    text: str
    language: str


def unquoted(
    text: str, language: str, passages: Iterable[Written], names: frozenset[str] = frozenset(), title: bool = False
) -> list[str]:
    """The specifics of `text` that none of `passages` gives, as the text writes them, each once;
    `names`: the stems of the names it may give without a quote (what it links)."""
    found = specifics(text, language, title)
    if not found:  # most titles: nothing to look for in the quotes
        return []
    passages = tuple(passages)
    # what the quotes give is read only for the kinds the text gives: most texts give no name
    held = _union(_facts, passages) if any(specific.kind != "name" for specific in found) else frozenset()
    stems = _union(_stems, passages) if any(specific.kind == "name" for specific in found) else frozenset()
    missing: list[str] = []
    for specific in found:
        if specific.kind == "name":
            parts = [part for part in _PARTS.split(specific.key) if part] or [specific.key]
            if (
                specific.key[:STEM] in stems
                or specific.key[:STEM] in names
                or (not _LATIN.search(specific.key) and any(specific.key in passage.text for passage in passages))
                or all(part[:STEM] in stems or part[:STEM] in names for part in parts)
            ):  # a katakana name is looked up as written
                continue
        elif (specific.kind, specific.key) in held or (specific.kind == "number" and f"#{specific.key}" in names):
            continue
        if specific.shown not in missing:
            missing.append(specific.shown)
    return missing


_PARTS = re.compile(r"['’.-]")


def _union(given: Callable[[Written], frozenset], passages: tuple[Written, ...]) -> frozenset:
    if len(passages) == 1:
        return given(passages[0])
    return frozenset().union(*(given(passage) for passage in passages))


# Kept: an event's title and summary, and often several events, read the same quote.
@functools.lru_cache(maxsize=4096)
def _facts(passage: Written) -> frozenset[tuple[str, str]]:
    """The numbers and dates one passage gives, by meaning."""
    return frozenset((s.kind, s.key) for s in specifics(passage.text, passage.language, names=False))


@functools.lru_cache(maxsize=4096)
def _stems(passage: Written) -> frozenset[str]:
    """The stems of one passage's words and of their parts ("Qwen-2" gives "qwen" too)."""
    stems: set[str] = set()
    for word in words(passage.text):
        folded = word.casefold()
        stems.add(folded[:STEM])
        if _PARTS.search(folded):
            stems.update(part[:STEM] for part in _PARTS.split(folded))
    return frozenset(stems)
