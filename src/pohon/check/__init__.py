"""Checking a tree: the rules, the findings they give, and the formats findings are printed in.

May import: pohon.core, pohon.source, pohon.tree.
"""
