"""The tree: the pydantic schema, a tree assembled from its parts, schema errors in an
analyst's words.

May import: pohon.core, pohon.source.
"""
