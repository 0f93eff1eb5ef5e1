"""The small pieces of HTML every kind of page repeats: a date as the reader's language writes it,
a quote in its source's language with its translation, the start of a quote, the `lang` and `dir`
of text in another language, one paragraph made inline. Each is a pure function, so the event card
(cards.py), the templates (render.py's filters) and the exports share one way to write them; each
is an f-string with `escape` (C code), not `Markup.format` (a pure-Python formatter): they run for
every citation of every event.
"""

from __future__ import annotations

import datetime as dt

import markupsafe
from markupsafe import Markup, escape

from ..model.dates import EdtfDate
from ..model.records import Citation
from ..model.text import direction, same_language
from ..words.quotes import ENGLISH as ENGLISH_MARKS
from ..words.quotes import QuotationMarks
from ..words.reader import Words, english

# markupsafe's C escaping to a plain string: its `escape` wraps each result in a Markup object,
# which cost five times the escaping, hundreds of thousands of times a build, only to be put into
# an f-string. The same characters escaped the same way; `escape` where this markupsafe lacks it.
_escape_text = getattr(markupsafe, "_escape_inner", None)


def escaped(value: object) -> str:
    """`value` escaped for HTML exactly as markupsafe's `escape` does (markup as it is), as a str
    for an f-string."""
    if type(value) is str and _escape_text is not None:
        return _escape_text(value)
    return str(escape(value))


def date_html(date: EdtfDate | dt.date, words: Words) -> Markup:
    """A date in the reader's language with `<time datetime>` on each known part, and plain words
    for the rest. The only way templates write a date, so every date on the site reads the same way.
    """
    pieces = []
    for part in words.date_parts(date):
        if part.datetime:
            pieces.append(f'<time datetime="{escaped(part.datetime)}">{escaped(part.text)}</time>')
        else:
            pieces.append(escaped(part.text))
    return Markup("".join(pieces))


def lang_attributes(language: str | None) -> Markup:
    """` lang="…"` (and ` dir="rtl"` for a script written right to left) for text in a source's
    language, so that screen readers, fonts and the reading direction follow it; "" when unknown."""
    if not language:
        return Markup("")
    if direction(language) == "rtl":
        return Markup(f' lang="{escaped(language)}" dir="rtl"')
    return Markup(f' lang="{escaped(language)}"')


OPENING_MARKS = "“\"‘'«„‚「『‹”’»"  # a quote that starts with one of these brings its own marks


def text_attributes(language: str, page_language: str) -> Markup:
    """`lang` (and `dir` where the directions differ) for the story's own text when the page is in
    another language: an English story's titles read left to right inside an Arabic page."""
    if same_language(language, page_language):
        return Markup("")
    attributes = f' lang="{escaped(language)}"'
    if direction(language) != direction(page_language):
        attributes += f' dir="{escaped(direction(language))}"'
    return Markup(attributes)


def quote_html(
    citation: Citation, language: str | None, words: Words | None = None, story: Markup | None = None
) -> Markup:
    """A quote in its source's language, and its translation credited to who made it. In Python,
    not a template macro: it runs for every citation of every event. A quote that opens with its
    own quotation mark is not given another (`tl-quote-marked`)."""
    marked = " tl-quote-marked" if citation.quote.startswith(tuple(OPENING_MARKS)) else ""
    quote = (
        f'<blockquote class="tl-quote{marked}"{lang_attributes(language)}><p>{escaped(citation.quote)}</p></blockquote>'
    )
    if citation.translation is None:
        return Markup(quote)
    translation = escaped(citation.translation)
    if story:  # the translation is in the story's language, not the page's
        translation = Markup(f"<span{story}>{translation}</span>")
    label = escaped((words or english()).translation_label(citation.translated_by))
    return Markup(f'{quote}<p class="tl-translation"><span class="tl-translated-by">{label}:</span> {translation}</p>')


def excerpt_html(text: str, length: int, language: str | None, marks: QuotationMarks = ENGLISH_MARKS) -> Markup:
    """The start of a quote, in its language, inside the page's language's quotation marks:
    “The vote, held on…” on an English page, „Die Abstimmung…“ on a German one; a quote that opens
    with its own mark gets none added, so no mark is doubled."""
    short = text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"
    inner = f"<span{lang_attributes(language)}>{escaped(short)}</span>"
    if text.startswith(tuple(OPENING_MARKS)):
        return Markup(inner)
    return Markup(f"{escaped(marks.start)}{inner}{escaped(marks.end)}")


def inline_html(html: str) -> Markup:
    """A one-paragraph rendering without its <p>, to sit inside a sentence or a list item."""
    if html.startswith("<p>") and html.endswith("</p>"):
        html = html[3:-4]
    return Markup(html)
