"""The `timeline` command for contributors: check the data and see how much of each source it uses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .coverage import citations_of, source_coverage
from .load import load_timeline
from .problems import Problem


def _github(problem: Problem) -> str:
    # GitHub Actions annotations; '%', CR and LF must be escaped in the message
    message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::error file={problem.path},line={problem.line},col={problem.column}::{message}"


def check(root: Path, output_format: str) -> int:
    """Validate everything under timeline/; print every problem; 0 when clean, 1 otherwise."""
    result = load_timeline(root)
    for problem in result.problems:
        print(_github(problem) if output_format == "github" else problem.format())
    timeline = result.timeline
    counts = (f"{len(timeline.events)} events, {len(timeline.sources)} sources, "
              f"{len(timeline.entities)} entities, {len(timeline.terms)} glossary terms")
    if result.problems:
        count = len(result.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found ({counts} valid)", file=sys.stderr)
        return 1
    citations = sum(1 for _ in citations_of(timeline))
    print(f"ok: {counts}; {citations} quotes verified against their archived sources", file=sys.stderr)
    return 0


def coverage(root: Path, fail_under: float) -> int:
    """Print every sentence of every archived source with what cites it, and the share covered."""
    result = load_timeline(root)
    for problem in result.problems:
        print(problem.format(), file=sys.stderr)
    status = 1 if result.problems else 0
    for report in source_coverage(result.timeline):
        print(f"{report.source_id} ({report.path})")
        for number, sentence in enumerate(report.sentences, 1):
            mark = "ok " if sentence.covered else "-- "
            print(f"  {mark}{number:3d}. {sentence.text}")
            if sentence.cited_by:
                print(f"        cited by ({sentence.share:.0%} quoted): {', '.join(sentence.cited_by)}")
            if sentence.uncited_reason:
                print(f"        uncited on purpose: {sentence.uncited_reason}")
            if not sentence.covered and not sentence.cited_by:
                print("        not cited: cite it, or list it under the source's 'uncited' with a reason")
        for text in report.unmatched_uncited:
            print(f"  !! listed as uncited but not a whole sentence of the source: {text}")
            status = 1
        covered = sum(s.covered for s in report.sentences)
        print(f"  coverage: {covered}/{len(report.sentences)} sentences ({report.share:.1%})")
        if report.share * 100 < fail_under:
            print(f"  below the required {fail_under:g}%", file=sys.stderr)
            status = 1
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="timeline", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="the project folder that holds timeline/ and seeds/ (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate all data and print every problem")
    check_parser.add_argument("--format", choices=("text", "github"), default="text",
                              help="text: path:line:column: error: message; github: Actions annotations")
    coverage_parser = commands.add_parser("coverage", help="show which sentences of each source are cited")
    coverage_parser.add_argument("--fail-under", type=float, default=0, metavar="PERCENT",
                                 help="exit 1 if any source's coverage is below this percentage")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.root, args.format)
    if args.command == "coverage":
        return coverage(args.root, args.fail_under)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
