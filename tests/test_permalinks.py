"""Permanent links: a published event's file may be renamed or withdrawn only with a redirect."""

from __future__ import annotations

import pytest

from tests.events import EVENT, GOOD
from timeline_core.data.load import load_timeline

OLD = "2026-04-06-example-model-ready"
NEW = "2026-04-06-example-company-model-ready"


def _problems(project) -> list[str]:
    return [problem.format() for problem in load_timeline(project.root).problems]


@pytest.fixture
def published(empty_project):
    """The empty project with one event, committed: its link is published. Two files that were
    never events (a note, a file in a subfolder) were committed too, and are gone since."""
    empty_project.write(EVENT, GOOD)
    notes = empty_project.write("timeline/events/README.md", "Notes are not events.\n")
    draft = empty_project.write("timeline/events/drafts/2026-04-01-a-draft.yml", GOOD)
    empty_project.commit()
    notes.unlink()
    draft.unlink()
    draft.parent.rmdir()
    return empty_project


def _renamed(project) -> None:
    (project.root / EVENT).rename(project.root / f"timeline/events/{NEW}.yml")


def test_a_published_event_renamed_without_a_redirect_is_an_error(published):
    _renamed(published)
    assert _problems(published) == [
        f"timeline/events/{OLD}.yml:1:1: error: the published event '{OLD}' was renamed or deleted, which would "
        f"break its permanent link (timeline/#{OLD}); add '- {{from: {OLD}, to: <new id>}}' to "
        f"timeline/redirects.yml, or '- {{from: {OLD}, gone: <why it was withdrawn>}}' to retire it"
    ]


def test_a_redirect_to_the_new_id_or_a_reason_for_withdrawing_keeps_the_link(published):
    _renamed(published)
    published.write("timeline/redirects.yml", f"- from: {OLD}\n  to: {NEW}\n")
    assert _problems(published) == []
    (published.root / f"timeline/events/{NEW}.yml").unlink()
    published.write("timeline/redirects.yml", f"- from: {OLD}\n  gone: It repeated another entry.\n")
    assert _problems(published) == []
    assert [(r.old, r.gone) for r in load_timeline(published.root).timeline.redirects] == [
        (OLD, "It repeated another entry.")
    ]


def test_every_withdrawn_event_is_named_in_order(published):
    second = "2026-04-07-example-model-ships"
    published.write(f"timeline/events/{second}.yml", GOOD.replace("2026-04-06", "2026-04-07"))
    published.commit()
    for name in (second, OLD):
        (published.root / f"timeline/events/{name}.yml").unlink()
    found = _problems(published)
    assert [problem.split(":", 1)[0] for problem in found] == [
        f"timeline/events/{OLD}.yml",
        f"timeline/events/{second}.yml",
    ]


def test_a_redirect_needs_one_target_and_a_gone_id(published):
    _renamed(published)
    published.write(
        "timeline/redirects.yml",
        f"- from: {OLD}\n  to: {NEW}\n  gone: Withdrawn.\n- from: {NEW}\n  to: {NEW}\n",
    )
    assert _problems(published) == [
        f"timeline/redirects.yml:3:9: error: '{OLD}' has both 'to' and 'gone'; keep 'to' if the event lives on "
        "under another id, or 'gone' if it was withdrawn",
        f"timeline/redirects.yml:4:9: error: '{NEW}' is still an event; a redirect is only for an id whose file "
        "was renamed or deleted",
    ]
    assert load_timeline(published.root).timeline.redirects == ()  # both left out, so neither is followed


def test_an_event_never_committed_may_be_renamed_freely(empty_project):
    empty_project.write("timeline/events/2026-04-07-other.yml", GOOD.replace("2026-04-06", "2026-04-07"))
    empty_project.commit()
    empty_project.write(EVENT, GOOD)
    assert _problems(empty_project) == []
    _renamed(empty_project)
    assert _problems(empty_project) == []
