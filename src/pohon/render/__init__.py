"""Rendering trees into bytes: the per-tree pipeline, its cache, settings and worker
processes, the diagrams (DOT, Graphviz) and the reports (Jinja). Nothing here writes a file.

May import: pohon.core, pohon.source, pohon.tree, pohon.check.
"""
