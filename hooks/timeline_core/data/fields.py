"""Reading one record's fields from a YAML mapping, with a precise problem for each mistake."""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dc_field

from ..model import dates
from ..model.records import NESTED
from ..model.text import language_problem
from ..problems import DataError, Mark, Problem, did_you_mean
from .markup import check_url, render_markdown
from .schema import CITATION, RECORDS, RESERVED_SLUG, SLUG_PATTERN, UNCITED, Field, Record
from .yamlread import Mapping, Node, Scalar, Sequence, describe

SLUG = re.compile(SLUG_PATTERN)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Reference:
    """A slug that must name an existing record; checked once every file is read."""

    kind: str
    id: str
    path: str
    mark: Mark
    owner: tuple[str, str]  # the (kind, id) of the record that holds the reference


@dataclass(frozen=True)
class QuoteCheck:
    """A quote that must appear in a source's archived text; checked once sources are read."""

    source: str
    quote: str
    path: str
    mark: Mark
    owner: tuple[str, str]
    translated: bool = False  # a citation with a translation: its source must be in another language


@dataclass
class Collector:
    """What reading a file found: problems, plus the references and quotes to check later."""

    path: str
    owner: tuple[str, str] = ("", "")  # the record being read, so later checks can drop it
    problems: list[Problem] = dc_field(default_factory=list)
    references: list[Reference] = dc_field(default_factory=list)
    quotes: list[QuoteCheck] = dc_field(default_factory=list)
    failed: set[tuple[str, str]] = dc_field(default_factory=set)  # owners with a problem
    # (record, owner, problem): found while reading, reported once the record's quotes are known to
    # be readable: a summary's words are not missing from a quote that is still to be translated
    held: list[tuple[tuple[str, str], tuple[str, str], Problem]] = dc_field(default_factory=list)
    # (event id, where its status is): a claim of `confirmed`, checked against the evidence once
    # every source is known (data/rules/evidence.py)
    claims: list[tuple[str, Mark]] = dc_field(default_factory=list)
    unreadable: bool = False  # the file is not YAML the loader can read (data/load.py says it first)

    def error(self, mark: Mark, message: str, owner: tuple[str, str] | None = None) -> None:
        self.problems.append(Problem(self.path, mark.line, mark.column, message))
        self.failed.add(owner or self.owner)

    def merge(self, other: Collector, owner: tuple[str, str]) -> None:
        """Take in what another Collector found for this file (an event read apart, or kept from
        the last build: its lists are copied, never shared, so the checks after reading add to
        this one's only); `owner`: the record the checks after reading speak of."""
        self.owner = owner
        self.problems += other.problems
        self.references += other.references
        self.quotes += other.quotes
        self.held += other.held
        self.claims += other.claims
        self.failed |= other.failed
        self.unreadable = self.unreadable or other.unreadable

    def hold(self, mark: Mark, message: str, owner: tuple[str, str]) -> None:
        """An error that stands unless the record turns out to need a translation first."""
        self.held.append((self.owner, owner, Problem(self.path, mark.line, mark.column, message)))

    def release(self, waiting: set[tuple[str, str]]) -> None:
        """Report what was held, but for the records in `waiting`."""
        for record, owner, problem in self.held:
            if record not in waiting:
                self.problems.append(problem)
                self.failed.add(owner)
        self.held.clear()


def read_record(node: Node, record: Record, out: Collector, where: str) -> dict | None:
    """Check a mapping against a record and convert its fields; None if it cannot be used."""
    if not isinstance(node, Mapping):
        out.error(node.mark, f"{where} must be a mapping of fields, not {describe(node)}")
        return None
    names = [f.name for f in record.fields]
    values: dict[str, object] = {}
    before = len(out.problems)
    for key, value in node.entries:
        spec = record.field(key.text)
        if spec is None:
            out.error(
                key.mark,
                f"unknown field '{key.text}' in {where}{did_you_mean(key.text, names)}; "
                f"allowed fields: {', '.join(names)}",
            )
            continue
        try:
            values[spec.name] = _convert(value, spec, out, where)
        except DataError as error:
            out.error(error.mark or value.mark, f"field '{spec.name}' in {where}: {error.message}")
    for spec in record.fields:
        if spec.name not in values and node.get(spec.name) is None:
            if spec.required:
                out.error(node.mark, f"missing required field '{spec.name}' in {where}: {spec.description}")
            else:
                values[spec.name] = () if spec.type in ("slugs", "lines", "records") else None
                if spec.type == "flag":
                    values[spec.name] = False
    if record.one_of and all(node.get(name) is None for name in record.one_of):  # a wrong one is reported as such
        given = " or ".join(f"'{name}'" for name in record.one_of)
        choices = [spec for name in record.one_of if (spec := record.field(name)) is not None]
        descriptions = "; ".join(f"{spec.name}: {spec.description.rstrip('.')}" for spec in choices)
        out.error(node.mark, f"{where} needs {given} ({descriptions})")
    given_together = [name for name in record.together if node.get(name) is not None]
    if given_together and len(given_together) < len(record.together):
        lacking = next(name for name in record.together if name not in given_together)
        spec = record.field(lacking)
        assert spec is not None, "a record's `together` names its own fields"
        out.error(
            node.key_mark(given_together[0]),
            f"{where} gives '{given_together[0]}' without '{lacking}'; add `{lacking}:` under it "
            f"({spec.description[0].lower()}{spec.description[1:].rstrip('.')})",
        )
    # a record with any problem, nested ones included, is not used: its errors say why
    return values if len(out.problems) == before else None


def _text(node: Node, spec: Field) -> str:
    if not isinstance(node, Scalar):
        raise DataError(f"expected text, got {describe(node)}", node.mark)
    if node.kind != "text":
        raise DataError(
            f'expected text, got {describe(node)} ({node.text!r}); put the value in quotes: "{node.text}"', node.mark
        )
    value = node.text.strip()
    if not value:
        raise DataError("is empty; write a value or remove the field", node.mark)
    if value.startswith("TODO"):  # left by `timeline new`
        raise DataError("still holds the 'TODO' placeholder from `timeline new`; write the real text", node.mark)
    if spec.max_length and len(value) > spec.max_length:
        raise DataError(f"is {len(value)} characters long; the limit is {spec.max_length}", node.mark)
    if _CONTROL.search(value):
        raise DataError("contains a control character; remove it", node.mark)
    return value


def _line(node: Node, spec: Field) -> str:
    value = _text(node, spec)
    if "\n" in value:
        raise DataError("must be a single line; use a plain or quoted value, not a block", node.mark)
    return value


def _slug(node: Node, spec: Field, out: Collector) -> str:
    if isinstance(node, Scalar) and node.kind in ("integer", "number", "timestamp", "boolean"):
        value = node.text  # ids like 2026 are fine as slugs; only the type was YAML's guess
    else:
        value = _line(node, spec)
    if value == RESERVED_SLUG:
        raise DataError(
            f"'{value}' cannot be an id: it is the address of the page that lists the others; "
            f"choose another, like '{value}-1'",
            node.mark,
        )
    if not SLUG.match(value):
        raise DataError(
            f"'{value}' is not a valid id; use lowercase letters, digits and single dashes, "
            f"like '{_suggest_slug(value)}'",
            node.mark,
        )
    if spec.ref:
        out.references.append(Reference(spec.ref, value, out.path, node.mark, out.owner))
    return value


def _suggest_slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "my-id"


def _items(node: Node, spec: Field) -> tuple[Node, ...]:
    if not isinstance(node, Sequence):
        if isinstance(node, Scalar) and node.kind == "null":
            raise DataError("is empty; write [] for none, or remove the field", node.mark)
        raise DataError(f"must be a list (one '- item' per line), not {describe(node)}", node.mark)
    return node.items


def _unique(items: list[str], nodes: tuple[Node, ...]) -> None:
    seen: set[str] = set()
    for value, node in zip(items, nodes, strict=True):
        if value in seen:
            raise DataError(f"'{value}' is listed twice; keep one", node.mark)
        seen.add(value)


def _convert(node: Node, spec: Field, out: Collector, where: str) -> object:
    kind = spec.type
    if kind == "line":
        return _line(node, spec)
    if kind in ("markdown", "paragraph"):
        markup, problems = render_markdown(_text(node, spec), single_paragraph=kind == "paragraph")
        if problems:
            raise DataError("; ".join(problems), node.mark)
        return markup
    if kind == "slug":
        return _slug(node, spec, out)
    if kind in ("slugs", "lines"):
        nodes = _items(node, spec)
        convert = (lambda n: _slug(n, spec, out)) if kind == "slugs" else (lambda n: _line(n, spec))
        values = [convert(n) for n in nodes]
        _unique(values, nodes)
        return tuple(values)
    if kind == "edtf":
        # an unquoted 2026-04-10 is fine: we keep the text YAML saw
        text = node.text if isinstance(node, Scalar) and node.kind in ("timestamp", "integer") else _line(node, spec)
        try:
            return dates.parse_edtf(text)
        except DataError as error:
            raise DataError(error.message, node.mark) from None
    if kind == "day":
        text = node.text if isinstance(node, Scalar) and node.kind == "timestamp" else _line(node, spec)
        try:
            return dates.parse_day(text)
        except DataError as error:
            raise DataError(error.message, node.mark) from None
    if kind == "url":
        value = _line(node, spec)
        reason = check_url(value)
        if reason:
            raise DataError(reason, node.mark)
        return value
    if kind == "path":
        return _line(node, spec)
    if kind == "language":
        value = _line(node, spec)
        if problem := language_problem(value):
            raise DataError(problem, node.mark)
        return value
    if kind == "choice":
        value = _line(node, spec)
        if value not in spec.choices:
            raise DataError(
                f"'{value}' is not one of {', '.join(spec.choices)}{did_you_mean(value, spec.choices)}", node.mark
            )
        return value
    if kind == "flag":
        if not isinstance(node, Scalar) or node.kind != "boolean" or node.text not in ("true", "false"):
            shown = node.text if isinstance(node, Scalar) else describe(node)
            raise DataError(f"must be true or false, not {shown!r}; write true, or leave the field out", node.mark)
        return node.text == "true"
    if kind == "records":
        return _records(node, spec, out, where)
    raise AssertionError(f"unknown field type {kind}")  # pragma: no cover - schema is ours


def _records(node: Node, spec: Field, out: Collector, where: str) -> tuple:
    """Read a list of nested records; a citation also queues its quote for checking."""
    assert spec.record is not None, "a field of type records names its record"
    nodes = _items(node, spec)
    if len(nodes) < spec.min_items:
        count = "one" if spec.min_items == 1 else str(spec.min_items)
        raise DataError(f"needs at least {count} {spec.record} ({RECORDS[spec.record].description})", node.mark)
    record = RECORDS[spec.record]
    made = []
    for number, item in enumerate(nodes, 1):
        values = read_record(item, record, out, f"{spec.record} {number} of {where}")
        if values is None or not isinstance(item, Mapping):  # read_record reads only mappings
            continue
        made.append(NESTED[record.name](**values))
        if record is CITATION:
            out.quotes.append(
                QuoteCheck(
                    values["source"],
                    values["quote"],
                    out.path,
                    item.value_mark("quote"),
                    out.owner,
                    values["translation"] is not None,
                )
            )
        elif record is UNCITED:  # the sentence must be the source's own, like any quote
            # a wrong entry here is bookkeeping for coverage; it does not make the source unusable
            out.quotes.append(
                QuoteCheck(
                    out.owner[1], values["sentence"], out.path, item.value_mark("sentence"), ("uncited", out.owner[1])
                )
            )
    return tuple(made)
