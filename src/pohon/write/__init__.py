"""Writing: the only package that touches the output folder (staged files, one swap, the manifest).

May import: pohon.core, pohon.source, pohon.tree, pohon.check, pohon.render.
"""
