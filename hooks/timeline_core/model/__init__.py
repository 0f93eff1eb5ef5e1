"""The immutable model the pages and the exports are made from, and the views they share.

Nothing here reads files or knows about pages: `records` holds what was loaded, `dates` what a
date means, `quotes` the archived texts, `views` the orderings and groupings every reader sees.
"""
