"""What changed in each event since it was published, read from git: the corrections log.

One `git log` lists every commit that touched an event file (oldest first) with its date and its
`Correction:` trailers; one `git cat-file --batch` reads the file before and after each edit. Field
by field comparison makes the change readers see ("date: c. 7 Apr 2026 → 6 Apr 2026"); the words
are `words/`'s. Dates come from commits, so two builds of one commit say the same. A shallow clone
knows only part of the history: it says so (`ChangeLog.known_since`) instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import subprocess
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath

import yaml

from ..model.records import Change, ChangeLog, FieldChange
from ..problems import Problem
from .history import is_shallow

_MARK = "\x1e"  # starts each commit's header line
_UNIT = "\x1f"  # between the header's fields
_TRAILERS = "\x1d"  # between a commit's Correction: trailers
EVENTS = "timeline/events"
REDIRECTS = "timeline/redirects.yml"
# The fields readers see, in the order a change names them.
FIELDS = ("title", "date", "status", "date_basis", "date_note", "summary", "entities", "tags", "background")
TYPO = "typo"  # `Correction: typo` marks an edit as a typo's correction, shown briefly


def _git(root: Path, *args: str) -> str | None:
    try:
        return subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=True, encoding="utf-8"
        ).stdout
    except (OSError, subprocess.CalledProcessError, UnicodeDecodeError):
        return None


def _commits(log: str) -> Iterable[tuple[str, dt.date, tuple[str, ...], list[tuple[str, str]]]]:
    """Each commit of the log: its id, day, Correction: reasons and (status, path) of its files."""
    for block in log.split(_MARK)[1:]:
        header, _, files = block.partition("\n")
        commit, day, trailers = (header.split(_UNIT) + ["", ""])[:3]
        reasons = tuple(reason.strip() for reason in trailers.split(_TRAILERS) if reason.strip())
        changed = [tuple(line.split("\t", 1)) for line in files.splitlines() if "\t" in line]
        yield commit, dt.date.fromisoformat(day), reasons, [(status[:1], path) for status, path in changed]


def _read_blobs(root: Path, names: list[str]) -> dict[str, bytes | None]:
    """The files `commit:path` names, in one `git cat-file --batch` (None for one git does not have)."""
    if not names:
        return {}
    try:
        out = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=root,
            input="".join(f"{name}\n" for name in names).encode("utf-8"),
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return dict.fromkeys(names)
    found: dict[str, bytes | None] = {}
    at = 0
    for name in names:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found[name] = out[end + 1 : end + 1 + size]
            at = end + 1 + size + 1
        else:  # "<name> missing"
            found[name] = None
            at = end + 1
    return found


def _values(blob: bytes | None) -> dict | None:
    """An event file's fields as data, or None when that version cannot be read (it was then a data
    fault the checks reported; a history of it says 'edited' without detail)."""
    if blob is None:
        return None
    try:
        values = yaml.safe_load(blob.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    return values if isinstance(values, dict) else None


def _text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def field_changes(before: Mapping, after: Mapping) -> tuple[FieldChange, ...]:
    """What differs between two versions of an event, field by field, in the order readers care
    about; citations by the sources they quote (added or removed)."""
    changes = [
        FieldChange(name, _text(before.get(name)), _text(after.get(name)))
        for name in FIELDS
        if _text(before.get(name)) != _text(after.get(name))
    ]
    cited_before, cited_after = _citations(before), _citations(after)
    for source in sorted(set(cited_before) | set(cited_after)):
        changes += _quote_changes(source, cited_before.get(source, ()), cited_after.get(source, ()))
    return tuple(changes)


def _quote_changes(source: str, before: tuple[str, ...], after: tuple[str, ...]) -> list[FieldChange]:
    """A source's quotes before and after: each one replaced said with its old and new words, each
    one added or removed said so (a citation moved from one event to another is two such lines)."""
    removed = _without(before, after)
    added = _without(after, before)
    changes = [FieldChange("quote changed", old, new, source) for old, new in zip(removed, added, strict=False)]
    changes += [FieldChange("citation removed", old, "", source) for old in removed[len(added) :]]
    changes += [FieldChange("citation added", "", new, source) for new in added[len(removed) :]]
    return changes


def _without(quotes: tuple[str, ...], others: tuple[str, ...]) -> list[str]:
    """The quotes of `quotes` that `others` does not have, counted: a quote cited twice, then once, lost one."""
    left = Counter(others)
    kept = []
    for quote in quotes:
        if left[quote]:
            left[quote] -= 1
        else:
            kept.append(quote)
    return kept


def _citations(values: Mapping) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for citation in values.get("citations") or ():
        if isinstance(citation, dict) and citation.get("source"):
            found.setdefault(str(citation["source"]), []).append(_text(citation.get("quote")))
    return {source: tuple(quotes) for source, quotes in found.items()}


def _event_id(path: str) -> str | None:
    name = PurePosixPath(path)
    if name.parent.as_posix().endswith(EVENTS) and name.suffix == ".yml":
        return name.stem
    return None


def read_changes(root: Path, redirects: Mapping[str, str | None], since: str | None = None) -> ChangeLog:
    """Every change to an event since the story began (`since`: the commit it replaced), oldest
    first. `redirects` (old id -> the id it became, None when withdrawn) follows an event across a
    rename; a file deleted with no redirect is left out (it was never published, or is reported
    by the permanent-link check)."""
    log = _git(
        root,
        "log",
        "--reverse",
        "--no-renames",
        f"--format={_MARK}%H{_UNIT}%cs{_UNIT}%(trailers:key=Correction,valueonly,separator={_TRAILERS})",
        "--name-status",
        *([f"{since}..HEAD"] if since else []),
        "--",
        EVENTS,  # paths in the log are from the repository's top, as `cat-file` reads them
    )
    if log is None:
        return ChangeLog((), complete=False, known_since=None)
    shallow = is_shallow(root)
    commits = list(_commits(log))
    wanted = []
    for commit, _day, _reasons, files in commits:
        deleted = _deleted(files)
        for status, path in files:
            if status == "M" or (status == "A" and _renamed_from(_event_id(path), deleted, redirects)):
                wanted += [f"{commit}:{path}", f"{commit}^:{path}"]
            if status == "D":
                wanted.append(f"{commit}^:{path}")
    blobs = _read_blobs(root, wanted)
    changes: list[Change] = []
    for index, (commit, day, reasons, files) in enumerate(commits):
        reason = "; ".join(r for r in reasons if r.lower() != TYPO) or None
        typo = any(r.lower() == TYPO for r in reasons)
        made = functools.partial(Change, day, commit[:12], reason=reason, typo=typo)
        boundary = shallow and index == 0  # what this commit "adds" may have been there long before
        changes += _commit_changes(commit, files, blobs, redirects, made, boundary)
    known_since = commits[0][1] if shallow and commits else None
    return ChangeLog(tuple(_follow(changes, redirects)), complete=not shallow, known_since=known_since)


def _commit_changes(
    commit: str,
    files: list[tuple[str, str]],
    blobs: Mapping[str, bytes | None],
    redirects: Mapping[str, str | None],
    made: Callable[..., Change],
    boundary: bool,
) -> Iterator[Change]:
    """One commit's changes to events: `made(event, kind, fields)` makes each, dated and reasoned."""
    deleted = _deleted(files)
    for status, path in files:
        event = _event_id(path)
        if event is None:
            continue
        if status == "A":
            old = _renamed_from(event, deleted, redirects)
            if old is not None:
                old_path = str(PurePosixPath(path).with_name(f"{old}.yml"))
                fields = _compare(blobs.get(f"{commit}^:{old_path}"), blobs.get(f"{commit}:{path}"))
                yield made(event, "renamed", fields, old_id=old)
            elif not boundary:
                yield made(event, "added", ())
        elif status == "M":
            fields = _compare(blobs.get(f"{commit}^:{path}"), blobs.get(f"{commit}:{path}"))
            if fields:
                yield made(event, "edited", fields)
        elif status == "D" and event in redirects and redirects[event] is None:
            title = _text((_values(blobs.get(f"{commit}^:{path}")) or {}).get("title"))
            yield made(event, "withdrawn", (FieldChange("title", title, ""),))


def _deleted(files: list[tuple[str, str]]) -> set[str | None]:
    """The events a commit deleted, found once per commit: a commit may add 10,000 files."""
    return {_event_id(path) for status, path in files if status == "D"}


def _renamed_from(event: str | None, deleted: set[str | None], redirects: Mapping[str, str | None]) -> str | None:
    """The old id of an event added in the commit that deleted (`deleted`) the file it replaces."""
    return next((old for old, new in redirects.items() if new == event and old in deleted), None)


def _compare(before: bytes | None, after: bytes | None) -> tuple[FieldChange, ...]:
    old, new = _values(before), _values(after)
    if old is None or new is None:
        return (FieldChange("file", "", ""),)  # a version that cannot be read: edited, no detail
    return field_changes(old, new)


def _follow(changes: list[Change], redirects: Mapping[str, str | None]) -> Iterable[Change]:
    """Each change under the id its event has now (an event renamed twice follows both)."""
    for change in changes:
        event = _followed(change.event, redirects)
        yield change if event == change.event else replace(change, event=event)


# What a reader relies on: a change to one of these in a published event is a correction, and says why.
NEEDS_REASON = frozenset({"title", "date", "status", "citation added", "citation removed", "quote changed"})
_REVISION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/@{}~^-]*$")


def unexplained_corrections(
    root: Path, base: str, redirects: Mapping[str, str | None], published: dt.date | None = None
) -> tuple[Problem, ...] | None:
    """The commits after `base` (a pull request's base) that change a published event's title, date,
    status or citations without a `Correction:` trailer saying why; None when `base` is not a
    commit git knows. An event is published when it was in `base` (and `base` came after the story's
    `published` day, when it has one); changes on or before that day are preparation."""
    if (
        not _REVISION.match(base)
        or _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}") is None
    ):
        return None
    listed = _git(root, "ls-tree", "-r", "--name-only", "--end-of-options", base, "--", EVENTS) or ""
    at_base = {event for event in map(_event_id, listed.splitlines()) if event}
    public = {_followed(event, redirects) for event in at_base}
    problems = []
    for change in read_changes(root, redirects, since=base).changes:
        if change.event not in public or (published is not None and change.day <= published):
            continue
        fields = sorted({f.field for f in change.fields} & NEEDS_REASON)
        if not fields or change.reason or change.typo or change.kind == "withdrawn":
            continue
        problems.append(
            Problem(
                f"{EVENTS}/{change.event}.yml",
                1,
                1,
                f"commit {change.commit} changes the published event '{change.event}' ({', '.join(fields)}) without "
                "saying why: readers see every such change on the Changes page, with its reason. End the commit "
                "message with a line 'Correction: <why, in a sentence readers will read>' ('Correction: typo' for "
                "a typo) and push again (git commit --amend, or git rebase -i for an older commit)",
            )
        )
    return tuple(problems)


def _followed(event: str, redirects: Mapping[str, str | None]) -> str:
    seen = set()
    while redirects.get(event) is not None and event not in seen:
        seen.add(event)
        event = redirects[event]  # type: ignore[assignment]
    return event
