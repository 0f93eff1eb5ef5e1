"""A status no stronger than its evidence: `confirmed` means the actor said so on record (a cited
source issued by one of the event's entities) or two or more independent publishers report it
(as model/corroboration.py counts them). One outside report is `reported`, however sure it sounds."""

from __future__ import annotations

from ...model.records import Event, Timeline
from ..fields import Collector


def unconfirmed(event: Event, timeline: Timeline) -> str | None:
    """Why `event` is not confirmed by what it cites, or None when it is."""
    support = timeline.support[event.id]
    if support.count >= 2:
        return None
    sources = timeline.sources_by_id
    issuers = {sources[c.source].issued_by for c in event.citations} - {None}
    if issuers & set(event.entities):
        return None
    named = f" ({', '.join(event.entities)})" if event.entities else " (it names none)"
    return (
        f"event '{event.id}' says status: confirmed, but it rests on one publisher's report "
        f"({', '.join(support.publishers)}) and cites nothing issued by one of its entities{named}; write "
        "status: reported, or cite the actor's own statement (a source with issued_by: <entity id>) or a "
        "second, independent publisher's report"
    )


def check_confirmed(timeline: Timeline, out: Collector) -> None:
    """Each `confirmed` event a file claims, against the sources it cites (shown events only: one
    left out is reported for its own problems)."""
    events = timeline.events_by_id
    for ident, mark in out.claims:
        if ident in events and (why := unconfirmed(events[ident], timeline)):
            out.error(mark, why, ("evidence", ident))
