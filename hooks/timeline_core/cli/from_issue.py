"""`timeline from-issue FILE`: an issue form's body, as GitHub writes it, made into the change a
pull request proposes, for people who do not use git.

GitHub writes a form's answers as Markdown: a `### <label>` heading per field, then the answer,
or `_No response_`. The form is known by its labels (the forms in `.github/ISSUE_TEMPLATE/`).
"Add an event" archives its source if it is new (`source add`), writes the event through the same
scaffold as `timeline new` and runs the check; "Add a source" archives one; "Report an error"
names the entry and writes the commit message with its `Correction:` reason, for the maintainer
who makes the change. Whatever goes wrong writes nothing and says what to fix.

Everything in the body is untrusted: each answer has a length limit, the event's id is made by
the project from its date and title (never a path from the text), YAML is written quoted by the
scaffold, the source's address goes to the fetcher as one argument, and nothing reaches a shell.
On success it prints the pull request's body: the check's result, the card as it will read, and
what a reviewer must verify.
"""

from __future__ import annotations

import argparse
import re
import sys
from contextlib import redirect_stdout
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from ..archiving.entry import already_archived_at
from ..data.load import load_timeline
from ..data.schema import DATA_DIR, EVENTS_DIR
from ..model.dates import parse_edtf
from ..model.records import Timeline
from ..model.specifics import specifics
from ..problems import DataError
from . import scaffold, sources

MAX_BODY = 256 * 1024
LIMITS = {"title": 200, "passage": 2000, "summary": 2000, "who": 500, "event": 500, "source": 2000}
DEFAULT_LIMIT = 5000
NO_RESPONSE = "_No response_"
# The labels of each form (as .github/ISSUE_TEMPLATE/ writes them), by the id of their answer.
FORMS = {
    "add-event": {
        "Source address": "source",
        "The passage that says it": "passage",
        "When, as the source gives it": "when",
        "Date, if you can write it so": "date",
        "Title": "title",
        "Summary": "summary",
        "Who is involved": "who",
        "What the source supports": "status",
    },
    "report-error": {
        "The entry": "event",
        "What is wrong": "field",
        "What it says, and what it should say": "what",
        "The corrected text, if you can write it": "corrected",
        "Evidence": "evidence",
    },
    "add-source": {
        "Source address": "source",
        "Publisher": "publisher",
        "Language": "language",
        "What it adds": "why",
        "May the whole text be shown on the site?": "republish",
    },
}
REQUIRED = {
    "add-event": ("source", "passage", "when", "title", "summary", "status"),  # the date: add_event says
    "report-error": ("event", "field", "what", "evidence"),
    "add-source": ("source",),
}
_HEADING = re.compile(r"^### (.+?)\s*$", re.M)
_FENCE = re.compile(r"^```[a-z]*\n(.*)\n```$", re.S)


class IssueError(Exception):
    """What makes an issue's answers unusable, each message one a contributor can act on."""

    def __init__(self, *messages: str) -> None:
        super().__init__(*messages)
        self.messages = messages


@dataclass(frozen=True)
class Answers:
    form: str
    values: dict[str, str]


def read_answers(body: str) -> Answers:
    """The form and its answers, from the body GitHub wrote (limits checked, blanks left out)."""
    headings = list(_HEADING.finditer(body))
    ends = [match.start() for match in headings[1:]] + ([len(body)] if headings else [])
    found = {match.group(1): body[match.end() : end].strip() for match, end in zip(headings, ends, strict=True)}
    form = next((name for name, labels in FORMS.items() if set(labels) <= set(found)), None)
    if form is None:
        raise IssueError(
            "this issue was not written with one of the forms (Add an event, Report an error, Add a "
            "source): open a new issue with one, or ask a maintainer to add the entry by hand"
        )
    values = {}
    problems = []
    for label, name in FORMS[form].items():
        value = found[label]
        fenced = _FENCE.match(value)  # a textarea with `render:` comes back in a code block
        value = (fenced.group(1) if fenced else value).strip()
        if value == NO_RESPONSE or not value:
            continue
        limit = LIMITS.get(name, DEFAULT_LIMIT)
        if len(value) > limit:
            problems.append(f"'{label}' is {len(value):,} characters long; at most {limit:,} are read: shorten it")
            continue
        values[name] = value
    problems += [
        f"'{label}' is empty: answer it"
        for label, name in FORMS[form].items()
        if name in REQUIRED[form] and name not in values
    ]
    if problems:
        raise IssueError(*problems)
    return Answers(form, values)


def _archive(root: Path, url: str, timeline: Timeline) -> str:
    """The id of the source at `url`: the one `timeline` has archived, or a new one `source add` takes."""
    if not re.fullmatch(r"https?://[^\s<>\"']+", url):
        raise IssueError(f"the source's address '{url[:80]}' is not an http(s) address: give the page's address")
    known = already_archived_at(timeline, [url])
    if known is not None:
        return known.id
    parser = argparse.ArgumentParser(add_help=False)
    sources.add_arguments(parser)
    args = parser.parse_args(["--", url])
    said = StringIO()
    with redirect_stdout(said):
        code = sources.add_source(root, args)
    if code != 0:
        raise IssueError(
            f"the source at {url} could not be archived (see above); a maintainer can archive a saved copy"
        )
    archived = already_archived_at(load_timeline(root).timeline, [url])
    if archived is None:  # pragma: no cover - add_source wrote it
        raise IssueError(f"the source at {url} was archived under another address; a maintainer must look")
    return archived.id


def _date_problems(date: str, passage: str, when: str, language: str) -> list[str]:
    """A date must say no more than the passage and the form's words for it: its month and day among them."""
    try:
        parsed = parse_edtf(date)
    except DataError as error:
        return [f"'Date': {error.message}; or leave it empty and a maintainer works it out"]
    given = {(s.kind, s.key) for text in (passage, when) for s in specifics(text, language, names=False)}
    problems = []
    for point in (parsed.start, parsed.end):
        if point is None or point.precision == "year":  # a year may come from elsewhere: the note says
            continue
        day = point.earliest
        if ("month", str(day.month)) not in given:
            problems.append(f"'Date' says {day:%B}, which neither the passage nor 'When' gives")
        if point.precision == "day" and ("number", str(day.day)) not in given:
            problems.append(f"'Date' says day {day.day}, which neither the passage nor 'When' gives")
    return list(dict.fromkeys(problems))


def add_event(root: Path, answers: Answers) -> tuple[list[Path], str]:
    """Archive the source if need be and write the event; the files written and the card's text."""
    values = answers.values
    timeline = load_timeline(root).timeline
    if "date" not in values:
        raise IssueError(
            "'Date, if you can write it so' is empty: this command needs the date in the site's notation "
            f'(the form\'s words were: "{values["when"]}"); a maintainer writes it in the issue and runs it again'
        )
    problems = _date_problems(values["date"], values["passage"], values["when"], timeline.language)
    if problems:
        raise IssueError(*problems)
    source = _archive(root, values["source"], timeline)
    timeline = load_timeline(root).timeline  # with the source just archived, if it is new
    names = {name.casefold(): entity.id for entity in timeline.entities for name in (entity.name, *entity.aliases)}
    who = [name.strip() for name in values.get("who", "").split(",") if name.strip()]
    status = values["status"].split()[0] if values["status"].split() else "reported"
    new = scaffold.NewEvent(
        title=" ".join(values["title"].split()),
        date=values["date"],
        source=source,
        status=status if status in ("reported", "confirmed", "speculation") else "reported",
        date_basis="inferred",
        quote=" ".join(values["passage"].split()),
        summary=" ".join(values["summary"].split()),
        date_note=f'The source says: "{" ".join(values["when"].split())}".',
        entities=tuple(dict.fromkeys(names[n.casefold()] for n in who if n.casefold() in names)),
    )
    ident = scaffold.event_id(new.title, new.date, timeline.language)
    path = root / DATA_DIR / EVENTS_DIR / f"{ident}.yml"
    if path.exists():
        raise IssueError(f"an event with the id {ident} exists already: give the event another title")
    path.write_text(scaffold.event_yaml(new), encoding="utf-8")
    unknown = [n for n in who if n.casefold() not in names]
    card = (
        f"**{new.title}** ({new.date}, {new.status})\n\n{new.summary}\n\n> {new.quote}\n\n"
        f"Source: `{source}`; file `{DATA_DIR}/{EVENTS_DIR}/{ident}.yml`"
        + (f"\n\nNamed in the form but not yet entities of this story: {', '.join(unknown)}" if unknown else "")
    )
    return [path], card


def from_issue(root: Path, file: Path) -> int:
    """0 with the pull request's body printed; 1 with what to fix (and nothing written)."""
    try:
        data = file.read_bytes()
    except OSError as error:
        print(f"error: {file}: {error.strerror}", file=sys.stderr)
        return 2
    if len(data) > MAX_BODY:
        print(f"error: the issue is {len(data):,} bytes; at most {MAX_BODY:,} are read", file=sys.stderr)
        return 1
    before = _snapshot(root)
    try:
        answers = read_answers(data.decode("utf-8", errors="replace"))
        body = _made(root, answers)
    except IssueError as error:
        _restore(root, before)
        for message in error.messages:
            print(f"error: {message}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    print(body)
    return 0


def _made(root: Path, answers: Answers) -> str:
    if answers.form == "report-error":
        return _correction(root, answers)
    if answers.form == "add-source":
        source = _archive(root, answers.values["source"], load_timeline(root).timeline)
        return _body(root, f"Archived the source `{source}` from {answers.values['source']}.", "the source")
    written, card = add_event(root, answers)
    return _body(root, card, "the event")


# The dropdown's choices that name one field, which a corrected text can replace.
_FIELDS = {"the date": "date", "the title": "title", "the summary": "summary", "the status": "status"}


def _correction(root: Path, answers: Answers) -> str:
    """The entry named (it must exist), the field corrected when the form gives its new text, and
    the commit message the correction carries, with its `Correction:` reason."""
    values = answers.values
    link = values["event"]
    ident = link.rsplit("#", 1)[-1].strip("/ ") if "#" in link else link.rstrip("/").rsplit("/", 1)[-1]
    timeline = load_timeline(root).timeline
    event = timeline.events_by_id.get(ident)
    if event is None:
        raise IssueError(f"'The entry': no event has the id '{ident[:80]}'; copy the link from the entry's card")
    what = " ".join(values["what"].split())
    reason = what if len(what) <= 300 else what[:299] + "…"
    field = next((name for choice, name in _FIELDS.items() if values["field"].startswith(choice)), None)
    done = "Make the change the issue asks for"
    if field is not None and "corrected" in values:
        _replace_field(root / event.path, field, " ".join(values["corrected"].split()))
        problems = load_timeline(root).problems
        if problems:
            raise IssueError(*(problem.format() for problem in problems))
        done = f"The {field} is corrected in the file (`timeline check`: ok); review it"
    return (
        f"## Correction of `{event.id}` ({values['field']})\n\n"
        f"File: `{event.path}`. {done}, and commit it with this message:\n\n"
        f"```\n{event.title}: {values['field']}\n\nCorrection: {reason}\n```\n\n"
        f"## For the reviewer\n\n- [ ] The evidence shows the error:\n\n```text\n{values['evidence']}\n```\n"
    )


def _replace_field(path: Path, field: str, value: str) -> None:
    """One top-level field of an event file given a new value (quoted as the scaffold quotes), the
    rest of the file as it was; a value the field cannot take is then the check's to say."""
    text = path.read_text(encoding="utf-8")
    block = re.compile(rf"^{field}:.*(?:\n[ \t]+.*)*", re.M)  # the key's line and its indented lines
    if not block.search(text):
        raise IssueError(f"the event has no '{field}' to correct; a maintainer must make this correction")
    path.write_text(block.sub(lambda _: f"{field}: {scaffold.yaml_text(value)}", text, count=1), encoding="utf-8")


def _body(root: Path, card: str, what: str) -> str:
    result = load_timeline(root)
    if result.problems:  # the change is refused, and the problems go back to the issue
        raise IssueError(*(problem.format() for problem in result.problems))
    return (
        f"## The change\n\n{card}\n\n## Check\n\n`timeline check`: ok\n\n## For the reviewer\n\n"
        f"- [ ] The passage is in the archived source as it stands (the check verified the letters).\n"
        f"- [ ] The date says no more than the source's words for it.\n"
        f"- [ ] The title and summary say only what the passage says.\n"
        f"- [ ] Who is involved: the entities named are the right ones ({what}).\n"
    )


def _snapshot(root: Path) -> dict[Path, bytes]:
    """Every data and archive file as it is, so that a failure leaves them so."""
    return {
        path: path.read_bytes()
        for folder in (root / DATA_DIR, root / "seeds")
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.is_file()
    }


def _restore(root: Path, before: dict[Path, bytes]) -> None:
    for folder in (root / DATA_DIR, root / "seeds"):
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file() and path not in before:
                    path.unlink()
    for path, data in before.items():
        if path.read_bytes() != data:
            path.write_bytes(data)
