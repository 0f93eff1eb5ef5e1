"""The words the generator writes, in the reader's language: message catalogs (`catalogs`), dates
and numbers in the language's CLDR forms (`dates`), and the two as one value (`reader.Words`) that
the pages and the exports are given. The model keeps data; sentences are made here and after."""
