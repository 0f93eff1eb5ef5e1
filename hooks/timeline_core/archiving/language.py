"""Which language an archived text is in, when the page does not say (or says wrong).

The script decides where it can: kana is Japanese, Hangul Korean, Han alone Chinese, Thai Thai.
Otherwise py3langid (a compact model of 97 languages, packaged with its weights) reads the text;
an answer it is not sure of is no answer, and the contributor is asked for --language. The model
takes a second to load, so a page's own `lang` is first weighed cheaply (`plausible`): its script,
and in Latin script the commonest small words; only a doubtful one is put to the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..model.text import (
    ARABIC_RANGES,
    CYRILLIC_RANGES,
    HAN_RANGES,
    HANGUL_RANGES,
    KANA_RANGES,
    LATIN_RANGES,
    THAI_RANGES,
    language_name,
    same_language,
)

# A share of a text's letters: above it, the script is what the text is written in.
_SCRIPT_SHARE = 0.3
_SCRIPTS = (  # checked in this order: Japanese mixes kana with Han, so kana decides first
    ("ja", re.compile(f"[{KANA_RANGES}]")),
    ("ko", re.compile(f"[{HANGUL_RANGES}]")),
    ("zh", re.compile(f"[{HAN_RANGES}]")),
    ("th", re.compile(f"[{THAI_RANGES}]")),
)
_LETTER = re.compile(r"[^\W\d_]")
MIN_CONFIDENCE = 0.95  # the model's probability below which it is not trusted
SAMPLE = 5000  # characters read: enough for any language, and the model's time grows with the text


@dataclass(frozen=True)
class Detected:
    language: str
    how: str  # "its script" or "py3langid, 99% sure"


def detect_language(text: str) -> Detected | None:
    """The language `text` is written in, as a BCP 47 primary tag, or None when unsure."""
    sample = text[:SAMPLE]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    kana = len(_SCRIPTS[0][1].findall(sample))
    han = len(_SCRIPTS[2][1].findall(sample))
    if kana and (kana + han) / letters >= _SCRIPT_SHARE and kana >= han / 20:
        return Detected("ja", "its script (kana)")
    for tag, script in _SCRIPTS[1:]:
        if len(script.findall(sample)) / letters >= _SCRIPT_SHARE:
            return Detected(tag, "its script")
    if _share(_ARABIC, sample, letters) >= _SCRIPT_SHARE and (arabic_script := _in_arabic_script(sample)):
        return arabic_script
    language, probability = _identifier().classify(sample)
    if probability < MIN_CONFIDENCE:
        return None
    return Detected(str(language), f"py3langid, {probability:.0%} sure")


# The commonest small words of languages written in Latin letters: enough to tell them apart in
# an article, and to notice a site's template that says `en` over a German text.
_SMALL_WORDS = {
    "en": "the and of to in is that for on was with said by it from",
    "de": "der die und das den ist nicht mit von zu sich dem des ein eine auf",
    "fr": "le la les et des est une pour dans que qui du au sur pas",
    "es": "el la los las y que del en por una con para se es al",
    "pt": "o a os as e que do da em um uma para com não dos das",
    "it": "il la che di e le per un una del della con non sono",
    "nl": "de het een en van is dat op te niet met zijn voor",
}
_SETS = {tag: frozenset(words.split()) for tag, words in _SMALL_WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(f"[{CYRILLIC_RANGES}]")
_ARABIC = re.compile(f"[{ARABIC_RANGES}]")
_LATIN = re.compile(f"[{LATIN_RANGES}]")


# Languages written in Arabic letters, told apart by the letters only one of them uses and by their
# commonest small words: a two-sentence Arabic text is too short for the model to be sure.
_ARABIC_SCRIPT = {
    "ar": ("ةى", "في من على أن إلى التي الذي عن مع هذا هذه كان قال بين بعد"),
    "fa": ("پچژگی", "در به از که این را با است برای آن یک می شود"),
    "ur": ("ٹڈڑںہے", "کے میں کی ہے اور کو سے نے کا پر یہ"),
}


def _in_arabic_script(sample: str) -> Detected | None:
    """Arabic, Persian or Urdu, when the text's letters and small words say so plainly."""
    found = _WORD.findall(sample)
    scores = {}
    for tag, (letters, small) in _ARABIC_SCRIPT.items():
        own = frozenset(small.split())
        scores[tag] = sum(word in own for word in found) + sum(sample.count(letter) for letter in letters)
    best = max(scores, key=scores.__getitem__)
    others = max(score for tag, score in scores.items() if tag != best)
    if scores[best] >= 2 and scores[best] >= 3 * others:
        return Detected(best, "its script, its letters and small words")
    return None


def _share(pattern: re.Pattern, sample: str, letters: int) -> float:
    return len(pattern.findall(sample)) / letters if letters else 0.0


def plausible(declared: str, text: str) -> bool:
    """Whether a page's declared language fits its text, judged without the model: the text's
    script is the language's, and in Latin letters its small words are the declared language's
    more than any other's."""
    primary = declared.split("-")[0]
    sample = text[:SAMPLE]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return True
    for tag, script in _SCRIPTS:
        if _share(script, sample, letters) >= _SCRIPT_SHARE:
            return primary == tag or (tag == "zh" and primary in ("ja", "yue", "wuu"))
    if _share(_CYRILLIC, sample, letters) >= 0.5:
        return primary in ("ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "mn", "tg")
    if _share(_ARABIC, sample, letters) >= 0.5:
        return primary in ("ar", "fa", "ur", "ps", "ku", "sd", "ug")
    if _share(_LATIN, sample, letters) < 0.5:
        return True  # a script not weighed here: the page's word stands
    counts = {tag: 0 for tag in _SETS}
    for word in _WORD.findall(sample.casefold()):
        for tag, small in _SETS.items():
            counts[tag] += word in small
    best = max(counts, key=counts.__getitem__)
    if primary not in _SETS:
        return counts[best] < 10  # a Latin-script language not listed: doubtful only if a listed one is plain
    return best == primary or counts[best] < 2 * max(counts[primary], 1)


@cache
def _identifier():
    """py3langid's model with probabilities that sum to one, loaded once (it takes half a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def article_language(declared: str | None, text: str, how: dict[str, str]) -> str | None:
    """The language `source add` gives an archive, with its reason in `how`: the page's declared
    language, unless its text plainly reads as another (a site's template often says en whatever the
    article is in); the text's when the page declares none."""
    if declared and plausible(declared, text):  # the model takes a second to load: only for doubt
        how["language"] = "the page's lang attribute"
        return declared
    detected = detect_language(text)
    if declared and (detected is None or same_language(declared, detected.language)):
        how["language"] = "the page's lang attribute"
        return declared
    if detected is None:
        return None
    if declared:
        how["language"] = (
            f"its text reads as {language_name(detected.language)}, {detected.how}; the page says {declared}"
        )
    else:
        how["language"] = f"its text reads as {language_name(detected.language)}, {detected.how}"
    return detected.language
