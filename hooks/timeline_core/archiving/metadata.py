"""What a careful editor takes from a page for a source's entry: the headline the page shows (not
an SEO title, and without the site's name), the names of its authors (not "View all posts by", not
the site itself), and the day it was published (not the day it was last changed).

trafilatura reads the page's metadata; these functions choose among what it and the page offer.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from urllib.parse import urlsplit

from ..model.text import count_words, without_marks, words
from .zones import STAMP, home_zone, offset_of, written_zone

_TAGS = re.compile(r"<[^>]+>")
_NOT_SHOWN = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.I | re.S)
_JSON_LD = re.compile(r"<script\b[^>]*type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.I | re.S)
_SEPARATORS = r"\s*[|\-–—:·•»/]\s*"
# "By", "Par", "Por", "Von", "От", "Door", "Di" before a name; "View all posts by", "Mehr von" and their kin; the
# words for "author", "text" or "editor" before a name ("Auteur Anna Kubišta", "责任编辑：孔德明")
_BYLINE_PREFIX = re.compile(
    r"^(view all posts by|all posts by|posts by|more from|voir tous les articles de|todos los artículos de|"
    r"zeige alle beiträge von|alle beiträge von|alle artikel von|weitere artikel von|mehr von|alles von|"
    r"zum profil von|artikel von|beitrag von|geschrieben von|"
    r"verfasst von|posted by|written by|interview|text(?:o)?|текст|автор|auteur|autor|author|by|par|por|von|vom|от|"
    r"door|di|de)(?:\s*[:：]\s*|\s+)|^(责任编辑|编辑|作者|记者|评论员|文|بقلم|حوار|كتب)\s*[:：]?\s*",
    re.I,
)
_STAFF_TAIL = re.compile(
    r"\s+(staff|reporter|correspondent|says|said|stand|updated|aktualisiert|reading time|lesezeit|tiempo de lectura|"
    r"temps de lecture|hora de publicación)\b.*$",
    re.I,
)
_DEGREE = re.compile(r"^(phd|ph d|md|m d|dr|prof|msc|mba)$")
# what a form or a template puts where a name should be
_NOT_NAMES = frozenset(
    {
        "name",
        "username",
        "admin",
        "administrator",
        "wordpressadmin",
        "posted",
        "author",
        "human",
        "follow",
        "no author",
        "text",
        "interview",
        "datum",
        "date",
        "fotos",
        "foto",
        "photos",
    }
)
_DOMAIN_TAIL = re.compile(r"(?:\.|\s)(com|net|org|de|at|ch|it|fr|es|pl|uk|io|info)$", re.I)


def _text(fragment: str) -> str:
    """A fragment's text: a tag is a space, but not before punctuation ("<span>Kicker</span>: Headline")."""
    marked = _TAGS.sub("\x00", fragment)
    marked = re.sub(r"\x00+(?=[:,.;!?)])", "", marked)
    return " ".join(unescape(marked.replace("\x00", " ")).replace("\xad", "").split())


@functools.lru_cache(maxsize=2)  # the headline, the bylines, the original publisher and the teaser read it
def shown(html: str) -> str:
    """A page without what a reader never sees: scripts, styles, templates and comments."""
    return _NOT_SHOWN.sub(" ", html)


@functools.lru_cache(maxsize=2)
def shown_text(html: str) -> str:
    """The words a reader sees on a page, in one line."""
    return _text(shown(html))


def _folded(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def without_site_name(title: str, names: list[str]) -> str:
    """A title without the site's name at its end or start (" | Editorial", "Vegolosi.it - ", "| homify"
    on homify.de, "-新华网": a Chinese site's name ends in 网, "net")."""
    labels = {label for name in names if (label := _host_label(name))} - {n.lower() for n in names if n}
    candidates = [(name, _SEPARATORS) for name in {n for n in names if n}] + [(label, _SPACED) for label in labels]
    for name, separator in sorted(candidates, key=lambda pair: len(pair[0]), reverse=True):
        for pattern in (rf"{separator}{re.escape(name)}\s*$", rf"^\s*{re.escape(name)}{separator}"):
            trimmed = re.sub(pattern, "", title, flags=re.I)
            if trimmed != title and trimmed.strip():
                return trimmed.strip()
    trimmed = _CHINESE_SITE.sub("", title)
    return (trimmed if trimmed.strip() else title).strip()


_SPACED = r"(?:\s*[|·•»]\s*|\s+[\-–—:/]\s+)"  # a host's label is a word too: "GdP-Vize" keeps its "GdP"
_CHINESE_SITE = re.compile(r"\s*[-_|—–]\s*[\u4e00-\u9fff]{1,8}[网網]\s*$")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"})


def _host_label(name: str) -> str | None:
    """The name a host gives its site ("homify" of www.homify.de, "bbc" of bbc.co.uk)."""
    parts = name.lower().split(".")
    if len(parts) < 2 or not all(re.fullmatch(r"[a-z0-9-]+", part) for part in parts):
        return None
    label = parts[-3] if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL else parts[-2]
    return label if len(label) >= 3 else None


@functools.lru_cache(maxsize=2)  # headline, publication and modified dates read one page's, once
def json_ld(html: str) -> tuple[dict, ...]:
    """Every JSON-LD object of a page (a graph's items too); what does not parse is passed over."""
    found: list[dict] = []
    for block in _JSON_LD.findall(html):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(v for k, v in item.items() if k == "@graph")
    return tuple(found)


def _unescaped(text: str) -> str:
    """Metadata as a reader reads it: some pages escape their titles twice ("&amp;#8211;")."""
    for _ in range(2):
        text = unescape(text)
    return " ".join(text.split())


_HEADING = re.compile(r"<(h[12])\b[^>]*>(.*?)</\1>", re.I | re.S)
_HOME_LINK = re.compile(
    r"^\s*<a\b[^>]*\bhref\s*=\s*[\"'](?:/|\./|https?://[^/\"']+/?)[\"'][^>]*>.*</a>\s*$", re.I | re.S
)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.I | re.S)
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—·•»/~]\s+|\s*[|·•»]\s*|:\s+")


def _titles(html: str, meta_title: str | None, names: list[str]) -> list[str]:
    """Every title the page gives itself: JSON-LD's headlines, the metadata's title, Open Graph's and
    Twitter's, the document's <title>."""
    found = [item["headline"] for item in json_ld(html) if isinstance(item.get("headline"), str)]
    found += [meta_title] if meta_title else []
    for _name, values in _tags(html):
        if (values.get("property") or values.get("name") or "").lower() in ("og:title", "twitter:title"):
            found.append(values.get("content") or "")
    if document := _TITLE.search(html):  # the document's own, the first (an SVG may hold others)
        found.append(_text(document.group(1)))
    titles = [without_site_name(_unescaped(title), names) for title in found]
    return [title for title in dict.fromkeys(titles) if title]


def _runs(title: str) -> set[str]:
    """The title's parts between separators, and every run of them ("A | B | C" gives A, B, A B …)."""
    parts = [part for part in _TITLE_SEPARATOR.split(title) if part.strip()]
    return {_folded(" ".join(parts[i:j])) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)}


def _agrees(heading: str, title: str) -> bool:
    """A heading the title gives, whole or as its parts between separators, or that a title cut
    short begins (one of four words or more)."""
    folded, whole = _folded(heading), _folded(title)
    return bool(folded) and (folded in _runs(title) or (whole.count(" ") >= 3 and folded.startswith(whole + " ")))


_KICKER = re.compile(
    r"<(span|div|p|small|strong|em|b)\b[^>]*\bclass\s*=\s*[\"'][^\"']*(?:kicker|dachzeile|topline|overline|roofline|"
    r"eyebrow|rubric|ressort|supertitle|pretitle|pre-title|subtitle|sub-title|standfirst|\bdek\b)[^\"']*[\"'][^>]*>.*?</\1>",
    re.I | re.S,
)


def _without_kicker(inner: str) -> str:
    """A heading's own words, without the kicker above it or the subtitle in it that its markup names
    ("<span class="kicker">Grenzschließungen</span> Deutschland, Frankreich …")."""
    text = _text(_KICKER.sub(" ", inner)).strip(":：–—-|·• ")
    return text or _text(inner)


_ANY_HEADING = re.compile(r"<(h[1-3])\b[^>]*>(.*?)</\1>", re.I | re.S)
_BODY = re.compile(r"<body\b", re.I)
# what stands between two words of a paragraph in its markup: spaces, punctuation, entities, tags;
# and between two Chinese or Japanese characters, tags alone
_APART = r"(?:[^\w<&]|&\w+;|&#\d+;|<[^>]*>)+"
_APART_UNSPACED = r"(?:<[^>]*>)*"


def _opening(line: str) -> str:
    """A pattern for a paragraph's first words in its markup: three at least, and eight letters
    (a Chinese or Japanese character is a word of its own)."""
    opening: list[str] = []
    for word in words(line):
        opening.append(word)
        if len(opening) >= 3 and sum(map(len, opening)) >= 8:
            break
    pattern = re.escape(opening[0])
    for before, word in itertools.pairwise(opening):
        pattern += (_APART_UNSPACED if before + word in line else _APART) + re.escape(word)
    return pattern


def _heading_over(html: str, text: str, site: set[str]) -> str | None:
    """The last `h1`, `h2` or `h3` before the article's first paragraph (its first line of eight
    words or more, found by its first words): the heading that heads the article, where the page's
    titles agree with none (a blog's `h1` is its category, its titles its own name). Three words at
    least: a section's label ("Inhalt", "Suche", "Krok 1", "目录") heads a page's parts too."""
    first = next((line for line in text.split("\n") if count_words(line) >= 8), None)
    body = _BODY.search(html)
    start = body.end() if body else 0  # not the metadata's description, which may open the same way
    found = first and re.compile(_opening(first)).search(html, start)
    if not found:
        return None
    over = [
        _without_kicker(inner)
        for _tag, inner in _ANY_HEADING.findall(html, start, found.start())
        if not _HOME_LINK.match(inner) and _text(inner) and _folded(_text(inner)) not in site
    ]
    return over[-1] if over and count_words(over[-1]) >= 3 else None  # not a label ("Inhalt", "Suche")


def headline(html: str, meta_title: str | None, names: list[str], article: str = "") -> str | None:
    """The headline a reader sees: the page's `h1` (or `h2`) that one of its titles gives (JSON-LD's,
    the metadata's, Open Graph's, the <title>), else JSON-LD's headline, else the heading over the
    `article` text, else the only `h1`, else the title; never the site's name, nor a heading that
    links to the home page (a site's logo), nor one in a script."""
    site = {_folded(name) for name in names if name}
    headings = [
        (tag.lower(), _without_kicker(inner))
        for tag, inner in _HEADING.findall(shown(html))
        if not _HOME_LINK.match(inner) and _text(inner) and _folded(_text(inner)) not in site
    ]
    titles = _titles(html, meta_title, names)
    for tag in ("h1", "h2"):
        for kind, text in headings:
            if kind == tag and any(_agrees(text, title) for title in titles):
                return _without_tail(without_site_name(text, names), titles)
    for item in json_ld(html):
        if isinstance(item.get("headline"), str) and item["headline"].strip():
            return without_site_name(_unescaped(item["headline"]), names)
    if over := _heading_over(shown(html), article, site):
        return without_site_name(over, names)
    h1s = [text for kind, text in headings if kind == "h1"]
    return h1s[0] if len(h1s) == 1 else (titles[0] if titles else None)


def _without_tail(heading: str, titles: list[str]) -> str:
    """A heading that is one of the titles followed by " | " and more ("Was wir … wollen | FASSETTE.NET"):
    the bar sets off a site's or a section's name, never a headline's own words."""
    for title in titles:
        if re.fullmatch(rf"{re.escape(title)}\s*\|.*", heading, re.S):
            return title
    return heading


def visible_headline(html: str, title: str) -> bool:
    """Whether the page shows `title` as a heading (an `h1`), so the archive may begin with it."""
    return any(_folded(_text(h1)) == _folded(title) for h1 in _H1.findall(html))


def clean_author(author: str | None, names: list[str], html: str = "") -> str | None:
    """Names only: no "By" or "View all posts by", no "STAFF …" tail, not the site's own name nor a
    web address, not a form's label; written as the page writes them ("Joe S.", where metadata
    readers drop the dots); several authors joined with "; " as trafilatura gives them."""
    if not author:
        return None
    site = {_folded(n).replace(" ", "") for n in [*names, *publishers(html)] if n}
    kept = []
    for part in _author_parts(author):
        folded = _folded(part)
        if (
            part
            and folded.replace(" ", "") not in site
            and not any(len(name) >= 4 and name in folded.replace(" ", "") for name in site)
            and folded not in _NOT_NAMES
            and not _DEGREE.match(folded)
            and not _DOMAIN_TAIL.search(part)
            and not (" " in part and any(char.isdigit() for char in part))  # "9 articles", a date; not "delta201"
        ):
            kept.append(_as_written(part, html))
    initials = {"".join(word[0] for word in name.split()).casefold() for name in kept if len(name.split()) >= 2}
    kept = [name for name in kept if not (len(name.split()) == 1 and name.casefold() in initials)]  # "Tina K; TK"
    return "; ".join(dict.fromkeys(kept)) or None


def _author_parts(author: str) -> list[str]:
    """The names an author field holds, without the words around them: "; "-separated as metadata
    readers join them, or a byline's list ("Von Anna Berg und Max Lee, dpa") when it lists two or more."""
    parts = []
    for part in unescape(author).split(";"):
        part = _STAFF_TAIL.sub("", _BYLINE_PREFIX.sub("", part.strip().lstrip("©").strip())).strip(" ,'\"“”‘’«»")
        said = part.split()
        if (
            len(said) >= 2
            and len(said) % 2 == 0
            and said[: len(said) // 2] == said[len(said) // 2 :]
            and len(said[0]) > 2
        ):
            part = " ".join(said[: len(said) // 2])  # a name given twice
        listed = _names_in(part).split("; ")
        parts.extend(listed if len(listed) >= 2 else [part])
    return parts


def publishers(html: str) -> list[str]:
    """The names JSON-LD gives the page's publisher: a byline's part that is one is not an author."""
    found = []
    for item in json_ld(html):
        publisher = item.get("publisher")
        for one in publisher if isinstance(publisher, list) else [publisher]:
            if isinstance(one, dict) and isinstance(one.get("name"), str):
                found.append(one["name"])
            elif isinstance(one, str):
                found.append(one)
    return found


def _as_written(name: str, html: str) -> str:
    """A name as the page writes it where a metadata reader wrote it otherwise: with the dots the
    page gives its initials ("T. V. Raman" for "T V Raman"), or as `_as_shown` finds it."""
    parts = name.split()
    if not html:
        return name
    if any(len(part) <= 2 for part in parts):  # an initial, or "Jr"
        pattern = r"\.?\s*".join(re.escape(part) for part in parts) + r"\.?"
        if found := re.search(rf"(?<!\w){pattern}(?!\w)", html):
            return " ".join(found.group(0).split())
    return _as_shown(name, shown_text(html)) or name


@functools.lru_cache(maxsize=64)
def _letters_like(letter: str) -> str:
    """A character class of the letter in either case and of the Latin letters that are it with a
    mark ("aàáâãäå…"): a word that starts with none of them is not looked at (a 1 MB page has
    150,000 words)."""
    alike = {letter, letter.upper()} | {
        chr(code) for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if without_marks(chr(code)) == letter
    }
    return "[" + "".join(re.escape(char) for char in sorted(alike)) + "]"


_MARKS = "[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]"  # combining marks \w does not match


def _as_shown(name: str, text: str) -> str | None:
    """The one spelling the page's text gives a name it does not show as given, where a metadata
    reader dropped the marks on its letters ("Gàbor Muniér" for "Gabor Munier"), a user name's
    underscores ("ThE_PaiN" for "ThE PaiN") or its digits and what follows them ("happyface313"
    for "Happyface", "Bo2man" for "Bo"), or wrote it in other capitals. None where the page shows
    the name as given, or no such spelling, or two."""
    key = without_marks(name).split()
    if not key or (name in text and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)):
        return None
    # a word as long as the name's first (a precomposed letter with a mark is one; marks written
    # apart, as Arabic's short vowels are, are not counted), with a user name's underscore or digits
    # after it, then up to as many words as the name has, one space apart
    letter = rf"\w{_MARKS}*"
    first_word = rf"{_letters_like(key[0][0])}{_MARKS}*(?:{letter}){{{len(key[0]) - 1}}}(?:[_\d]\w*)?"
    found = set()
    for match in re.finditer(rf"\b({first_word}(?: (?:{letter})+){{0,{len(key) - 1}}})(?!\w)", text):
        said = match[1]
        first, bare = said.split(" ", 1)[0], without_marks(said)
        if bare.split() == key:
            found.add(said)
        elif without_marks(first).split("_") == key or (
            len(key) == 1 and re.fullmatch(rf"{re.escape(key[0])}\d\w*", without_marks(first))
        ):
            found.add(first)
    return found.pop() if len(found) == 1 else None


_AUTHOR_LINK = re.compile(
    r"<a\b(?=[^>]*\b(?:rel\s*=\s*[\"']author[\"']|href\s*=\s*[\"'][^\"']*/(?:author|autor|authors|autoren|"
    r"profile|newsteam|journalist|redakteur)/[^\"']+[\"']))[^>]*>(.*?)</a>",
    re.I | re.S,
)
_AUTHOR_CLASS = re.compile(
    r"<(span|div|p|address|a)\b[^>]*\bclass\s*=\s*[\"'](?:[^\"']*\s)?(?:author|byline|fn|author-name|"
    r"article-author|entry-author|autor|autorin)(?:\s[^\"']*)?[\"'][^>]*>(.*?)</\1>",
    re.I | re.S,
)
MAX_NAME_WORDS = 8


def byline_author(html: str, names: tuple[str, ...] = ()) -> str | None:
    """The name a visible byline gives, for pages whose metadata names none or only the site: a link
    to an author's page (`rel="author"`, `/author/…`), else an element whose class says author or byline."""
    for pattern, group in ((_AUTHOR_LINK, 1), (_AUTHOR_CLASS, 2)):
        for found in pattern.finditer(shown(html)):
            text = _text(found.group(group))
            if text and len(text.split()) <= MAX_NAME_WORDS and (name := clean_author(text, list(names), html)):
                return name
    return None


_SHORT_ELEMENT = re.compile(r"<(p|span|div|address|small|li|strong|em|b|time)\b[^>]*>([^<>]{3,160})</\1>", re.I)
# A byline's words, in the languages whose bylines we know, once for every pattern that reads one:
# "by" and its kin (the name follows), "author" and its kin (with a colon when on the same line),
# Chinese reporters' roles (in brackets, without capitals) and Arabic's.
_BY = "by|von|par|por|di|door|от"
_AUTHOR = "text|texto|autor|autorin|auteur|author"
_CHINESE_ROLES = "记者|评论员|通讯员|文|编辑"
_ARABIC = "بقلم|حوار|كتب"
_WRITTEN_BY = re.compile(  # a visible byline's first words
    rf"^(?:(?:{_BY}|beitrag von|verfasst von|geschrieben von|bericht von|posted on .{{3,40}}? by)"
    rf"\s*[:：]?|(?:{_AUTHOR})\s*[:：])\s+(.+)$"
    rf"|^[（(]\s*(?:{_CHINESE_ROLES})\s*(.+?)\s*[)）]$"
    rf"|^(?:{_ARABIC})\s*[:：]?\s*(.+)$",
    re.I,
)
_NAME_END = re.compile(  # where a name in a byline ends: a comma, a date, "am"/"on", a role, a sentence's stop
    r"\s+(?:am|on|le|el|il|den|um|at|à|a las|—|-|\|)\s.*$|\s*[;|•·(].*$|\s+\d.*$|(?<=\w\w)\.(?:\s.*)?$"
    r"|\s+(?:illustrations?|fotos?|photos?|bilder?|grafik|video)\b.*$",
    re.I,
)


_JOINED = re.compile(r"\s*,\s*|\s+(?:und|and|et|y|e|и|im gespräch mit|in conversation with)\s+", re.I)


def _names_in(text: str) -> str:
    """The names a byline lists ("A B, C D und E F, NDR"): those that lead it and look like names."""
    kept = []
    for part in _JOINED.split(text):
        if not _looks_like_a_name(part):
            break
        kept.append(part)
    return "; ".join(kept)


def _looks_like_a_name(text: str) -> bool:
    """In a script with capitals (Latin, Cyrillic, Greek), two or more words each written with one
    ("David Hutzler", "Лида Буслаева", "R. R.")."""
    said = text.split()
    if not any(char.isupper() or char.islower() for char in text):
        # a script without capitals (Han, Arabic): the byline word before it judges; a colon is no name
        return any(char.isalpha() for char in text)
    return len(said) >= 2 and all(word[:1].isupper() for word in said)


# A byline's word in an element of its own, the name after it ("<b>Autor:</b> Fritz Imhof",
# "<span>Por</span><a …>Rodolfo Costa</a>"): the name is the text that follows, past inline tags.
_LABELLED = re.compile(
    rf"<(span|b|strong|em|i|label|dt|small|h5|h6)\b[^>]*>\s*(?:{_BY}|{_AUTHOR}|作者|记者|{_ARABIC})"
    r"\s*[:：]?\s*</\1>\s*[:：]?\s*(?:</?(?:a|span|strong|b|em)\b[^>]*>\s*)*([^<>]{3,80})<",
    re.I,
)


def text_byline(html: str, names: tuple[str, ...] = ()) -> str | None:
    """The name a short element of the page's text gives after "Von", "By", "par", "Text:", "（评论员 …）"
    or "بقلم:", up to a comma or a date ("Von David Hutzler, dpa" gives David Hutzler); else the name
    that follows such a word set in an element of its own."""
    for named in _written_bylines(shown(html)):
        if name := clean_author(named, list(names), html):
            return name
    return None


# A short paragraph of text and inline elements ("<p>von <em>Klaus Stanjek</em></p>"), read as its text
_INLINE_PARAGRAPH = re.compile(
    r"<(p|div|li|small)\b[^>]*>"
    # only where a byline's first word follows (past inline tags): most paragraphs fail here at once
    rf"(?=\s*(?:<(?:em|i|b|strong|a|span)\b[^>]*>\s*)*"
    rf"(?:(?:{_BY}|beitrag|verfasst|geschrieben|bericht|posted|{_AUTHOR})\b|[（(]|{_ARABIC}))"
    r"((?:[^<>]|</?(?:em|i|b|strong|a|span)\b[^>]*>){3,400})</\1>",
    re.I,
)
_INLINE_TAG = re.compile(r"<[^>]*>")


def _written_bylines(html: str) -> Iterator[str]:
    """The names each byline the page's text writes gives: short elements first, then labelled
    ones, then short paragraphs with inline elements in them."""
    for found in _SHORT_ELEMENT.finditer(html):
        if named := _byline_names(found.group(2)):
            yield named
    for found in _LABELLED.finditer(html):
        if named := _names_in(_NAME_END.sub("", " ".join(unescape(found.group(2)).split()))):
            yield named
    for found in _INLINE_PARAGRAPH.finditer(html):
        said = _INLINE_TAG.sub("", found.group(2))
        if "<" in found.group(2) and len(said) <= 160 and (named := _byline_names(said)):
            yield named


def _byline_names(said: str) -> str | None:
    """The names a short text that reads as a byline gives ("Von A, B und C, NDR" gives A; B; C)."""
    written = _WRITTEN_BY.match(" ".join(unescape(said).split()))
    if not written:
        return None
    chinese = written.group(2)
    if chinese:
        named = chinese.replace(" ", "; ")
    else:
        named = _names_in(_NAME_END.sub("", written.group(1) or written.group(3)))
    return named if named and len(named.split()) <= 3 * MAX_NAME_WORDS else None


@dataclass(frozen=True)
class Published:
    day: str  # YYYY-MM-DD
    how: str  # where it was found, for published_note


_TAG = re.compile(r"<(meta|time|span|div|p)\b([^>]*)>", re.I)
_ATTRIBUTE = re.compile(r"([\w:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


@functools.lru_cache(maxsize=2)
def _tags(html: str) -> tuple[tuple[str, dict[str, str]], ...]:
    """The page's meta, time and text tags with their attributes, parsed once for every date read."""
    return tuple(
        (name, {key.lower(): first or second for key, first, second in _ATTRIBUTE.findall(attributes)})
        for name, attributes in _TAG.findall(html)
    )


def _stated_dates(html: str) -> list[tuple[str, str]]:
    """(value, where) of every tag that names its date as the publication's: the article's
    published_time, microdata's datePublished, a `<time>` of class "published"."""
    found = []
    for name, values in _tags(html):
        if values.get("property", "").lower() == "article:published_time" and values.get("content"):
            found.append((values["content"], "its article:published_time"))
        elif values.get("itemprop", "") == "datePublished" and (values.get("datetime") or values.get("content")):
            found.append((values.get("datetime") or values["content"], "its itemprop datePublished"))
        elif name.lower() == "time" and "published" in values.get("class", "").split() and values.get("datetime"):
            found.append((values["datetime"], "its <time class=published>"))
    return found


def other_dates(html: str, published: str) -> str:
    """The other days the page gives (modified, or a bare `<meta name="date">`), for the note, when
    they differ from the publication day taken: "; the page also gives 2026-03-19 (its dateModified)"."""
    others: dict[str, str] = {}
    for item in json_ld(html):
        if isinstance(item.get("dateModified"), str) and (day := _DAY.match(item["dateModified"].strip())):
            others.setdefault(day.group(0), "its JSON-LD dateModified")
    for _name, values in _tags(html):
        value = values.get("content") or values.get("datetime") or ""
        kind = values.get("property", "").lower() or values.get("name", "").lower() or values.get("itemprop", "")
        if kind in ("article:modified_time", "date", "datemodified", "dateModified") and (day := _DAY.match(value)):
            others.setdefault(day.group(0), f"its {kind}")
    said = [f"{day} ({how})" for day, how in others.items() if day != published]
    return f"; the page also gives {', '.join(said)}, which it does not call the publication day" if said else ""


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# A visible dateline: "Published 12 March 2026", "Publié le 7 mars 2026", "Stand: 28.04.2020"
_DATELINE = re.compile(
    r"(?:published|publié le|publicado(?: el| em)?|veröffentlicht(?: am)?|stand:?|опубликовано)\s*:?\s*"
    r"([^<·|\n]{6,40})",
    re.I,
)


_ADDRESS = re.compile(
    r"<(?:link\b(?=[^>]*\brel\s*=\s*[\"']canonical[\"'])[^>]*\bhref|meta\b(?=[^>]*\bproperty\s*=\s*[\"']og:url[\"'])"
    r"[^>]*\bcontent)\s*=\s*[\"'](https?://[^\"'\s]+)[\"']",
    re.I,
)


@functools.lru_cache(maxsize=2)
def page_addresses(html: str) -> tuple[str, ...]:
    """The addresses the page gives itself (its canonical link, its og:url), in its head or, as some
    pages have them, in its body."""
    return tuple(unescape(address) for address in _ADDRESS.findall(html))


def _day(value: str, html: str, url: str | None = None) -> str | None:
    """The day of a stated date, in the publication's own time zone (`zones.home_zone`): a time
    given in UTC ("2023-11-09T01:09:55Z") is the evening before where the page writes its times
    at -07:00."""
    value = value.strip()
    day = _DAY.match(value)
    if day is None:
        return None
    stamp = STAMP.match(value)
    addresses = ((url,) if url else ()) + page_addresses(html)
    if stamp is None or offset_of(stamp.group(4)):
        return day.group(0)
    moment = dt.datetime.fromisoformat(f"{stamp.group(1)}T{stamp.group(2)}:{stamp.group(3)}+00:00")
    # the zone the page writes its times in, else the day its address gives, else its country's zone
    home = written_zone(html)
    if home is None and (addressed := _addressed_day(moment, addresses)):
        return addressed
    if (home := home or home_zone(html, addresses)) is not None:
        try:
            return moment.astimezone(home).date().isoformat()
        except OverflowError:  # a placeholder's year 1, west of UTC
            return day.group(0)
    return day.group(0)


# A day in an address's path: /2020/02/17/, /2020-02-17-, -20200113
_ADDRESS_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?!\d)")


def _addressed_day(moment: dt.datetime, addresses: tuple[str, ...]) -> str | None:
    """For a time given in UTC where the page writes no other zone: the day its address gives, if
    that is the UTC day, or the day before in the small hours (an evening in the Americas: a US
    paper's "2020-02-18T02:18Z" under /2020/02/17/), or the day after in the afternoon (a morning
    in Asia or Oceania). An address's day further off is when the address was made, not this."""
    utc = moment.date()
    for address in addresses:
        for year, month, day in _ADDRESS_DAY.findall(urlsplit(address).path):
            try:
                found = dt.date(int(year), int(month), int(day))
            except ValueError:
                continue
            gap = found.toordinal() - utc.toordinal()  # a placeholder's year 1 has no day before
            if gap == 0 or (gap == -1 and moment.hour < 8) or (gap == 1 and moment.hour >= 14):
                return found.isoformat()
    return None


def published_metadata(html: str, url: str | None = None) -> Published | None:
    """The publication day the page states outright: JSON-LD `datePublished`, then the meta tags
    and microdata that name publication, then a visible dateline ("Published 12 March 2026"); in
    the publication's own time zone (found from the page, or from `url`'s country)."""
    for item in json_ld(html):
        if isinstance(item.get("datePublished"), str) and (day := _day(item["datePublished"], html, url)):
            return Published(day, "its JSON-LD datePublished")
    for value, how in _stated_dates(html):
        if day := _day(value, html, url):
            return Published(day, how)
    for found in _DATELINE.finditer(_text(html)):
        if written := date_in_text(found.group(1)):
            return Published(written, f'its dateline ("{" ".join(found.group(0).split())}")')
    return None


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan janvier janv enero ene janeiro jan januar jänner января",
            "february feb février févr febrero feb fevereiro fev februar февраля",
            "march mar mars marzo mar março mar märz марта",
            "april apr avril abril abr april апреля",
            "may mai mayo maio mai мая",
            "june jun juin junio junho juni июня",
            "july jul juillet julio julho juli июля",
            "august aug août agosto ago august августа",
            "september sep sept septembre septiembre setiembre setembro set september сентября",
            "october oct octobre octubre outubro out oktober okt октября",
            "november nov novembre noviembre novembro november ноября",
            "december dec décembre déc diciembre dic dezembro dez dezember декабря",
        ),
        1,
    )
    for name in names.split()
}
_MONTH = r"([^\W\d_]{3,10})\.?"
_FORMS = (  # (pattern, the groups' order: y, m, d)
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "ymd"),
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"), "ymd"),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), "dmy"),
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})\b"), "Mdy"),
    (re.compile(rf"\b(\d{{1,2}})\.?\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?(\d{{4}})\b"), "dMy"),
)


def date_in_text(text: str) -> str | None:
    """The first day written out in a line of text ("March 20, 2026", "7 mars 2026", "8 de marzo
    de 2026", "28.04.2020", "2026年3月6日"), or None. Month names in English, French, Spanish,
    Portuguese, German and Russian."""
    found = []
    for pattern, order in _FORMS:
        for match in pattern.finditer(text):
            values = dict(zip(order, match.groups(), strict=True))
            month = values.get("m") or str(_MONTHS.get(values.get("M", "").casefold(), ""))
            try:
                day = dt.date(int(values["y"]), int(month), int(values["d"]))
            except ValueError:
                continue
            found.append((match.start(), day))
    return min(found)[1].isoformat() if found else None


_NAME_PART = r"[^\s，,。|｜:：<]{2,30}"
_ORIGINAL = re.compile(  # a Chinese name is one run of characters; elsewhere up to four words
    rf"(?:来源|來源|稿源|出处|出處)\s*[:：]\s*({_NAME_PART})"
    rf"|(?:Quelle|Fuente|Fonte|Источник|المصدر)\s*:\s*({_NAME_PART}(?: {_NAME_PART}){{0,3}})",
)


def original_publisher(html: str) -> str | None:
    """The publisher a page says its article comes from ("来源：半月谈", "Quelle: dpa"), if it names one."""
    found = _ORIGINAL.search(shown_text(html))
    return (found.group(1) or found.group(2)).strip() if found else None


_TAG_LINK = re.compile(r"<a\b[^>]*\brel\s*=\s*[\"'][^\"']*\btag\b[^\"']*[\"'][^>]*>([^<]{1,80})</a>", re.I)
# Chinese and Japanese lists write 、 and full-width commas, Arabic its own comma ، and semicolon ؛
_LIST_SEPARATOR = re.compile(r"[,;|·•，、；｜،؛]")


def listed(text: str) -> list[str]:
    """The items of a list written on one line, folded (case, spacing) for comparison."""
    return [item for part in _LIST_SEPARATOR.split(text) if (item := " ".join(part.split()).casefold())]


def page_tags(html: str) -> frozenset[str]:
    """The page's tags and keywords (its rel="tag" links, its keywords meta), folded: a line listing
    them is the page's tag list, not the article."""
    found = [item for tag in _TAG_LINK.findall(html) for item in listed(unescape(tag))]
    for name, attributes in _tags(html):
        if name.lower() == "meta" and attributes.get("name", "").lower() in ("keywords", "news_keywords"):
            found += listed(unescape(attributes.get("content", "")))
    return frozenset(found)
