"""The `timeline` command for contributors: check the data, scaffold an entry."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
    citations = sum(len(e.citations) for e in timeline.events) + sum(len(t.citations) for t in timeline.terms)
    print(f"ok: {counts}; {citations} quotes verified against their archived sources", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="timeline", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="the project folder that holds timeline/ and seeds/ (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate all data and print every problem")
    check_parser.add_argument("--format", choices=("text", "github"), default="text",
                              help="text: path:line:column: error: message; github: Actions annotations")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.root, args.format)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
