"""No child identifiable: the one rule by which statistics leave the program.

A table of counts (children, discussions, agreements) is published with its totals only
after this rule has been applied:

* **Small counts.** A count of 1 to 4 is shown as "<5". Zero is shown: it names nobody.
* **Secondary suppression.** Where a hidden count could be worked out from the others and
  the totals (a row of 12 with one cell hidden and the rest shown), further cells are hidden
  and shown as "x" until no hidden count can be recovered. An "x" always stands for 5 or more;
  zeros are never hidden.
* **Shares** are given only where the count is shown and the denominator is shown and is at
  least 20; **medians** only over at least 5 children.
* **Merging.** When a table is mostly hidden (more than half of its non-zero cells), its
  categories are merged (Trivselslinealen levels into the ladder's steps, quarters into the
  year) and the rule applied again.

Which cells can be worked out is decided exactly, not by rule of thumb. A table with its row
totals, column totals and grand total is a set of equations; written with the totals' signs
turned round, every row and every column of the extended table sums to zero, so any other
table that agrees with everything published differs from the true one by moves of +1 and −1
round closed paths of hidden cells (rows and columns taken in turn). A hidden cell can be
recovered exactly when no such path through it keeps every hidden cell within what the reader
knows of it ("<5": 1 to 4; "x": 5 or more; a total that is not published: 0 or more). The
equations are those of a network, whose corner solutions are whole numbers, so a single closed
path decides it (``protected``).

Totals that several tables share (the discussions of each meeting type, the children in all)
are never hidden, so that each table can be protected on its own: the caller merges small
categories into "Øvrige" first (``fixed`` totals must be 0 or at least 5).

Pure and small: no database, no Qt. ``services.statistics`` applies it; the reports and the
window only show its result.
"""

from __future__ import annotations

import enum
import math
import statistics
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from stevnsmoeder.i18n import _

MIN_COUNT = 5  # a count below this (and above 0) is never shown
MIN_DENOMINATOR = 20  # a share only of at least this many
MIN_MEDIAN = 5  # a median only over at least this many children
SMALL_TEXT = "<5"
HIDDEN_TEXT = "x"
UNLIMITED = math.inf

Position = tuple[int, int]  # (row, column) in the extended table; the totals are last


class Mark(enum.StrEnum):
    SHOWN = "shown"
    SMALL = "small"  # 1 to 4, shown as "<5"
    HIDDEN = "hidden"  # 5 or more, hidden so that a small count cannot be worked out: "x"
    UNPUBLISHED = "unpublished"  # a total the table does not print


# What a reader of the published table knows of a cell's true value, by its mark.
DOMAINS: dict[Mark, tuple[float, float]] = {
    Mark.SMALL: (1, MIN_COUNT - 1),
    Mark.HIDDEN: (MIN_COUNT, UNLIMITED),
    Mark.UNPUBLISHED: (0, UNLIMITED),
}


@dataclass(frozen=True)
class CountTable:
    """Counts with row and column labels. ``row_totals``: a total per row is published;
    ``column_totals``: a total per column and the grand total are published (the grand total
    also when only the row totals are). ``fixed_*``: totals shared with another table, which
    must stay shown (0 or at least 5)."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]
    row_totals: bool = True
    column_totals: bool = True
    fixed_row_totals: bool = False
    fixed_column_totals: bool = False
    fixed_grand_total: bool = False
    # Columns whose cells are hidden to protect others only as a last resort (the policy's
    # indicator for the 0–6-year-olds); the index of the row totals is len(columns).
    precious_columns: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if len(self.cells) != len(self.rows) or any(
            len(row) != len(self.columns) for row in self.cells
        ):
            raise ValueError("the cells do not match the labels")
        if any(v < 0 for row in self.cells for v in row):
            raise ValueError("counts are not negative")

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.rows), len(self.columns)

    def extended(self) -> tuple[tuple[int, ...], ...]:
        """The cells with a total column, a total row and the grand total."""
        body = [(*row, sum(row)) for row in self.cells]
        sums = [sum(row[j] for row in body) for j in range(len(self.columns) + 1)]
        return (*(tuple(row) for row in body), tuple(sums))

    def published(self, position: Position) -> bool:
        r, c = self.shape
        i, j = position
        if i < r and j < c:
            return True
        if i == r and j == c:
            return self.row_totals or self.column_totals
        return self.row_totals if j == c else self.column_totals

    def fixed(self, position: Position) -> bool:
        r, c = self.shape
        i, j = position
        if i == r and j == c:
            return self.fixed_grand_total
        if j == c:
            return self.fixed_row_totals and self.row_totals
        if i == r:
            return self.fixed_column_totals and self.column_totals
        return False


@dataclass(frozen=True)
class Protected:
    """A table with the mark of every cell of its extended table (totals last)."""

    table: CountTable
    values: tuple[tuple[int, ...], ...]
    marks: tuple[tuple[Mark, ...], ...]

    def mark(self, position: Position) -> Mark:
        return self.marks[position[0]][position[1]]

    def value(self, position: Position) -> int:
        return self.values[position[0]][position[1]]

    def shown(self, position: Position) -> int | None:
        """The count as published, or None when it is not shown."""
        return self.value(position) if self.mark(position) is Mark.SHOWN else None

    def text(self, position: Position) -> str:
        """The cell as printed: the count, "<5", "x", or "" for a total not published."""
        mark = self.mark(position)
        if mark is Mark.SHOWN:
            return str(self.value(position))
        if mark is Mark.SMALL:
            return SMALL_TEXT
        if mark is Mark.HIDDEN:
            return HIDDEN_TEXT
        return ""

    @property
    def suppressed_share(self) -> float:
        """Of the non-zero cells (without the totals), the share that is not shown."""
        r, c = self.table.shape
        inside = [(i, j) for i in range(r) for j in range(c) if self.value((i, j))]
        if not inside:
            return 0.0
        return sum(self.mark(p) is not Mark.SHOWN for p in inside) / len(inside)

    @property
    def mostly_suppressed(self) -> bool:
        return self.suppressed_share > 0.5


# -- which hidden cells can be worked out ------------------------------------------------------


def _sign(position: Position, shape: tuple[int, int]) -> int:
    """+1 for a cell, −1 for a row or column total, +1 for the grand total: with the totals'
    signs turned round, every row and column of the extended table sums to zero."""
    r, c = shape
    return (-1 if position[0] == r else 1) * (-1 if position[1] == c else 1)


Node = tuple[str, int]


def _arcs(
    values: Sequence[Sequence[int]], marks: dict[Position, Mark], shape: tuple[int, int]
) -> dict[Node, list[tuple[Node, Position]]]:
    """The moves a reader cannot rule out: a hidden cell is an edge between its row and its
    column, passable row → column when its value may go up by its sign, column → row when it
    may go down by it (a closed path takes rows and columns in turn, +1 and −1 in turn)."""
    arcs: dict[Node, list[tuple[Node, Position]]] = {}
    for position, mark in marks.items():
        if mark is Mark.SHOWN:
            continue
        low, high = DOMAINS[mark]
        value, sign = values[position[0]][position[1]], _sign(position, shape)
        row, column = ("r", position[0]), ("c", position[1])
        if low <= value + sign <= high:
            arcs.setdefault(row, []).append((column, position))
        if low <= value - sign <= high:
            arcs.setdefault(column, []).append((row, position))
    return arcs


def _reaches(
    arcs: dict[Node, list[tuple[Node, Position]]], start: Node, goal: Node, without: Position
) -> bool:
    seen = {start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target, position in arcs.get(node, ()):
            if position == without or target in seen:
                continue
            if target == goal:
                return True
            seen.add(target)
            queue.append(target)
    return False


def protected(
    values: Sequence[Sequence[int]],
    marks: dict[Position, Mark],
    shape: tuple[int, int],
    position: Position,
) -> bool:
    """True when the hidden cell at ``position`` cannot be worked out: a closed path of +1 and
    −1 through it keeps every hidden cell within what the reader knows of it."""
    arcs = _arcs(values, marks, shape)
    row, column = ("r", position[0]), ("c", position[1])
    up = any(t == column and p == position for t, p in arcs.get(row, ()))
    down = any(t == row and p == position for t, p in arcs.get(column, ()))
    return (up and _reaches(arcs, column, row, position)) or (
        down and _reaches(arcs, row, column, position)
    )


def _hidden(marks: dict[Position, Mark]) -> list[Position]:
    return [p for p, m in marks.items() if m in (Mark.SMALL, Mark.HIDDEN)]


def recoverable(
    values: Sequence[Sequence[int]], marks: dict[Position, Mark], shape: tuple[int, int]
) -> list[Position]:
    """The hidden cells ("<5" or "x") a reader could work out exactly."""
    return [p for p in _hidden(marks) if not protected(values, marks, shape, p)]


def _cost(
    position: Position, value: int, shape: tuple[int, int], near: Position
) -> tuple[int, ...]:
    """Which cell to hide next: a cell rather than a total, a small count rather than a large
    one, one beside the cell to protect rather than far from it."""
    r, c = shape
    total = position[0] == r or position[1] == c
    beside = position[0] == near[0] or position[1] == near[1]
    return (int(total), value, int(not beside), *position)


def protect(table: CountTable) -> Protected | None:
    """The table with counts of 1–4 marked "<5" and as few further cells marked "x" as this
    greedy rule finds, so that no hidden count can be worked out. None when that is not
    possible without hiding a total another table shows (merge the table's categories)."""
    values = table.extended()
    r, c = table.shape
    shape = (r, c)
    marks: dict[Position, Mark] = {}
    for i in range(r + 1):
        for j in range(c + 1):
            position, value = (i, j), values[i][j]
            if not table.published(position):
                marks[position] = Mark.UNPUBLISHED
            elif 0 < value < MIN_COUNT:
                if table.fixed(position):
                    raise ValueError("a shared total under 5: merge the categories first")
                marks[position] = Mark.SMALL
            else:
                marks[position] = Mark.SHOWN
    while True:
        unsafe = recoverable(values, marks, shape)
        if not unsafe:
            break
        target = unsafe[0]
        candidates = [
            p
            for p, m in marks.items()
            if m is Mark.SHOWN and not table.fixed(p) and values[p[0]][p[1]] >= MIN_COUNT
        ]
        if not candidates:
            return None
        helping = [
            p for p in candidates if protected(values, {**marks, p: Mark.HIDDEN}, shape, target)
        ]
        beside = [p for p in candidates if p[0] == target[0] or p[1] == target[1]]
        pool = helping or beside or candidates
        chosen = min(
            pool,
            key=lambda p: (
                p[0] < r and p[1] in table.precious_columns,
                *_cost(p, values[p[0]][p[1]], shape, target),
            ),
        )
        marks[chosen] = Mark.HIDDEN
    # A cell hidden on the way that can be worked out anyway protects nothing: show it.
    changed = True
    while changed:
        changed = False
        for p in [p for p, m in marks.items() if m is Mark.HIDDEN]:
            if not protected(values, marks, shape, p):
                marks[p] = Mark.SHOWN
                changed = True
    grid = tuple(tuple(marks[(i, j)] for j in range(c + 1)) for i in range(r + 1))
    return Protected(table, values, grid)


# -- sums a published table already gives --------------------------------------------------


def implied_sum(p: Protected, positions: Iterable[Position]) -> int | None:
    """The sum of these cells, when the published table already determines it (from its shown
    cells and totals), else None: a figure built from a table (children on a better step:
    the cells below the diagonal) may then be shown without telling anything new.

    Linear algebra over the hidden cells: the sum is determined exactly when it is a
    combination of the table's equations (row and column sums) restricted to them."""
    r, c = p.table.shape
    unknown = [
        (i, j) for i in range(r + 1) for j in range(c + 1) if p.mark((i, j)) is not Mark.SHOWN
    ]
    index = {pos: n for n, pos in enumerate(unknown)}
    wanted = set(positions)

    def equation(cells: Iterable[Position], total: Position) -> list[Fraction]:
        """sum(cells) − total = 0, the unknowns on the left, the known rest on the right."""
        row = [Fraction(0)] * (len(unknown) + 1)
        for pos, sign in [*((q, 1) for q in cells), (total, -1)]:
            if pos in index:
                row[index[pos]] += sign
            else:
                row[-1] -= sign * p.value(pos)
        return row

    rows = [equation([(i, j) for j in range(c)], (i, c)) for i in range(r + 1)]
    rows += [equation([(i, j) for i in range(r)], (r, j)) for j in range(c + 1)]
    target = [Fraction(1 if pos in wanted else 0) for pos in unknown]
    known = sum(p.value(pos) for pos in wanted if pos not in index)
    # Gaussian elimination on the equations, then reduce the target by the pivot rows.
    pivots: list[tuple[int, list[Fraction]]] = []
    for row in rows:
        for col, pivot_row in pivots:
            if row[col]:
                factor = row[col] / pivot_row[col]
                row = [a - factor * b for a, b in zip(row, pivot_row, strict=True)]
        lead = next((k for k in range(len(unknown)) if row[k]), None)
        if lead is not None:
            pivots.append((lead, row))
    value = Fraction(known)
    residue = [*target, Fraction(0)]
    for col, pivot_row in pivots:
        if residue[col]:
            factor = residue[col] / pivot_row[col]
            residue = [a - factor * b for a, b in zip(residue, pivot_row, strict=True)]
            value += factor * pivot_row[-1]
    if any(residue[:-1]):
        return None
    return int(value)


# -- merging categories --------------------------------------------------------------------------


@dataclass(frozen=True)
class Grouping:
    """How rows (or columns) merge: a label per group and the indexes it takes in."""

    labels: tuple[str, ...]
    members: tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class Merge:
    """One step of merging: rows, columns or both (None leaves them as they are)."""

    rows: Grouping | None = None
    columns: Grouping | None = None


def merged(table: CountTable, merge: Merge) -> CountTable:
    """The table with its rows and columns merged as ``merge`` says. A table merged down to
    one column publishes no row totals (they would repeat the column)."""
    rows = merge.rows or Grouping(table.rows, tuple((i,) for i in range(len(table.rows))))
    columns = merge.columns or Grouping(
        table.columns, tuple((j,) for j in range(len(table.columns)))
    )
    cells = tuple(
        tuple(sum(table.cells[i][j] for i in row for j in column) for column in columns.members)
        for row in rows.members
    )
    one_column = len(columns.labels) == 1
    return CountTable(
        rows=rows.labels,
        columns=columns.labels,
        cells=cells,
        row_totals=table.row_totals and not one_column,
        column_totals=table.column_totals,
        fixed_row_totals=table.fixed_row_totals,
        fixed_column_totals=table.fixed_column_totals,
        fixed_grand_total=table.fixed_grand_total,
        # (the row totals' column keeps its index when only the rows merge)
        precious_columns=table.precious_columns if merge.columns is None else (),
    )


@dataclass(frozen=True)
class Published:
    """A table as it may be shown: protected, perhaps merged; ``withheld`` when not even the
    merged table could be protected (then only its shared totals are shown)."""

    protected: Protected
    merged: bool = False
    withheld: bool = False

    @property
    def table(self) -> CountTable:
        return self.protected.table


def _withheld(table: CountTable) -> Protected:
    """Nothing but the totals other tables show anyway."""
    values = table.extended()
    r, c = table.shape
    grid = tuple(
        tuple(Mark.SHOWN if table.fixed((i, j)) else Mark.UNPUBLISHED for j in range(c + 1))
        for i in range(r + 1)
    )
    return Protected(table, values, grid)


def publish_together(tables: Sequence[CountTable], merges: Sequence[Merge] = ()) -> list[Published]:
    """The same table for several years, laid out alike: each protected on its own, all merged
    as far as the most hidden of them needs (so that the years stand side by side). The first
    layout in which every table can be protected and none is mostly hidden is taken; failing
    that, the most merged one."""
    levels: list[list[CountTable]] = [list(tables)]
    for merge in merges:
        levels.append([merged(t, merge) for t in levels[-1]])
    chosen: list[Protected | None] = []
    depth = 0
    for depth, candidates in enumerate(levels):  # noqa: B007 (the depth reached is used)
        chosen = [protect(t) for t in candidates]
        if all(p is not None and not p.mostly_suppressed for p in chosen):
            break
    return [
        Published(_withheld(table), merged=depth > 0, withheld=True)
        if done is None
        else Published(done, merged=depth > 0)
        for table, done in zip(levels[depth], chosen, strict=True)
    ]


def publish(table: CountTable, merges: Sequence[Merge] = ()) -> Published:
    return publish_together([table], merges)[0]


# -- shares and medians ------------------------------------------------------------------------


def share(count: int | None, denominator: int | None) -> float | None:
    """``count`` of ``denominator`` as a percentage, when both are shown (not None) and the
    denominator is at least MIN_DENOMINATOR."""
    if count is None or denominator is None or denominator < MIN_DENOMINATOR:
        return None
    return 100.0 * count / denominator


def median(values: Iterable[float]) -> float | None:
    """The median, over at least MIN_MEDIAN values (children); otherwise None."""
    found = list(values)
    if len(found) < MIN_MEDIAN:
        return None
    return float(statistics.median(found))


def legend() -> str:
    """What the two marks mean, in one line (under a table, in a page's footer)."""
    return _("«<5»: 1–4. «x»: hidden so that a small count cannot be worked out.")


def rule_note() -> str:
    """The rule, as the report's footnote states it."""
    return _(
        "No child can be identified: counts of 1–4 are shown as «<5». Where a hidden count "
        "could be worked out from the other cells and the totals, further cells are hidden "
        "and shown as «x» (always 5 or more); zeros are shown. Shares are given only where "
        "the count is shown and the denominator is at least {share}, medians only where "
        "they rest on {median} or more children. When most of a table would be hidden, "
        "its categories are "
        "merged (Trivselslinealen levels into the three steps of the ladder, quarters into "
        "the year). Meeting types with fewer than 5 discussions are merged into «Other meeting "
        "types».",
        share=MIN_DENOMINATOR,
        median=MIN_MEDIAN,
    )
