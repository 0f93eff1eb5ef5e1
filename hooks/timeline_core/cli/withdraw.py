"""`timeline withdraw ID --reason "…"`: take a published event down the way a reader can follow.

An event's file name is its permanent link, so withdrawing it is two edits that must agree: the
file goes, and `timeline/redirects.yml` says why (`gone:`), so the old link lands on a notice. The
reason is contributed text: it is written by the YAML dumper (quoted as YAML needs, whatever
commas, colons or quotes it holds), and the id is checked against the id pattern and the files
that exist before it names any path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..data.schema import DATA_DIR, EVENTS_DIR, SLUG_PATTERN

REDIRECTS = f"{DATA_DIR}/redirects.yml"
MAX_REASON = 300  # the schema's limit for a `gone:` reason
_EMPTY_LIST = re.compile(r"^\[\][ \t]*(?:#.*)?$", re.M)


@dataclass(frozen=True)
class Withdrawn:
    event_file: str  # the file removed, relative to the project
    line: int  # where its redirect starts in timeline/redirects.yml


class WithdrawError(Exception):
    """Why nothing was withdrawn: one sentence with the fix."""


def redirect_entry(ident: str, reason: str) -> str:
    """The redirect's YAML, as a list item in block style (never a flow mapping, which a comma in
    the reason would break)."""
    text = yaml.safe_dump([{"from": ident, "gone": reason}], allow_unicode=True, sort_keys=False, width=100)
    return text if text.endswith("\n") else text + "\n"


def withdraw_event(root: Path, ident: str, reason: str) -> Withdrawn:
    """Delete an event's file and add its `gone:` redirect; nothing is changed when either fails."""
    if not re.match(SLUG_PATTERN, ident):
        raise WithdrawError(f"'{ident}' is not an event id (the file name under timeline/events/, without .yml)")
    reason = " ".join(reason.split())
    if not reason:
        raise WithdrawError("--reason is empty: say in a sentence why the event is withdrawn; readers see it")
    if len(reason) > MAX_REASON:
        raise WithdrawError(f"--reason is {len(reason)} characters; say it in {MAX_REASON} or fewer")
    event = root / DATA_DIR / EVENTS_DIR / f"{ident}.yml"
    if not event.is_file() or event.is_symlink():
        raise WithdrawError(f"there is no event '{ident}' (no file {DATA_DIR}/{EVENTS_DIR}/{ident}.yml)")
    path = root / REDIRECTS
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if re.search(rf"^\s*-?\s*from:\s*['\"]?{re.escape(ident)}['\"]?\s*$", text, re.M):
        raise WithdrawError(f"{REDIRECTS} already has a redirect from '{ident}'; edit that one")
    text = _EMPTY_LIST.sub("", text, count=1).rstrip("\n")  # `[]` holds nothing: the entry takes its place
    before = f"{text}\n" if text else ""
    path.write_text(before + redirect_entry(ident, reason), encoding="utf-8")
    event.unlink()
    return Withdrawn(f"{DATA_DIR}/{EVENTS_DIR}/{ident}.yml", before.count("\n") + 1)
