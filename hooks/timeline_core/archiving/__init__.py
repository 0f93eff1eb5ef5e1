"""Taking a copy of a published source: fetching a page, extracting its article, writing its entry.

Used by `timeline source add` only; nothing here runs at build time, and nothing else fetches.
"""
