"""The comparison in the format asked for, as bytes: text, Markdown, JSON, the HTML or xlsx matrix."""

from __future__ import annotations

from collections.abc import Sequence

from pohon.render.diff.values import TreeDiff
from pohon.render.reports.wording import Labels


def formatted(
    diffs: Sequence[TreeDiff], output_format: str, lang: str, *, stat: bool, colour: bool
) -> bytes:
    from pohon.render.diff.shown import stat_line

    labels = Labels(lang)
    if stat:
        return "".join(stat_line(diff, labels) + "\n" for diff in diffs).encode("utf-8")
    if output_format == "json":
        from pohon.render.diff.json_format import json_diff

        return json_diff(diffs).encode("utf-8")
    if output_format == "xlsx":
        from pohon.render.workbook.change_sheet import change_workbook

        return change_workbook(diffs, labels)
    if output_format == "html":
        from pohon.render.diff.html_format import html_diff

        return html_diff(diffs, labels)
    if output_format == "markdown":
        from pohon.render.diff.markdown_format import markdown_diff

        return "\n".join(markdown_diff(diff, labels) for diff in diffs).encode("utf-8")
    from pohon.render.diff.text_format import text_diff

    return "\n".join(text_diff(diff, labels, colour=colour) for diff in diffs).encode("utf-8")
