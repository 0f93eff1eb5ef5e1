"""Permanent links: an event's file name is its anchor, so a published one may not silently vanish.

Every event file the git history has seen must still exist, or `timeline/redirects.yml` must say
where it went (`to:`) or why it was withdrawn (`gone:`).
"""

from __future__ import annotations

import re

from ..model.records import Timeline
from ..problems import Mark, Problem
from .fields import Collector
from .yamlread import Mapping

EVENT_FILES = "timeline/events/"  # where the history finds published events


def check_permanent_links(
    history: dict, current: set[str], redirects: list[tuple[dict, Mapping]], out: Collector, collectors: list[Collector]
) -> None:
    """A published event's link must keep working: a gone file needs a redirect to its new id."""
    redirected = set()
    for values, node in redirects:
        out.owner = ("redirect", values["from"])  # a faulty redirect is left out of the model
        redirected.add(values["from"])
        if values["to"] is not None and values["gone"] is not None:
            out.error(
                node.value_mark("gone"),
                f"'{values['from']}' has both 'to' and 'gone'; keep 'to' if the event lives on under "
                "another id, or 'gone' if it was withdrawn",
            )
        if values["from"] in current:
            out.error(
                node.value_mark("from"),
                f"'{values['from']}' is still an event; a redirect is only for an id whose file was renamed or deleted",
            )
    prefix = EVENT_FILES
    published = {
        path[len(prefix) : -len(".yml")]
        for path in history
        if path.startswith(prefix) and path.endswith(".yml") and "/" not in path[len(prefix) :]
    }
    for gone in sorted(published - current - redirected):
        collectors.append(Collector(f"{prefix}{gone}.yml"))  # about a file that is gone: nothing to leave out
        collectors[-1].error(
            Mark(1, 1),
            f"the published event '{gone}' was renamed or deleted, which would "
            f"break its permanent link (timeline/#{gone}); add '- {{from: {gone}, to: <new id>}}' "
            f"to timeline/redirects.yml, or '- {{from: {gone}, gone: <why it was withdrawn>}}' to retire it",
        )


_DATE_PART = re.compile(r"^(\d{4})(-\d{2})?(-\d{2})?(?=-)")


def overprecise_ids(timeline: Timeline) -> tuple[Problem, ...]:
    """Where an event's file name claims a more precise date than the event has
    (`1965-01-01-…` for `1965`): the name is its permanent link, and correcting it later costs a
    redirect for good."""
    problems = []
    for event in timeline.events:
        found = _DATE_PART.match(event.id)
        honest = event.date.id_prefix
        if found and len(found.group(0)) > len(honest):
            problems.append(
                Problem(
                    event.path,
                    1,
                    1,
                    f"the file name's date '{found.group(0)}' is more precise than the event's date "
                    f"'{event.date.text}', and its name is its permanent link: rename it to "
                    f"{honest}{event.id[len(found.group(0)) :]}.yml (if it was published, add a redirect from "
                    "its old name in timeline/redirects.yml)",
                )
            )
    return tuple(problems)
