"""When each data file was added and last changed, read from git in one pass.

Dates come from commits, never from the clock, so two builds of the same commit
show the same dates. Outside a git checkout (or for files not yet committed)
there is simply no history to show.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import overload

from ..model.records import FileHistory

EVENTS = "timeline/events"  # where event files are, from the data folder's parent

_MARK = "\x1e"  # starts each commit's line in the log output


@overload
def read_history(root: Path, folder: str = "timeline") -> dict[str, FileHistory]: ...
@overload
def read_history(root: Path, folder: str = "timeline", *, since: str) -> dict[str, FileHistory] | None: ...


def read_history(root: Path, folder: str = "timeline", *, since: str | None = None) -> dict[str, FileHistory] | None:
    """Map each file path under `folder` (relative to the repository top) to its history.

    Deletions are not history: a file counts from the commits in which it exists. With `since`
    (a commit), only later commits count; None when git does not know that commit.
    """
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {}  # not a git checkout: nothing was published from here
    if since is not None:
        verify = ["git", "rev-parse", "--verify", "--quiet", f"{since}^{{commit}}"]
        if subprocess.run(verify, cwd=root, capture_output=True, text=True).returncode != 0:
            return None
    try:
        log = subprocess.run(
            [
                "git",
                "log",
                "--no-renames",
                "--diff-filter=d",
                f"--format={_MARK}%cs",
                "--name-only",
                *([f"{since}..HEAD"] if since else []),
                "--",
                folder,
            ],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    prefix = Path(root).resolve().relative_to(Path(top).resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    history: dict[str, FileHistory] = {}
    day = None
    oldest: set[str] = set()  # the files of the oldest commit read so far
    for line in log.split("\n"):  # newest commit first (splitlines would also split at \x1e)
        if line.startswith(_MARK):
            day = dt.date.fromisoformat(line[1:])
            oldest = set()
        elif line and day is not None and line.startswith(prefix):
            path = line[len(prefix) :]
            known = history.get(path)
            history[path] = FileHistory(added=day, changed=known.changed if known else day)
            oldest.add(path)
    if is_shallow(root):  # the oldest commit a shallow clone has is where its history is cut off
        for path in oldest:
            history[path] = FileHistory(history[path].added, history[path].changed, added_known=False)
    return history


def is_shallow(root: Path) -> bool:
    """Whether the checkout is a shallow clone, whose oldest commit cuts its history off."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--is-shallow-repository"], cwd=root, capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return False
    return out.strip() == "true"


def commit_epoch(root: Path) -> int | None:
    """The time of the checked-out commit, for SOURCE_DATE_EPOCH; None outside git."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return int(out) if out.isdigit() else None


def git_paths_to_watch(root: Path) -> list[Path]:
    """The files git rewrites on a commit, a checkout or a reset (HEAD, the branches' refs, packed
    refs), for `mkdocs serve` to rebuild on: none outside git."""
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--absolute-git-dir"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return []
    git_dir = Path(found)
    return [path for path in (git_dir / "HEAD", git_dir / "refs" / "heads", git_dir / "packed-refs") if path.exists()]


def history_across_renames(history: dict[str, FileHistory], renames: dict[str, str]) -> dict[str, FileHistory]:
    """Each renamed event's history from its first name on (`renames`: old id -> new id, followed
    through several renames): a rename gives a permanent link, not a new event, so the card says
    the day it was first added."""
    merged = dict(history)
    for old in renames:
        new, seen = renames[old], {old}
        while new in renames and new not in seen:  # renamed again later
            seen.add(new)
            new = renames[new]
        before, after = history.get(f"{EVENTS}/{old}.yml"), merged.get(f"{EVENTS}/{new}.yml")
        if before is None or after is None:
            continue
        merged[f"{EVENTS}/{new}.yml"] = FileHistory(
            added=min(before.added, after.added),
            changed=max(before.changed, after.changed),
            added_known=before.added_known if before.added <= after.added else after.added_known,
        )
    return merged
