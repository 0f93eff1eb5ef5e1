"""Shared fixtures: a throw-away copy of the project to break, check and build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "timeline", "seeds", "hooks", "schemas")


@dataclass
class Project:
    root: Path

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def write_bytes(self, rel: str, data: bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def check(self, *args: str) -> subprocess.CompletedProcess:
        """Run `timeline check` as a contributor would."""
        return subprocess.run([sys.executable, "-m", "timeline_core.cli", "--root", str(self.root),
                               "check", *args], capture_output=True, text=True)

    def build(self, *args: str, strict: bool = True) -> subprocess.CompletedProcess:
        """Run a real `mkdocs build` (strict unless asked otherwise) on this copy."""
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        flags = ["--strict"] if strict else []
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", *flags, *args],
                              cwd=self.root, capture_output=True, text=True, env=env)

    def page(self, rel: str) -> BeautifulSoup:
        return BeautifulSoup((self.root / "site" / rel).read_text(encoding="utf-8"), "html.parser")


def copy_project(root: Path) -> Project:
    """Copy this repository's site, data and hooks (not its git history) into `root`."""
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / part)
    return Project(root)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A copy of this repository's site and data, safe to modify."""
    return copy_project(tmp_path)


@pytest.fixture
def empty_project(project: Project) -> Project:
    """The copy with no events, and one source whose archive is short and known."""
    shutil.rmtree(project.root / "timeline" / "events")
    (project.root / "timeline" / "events").mkdir()
    (project.root / "timeline" / "explainer.yml").unlink()
    project.write("seeds/example.txt", """
        The Example Company said on Monday that its model is ready.
        Critics called the “launch” rushed — but sales rose 5%.
        """)
    project.write("timeline/sources.yml", """
        - id: example
          title: Example news
          publisher: Example Press
          url: https://example.com/news
          published: 2026-04-06
          accessed: 2026-04-07
          archive: seeds/example.txt
        """)
    project.write("timeline/entities.yml", """
        - id: example-co
          name: Example Company
          kind: organization
          description: A company.
          citations:
            - source: example
              quote: The Example Company said
        """)
    project.write("timeline/glossary.yml", "[]\n")
    return project
