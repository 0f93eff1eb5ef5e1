"""`mkdocs serve` picks up edits to timeline/ and seeds/ without a restart."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from timeline_core.watching import watch_by_events

EVENT = "timeline/events/2026-03-09-blue-line-says-the-ferry-could-return.yml"  # the test story's


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _fetch(url):
            return True
        time.sleep(0.25)
    return False


@pytest.fixture
def served(project, tmp_path):
    with _serving(project, tmp_path) as url:
        yield project, url


@contextlib.contextmanager
def _serving(project, tmp_path):
    port = _free_port()
    log_path = tmp_path / "serve.log"
    log = log_path.open("w")
    server = subprocess.Popen(
        # livereload stays on: with --no-livereload MkDocs watches nothing
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        # MkDocs serves under site_url's path; read the address it announces
        base = ""
        deadline = time.monotonic() + 60
        while not base and time.monotonic() < deadline and server.poll() is None:
            for line in log_path.read_text().splitlines():
                if "Serving on " in line:
                    base = line.split("Serving on ", 1)[1].strip()
            time.sleep(0.1)
        assert base, f"mkdocs serve did not start: {log_path.read_text()}"
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
        print(log_path.read_text())  # shown by pytest when the test fails


def _first_build(url: str) -> str:
    """Wait for the first build; return the timeline page's address."""
    timeline = url + "timeline/"
    assert _wait_for(timeline, "Blue Line says the ferry could return by summer")
    return timeline


def _edit(path, text: str, url: str, expected: str, seconds: float = 60) -> bool:
    """Write `text` to `path` until the page at `url` shows `expected`. MkDocs' polling watcher
    takes its first snapshot in a thread of its own, so an edit made before that is never seen;
    the same text written again, with a new modification time, is."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        path.write_text(text)
        if _wait_for(url, expected, seconds=5):
            return True
    return False


def test_editing_an_event_and_a_seed_rebuilds_the_site(served):
    project, url = served
    timeline = _first_build(url)
    path = project.root / EVENT
    edited = path.read_text().replace("the ferry could return by summer", "the ferry may be back by summer")
    assert _edit(path, edited, timeline, "Blue Line says the ferry may be back by summer")
    seed = project.root / "seeds/gazette-footbridge.txt"  # a source published in full
    assert _edit(
        seed, seed.read_text() + "\nAn added closing line.\n", url + "seeds/gazette-footbridge.txt", "An added"
    )


def test_a_broken_file_is_shown_as_a_problem_and_the_fix_as_the_repaired_site(served):
    """Serve keeps answering while a file the Home page depends on is broken, and recovers on the fix."""
    project, url = served
    timeline = _first_build(url)
    path = project.root / EVENT
    good = path.read_text()
    assert _edit(path, good.replace("tags: [ferry]", "tags: [ferry"), timeline, "invalid YAML")
    page = _fetch(timeline)
    assert "Blue Line says the ferry could return by summer" not in page
    assert f"{EVENT}:" in page  # the problem names the file, line and column
    home = _fetch(url)  # still served: it names the broken file, and says what is left out while it is
    assert f"{EVENT}:" in home and "1 record in other files is left out while this file cannot be read" in home
    assert _edit(path, good, timeline, "Blue Line says the ferry could return by summer")
    assert "invalid YAML" not in _fetch(timeline)


def test_a_commit_shows_on_the_changes_page_without_a_restart(project, tmp_path):
    """A correction is made of an edit and its commit: the commit alone changes no watched file, yet
    the Changes page and the card's 'Updated' line follow it."""
    project.commit()
    env = {**os.environ, "GIT_COMMITTER_DATE": "2026-05-03T12:00:00Z", "GIT_AUTHOR_DATE": "2026-05-03T12:00:00Z"}
    with _serving(project, tmp_path) as url:
        timeline = _first_build(url)
        path = project.root / EVENT
        edited = path.read_text().replace("the ferry could return by summer", "the ferry may be back by summer")
        assert _edit(path, edited, timeline, "Blue Line says the ferry may be back by summer")
        assert "the ferry may be back" not in _fetch(url + "changes/")  # edited, not yet committed
        for command in (
            ["add", "-A"],
            ["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "Retitle",
             "-m", "Correction: the station said 'may'"],
        ):  # fmt: skip
            subprocess.run(["git", *command], cwd=project.root, check=True, env=env)
        assert _wait_for(url + "changes/", "the station said"), _fetch(url + "changes/")


def test_a_new_event_file_shows_and_reading_the_data_asks_for_no_rebuild(served, tmp_path):
    """The data folders are watched by the system's file events (see watching.py): a file added
    shows, and a rebuild's own reading of every file (an open and a close each) asks for none."""
    project, url = served
    timeline = _first_build(url)
    added = project.root / "timeline/events/2026-03-10-the-ferry-again.yml"
    assert _edit(added, (project.root / EVENT).read_text(), timeline, 'id="2026-03-10-the-ferry-again"')
    log = tmp_path / "serve.log"
    time.sleep(2)  # the last rebuild's reading is done, and MkDocs polls twice a second
    built = log.read_text().count("Documentation built")
    time.sleep(3)
    assert log.read_text().count("Documentation built") == built, log.read_text()


def test_a_change_in_a_watched_folder_is_told_or_stamped_and_a_read_is_neither(tmp_path):
    """watching.py on its own: an edit, an addition and a removal are told to the builder at once
    (`tell`), or, where it cannot be told, rewrite the stamp its poll finds; a read does neither."""
    folder, signal = tmp_path / "timeline", tmp_path / ".cache" / "changes"
    (folder / "events").mkdir(parents=True)
    event = folder / "events" / "a.yml"
    event.write_text("title: A\n")
    told: list[int] = []
    able = [True]

    def tell() -> bool:
        told.append(1)
        return able[0]

    watching = watch_by_events([folder, tmp_path / "missing"], signal, tell)
    if watching is None and not sys.platform.startswith("linux"):  # Linux always has inotify
        pytest.skip("this system gives no file events")
    assert watching is not None
    try:
        assert watching.folders == (folder,) and watching.stamp.parent == signal

        def noticed_after(change, seconds: float = 5) -> tuple[bool, bool]:
            before, count = watching.stamp.read_text(), len(told)
            change()
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and len(told) == count:
                time.sleep(0.05)
            time.sleep(0.1)
            return len(told) > count, watching.stamp.read_text() != before

        assert noticed_after(lambda: event.read_text(), seconds=1) == (False, False)
        assert noticed_after(lambda: event.write_text("title: B\n")) == (True, False)
        assert noticed_after(lambda: (folder / "events" / "b.yml").write_text("title: C\n")) == (True, False)
        able[0] = False  # the builder cannot be told: the change is stamped for its poll
        assert noticed_after(lambda: event.unlink()) == (True, True)
        assert noticed_after(lambda: (folder / "events" / "b.yml").write_text("title: E\n")) == (True, True)
        assert watching.stamp.read_text().isdigit()
        shutil.rmtree(signal.parent)  # .cache/ cleared while serving: the stamp is made again
        (folder / "events" / "c.yml").write_text("title: D\n")
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not watching.stamp.exists():
            time.sleep(0.05)
        assert watching.stamp.read_text().isdigit()
    finally:
        watching.stop()
    again = watch_by_events([folder], signal)  # a serve started again finds the folder made before
    assert again is not None
    again.stop()


def test_the_stamp_is_never_seen_half_written(tmp_path):
    """Whoever reads the stamp while changes are stamped (MkDocs' poll, a test) finds a count in it,
    never the empty file a write in place leaves for a moment."""
    folder, signal = tmp_path / "timeline", tmp_path / ".cache" / "changes"
    folder.mkdir()
    watching = watch_by_events([folder], signal)
    if watching is None and not sys.platform.startswith("linux"):
        pytest.skip("this system gives no file events")
    assert watching is not None
    seen: set[str] = set()
    done = threading.Event()

    def read_on() -> None:
        while not done.is_set():
            with contextlib.suppress(FileNotFoundError):
                seen.add(watching.stamp.read_text())

    reader = threading.Thread(target=read_on)
    reader.start()
    try:
        for number in range(300):
            (folder / f"{number % 7}.yml").write_text(f"title: {number}\n")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and len(seen) < 50:
            time.sleep(0.05)
    finally:
        done.set()
        reader.join()
        watching.stop()
    assert len(seen) >= 50 and all(text.isdigit() for text in seen), sorted(seen)[:5]


def test_no_watch_by_events_where_the_stamp_cannot_be_written(tmp_path):
    folder = tmp_path / "timeline"
    folder.mkdir()
    (tmp_path / "a-file").write_text("")
    assert watch_by_events([folder], tmp_path / "a-file" / "changes") is None  # MkDocs polls, as before
    assert watch_by_events([tmp_path / "missing"], tmp_path / "changes") is None
