"""The comparison as a merge-request comment: a heading, the summary, a table per level."""

from __future__ import annotations

from pohon.core.vocabulary import Level
from pohon.render.diff.shown import stat_line
from pohon.render.diff.text_format import MARKS, node_lines, position_line
from pohon.render.diff.values import TreeDiff
from pohon.render.reports.markdown import escape
from pohon.render.reports.wording import Labels


def _plain(text: str, kind: str) -> str:
    return text


def markdown_diff(diff: TreeDiff, labels: Labels) -> str:
    """GitHub-flavoured Markdown; every text from the tree escaped, so it shows as written."""
    lines = [
        f"### {escape(labels['diff_title'])}: {escape(diff.before)} → {escape(diff.after)}",
        "",
    ]
    lines.append(escape(stat_line(diff, labels)))
    for level in Level:
        nodes = [node for node in diff.nodes if node.level is level]
        if not nodes:
            continue
        lines += ["", f"#### {escape(labels.level(level))}", ""]
        heads = ("", labels["diff_code"], "id", labels["diff_description"], labels["diff_change"])
        lines.append("| " + " | ".join(heads) + " |")
        lines.append("|" + "---|" * len(heads))
        for node in nodes:
            details = [line.strip() for line in node_lines(node, labels, _plain)[1:]]
            cells = (
                f"`{MARKS[node.kind]}` {escape(labels['diff_' + node.kind])}",
                escape(node.shown_code),
                escape(node.id),
                escape(node.label),
                "<br>".join(escape(line) for line in details),
            )
            lines.append("| " + " | ".join(cells) + " |")
    if diff.positions:
        lines += ["", f"#### {escape(labels['diff_positions'])}", ""]
        lines += [f"- {escape(position_line(p, labels, _plain))}" for p in diff.positions]
    return "\n".join(lines) + "\n"
