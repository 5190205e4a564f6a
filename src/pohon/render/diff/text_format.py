"""The comparison for a terminal: one block per level, each change on its own line."""

from __future__ import annotations

from collections.abc import Callable

import click

from pohon.core.vocabulary import Level
from pohon.render.diff.shown import figure_change, money_change, note_text, stat_line
from pohon.render.diff.values import IndicatorDiff, NodeDiff, Pair, PositionDiff, TreeDiff
from pohon.render.reports.wording import Labels

MARKS = {"added": "+", "removed": "-", "changed": "~", "replaced": "±"}
_COLOURS = {"added": "green", "removed": "red", "changed": "yellow", "replaced": "magenta"}

Paint = Callable[[str, str], str]


def text_diff(diff: TreeDiff, labels: Labels, *, colour: bool = False) -> str:
    """The whole comparison as text; colour (ANSI) only when asked, i.e. on a terminal."""

    def paint(text: str, kind: str) -> str:
        if not colour:
            return text
        if kind == "title":
            return click.style(text, bold=True)
        return click.style(text, fg=_COLOURS.get(kind))

    lines = [paint(stat_line(diff, labels), "title")]
    for level in Level:
        nodes = [node for node in diff.nodes if node.level is level]
        if nodes:
            lines += ["", paint(labels.level(level), "title")]
            for node in nodes:
                lines += node_lines(node, labels, paint)
    if diff.positions:
        lines += ["", paint(labels["diff_positions"], "title")]
        lines += [position_line(position, labels, paint) for position in diff.positions]
    return "\n".join(lines) + "\n"


def node_lines(node: NodeDiff, labels: Labels, paint: Paint) -> list[str]:
    code = f" {node.shown_code}" if node.shown_code else ""
    head = f"{MARKS[node.kind]} {node.id}{code} {labels['diff_' + node.kind]}: {node.label}"
    lines = [paint(head, node.kind)]
    out = "    "
    if node.old_id:
        lines.append(f"{out}{labels['diff_id']}: {node.old_id} → {node.id}")
    if node.kind == "changed":
        for aspect, word in (
            ("statement", "diff_statement"),
            ("name", "diff_name"),
            ("code", "diff_code_word"),
        ):
            if aspect in node.aspects:
                lines.append(f"{out}{labels[word]}: {_pair(getattr(node, aspect))}")
        if node.parent is not None:
            lines.append(
                f"{out}{labels['diff_moved']}: {labels['diff_parent']} {_pair(node.parent)}"
            )
        if node.position is not None:
            lines.append(f"{out}{labels['diff_position']}: {_pair(node.position)}")
    elif node.parent is not None and (node.parent.after or node.parent.before):
        lines.append(f"{out}{labels['diff_parent']}: {node.parent.after or node.parent.before}")
    lines += [
        f"{out}{labels['diff_budget']} {money_change(shift, labels)}" for shift in node.budget
    ]
    for indicator in node.indicators:
        lines += _indicator_lines(indicator, labels, paint)
    if reason := note_text(node.note, labels):
        lines.append(f"{out}{reason}")
    return lines


def _indicator_lines(indicator: IndicatorDiff, labels: Labels, paint: Paint) -> list[str]:
    out, deeper = "    ", "        "
    word = labels["diff_indicator"]
    if indicator.kind == "replaced":
        head = f'{word} {labels["diff_replaced"]}: "{indicator.name.before}" → "{indicator.name.after}"'
    elif indicator.reworded:
        head = f'{word} {labels["diff_reworded"]}: "{indicator.name.before}" → "{indicator.name.after}"'
    else:
        head = f'{word} {labels["diff_" + indicator.kind]}: "{indicator.name.after or indicator.name.before}"'
    lines = [out + paint(f"{MARKS[indicator.kind]} {head}", indicator.kind)]
    for field, key in (("unit", "diff_unit"), ("polarity", "diff_polarity"), ("ends", "diff_ends")):
        pair = getattr(indicator, field)
        if pair is not None:
            lines.append(f"{deeper}{labels[key].lower()}: {_pair(pair)}")
    lines += [
        f"{deeper}{labels['diff_targets']} {figure_change(s, labels)}" for s in indicator.targets
    ]
    lines += [
        f"{deeper}{labels['diff_realisations']} {figure_change(s, labels)}"
        for s in indicator.realisations
    ]
    if reason := note_text(indicator.note, labels):
        lines.append(f"{deeper}{reason}")
    return lines


def position_line(position: PositionDiff, labels: Labels, paint: Paint) -> str:
    text = f"{MARKS[position.kind]} {position.id} {labels['diff_' + position.kind]}: "
    text += position.title.after or position.title.before or ""
    if position.kind == "changed":
        changes = (
            [f"{labels['diff_name']}: {_pair(position.title)}"]
            if position.title.before != position.title.after
            else []
        )
        if position.holder is not None:
            changes.append(f"{labels['diff_holder']}: {_pair(position.holder)}")
        if position.echelon is not None:
            changes.append(f"{labels['diff_echelon']}: {_pair(position.echelon)}")
        text += " (" + "; ".join(changes) + ")"
    return paint(text, position.kind)


def _pair(pair: Pair) -> str:
    return f"{_quoted(pair.before)} → {_quoted(pair.after)}"


def _quoted(text: str | None) -> str:
    return "–" if text is None else f'"{text}"' if " " in text else text
