"""The reader's language: `theme.language` picks the catalog of the generator's words
(hooks/timeline_core/locale/), and every catalog holds exactly the messages the code uses."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from tests.conftest import READER_LANGUAGES, REPO, built
from tests.search_index import index_differences, parsed_index, search_index
from timeline_core.words.catalogs import LOCALE

CORE = REPO / "hooks" / "timeline_core"
TWO_PUBLISHERS = "2026-03-09-councillors-say-the-footbridge-will-go-ahead"  # confirmed, in the test story


def _used() -> set[tuple[str | None, str]]:
    """Every message the templates, the theme overrides and the Python code ask for, with its
    context (pgettext's), as Babel's extractors find them with the project's `babel.cfg` (what
    `pybabel extract` reads; CONTRIBUTING.md)."""
    with (REPO / "babel.cfg").open(encoding="utf-8") as file:
        method_map, options_map = parse_mapping_cfg(file)
    found: set[tuple[str | None, str]] = set()
    for _filename, _line, message, _comments, context in extract_from_dir(
        str(REPO), method_map, options_map, keywords={**DEFAULT_KEYWORDS, "N_": None, "plural_forms": (1, 2)}
    ):
        found.add((context, message[0] if isinstance(message, tuple) else message))
    return found


def test_every_catalog_holds_every_message_used_and_no_other():
    used = _used()
    assert {(None, "Happened"), (None, "%(num)d publisher"), (None, "Who:"), (None, "Made with %(theme)s")} <= used
    assert {("an event's status", "Reported"), ("the day its sources published it", "Reported")} <= used
    for path in sorted(LOCALE.glob("*/LC_MESSAGES/messages.po")):
        with path.open("rb") as file:
            catalog = read_po(file)
        held = {
            (message.context, message.id[0] if isinstance(message.id, tuple) else message.id)
            for message in catalog
            if message.id
        }
        untranslated = [
            m.id for m in catalog if m.id and not (m.string if isinstance(m.string, str) else all(m.string))
        ]
        assert (sorted(used - held), sorted(held - used), untranslated) == ([], [], []), path


def _in_german(project) -> None:
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  language: en\n", "  language: de\n", 1))


def test_a_german_site_shows_the_event_card_in_german_and_search_reads_it(project, tmp_path):
    _in_german(project)
    built(project)
    card = project.page("timeline/index.html").find(id=TWO_PUBLISHERS)
    card = card.find_parent("article")
    words = " ".join(card.get_text(" ").split())
    assert "Bestätigt" in words and "Geschehen" in words and "Gestützt auf: 2 Herausgeber" in words
    assert "Wer:" in words and "Confirmed" not in words and "Happened" not in words
    assert "In der archivierten Kopie" in words and "In the archived copy" not in words
    axis = project.page("timeline/index.html").select_one("figure.tl-axis")
    assert axis.svg["aria-label"].startswith("Überblick: 6 Ereignisse auf einer Zeitachse")
    assert axis.figcaption.get_text().startswith("Nummeriert wie unten")
    page = project.page("timeline/index.html")
    assert page.select_one("form.tl-filters button").get_text() == "Alle zeigen"
    notice = " ".join(page.select_one("li.tl-retired").get_text(" ").split())
    assert notice.startswith("Zurückgezogen: ein Eintrag, der auf dieser Zeitleiste stand, wurde entfernt.")
    ours = search_index(project.site)
    assert "erschlossenes Datum Bestätigt" in ours[f"timeline/#{TWO_PUBLISHERS}"][1]
    assert index_differences(ours, parsed_index(project, tmp_path)) == []  # the index reads the card as shown


def test_an_english_site_needs_no_catalog(example):
    assert not (LOCALE / "en").exists()
    words = " ".join(example.page("timeline/index.html").get_text(" ").split())
    assert "Happened" in words and "Supported by: 2 publishers" in words


def test_every_catalog_is_built_by_the_tests():
    """A new catalog is one file and one line: the line that has the tests build a site in it."""
    assert sorted(path.name for path in LOCALE.iterdir() if path.is_dir()) == sorted(READER_LANGUAGES)


def test_locale_folder_is_where_the_code_looks():
    assert Path(CORE / "words" / "locale").resolve() == LOCALE
