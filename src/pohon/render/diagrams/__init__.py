"""The Cascading Kinerja and Pohon Kinerja diagrams of a tree: page plans and DOT built here,
drawn by Graphviz (engines.py). The render pipeline (pohon.render.pipeline) plans a tree's
pages once and hands them to the drawings and to the reports' links.
"""
