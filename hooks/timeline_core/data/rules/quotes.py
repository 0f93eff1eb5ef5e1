"""Every quote in its source's archive, and in the story's language or with a translation."""

from __future__ import annotations

import functools

from ...model.quotes import SourceText, closest_passage, verify_quote
from ...model.text import can_be_in, count_words, language_name, main_script, same_language, script_name
from ..fields import Collector


def check_quotes(out: Collector, archives: dict[str, SourceText]) -> None:
    for check in out.quotes:
        source = archives.get(check.source)
        if source is None or verify_quote(source, check.quote):
            continue  # an unknown or unreadable source is reported where it is declared or named
        closest = closest_passage(source, check.quote)
        out.error(
            check.mark,
            f'text not found in {source.path}; copy it word for word. Closest passage: "{closest}"',
            check.owner,
        )


def check_translations(out: Collector, languages: dict[str, str | None], story: str) -> set[tuple[str, str]]:
    """A quote in another language than the story's needs a translation (a reader must be able to
    check what the site says), and one in the story's language needs none. Returns the records
    with a quote still to translate."""
    untranslated = set()
    for check in out.quotes:
        if check.owner[0] == "uncited" or check.source not in languages:
            continue  # an unknown source is reported where it is named
        if languages[check.source] is None and not _may_be_in(check.quote, story):
            script = main_script(check.quote)
            out.error(
                check.mark,
                f"this quote is written in {script_name(script)} letters, which {language_name(story)} ({story}), the "
                f"story's language, is not, and source '{check.source}' names no language: give the source its "
                "`language:` in timeline/sources.yml (a BCP 47 tag such as ar, zh or ru), then add this quote's "
                "`translation:` and `translated_by:`",
                check.owner,
            )
            untranslated.add(check.owner)
            continue
        language = languages[check.source] or story
        foreign = not same_language(language, story)
        if foreign and not check.translated:
            out.error(
                check.mark,
                f"source '{check.source}' is in {language_name(language)} ({language}) and this story is in "
                f"{language_name(story)} ({story}): add, under the quote, `translation:` with the quote in "
                f"{language_name(story)} and `translated_by:` with who made it (a name as credited, "
                "publisher or machine)",
                check.owner,
            )
            untranslated.add(check.owner)
        elif not foreign and check.translated:
            out.error(
                check.mark,
                f"source '{check.source}' is in {language_name(language)} ({language}), the story's own "
                f"language: remove the citation's translation and translated_by (or, if the source is in "
                f"another language, give its language in timeline/sources.yml)",
                check.owner,
            )
    return untranslated


@functools.lru_cache(maxsize=65536)  # by the quote: `mkdocs serve` checks every quote again at each rebuild
def _may_be_in(quote: str, story: str) -> bool:
    """Whether a quote of a source with no language can be in the story's language. A few Latin
    letters (a name, "HappyHorse-1.0") may stand in any text, so a Latin quote is judged only from
    four words on (counted only where the script alone says no: most quotes can be in the story's
    language, and counting a quote's words costs more than finding its script)."""
    return can_be_in(quote, story) or (main_script(quote) == "Latn" and count_words(quote) < 4)
