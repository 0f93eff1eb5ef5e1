"""The site's pages: which pages there are, where they live, and their rendering.

`structure` lists the pages as records, `render` turns them into Markdown through the Jinja
templates in `templates/`, `urls` and `paging` say where each page and event lives.
"""
