"""The way in for people without git, from the site itself: with the repository's address set
(`extra.timeline.repository`), each card links to the "Report an error" form with the entry filled
in, the Changes page to the form, and the footer to "Add an event". The links are read in Chromium
and held to GitHub's documented query for issue forms (`template`, `title`, a field's `id`)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from tests.browser.conftest import served
from tests.conftest import REPO, built, copy_project

REPOSITORY = "https://github.com/newsroom/riverside"
FORMS = REPO / ".github/ISSUE_TEMPLATE"


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("linked") / "repo")
    project.set_option("repository", REPOSITORY)
    project.commit()
    built(project)
    with served(project.site) as url:
        yield project, url


def _form_ids(template: str) -> set[str]:
    form = yaml.safe_load((FORMS / template).read_text(encoding="utf-8"))
    return {field["id"] for field in form["body"] if "id" in field}


def test_each_card_opens_the_report_form_with_its_entry_filled_in(browser, linked):
    project, url = linked
    page = browser.new_page()
    try:
        page.goto(url + "timeline/")
        cards = page.locator("article.tl-event")
        assert cards.count() >= 5
        for number in range(cards.count()):
            card = cards.nth(number)
            ident = card.locator("h4.tl-title").first.get_attribute("id")
            link = urlsplit(card.locator("a.tl-report").get_attribute("href"))
            query = parse_qs(link.query, strict_parsing=True)
            assert (link.scheme, link.netloc, link.path) == ("https", "github.com", "/newsroom/riverside/issues/new")
            assert query["template"] == ["report-error.yml"] and (FORMS / "report-error.yml").is_file()
            assert set(query) - {"template", "title"} <= _form_ids("report-error.yml")  # each a field of the form
            assert query["event"][0].startswith(project.base_url + "timeline/#") and query["event"][0].endswith(ident)
            assert query["title"][0].startswith("Correction: ")
        page.goto(url + "changes/")
        changes = urlsplit(page.locator("a.tl-report").first.get_attribute("href"))
        assert parse_qs(changes.query) == {"template": ["report-error.yml"]}
        add = urlsplit(page.locator("a.tl-add-event").get_attribute("href"))
        assert add.path == "/newsroom/riverside/issues/new" and parse_qs(add.query) == {"template": ["add-event.yml"]}
        assert (FORMS / "add-event.yml").is_file()
    finally:
        page.close()


def test_without_a_repository_no_link_points_anywhere(browser, base_url):
    page = browser.new_page()
    try:
        page.goto(base_url + "timeline/")
        assert page.locator("a.tl-report").count() == 0 and page.locator("a.tl-add-event").count() == 0
    finally:
        page.close()
