"""The overview axis for any spread of dates (tests/axis_spreads.py): legible labels, a break
where a long empty stretch would squash the story, every mark drawn inside the picture and
numbered. The browser test (tests/browser/test_axis.py) measures the labels as Chromium draws them."""

from __future__ import annotations

import pytest

from tests.axis_spreads import SPREADS
from timeline_core.pages.axis import CHAR, LABEL_GAP, LEFT, RIGHT, WIDTH, build_axis


@pytest.mark.parametrize("name", SPREADS)
def test_every_mark_is_inside_the_picture_and_numbered_in_order(name):
    events = SPREADS[name]
    axis = build_axis(events)
    assert axis is not None and len(axis.marks) == len(events)
    assert sorted(mark.number for mark in axis.marks) == list(range(1, len(events) + 1))
    for mark in axis.marks:
        assert LEFT <= mark.x <= RIGHT and mark.x + mark.width <= RIGHT + 0.1, mark
        assert LEFT - 10 <= mark.number_x <= RIGHT + 10, mark


@pytest.mark.parametrize("name", SPREADS)
def test_tick_labels_keep_their_distance(name):
    ticks = build_axis(SPREADS[name]).ticks
    assert ticks, name
    for a, b in zip(ticks, ticks[1:], strict=False):
        assert b.x - a.x >= (len(a.label) + len(b.label)) * CHAR / 2 + LABEL_GAP, (a, b)
    assert all(t.x - len(t.label) * CHAR / 2 >= 0 and t.x + len(t.label) * CHAR / 2 <= WIDTH for t in ticks)


def test_one_old_event_breaks_the_axis_instead_of_squashing_the_story():
    axis = build_axis(SPREADS["one old background event"])
    assert len(axis.breaks) == 1 and len(axis.lines) == 2
    story = [mark.x for mark in axis.marks if mark.event_id != "branch-opens"]
    assert max(story) - min(story) >= 0.5 * (RIGHT - LEFT)  # the story's own weeks get most of the width
    labels = [tick.label for tick in axis.ticks]
    assert "1965" in labels and any("Nov" in label for label in labels)


def test_a_long_range_crosses_a_break_instead_of_squashing_the_days_around_it():
    axis = build_axis(SPREADS["a long range across a break"])
    assert len(axis.breaks) == 1  # the months between the story's days and the range's end
    marks = {mark.event_id: mark for mark in axis.marks}
    days = [marks[name].number_x for name in ("surfaces", "surge", "post")]
    assert max(days) - min(days) >= 0.3 * (RIGHT - LEFT)  # the four April days get the width
    long = marks["confirmed-to"]
    assert long.x < axis.breaks[0] < long.x + long.width  # its span runs across the break
    labels = [tick.label for tick in axis.ticks]
    assert labels[0].endswith("Apr") and any("Nov" in label for label in labels)


def test_a_story_of_one_week_keeps_one_unbroken_axis():
    axis = build_axis(SPREADS["one day"])
    assert axis.breaks == () and axis.lines == ((LEFT, RIGHT),)
    lanes = {mark.y for mark in axis.marks}
    assert len(lanes) == len(axis.marks)  # six marks on one day stack, none hides another


def test_the_caption_says_what_a_break_leaves_out():
    """A break is said from what it skips: years before a decades-old event, months between two
    clusters half a year apart (not 'years', as a German reader was once told of seven months)."""
    from tests.axis_spreads import _ordered, event
    from timeline_core.pages.render import environment

    months = _ordered([event(f"apr-{d}", f"2026-04-{d:02d}") for d in (1, 3, 7)] + [event("nov", "2026-11-20")])
    said = {}
    for name, events in (("years", SPREADS["one old background event"]), ("months", months)):
        axis = build_axis(events)
        assert axis.skipped == name and axis.breaks
        said[name] = environment().get_template("_axis.html.j2").render(axis=axis)
    assert "leaves out years with no events" in said["years"]
    assert "leaves out months with no events" in said["months"] and "years" not in said["months"]
    assert build_axis(SPREADS["one day"]).skipped == ""
