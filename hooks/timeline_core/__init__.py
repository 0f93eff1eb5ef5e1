"""The timeline core: load, validate and render a cited timeline.

Nothing in this package imports MkDocs, so the `timeline` command, the tests
and the MkDocs hooks all drive the same code.
"""
