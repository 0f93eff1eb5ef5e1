"""One good event, where it goes, and the problems a project's data has: the starting point that
tests break one field at a time (test data, shared by the test modules)."""

from __future__ import annotations

from timeline_core.data.load import load_timeline

EVENT = "timeline/events/2026-04-06-example-model-ready.yml"
GOOD = """
title: Example Company says its model is ready
date: 2026-04-06
date_basis: stated
status: reported
summary: The Example Company says its model is ready.
entities: [example-co]
citations:
  - source: example
    quote: The Example Company said on Monday that its model is ready.
"""


def problems(project) -> list[str]:
    return [p.format() for p in load_timeline(project.root).problems]
