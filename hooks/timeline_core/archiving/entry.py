"""A new source's entry in `timeline/sources.yml` and its archive under `seeds/`: written together or not at all."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import yaml
from publicsuffixlist import PublicSuffixList

from ..data.load import load_sources
from ..data.schema import DATA_DIR, SEEDS_DIR, SOURCE
from ..model.corroboration import shared_share, shingles
from ..model.quotes import fold
from ..model.records import Source, Timeline
from ..model.text import latin_words
from ..model.text import words as text_words
from ..problems import Problem
from .fetch import ArchiveError

SOURCES_FILE = f"{DATA_DIR}/sources.yml"
SAME_TEXT_SHARE = 0.9  # an archive this much like another is the same text, perhaps syndicated
_HEADER = (
    "# yaml-language-server: $schema=../schemas/sources.schema.json\n"
    "# Sources: every published piece the timeline quotes, each archived under seeds/.\n"
)


_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "after", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to", "with"]
)


def slug(text: str, words: int = 4, skip: str = "", language: str | None = None) -> str:
    """Lowercase words of any script, in Latin letters, joined by dashes, at most `words` of them,
    leaving out small words and the words of `skip` (the publisher's, already at the start of an
    id): ids and file names."""
    skipped = set(skip.split("-"))
    parts = [
        part
        for word in text_words(text)
        if word.casefold() not in _SMALL_WORDS  # "a" in English, not 阿 (a) in Chinese
        for part in latin_words(word, language)
        if part not in skipped
    ]
    return "-".join(parts[:words])


@functools.cache
def _suffixes() -> PublicSuffixList:
    return PublicSuffixList()  # the list the package ships; nothing is fetched


def publisher_slug(publisher: str, host: str | None) -> str:
    """The short name of a publisher for ids: the name it registered its web address under ("gazette"
    for www.gazette.example, "entermedia" for entermedia.co.kr), else its own name transliterated."""
    if host and not host.replace(".", "").replace(":", "").isdigit():  # a name, not an IP address
        registered = _suffixes().privatesuffix(host.casefold().split(":")[0])
        if registered and (name := slug(registered.split(".")[0], 1)):
            return name
    return slug(publisher, 2) or "source"


_ADDRESS_WORDS = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+")  # "sudanese-activist-khaled", not "12345"


def address_slug(url: str, words: int = 4) -> str | None:
    """The Latin words a page's address names it by (`/news/2024/sudanese-activist-speaks.html`
    gives sudanese-activist-speaks), when its path ends with at least two of them: a page in
    Arabic or Chinese often has one, and it reads better than a transliteration."""
    path = unquote(urlsplit(url).path).casefold().rstrip("/")
    last = re.sub(r"\.[a-z0-9]{2,5}$", "", path.rsplit("/", 1)[-1])
    found = _ADDRESS_WORDS.fullmatch(last)
    if not found:
        return None
    parts = [part for part in last.split("-") if not part.isdigit()]
    return "-".join(parts[:words]) if len(parts) >= 2 else None


def same_address(first: str, second: str) -> bool:
    """Two addresses of one page: scheme, a leading www., a trailing slash and a fragment aside."""

    def key(url: str) -> str:
        parts = urlsplit(url.strip())
        host = parts.netloc.casefold().removeprefix("www.")
        return urlunsplit(("", host, parts.path.rstrip("/") or "/", parts.query, ""))

    return key(first) == key(second)


def already_archived_at(timeline: Timeline, urls: Iterable[str]) -> Source | None:
    for url in urls:
        for source in timeline.sources:
            if source.url and same_address(source.url, url):
                return source
    return None


def same_text_as(timeline: Timeline, text: str, based_on: str | None) -> Source | None:
    """An archived source with this text (or nearly), unless the new source says it rests on it."""
    folded, runs = fold(text), shingles(text)
    for source in timeline.sources:
        archive = timeline.archives.get(source.id)
        if archive is None or source.id == based_on:
            continue
        if archive.folded == folded or shared_share(runs, shingles(archive.text)) >= SAME_TEXT_SHARE:
            return source
    return None


def line_of(root: Path, source_id: str) -> int | None:
    """The line of `- id: <source_id>` in sources.yml, to point a contributor at it."""
    path = root / SOURCES_FILE
    if not path.exists():
        return None
    pattern = re.compile(rf"^\s*-?\s*id:\s*['\"]?{re.escape(source_id)}['\"]?\s*$")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if pattern.match(line):
            return number
    return None


def entry_yaml(entry: dict[str, str | None]) -> str:
    """The entry as YAML, its fields in the schema's order, every value on one line and quoted where
    YAML would misread it; fields without a value are left out."""
    values = {spec.name: entry[spec.name] for spec in SOURCE.fields if entry.get(spec.name) is not None}
    return yaml.safe_dump([values], sort_keys=False, allow_unicode=True, width=10**6, default_flow_style=False)


def write_source(root: Path, entry: dict[str, str | None], text: str) -> None:
    """Write the archive and the entry, then load the whole timeline: if the new entry has any
    problem, put both files back as they were and raise it, so a failed add leaves nothing behind."""
    sources = root / SOURCES_FILE
    archive = root / str(entry["archive"])
    before = sources.read_bytes() if sources.exists() else None
    old_text = before.decode("utf-8") if before is not None else _HEADER
    if re.search(r"^\[\]\s*$", old_text, re.M):  # an empty list, as `timeline init` may leave it
        old_text = re.sub(r"^\[\]\s*$\n?", "", old_text, count=1, flags=re.M)
    separator = (
        "" if not old_text.strip() or old_text.endswith("\n\n") else ("\n" if old_text.endswith("\n") else "\n\n")
    )
    first_line = (old_text + separator).count("\n") + 1
    archive.parent.mkdir(parents=True, exist_ok=True)
    sources.parent.mkdir(parents=True, exist_ok=True)
    try:
        with archive.open("x", encoding="utf-8", newline="\n") as file:  # never over an existing file
            file.write(text)
    except FileExistsError:
        raise ArchiveError(f"{entry['archive']} already exists; pass another --id") from None
    try:
        sources.write_text(old_text + separator + entry_yaml(entry), encoding="utf-8", newline="\n")
        problems = _problems_of_new_entry(root, str(entry["archive"]), first_line)
    except BaseException:
        _restore(sources, before, archive)
        raise
    if problems:
        _restore(sources, before, archive)
        raise ArchiveError(
            "the new entry would not pass `timeline check`, so nothing was written:\n"
            + "\n".join(f"  {problem.format()}" for problem in problems)
        )


def _problems_of_new_entry(root: Path, archive: str, first_line: int) -> list[Problem]:
    result = load_sources(root)  # the entry's own problems: no event can have any with it
    return [
        problem
        for problem in result.problems
        if (problem.path == SOURCES_FILE and problem.line >= first_line) or problem.path == archive
    ]


def _restore(sources: Path, before: bytes | None, archive: Path) -> None:
    if before is None:
        sources.unlink(missing_ok=True)
    else:
        sources.write_bytes(before)
    archive.unlink(missing_ok=True)


def archive_path(source_id: str) -> str:
    return f"{SEEDS_DIR}/{source_id}.txt"
