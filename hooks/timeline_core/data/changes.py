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
import subprocess
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath

import yaml

from ..model.records import Change, ChangeLog, FieldChange
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
    cited_before = _citations(before)
    cited_after = _citations(after)
    for source in sorted(set(cited_after) - set(cited_before)):
        changes.append(FieldChange("citation added", "", source))
    for source in sorted(set(cited_before) - set(cited_after)):
        changes.append(FieldChange("citation removed", source, ""))
    for source in sorted(set(cited_before) & set(cited_after)):
        if cited_before[source] != cited_after[source]:
            changes.append(FieldChange("quote changed", source, source))
    return tuple(changes)


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
        event, seen = change.event, set()
        while redirects.get(event) is not None and event not in seen:
            seen.add(event)
            event = redirects[event]  # type: ignore[assignment]
        yield change if event == change.event else replace(change, event=event)
