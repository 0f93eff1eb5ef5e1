"""The loader reports every mistake a contributor can make at the exact file, line and column."""

from __future__ import annotations

import os

import pytest

from tests.events import EVENT, GOOD, problems
from timeline_core.data.load import load_timeline


def test_the_repository_data_is_clean(project):
    result = load_timeline(project.root)
    assert problems(project) == []
    assert len(result.timeline.events) == len(list((project.root / "timeline/events").glob("*.yml")))


def test_a_good_event_loads(empty_project):
    empty_project.write(EVENT, GOOD)
    result = load_timeline(empty_project.root)
    assert result.problems == ()
    (event,) = result.timeline.events
    assert event.id == "2026-04-06-example-model-ready"
    assert event.summary.html == "<p>The Example Company says its model is ready.</p>"


BAD_EVENTS = [
    (
        "duplicate key",
        GOOD.replace("date:", "title: Again\ndate:"),
        "2:1: error: duplicate key 'title' (first at line 1); keep only one",
    ),
    (
        "misspelt field",
        GOOD.replace("summary:", "summry:"),
        "5:1: error: unknown field 'summry' in the event (did you mean 'summary'?)",
    ),
    ("missing field", GOOD.replace("date: 2026-04-06\n", ""), "1:1: error: missing required field 'date' in the event"),
    (
        "YAML boolean where text belongs",
        GOOD.replace("title: Example Company says its model is ready", "title: NO"),
        "1:8: error: field 'title' in the event: expected text, got a boolean ('NO'); put the value in quotes",
    ),
    (
        "number where text belongs",
        GOOD.replace("title: Example Company says its model is ready", "title: 1.5"),
        "1:8: error: field 'title' in the event: expected text, got a number ('1.5')",
    ),
    (
        "impossible date",
        GOOD.replace("date: 2026-04-06", "date: 2026-02-30"),
        "2:7: error: field 'date' in the event: '2026-02-30' is not a real day: February 2026 has 28 days",
    ),
    (
        "malformed date",
        GOOD.replace("date: 2026-04-06", "date: April 6"),
        "2:7: error: field 'date' in the event: 'April 6' is not a date this site understands",
    ),
    (
        "reversed range",
        GOOD.replace("date: 2026-04-06", "date: 2026-04-09/2026-04-06\ndate_note: range"),
        "2:7: error: field 'date' in the event: '2026-04-09/2026-04-06' ends before it starts",
    ),
    (
        "approximate date without a note",
        GOOD.replace("date: 2026-04-06", "date: 2026-04-06~"),
        "2:1: error: field 'date_note' is required because '2026-04-06~' is not one exact day",
    ),
    (
        "tag that is not a slug",
        GOOD.replace("entities:", "tags: [Video Gen]\nentities:"),
        "6:8: error: field 'tags' in the event: 'Video Gen' is not a valid id; use lowercase letters, "
        "digits and single dashes, like 'video-gen'",
    ),
    (
        "unknown entity",
        GOOD.replace("[example-co]", "[exmaple-co]"),
        "6:12: error: unknown entity 'exmaple-co' (did you mean 'example-co'?)",
    ),
    (
        "unknown source",
        GOOD.replace("source: example", "source: exampel"),
        "8:13: error: unknown source 'exampel' (did you mean 'example'?)",
    ),
    (
        "quote not in the source",
        GOOD.replace("said on Monday", "said on Tuesday"),
        "9:12: error: text not found in seeds/example.txt; copy it word for word. Closest passage: "
        '"The Example Company said on Monday that its model is ready.',
    ),
    (
        "quote with a changed letter case",
        GOOD.replace("The Example Company said", "the Example Company said"),
        "9:12: error: text not found in seeds/example.txt",
    ),
    (
        "no citations",
        GOOD.split("citations:")[0] + "citations: []\n",
        "7:12: error: field 'citations' in the event: needs at least one citation (A verbatim passage",
    ),
    ("list where a mapping belongs", "- title: x\n", "1:1: error: the event must be a mapping of fields, not a list"),
    ("empty file", "", "1:1: error: file is empty"),
    (
        "anchor and alias",
        GOOD.replace("title: Example Company says its model is ready", "title: &t Example") + "date_note: *t\n",
        "1:8: error: YAML anchor '&t' is not allowed; write the value out in full",
    ),
    (
        "javascript link",
        GOOD.replace("says its model is ready.", "says [ready](javascript:alert(1))."),
        "5:10: error: field 'summary' in the event: link 'javascript:alert(1)' uses javascript:; "
        "only http:// and https:// links are allowed",
    ),
    (
        "data link",
        GOOD.replace("says its model is ready.", "says [ready](data:text/html,hi)."),
        "link 'data:text/html,hi' uses data:",
    ),
    (
        "two paragraphs",
        GOOD.replace("summary: The Example Company says its model is ready.", "summary: |\n  One.\n\n  Two.\n"),
        "5:10: error: field 'summary' in the event: must be one paragraph",
    ),
    (
        "invalid YAML",
        GOOD.replace("entities: [example-co]", "entities: [example-co"),
        "error: invalid YAML: did not find expected ',' or ']'",
    ),
    (
        "explicit tag",
        GOOD.replace("title: Example", "title: !!python/object Example"),
        "1:8: error: YAML tag '!!python/object' is not allowed",
    ),
]


@pytest.mark.parametrize("text,expected", [case[1:] for case in BAD_EVENTS], ids=[case[0] for case in BAD_EVENTS])
def test_bad_event_is_reported_at_its_line(empty_project, text, expected):
    empty_project.write(EVENT, text)
    found = problems(empty_project)
    assert any(p.startswith(EVENT + ":") and expected in p for p in found), found
    assert load_timeline(empty_project.root).timeline.events == ()


BAD_BYTES = [  # written as bytes, so the file starts with GOOD's blank line
    ("byte-order mark", b"\xef\xbb\xbf" + GOOD.encode(), "1:1: error: file starts with a byte-order mark"),
    ("not UTF-8", GOOD.encode().replace(b"Monday", b"Mon\xffday"), "10:43: error: file is not valid UTF-8 (byte 0xff)"),
    ("tab", GOOD.encode().replace(b"date: ", b"date:\t"), "3:6: error: file contains a tab character"),
    ("too large", GOOD.encode() + b"#" * 70_000, "1:1: error: file is 70,"),
]


@pytest.mark.parametrize("data,expected", [case[1:] for case in BAD_BYTES], ids=[c[0] for c in BAD_BYTES])
def test_bad_bytes_are_reported(empty_project, data, expected):
    empty_project.write_bytes(EVENT, data)
    found = problems(empty_project)
    assert any(p.startswith(f"{EVENT}:{expected}") for p in found), found


@pytest.mark.parametrize(
    "name,expected",
    [
        (
            "events/foo.yaml",
            "timeline/events/foo.yaml:1:1: error: unexpected file; event files end in .yml (rename it to foo.yml)",
        ),
        ("events/notes.txt", "timeline/events/notes.txt:1:1: error: unexpected file"),
        (
            "events/2026-04-06 Big News.yml",
            "error: file name '2026-04-06 Big News.yml' is not a lowercase slug; rename it to 2026-04-06-big-news.yml",
        ),
        ("events/2026-04-06.yml", "error: file name '2026-04-06.yml' is only a date"),
        ("events/sub/x.yml", "timeline/events/sub:1:1: error: unexpected folder"),
        ("source.yml", "timeline/source.yml:1:1: error: unexpected file (did you mean 'sources.yml'?)"),
    ],
)
def test_files_the_loader_does_not_understand_are_errors(empty_project, name, expected):
    empty_project.write(f"timeline/{name}", GOOD)
    assert any(expected in p for p in problems(empty_project)), problems(empty_project)


def test_symlink_outside_the_repository_is_refused(empty_project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.yml"
    outside.write_text(GOOD)
    os.symlink(outside, empty_project.root / EVENT)
    assert f"{EVENT}:1:1: error: file is a symbolic link; commit the file itself" in problems(empty_project)


def test_folded_quotes_match_but_words_must_not_change(empty_project):
    empty_project.write(
        EVENT,
        GOOD.replace(
            "The Example Company said on Monday that its model is ready.",
            'Critics called the "launch" rushed - but\n      sales rose 5%.',
        ),
    )
    assert problems(empty_project) == []


CITE = "citations: [{source: example, quote: The Example Company said}]"


def test_entities_report_duplicates_cycles_and_misspelt_kinds(empty_project):
    empty_project.write(
        "timeline/entities.yml",
        f"""
        - {{id: a, name: A, kind: unit, parent: b, description: A., {CITE}}}
        - {{id: b, name: B, kind: unit, parent: a, description: B., {CITE}}}
        - {{id: a, name: Again, kind: unit, description: Duplicate., {CITE}}}
        - {{id: c, name: C, kind: organisation, description: Misspelt kind., {CITE}}}
        - {{id: d, name: D, kind: unit, description: No quote.}}
        """,
    )
    found = problems(empty_project)
    for line in [
        "timeline/entities.yml:1:40: error: entity 'a' is its own ancestor (a → b → a); fix one of the parents",
        "timeline/entities.yml:3:8: error: duplicate id 'a' (first at line 1); ids must be unique",
        "timeline/entities.yml:4:26: error: field 'kind' in entity 'c': 'organisation' is not one of "
        "person, group, organization, unit, place, project, product, model, platform, document, law, case "
        "(did you mean 'organization'?)",
        "timeline/entities.yml:5:3: error: missing required field 'citations' in entity 'd'",
    ]:
        assert any(p.startswith(line) for p in found), (line, found)


def test_sources_report_bad_urls_and_days(empty_project):
    empty_project.write(
        "timeline/sources.yml",
        """
        - id: example
          title: Example news
          publisher: Example Press
          url: javascript:alert(1)
          published: 2026-04-06
          accessed: 2026-04
          archive: seeds/example.txt
          sha256: 9ee9a16c277bc2e49733200a3891785f9c78b7f78a447a0731bb8d8fa0803a81
        """,
    )
    found = problems(empty_project)
    for line in [
        "timeline/sources.yml:4:8: error: field 'url' in source 'example': link 'javascript:alert(1)' uses "
        "javascript:; only http:// and https:// links are allowed",
        "timeline/sources.yml:6:13: error: field 'accessed' in source 'example': '2026-04' must be one "
        "exact day, written YYYY-MM-DD",
        "timeline/entities.yml:6:15: error: this entity is not shown because source 'example' has problems "
        "of its own (reported with it)",
    ]:
        assert line in found, (line, found)


def test_archive_outside_seeds_is_refused(empty_project):
    text = (empty_project.root / "timeline/sources.yml").read_text()
    empty_project.write("timeline/sources.yml", text.replace("seeds/example.txt", "../../etc/passwd"))
    assert (
        "timeline/sources.yml:7:12: error: field 'archive': '../../etc/passwd' must be a path inside "
        "seeds/, like seeds/my-source.txt"
    ) in problems(empty_project)


def test_every_problem_is_reported_in_one_run(empty_project):
    empty_project.write(EVENT, GOOD.replace("summary:", "summry:"))
    empty_project.write("timeline/events/2026-04-07-second.yml", GOOD.replace("2026-04-06", "2026-02-30"))
    empty_project.write("timeline/events/notes.txt", "hello")
    found = [p.split(": error: ")[1] for p in problems(empty_project)]
    assert [message.split(";")[0].split(" (")[0] for message in found] == [
        "missing required field 'summary' in the event: What happened, in one Markdown paragraph.",
        "unknown field 'summry' in the event",
        "field 'date' in the event: '2026-02-30' is not a real day: February 2026 has 28 days",
        "unexpected file",
    ]


def test_missing_data_folder(tmp_path):
    assert [p.format() for p in load_timeline(tmp_path).problems] == [
        "timeline:1:1: error: folder is missing; it holds the timeline's data"
    ]


@pytest.mark.parametrize("content", [None, "", "# nothing yet\n", "[]\n"])
def test_every_list_file_and_the_explainer_may_be_absent_or_empty(empty_project, content):
    """The minimum timeline: an events folder may be empty and every other file left out."""
    for name in ("sources.yml", "entities.yml", "glossary.yml", "redirects.yml", "explainer.yml"):
        path = empty_project.root / "timeline" / name
        if content is None:
            path.unlink(missing_ok=True)
        elif name != "explainer.yml" or content != "[]\n":
            path.write_text(content)
    result = load_timeline(empty_project.root)
    assert problems(empty_project) == []
    assert (result.timeline.sources, result.timeline.entities, result.timeline.explainer) == ((), (), None)


def test_an_event_citing_a_source_in_a_missing_sources_file_names_what_is_missing(empty_project):
    empty_project.write(EVENT, GOOD)
    (empty_project.root / "timeline/sources.yml").unlink()
    assert (
        f"{EVENT}:8:13: error: unknown source 'example'; it must be the id of a source in timeline/sources.yml"
        in problems(empty_project)
    )


def test_a_source_off_the_web_gives_where_to_find_it_instead_of_a_url(empty_project):
    sources = empty_project.root / "timeline/sources.yml"
    text = sources.read_text()
    sources.write_text(text.replace("  url: https://example.com/news\n", ""))
    assert problems(empty_project) == [
        "timeline/entities.yml:6:15: error: this entity is not shown because source 'example' has problems of its "
        "own (reported with it)",
        "timeline/sources.yml:1:3: error: source 'example' needs 'url' or 'location' (url: Where the original is "
        "published on the web (http or https); location: Where a reader can find a source that is not on the "
        "web: a print edition and page, a broadcast and its time, a court filing's docket number, a document and "
        "who holds it)",
    ]
    sources.write_text(text.replace("  url: https://example.com/news\n", "  location: Example Press, print, page 3\n"))
    assert problems(empty_project) == []
