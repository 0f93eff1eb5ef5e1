"""`timeline init`: replace the story in a fork with a minimal one that passes every check.

The starter is one archived source, one event, one entity, one glossary term and a short
explainer, all about the timeline itself, so nothing of the replaced story is left and every
file shows by example what to write. `timeline/story.yml` records the last commit of the old
story: its events' permanent links are that story's, not this site's.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from ..data.schema import DATA_DIR, SEEDS_DIR
from ..model.quotes import checksum
from ..model.text import language_problem as tag_problem
from ..words.catalogs import SOURCE_LANGUAGE, catalog_path
from ..words.chrome import CONFIG_TEXTS, NAV_TITLES
from ..words.reader import Words, english

ARCHIVE = "seeds/first-source.txt"


def uncommitted(root: Path) -> list[str]:
    """Changes git has not committed under timeline/ and seeds/ (none outside a git checkout)."""
    try:
        status = subprocess.run(
            ["git", "status", "--porcelain", "--", DATA_DIR, SEEDS_DIR], cwd=root, capture_output=True, text=True
        )
    except OSError:
        return []
    return [line[3:] for line in status.stdout.splitlines()] if status.returncode == 0 else []


def head_commit(root: Path) -> str | None:
    """The checked-out commit, or None outside git (or before the first commit)."""
    try:
        run = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True)
    except OSError:
        return None
    return run.stdout.strip() if run.returncode == 0 else None


def _q(text: str) -> str:
    """A YAML double-quoted string (JSON's escaping is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


_RESERVED = frozenset({"yes", "no", "true", "false", "null", "on", "off", "y", "n", "~"})


def _plain(text: str) -> str:
    """A YAML value written plain when it reads back as itself (as a person would write it), else quoted."""
    plain = (
        re.fullmatch(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n]*", text)
        and ": " not in text
        and " #" not in text
        and not text.endswith((" ", ":"))
        and text.lower() not in _RESERVED
    )
    return text if plain else _q(text)


def starter_files(
    title: str, description: str, today: dt.date, replaces: str | None, words: Words | None = None
) -> dict[str, str]:
    """Every file of the starter story, by path, its placeholder texts in the story's language."""
    words = words or english()
    _ = words.gettext
    day = today.isoformat()
    shown = words.calendar.long_day(today)
    first = _("The first source of this timeline was archived on %(day)s.") % {"day": shown}
    second = _("Replace this file with the text of a real source, word for word.")
    quote = _("The first source of this timeline")
    texts = {
        "title": _("The first source"),
        "location": _("Replace this with the source's url, or with where a reader can find it"),
        "reason": _("An instruction of the starter story, not part of any story."),
        "editors": _("The editors"),
        "editors_description": _("The editors of this timeline, who archived its first source."),
        "term": _("archived source"),
        "definition": _("A copy of a source kept as it was published, so that every quote can be checked."),
        "heading": _("Where it starts"),
        "sentence": _("The first source was archived on %(day)s.") % {"day": shown},
        "event_title": _("The timeline begins"),
        "summary": _("The first source of this timeline is archived."),
    }
    event = f"{day}-the-timeline-begins"
    language = "" if words.language == SOURCE_LANGUAGE else f"language: {words.language}\n"
    header = "# yaml-language-server: $schema=../schemas/{}.schema.json\n"
    archived = f"{first}\n{second}\n"
    return {
        ARCHIVE: archived,
        f"{DATA_DIR}/story.yml": header.format("story")
        + "# Which story this site tells. Written by `timeline init`; events published before `replaces`\n"
        + "# belonged to the story this one replaced, so their permanent links are not this site's.\n"
        + f"title: {_q(title)}\n"
        + language
        + (f"replaces: {replaces}\n" if replaces else ""),
        f"{DATA_DIR}/sources.yml": header.format("sources")
        + "# Sources: every published piece the timeline quotes, each archived under seeds/.\n"
        + "- id: first-source\n"
        + f"  title: {_plain(texts['title'])}\n"
        + f"  publisher: {_q(title)}\n"
        + f"  location: {_plain(texts['location'])}\n"
        + f"  published: {day}\n"
        + f"  accessed: {day}\n"
        + f"  archive: {ARCHIVE}\n"
        + f"  sha256: {checksum(archived)}\n"
        + "  uncited:\n"
        + f"    - sentence: {_q(second)}\n"
        + f"      reason: {_plain(texts['reason'])}\n",
        f"{DATA_DIR}/entities.yml": header.format("entities")
        + "# Entities: the people, groups, organizations, places and documents the sources name.\n"
        + "- id: editors\n"
        + f"  name: {_plain(texts['editors'])}\n"
        + "  kind: group\n"
        + f"  description: {_plain(texts['editors_description'])}\n"
        + "  citations:\n"
        + "    - source: first-source\n"
        + f"      quote: {_plain(quote)}\n",
        f"{DATA_DIR}/glossary.yml": header.format("glossary")
        + "# Glossary: terms a general reader may not know.\n"
        + "- id: archived-source\n"
        + f"  term: {_plain(texts['term'])}\n"
        + f"  definition: {_plain(texts['definition'])}\n"
        + "  basis: general-knowledge\n",
        f"{DATA_DIR}/redirects.yml": header.format("redirects")
        + "# Redirects: old event ids and the events they became (to:), or why they were withdrawn (gone:).\n"
        + '# `uv run timeline withdraw ID --reason "…"` writes one; by hand, add entries such as:\n'
        + "# - from: 2026-04-10-old-name\n"
        + "#   to: 2026-04-10-new-name\n",
        f"{DATA_DIR}/explainer.yml": header.format("explainer")
        + "# The Home page: the story in a few short sections, every sentence cited.\n"
        + f"title: {_q(title)}\n"
        + f"lede: {_q(description)}\n"
        + "sections:\n"
        + "  - id: where-it-starts\n"
        + f"    heading: {_plain(texts['heading'])}\n"
        + "    sentences:\n"
        + f"      - text: {_q(texts['sentence'])}\n"
        + f"        events: [{event}]\n"
        + "        citations:\n"
        + "          - source: first-source\n"
        + f"            quote: {_q(first)}\n",
        f"{DATA_DIR}/events/{event}.yml": header.replace("../schemas", "../../schemas").format("event")
        + f"title: {_plain(texts['event_title'])}\n"
        + f"date: {day}\n"
        + "date_basis: stated\n"
        + "status: reported\n"
        + f"summary: {_plain(texts['summary'])}\n"
        + "entities: [editors]\n"
        + "terms: [archived-source]\n"
        + "citations:\n"
        + "  - source: first-source\n"
        + f"    quote: {_q(first)}\n",
    }


def write_starter(root: Path, files: dict[str, str]) -> None:
    """Replace timeline/ and seeds/ with the starter's files."""
    for folder in (DATA_DIR, SEEDS_DIR):
        shutil.rmtree(root / folder, ignore_errors=True)
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def language_problem(language: str) -> str | None:
    """Why a site cannot be started in `language`, or None."""
    problem = tag_problem(language)
    if problem:
        return problem
    if language.split("-")[0] != SOURCE_LANGUAGE and catalog_path(language) is None:
        return (
            f"there is no catalog for '{language}' yet; CONTRIBUTING.md (\"The site in another language\") "
            "says how to add one"
        )
    return None


def site_in_language(config: str, words: Words) -> str:
    """mkdocs.yml with `theme.language`, the navigation's titles, the copyright line and the palette
    toggles' names in the reader's language (so the file reads as the site does)."""
    for english_text in CONFIG_TEXTS:
        config = config.replace(f": {english_text}\n", f": {_plain(words.gettext(english_text))}\n")
    config = re.sub(
        r"^(  language:) *\S+", lambda match: f"{match.group(1)} {words.language}", config, count=1, flags=re.M
    )

    def title(match: re.Match[str]) -> str:
        english_title = match.group(2).strip("'\"")
        if english_title not in NAV_TITLES:
            return match.group(0)
        translated = words.gettext(NAV_TITLES[english_title])
        plain = re.fullmatch(r"[^\s:#'\"\[\]{}&*!|>%@`,-][^:#]*", translated) and not translated.endswith(" ")
        return f"{match.group(1)}{translated if plain else _q(translated)}:{match.group(3)}"

    return re.sub(r"^(  - )(\"[^\"]*\"|[^:\n]+):( \S+\.md)$", title, config, flags=re.M)


def site_url_problem(url: str) -> str | None:
    """Why an address cannot be a site's (the site's own pages and feeds are made absolute with it)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"'{url}' is not a web address; give one like https://newsroom.github.io/tunnel/"
    if parts.query or parts.fragment:
        return f"'{url}' has a query or a fragment; give the address of the site's home page"
    return None


def named_site(config: str, title: str, description: str, site_url: str | None = None) -> str:
    """mkdocs.yml with the site's name, description and address made the new story's (a placeholder
    named for it when no address is given; comments and all else kept)."""
    config = re.sub(r"^site_name:.*$", lambda _: f"site_name: {_q(title)}", config, count=1, flags=re.M)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "timeline"
    address = site_url.rstrip("/") + "/" if site_url else f"https://example.org/{slug}/"
    from_env = re.compile(r'^(site_url: !ENV \[SITE_URL, )"[^"\n]*"\]', re.M)
    if from_env.search(config):  # a deploy workflow may still set SITE_URL: this is its default
        config = from_env.sub(lambda match: f"{match.group(1)}{_q(address)}]", config, count=1)
    else:
        config = re.sub(r"^site_url:.*$", lambda _: f"site_url: {_q(address)}", config, count=1, flags=re.M)
    return re.sub(
        r"^site_description:.*\n(?:[ \t]+.*\n)*",
        lambda _: f"site_description: {_q(description)}\n",
        config,
        count=1,
        flags=re.M,
    )
