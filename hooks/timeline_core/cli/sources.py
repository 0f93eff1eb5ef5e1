"""`timeline source add`, `timeline source rehash` and `timeline quote`: archiving a source and quoting it
without copying anything by hand."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from ..archiving.entry import (
    SOURCES_FILE,
    address_slug,
    already_archived_at,
    archive_path,
    line_of,
    publisher_slug,
    same_text_as,
    slug,
    write_source,
)
from ..archiving.extract import MIN_WORDS, Article, clean_text, decode_html, extract_article
from ..archiving.fetch import MAX_BYTES, TIMEOUT, ArchiveError, fetch_page
from ..archiving.language import article_language
from ..archiving.metadata import date_in_text
from ..data.load import load_sources
from ..data.markup import check_url
from ..data.schema import REPUBLISH, SLUG_PATTERN
from ..model.dates import parse_day, parse_edtf
from ..model.passages import best_passages
from ..model.quotes import checksum
from ..model.text import count_words, language_name, language_problem, main_script, same_language
from ..problems import DataError, did_you_mean
from ..words.reader import Words, words_for
from .loading import readable_data

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `timeline source add`: each sets one field of the entry instead of what the page says."""
    parser.add_argument("target", metavar="URL|FILE", help="the article's address, or a saved .html or .txt file")
    parser.add_argument("--id", help="the source's id (default: <publisher>-<first words of the title>)")
    parser.add_argument("--title", help="the piece's title (default: the page's)")
    parser.add_argument("--publisher", help="who published it (default: the page's site name, or its host)")
    parser.add_argument("--author", help="who wrote it, as credited (default: the page's author, if it names one)")
    parser.add_argument(
        "--language",
        help="the language it is written in, a BCP 47 tag such as zh or de (default: the page's, unless its "
        "text reads as another; else the text's)",
    )
    parser.add_argument("--url", help="the original's address (for a FILE; for a URL, the address after redirects)")
    parser.add_argument("--location", help="where a reader can find a source that is not on the web")
    parser.add_argument("--published", help="EDTF publication date (default: the date the page gives)")
    parser.add_argument("--published-note", help="how the publication date was worked out")
    parser.add_argument("--accessed", help="the day the copy was taken, YYYY-MM-DD (default: today)")
    parser.add_argument("--based-on", metavar="SOURCE", help="the id of the source this one rewrites or syndicates")
    parser.add_argument(
        "--republish", choices=REPUBLISH, default="quotes-only", help="quotes-only (default) or full-text"
    )
    parser.add_argument("--republish-basis", help="the licence or notice that allows republishing the full text")
    parser.add_argument("--note", help="anything a reader should know about this source")
    parser.add_argument(
        "--min-words", type=int, default=MIN_WORDS, help=f"the fewest words an article can have ({MIN_WORDS})"
    )
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help=f"seconds to wait for the page ({TIMEOUT:g})")
    parser.add_argument("--max-bytes", type=int, default=MAX_BYTES, help=f"largest page to fetch ({MAX_BYTES:,})")


def add_source(root: Path, args: argparse.Namespace) -> int:
    """Archive one source and describe it in sources.yml; any failure writes nothing."""
    try:
        new, text, article, how = _plan(root, args)
        write_source(root, new, text)
    except ArchiveError as error:
        for message in error.messages:
            print(f"error: {message}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    _report(new, text, article, how)
    return 0


def _plan(root: Path, args: argparse.Namespace) -> tuple[dict[str, str | None], str, Article | None, dict[str, str]]:
    """Everything `source add` will write, checked before anything is."""
    _check_options(args)
    loaded = readable_data(root, load_sources)
    if loaded is None:
        raise ArchiveError("the data above cannot be read, so the new source's id cannot be checked")
    timeline = loaded.timeline
    ids = {source.id for source in timeline.sources} | _declared_ids(root)
    if args.based_on and args.based_on not in ids:
        raise ArchiveError(f"--based-on: unknown source '{args.based_on}'{did_you_mean(args.based_on, ids)}")
    article: Article | None = None
    how: dict[str, str] = {}  # field: where its value came from
    target: str = args.target
    if re.match(r"^[a-z][a-z0-9+.-]*://", target, re.I):
        if reason := check_url(target):
            raise ArchiveError(reason)
        _refuse_archived(root, timeline, [target])
        fetched = fetch_page(target, timeout=args.timeout, max_bytes=args.max_bytes)
        url: str | None = fetched.url
        _refuse_archived(root, timeline, [fetched.url])
        if fetched.media_type == "text/plain":
            text = clean_text(decode_html(fetched.body, fetched.charset))
        else:
            article = extract_article(decode_html(fetched.body, fetched.charset), fetched.url, args.min_words)
            text = article.text
            if article.canonical_url:
                _refuse_archived(root, timeline, [article.canonical_url])
        how["url"] = "the address after redirects" if fetched.url != target else "the address given"
    else:
        path = Path(target)
        if not path.is_file():
            raise ArchiveError(f"'{target}' is neither a web address (http:// or https://) nor a file")
        if path.stat().st_size > args.max_bytes:
            raise ArchiveError(
                f"{target} is {path.stat().st_size:,} bytes; the limit is {args.max_bytes:,} (--max-bytes)"
            )
        data = path.read_bytes()
        url = args.url
        if not data.strip():
            raise ArchiveError(f"{target} is empty: there is nothing in it to archive")
        if b"\x00" in data[:65536]:
            raise ArchiveError(f"{target} is not text (it holds binary data): a FILE must be a saved page or a .txt")
        if path.suffix.lower() in HTML_SUFFIXES:
            article = extract_article(decode_html(data), url, args.min_words, saved=True)
            text = article.text
            url = url or article.canonical_url
            if url and not args.url:
                how["url"] = "the page's canonical address"
        elif path.suffix.lower() == ".txt":
            try:
                text = clean_text(data.decode("utf-8-sig"))
            except UnicodeDecodeError:
                raise ArchiveError(f"{target} is not UTF-8 text; save it as UTF-8 and try again") from None
        else:
            raise ArchiveError(f"{target}: a FILE must be a saved page (.html) or plain text (.txt)")
        if url:
            _refuse_archived(root, timeline, [url])
    if args.url:
        url = args.url
        how["url"] = "--url"
    problems: list[str] = []  # all that stands in the way, reported together
    if article is not None and article.short:
        problems.append(article.short)
    elif not text.strip():
        problems.append(f"{target} holds no text to archive")
    elif twin := same_text_as(timeline, text, args.based_on):
        problems.append(
            f"this text is already archived as source '{twin.id}' ({twin.archive}, {SOURCES_FILE} line "
            f"{line_of(root, twin.id)}); if this is another publisher's copy of it, pass --based-on {twin.id}"
        )
    if not url and not args.location:
        problems.append("the source has no address: pass --url with the original's address (or --location)")
    story_words = words_for(timeline.language)
    fields = _fields(args, article, text, how, problems, story_words, url)
    if fields is None:
        raise ArchiveError(*problems)
    short_publisher = publisher_slug(fields["publisher"], article.host if article else None)
    title_words = slug(fields["title"], skip=short_publisher, language=fields["language"])
    if url and main_script(fields["title"]) in WITHOUT_VOWELS and (words_of_address := address_slug(url)):
        title_words = words_of_address  # the page's own Latin words read better than a script without vowels
    ident = args.id or "-".join(part for part in (short_publisher, title_words) if part)
    archive = archive_path(ident)
    if not re.match(SLUG_PATTERN, ident):
        problems.append(f"--id: '{ident}' is not a valid id; use lowercase letters, digits and single dashes")
    elif ident in ids:
        problems.append(
            f"a source with id '{ident}' already exists ({SOURCES_FILE} line {line_of(root, ident)}); "
            "pass --id with another"
        )
    elif (root / archive).exists():
        problems.append(f"{archive} already exists; pass --id with another id")
    if problems:
        raise ArchiveError(*problems)
    accessed = args.accessed or dt.date.today().isoformat()
    published, published_note = fields["published"], fields["published_note"]
    if published is None:
        published = f"../{accessed}"
        published_note = story_words.gettext(
            "The page gives no publication date; it was online on the day it was archived."
        )
        how["published"] = "none found: on or before the day it was archived"
    new = dict(  # the entry's fields (see SOURCE in data/schema.py)
        id=ident,
        title=fields["title"],
        publisher=fields["publisher"],
        author=fields["author"],
        language=fields["language"],
        url=url,
        location=args.location,
        published=published,
        published_note=published_note,
        accessed=accessed,
        archive=archive,
        sha256=checksum(text),
        based_on=args.based_on,
        republish=args.republish,
        republish_basis=args.republish_basis,
        note=args.note or _original_note(article, fields["publisher"], story_words, how),
        headline=fields["title"] if article and text.split("\n", 1)[0] == fields["title"] else None,
    )
    return new, text, article, how


def _original_note(article: Article | None, publisher: str, story_words: Words, how: dict[str, str]) -> str | None:
    """The note a page's own "来源：半月谈" gives: whose article this copy is, in the story's language."""
    original = article.original_publisher if article else None
    if not original or original.casefold() in publisher.casefold():
        return None
    how["note"] = "the page names where its article comes from; cite the original too if you can"
    return story_words.gettext("The page names its original publisher: %(publisher)s.") % {"publisher": original}


# Scripts that write few vowels: a page's own Latin address words name it better than a transliteration.
WITHOUT_VOWELS = ("Arab", "Hebr")


def _check_options(args: argparse.Namespace) -> None:
    """Every option's problem at once."""
    problems = []
    for name in ("published", "accessed"):
        value = getattr(args, name)
        try:
            if value:
                parse_edtf(value) if name == "published" else parse_day(value)
        except DataError as error:
            problems.append(f"--{name}: {error.message}")
    if args.language and (problem := language_problem(args.language)):
        problems.append(f"--language: {problem}")
    if args.url and (reason := check_url(args.url)):
        problems.append(f"--url: {reason}")
    if args.republish == "full-text" and not args.republish_basis:
        problems.append("--republish full-text needs --republish-basis: the licence or notice that allows it")
    if args.min_words < 1:
        problems.append(f"--min-words: {args.min_words} is not a length; give 1 or more")
    if problems:
        raise ArchiveError(*problems)


def _fields(
    args: argparse.Namespace,
    article: Article | None,
    text: str,
    how: dict[str, str],
    problems: list[str],
    story_words: Words,
    url: str | None,
) -> dict | None:
    """Title, publisher, author and date: an option wins, then what the page says; say which."""

    def pick(name: str, option: str | None, found: str | None, source: str) -> str | None:
        if option:
            how[name] = f"--{name}"
            return option
        if found:
            how[name] = source
        return found

    title = pick("title", args.title, article.title if article else None, "the page's metadata")
    if not title:
        problems.append("no title found: pass --title with the piece's title")
    publisher = pick(
        "publisher",
        args.publisher,
        (article.site_name or article.host or (urlsplit(url).hostname if url else None)) if article else None,
        "the page's site name" if article and article.site_name else "the page's host name",
    )
    if not publisher and (article is None or url or args.location):  # no address: that is the one problem
        problems.append("no publisher found: pass --publisher with who published it")
    language = args.language or article_language(article.language if article else None, text, how)
    if args.language:
        how["language"] = "--language"
    if language is None:  # a quote from it would then need no translation: never left unsaid
        problems.append(
            "its language could not be told from its text (too short, or a mix): pass --language with the "
            "tag of the language it is written in, such as ar, de or zh"
        )
    if not title or not publisher or language is None:
        return None
    author = pick("author", args.author, article.author if article else None, "the page's metadata")
    opening = None if article else date_in_text("\n".join(text.splitlines()[:3]))  # a .txt's dateline
    found_day = article.published if article else opening
    found_how = (article.published_how or "") if article else "the date its opening lines give"
    published = pick("published", args.published, found_day, found_how.split(":")[0])
    note = args.published_note
    _ = story_words.gettext  # the note is the story's data, shown on its pages: in its language
    if published and not args.published and found_how:
        how["published"] = found_how  # the terminal says how it was found; the note, what it is
        if article:
            note = note or _("The day the page gives as its publication date.")
        else:
            note = note or _("The date its opening lines give (its dateline).")
    return {
        "title": title,
        "publisher": publisher,
        "author": author,
        "published": published,
        "published_note": note,
        "language": language,
    }


def _declared_ids(root: Path) -> set[str]:
    """Ids sources.yml declares, usable or not (a broken entry still owns its id)."""
    path = root / SOURCES_FILE
    if not path.exists():
        return set()
    return set(re.findall(r"^\s*-?\s*id:\s*['\"]?([a-z0-9-]+)['\"]?\s*$", path.read_text(encoding="utf-8"), re.M))


def _refuse_archived(root: Path, timeline, urls: list[str]) -> None:
    if found := already_archived_at(timeline, urls):
        raise ArchiveError(
            f"{urls[0]} is already archived as source '{found.id}' ({found.archive}, {SOURCES_FILE} line "
            f"{line_of(root, found.id)}); cite that source"
        )


def _report(new: dict[str, str | None], text: str, article: Article | None, how: dict[str, str]) -> None:
    words = count_words(text)
    lines = text.count("\n")
    print(
        f"added source '{new['id']}': {new['archive']} ({words:,} words, {lines} lines) and its entry in {SOURCES_FILE}"
    )
    print("check by hand, then edit the entry if need be:")
    for name in ("title", "publisher", "author", "published", "language", "url", "note"):
        value = new[name]
        if value is not None:
            print(f"  {name + ':':11} {value}  ({how.get(name, 'given')})")
    if article and article.left_out:
        print("  left out as notices, not the article: (put a line back in the archive if it is the article's)")
        for line in article.left_out:
            print(f"  - {line}")
    first, *rest = text.rstrip("\n").split("\n")
    last = rest[-1] if rest else first
    start = first if len(first) <= 70 else first[:70].rsplit(" ", 1)[0] + "…"
    end = last if len(last) <= 70 else "…" + last[-70:].split(" ", 1)[-1]
    print(f'  the archive: it starts "{start}" and ends "{end}";')
    print("               delete any line that is not the article (a menu, a caption credit, a notice) and run")
    print(f"               `uv run timeline source rehash {new['id']}`")
    if new["republish"] == "quotes-only":
        licence = f" The page names a licence: {article.licence}." if article and article.licence else ""
        print(f"  republish:  quotes-only (the site shows only the quoted passages).{licence} Set full-text and")
        print("               republish_basis only if a licence or the publisher's notice allows it")
    print("next:")
    print(f"  uv run timeline quote {new['id']} WORDS…   # find a passage to cite, exactly as it must be pasted")
    print(f"  uv run timeline new --source {new['id']}    # an event citing it")


def rehash(root: Path, source_id: str) -> int:
    """Record the checksum of an archive re-taken on purpose (its quotes are then checked against it)."""
    result = readable_data(root, load_sources)
    if result is None:
        return 1
    source = result.timeline.sources_by_id.get(source_id)
    if source is None:
        known = sorted(result.timeline.sources_by_id)
        print(f"error: unknown source '{source_id}'{did_you_mean(source_id, known)}", file=sys.stderr)
        return 1
    archive = result.timeline.archives.get(source_id)
    if archive is None:
        print(f"error: {source.archive} could not be read; see `uv run timeline check`", file=sys.stderr)
        return 1
    new = checksum(archive.text)
    if new == source.sha256:
        print(f"{source.archive} is unchanged; nothing to record")
        return 0
    path = root / SOURCES_FILE
    lines = path.read_text(encoding="utf-8").split("\n")
    start = (line_of(root, source_id) or 1) - 1
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"^\s*-\s", lines[i])), len(lines))
    for number in range(start, end):
        match = re.match(r"^(\s*-?\s*)(sha256:).*$", lines[number])
        if match:
            lines[number] = f"{match.group(1)}sha256: {new}"
            break
        archive_line = re.match(r"^(\s*-?\s*)archive:", lines[number])
        if archive_line and not any(re.match(r"^\s*-?\s*sha256:", line) for line in lines[start:end]):
            indent = " " * len(archive_line.group(1))
            lines.insert(number + 1, f"{indent}sha256: {new}")
            break
    path.write_text("\n".join(lines), encoding="utf-8", newline="\n")
    print(f"recorded the checksum of {source.archive} for source '{source_id}' ({new[:12]}…)")
    print("next: uv run timeline check   # every quote of this source is checked against the new text")
    return 0


def quote(root: Path, source_id: str, words: list[str], count: int) -> int:
    """Print the archived passages that best match some words, exactly as they must be pasted."""
    result = readable_data(root, load_sources)
    if result is None:
        return 1
    archive = result.timeline.archives.get(source_id)
    if archive is None:
        known = sorted(result.timeline.archives)
        print(
            f"error: unknown source '{source_id}'{did_you_mean(source_id, known)}; known: {', '.join(known)}",
            file=sys.stderr,
        )
        return 1
    found = best_passages(archive.text, " ".join(words), count)
    if not found:
        print(f"no sentence of {archive.path} has any of those words", file=sys.stderr)
        return 1
    language = result.timeline.sources_by_id[source_id].language or result.timeline.language
    story = result.timeline.language
    for passage in found:
        print(f"{archive.path}:{passage.line}: ({passage.matched} of {passage.wanted} words)")
        print(f"  - source: {source_id}")
        print(f"    quote: {passage.yaml}")
        if not same_language(language, story):  # the check asks for both: say so before it does
            print(f'    translation: ""  # the quote in {language_name(story)}')
            print('    translated_by: ""  # who made it: a name as credited, publisher or machine')
    return 0
