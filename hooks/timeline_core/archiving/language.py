"""Which language an archived text is in, when the page does not say (or says wrong).

The script decides where it can: kana is Japanese, Hangul Korean, Han alone Chinese, Thai Thai.
Otherwise py3langid (a compact model of 97 languages, packaged with its weights) reads the text;
an answer it is not sure of is no answer, and the contributor is asked for --language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# A share of a text's letters: above it, the script is what the text is written in.
_SCRIPT_SHARE = 0.3
_SCRIPTS = (  # checked in this order: Japanese mixes kana with Han, so kana decides first
    ("ja", re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")),
    ("ko", re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
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
    language, probability = _identifier().classify(sample)
    if probability < MIN_CONFIDENCE:
        return None
    return Detected(str(language), f"py3langid, {probability:.0%} sure")


@cache
def _identifier():
    """py3langid's model with probabilities that sum to one, loaded once (it takes half a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
