"""The `timeline` command as a person runs it: in a process of its own, and in a terminal that
answers its prompts."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys

NEW = [sys.executable, "-m", "timeline_core.cli"]


def run_in_a_terminal(command: list[str], answers: list[str]) -> str:
    """Run a command in a pseudo-terminal, answering each prompt in turn; return what it printed."""
    main, secondary = pty.openpty()
    process = subprocess.Popen(command, stdin=secondary, stdout=secondary, stderr=secondary, close_fds=True)
    os.close(secondary)
    replies = iter(answers)
    seen = b""
    while process.poll() is None:
        ready, _, _ = select.select([main], [], [], 10)
        if not ready:
            break
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        seen += chunk
        # a prompt ends in ": "; output such as "next:" may look like one once every answer is given
        if chunk.rstrip().endswith(b":") or b"): " in chunk[-4:] or chunk.endswith(b": "):
            reply = next(replies, None)
            if reply is not None:
                os.write(main, (reply + "\n").encode())
    process.wait(timeout=10)
    os.close(main)
    return seen.decode()
