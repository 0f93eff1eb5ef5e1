"""Reading and checking the data: `timeline/` and `seeds/` in, the model and every problem out.

`load.load_timeline` is the entry point; `schema` is the one description of every field.
"""
