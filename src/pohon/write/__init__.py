"""Writing: the only package that touches the output folder (a lock, a journal, one swap).

May import: pohon.core, pohon.source, pohon.tree, pohon.check, pohon.render.
"""
