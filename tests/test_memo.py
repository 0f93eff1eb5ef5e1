"""What `mkdocs serve` keeps between builds: a build that reuses earlier results writes exactly
what a cold build of the same data writes, after any kind of edit, and reuses what it can."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest

from benchmarks.synthetic import make_project
from tests.conftest import TEST_CONFIG, Project, copy_project, files_in
from timeline_core.data.load import load_timeline
from timeline_core.exports import Published
from timeline_core.memo import Fixed, Memo, fixed, frozen
from timeline_core.pages.paging import Layout
from timeline_core.pages.problembox import box_in_markdown
from timeline_core.pages.urls import Site
from timeline_core.site_files import site_files

SITE = Site(True, "https://example.org/story/")
PUBLISHED = Published("A story", "Told by tests")


def _build(project: Project, memo: Memo | None):
    """Every file a build adds to the site (pages, exports, archives, search entries) and the problems,
    with at most 4 events a page and 3 links a list, so that one edit touches few pages."""
    layout = Layout(4, 3)
    result = load_timeline(project.root, memo)
    files = site_files(result, project.root, SITE, PUBLISHED, layout, None, memo)
    if memo is not None:
        memo.sweep()
    return result.problems, files


def _replace(project: Project, rel: str, pattern: str, new: str) -> None:
    path = project.root / rel
    text, count = re.subn(pattern, new, path.read_text(encoding="utf-8"), count=1, flags=re.M)
    assert count == 1, f"{pattern} not in {rel}"
    path.write_text(text, encoding="utf-8")


def _first_event(project: Project) -> str:
    return f"timeline/events/{sorted(p.name for p in (project.root / 'timeline/events').glob('*.yml'))[0]}"


# Each edit a contributor makes, as (file, pattern, replacement); applied one after another.
EDITS = {
    "an event's title": (None, r"^title: (.*)$", r"title: \1, retitled"),  # still in its quotes' words
    "an event's date, to another period": (None, r"^date: .*$", "date: 2026-01-02"),
    "an event's tags": (None, r"^tags: .*$", "tags: [edited-while-serving]"),
    "an entity's name": ("timeline/entities.yml", r"^  name: .*$", "  name: Renamed While Serving"),
    "a source's title": ("timeline/sources.yml", r"^  title: .*$", "  title: A source retitled while serving"),
    "an event broken": (None, r"^title: (.*)$", r"title: [\1"),
    "the break fixed": (None, r"^title: \[(.*)$", r"title: \1"),
    "the story's language": ("timeline/story.yml", r"^title: (.*)$", r"title: \1\nlanguage: en-GB"),
}


@pytest.mark.parametrize("story", ["riverside", "synthetic"])
def test_a_build_that_reuses_results_writes_what_a_cold_build_writes(story, tmp_path):
    if story == "synthetic":
        project = Project(make_project(tmp_path / "project", 40, config=TEST_CONFIG))
    else:
        project = copy_project(tmp_path / "repo")
    project.write("timeline/story.yml", "title: A story\n")
    memo = Memo()
    assert _build(project, memo) == _build(project, None)
    problems = {}
    for what, (rel, pattern, new) in EDITS.items():
        _replace(project, rel or _first_event(project), pattern, new)
        memo.hits = memo.misses = 0
        warm = _build(project, memo)
        assert warm == _build(project, None), f"after editing {what}, the warm build differs from a cold one"
        assert memo.hits > 0, f"after editing {what}, nothing was reused"
        problems[what] = warm[0]
    assert problems["an event broken"] and not problems["the break fixed"]


def test_event_files_a_served_build_does_not_read_are_reported_as_a_cold_build_reports_them(tmp_path):
    project = Project(make_project(tmp_path / "project", 40, config=TEST_CONFIG))
    memo = Memo()
    _build(project, memo)
    events = project.root / "timeline/events"
    first = sorted(events.glob("*.yml"))[0]
    added = {
        "2020-01-01-a-link.yml": "error: file is a symbolic link; commit the file itself",
        "2020-01-02-too-big.yml": "error: file is 70,",
        "Not A Slug.yml": "error: file name 'Not A Slug.yml' is not a lowercase slug; rename it to not-a-slug.yml",
        "notes.txt": "error: unexpected file; event files end in .yml (rename it to notes.yml)",
        "a-folder": "error: unexpected folder",
    }
    (events / "2020-01-01-a-link.yml").symlink_to(first)
    (events / "2020-01-02-too-big.yml").write_text(first.read_text() + "#" * 70_000 + "\n")
    (events / "Not A Slug.yml").write_text(first.read_text())
    (events / "notes.txt").write_text("notes\n")
    (events / "a-folder").mkdir()
    for _ in range(2):  # the listing judged, then the same listing remembered
        warm = _build(project, memo)
        assert warm == _build(project, None)
        lines = [problem.format() for problem in warm[0]]
        for name, message in added.items():
            assert any(line.startswith(f"timeline/events/{name}:1:1: {message}") for line in lines), (name, lines)
    for name in added:
        (events / name).rmdir() if name == "a-folder" else (events / name).unlink()
    assert _build(project, memo) == _build(project, None)
    assert not _build(project, memo)[0]


def test_an_unchanged_timeline_is_neither_parsed_nor_rendered_again(tmp_path):
    project = Project(make_project(tmp_path / "project", 40, config=TEST_CONFIG))
    memo = Memo()
    _build(project, memo)
    memo.hits = memo.misses = 0
    _build(project, memo)
    assert memo.misses == 0 and memo.hits > 40


def test_one_edited_event_is_parsed_again_and_only_its_pages_rendered_again(tmp_path):
    project = Project(make_project(tmp_path / "project", 40, config=TEST_CONFIG))
    memo = Memo()
    _, before = _build(project, memo)
    _replace(project, _first_event(project), r"^title: (.*)$", r"title: \1, retitled")
    memo.hits = memo.misses = 0
    _, after = _build(project, memo)
    changed = {a.path for a, b in zip(after, before, strict=True) if a != b}
    assert "timeline.json" in changed and any(path.startswith("timeline/") for path in changed)
    # Made again: the event's file, its glossary terms, search entry, the five exports' run of
    # parts that holds it and its period's axis, and the pages that show it (period, entity and tag
    # lists, source) or count events (index pages), the Changes page (it names corrected events by
    # their titles) and the embeds that show it (the timeline's, its entities' and its tags').
    assert memo.misses <= 9 + 20
    # kept: every other event's file and glossary terms, every page not showing it (with its search
    # entries), the export parts of the other runs
    assert memo.hits > 40 * 5


def test_a_problem_made_and_fixed_renders_no_page_again_and_every_page_shows_it(tmp_path):
    """A problem that changes no page (a stray file among the events) changes only the problems box
    every page shows: no page is rendered again for it, while serving, when it comes or goes."""
    project = Project(make_project(tmp_path / "project", 40, config=TEST_CONFIG))
    memo = Memo()
    _, clean = _build(project, memo)
    stray = project.root / "timeline/events/notes.txt"
    for step in ("made", "fixed"):
        stray.write_text("notes\n") if step == "made" else stray.unlink()
        memo.hits = memo.misses = 0
        problems, files = _build(project, memo)
        assert memo.misses <= 2, (step, memo.misses)  # the folder's listing, and nothing rendered
        assert (problems, files) == _build(project, None)
        pages = {item.path: box_in_markdown(item.text, item.box) for item in files if item.box is not None}
        shown = [path for path, text in pages.items() if "timeline/events/notes.txt:1:1: error:" in text]
        if step == "made":
            # every page with a title (but embeds, shown on other sites, which never show problems)
            headed = [
                path
                for path, text in pages.items()
                if not path.startswith("embed/") and (text.startswith("# ") or "\n# " in text)
            ]
            assert len(headed) > 40 and set(headed) <= set(shown), set(headed) - set(shown)
        else:
            assert shown == [] and files == clean


# An edit of every kind of input a served site is made from, each checked against a cold build.
# Edits of docs/ and mkdocs.yml keep each file's length, as a fix of one letter does.
SERVED_EDITS = [
    ("an event's title", lambda p: _replace(p, _first_event(p), r"^title: (.*)$", r"title: \1, retitled")),
    ("an entity", lambda p: _replace(p, "timeline/entities.yml", r"^  name: .*$", "  name: Renamed While Serving")),
    ("a problem made", lambda p: (p.root / "timeline/events/notes.txt").write_text("notes\n")),
    ("the problem fixed", lambda p: (p.root / "timeline/events/notes.txt").unlink()),
    ("a source", lambda p: _replace(p, "timeline/sources.yml", r"^  title: .*$", "  title: Retitled source")),
    (
        "a glossary entry",
        lambda p: _replace(p, "timeline/glossary.yml", r"^  definition: .*$", "  definition: Edited."),
    ),
    ("the explainer", lambda p: _replace(p, "timeline/explainer.yml", r"for the tests", "for the readers")),
    ("a withdrawal's reason", lambda p: _replace(p, "timeline/redirects.yml", r"on review\.", "after review.")),
    (
        "an archived source",
        lambda p: p.write_archive(
            "seeds/gazette-footbridge.txt",
            (p.root / "seeds/gazette-footbridge.txt").read_text(encoding="utf-8").replace("local news.", "local NEWS."),
        ),
    ),
    (
        "a theme override",
        lambda p: _replace(
            p, "docs/overrides/main.html", r'"twitter:card" content="summary"', '"twitter:card" content="Summary"'
        ),
    ),
    ("a stylesheet", lambda p: _replace(p, "docs/stylesheets/timeline.css", r"#2e7d32", "#2e7d33")),
    ("mkdocs.yml", lambda p: _replace(p, "mkdocs.yml", r"A test story", "A test Story")),
    ("the commit's date", lambda p: os.environ.__setitem__("SOURCE_DATE_EPOCH", "1767312000")),
    (  # the same bytes under another name: no longer a theme override
        "a theme override renamed",
        lambda p: (p.root / "docs/overrides/main.html").rename(p.root / "docs/overrides/main.html.off"),
    ),
    (
        "the story's publication day",
        lambda p: p.write("timeline/story.yml", "title: Riverside\npublished: 2026-03-08\n"),
    ),
    (
        "the story's language",
        lambda p: _replace(p, "timeline/story.yml", r"^title: Riverside$", "title: Riverside\nlanguage: en-GB"),
    ),
]


def test_a_served_site_after_any_edit_is_byte_for_byte_a_cold_build(tmp_path):
    """`mkdocs serve`'s builds in this process (startup, a first build, one build per edit), each
    compared with a cold build of the same files: a build with nothing kept."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = copy_project(tmp_path / "repo")
    url = "http://127.0.0.1:8000/story/"

    def config(site: Path):
        loaded = load_config(str(project.root / "mkdocs.yml"))
        loaded.site_dir, loaded.site_url = str(site), url
        return loaded

    first = config(tmp_path / "served")
    hooks = first.plugins["hooks/timeline_hooks.py"]
    first.plugins.on_startup(command="serve", dirty=False)
    environ = dict(os.environ)
    os.environ["SOURCE_DATE_EPOCH"] = "1767225600"
    try:
        build(first, serve_url=url)
        for what, edit in SERVED_EDITS:
            edit(project)
            hooks._memo.hits = 0
            build(config(tmp_path / "served"), serve_url=url)
            hits, kept = hooks._memo.hits, hooks._memo
            hooks._memo = None  # a cold build: what `mkdocs build` makes of the same files
            try:
                build(config(tmp_path / "cold"), serve_url=url)
            finally:
                hooks._memo = kept
            served, cold = files_in(tmp_path / "served"), files_in(tmp_path / "cold")
            assert served.keys() == cold.keys(), what
            assert [name for name in served if served[name] != cold[name]] == [], f"after editing {what}"
            assert hits > 0, f"after editing {what}, nothing was reused"
    finally:
        os.environ.clear()
        os.environ.update(environ)
        first.plugins.on_shutdown()
    assert b", retitled" in served["timeline/index.html"]
    assert b"local NEWS." in served["sources/riverside-gazette-footbridge/index.html"]
    assert b'content="Summary"' not in served["index.html"] and b"A test Story" in served["index.html"]
    assert b"#2e7d33" in served["stylesheets/timeline.css"]


class _Colliding:
    """A key part whose hash equals every other's, as two different inputs' hashes may."""

    def __init__(self, value: str) -> None:
        self.value = value

    def __hash__(self) -> int:
        return 7

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Colliding) and self.value == other.value


def test_the_memo_makes_a_result_once_per_key_and_keeps_only_what_a_build_used():
    memo, made = Memo(), []

    def make(value: str):
        return lambda: made.append(value) or value.upper()

    assert [memo.get("page", "a", make("a")), memo.get("page", "a", make("a")), memo.get("other", "a", make("b"))] == [
        "A",
        "A",
        "B",
    ]
    assert (made, memo.hits, memo.misses) == (["a", "b"], 1, 2)  # the same key of another kind is another result
    memo.sweep()
    assert memo.get("page", "a", make("a")) == "A" and made == ["a", "b"]  # kept from the build before
    memo.sweep()  # this build did not use ("other", "a"): dropped
    assert memo.get("other", "a", make("b")) == "B" and made == ["a", "b", "b"]
    memo.hits = memo.misses = 0
    assert memo.get("page", ["unhashable"], make("c")) == "C" and memo.get("page", ["unhashable"], make("c")) == "C"
    assert made[-2:] == ["c", "c"] and (memo.hits, memo.misses) == (0, 2)  # never kept


def test_results_kept_by_hand_are_found_until_a_build_does_not_use_them():
    memo = Memo()
    assert memo.find("html", "page") is None and (memo.hits, memo.misses) == (0, 1)
    memo.keep("html", "page", "<p>kept</p>")
    assert memo.find("html", "page") == "<p>kept</p>" and (memo.hits, memo.misses) == (1, 1)
    memo.sweep()
    assert memo.find("html", "page") == "<p>kept</p>"  # used in this build, so kept for the next
    assert memo.find("html", "other") is None and memo.find("html", "other") is None
    assert (memo.hits, memo.misses) == (2, 3)
    memo.sweep()
    memo.sweep()
    assert memo.find("html", "page") is None


def test_keys_with_equal_hashes_but_different_inputs_are_different_keys():
    memo = Memo()
    one, two = Fixed(_Colliding("one")), Fixed(_Colliding("two"))
    assert hash(one) == hash(two) and one != two and one == Fixed(_Colliding("one")) and one != "one"
    assert memo.get("page", (one,), lambda: 1) == 1 and memo.get("page", (two,), lambda: 2) == 2
    assert memo.get("page", (Fixed(_Colliding("two")),), lambda: 3) == 2
    assert one.value.value == "one"


def test_a_fixed_value_is_the_very_object_of_the_build_before_when_equal():
    memo = Memo()
    first = fixed(memo, "site", ("config", b"bytes"))
    memo.sweep()
    again, other = fixed(memo, "site", ("config", b"bytes")), fixed(memo, "site", ("config", b"other"))
    assert again is first and other is not first and other.value == ("config", b"other")
    assert fixed(None, "site", ("config",)).value == ("config",)
    assert fixed(memo, "another kind", ("config", b"bytes")) is not first


@dataclasses.dataclass(frozen=True)
class _Record:
    name: str
    index: dict


def test_a_pages_context_becomes_a_key_equal_exactly_when_the_context_is():
    context = {
        "title": "T",
        "events": [1, 2],
        "tags": {"b", "a"},
        "nested": [{"x": [1]}],
        "plan": _Record("p", {"a": 1}),
    }
    key = frozen(context)
    assert key == frozen(dict(context)) and hash(key) == hash(frozen(dict(context)))
    assert dict(key)["events"] == Fixed((1, 2)) and dict(key)["tags"] == frozenset({"a", "b"})
    assert dict(key)["nested"] == ((("x", Fixed((1,))),),)
    assert dict(key)["plan"] == ("_Record", "p", Fixed((("a", 1),)))  # an index of plain values, hashed once
    for changed in (
        {"title": "U"},
        {"events": [2, 1]},
        {"tags": {"a"}},
        {"nested": [{"x": [2]}]},
        {"plan": _Record("p", {"a": 2})},
    ):
        assert frozen({**context, **changed}) != key, changed
    assert frozen(_Record) is _Record  # a class is kept as it is
