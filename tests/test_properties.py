"""Property-based: whatever a contributor writes, the loader returns a model and clean errors,
never a traceback, and the pages render from whatever it returns."""

from __future__ import annotations

import re

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.events import EVENT as EVENT_PATH
from tests.events import GOOD
from timeline_core.data.load import LoadResult, load_timeline
from timeline_core.data.schema import EVENT
from timeline_core.pages.render import render_pages, template_cache
from timeline_core.pages.urls import Site

PROBLEM = re.compile(r"^[^:\n]+:\d+:\d+: error: .+$", re.S)
FIELDS = [field.name for field in EVENT.fields]
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(FIELDS + ["source", "quote"]) | st.text(max_size=8), children, max_size=6)
    ),
    max_leaves=25,
)


def _assert_clean(project) -> LoadResult:
    result = load_timeline(project.root)
    assert isinstance(result, LoadResult)
    for problem in result.problems:
        assert PROBLEM.match(problem.format()), problem
    pages = render_pages(result, Site(), cache=template_cache(project.root))  # compiled once, not per example
    assert set(pages) >= {"timeline.md", "glossary.md", "sources.md"}
    return result


@SETTINGS
@given(value=values)
def test_any_yaml_structure_loads_or_fails_cleanly(empty_project, value):
    empty_project.write(EVENT_PATH, yaml.safe_dump(value, allow_unicode=True))
    _assert_clean(empty_project)


@SETTINGS
@given(text=st.text(max_size=400))
def test_any_text_loads_or_fails_cleanly(empty_project, text):
    (empty_project.root / EVENT_PATH).write_text(text, encoding="utf-8")
    _assert_clean(empty_project)


@SETTINGS
@given(data=st.binary(max_size=300))
def test_any_bytes_load_or_fail_cleanly(empty_project, data):
    (empty_project.root / EVENT_PATH).write_bytes(data)
    _assert_clean(empty_project)


@SETTINGS
@given(field=st.sampled_from(FIELDS), replacement=scalars | st.lists(scalars, max_size=3))
def test_any_field_of_a_good_event_can_be_broken_without_a_crash(empty_project, field, replacement):
    event = yaml.safe_load(GOOD)
    event[field] = replacement
    empty_project.write(EVENT_PATH, yaml.safe_dump(event, allow_unicode=True))
    result = _assert_clean(empty_project)
    assert result.timeline.events or result.problems  # an event is shown, or we say why not


@SETTINGS
@given(value=values)
def test_the_fast_yaml_path_reads_exactly_as_the_strict_one(value):
    from timeline_core.data.yamlread import parse_yaml, parse_yaml_events

    text = yaml.safe_dump(value, allow_unicode=True)
    if "&" in text or "*" in text or "!" in text:
        text = text.replace("&", "").replace("*", "").replace("!", "")
    try:
        strict = parse_yaml_events(text)
    except Exception as error:  # noqa: BLE001 - compare failures too
        strict = (type(error).__name__, str(error))
    try:
        fast = parse_yaml(text)
    except Exception as error:  # noqa: BLE001
        fast = (type(error).__name__, str(error))
    assert fast == strict


@SETTINGS
@given(
    text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80)
    | st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 .,;:'?%()\-]{0,60}", fullmatch=True)
)
def test_the_plain_paragraph_shortcut_renders_as_markdown_would(text):
    import markdown as python_markdown

    from timeline_core.data.markup import _LIST_START, _PLAIN_TEXT, render_markdown

    assume(_PLAIN_TEXT.fullmatch(text) and not _LIST_START.match(text))
    full = python_markdown.Markdown(output_format="html")
    full.preprocessors.deregister("html_block")
    full.inlinePatterns.deregister("html")
    assert render_markdown(text, single_paragraph=True)[0].html == full.convert(text)
