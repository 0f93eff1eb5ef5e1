"""Status by evidence: `confirmed` needs the actor's own statement (a source it issued) or two
independent publishers; one outside report, or one report and its rewrite, is `reported`."""

from __future__ import annotations

from tests.conftest import Project
from tests.events import EVENT, GOOD
from timeline_core.model.quotes import checksum

CONFIRMED = GOOD.replace("status: reported", "status: confirmed")
STATEMENT = "The Example Company said on Monday that its model is ready."


def _add_source(project: Project, ident: str, publisher: str, extra: str = "") -> None:
    """Another source of the same statement; unless it rewrites the first, it says why the two share
    their text (each quotes the company's statement)."""
    archive = project.write(f"seeds/{ident}.txt", f"{STATEMENT}\n")
    if "based_on" not in extra:
        reason = "Both quote the company's one-sentence statement."
        extra += f"  shares_text:\n    - source: example\n      reason: {reason}\n"
    sources = project.root / "timeline/sources.yml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + f"- id: {ident}\n  title: {publisher} report\n  publisher: {publisher}\n"
        + f"  url: https://example.com/{ident}\n  published: 2026-04-06\n  accessed: 2026-04-07\n"
        + f"  archive: seeds/{ident}.txt\n  sha256: {checksum(archive.read_text(encoding='utf-8'))}\n{extra}",
        encoding="utf-8",
    )


def _cite(project: Project, *sources: str, entities: str = "[example-co]") -> None:
    """The confirmed event, citing the statement from each of `sources` (and nothing else)."""
    head = CONFIRMED.split("citations:")[0].replace("entities: [example-co]", f"entities: {entities}")
    cited = "".join(f"  - source: {source}\n    quote: {STATEMENT}\n" for source in sources)
    project.write(EVENT, f"{head}citations:\n{cited}")


def test_one_outside_report_is_not_confirmation(empty_project):
    empty_project.write(EVENT, CONFIRMED)
    assert empty_project.errors() == [
        f"{EVENT}:4:9: error: event '2026-04-06-example-model-ready' says status: confirmed, but it rests on one "
        "publisher's report (Example Press) and cites nothing issued by one of its entities (example-co); write "
        "status: reported, or cite the actor's own statement (a source with issued_by: <entity id>) or a "
        "second, independent publisher's report"
    ]
    build = empty_project.build()
    assert build.returncode == 1 and "says status: confirmed, but it rests on one publisher's report" in build.stderr


def test_the_actors_own_statement_confirms(empty_project):
    _add_source(empty_project, "release", "Example Company", "  issued_by: example-co\n")
    _cite(empty_project, "release")
    assert empty_project.errors() == []


def test_a_statement_by_someone_the_event_does_not_name_does_not(empty_project):
    _add_source(empty_project, "release", "Example Company", "  issued_by: example-co\n")
    _cite(empty_project, "release", entities="[]")
    assert empty_project.errors()[0].endswith(
        "cites nothing issued by one of its entities (it names none); write status: reported, or cite the "
        "actor's own statement (a source with issued_by: <entity id>) or a second, independent publisher's report"
    )


def test_two_independent_publishers_confirm(empty_project):
    _add_source(empty_project, "second", "Second Press")
    _cite(empty_project, "second")
    assert "rests on one publisher's report (Second Press)" in empty_project.errors()[0]
    _cite(empty_project, "example", "second")
    assert empty_project.errors() == []


def test_a_rewrite_of_the_same_report_is_not_a_second_publisher(empty_project):
    _add_source(empty_project, "rewrite", "Wire Service", "  based_on: example\n")
    _cite(empty_project, "example", "rewrite")
    assert "rests on one publisher's report (Example Press)" in empty_project.errors()[0]


def test_an_event_left_out_for_its_own_problems_is_not_also_judged(empty_project):
    empty_project.write(EVENT, CONFIRMED.replace("source: example", "source: nowhere"))
    errors = empty_project.errors()
    assert len(errors) == 1 and "unknown source 'nowhere'" in errors[0]
