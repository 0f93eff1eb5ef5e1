"""When each data file was added and last changed, read from git in one pass.

Dates come from commits, never from the clock, so two builds of the same commit
show the same dates. Outside a git checkout (or for files not yet committed)
there is simply no history to show.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from ..model.records import FileHistory

_MARK = "\x1e"  # starts each commit's line in the log output


def read_history(root: Path, folder: str = "timeline") -> dict[str, FileHistory]:
    """Map each file path under `folder` (relative to the repository top) to its history."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        log = subprocess.run(
            ["git", "log", "--no-renames", f"--format={_MARK}%cs", "--name-only", "--", folder],
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
    for line in log.split("\n"):  # newest commit first (splitlines would also split at \x1e)
        if line.startswith(_MARK):
            day = dt.date.fromisoformat(line[1:])
        elif line and day is not None and line.startswith(prefix):
            path = line[len(prefix) :]
            known = history.get(path)
            history[path] = FileHistory(added=day, changed=known.changed if known else day)
    return history


def commit_epoch(root: Path) -> int | None:
    """The time of the checked-out commit, for SOURCE_DATE_EPOCH; None outside git."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return int(out) if out.isdigit() else None
