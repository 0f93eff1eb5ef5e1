"""Rendering on two cores gives exactly what rendering on one gives, and survives a failed child."""

from __future__ import annotations

import os

import pytest

from benchmarks.synthetic import make_project
from tests.conftest import TEST_CONFIG, Project
from timeline_core import twocores
from timeline_core.data.load import load_timeline
from timeline_core.pages import render
from timeline_core.pages.paging import Layout
from timeline_core.pages.urls import Site

pytestmark = pytest.mark.skipif(not twocores.worth_two_processes(twocores.MIN_ITEMS), reason="needs Linux, 2 cores")


@pytest.mark.parametrize("share", [0.5, 0.47, 0.3])
def test_items_made_in_two_processes_come_back_in_order_each_share_made_where_it_should_be(share):
    parent = os.getpid()
    made = twocores.made_in_two_processes(list(range(101)), lambda n: (n, os.getpid() != parent), share)
    assert [n for n, _ in made] == list(range(101))
    by_child = sum(in_child for _, in_child in made)
    assert by_child == int(101 * share)
    for tenth in range(10):  # spread among the items: slow and quick ones fall to both
        assert any(in_child for _, in_child in made[tenth * 10 : tenth * 10 + 10])


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

    project = Project(make_project(tmp_path / "project", 150, config=TEST_CONFIG))
    result, site, layout = load_timeline(project.root), Site(True, "https://example.org/"), Layout(3, 3)
    beside = site_files.site_files(result, project.root, site, Published("Story", "A test story"), layout)
    monkeypatch.setattr(site_files, "worth_two_processes", lambda count: False)
    assert site_files.site_files(result, project.root, site, Published("Story", "A test story"), layout) == beside
