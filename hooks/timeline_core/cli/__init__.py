"""The `timeline` command for contributors: check the data, archive a source and find its quotes, start a
new entry, keep schemas current, and see how much of each source the site uses."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

from ..data import jsonschema
from ..data.load import load_timeline
from ..data.schema import DATE_BASES, STATUSES
from ..data.siteurl import placeholder_problem
from ..gcpause import nothing_collected_at_exit
from ..model.coverage import citations_of, source_coverage
from ..model.dates import parse_edtf
from ..model.passages import best_passages
from ..model.records import Timeline
from ..model.text import language_name, same_language
from ..problems import DataError
from ..words.reader import words_for
from . import scaffold, sources, starter
from .corrections import corrections
from .from_issue import from_issue
from .loading import readable_data, said_problems
from .withdraw import REDIRECTS, WithdrawError, withdraw_event

# The pages, the exports and the site's settings are imported by the commands that use them: the
# commands contributors run most (`check`, `source add`, `new`) do not pay a quarter second for them.
BUILDERS = ("mkdocs", "properdocs", "zensical")  # what `timeline pages` writes a build's input for


def _count(number: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {noun if number == 1 else plural}"


def check(root: Path, output_format: str) -> int:
    """Validate everything under timeline/; print every problem; 0 when clean, 1 otherwise."""
    result = load_timeline(root)
    address = placeholder_problem(root)
    problems = (*result.problems, *result.findings, *([address] if address else []))
    for problem in problems:
        print(problem.format(output_format))
    timeline = result.timeline
    counts = ", ".join(
        _count(len(records), noun)
        for records, noun in (
            (timeline.events, "event"),
            (timeline.sources, "source"),
            (timeline.entities, "entity"),
            (timeline.terms, "glossary term"),
        )
    )
    if problems:  # CI fails on exactly what is printed, and on nothing else
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} found ({counts} valid)", file=sys.stderr)
        return 1
    citations = sum(1 for _ in citations_of(timeline))
    print(f"ok: {counts}; {citations} quotes verified against their archived sources", file=sys.stderr)
    return 0


def coverage(root: Path, fail_under: float) -> int:
    """Print every sentence of every archived source with what cites it, and the share covered.

    A source with `coverage: complete` must be accounted for (`timeline check` fails otherwise);
    for any other the figures are information, and `--fail-under` does not apply to them."""
    result = load_timeline(root)
    for problem in result.problems:
        print(problem.format(), file=sys.stderr)
    status = 1 if result.problems else 0
    for report in source_coverage(result.timeline):
        policy = "complete" if report.complete else "quotes (its other sentences listed for information)"
        print(f"{report.source_id} ({report.path}), coverage: {policy}")
        for number, sentence in enumerate(report.sentences, 1):
            mark = "ok " if sentence.covered else "-- "
            print(f"  {mark}{number:3d}. {sentence.text}")
            if sentence.cited_by:
                print(f"        cited by ({sentence.share:.0%} quoted): {', '.join(sentence.cited_by)}")
            if sentence.uncited_reason:
                print(f"        uncited on purpose: {sentence.uncited_reason}")
            if report.complete and not sentence.covered and not sentence.cited_by:
                print("        not cited: cite it, or list it under the source's 'uncited' with a reason")
        for text in report.unmatched_uncited:
            print(f"  !! listed as uncited but not a whole sentence of the source: {text}")
        covered = sum(s.covered for s in report.sentences)
        print(f"  coverage: {covered}/{len(report.sentences)} sentences ({report.share:.1%})")
        if report.complete and report.share * 100 < fail_under:
            print(
                f"{report.source_id}: {report.share:.1%} of its sentences accounted for, below the required "
                f"{fail_under:g}%",
                file=sys.stderr,
            )
            status = 1
    return status


def _ask(prompt: str, default: str | None = None, choices: tuple[str, ...] = ()) -> str:
    hint = f" [{'/'.join(choices)}]" if choices else ""
    hint += f" ({default})" if default else ""
    while True:
        answer = input(f"{prompt}{hint}: ").strip() or (default or "")
        if answer and (not choices or answer in choices):
            return answer
        print(f"  please answer{' with one of ' + ', '.join(choices) if choices else ''}")


def new(root: Path, args: argparse.Namespace, interactive: bool) -> int:
    """Scaffold timeline/events/<date>-<title>.yml; never overwrite."""
    if args.quote and args.find:
        print("error: give --quote (the passage) or --find (words to look it up by), not both", file=sys.stderr)
        return 2
    values = {"title": args.title, "date": args.date, "source": args.source}
    missing = [name for name, value in values.items() if not value]
    if missing and not interactive:
        print(
            f"error: missing --{', --'.join(missing)} (or run `timeline new` in a terminal to be asked)",
            file=sys.stderr,
        )
        return 2
    result = readable_data(root)
    if result is None:
        return 1
    sources = [s.id for s in result.timeline.sources]
    if interactive:
        values["title"] = values["title"] or _ask("Title (a short headline)")
        while not values["date"]:
            candidate = _ask("Date (EDTF: 2026-04-10, 2026-04-07~, ../2026-04-10)")
            try:
                parse_edtf(candidate)
                values["date"] = candidate
            except DataError as error:
                print(f"  {error.message}")
        values["source"] = values["source"] or _ask(
            "Source id", sources[0] if len(sources) == 1 else None, tuple(sources)
        )
        args.status = args.status or _ask("Status", "reported", STATUSES)
        args.date_basis = args.date_basis or _ask(
            "Is the date stated by the source, or inferred?", "stated", DATE_BASES
        )
    try:
        ident = scaffold.event_id(values["title"], values["date"], result.timeline.language)
    except DataError as error:
        print(f"error: --date: {error.message}", file=sys.stderr)
        return 2
    if values["source"] not in sources:
        print(
            f"error: --source: unknown source '{values['source']}'; known: {', '.join(sources) or 'none'}",
            file=sys.stderr,
        )
        return 2
    if args.find:
        archive = result.timeline.archives.get(values["source"])
        found = best_passages(archive.text, args.find, 1) if archive else []
        if not found:
            print(f"error: --find: no sentence of source '{values['source']}' has any of those words", file=sys.stderr)
            return 2
        args.quote = found[0].text
        print(f'quoting line {found[0].line}: "{found[0].text}"')
    path = root / "timeline" / "events" / f"{ident}.yml"
    if path.exists():
        print(
            f"error: {path.relative_to(root)} already exists; choose another title or edit that file", file=sys.stderr
        )
        return 1
    event = scaffold.NewEvent(
        values["title"],
        values["date"],
        values["source"],
        args.status or "reported",
        args.date_basis or "stated",
        args.quote,
        _translate_into(result.timeline, values["source"]),
        args.summary,
        args.date_note,
        tuple(args.tag),
        tuple(args.entity),
        tuple(args.term),
    )
    known = {"entity": set(result.timeline.entities_by_id), "term": set(result.timeline.terms_by_id)}
    if problems := scaffold.option_problems(event, known):
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    text = scaffold.event_yaml(event)
    path.write_text(text, encoding="utf-8")
    print(f"created {path.relative_to(root)}")
    todo = "replace every TODO, then " if scaffold.PLACEHOLDER in text else ""
    print(f"next: {todo}run `uv run timeline check` and `uv run mkdocs serve`")
    return 0


def _translate_into(timeline: Timeline, source_id: str) -> str | None:
    """The story's language, by name, when a source is in another one (its quotes need a translation)."""
    language = timeline.sources_by_id[source_id].language
    if language is None or same_language(language, timeline.language):
        return None
    return language_name(timeline.language)


def export(root: Path, out: Path, site_url: str | None = None) -> int:
    """Write every export (JSON, CSV, Atom, iCalendar, TimelineJS) to a folder: the built site's,
    byte for byte, from the same settings (mkdocs.yml; `site_url` overrides its address)."""
    from .. import exports
    from ..settings import read_settings

    result = load_timeline(root)
    if said_problems(result, "not exported: fix the problems above first"):
        return 1
    settings, _config = read_settings(root)
    site = replace(settings.site, base_url=site_url.rstrip("/") + "/") if site_url else settings.site
    out.mkdir(parents=True, exist_ok=True)
    files = exports.export_files(result.timeline, settings.published, site, None, settings.layout.feed_entries)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {out / name}")
    return 0


def schemas(root: Path, check_only: bool) -> int:
    """Write the JSON Schemas under schemas/, or with --check report stale ones."""
    if check_only:
        stale = jsonschema.stale_schemas(root)
        for name in stale:
            print(f"{jsonschema.SCHEMA_DIR}/{name}:1:1: error: out of date; run `uv run timeline schemas`")
        return 1 if stale else 0
    for name in jsonschema.write_schemas(root):
        print(f"wrote {jsonschema.SCHEMA_DIR}/{name}")
    return 0


def init(
    root: Path,
    title: str | None,
    description: str | None,
    force: bool,
    interactive: bool,
    language: str = "en",
    site_url: str | None = None,
) -> int:
    """Replace the story in timeline/ and seeds/ with a minimal starter in `language`; name the site
    and give it its address."""
    problem = starter.language_problem(language)
    if problem:
        print(f"error: --language: {problem}", file=sys.stderr)
        return 2
    if site_url and (problem := starter.site_url_problem(site_url)):
        print(f"error: --site-url: {problem}", file=sys.stderr)
        return 2
    changed = starter.uncommitted(root)
    if changed and not force:
        print(
            f"error: timeline/ and seeds/ have uncommitted changes ({', '.join(changed[:3])}"
            f"{', …' if len(changed) > 3 else ''}); commit or stash them, or run with --force to discard them",
            file=sys.stderr,
        )
        return 1
    if interactive:
        title = title or _ask("The story's name (the site's title)")
        description = description or _ask("One sentence saying what the timeline follows")
        while site_url is None:
            given = input("The address it will be published at (Enter to decide later): ").strip()
            problem = starter.site_url_problem(given) if given else None
            if problem:
                print(f"  {problem}", file=sys.stderr)
            else:
                site_url = given
    missing = [flag for flag, value in (("--title", title), ("--description", description)) if not value]
    if missing:
        print(
            f"error: missing {', '.join(missing)} (or run `timeline init` in a terminal to be asked)", file=sys.stderr
        )
        return 2
    assert title is not None and description is not None
    replaces = starter.head_commit(root) if (root / "timeline").is_dir() else None
    words = words_for(language)
    starter.write_starter(root, starter.starter_files(title, description, dt.date.today(), replaces, words))
    config = root / "mkdocs.yml"
    if config.exists():
        text = starter.named_site(config.read_text(encoding="utf-8"), title, description, site_url or None)
        config.write_text(starter.site_in_language(text, words), encoding="utf-8")
    print(f"started the story '{title}' in timeline/ and seeds/ (the old story stays in git's history)")
    print("next:")
    print("  1. uv run timeline source add URL  # archive your first source, described in timeline/sources.yml")
    print("  2. uv run timeline new            # an event citing it (--find WORDS quotes it for you)")
    print("  3. uv run timeline check          # until it says ok")
    print("  4. uv run mkdocs serve            # read it; then commit, and the old story's links are let go")
    if not site_url:
        print("  and set site_url in mkdocs.yml to the address the site will be published at")
    return 0


def withdraw(root: Path, ident: str, reason: str) -> int:
    """Delete an event and write its `gone:` redirect, then check what that leaves."""
    try:
        done = withdraw_event(root, ident, reason)
    except WithdrawError as error:
        print(f"error: {error}; nothing was changed", file=sys.stderr)
        return 1
    print(f"withdrew '{ident}': deleted {done.event_file}; {REDIRECTS} line {done.line} says why at its old link")
    if said_problems(load_timeline(root), "the check finds problems (above): fix them before you commit"):
        return 1
    print(f'next: commit both with the reason as a trailer: git commit -m "Withdraw {ident}" -m "Correction: …"')
    return 0


def pages(root: Path, out: Path, builder: str, watch: bool) -> int:
    """Write what a build needs to `out` (see build_input); 1 if the data has problems."""
    from .. import build_input

    if watch:
        print(f"writing {out} on every change; stop with Ctrl-C")
        try:
            build_input.watch_build_input(root, out, builder)
        except KeyboardInterrupt:
            return 0
        return 0  # pragma: no cover - the watch ends only by an interrupt
    result = build_input.write_build_input(root, out, builder)
    for problem in result.problems:
        print(problem.format(), file=sys.stderr)
    print(f"wrote {out}: {result.written} files changed, {result.unchanged} unchanged, {result.removed} removed")
    print(f"next: cd {out} && {builder} build && cd - && uv run timeline harden {out}/site")
    return 1 if result.problems else 0


def harden(root: Path, site: Path, site_url: str) -> int:
    """Harden every page of a site another builder built, as the hooks harden MkDocs' pages."""
    from .. import build_input
    from ..settings import read_config

    if not site.is_dir():
        print(f"error: {site} is not a folder; build the site first", file=sys.stderr)
        return 2
    url = site_url or (read_config(root).get("site_url") or "")
    changed = build_input.harden_site(site, url)
    print(f"hardened {changed} pages of {site}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="timeline", description=__doc__)
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="the project folder that holds timeline/ and seeds/ (default: .)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate all data and print every problem")
    check_parser.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text: path:line:column: error: message; github: Actions annotations",
    )
    coverage_parser = commands.add_parser("coverage", help="show which sentences of each source are cited")
    coverage_parser.add_argument(
        "--fail-under",
        type=float,
        default=0,
        metavar="PERCENT",
        help="exit 1 if any source's coverage is below this percentage",
    )
    new_parser = commands.add_parser("new", help="scaffold a new event file (asks in a terminal)")
    new_parser.add_argument("--title", help="a short headline")
    new_parser.add_argument("--date", help="an EDTF date, such as 2026-04-10 or 2026-04-07~")
    new_parser.add_argument("--source", help="the id of the source in timeline/sources.yml")
    new_parser.add_argument("--quote", help="the passage that supports the event, word for word")
    new_parser.add_argument(
        "--find",
        metavar="WORDS",
        help="instead of --quote: words of the passage, which is then copied from the archive",
    )
    new_parser.add_argument("--status", choices=STATUSES, help="default: reported")
    new_parser.add_argument("--date-basis", choices=DATE_BASES, help="default: stated")
    new_parser.add_argument("--summary", help="what happened, in one Markdown paragraph")
    new_parser.add_argument("--date-note", help="how the date was worked out from the source")
    new_parser.add_argument("--tag", action="append", default=[], help="a tag (repeat for more)")
    new_parser.add_argument("--entity", action="append", default=[], help="an entity's id (repeat for more)")
    new_parser.add_argument("--term", action="append", default=[], help="a glossary term's id (repeat for more)")
    schemas_parser = commands.add_parser("schemas", help="write the data files' JSON Schemas to schemas/")
    schemas_parser.add_argument("--check", action="store_true", help="only report schemas that are stale")
    export_parser = commands.add_parser("export", help="write JSON, CSV, Atom, iCalendar and TimelineJS exports")
    export_parser.add_argument("--out", type=Path, default=Path("exports"), help="folder to write (default: exports)")
    export_parser.add_argument(
        "--site-url", default=None, help="the site's address, for links in the exports (default: mkdocs.yml's)"
    )
    init_parser = commands.add_parser("init", help="replace the example story with a minimal one of your own")
    init_parser.add_argument("--title", help="the story's name, also the site's title")
    init_parser.add_argument("--description", help="one sentence saying what the timeline follows")
    init_parser.add_argument("--force", action="store_true", help="discard uncommitted changes in timeline/ and seeds/")
    init_parser.add_argument(
        "--language",
        default="en",
        help="the story's and the site's language, a tag with a catalog (en, de, zh, ar; default: en)",
    )
    init_parser.add_argument(
        "--site-url",
        help="the address the site will be published at, such as https://newsroom.github.io/tunnel/ "
        "(asked in a terminal; until it is given, a placeholder that `timeline check` warns about)",
    )
    source_parser = commands.add_parser("source", help="archive a source, or record an archive re-taken on purpose")
    source_commands = source_parser.add_subparsers(dest="source_command", required=True)
    sources.add_arguments(
        source_commands.add_parser(
            "add",
            help="fetch a page (or read a saved one), archive its article under seeds/ and describe it in "
            "timeline/sources.yml",
        )
    )
    rehash_parser = source_commands.add_parser("rehash", help="record the checksum of an archive re-taken on purpose")
    rehash_parser.add_argument("id", help="the source's id")
    quote_parser = commands.add_parser("quote", help="find a source's passages by a few of their words")
    quote_parser.add_argument("source", help="the source's id")
    quote_parser.add_argument("words", nargs="+", help="words the passage holds, in any order")
    quote_parser.add_argument("--count", type=int, default=3, help="how many passages to show (3)")
    pages_parser = commands.add_parser(
        "pages", help="write the complete input of a build (pages, exports, archives, docs/, a config) to a folder"
    )
    pages_parser.add_argument("--out", type=Path, required=True, help="the folder to write")
    pages_parser.add_argument(
        "--builder", choices=BUILDERS, default="mkdocs", help="what will build it (default: mkdocs)"
    )
    pages_parser.add_argument(
        "--watch", action="store_true", help="write again on every change to timeline/, seeds/ or docs/"
    )
    harden_parser = commands.add_parser(
        "harden", help="add the Content-Security-Policy and safe external links to a built site's pages"
    )
    harden_parser.add_argument("site", type=Path, help="the built site's folder")
    harden_parser.add_argument(
        "--site-url", default="", help="the site's address; links under it are not external (default: mkdocs.yml's)"
    )
    withdraw_parser = commands.add_parser(
        "withdraw", help="take a published event down: delete its file and say why at its old link"
    )
    withdraw_parser.add_argument("id", help="the event's id (its file name under timeline/events/, without .yml)")
    withdraw_parser.add_argument("--reason", required=True, help="why, in a sentence readers see at its old link")
    issue_parser = commands.add_parser(
        "from-issue", help="make an issue form's answers (as GitHub writes them) into a checked change"
    )
    issue_parser.add_argument("file", type=Path, help="the issue's body, saved as a file")
    corrections_parser = commands.add_parser(
        "corrections", help="fail when a commit changes a published event without a Correction: reason"
    )
    corrections_parser.add_argument("--since", required=True, help="the commit or branch the changes start after")
    corrections_parser.add_argument("--format", choices=("text", "github"), default="text")
    args = parser.parse_args(argv)
    nothing_collected_at_exit()  # a command that loads 10,000 events ends its process soon after
    if args.command == "from-issue":
        return from_issue(args.root, args.file)
    if args.command == "corrections":
        return corrections(args.root, args.since, args.format)
    if args.command == "withdraw":
        return withdraw(args.root, args.id, args.reason)
    if args.command == "pages":
        return pages(args.root, args.out, args.builder, args.watch)
    if args.command == "harden":
        return harden(args.root, args.site, args.site_url)
    if args.command == "source":
        if args.source_command == "add":
            return sources.add_source(args.root, args)
        return sources.rehash(args.root, args.id)
    if args.command == "quote":
        return sources.quote(args.root, args.source, args.words, args.count)
    if args.command == "init":
        interactive = sys.stdin.isatty() and sys.stdout.isatty()
        return init(args.root, args.title, args.description, args.force, interactive, args.language, args.site_url)
    if args.command == "export":
        return export(args.root, args.out, args.site_url)
    if args.command == "new":
        return new(args.root, args, interactive=sys.stdin.isatty() and sys.stdout.isatty())
    if args.command == "schemas":
        return schemas(args.root, args.check)
    if args.command == "check":
        return check(args.root, args.format)
    if args.command == "coverage":
        return coverage(args.root, args.fail_under)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
