"""An event's own rules, checked as its file is read (the rules across records come later): a
date that is not one exact day says how it was worked out, a `confirmed` status is a claim to
check against the evidence, and its title and summary, each on its own, say what its quotes say."""

from __future__ import annotations

from ...model.wording import Vocabulary, stems_of
from ..fields import Collector
from ..yamlread import Mapping
from .wording import passages, unquoted_specifics, unsupported


def check_event(ident: str, values: dict, node: Mapping, vocabulary: Vocabulary, out: Collector) -> bool:
    """Report what is wrong with one event on its own; False when it cannot be made into an event."""
    if values["date_note"] is None and values["date_basis"] == "inferred":
        out.error(
            node.key_mark("date_basis"),
            "field 'date_note' is required because the date is inferred; say how it was worked out from the source",
        )
        return False
    if values["date_note"] is None and not values["date"].is_plain_day:
        out.error(
            node.key_mark("date"),
            f"field 'date_note' is required because '{values['date'].text}' "
            "is not one exact day; say how the date was worked out",
        )
        return False
    if values["status"] == "confirmed":
        out.claims.append((ident, node.value_mark("status")))
    # the title and the summary each on their own: a title's quoted words must not carry a summary
    names = vocabulary.names_linked(values["entities"], values["terms"])
    given = passages(values["citations"], vocabulary)
    quoted = stems_of(c.translation or c.quote for c in values["citations"])
    for name, text in (("title", values["title"]), ("summary", values["summary"].source)):
        if message := unsupported("event", ident, text, values["citations"], vocabulary, name, quoted):
            out.hold(node.value_mark(name), message, ("wording", f"event {ident}"))
        if message := unquoted_specifics("event", ident, name, text, given, vocabulary, names, name == "title"):
            out.hold(node.value_mark(name), message, ("wording", f"event {ident}"))
    return True
