"""`source add` on the test pages of fifteen kinds (ten languages, six scripts; tests/web/, with
what each must give in tests/web/expected.yml): the article whole and nothing else, the headline,
the authors' names and the publication day, as a careful editor would write them."""

from __future__ import annotations

import pytest

from benchmarks.source_quality import expectations, judge

PAGES = [expected["page"] for expected in expectations()]


@pytest.mark.parametrize("expected", expectations(), ids=PAGES)
def test_a_page_gives_its_article_and_fields_right(expected, tmp_path):
    judged = judge(expected, tmp_path)
    assert judged.misses == ()


def test_the_pages_cover_eight_languages_and_three_scripts():
    languages = {expected["language"].split("-")[0] for expected in expectations()}
    assert len(languages) >= 8 and {"zh", "ar", "ru", "en"} <= languages
