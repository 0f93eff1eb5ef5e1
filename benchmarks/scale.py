"""Scale benchmark: synthetic timelines of 100, 1,000 and 10,000 events, built for real.

Prints a table of `timeline check` time, full `mkdocs build` time, peak memory, output size,
the largest HTML page, and the build time of a baseline (the same pages as plain Markdown,
built by MkDocs with the hooks off, in the same run), then one JSON line of the figures. Every
build runs with its imports and templates compiled (a warm-up build first, whose `.cache/` of
compiled templates each project gets; PYTHONDONTWRITEBYTECODE unset), as a contributor's builds
do after their first.

    uv run python benchmarks/scale.py                 # 100, 1000 and 10000 events
    uv run python benchmarks/scale.py --sizes 1000    # what CI runs
    uv run python benchmarks/scale.py --sizes 10000 --rounds 3   # each the best of three, in turns
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.synthetic import make_project  # noqa: E402

# The repository's mkdocs.yml takes its address from SITE_URL, as its deploy does; a benchmark's
# copy has no deploy workflow, so it is given one (a placeholder would fail `timeline check`).
# Builds keep their compiled imports, as on a contributor's machine: one that sets
# PYTHONDONTWRITEBYTECODE (some CI images do) would compile MkDocs, Material and our code again at
# every build and time that, a second more for ours than for the baseline's fewer imports.
ENV = {
    **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
    "SITE_URL": os.environ.get("SITE_URL", "https://timeline.benchmark.test/"),
}
BIN = Path(sys.executable).parent


def timed(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    """Run a command; return its wall seconds and result."""
    start = time.perf_counter()
    run = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    return time.perf_counter() - start, run


def measure_peak(command: list[str], cwd: Path) -> tuple[float, int, subprocess.CompletedProcess]:
    """Time a command in a wrapper process of its own, so ru_maxrss is this command's peak alone."""
    wrapper = [
        sys.executable,
        "-c",
        (
            "import resource, subprocess, sys, time\n"
            "start = time.perf_counter()\n"
            "run = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
            "seconds = time.perf_counter() - start\n"
            "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024\n"
            "sys.stderr.write(run.stderr)\n"
            "print(f'{seconds} {peak} {run.returncode}')\n"
        ),
        *command,
    ]
    run = subprocess.run(wrapper, cwd=cwd, env=ENV, capture_output=True, text=True)
    seconds, peak, code = run.stdout.split()[-3:]
    return float(seconds), int(peak), subprocess.CompletedProcess(command, int(code), run.stdout, run.stderr)


def folder_size(folder: Path) -> tuple[int, int, str]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    pages = sorted((p.stat().st_size, str(p.relative_to(folder))) for p in files if p.suffix == ".html")
    largest = pages[-1] if pages else (0, "")
    return sum(p.stat().st_size for p in files), largest[0], largest[1]


def baseline(project: Path, work: Path) -> Path:
    """The same pages, written out as Markdown, in a project with the hooks off."""
    from timeline_core.data.load import load_timeline
    from timeline_core.pages.render import render_pages
    from timeline_core.pages.urls import Site

    plain = work / "baseline"
    shutil.copytree(project, plain, ignore=shutil.ignore_patterns("site", "hooks"))
    for src, text in render_pages(load_timeline(project), Site(True, "https://example.org/")).items():
        target = plain / "docs" / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config = (plain / "mkdocs.yml").read_text()
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    config = config.replace("watch:\n  - timeline\n  - seeds\n  - hooks\n", "")
    (plain / "mkdocs.yml").write_text(config + "\nnot_in_nav: |\n  /timeline/\n  /entities/\n  /sources/\n")
    return plain


def baseline_seconds(plain: Path) -> float:
    seconds, run = timed([str(BIN / "mkdocs"), "build", "--quiet"], plain)
    if run.returncode:
        raise SystemExit(f"baseline build failed:\n{run.stderr[-2000:]}")
    return seconds


def time_edit(event: Path, url: str, marker: str, who: str, log: Path) -> float:
    """Retitle an event and time until `url` shows the new title (the server is already up)."""
    time.sleep(1)  # a watcher's first snapshot is taken
    event.write_text(re.sub(r"^title: .*$", f"title: {marker}", event.read_text(), flags=re.M))
    start = time.monotonic()
    while time.monotonic() - start < 120:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if marker in response.read().decode("utf-8"):
                    return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"{who} never showed the edit to {event.name} at {url}:\n{log.read_text()[-2000:]}")


def start_server(command: str, cwd: Path, log: Path) -> tuple[subprocess.Popen, int]:
    """`<command> serve` on a free local port, its output in `log`."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [str(BIN / command), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=cwd,
        env=ENV,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    return server, port


def middle_event(project: Path) -> Path:
    events = sorted((project / "timeline/events").glob("*.yml"))
    return events[len(events) // 2]


def serve_edit_seconds(project: Path) -> float:
    """Start `mkdocs serve`, edit one event, and time until its page shows the change."""
    log = project / "serve.log"
    server, _ = start_server("mkdocs", project, log)
    try:
        deadline = time.monotonic() + 120
        base = ""
        while not base and time.monotonic() < deadline:
            match = re.search(r"Serving on (\S+)", log.read_text())
            base = match.group(1) if match else ""
            time.sleep(0.2)
        event = middle_event(project)
        try:  # where the event is when the timeline is split into periods; else on the one page
            with urllib.request.urlopen(base + "timeline/event-pages.json", timeout=30) as response:
                url = base + "timeline/" + json.load(response)[event.stem].split("#")[0]
        except urllib.error.HTTPError:
            url = base + "timeline/"
        return time_edit(event, url, "Edited for the benchmark", "mkdocs serve", log)
    finally:
        server.terminate()
        server.wait(timeout=30)


def other_builders(project: Path, work: Path, build_s: float, serve: bool) -> dict:
    """ProperDocs (hooks and all) and Zensical (from `timeline pages`), each beside MkDocs' time."""
    figures: dict = {}
    if shutil.which("properdocs", path=str(BIN)):
        seconds, run = timed(
            [str(BIN / "properdocs"), "build", "--strict", "--quiet", "--site-dir", str(work / "pd")], project
        )
        if run.returncode:
            raise SystemExit(f"properdocs build failed:\n{run.stderr[-2000:]}")
        figures["properdocs_s"] = round(seconds, 2)
        figures["properdocs_over_mkdocs"] = round(seconds / build_s, 3)
    if shutil.which("zensical", path=str(BIN)):
        out = work / "zensical"
        pages_s, run = timed([str(BIN / "timeline"), "pages", "--out", str(out), "--builder", "zensical"], project)
        if run.returncode:
            raise SystemExit(f"timeline pages failed:\n{run.stderr[-2000:]}")
        seconds, run = timed([str(BIN / "zensical"), "build"], out)
        if run.returncode:
            raise SystemExit(f"zensical build failed:\n{run.stdout[-2000:]}{run.stderr[-2000:]}")
        figures["zensical_s"] = round(pages_s + seconds, 2)
        figures["zensical_over_mkdocs"] = round((pages_s + seconds) / build_s, 3)
        if serve:
            figures["zensical_serve_edit_s"] = round(zensical_edit_seconds(project, out), 2)
    return figures


def zensical_edit_seconds(project: Path, out: Path) -> float:
    """`timeline pages --watch` beside `zensical serve`: edit one event, time until its page shows it."""
    log = project / "zensical-serve.log"
    watcher = subprocess.Popen(
        [str(BIN / "timeline"), "pages", "--out", str(out), "--builder", "zensical", "--watch"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server, port = start_server("zensical", out, log)
    try:
        base = f"http://127.0.0.1:{port}/{urllib.parse.urlsplit(yaml_site_url(out)).path.lstrip('/')}"
        event = middle_event(project)
        pages = (
            json.loads((out / "docs/timeline/event-pages.json").read_text())
            if (out / "docs/timeline/event-pages.json").exists()
            else {event.stem: ""}
        )
        url = base + "timeline/" + pages[event.stem].split("#")[0]
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # the first build
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        # not the `mkdocs serve` timing's marker, which may have been written first
        return time_edit(event, url, "Edited for the Zensical benchmark", "zensical serve", log)
    finally:
        for process in (server, watcher):
            process.terminate()
            process.wait(timeout=30)


def yaml_site_url(out: Path) -> str:
    match = re.search(r"^site_url: (\S+)", (out / "mkdocs.yml").read_text(), re.M)
    return match.group(1) if match else "/"


# Where a build's time goes: (label, file the function is in, function name), cumulative times.
PHASES = (
    ("load timeline/", "timeline_core/data/load.py", "load_timeline"),
    ("render pages (and their search entries)", "timeline_core/pages/render.py", "render_site"),
    ("exports", "timeline_core/exports/__init__.py", "export_files"),
    ("MkDocs: Markdown of each page", "mkdocs/commands/build.py", "_populate_page"),
    ("MkDocs: theme, search and writing each page", "mkdocs/commands/build.py", "_build_page"),
    (
        "  of which: search, parsing what is not from the model",
        "material/plugins/search/plugin.py",
        "on_page_context",
    ),
    ("search index, writing it", "material/plugins/search/plugin.py", "on_post_build"),
)


def build_profile(project: Path, work: Path) -> dict:
    """Profile one `mkdocs build` (cProfile inflates every figure about 2-3×; compare the shares)."""
    profile = work / "build.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "mkdocs", "build", "--quiet"]
    _, run = timed(command, project)
    if run.returncode:
        raise SystemExit(f"profiled build failed:\n{run.stderr[-2000:]}")
    stats = pstats.Stats(str(profile)).stats  # type: ignore[attr-defined]
    total = max(entry[3] for entry in stats.values())
    shares = {}
    for label, file, name in PHASES:
        seconds = sum(
            entry[3]
            for (path, _, function), entry in stats.items()
            if function == name and path.replace(os.sep, "/").endswith(file)
        )
        shares[label] = round(seconds / total, 3) if total else 0.0
    return {"profiled_build_s": round(total, 2), "build_shares": shares}


def run(
    size: int,
    work: Path,
    serve: bool,
    builders: bool = False,
    profile: bool = False,
    cache: Path | None = None,
    rounds: int = 1,
) -> dict:
    project = make_project(work / "project", size)
    if cache is not None and cache.is_dir():  # the compiled templates a contributor's second build finds
        shutil.copytree(cache, project / ".cache")
    # the project's copy of the hooks compiled once, as a contributor's second build finds them: a
    # fresh folder's first build would otherwise time compiling ninety modules the baseline lacks
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(project / "hooks")], env=ENV, check=True)
    check_s, check_mb, check = measure_peak([str(BIN / "timeline"), "check"], project)
    if check.returncode:
        raise SystemExit(f"timeline check failed:\n{check.stderr[-2000:]}")
    plain = baseline(project, work)
    builds, bases, peaks = [], [], [check_mb]
    for _ in range(rounds):  # in turns, so that a slow minute of the machine falls on both
        build_s, build_mb, build = measure_peak([str(BIN / "mkdocs"), "build", "--strict", "--quiet"], project)
        if build.returncode:
            raise SystemExit(f"mkdocs build failed:\n{build.stderr[-2000:]}")
        builds.append(build_s)
        peaks.append(build_mb)
        bases.append(baseline_seconds(plain))
    build_s, base_s = min(builds), min(bases)
    output, largest, largest_name = folder_size(project / "site")
    figures = {
        "events": size,
        "check_s": round(check_s, 2),
        "build_s": round(build_s, 2),
        "baseline_s": round(base_s, 2),
        "build_over_baseline": round(build_s / base_s, 3),
        "rounds": rounds,
        "peak_mb": max(peaks),
        "output_mb": round(output / 1e6, 1),
        "largest_page_kb": round(largest / 1024, 1),
        "largest_page": largest_name,
        "build_ms_per_event": round(build_s * 1000 / size, 2),
    }
    if serve:
        figures["serve_edit_s"] = round(serve_edit_seconds(project), 2)
    if builders:
        figures.update(other_builders(project, work, build_s, serve))
    if profile:
        figures.update(build_profile(project, work))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument(
        "--rounds", type=int, default=1, help="build and baseline in turns this many times; the best of each is shown"
    )
    parser.add_argument(
        "--serve", action="store_true", help="also time `mkdocs serve` showing an edited event, at every size"
    )
    parser.add_argument(
        "--profile", action="store_true", help="also print where a build's time goes (load, render, exports, search)"
    )
    parser.add_argument(
        "--builders",
        action="store_true",
        help="also time ProperDocs and Zensical (`uv sync --group builders`), and with --serve Zensical's edit loop",
    )
    args = parser.parse_args()
    results = []
    print(
        f"{'events':>7} {'check s':>8} {'build s':>8} {'baseline s':>10} {'ratio':>6} {'peak MB':>8} "
        f"{'output MB':>9} {'largest kB':>10} {'ms/event':>8}",
        flush=True,
    )
    warm_folder = tempfile.TemporaryDirectory()  # MkDocs, Material, ours and the templates compiled before any timing
    warm = make_project(Path(warm_folder.name) / "project", 10)
    subprocess.run([str(BIN / "mkdocs"), "build", "--quiet"], cwd=warm, env=ENV, capture_output=True)
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            figures = run(
                size,
                Path(folder),
                serve=args.serve,
                builders=args.builders,
                profile=args.profile,
                cache=warm / ".cache",
                rounds=args.rounds,
            )
        results.append(figures)
        print(
            f"{size:>7} {figures['check_s']:>8} {figures['build_s']:>8} {figures['baseline_s']:>10} "
            f"{figures['build_over_baseline']:>6} {figures['peak_mb']:>8} {figures['output_mb']:>9} "
            f"{figures['largest_page_kb']:>10} {figures['build_ms_per_event']:>8}"
            + (f"  serve edit {figures['serve_edit_s']} s" if "serve_edit_s" in figures else "")
            + "".join(
                f"  {name} {figures[key]} s ({figures[ratio]}× MkDocs)"
                for name, key, ratio in (
                    ("properdocs", "properdocs_s", "properdocs_over_mkdocs"),
                    ("zensical", "zensical_s", "zensical_over_mkdocs"),
                )
                if key in figures
            )
            + (f"  zensical edit {figures['zensical_serve_edit_s']} s" if "zensical_serve_edit_s" in figures else ""),
            flush=True,
        )
        if "build_shares" in figures:
            print(f"{'':>7} where a profiled build's {figures['profiled_build_s']} s go:", flush=True)
            for label, share in figures["build_shares"].items():
                print(f"{'':>9} {share:>6.1%}  {label}", flush=True)
    by_size = {r["events"]: r for r in results}
    summary = {"results": results}
    if 1000 in by_size and 10000 in by_size:
        summary["per_event_growth_1k_to_10k"] = round(
            by_size[10000]["build_ms_per_event"] / by_size[1000]["build_ms_per_event"], 3
        )
    print(json.dumps(summary, sort_keys=True))


if __name__ == "__main__":
    main()
