"""What any story told by this generator must satisfy, read from its data rather than written down.

Each check takes a built project and returns what is wrong (an empty list when the story
holds). They name no id, title, count or word of any language: they compare the site and its
exports with the model that `load_timeline` reads from the project's own `timeline/`, and the
words on its pages with the catalog of the site's language (`theme.language`). test_story.py runs them on the
repository's story, and test_contribution.py on a contributed and on a replaced story.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import posixpath
from collections import Counter
from collections.abc import Callable

import feedparser
import icalendar
from bs4 import BeautifulSoup

from tests.conftest import Project, read_config
from timeline_core.data.load import load_timeline
from timeline_core.model.coverage import citations_of
from timeline_core.model.quotes import fold
from timeline_core.model.records import Timeline
from timeline_core.model.text import split_text
from timeline_core.words.reader import Words, words_for


def _folded(text: str) -> str:
    return " ".join(fold(text).split())


class BuiltSite:
    """A built site read once per page, with the model it was built from."""

    def __init__(self, project: Project):
        self.root = project.site
        self.data = project.root
        self.timeline: Timeline = load_timeline(project.root).timeline
        theme = read_config(project.root).get("theme") or {}
        self.words: Words = words_for(theme.get("language") or "en")  # the catalog the pages speak
        self.page = functools.lru_cache(maxsize=None)(self._page)

    def _page(self, rel: str) -> BeautifulSoup:
        path = self.root / rel
        if path.is_dir() or not path.suffix:
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def exists(self, rel: str) -> bool:
        return (self.root / rel).exists()

    def resolve(self, page: str, href: str) -> tuple[str, str]:
        """(site-relative page, anchor) that a link on `page` points at."""
        path, _, anchor = href.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
        if not target.endswith(".html"):
            target = posixpath.join(target, "index.html")
        return target.removeprefix("./"), anchor

    @functools.cached_property
    def event_pages(self) -> dict[str, str]:
        """Each event id (and redirected id) with the timeline page that holds it."""
        mapping = self.root / "timeline/event-pages.json"
        if not mapping.exists():
            return {event.id: "timeline/index.html" for event in self.timeline.events}
        return {
            ident: self.resolve("timeline/index.html", target)[0]
            for ident, target in json.loads(mapping.read_text()).items()
        }

    def linked_events(self, rel: str) -> list[str]:
        """Event anchors a list page links to, following its period pages when it is split."""
        page = self.page(rel)
        parts = [self.resolve(rel, a["href"])[0] for a in page.select(".tl-list-parts a")]
        found = []
        for listing in parts or [rel]:
            for link in self.page(listing).select(".tl-event-links a"):
                target, anchor = self.resolve(listing, link["href"])
                if self.page(target).find(id=anchor) is not None:
                    found.append(anchor)
        return found


Check = Callable[[BuiltSite], list[str]]
CHECKS: list[Check] = []


def _check(function: Check) -> Check:
    CHECKS.append(function)
    return function


@_check
def every_event_is_on_the_timeline_with_its_status_and_quotes(site: BuiltSite) -> list[str]:
    wrong = []
    articles = sum(len(site.page(p).select("article.tl-event")) for p in set(site.event_pages.values()))
    if articles != len(site.timeline.events):
        wrong.append(f"{articles} events on the timeline pages, {len(site.timeline.events)} in timeline/")
    for event in site.timeline.events:
        heading = site.page(site.event_pages[event.id]).find(id=event.id)
        if heading is None or heading.name != "h4":
            wrong.append(f"{event.id}: no heading on {site.event_pages.get(event.id)}")
            continue
        article = heading.find_parent("article")
        text = _folded(article.get_text(" "))
        if _folded(event.title) not in text:
            wrong.append(f"{event.id}: title not shown")
        if article.select_one(".tl-status").get_text(strip=True) != site.words.status(event.status):
            wrong.append(f"{event.id}: status is not {event.status}")
        for citation in event.citations:
            if _folded(citation.quote) not in text:
                wrong.append(f"{event.id}: quote not shown: {citation.quote[:50]}")
        if (event.status == "speculation") != (article.select_one(".tl-speculation-note") is not None):
            wrong.append(f"{event.id}: speculation note shown for status {event.status}")
    marks = sum(len(site.page(p).select(".tl-axis a.tl-mark")) for p in set(site.event_pages.values()))
    if marks != len(site.timeline.events):
        wrong.append(f"{marks} marks on the axis for {len(site.timeline.events)} events")
    return wrong


@_check
def the_story_comes_first_and_background_is_labelled_everywhere(site: BuiltSite) -> list[str]:
    """A reader scanning from the top meets the story's first event first; background comes after it,
    labelled on the page, on the axis and in every export."""
    wrong = []
    ordered = sorted(site.timeline.events, key=lambda e: (e.background, e.month, e.sort_key()))
    first_page = site.event_pages[ordered[0].id] if ordered else None
    if first_page:
        shown = [a.h4["id"] for a in site.page(first_page).select("article.tl-event") if a.h4]
        story = [e.id for e in ordered if not e.background]
        if story and shown and shown[0] != story[0]:
            wrong.append(f"the timeline opens with {shown[0]}, not the story's first event {story[0]}")
    data = {e["id"]: e for e in json.loads((site.root / "timeline.json").read_text())["events"]}
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((site.root / "timeline.csv").read_text(), newline=""))}
    timelinejs = {e["unique_id"]: e for e in json.loads((site.root / "timelinejs.json").read_text())["events"]}
    for event in site.timeline.events:
        article = site.page(site.event_pages[event.id]).find(id=event.id).find_parent("article")
        labelled = article.select_one(".tl-background-badge") is not None
        if labelled != event.background:
            wrong.append(f"{event.id}: {'not ' if event.background else ''}labelled Background on its page")
        if data.get(event.id, {}).get("background") != event.background:
            wrong.append(f"timeline.json: {event.id} background is not {event.background}")
        if (rows.get(event.id, {}).get("background") == "yes") != event.background:
            wrong.append(f"timeline.csv: {event.id} background is not {event.background}")
        group = timelinejs.get(event.id, {}).get("group")
        if (group == site.words.gettext("Background")) != event.background:
            wrong.append(f"timelinejs.json: {event.id} is not in the Background group")
    return wrong


@_check
def every_axis_mark_carries_the_number_of_its_card(site: BuiltSite) -> list[str]:
    wrong = []
    for rel in set(site.event_pages.values()):
        page = site.page(rel)
        for mark in page.select(".tl-axis a.tl-mark"):
            ident = mark["href"].lstrip("#")
            anchor = page.find(id=ident)
            number = anchor.find_parent("article").select_one(".tl-num") if anchor else None
            if number is None or number.get_text() != mark.select_one("text").get_text():
                wrong.append(f"{rel}: the axis mark of {ident} does not carry its card's number")
    return wrong


@_check
def every_event_is_listed_on_its_entity_tag_and_source_pages(site: BuiltSite) -> list[str]:
    wrong = []
    expected: dict[str, Counter] = {}
    for event in site.timeline.events:
        for entity in event.entities:
            expected.setdefault(f"entities/{entity}/index.html", Counter())[event.id] += 1
        for tag in event.tags:
            expected.setdefault(f"tags/{tag}/index.html", Counter())[event.id] += 1
    for entity in site.timeline.entities:
        expected.setdefault(f"entities/{entity.id}/index.html", Counter())
    for rel, events in sorted(expected.items()):
        if not site.exists(rel):
            wrong.append(f"{rel} is missing")
        elif Counter(site.linked_events(rel)) != events:
            wrong.append(f"{rel} lists {sorted(site.linked_events(rel))}, not {sorted(events)}")
    for source in site.timeline.sources:
        citing = {e.id for e in site.timeline.events if any(c.source == source.id for c in e.citations)}
        page = f"sources/{source.id}/index.html"
        if not site.exists(page):
            wrong.append(f"{page} is missing")
            continue
        listed = {site.resolve(page, a["href"])[1] for a in site.page(page).select(".tl-cited-by-list a")}
        if not citing <= listed:
            wrong.append(f"{page} does not list {sorted(citing - listed)}")
        section = site.page("sources/index.html").find(id=source.id).find_parent("section")
        count = section.select_one(".tl-cited-by").get_text(" ", strip=True)
        said = site.words.ngettext("Cited by %(num)d event:", "Cited by %(num)d events:", len(citing))
        if count != said % {"num": len(citing)}:
            wrong.append(f"sources/: '{count}' for {len(citing)} citing events of {source.id}")
    return wrong


@_check
def every_entity_term_and_source_has_its_page_and_quotes(site: BuiltSite) -> list[str]:
    wrong = []
    for entity in site.timeline.entities:
        if not site.exists(f"entities/{entity.id}/index.html"):
            continue  # reported with the entity's list of events
        text = _folded(site.page(f"entities/{entity.id}/index.html").get_text(" "))
        for expected in (entity.name, *(c.quote for c in entity.citations)):
            if _folded(expected) not in text:
                wrong.append(f"entities/{entity.id}/: missing {expected[:50]}")
    who = {a["href"].strip("/") for a in site.page("entities/index.html").select(".tl-entity-index a")}
    if who != {entity.id for entity in site.timeline.entities}:
        wrong.append(f"Who's who lists {len(who)} entities, timeline/ has {len(site.timeline.entities)}")
    glossary = site.page("glossary/index.html")
    for term in site.timeline.terms:
        heading = glossary.find(id=term.id)
        if heading is None:
            wrong.append(f"glossary/: no entry {term.id}")
            continue
        text = _folded(heading.find_parent("section").get_text(" "))
        for expected in (term.term, *(c.quote for c in term.citations)):
            if _folded(expected) not in text:
                wrong.append(f"glossary/#{term.id}: missing {expected[:50]}")
    for source in site.timeline.sources:
        if source.full_text and (site.root / source.archive).read_bytes() != (site.data / source.archive).read_bytes():
            wrong.append(f"{source.archive} is not published as archived")
    return wrong


@_check
def a_source_not_to_be_republished_shows_only_its_quotes(site: BuiltSite) -> list[str]:
    """Grep every file of the site for each sentence of such a source that no quote covers."""
    withheld = [source for source in site.timeline.sources if not source.full_text]
    if not withheld:
        return []
    published = _folded(
        " ".join(
            path.read_text(encoding="utf-8", errors="replace")
            for path in site.root.rglob("*")
            if path.is_file() and path.suffix in (".html", ".json", ".xml", ".csv", ".ics", ".txt", ".js")
        )
    )
    quotes = [citation for _, citation in citations_of(site.timeline)]
    wrong = []
    for source in withheld:
        if site.exists(source.archive):
            wrong.append(f"{source.archive} is published, but {source.id} may not be republished")
        quoted = [_folded(c.quote) for c in quotes if c.source == source.id]
        for sentence in split_text((site.data / source.archive).read_text(encoding="utf-8")):
            folded = _folded(sentence)
            if source.title == sentence or sentence in source.parts:
                continue  # the headline, byline, dateline and captions name the piece; they are not its text
            if len(folded) >= 20 and not any(folded in quote for quote in quoted) and folded in published:
                wrong.append(f"{source.id}: an unquoted sentence is published: {sentence[:60]}")
    return wrong


@_check
def every_event_counts_its_independent_publishers_alike_everywhere(site: BuiltSite) -> list[str]:
    data = {e["id"]: e["publishers"] for e in json.loads((site.root / "timeline.json").read_text())["events"]}
    rows = csv.DictReader(io.StringIO((site.root / "timeline.csv").read_text(), newline=""))
    wrong = [
        f"timeline.csv: {row['id']} has {row['publishers']}"
        for row in rows
        if int(row["publishers"]) != data.get(row["id"])
    ]
    for event in site.timeline.events:
        anchor = site.page(site.event_pages[event.id]).find(id=event.id)
        shown = anchor.find_parent("article").select_one(".tl-support") if anchor else None
        if event.id not in data:
            continue  # every_export_holds_every_event_once reports it
        if shown is None or int(shown["data-publishers"]) != data[event.id]:
            wrong.append(f"{event.id}: the page does not show its {data[event.id]} publishers")
        elif not 1 <= data[event.id] <= len({c.source for c in event.citations}):
            wrong.append(f"{event.id}: {data[event.id]} publishers for {len(event.citations)} citations")
    return wrong


@_check
def search_finds_every_event_entity_term_and_source(site: BuiltSite) -> list[str]:
    docs = json.loads((site.root / "search/search_index.json").read_text())["docs"]
    anchors = Counter(
        doc["location"].split("#", 1)[1]
        for doc in docs
        if doc["location"].startswith("timeline/") and "#" in doc["location"]
    )
    # U+200B sets off the words of Chinese text for the search (pages/search.py); a reader's search
    # for a whole title finds it across them, so it is read here as the reader sees it.
    text = _folded(" ".join(doc["title"] + " " + doc["text"] for doc in docs).replace("\u200b", ""))
    wrong = [
        f"search: {event.id} found {anchors[event.id]} times"
        for event in site.timeline.events
        if anchors[event.id] != 1
    ]
    for name in (
        [e.title for e in site.timeline.events]
        + [e.name for e in site.timeline.entities]
        + [t.term for t in site.timeline.terms]
        + [s.title for s in site.timeline.sources]
    ):
        if _folded(name) not in text:
            wrong.append(f"search: nothing finds '{name}'")
    return wrong


@_check
def every_export_holds_every_event_once(site: BuiltSite) -> list[str]:
    ids = sorted(event.id for event in site.timeline.events)
    data = json.loads((site.root / "timeline.json").read_text())
    csv_rows = list(csv.DictReader(io.StringIO((site.root / "timeline.csv").read_text(), newline="")))
    calendar = icalendar.Calendar.from_ical((site.root / "timeline.ics").read_bytes())
    feed = feedparser.parse((site.root / "feed.xml").read_bytes())
    timelinejs = json.loads((site.root / "timelinejs.json").read_text())
    jsonld = [
        json.loads(p.find("script", type="application/ld+json").string)
        for p in map(site.page, sorted(set(site.event_pages.values())))
    ]
    found = {
        "timeline.json": [e["id"] for e in data["events"]],
        "timeline.csv": [row["id"] for row in csv_rows],
        "timeline.ics": [str(e["UID"]).split("@", 1)[0] for e in calendar.walk("VEVENT")],
        "feed.xml": [entry.id.rsplit("#", 1)[1] for entry in feed.entries],
        "timelinejs.json": [e["unique_id"] for e in timelinejs["events"]],
        "JSON-LD": [item["item"]["url"].rsplit("#", 1)[1] for d in jsonld for item in d["itemListElement"]],
    }
    wrong = [
        f"{name} holds {len(got)} events ({sorted(set(got) ^ set(ids))[:3]} differ)"
        for name, got in found.items()
        if sorted(got) != ids
    ]
    wrong += [
        f"timeline.json: unverified quote in {e['id']}"
        for e in data["events"]
        for c in e["citations"]
        if not c["verified"]
    ]
    counts = {
        "entities": len(site.timeline.entities),
        "glossary": len(site.timeline.terms),
        "sources": len(site.timeline.sources),
    }
    wrong += [
        f"timeline.json has {len(data[key])} {key}, timeline/ has {n}"
        for key, n in counts.items()
        if len(data[key]) != n
    ]
    return wrong


@_check
def every_explainer_sentence_is_cited_and_links_its_events(site: BuiltSite) -> list[str]:
    explainer = site.timeline.explainer
    if explainer is None:
        return []
    home = site.page("index.html")
    sentences = home.select(".tl-sentence")
    expected = sum(len(section.sentences) for section in explainer.sections)
    wrong = [] if len(sentences) == expected else [f"Home shows {len(sentences)} of {expected} sentences"]
    for sentence in sentences:
        refs = sentence.select(".tl-ref a")
        if not refs or any(home.select_one(ref["href"]) is None for ref in refs):
            wrong.append(f"Home: uncited sentence: {sentence.get_text()[:50]}")
        for link in sentence.select("a.tl-to-event"):
            target, anchor = site.resolve("index.html", link["href"])
            if anchor not in site.event_pages:
                wrong.append(f"Home: {link['href']} is no event")
            shown = " ".join(link.get_text().replace("→", "").split())
            if shown not in " ".join(link.get("aria-label", shown).split()):  # WCAG 2.5.3: the name holds the label
                wrong.append(f"Home: a link's accessible name does not hold its visible text {shown!r}")
    return wrong


@_check
def every_redirect_lands_on_its_event(site: BuiltSite) -> list[str]:
    wrong = []
    exported = {e["id"] for e in json.loads((site.root / "timeline.json").read_text())["events"]}
    for redirect in site.timeline.withdrawn:
        notice = site.page("timeline/index.html").find(id=redirect.old)
        if notice is None or _folded(redirect.gone or "") not in _folded(notice.get_text(" ")):
            wrong.append(f"timeline/#{redirect.old} does not show why it was withdrawn")
        if redirect.old in exported:
            wrong.append(f"the withdrawn {redirect.old} is still in timeline.json")
    for redirect in site.timeline.redirects:
        if redirect.new is None:
            continue
        page = site.page(site.event_pages.get(redirect.old, "timeline/index.html"))
        anchor = page.find(id=redirect.old)
        article = anchor.find_parent("article") if anchor is not None else None
        if article is None or article.h4["id"] != redirect.new:
            wrong.append(f"timeline/#{redirect.old} does not land on {redirect.new}")
    return wrong


def story_problems(project: Project) -> list[str]:
    """Every invariant, on a built project: what the check, the coverage and the site get wrong."""
    wrong = []
    check = project.check()
    if check.returncode != 0:  # one line per problem: an unaccounted sentence is one of them
        wrong += [f"timeline check: {line}" for line in check.stdout.splitlines()]
    coverage = project.cli("coverage", "--fail-under", "100")
    if coverage.returncode != 0:
        wrong += [f"timeline coverage: {line}" for line in coverage.stderr.splitlines() if "below the required" in line]
    site = BuiltSite(project)
    for check_site in CHECKS:
        wrong += [f"{check_site.__name__}: {line}" for line in check_site(site)]
    return wrong
