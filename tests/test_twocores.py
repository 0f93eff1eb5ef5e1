"""Rendering on two cores gives exactly what rendering on one gives, and survives a failed child."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from benchmarks.synthetic import make_project
from tests.conftest import TEST_CONFIG, Project, build_here, files_in
from timeline_core import twocores
from timeline_core.data.load import load_timeline
from timeline_core.pages import render
from timeline_core.pages.paging import Layout
from timeline_core.pages.urls import Site

pytestmark = pytest.mark.skipif(not twocores.worth_two_processes(twocores.MIN_ITEMS), reason="needs Linux, 2 cores")


def test_items_made_in_two_processes_come_back_in_order_and_the_faster_process_makes_more():
    parent = os.getpid()

    def make(number: int) -> tuple[int, bool]:
        in_child = os.getpid() != parent
        time.sleep(0.0005 if in_child else 0.005)  # this process's core busy with other work
        return number, in_child

    made = twocores.made_in_two_processes(list(range(120)), make)
    assert [number for number, _ in made] == list(range(120))
    by_child = sum(in_child for _, in_child in made)
    assert 60 < by_child < 120  # each claims the next item when it is free

    def slow_child(number: int) -> tuple[int, bool]:
        in_child = os.getpid() != parent
        time.sleep(0.01 if in_child else 0.002)
        return number, in_child

    made = twocores.made_in_two_processes(list(range(160)), slow_child)
    assert [number for number, _ in made] == list(range(160))
    assert 0 < sum(in_child for _, in_child in made) < 80


def test_runs_of_many_items_are_claimed_whole_and_come_back_in_order():
    parent = os.getpid()
    count = twocores.CLAIMS * 3 + 7  # runs of four, the last shorter

    def make(number: int) -> tuple[int, bool]:
        time.sleep(0.0005)
        return number, os.getpid() != parent

    made = twocores.made_in_two_processes(list(range(count)), make)
    assert [number for number, _ in made] == list(range(count))
    assert any(in_child for _, in_child in made)


@pytest.mark.parametrize("child_sleeps", [0.001, 0.05])  # the second: still making its last when this is done
def test_each_item_is_made_once_in_one_of_the_two_processes(tmp_path, child_sleeps):
    parent = os.getpid()

    def make(number: int) -> int:
        time.sleep(0.001 if os.getpid() == parent else child_sleeps)
        with open(tmp_path / str(os.getpid()), "a", encoding="utf-8") as tally:  # each process its own
            tally.write(f"{number}\n")
        return number * 3

    assert twocores.made_in_two_processes(list(range(100)), make) == [n * 3 for n in range(100)]
    made = [int(line) for tally in tmp_path.iterdir() for line in tally.read_text(encoding="utf-8").split()]
    assert sorted(made) == list(range(100))  # none made again here after the child sent it
    assert len(list(tmp_path.iterdir())) == 2


def test_a_child_that_dies_halfway_leaves_what_it_had_not_sent_to_this_process():
    parent = os.getpid()

    def make(number: int) -> tuple[int, bool]:
        time.sleep(0.002)
        if os.getpid() != parent and number >= 40:
            os._exit(1)
        return number * 2, os.getpid() != parent

    made = twocores.made_in_two_processes(list(range(100)), make)
    assert [double for double, _ in made] == [n * 2 for n in range(100)]
    assert {double // 2 for double, in_child in made if in_child} <= set(range(40))
    assert any(in_child for _, in_child in made)  # it made some before it died


def test_a_failing_child_leaves_its_items_to_this_process():
    parent = os.getpid()

    def make(number: int) -> int:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return number * 2

    assert twocores.made_in_two_processes(list(range(70)), make) == [n * 2 for n in range(70)]


def test_a_site_rendered_on_two_cores_equals_one_rendered_on_one(tmp_path, monkeypatch):
    project = Project(make_project(tmp_path / "project", 150, config=TEST_CONFIG))
    result, site, layout = load_timeline(project.root), Site(True, "https://example.org/"), Layout(3, 3)
    two = render.render_site(result, site, layout)
    assert len(two) >= twocores.MIN_ITEMS
    monkeypatch.setattr(render, "worth_two_processes", lambda count: False)
    assert render.render_site(result, site, layout) == two


def test_a_timeline_read_on_two_cores_equals_one_read_on_one(tmp_path, monkeypatch):
    from timeline_core.data import files

    project = Project(make_project(tmp_path / "project", 150, config=TEST_CONFIG))
    broken = sorted((project.root / "timeline/events").glob("*.yml"))
    broken[7].write_text("title: [not closed\n", encoding="utf-8")
    broken[90].write_text(broken[90].read_text(encoding="utf-8").replace("status: reported", "status: rumoured"))
    two = load_timeline(project.root)
    assert len(two.problems) >= 2
    monkeypatch.setattr(files, "worth_two_processes", lambda count: False)
    assert load_timeline(project.root) == two


def test_what_is_made_beside_comes_back_and_a_failed_child_leaves_it_to_this_process():
    parent = os.getpid()
    assert (
        twocores.made_beside(lambda: {"timeline.csv": "id\n" * 3, "pid": os.getpid()})()["timeline.csv"] == "id\n" * 3
    )
    assert twocores.made_beside(lambda: os.getpid())() != parent  # made in the child

    def make() -> str:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return "made here"

    assert twocores.made_beside(make)() == "made here"


def test_a_site_whose_exports_are_made_beside_its_pages_equals_one_made_in_turn(tmp_path, monkeypatch):
    from timeline_core import site_files
    from timeline_core.exports import Published

    def made(files) -> list[tuple]:
        return [(item.path, item.content(), item.copy_of, item.off_nav, item.search) for item in files]

    project = Project(make_project(tmp_path / "project", 150, config=TEST_CONFIG))
    result, site, layout = load_timeline(project.root), Site(True, "https://example.org/"), Layout(3, 3)
    beside = site_files.site_files(result, project.root, site, Published("Story", "A test story"), layout)
    # handed on unwaited for, each waited for when its text is asked for
    assert {"timeline.csv", "timeline.json", "feed.xml"} <= {item.path for item in beside if item.later is not None}
    monkeypatch.setattr(site_files, "worth_two_processes", lambda count: False)
    in_turn = site_files.site_files(result, project.root, site, Published("Story", "A test story"), layout)
    assert not any(item.later for item in in_turn)
    assert made(beside) == made(in_turn)


def test_items_made_in_turn_beside_are_told_in_order_and_a_failed_child_leaves_the_rest_here(tmp_path):
    parent = os.getpid()

    def make(number: int) -> bool:  # each item a file, as a page is written into the site
        (tmp_path / f"{number}.txt").write_text(str(os.getpid() != parent), encoding="utf-8")
        return number != 7  # the child stops at the eighth

    in_turn = twocores.made_in_turn_beside(12, make)
    assert [in_turn.made(number) for number in range(12)] == [True] * 7 + [False] * 5
    assert {(tmp_path / f"{number}.txt").read_text(encoding="utf-8") for number in range(8)} == {"True"}
    assert not (tmp_path / "8.txt").exists()

    def dies(number: int) -> bool:
        if number == 3:
            os._exit(1)
        return True

    in_turn = twocores.made_in_turn_beside(10, dies)
    assert [in_turn.made(number) for number in range(10)] == [True] * 3 + [False] * 7
    slow = twocores.made_in_turn_beside(10, lambda number: bool(time.sleep(60)) or True)
    slow.stop()  # a build given up: the child is ended, not waited for
    assert not slow.made(0)


@pytest.fixture(scope="module")
def big_project(tmp_path_factory) -> Project:
    return Project(make_project(tmp_path_factory.mktemp("beside") / "project", 300, config=TEST_CONFIG))


def _built_site(project: Project, site: str) -> dict[str, bytes]:
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    (project.root / "mkdocs.yml").write_text(f"{config}\nsite_dir: {site}\n", encoding="utf-8")
    try:
        assert not build_here(project.root, strict=True).aborted
    finally:
        (project.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return files_in(project.root / site)


@pytest.fixture(scope="module")
def built_in_turn(big_project) -> dict[str, bytes]:
    """The site as MkDocs builds it on one core, page after page."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(twocores, "worth_two_processes", lambda count: False)
        return _built_site(big_project, "site-in-turn")


def _counted_there(monkeypatch, fail_at: int | None = None, how: str = "") -> list[int]:
    """MkDocs' page builder, counting the pages built in a child (in a file: the child's memory is
    its own) and failing there at the `fail_at`-th as `how` says."""
    import logging

    import mkdocs.commands.build as mkdocs_build

    parent, count, build_page = os.getpid(), [0], mkdocs_build._build_page
    tally = Path(tempfile.mkdtemp()) / "built-there"

    def counted(page, *args, **kwargs):
        if os.getpid() != parent:
            count[0] += 1
            tally.write_text(str(count[0]), encoding="utf-8")
            if count[0] == fail_at and how == "raises":
                raise RuntimeError("the child fails")
            if count[0] == fail_at and how == "logs a warning":
                logging.getLogger("mkdocs.theme").warning("a warning the child would have hidden from --strict")
            if count[0] == fail_at and how == "dies":
                os._exit(1)
        return build_page(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", counted)
    return lambda: int(tally.read_text(encoding="utf-8")) if tally.exists() else 0


def test_a_site_whose_pages_are_built_beside_equals_one_built_in_turn(big_project, built_in_turn, monkeypatch):
    built_there = _counted_there(monkeypatch)
    assert _built_site(big_project, "site-beside") == built_in_turn
    assert built_there() >= twocores.MIN_ITEMS // 2  # every other generated page


@pytest.mark.parametrize("how", ["raises", "logs a warning", "dies"])
def test_a_page_the_child_cannot_build_is_built_here_as_mkdocs_would(big_project, built_in_turn, monkeypatch, how):
    built_there = _counted_there(monkeypatch, fail_at=5, how=how)
    assert _built_site(big_project, f"site-{how.replace(' ', '-')}") == built_in_turn
    assert built_there() == 5  # and not one more: the rest were built here


READER_HOOK = """
from pathlib import Path

def on_files(files, config):
    seen = files.get_file_from_path("timeline.csv").content_string
    Path(config.config_file_path).with_name("seen.csv").write_text(seen, encoding="utf-8")
"""


def test_a_plugin_we_do_not_know_reads_the_exports_whole_in_on_files(tmp_path):
    project = Project(make_project(tmp_path / "project", 150, config=TEST_CONFIG))
    (project.root / "hooks" / "reader.py").write_text(READER_HOOK, encoding="utf-8")
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - hooks/timeline_hooks.py\n" in config
    config = config.replace("  - hooks/timeline_hooks.py\n", "  - hooks/timeline_hooks.py\n  - hooks/reader.py\n")
    (project.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert not build_here(project.root, strict=True).aborted
    seen = (project.root / "seen.csv").read_text(encoding="utf-8")
    assert seen == (project.root / "site" / "timeline.csv").read_text(encoding="utf-8")
    assert seen.count("\n") > 150  # a head and every event, not a file still to be made


def _children() -> set[str]:
    """The processes this one forked and has not waited for (a zombie is one until it is)."""
    return {pid for task in Path("/proc/self/task").iterdir() for pid in (task / "children").read_text().split()}


@pytest.mark.skipif(not Path(f"/proc/self/task/{os.getpid()}/children").exists(), reason="needs /proc's children")
def test_every_forked_child_is_waited_for(tmp_path):
    before = _children()  # another test's may be there still
    twocores.made_in_two_processes(list(range(70)), lambda number: number)
    assert not _children() - before
    twocores.made_beside(lambda: 1)()
    assert not _children() - before
    in_turn = twocores.made_in_turn_beside(5, lambda number: True)
    assert all(in_turn.made(number) for number in range(5))
    assert not _children() - before  # the last item told: the child is waited for without a stop()
    slow = twocores.made_in_turn_beside(3, lambda number: bool(time.sleep(60)) or True)
    slow.stop()
    assert not _children() - before


def test_two_processes_are_worth_it_from_sixty_four_items():
    assert not twocores.worth_two_processes(twocores.MIN_ITEMS - 1)
    assert twocores.worth_two_processes(twocores.MIN_ITEMS)


def _frame(number: int, part: list) -> bytes:
    import pickle

    data = pickle.dumps((number, part))
    return len(data).to_bytes(4, "little") + data


def test_runs_the_child_sends_are_read_whole_however_the_pipe_cuts_them():
    sent = _frame(0, ["first"]) + (3).to_bytes(4, "little") + b"bad" + _frame(2, ["third", "run"])
    assert _read_in_fives(sent) == {0: ["first"], 2: ["third", "run"]}  # the bad run is made here
    cut = sent + _frame(3, ["cut off"])[:-2]  # the child ended in the middle of its last run
    assert _read_in_fives(cut) == {0: ["first"], 2: ["third", "run"]}


def _read_in_fives(sent: bytes) -> dict:
    read, write = os.pipe()
    made: dict = {}
    buffer = bytearray()
    for start in range(0, len(sent), 5):  # five bytes at a time, between two runs made here
        os.write(write, sent[start : start + 5])
        twocores._received(read, buffer, made, wait=False)
        assert set(made) <= {0, 2}
    os.close(write)
    twocores._received(read, buffer, made, wait=True)
    os.close(read)
    return made


@pytest.mark.parametrize("count", [1, 63, twocores.CLAIMS, twocores.CLAIMS + 1, 10_000])
def test_items_are_claimed_in_runs_that_cover_them_in_order(count):
    runs = twocores._runs(count)
    assert [item for run in runs for item in run] == list(range(count))
    assert len(runs) <= twocores.CLAIMS
    size = -(-count // twocores.CLAIMS)  # one item a run up to CLAIMS items, then as few runs as fit
    assert all(len(run) == size for run in runs[:-1]) and 0 < len(runs[-1]) <= size
