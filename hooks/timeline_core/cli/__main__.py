"""`python -m timeline_core.cli`: the `timeline` command."""

import sys

from . import main

sys.exit(main())
