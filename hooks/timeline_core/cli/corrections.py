"""`timeline corrections --since BASE`: the check a pull request's commits must pass before they
change what readers already read.

A published event's title, date, status or citations change only with a `Correction:` trailer on
the commit that changes them: the Changes page shows each such change with that reason. CI runs
this over the commits a pull request adds (`--since` its base), and fails with the commit, the
event and the fix.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..data.changes import unexplained_corrections
from ..data.load import load_timeline


def corrections(root: Path, base: str, output_format: str = "text") -> int:
    """0 when every change since `base` to a published event says why; 1 otherwise; 2 for an unknown base."""
    timeline = load_timeline(root).timeline
    redirects = {redirect.old: redirect.new for redirect in timeline.redirects}
    problems = unexplained_corrections(root, base, redirects, timeline.published)
    if problems is None:
        print(
            f"error: --since: '{base}' is not a commit of this repository (fetch it, or give a branch or commit)",
            file=sys.stderr,
        )
        return 2
    for problem in problems:
        print(problem.format(output_format))
    if problems:
        print(
            f"{len(problems)} change{'s' if len(problems) != 1 else ''} to published events without a reason",
            file=sys.stderr,
        )
        return 1
    print(f"ok: every change since {base} to a published event says why", file=sys.stderr)
    return 0
