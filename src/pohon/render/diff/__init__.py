"""Comparing two versions of a tree: what changed, in the planners' terms (docs/diff.md)."""
