"""A correction in plain words, field by field: "date: c. 7 Apr 2026 → 6 Apr 2026; status: reported
→ confirmed". The change is data (`model.records.Change`, from git); this says it in the reader's
language, for the Changes page, each event's "Updated" line and the changes feed."""

from __future__ import annotations

from collections.abc import Mapping

from ..model.dates import parse_edtf
from ..model.records import Change, FieldChange
from ..model.text import changed_words
from ..problems import DataError
from .reader import Words


def _date(words: Words, text: str) -> str:
    try:
        return words.date_text(parse_edtf(text))
    except DataError:  # a version of the file that held a broken date: shown as written
        return text


def _field(words: Words, change: FieldChange, titles: Mapping[str, str]) -> str:
    _ = words.gettext
    before, after = change.before, change.after
    if change.field == "title":
        return _("title corrected: “%(before)s” → “%(after)s”") % {"before": before, "after": after}
    if change.field == "date":
        if not before:
            return _("date: %(after)s") % {"after": _date(words, after)}
        return _("date: %(before)s → %(after)s") % {"before": _date(words, before), "after": _date(words, after)}
    if change.field == "status":
        if not before:
            return _("status: %(after)s") % {"after": words.status_in_text(after)}
        return _("status: %(before)s → %(after)s") % {
            "before": words.status_in_text(before),
            "after": words.status_in_text(after),
        }
    if change.field == "date_basis":
        return _("date now inferred from the wording") if after == "inferred" else _("date now as the source states it")
    if change.field == "background":
        return _("now listed as background") if after == "True" else _("no longer listed as background")
    if change.field == "citation added":
        return _("citation added, from %(source)s: “%(quote)s”") % {
            "source": titles.get(change.source, change.source),
            "quote": changed_words("", after)[1],
        }
    if change.field == "citation removed":
        return _("citation removed, from %(source)s: “%(quote)s”") % {
            "source": titles.get(change.source, change.source),
            "quote": changed_words(before, "")[0],
        }
    if change.field == "quote changed":
        old, new = changed_words(before, after)
        return _("quote from %(source)s revised: “%(before)s” → “%(after)s”") % {
            "source": titles.get(change.source, change.source),
            "before": old,
            "after": new,
        }
    if change.field in ("summary", "date_note"):
        old, new = changed_words(before, after)
        if not old and change.field == "date_note":
            return _("date note added: “%(after)s”") % {"after": new}
        message = _("summary revised: “%(before)s” → “%(after)s”") if change.field == "summary" else None
        message = message or _("date note revised: “%(before)s” → “%(after)s”")
        return message % {"before": old, "after": new}
    if change.field == "entities":
        return _("who is involved: %(before)s → %(after)s") % {"before": before or "–", "after": after or "–"}
    if change.field == "tags":
        return _("tags: %(before)s → %(after)s") % {"before": before or "–", "after": after or "–"}
    return _("edited")


def describe(change: Change, words: Words, titles: Mapping[str, str]) -> str:
    """What a change did, in one line: its fields' changes joined, a typo's in two words, a
    rename's old id, a withdrawal's title. `titles`: source ids to their titles."""
    _ = words.gettext
    if change.kind == "added":
        return _("added")
    if change.kind == "withdrawn":
        title = change.fields[0].before if change.fields else ""
        return _("withdrawn: “%(title)s”") % {"title": title} if title else _("withdrawn")
    if change.typo:
        return _("typo corrected")
    parts = [_field(words, field, titles) for field in change.fields]
    if change.kind == "renamed":
        parts.insert(0, _("new permanent link (was %(old)s)") % {"old": change.old_id})
    return "; ".join(parts) or _("edited")
