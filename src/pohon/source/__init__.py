"""Reading the sources: tree files as text, YAML with its marks, parts and patterns,
discovery of a project's trees, the settings file, and the limits that bound them all.

May import: pohon.core.
"""
