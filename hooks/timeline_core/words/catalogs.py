"""The words the generator writes, in the reader's language: one gettext catalog per language
(`locale/<language>/LC_MESSAGES/messages.po`), chosen by Material's own `theme.language`.

English is the source language: its words are the messages themselves, so an English site needs
no catalog. The catalogs are read with Babel and compiled in memory, once per build process.
"""

from __future__ import annotations

import functools
import gettext
import io
from pathlib import Path

LOCALE = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "en"


def catalog_path(language: str) -> Path | None:
    """The catalog for a language tag ("de", "zh-Hans", "pt_BR"), its own or its language's."""
    tag = language.replace("-", "_")
    for candidate in (tag, tag.split("_")[0]):
        path = LOCALE / candidate / "LC_MESSAGES" / "messages.po"
        if path.is_file():
            return path
    return None


def translations(language: str) -> gettext.NullTranslations:
    """The reader's language's translations; none (the messages as written) for English or a
    language with no catalog yet. Keyed by the catalog's bytes, so that `mkdocs serve` picks up
    an edited catalog."""
    path = catalog_path(language)
    if path is None:
        return _NO_CATALOG
    return _compiled(path.read_bytes(), path.parent.parent.name)


_NO_CATALOG = gettext.NullTranslations()


@functools.lru_cache(maxsize=8)
def _compiled(data: bytes, locale: str) -> gettext.NullTranslations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    compiled = io.BytesIO()
    write_mo(compiled, read_po(io.BytesIO(data), locale=locale))
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def catalogs_bytes() -> tuple[tuple[str, bytes], ...]:
    """Every catalog's bytes: what a served site's pages depend on besides their templates."""
    return tuple((str(path.relative_to(LOCALE)), path.read_bytes()) for path in sorted(LOCALE.rglob("*.po")))
