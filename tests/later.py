"""Run a Python module as if it were later: `python tests/later.py SECONDS -m MODULE ARGS…`.

A test that needs a build at another time passes the clock in instead of sleeping: every
clock Python offers (time.time and friends, datetime's now and utcnow, and the today of date
and datetime, which read time.time)
reads SECONDS later in this process, from before the module is imported.
"""

from __future__ import annotations

import datetime
import runpy
import sys
import time


def shift_clock(seconds: float) -> None:
    """Make every Python clock of this process read `seconds` later."""
    step = datetime.timedelta(seconds=seconds)
    real_time, real_time_ns = time.time, time.time_ns
    real_localtime, real_gmtime = time.localtime, time.gmtime
    time.time = lambda: real_time() + seconds  # type: ignore[assignment]
    time.time_ns = lambda: real_time_ns() + int(seconds * 1e9)  # type: ignore[assignment]
    time.localtime = lambda secs=None: real_localtime(time.time() if secs is None else secs)  # type: ignore[assignment]
    time.gmtime = lambda secs=None: real_gmtime(time.time() if secs is None else secs)  # type: ignore[assignment]

    class LaterDatetime(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return super().now(tz) + step

        @classmethod
        def utcnow(cls):
            return super().utcnow() + step

    # date.today and datetime.today read time.time, so they are later already
    datetime.datetime = LaterDatetime  # type: ignore[misc]


if __name__ == "__main__":
    seconds, flag, module, *args = sys.argv[1:]
    assert flag == "-m", "usage: python tests/later.py SECONDS -m MODULE ARGS…"
    shift_clock(float(seconds))
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
