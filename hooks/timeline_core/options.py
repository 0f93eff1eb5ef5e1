"""The site's options under `extra.timeline` in mkdocs.yml: their defaults and their check.

A wrong value is reported like a data problem (`mkdocs.yml:line:column: error: …`) and the
default is used instead, so a typo never stops `mkdocs serve` and never passes unnoticed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fields import did_you_mean
from .problems import Problem

CONFIG_FILE = "mkdocs.yml"
EVENTS_PER_PAGE = 100
LINKS_PER_PAGE = 500  # a list of links to events (an entity's, a tag's) is split past this many


@dataclass(frozen=True)
class Layout:
    """How many events one timeline page shows, and how many links one list page holds."""

    events_per_page: int = EVENTS_PER_PAGE
    links_per_page: int = LINKS_PER_PAGE


DEFAULTS = Layout()
OPTIONS = tuple(DEFAULTS.__dataclass_fields__)


def _mark(config_text: str, key: str) -> tuple[int, int]:
    """Where `key:` is first written under `extra:` in mkdocs.yml, or 1:1 if it cannot be found."""
    extra = re.search(r"^extra\s*:", config_text, re.M)
    found = re.compile(rf"^(\s*){re.escape(key)}\s*:", re.M).search(config_text, extra.end() if extra else 0)
    if found is None:
        return 1, 1
    return config_text.count("\n", 0, found.start()) + 1, len(found.group(1)) + 1


def read_layout(options: object, config_text: str = "") -> tuple[Layout, tuple[Problem, ...]]:
    """The layout that `extra.timeline` asks for, and a problem for each value that cannot be used."""
    problems = []

    def problem(key: str, message: str) -> None:
        line, column = _mark(config_text, key)
        problems.append(Problem(CONFIG_FILE, line, column, message))

    if options is None:
        return DEFAULTS, ()
    if not isinstance(options, dict):
        problem("timeline", f"extra.timeline must be a mapping of options ({', '.join(OPTIONS)}), "
                            f"not {type(options).__name__}; the defaults are used")
        return DEFAULTS, tuple(problems)
    sizes = {}
    for key in options:
        if key not in OPTIONS:
            problem(str(key), f"extra.timeline.{key} is not an option{did_you_mean(str(key), OPTIONS)}; "
                              f"the options are {', '.join(OPTIONS)}")
    for name in OPTIONS:
        default = getattr(DEFAULTS, name)
        value = options.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            problem(name, f"extra.timeline.{name} is {value!r}; write a whole number of 1 or more "
                          f"(the default is {default})")
            value = default
        sizes[name] = value
    return Layout(**sizes), tuple(problems)
