"""A strict, line-aware YAML reader for files that strangers contribute.

PyYAML's own constructors lose positions and accept things a data file should
never hold, so this module builds its own small tree from the parser's events:
every value keeps the line and column it came from, duplicate keys, anchors,
aliases, explicit tags and multiple documents are refused, and scalars keep
their raw text next to the type YAML would give them (so `NO` can be reported
as "a boolean" rather than silently becoming False).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import yaml

from ..problems import DataError, Mark

try:  # libyaml is much faster and gives the same events and marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]  # the same interface, in Python

_TAG_KINDS = {
    "tag:yaml.org,2002:str": "text",
    "tag:yaml.org,2002:bool": "boolean",
    "tag:yaml.org,2002:int": "integer",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
}
_RESOLVER = yaml.resolver.Resolver()


class Scalar(NamedTuple):
    """A leaf value: its raw text, the type YAML would read it as, and where it is."""

    text: str
    kind: str
    mark: Mark


@dataclass(frozen=True)
class Sequence:
    items: tuple[Node, ...]
    mark: Mark


@dataclass(frozen=True)
class Mapping:
    """A mapping whose keys are text, in file order, each with the key's own position."""

    entries: tuple[tuple[Scalar, Node], ...]
    mark: Mark

    def keys(self) -> list[str]:
        return [key.text for key, _ in self.entries]

    def get(self, name: str) -> Node | None:
        for key, value in self.entries:
            if key.text == name:
                return value
        return None

    def value_mark(self, name: str) -> Mark:
        """Where the value of `name` is written (where the mapping starts, if it has no such key)."""
        value = self.get(name)
        return value.mark if value is not None else self.mark

    def key_mark(self, name: str) -> Mark:
        for key, _ in self.entries:
            if key.text == name:
                return key.mark
        return self.mark


Node = Scalar | Sequence | Mapping

KIND_NAMES = {Scalar: "a single value", Sequence: "a list", Mapping: "a mapping of fields"}


def describe(node: Node) -> str:
    """Name a node's type the way a contributor thinks of it."""
    if isinstance(node, Scalar):
        return {
            "text": "text",
            "boolean": "a boolean",
            "integer": "a number",
            "number": "a number",
            "null": "an empty value",
            "timestamp": "a date",
        }[node.kind]
    return KIND_NAMES[type(node)]


def _mark(event: yaml.Event) -> Mark:
    start = event.start_mark
    return Mark(start.line + 1, start.column + 1) if start is not None else Mark(1, 1)


def _refuse_anchor_and_tag(event: yaml.NodeEvent) -> None:
    if event.anchor is not None:
        raise DataError(
            f"YAML anchor '&{event.anchor}' is not allowed; write the value out in full",
            _mark(event),
        )
    tag = getattr(event, "tag", None)
    if (
        tag is not None
        and tag != "!"
        and not (isinstance(event, yaml.ScalarEvent) and event.implicit[0])
        and not (isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)) and event.implicit)
    ):
        raise DataError(
            f"YAML tag '{tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed; "
            "remove it (quote the value if it is text)",
            _mark(event),
        )


def _scalar(event: yaml.ScalarEvent) -> Scalar:
    if event.style is None or event.style == "":
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, (True, False))
        kind = _TAG_KINDS.get(tag, "text")
    else:  # quoted and block scalars are always text
        kind = "text"
    return Scalar(event.value, kind, _mark(event))


def parse_yaml(text: str) -> Node | None:
    """Parse one YAML document into a tree of positioned nodes (None for an empty document).

    Raises DataError with the position of the first problem. A text with no '&', '*' or '!'
    can hold no anchor, alias or tag, so libyaml composes it in C; anything else goes through
    the event-by-event reader that refuses those. Both give the same tree.
    """
    if "&" in text or "*" in text or "!" in text:
        return parse_yaml_events(text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.composer.ComposerError as error:
        if "single document" in (error.context or "") + (error.problem or ""):
            return parse_yaml_events(text)  # reports the extra document where it starts
        raise _yaml_error(error) from None
    except yaml.MarkedYAMLError as error:
        raise _yaml_error(error) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML reports nearly all with a mark
        raise DataError(f"invalid YAML: {error}", Mark(1, 1)) from None
    return None if node is None else _from_node(node)


def _node_mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def _from_node(node: yaml.Node) -> Node:
    if isinstance(node, yaml.ScalarNode):
        kind = _TAG_KINDS.get(node.tag, "text") if not node.style else "text"  # plain: None or ""
        return Scalar(node.value, kind, _node_mark(node))
    if isinstance(node, yaml.SequenceNode):
        return Sequence(tuple(_from_node(item) for item in node.value), _node_mark(node))
    children: list[Node] = []
    for key, value in node.value:
        children += [_from_node(key), _from_node(value)]
    return _mapping(children, _node_mark(node))


def _yaml_error(error: yaml.MarkedYAMLError) -> DataError:
    mark = error.problem_mark or error.context_mark
    where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
    return DataError(f"invalid YAML: {error.problem or error.context}", where)


def parse_yaml_events(text: str) -> Node | None:
    """The strict reader: builds the tree from parser events, refusing anchors, aliases and tags."""
    stack: list[tuple[Mark, list]] = []  # open collections: their mark and collected children
    kinds: list[type] = []
    root: Node | None = None
    documents = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise DataError("only one YAML document is allowed per file; remove the extra '---'", _mark(event))
                continue
            if isinstance(event, yaml.AliasEvent):
                raise DataError(
                    f"YAML alias '*{event.anchor}' is not allowed; write the value out in full", _mark(event)
                )
            if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                _refuse_anchor_and_tag(event)
            node: Node | None = None
            if isinstance(event, yaml.ScalarEvent):
                node = _scalar(event)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                stack.append((_mark(event), []))
                kinds.append(Mapping if isinstance(event, yaml.MappingStartEvent) else Sequence)
                continue
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                mark, children = stack.pop()
                kind = kinds.pop()
                node = _mapping(children, mark) if kind is Mapping else Sequence(tuple(children), mark)
            if node is None:
                continue
            if stack:
                stack[-1][1].append(node)
            else:
                root = node
    except yaml.MarkedYAMLError as error:
        raise _yaml_error(error) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML reports nearly all with a mark
        raise DataError(f"invalid YAML: {error}", Mark(1, 1)) from None
    return root


def _mapping(children: list[Node], mark: Mark) -> Mapping:
    entries: list[tuple[Scalar, Node]] = []
    seen: dict[str, Mark] = {}
    for key, value in zip(children[0::2], children[1::2], strict=True):
        if not isinstance(key, Scalar) or key.kind != "text":
            where = key.mark
            raise DataError(f"a key must be a plain name, not {describe(key)}", where)
        if key.text in seen:
            first = seen[key.text]
            raise DataError(f"duplicate key '{key.text}' (first at line {first.line}); keep only one", key.mark)
        seen[key.text] = key.mark
        entries.append((key, value))
    return Mapping(tuple(entries), mark)
