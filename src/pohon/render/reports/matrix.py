"""The cascading matrix: one row per path from the OPD's tujuan to a leaf, parents as merged cells.

Depth is not uniform (some branches carry a sasaran antara, which may even nest), so
the columns are the union of the (level, how-many-th of that level) slots over all
paths; a path that skips a slot gets an empty cell there, merged like any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pohon.core.vocabulary import OPD_LEVELS, Level
from pohon.render.reports.affairs import Affair
from pohon.render.reports.matrix_figures import (
    NO_FIGURES,
    CellFigures,
    FigureColumns,
    cell_figures,
    figure_columns,
    has_budget,
    rupiah_or_none,
    slot_totals,
)
from pohon.render.reports.views import NodeView, Views
from pohon.render.reports.wording import Labels
from pohon.source import limits
from pohon.tree.model import Node, Tree

Slot = tuple[Level, int]


@dataclass(frozen=True)
class Column:
    level: str
    label: str
    code: bool = False  # some node of the column has a `kode`: it gets a column of its own
    budget: bool = False  # a budget level, in a tree with pagu: a pagu column per year
    totals: tuple[str, ...] = ()  # the column's pagu added up per year, when `budget`


@dataclass(frozen=True, slots=True)  # one per column of every row: kept small
class Cell:
    """One level of one row; `rowspan` 0 means the cell above spans over this one."""

    node: NodeView | None
    rowspan: int
    figures: CellFigures | None = None


@dataclass(frozen=True)
class Matrix:
    context: tuple[NodeView, ...]
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    years: tuple[int, ...]
    intro: str  # what the rows run between, from the levels the tree has ("" without rows)
    affairs: tuple[Affair, ...] = ()
    """The urusan and bidang urusan the codes imply, shown above the table."""
    figures: FigureColumns = NO_FIGURES
    opd_totals: tuple[str, ...] = ()  # the OPD's pagu per year, when the tree has pagu
    note: str | None = None  # why there is no table: a tree deeper than the matrix's limit


def build_matrix(
    tree: Tree, labels: Labels, views: Views | None = None, affairs: tuple[Affair, ...] = ()
) -> Matrix:
    """The matrix of the tree's OPD part: its rows cost columns x leaves, and the columns
    are bounded (`limits.MAX_MATRIX_COLUMNS`), so a table is built only within that bound."""
    views = views or Views(tree, labels)
    parents = tree.parents()
    starts = [
        node
        for node in tree.walk()
        if node.level in OPD_LEVELS and _level(parents.get(id(node))) not in OPD_LEVELS
    ]
    context = tuple(views.node(n) for n in _context(starts, parents))
    slots = _columns(starts)
    if len(slots) > limits.MAX_MATRIX_COLUMNS:
        note = labels["matrix_omitted"].format(columns=len(slots), limit=limits.MAX_MATRIX_COLUMNS)
        return Matrix(context, (), (), views.years, "", affairs, note=note)
    place = {slot: number for number, slot in enumerate(slots)}
    grid = [_row(path, place) for start in starts for path in _paths(start)]
    figures = figure_columns(tree, views.years)
    columns = [_column(slot, slots, labels) for slot in slots]
    return Matrix(
        context=context,
        columns=tuple(
            _with_figures(c, slot, grid, i, figures, views)
            for i, (c, slot) in enumerate(zip(columns, slots, strict=True))
        ),
        rows=_merge(grid, views, figures),
        years=views.years,
        intro=_intro([slot[0] for slot in slots], labels),
        affairs=affairs,
        figures=figures,
        opd_totals=_opd_totals(figures, views),
    )


def _with_figures(
    column: Column,
    slot: Slot,
    grid: list[list[Node | None]],
    index: int,
    figures: FigureColumns,
    views: Views,
) -> Column:
    """The column with its code and pagu columns, and the pagu of its nodes added up."""
    nodes = _distinct(row[index] for row in grid)
    budget = has_budget(slot[0], figures)
    return Column(
        column.level,
        column.label,
        code=any(node.code for node in nodes),
        budget=budget,
        totals=slot_totals(nodes, figures, views.labels, views.pagu) if budget else (),
    )


def _distinct(cells: Iterable[Node | None]) -> list[Node]:
    seen: dict[int, Node] = {}
    for node in cells:
        if node is not None:
            seen.setdefault(id(node), node)
    return list(seen.values())


def _opd_totals(figures: FigureColumns, views: Views) -> tuple[str, ...]:
    if not figures.budget:
        return ()
    return tuple(rupiah_or_none(views.pagu.opd(year), views.labels) for year in figures.years)


def _intro(levels: list[Level], labels: Labels) -> str:
    """ "From tujuan to sub kegiatan" only when the rows do run from the one to the other."""
    if not levels:
        return ""
    top, bottom = labels.level_in_prose(levels[0]), labels.level_in_prose(levels[-1])
    if top == bottom:
        return labels["matrix_intro_one"].format(top=top)
    return labels["matrix_intro"].format(top=top, bottom=bottom)


def _level(node: Node | None) -> Level | None:
    return node.level if node else None


def _paths(start: Node) -> Iterator[list[Node]]:
    """Every path from `start` to a leaf, in YAML order, as one list changed in place.

    A stack, not recursion: a chain of sasaran antara may be 20,000 deep.
    """
    path: list[Node] = []
    stack: list[tuple[Node, int]] = [(start, 0)]  # a node and how deep it sits in the path
    while stack:
        node, depth = stack.pop()
        del path[depth:]
        path.append(node)
        if not node.children:
            yield path
        stack.extend((child, depth + 1) for child in reversed(node.children))


def _columns(starts: list[Node]) -> list[Slot]:
    """The (level, how-many-th of that level) slots of all paths, in column order, found
    in one walk: a level's slots are 0 up to the most it repeats on one path."""
    most: dict[Level, int] = {}
    counts: dict[Level, int] = {}  # of each level on the path to the node met last
    stack: list[Node | Level] = list(reversed(starts))  # a Level: the walk leaves one of it
    while stack:
        item = stack.pop()
        if isinstance(item, Level):
            counts[item] -= 1
            continue
        count = counts[item.level] = counts.get(item.level, 0) + 1
        if count > most.get(item.level, 0):
            most[item.level] = count
        stack.append(item.level)
        stack.extend(reversed(item.children))
    return sorted(
        ((level, n) for level, count in most.items() for n in range(count)), key=_slot_order
    )


def _row(path: list[Node], place: dict[Slot, int]) -> list[Node | None]:
    row: list[Node | None] = [None] * len(place)
    seen: dict[Level, int] = {}
    for node in path:
        count = seen.get(node.level, 0)
        row[place[(node.level, count)]] = node
        seen[node.level] = count + 1
    return row


def _slot_order(slot: Slot) -> tuple[int, int]:
    return (list(Level).index(slot[0]), slot[1])


def _column(slot: Slot, slots: list[Slot], labels: Labels) -> Column:
    level, count = slot
    label = labels.level(level)
    if count or (level, 1) in slots:
        label = f"{label} {count + 1}"
    return Column(level.value, label)


def _merge(
    grid: list[list[Node | None]], views: Views, figures: FigureColumns
) -> tuple[tuple[Cell, ...], ...]:
    """Rowspans: a cell merges with the ones below while everything left of it is the same path."""
    width = len(grid[0]) if grid else 0
    # The first column where each row leaves the path of the row above (rows are paths in
    # order, so a span's rows share their prefix: comparing with the row above is enough).
    splits = [0] + [_first_difference(grid[r - 1], grid[r]) for r in range(1, len(grid))]
    spans = [[0] * width for _ in grid]
    for column in range(width):
        top = 0
        for row in range(1, len(grid) + 1):
            if row == len(grid) or splits[row] <= column:
                spans[top][column] = row - top
                top = row
    return tuple(
        tuple(_cell(node, spans[r][c], views, figures) for c, node in enumerate(cells))
        for r, cells in enumerate(grid)
    )


def _cell(node: Node | None, rowspan: int, views: Views, figures: FigureColumns) -> Cell:
    if node is None:
        return Cell(None, rowspan)
    view = views.node(node)
    shown = (
        cell_figures(node, view.indicators, figures, views.labels, views.pagu) if rowspan else None
    )
    return Cell(view, rowspan, shown)


def _first_difference(above: list[Node | None], row: list[Node | None]) -> int:
    for column, (a, b) in enumerate(zip(above, row, strict=True)):
        if a is not b:
            return column
    return len(row)


def _context(starts: list[Node], parents: dict[int, Node]) -> list[Node]:
    """The Pemda part above the matrix (visi … sasaran RPJMD), top first, each node once."""
    context: list[Node] = []
    seen: set[int] = set()
    for start in starts:
        chain: list[Node] = []
        node = parents.get(id(start))
        while node is not None and id(node) not in seen:  # the rest above is in already
            chain.append(node)
            node = parents.get(id(node))
        seen.update(id(n) for n in chain)
        context.extend(reversed(chain))
    return context
