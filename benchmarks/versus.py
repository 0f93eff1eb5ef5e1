"""Side by side: the same synthetic timeline built by this tree and by an earlier commit, in turns.

    uv run python benchmarks/versus.py REVISION [--events 10000] [--rounds 5]

The earlier commit is checked out in a temporary git worktree with its own environment (from its
own uv.lock, so its dependencies are its own), and both build one copy of the same data with a
plain `mkdocs build`, one after the other, round after round, so that a slow minute of the machine
falls on both. Prints each build's seconds and the ratio of the best times.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.synthetic import make_project  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
GENERATOR = ("mkdocs.yml", "docs", "hooks")  # what differs between the two: the data is one copy
# Compiled imports kept, as on a contributor's machine (see scale.py): both trees alike.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "NO_MKDOCS_2_WARNING": "1"}


def checkout(revision: str, folder: Path) -> Path:
    """The revision in a worktree, with its own environment; returns its mkdocs."""
    subprocess.run(["git", "worktree", "add", "--detach", "-q", str(folder), revision], cwd=REPO, check=True)
    subprocess.run(
        ["uv", "sync", "--locked", "-q"],
        cwd=folder,
        check=True,
        env={**ENV, "UV_PROJECT_ENVIRONMENT": str(folder / ".venv")},
    )
    return folder / ".venv/bin/mkdocs"


def with_generator(data: Path, tree: Path, root: Path) -> Path:
    """A copy of the data with one tree's generator."""
    shutil.copytree(data, root)
    for part in GENERATOR:
        target = root / part
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)
        (shutil.copytree if (tree / part).is_dir() else shutil.copy2)(tree / part, target)
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", help="the commit to compare with (a hash, a tag, HEAD~3)")
    parser.add_argument("--events", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="timeline-versus-") as tmp:
        work = Path(tmp)
        try:
            builders = {
                args.revision: checkout(args.revision, work / "earlier"),
                "this tree": REPO / ".venv/bin/mkdocs",
            }
            data = make_project(work / "data", args.events)
            roots = {
                args.revision: with_generator(data, work / "earlier", work / "build-earlier"),
                "this tree": with_generator(data, REPO, work / "build-this"),
            }
            times: dict[str, list[float]] = {name: [] for name in builders}
            for _ in range(args.rounds):
                for name, mkdocs in builders.items():
                    start = time.perf_counter()
                    run = subprocess.run([str(mkdocs), "build", "-q"], cwd=roots[name], env=ENV, capture_output=True)
                    times[name].append(time.perf_counter() - start)
                    if run.returncode != 0:
                        sys.exit(f"{name}: the build failed:\n{run.stderr.decode()[-2000:]}")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(work / "earlier")], cwd=REPO, check=False)
    print(f"{args.events:,} events, {args.rounds} rounds, seconds per build:")
    for name, figures in times.items():
        print(f"  {name:<12} {'  '.join(f'{t:6.2f}' for t in figures)}   best {min(figures):.2f}")
    ratio = min(times["this tree"]) / min(times[args.revision])
    print(f"this tree / {args.revision} (best): {ratio:.3f}")


if __name__ == "__main__":
    main()
