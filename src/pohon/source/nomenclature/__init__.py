"""The national nomenclature: the bundled, versioned reference list and a project's own list.

The list's files are in `data/` (docs/nomenclature.md says what they hold and where each
fact came from); `lists.nomenclature_for` gives the list a project checks against.
"""
