"""Permanent links: an event's file name is its anchor, so a published one may not silently vanish.

Every event file the git history has seen must still exist, or `timeline/redirects.yml` must say
where it went (`to:`) or why it was withdrawn (`gone:`).
"""

from __future__ import annotations

from ..problems import Mark
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
