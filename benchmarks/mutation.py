"""Mutation testing of the modules that carry the site's promise: does the suite fail when they break?

    uv run --group mutation python benchmarks/mutation.py            # every module below
    uv run --group mutation python benchmarks/mutation.py quotes dates # some of them
    uv run --group mutation python benchmarks/mutation.py --show      # and each survivor's diff

mutmut (https://mutmut.readthedocs.io) changes one thing at a time in a module (a `<` into `<=`, a
string, a number, a dropped call) and runs the tests that reach the changed function; a mutant the
tests do not fail on "survived". The script prints, per module, how many mutants were killed and
lists the survivors; a survivor is either a gap in the tests or a change that does not change
behaviour, which EQUIVALENT below names with the reason. Slow (minutes to an hour on two cores),
so it is not part of CI.

mutmut finds a package by its file path (`src/<package>/…`) and the tests run in-process, so the
script works on a copy of the repository laid out that way, under --work (the checkout is never
touched). Only the in-process tests count: a build that runs in a subprocess imports the unmutated
code.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = "timeline_core"

# What carries the promise, and the tests (fast, in-process) that hold each.
MODULES: dict[str, tuple[str, tuple[str, ...]]] = {
    "quotes": ("model/quotes.py", ("tests/test_quotes.py",)),
    "dates": ("model/dates.py", ("tests/test_dates.py",)),
    "reader": ("words/reader.py", ("tests/test_dates.py",)),
    "calendar": ("words/dates.py", ("tests/test_dates.py",)),
    "text": ("model/text.py", ("tests/test_text.py", "tests/test_coverage.py", "tests/test_languages.py")),
    "coverage": ("model/coverage.py", ("tests/test_coverage.py",)),
    "wording": ("model/wording.py", ("tests/test_wording.py",)),
    "specifics": ("model/specifics.py", ("tests/test_specifics.py",)),
    "markup": ("data/markup.py", ("tests/test_markup.py",)),
    "hardening": ("pages/hardening.py", ("tests/test_hardening.py",)),
    "memo": ("memo.py", ("tests/test_memo.py",)),
    "served": ("served.py", ("tests/test_memo.py",)),
    "permalinks": ("data/permalinks.py", ("tests/test_permalinks.py",)),
    "embeds": ("pages/embeds.py", ("tests/test_embed_snippet.py",)),
    "metadata": ("archiving/metadata.py", ("tests/test_archiving.py",)),
    "boilerplate": ("archiving/boilerplate.py", ("tests/test_archiving.py",)),
    "standfirst": ("archiving/standfirst.py", ("tests/test_archiving.py",)),
    "chunks": ("archiving/chunks.py", ("tests/test_archiving.py",)),
    "watching": ("watching.py", ("tests/test_serve.py",)),
    "twocores": ("twocores.py", ("tests/test_twocores.py",)),
}

# Survivors that behave exactly as the original does, by mutant name, with the reason.
_INDEX_ONLY = (
    "the word-start index only spares a large source a scan: this change makes it find nothing or "
    "stop early, and `contains` then scans, with the same answer"
)
_AT_START = "`startswith(needle)` at the text's start is true only where `needle in text` is true anyway"
_NONE_IS_LENGTH = "find_longest_match reads None as the sequence's length"
_UNREACHABLE = "the message of an assertion that parse_edtf guarantees: it is never shown"
_CAST = "typing.cast does nothing at run time"
_BUILD_DATE = (
    "SOURCE_DATE_EPOCH changes no page's HTML with this theme (only the sitemap's dates, which are not kept); "
    "it is in the key so that a theme that shows the build date is not served stale"
)
_RENDERER = (
    "the Markdown renderer is made once per process (`_renderer` is cached), before mutmut forks its test "
    "runs, so this line never runs under a mutant; the tests of every fault it reports hold what it does"
)
_HREF = "Python-Markdown writes every link with an href, so the default for a missing one is never used"
_ABSENT = "the default for an attribute a tag lacks: any value that is not the one compared with reads as absent too"
_GROUPS = "every date pattern has as many groups as its order has letters, so zip's strictness never shows"
_NO_MONTH = "an unknown month name fails int() whether it reads as '', 'None' or 'XXXX', and the date is passed over"
_NUMBERED_MONTH = "the month's name is read only when the pattern has none in digits, and then it is always there"
_NOTHING_BEFORE = (
    "no description can be found before the page's first character, so a first paragraph there leaves "
    "the text as it is either way"
)
_NO_HOLDER = "a text whose last paragraph is in no element returns before the class is read"
_STAMP_TEXT = "only the stamp's changes are read, never what it holds"
_FILTERED_TWICE = (
    "the handler itself passes over every event that is not a content change, so the observer's "
    "filter (which spares it the calls) and the handler's own test each hold alone"
)
_LINUX = "on Linux the observer is always inotify's: the check is for systems that would poll"
_SHOWN_AS_GIVEN = (
    "a name the page shows as given is one of the spellings the search finds, so going on finds it alone "
    "(the name returned) or with another (none returned, the name kept): the same name either way"
)
_ONE_SPACE = "the words of a shown text are one space apart, so splitting on a space or on white space is the same"
_FIRST_WORD = "the first word of a split is the same whether the rest is split once, twice or at every space"
_THE_TEST_LEAVES = (
    "the test process itself takes the child's part and leaves with os._exit(0) mid-test, which the harness "
    "reads as a pass; the real fork's parent never does"
)
_ANY_PROTOCOL = "every pickle protocol gives back the same results"
_EXIT_STATUS = "the child's exit status is never read: what it made, or did not, is read from the pipe"
_SAME_LENGTHS = "both sides of the zip come from the same index lists, so their lengths are always equal"
_NEVER_PID = "a forked child's pid is never 0 or 1 in the parent"
_UNBUFFERED = "one byte read at a time comes as soon as it is written, buffered or not"
_FALSY = "the child stops on any false result: False and None alike"
_SLOWER = "only slower: what the child sends is read here when it comes, never lost, never made twice (tested)"
_WIDER_PIPE = "the pipe's size only spares the child waits while this process makes its own runs"
_CHILD_ONLY = (
    "runs only in the forked child, which mutmut's coverage does not see; the test that each item is made once "
    "fails when the child sends nothing"
)
_MADE_AGAIN = "the folder is made only after writing failed for its absence, so it is never there already"
EQUIVALENT: dict[str, str] = {
    "timeline_core.archiving.chunks.x__later_chunks__mutmut_15": _ABSENT,
    "timeline_core.archiving.chunks.x_with_later_chunks__mutmut_34": _ABSENT,
    "timeline_core.archiving.chunks.x_with_later_chunks__mutmut_36": _NO_HOLDER,
    # watching.py: each entry checked against `mutmut show` (numbers change when the module does)
    "timeline_core.watching.x_watch_by_events__mutmut_22": _STAMP_TEXT,  # b"XX0XX" first
    **{f"timeline_core.watching.x_watch_by_events__mutmut_{n}": _FILTERED_TWICE for n in (26, 30)},
    "timeline_core.watching.x_watch_by_events__mutmut_6": _LINUX,
    "timeline_core.watching.xǁ_Stamperǁ__init____mutmut_4": _STAMP_TEXT,  # counting from 1
    "timeline_core.watching.xǁ_Stamperǁon_any_event__mutmut_1": _FILTERED_TWICE,
    "timeline_core.watching.xǁ_Stamperǁon_any_event__mutmut_7": _STAMP_TEXT,  # counting by 2
    **{f"timeline_core.watching.xǁ_Stamperǁon_any_event__mutmut_{n}": _MADE_AGAIN for n in (14, 16, 18)},
    **{f"timeline_core.watching.xǁ_Stamperǁon_any_event__mutmut_{n}": _MADE_AGAIN for n in (16, 18, 20)},
    "timeline_core.archiving.standfirst.x_with_standfirst__mutmut_19": _NOTHING_BEFORE,
    "timeline_core.archiving.standfirst.x_with_standfirst__mutmut_20": _NOTHING_BEFORE,
    "timeline_core.archiving.metadata.x__stated_dates__mutmut_11": _ABSENT,
    "timeline_core.archiving.metadata.x__stated_dates__mutmut_25": _ABSENT,
    "timeline_core.archiving.metadata.x__stated_dates__mutmut_27": _ABSENT,
    "timeline_core.archiving.metadata.x__stated_dates__mutmut_30": _ABSENT,
    "timeline_core.archiving.metadata.x__stated_dates__mutmut_67": _ABSENT,
    "timeline_core.archiving.metadata.x_other_dates__mutmut_27": _ABSENT,
    "timeline_core.archiving.metadata.x_other_dates__mutmut_48": _ABSENT,
    "timeline_core.archiving.metadata.x_other_dates__mutmut_50": _ABSENT,
    "timeline_core.archiving.metadata.x_other_dates__mutmut_53": _ABSENT,
    "timeline_core.archiving.metadata.x_date_in_text__mutmut_7": _GROUPS,
    "timeline_core.archiving.metadata.x_date_in_text__mutmut_10": _GROUPS,
    "timeline_core.archiving.metadata.x_date_in_text__mutmut_11": _GROUPS,
    "timeline_core.archiving.metadata.x_date_in_text__mutmut_19": _NO_MONTH,
    "timeline_core.archiving.metadata.x_date_in_text__mutmut_21": _NO_MONTH,
    "timeline_core.archiving.metadata.x_date_in_text__mutmut_29": _NO_MONTH,
    "timeline_core.archiving.metadata.x_date_in_text__mutmut_23": _NUMBERED_MONTH,
    "timeline_core.archiving.metadata.x_date_in_text__mutmut_25": _NUMBERED_MONTH,
    "timeline_core.archiving.metadata.x_date_in_text__mutmut_28": _NUMBERED_MONTH,
    "timeline_core.pages.embeds.x_oembed_json__mutmut_27": "ensure_ascii=None is false, as ensure_ascii=False is",
    "timeline_core.pages.embeds.x_snippet__mutmut_3": (
        "an embed's url is the site's own address made absolute, so its origin is the base url's; with no "
        "base url the embed's url is relative and both give no origin"
    ),
    "timeline_core.twocores.x_made_beside__mutmut_3": _THE_TEST_LEAVES,
    "timeline_core.twocores.x_made_in_turn_beside__mutmut_3": _THE_TEST_LEAVES,
    "timeline_core.twocores.x_made_beside__mutmut_8": _ANY_PROTOCOL,
    "timeline_core.twocores.x_made_beside__mutmut_10": _ANY_PROTOCOL,
    "timeline_core.twocores.x_made_beside__mutmut_21": _EXIT_STATUS,
    "timeline_core.twocores.x_made_in_turn_beside__mutmut_18": _FALSY,
    "timeline_core.twocores.x_made_in_turn_beside__mutmut_24": "os._exit(None) exits with status 0, as os._exit(0)",
    "timeline_core.twocores.x_made_beside__mutmut_6": "raising a process's niceness does not fail on Linux",
    "timeline_core.twocores.x_made_beside__mutmut_17": _ANY_PROTOCOL,
    "timeline_core.twocores.x_made_beside__mutmut_20": _ANY_PROTOCOL,
    "timeline_core.twocores.x_made_beside__mutmut_22": _EXIT_STATUS,
    "timeline_core.twocores.x_made_beside__mutmut_33": "None and False are both false: nothing was sent",
    "timeline_core.twocores.x_made_in_two_processes__mutmut_22": _THE_TEST_LEAVES,
    "timeline_core.twocores.x_made_in_two_processes__mutmut_25": _THE_TEST_LEAVES,
    "timeline_core.twocores.x_made_in_two_processes__mutmut_29": _ANY_PROTOCOL,
    "timeline_core.twocores.x_made_in_two_processes__mutmut_31": _ANY_PROTOCOL,
    "timeline_core.twocores.x_made_in_two_processes__mutmut_45": "os._exit(None) exits with status 0, as os._exit(0)",
    "timeline_core.twocores.x_made_in_two_processes__mutmut_46": _EXIT_STATUS,
    "timeline_core.twocores.x_made_in_two_processes__mutmut_52": _SLOWER,
    "timeline_core.twocores.x__received__mutmut_31": "pickle reads up to its end and leaves a byte after it unread",
    "timeline_core.twocores.x__received__mutmut_11": "an empty read and no read are both false: nothing more for now",
    "timeline_core.twocores.x__received__mutmut_15": "four bytes alone are never a whole run: a pickle follows",
    "timeline_core.twocores.x__received__mutmut_16": "four bytes alone are never a whole run: a pickle follows",
    "timeline_core.twocores.x_worth_two_processes__mutmut_8": "every machine here reports its count of cores",
    **{f"timeline_core.twocores.x__widened__mutmut_{n}": _WIDER_PIPE for n in range(1, 13)},
    **{f"timeline_core.twocores.x__write_all__mutmut_{n}": _CHILD_ONLY for n in range(1, 8)},
    "timeline_core.twocores.x_made_in_turn_beside__mutmut_25": _EXIT_STATUS,
    "timeline_core.twocores.x_made_in_turn_beside__mutmut_33": _UNBUFFERED,
    "timeline_core.twocores.x_made_in_turn_beside__mutmut_36": _UNBUFFERED,
    "timeline_core.twocores.x_made_in_turn_beside__mutmut_40": (
        "a child not yet waited for can always be signalled, even once it has ended, so no ProcessLookupError comes"
    ),
    "timeline_core.twocores.x_made_in_turn_beside__mutmut_41": _NEVER_PID,
    "timeline_core.twocores.x_made_in_turn_beside__mutmut_42": _NEVER_PID,
    "timeline_core.archiving.metadata.x__as_shown__mutmut_3": _SHOWN_AS_GIVEN,
    "timeline_core.archiving.metadata.x__as_shown__mutmut_6": _SHOWN_AS_GIVEN,
    "timeline_core.archiving.metadata.x__as_shown__mutmut_29": _ONE_SPACE,
    "timeline_core.archiving.metadata.x__as_shown__mutmut_32": _FIRST_WORD,
    "timeline_core.archiving.metadata.x__as_shown__mutmut_35": _FIRST_WORD,
    "timeline_core.archiving.metadata.x_headline__mutmut_1": (
        "without an article text the default is one no line of eight words can be ('' or 'XXXX'): no heading over it"
    ),
    "timeline_core.model.quotes.x_checksum__mutmut_10": "'UTF-8' and 'utf-8' name the same codec",
    "timeline_core.model.quotes.x_closest_passage__mutmut_10": "autojunk=None is false, as autojunk=False is",
    "timeline_core.model.quotes.x_closest_passage__mutmut_18": _NONE_IS_LENGTH,
    "timeline_core.model.quotes.x_closest_passage__mutmut_20": _NONE_IS_LENGTH,
    "timeline_core.model.quotes.x_closest_passage__mutmut_24": _NONE_IS_LENGTH,
    "timeline_core.model.quotes.xǁSourceTextǁ_starts_a_word__mutmut_5": _INDEX_ONLY,
    "timeline_core.model.quotes.xǁSourceTextǁ_starts_a_word__mutmut_6": _INDEX_ONLY,
    "timeline_core.model.quotes.xǁSourceTextǁ_starts_a_word__mutmut_11": _INDEX_ONLY,
    "timeline_core.model.quotes.xǁSourceTextǁ_starts_a_word__mutmut_15": _AT_START,
    "timeline_core.model.quotes.xǁSourceTextǁ_starts_a_word__mutmut_17": _AT_START,
    "timeline_core.model.quotes.xǁSourceTextǁ_starts_a_word__mutmut_18": _INDEX_ONLY,
    "timeline_core.model.quotes.xǁSourceTextǁcontains__mutmut_3": "at exactly the threshold, index and scan agree",
    "timeline_core.model.text.x_words__mutmut_3": (
        "the pattern for text holding Chinese or Japanese finds the same words in any other text, only slower"
    ),
    "timeline_core.memo.x_frozen__mutmut_17": _CAST,
    "timeline_core.memo.x_frozen__mutmut_19": _CAST,
    "timeline_core.memo.x_frozen__mutmut_20": _CAST,
    "timeline_core.memo.x_all_but_events__mutmut_6": _CAST,
    "timeline_core.memo.x_all_but_events__mutmut_3": (
        "the events' place in this key holds a constant either way (None instead of an empty tuple): "
        "the events are in the keys beside it"
    ),
    "timeline_core.served.x_site_fingerprint__mutmut_9": _BUILD_DATE,
    "timeline_core.served.x_site_fingerprint__mutmut_10": _BUILD_DATE,
    "timeline_core.data.markup.xǁ_LinkGuardǁ__init____mutmut_1": _RENDERER,
    "timeline_core.data.markup.xǁ_LinkGuardǁ__init____mutmut_2": _RENDERER,
    "timeline_core.data.markup.xǁ_LinkGuardǁrun__mutmut_16": _HREF,
    "timeline_core.data.markup.xǁ_LinkGuardǁrun__mutmut_18": _HREF,
    "timeline_core.data.markup.xǁ_LinkGuardǁrun__mutmut_21": _HREF,
    "timeline_core.data.markup.xǁ_LinkGuardǁrun__mutmut_25": _HREF,
    "timeline_core.pages.hardening.x_inline_script_hashes__mutmut_15": "searched with re.I, SRC is src",
    "timeline_core.pages.hardening.x_inline_script_hashes__mutmut_25": "'UTF-8' and 'utf-8' name the same codec",
    "timeline_core.pages.hardening.x_inline_script_hashes__mutmut_30": "'ASCII' and 'ascii' name the same codec",
}


def _copy(work: Path) -> None:
    """The repository's tracked files in `work`, with the package under src/ as mutmut expects."""
    if work.exists():
        shutil.rmtree(work)
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in tracked.decode().split("\0"):
        if name and (REPO / name).is_file():
            target = work / name.replace(f"hooks/{PACKAGE}/", f"src/{PACKAGE}/", 1)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target)


def _configure(work: Path, name: str) -> None:
    path, tests = MODULES[name]
    config = {
        "source_paths": ["src/"],
        "only_mutate": [f"src/{PACKAGE}/{path}"],
        "also_copy": ["hooks", "benchmarks", "docs", "mkdocs.yml", "schemas", "seeds", "timeline"],
        # one process, no pytest-xdist: mutmut runs the tests in its own forked children
        "pytest_add_cli_args": ["-o", "addopts=", "-p", "no:cacheprovider", "-q"],
        "pytest_add_cli_args_test_selection": list(tests),
    }
    lines = ["", "[tool.mutmut]"] + [f"{key} = {json.dumps(value)}" for key, value in config.items()]
    with (work / "pyproject.toml").open("a", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")


def _mutate(work: Path, name: str, children: int) -> dict[str, str] | None:
    """One module mutated in its own copy, with its own tests: {mutant name: status}, or None."""
    _copy(work)
    _configure(work, name)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(children)]
    run = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        print(f"{name}: mutmut failed\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}", file=sys.stderr)
        return None
    meta = work / "mutants" / "src" / PACKAGE / (MODULES[name][0] + ".meta")
    codes = json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}
    from mutmut.stats import status_by_exit_code  # mutmut's own names for its exit codes

    return {key: status_by_exit_code[code] for key, code in sorted(codes.items())}


def _show(work: Path, mutant: str) -> str:
    run = subprocess.run([sys.executable, "-m", "mutmut", "show", mutant], cwd=work, capture_output=True, text=True)
    return "\n".join("      " + line for line in run.stdout.strip().splitlines() if line[:2] in ("+ ", "- "))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help=f"some of: {', '.join(MODULES)} (default: all)")
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "timeline-mutation")
    parser.add_argument("--show", action="store_true", help="print each unexplained survivor's diff")
    parser.add_argument("--children", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    unknown = [name for name in args.modules if name not in MODULES]
    if unknown:
        parser.error(f"unknown module {', '.join(unknown)}; choose from {', '.join(MODULES)}")
    names = args.modules or list(MODULES)
    started = time.monotonic()
    results: dict[str, dict[str, str]] = {}
    for name in names:
        found = _mutate(args.work / name, name, args.children)
        if found is None:
            return 2
        results[name] = found
    minutes = (time.monotonic() - started) / 60
    print(f"mutmut on {len(names)} modules, {minutes:.1f} min on {args.children} cores\n")
    print(f"{'module':<12} {'mutants':>7} {'killed':>7} {'share':>6} {'equivalent':>10} {'unexplained':>11}")
    failing = 0
    for name in names:
        statuses = results[name]
        killed = sum(status in ("killed", "timeout") for status in statuses.values())
        survivors = [key for key, status in statuses.items() if status not in ("killed", "timeout")]
        equivalent = [key for key in survivors if key in EQUIVALENT]
        share = killed / len(statuses) if statuses else 0.0
        failing += share < 0.9 or len(equivalent) < len(survivors)
        print(
            f"{name:<12} {len(statuses):>7} {killed:>7} {share:>6.1%} {len(equivalent):>10} "
            f"{len(survivors) - len(equivalent):>11}"
        )
    for name in names:
        for key, status in results[name].items():
            if status in ("killed", "timeout"):
                continue
            reason = EQUIVALENT.get(key)
            print(f"\n  {key} ({status}): {reason or 'NOT EXPLAINED'}")
            if args.show and reason is None:
                print(_show(args.work / name, key))
    made = {key for statuses in results.values() for key in statuses}
    checked = tuple(f"{PACKAGE}.{MODULES[name][0][:-3].replace('/', '.')}." for name in names)
    for key in sorted(k for k in EQUIVALENT if k.startswith(checked) and results and k not in made):
        print(f"\n  {key}: listed as equivalent but no longer made; remove it from EQUIVALENT")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
