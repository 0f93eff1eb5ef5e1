"""The complete input of a build, written to a folder, for a builder that runs no hooks.

MkDocs runs our hooks; Zensical reads `mkdocs.yml` but ignores `hooks:`, and other tools may
build Markdown too. `write_build_input` writes what the hooks would have added (every generated
page, the exports, the archives) beside a copy of `docs/` and a config without hooks, from the
same `site_files` the hooks call, so the two can never differ. It rewrites only files whose
content changed, so a builder watching the folder rebuilds only what an edit touched.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from .data.load import LoadResult, load_timeline
from .memo import Memo
from .pages.hardening import harden_page, strip_policy
from .pages.problembox import box_in_markdown
from .problems import Problem
from .settings import CONFIG, read_settings
from .site_files import site_files
from .words.chrome import frame_in_language, frame_words, nav_in_language
from .words.reader import Words, words_for

DOCS = "docs"
MANIFEST = ".timeline-pages.json"  # what the last run generated, so what is no longer generated goes


@dataclass(frozen=True)
class Written:
    problems: tuple[Problem, ...]
    written: int  # files whose content changed
    unchanged: int
    removed: int


def builder_config(config: dict, off_nav_folders: list[str], words: Words | None = None) -> dict:
    """The config a hook-less builder reads: ours without hooks or watched data folders, with the
    generated pages' folders kept out of the navigation, as the hooks keep them, and the frame's
    words in the reader's language, as the hooks give them (words/chrome.py)."""
    built = {key: value for key, value in config.items() if key not in ("hooks", "watch")}
    built["docs_dir"] = DOCS
    words = words or words_for((config.get("theme") or {}).get("language") or "en")
    theme = built.get("theme")
    palette = (theme.get("palette") if isinstance(theme, dict) else None) or []
    toc = _toc_options(built)
    built["copyright"] = frame_in_language(
        words, built.get("copyright"), palette if isinstance(palette, list) else [palette], toc
    )
    built["nav"] = nav_in_language(words, built.get("nav"))
    built["extra"] = {**(built.get("extra") or {}), "timeline_words": frame_words(words, built.get("site_name", ""))}
    if off_nav_folders:
        built["not_in_nav"] = "".join(f"/{folder}/\n" for folder in off_nav_folders)
    return built


def _toc_options(config: dict) -> dict:
    """The toc extension's options in `markdown_extensions` (made a mapping there to be filled in)."""
    extensions = config.get("markdown_extensions") or []
    for index, extension in enumerate(extensions):
        if extension == "toc":
            extensions[index] = {"toc": {}}
            return extensions[index]["toc"]
        if isinstance(extension, dict) and "toc" in extension:
            extension["toc"] = extension["toc"] or {}
            return extension["toc"]
    return {}


def write_build_input(root: Path, out: Path, builder: str = "mkdocs", memo: Memo | None = None) -> Written:
    """Write docs/ and the generated files under `out/docs/`, and `out/mkdocs.yml`, for `builder`:
    Zensical rewrites the relative links inside a page's HTML as if written in its Markdown file,
    so for it links are written that way; MkDocs and ProperDocs leave such HTML as it is.
    `--watch` passes a `memo`, so each rewrite redoes only what changed (see memo.py)."""
    root, out = Path(root), Path(out)
    settings, config = read_settings(root, links_from_source=builder == "zensical")
    result: LoadResult = load_timeline(root, memo)
    files = site_files(result, root, settings.site, settings.published, settings.layout, None, memo)
    if memo is not None:
        memo.sweep()
    wanted: dict[str, bytes] = {}
    for source in sorted((root / DOCS).rglob("*")):
        if source.is_file():
            wanted[f"{DOCS}/{source.relative_to(root / DOCS).as_posix()}"] = source.read_bytes()
    for item in files:
        if item.copy_of is not None:
            data = item.copy_of.read_bytes()
        else:
            text = item.content()
            data = (text if item.box is None else box_in_markdown(text, item.box)).encode("utf-8")
        wanted[f"{DOCS}/{item.path}"] = data
    off_nav = sorted({item.path.split("/", 1)[0] for item in files if item.off_nav and "/" in item.path})
    wanted[CONFIG] = yaml.safe_dump(builder_config(config, off_nav), sort_keys=False, allow_unicode=True).encode()
    counts = _write_changed(out, wanted)
    return Written(tuple((*result.problems, *settings.problems)), *counts)


def _write_changed(out: Path, wanted: dict[str, bytes]) -> tuple[int, int, int]:
    """Write each file whose bytes differ; remove what the previous run wrote and this one did not."""
    manifest = out / MANIFEST
    before = set(json.loads(manifest.read_text())) if manifest.exists() else set()
    written = unchanged = 0
    for rel, data in wanted.items():
        path = out / rel
        if path.is_file() and path.read_bytes() == data:
            unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    gone = sorted(before - set(wanted))
    for rel in gone:
        (out / rel).unlink(missing_ok=True)
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps(sorted(wanted), indent=0) + "\n")
    return written, unchanged, len(gone)


def harden_site(site_dir: Path, site_url: str) -> int:
    """Give every built page the Content-Security-Policy and safe external links the hooks add;
    return how many pages changed. A page hardened before is hardened again from scratch."""
    changed = 0
    for page in sorted(Path(site_dir).rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        hardened = harden_page(strip_policy(text), site_url)
        if hardened != text:
            page.write_text(hardened, encoding="utf-8")
            changed += 1
    return changed


def _fingerprint(root: Path) -> tuple:
    """What a change to the inputs changes: each file's path, size and modification time."""
    found = []
    for part in ("timeline", "seeds", DOCS):
        for path in sorted((root / part).rglob("*")) if (root / part).is_dir() else ():
            if path.is_file():
                stat = path.stat()
                found.append((str(path), stat.st_size, stat.st_mtime_ns))
    config = root / CONFIG
    return (*found, config.stat().st_mtime_ns if config.exists() else 0)


def watch_build_input(
    root: Path, out: Path, builder: str = "mkdocs", interval: float = 0.3, report=print, stop=lambda: False
) -> None:
    """Write the build input, then again whenever timeline/, seeds/, docs/ or mkdocs.yml change,
    until `stop()` is true. A builder serving `out` (`zensical serve`) then shows the edit."""
    seen = None
    memo = Memo()
    while not stop():
        now = _fingerprint(Path(root))
        if now != seen:
            seen = now
            started = time.perf_counter()
            result = write_build_input(root, out, builder, memo)
            for problem in result.problems:
                report(problem.format())
            report(
                f"wrote {result.written} changed files ({result.unchanged} unchanged, {result.removed} removed) "
                f"in {time.perf_counter() - started:.2f} s"
            )
        time.sleep(interval)
