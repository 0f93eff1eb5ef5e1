"""Quotation marks as each language writes them: „…“ and ‚…‘ in German, “…” and ‘…’ in English,
«…» in French, 「…」 in Chinese, ”…“ in Arabic. From CLDR's delimiters, not written by hand.

`quotation_marks.json` is CLDR's table, one entry per locale: outer start, outer end, inner start,
inner end. It is made from the npm package cldr-misc-modern (a test holds it to the package the
tests install): `uv run python -m timeline_core.words.quotes node_modules/cldr-misc-modern`.
"""

from __future__ import annotations

import functools
import json
import sys
from dataclasses import dataclass
from pathlib import Path

TABLE = Path(__file__).with_name("quotation_marks.json")


@dataclass(frozen=True)
class QuotationMarks:
    start: str
    end: str
    inner_start: str
    inner_end: str

    def around(self, text: str) -> str:
        return f"{self.start}{text}{self.end}"


ENGLISH = QuotationMarks("“", "”", "‘", "’")


@functools.cache
def _table() -> dict[str, str]:
    return json.loads(TABLE.read_text(encoding="utf-8"))


def quotation_marks(language: str) -> QuotationMarks:
    """A language's marks: its own locale's (de-CH), else its language's (de), else English's."""
    table = _table()
    tag = language.replace("_", "-")
    for key in (tag, tag.split("-")[0]):
        if key in table:
            return QuotationMarks(*table[key])
    return ENGLISH


def table_from_cldr(package: Path) -> dict[str, str]:
    """CLDR's delimiters, by locale, from the cldr-misc package's folder."""
    table = {}
    for path in sorted((package / "main").glob("*/delimiters.json")):
        (locale,) = json.loads(path.read_text(encoding="utf-8"))["main"].values()
        marks = locale["delimiters"]
        table[path.parent.name] = "".join(
            marks[key] for key in ("quotationStart", "quotationEnd", "alternateQuotationStart", "alternateQuotationEnd")
        )
    return table


if __name__ == "__main__":
    TABLE.write_text(
        json.dumps(table_from_cldr(Path(sys.argv[1])), ensure_ascii=False, indent=0, sort_keys=True) + "\n",
        encoding="utf-8",
    )
