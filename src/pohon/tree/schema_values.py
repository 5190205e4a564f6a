"""How a schema message names a value and a key: `a list`, `` `nama` ``, ``item 2 of `sertakan` ``."""

from __future__ import annotations

from typing import Any

from pohon.core.messages import _
from pohon.source.yaml_marks import DataPath


def describe(value: Any) -> str:
    if value is None:
        return _("nothing (the value is empty)")
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    text = str(value)
    if not text.strip():
        return _("an empty text")
    return f"`{text[:60]}…`" if len(text) > 60 else f"`{text}`"


def field_name(loc: DataPath) -> str:
    names = [part for part in loc if isinstance(part, str) and part != "[key]"]
    if not names:
        return _("the document")
    if isinstance(loc[-1], int):  # an item of a list of texts, such as `sertakan`
        return _("item {number} of `{key}`").format(number=loc[-1] + 1, key=names[-1])
    return f"`{names[-1]}`"
