"""The build's settings, read once: where the site lives and what it is called (`Site`,
`Published`) and the timeline's options (`Layout`, with a problem at its line for each value that
cannot be used), from `mkdocs.yml` as MkDocs reads it or from MkDocs' own config.

Every entry point takes them from here: the MkDocs hooks (`settings_of(config, …)`), `timeline
pages` for other builders and `timeline export` (`read_settings(root)`), so an export written
without a build is the built site's, byte for byte, whatever the config says.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from .exports import Published
from .pages.paging import Layout, read_layout
from .pages.urls import Site
from .problems import Problem

CONFIG = "mkdocs.yml"
DEFAULT_SITE_URL = "/"


@dataclass(frozen=True)
class Settings:
    site: Site
    published: Published
    layout: Layout
    problems: tuple[Problem, ...] = ()  # an `extra.timeline` value that cannot be used, at its line


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it, for the tags our config uses: `!ENV [NAME, default]`."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        values = loader.construct_sequence(node)  # type: ignore[arg-type]
        names, default = values[:-1], values[-1] if len(values) > 1 else None
    return next((os.environ[name] for name in names if name in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)


def read_config(root: Path, text: str | None = None) -> dict:
    """The project's mkdocs.yml (or its `text`, already read), with environment variables resolved
    as MkDocs resolves them."""
    text = (Path(root) / CONFIG).read_text(encoding="utf-8") if text is None else text
    return yaml.load(text, Loader=_ConfigLoader) or {}


def settings_of(config: Mapping, config_text: str = "", links_from_source: bool = False) -> Settings:
    """The settings a config gives (a mapping read from mkdocs.yml, or MkDocs' config object);
    `config_text` places a problem at its line; `links_from_source`: see `Site`."""
    theme = config.get("theme") or {}
    layout, problems = read_layout((config.get("extra") or {}).get("timeline"), config_text)
    return Settings(
        Site(
            use_directory_urls=config.get("use_directory_urls", True),
            base_url=(config.get("site_url") or DEFAULT_SITE_URL).rstrip("/") + "/",
            links_from_source=links_from_source,
            language=theme.get("language") or "en",
            name=config.get("site_name") or "",
            repository=layout.repository,
        ),
        Published(title=config.get("site_name") or "", description=config.get("site_description") or ""),
        layout,
        problems,
    )


def read_settings(root: Path, links_from_source: bool = False) -> tuple[Settings, dict]:
    """The settings of the project at `root`, and the config they come from (its mkdocs.yml, read once)."""
    text = (Path(root) / CONFIG).read_text(encoding="utf-8")
    config = read_config(root, text)
    return settings_of(config, text, links_from_source), config
