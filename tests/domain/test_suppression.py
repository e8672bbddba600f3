"""The suppression rule: no hidden count can be worked out from the rest of its table.

The property is checked against an oracle of its own, independent of the rule's reasoning by
closed paths: every whole-number table near the true one (each hidden cell within two of its
value, within what the reader knows of it) is tried, and those that agree with everything
published are kept. A hidden cell is safe when they give it at least two values.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from stevnsmoeder.domain.suppression import (
    DOMAINS,
    HIDDEN_TEXT,
    MIN_COUNT,
    SMALL_TEXT,
    CountTable,
    Grouping,
    Mark,
    Merge,
    Position,
    Protected,
    implied_sum,
    median,
    merged,
    protect,
    publish,
    publish_together,
    rule_note,
    share,
)


def completions(p: Protected) -> list[list[list[int]]]:
    """The extended tables near the true one that agree with everything published."""
    found: list[list[list[int]]] = []
    feasible(p, found)
    return found


def feasible(p: Protected, keep: list[list[list[int]]] | None = None) -> dict[Position, set[int]]:
    """For each hidden cell, the values it takes in the tables near the true one that agree
    with everything published (the true table is one of them)."""
    r, c = p.table.shape
    free = [(i, j) for i in range(r) for j in range(c) if p.mark((i, j)) is not Mark.SHOWN]
    reach = 2 if len(free) <= 5 else 1
    boxes = []
    for pos in free:
        low, high = DOMAINS[p.mark(pos)]
        v = p.value(pos)
        boxes.append(range(max(int(low), v - reach), int(min(high, v + reach)) + 1))
    hidden = [
        (i, j)
        for i in range(r + 1)
        for j in range(c + 1)
        if p.mark((i, j)) in (Mark.SMALL, Mark.HIDDEN)
    ]
    seen: dict[Position, set[int]] = {pos: set() for pos in hidden}
    for combo in itertools.product(*boxes):
        grid = [list(row[:c]) for row in p.values[:r]]
        for (i, j), v in zip(free, combo, strict=True):
            grid[i][j] = v
        ext = [[*row, sum(row)] for row in grid]
        ext.append([sum(row[j] for row in ext) for j in range(c + 1)])
        ok = True
        for i in range(r + 1):
            for j in range(c + 1):
                mark = p.mark((i, j))
                if mark is Mark.SHOWN:
                    ok = ext[i][j] == p.value((i, j))
                elif mark is not Mark.UNPUBLISHED:
                    low, high = DOMAINS[mark]
                    ok = low <= ext[i][j] <= high
                if not ok:
                    break
            if not ok:
                break
        if ok:
            for pos in hidden:
                seen[pos].add(ext[pos[0]][pos[1]])
            if keep is not None:
                keep.append(ext)
    return seen


counts = st.one_of(st.integers(0, 4), st.integers(0, 15))


@st.composite
def tables(draw: st.DrawFn) -> CountTable:
    r = draw(st.integers(1, 3))
    c = draw(st.integers(1, 3))
    cells = tuple(tuple(draw(counts) for _ in range(c)) for _ in range(r))
    row_totals = draw(st.booleans())
    column_totals = draw(st.booleans())
    table = CountTable(
        tuple(f"r{i}" for i in range(r)),
        tuple(f"c{j}" for j in range(c)),
        cells,
        row_totals=row_totals,
        column_totals=column_totals,
    )
    ext = table.extended()

    def shareable(values: list[int]) -> bool:
        return all(v == 0 or v >= MIN_COUNT for v in values)

    fixed_rows = row_totals and draw(st.booleans()) and shareable([row[c] for row in ext[:r]])
    fixed_columns = column_totals and draw(st.booleans()) and shareable(list(ext[r][:c]))
    fixed_grand = (row_totals or column_totals) and draw(st.booleans()) and shareable([ext[r][c]])
    precious = tuple(j for j in range(c + 1) if draw(st.booleans()) and draw(st.booleans()))
    return CountTable(
        table.rows,
        table.columns,
        cells,
        row_totals=row_totals,
        column_totals=column_totals,
        fixed_row_totals=fixed_rows,
        fixed_column_totals=fixed_columns,
        fixed_grand_total=fixed_grand,
        precious_columns=precious,
    )


@settings(max_examples=300, deadline=None)
@given(tables())
def test_no_hidden_count_can_be_worked_out(table: CountTable) -> None:
    p = protect(table)
    assume(p is not None)
    assert p is not None
    for pos, values in feasible(p).items():
        assert p.value(pos) in values
        assert len(values) >= 2, (pos, p.value(pos), values, p.marks)


@settings(max_examples=300, deadline=None)
@given(tables())
def test_small_counts_never_show_and_shared_totals_always_do(table: CountTable) -> None:
    p = protect(table)
    assume(p is not None)
    assert p is not None
    r, c = table.shape
    for i in range(r + 1):
        for j in range(c + 1):
            pos = (i, j)
            value, mark = p.value(pos), p.mark(pos)
            if not table.published(pos):
                assert mark is Mark.UNPUBLISHED and p.text(pos) == ""
                continue
            if 0 < value < MIN_COUNT:
                assert mark is Mark.SMALL and p.text(pos) == SMALL_TEXT
            elif mark is Mark.HIDDEN:
                assert value >= MIN_COUNT and p.text(pos) == HIDDEN_TEXT
            else:
                assert mark is Mark.SHOWN and p.text(pos) == str(value)
            if table.fixed(pos):
                assert mark is Mark.SHOWN


@settings(max_examples=200, deadline=None)
@given(tables(), st.data())
def test_a_sum_is_given_only_when_the_table_already_tells_it(
    table: CountTable, data: st.DataObject
) -> None:
    p = protect(table)
    assume(p is not None)
    assert p is not None
    r, c = table.shape
    cells = [(i, j) for i in range(r) for j in range(c)]
    chosen = data.draw(st.lists(st.sampled_from(cells), unique=True, max_size=len(cells)))
    value = implied_sum(p, chosen)
    true = sum(p.value(pos) for pos in chosen)
    if all(p.mark(pos) is Mark.SHOWN for pos in chosen):
        assert value == true  # shown cells: their sum, of course
    if value is not None:
        assert value == true
        assert {sum(ext[i][j] for i, j in chosen) for ext in completions(p)} == {true}


def test_a_sum_of_hidden_cells_told_by_the_totals() -> None:
    """Two hidden cells of a row whose other cells and total are shown: their sum is known
    (the total less the rest), each alone is not."""
    table = CountTable(("a", "b"), ("x", "y", "z"), ((3, 10, 7), (8, 9, 12)))
    p = protect(table)
    assert p is not None
    assert [p.text((0, j)) for j in range(4)] == ["<5", "10", "x", "20"]
    assert implied_sum(p, [(0, 0), (0, 2)]) == 10
    assert implied_sum(p, [(0, 0)]) is None
    assert implied_sum(p, [(0, 0), (1, 0)]) == 11  # the first column's total


def test_a_row_total_gives_away_a_lone_small_count() -> None:
    table = CountTable(("a", "b"), ("x", "y", "z"), ((3, 10, 7), (8, 9, 12)))
    p = protect(table)
    assert p is not None
    assert p.text((0, 0)) == SMALL_TEXT
    # Another cell of the first row and of the first column is hidden with it.
    assert sum(p.mark((0, j)) is not Mark.SHOWN for j in range(3)) >= 2
    assert sum(p.mark((i, 0)) is not Mark.SHOWN for i in range(2)) >= 2
    assert all(len(v) >= 2 for v in feasible(p).values())


def test_two_small_counts_that_add_up_to_two_are_not_enough() -> None:
    """1 and 1 beside a shown total: the reader knows both are 1. A third cell must go."""
    table = CountTable(("a", "b"), ("x", "y", "z"), ((1, 1, 9), (6, 8, 12)))
    p = protect(table)
    assert p is not None
    assert (p.text((0, 0)), p.text((0, 1))) == (SMALL_TEXT, SMALL_TEXT)
    assert p.mark((0, 2)) is not Mark.SHOWN or p.mark((0, 3)) is not Mark.SHOWN
    assert all(len(v) >= 2 for v in feasible(p).values())


def test_a_hidden_five_beside_a_one_gives_both_away() -> None:
    """1 and an "x" in a column of 6 with a shared total: x ≥ 5 leaves only 1 + 5."""
    table = CountTable(("a", "b"), ("x",), ((1,), (5,)), row_totals=False, fixed_grand_total=True)
    assert protect(table) is None
    shown = publish(table)
    assert shown.withheld
    assert [shown.protected.text((i, 0)) for i in range(3)] == ["", "", ""]
    assert shown.protected.text((2, 1)) == "6"  # the shared grand total, and nothing else


def test_a_precious_column_is_hidden_last() -> None:
    """The policy's indicator (the 0–6-year-olds) keeps its counts when other cells can
    protect the small ones instead."""
    cells = ((3, 6, 9), (8, 5, 12))
    plain = protect(CountTable(("a", "b"), ("x", "y", "z"), cells))
    kept = protect(CountTable(("a", "b"), ("x", "y", "z"), cells, precious_columns=(1,)))
    assert plain is not None and kept is not None
    assert plain.text((0, 1)) == "x"
    assert [kept.text((i, 1)) for i in range(2)] == ["6", "5"]
    assert all(len(v) >= 2 for v in feasible(kept).values())


def test_merging_when_mostly_hidden() -> None:
    levels = ("1", "2", "3", "4", "5")
    table = CountTable(levels, ("0–6", "7–12"), ((9, 12), (2, 3), (1, 7), (3, 1), (2, 2)))
    bands = Merge(
        rows=Grouping(("none", "prevention", "early", "intrusive"), ((0,), (1,), (2,), (3, 4)))
    )
    fine = protect(table)
    assert fine is not None and fine.mostly_suppressed
    shown = publish(table, [bands])
    assert shown.merged and shown.table.rows == ("none", "prevention", "early", "intrusive")
    assert shown.table.cells == ((9, 12), (2, 3), (1, 7), (5, 3))
    assert not shown.protected.mostly_suppressed or shown.withheld is False


def test_years_side_by_side_merge_alike() -> None:
    quarters = Merge(columns=Grouping(("year",), ((0, 1, 2, 3),)))
    busy = CountTable(("district",), ("Q1", "Q2", "Q3", "Q4"), ((20, 30, 25, 18),))
    quiet = CountTable(("district",), ("Q1", "Q2", "Q3", "Q4"), ((2, 1, 3, 2),))
    this, last = publish_together([busy, quiet], [quarters])
    assert this.table.columns == last.table.columns == ("year",)
    assert this.protected.text((0, 0)) == "93"
    assert last.protected.text((0, 0)) == "8"


def test_merged_one_column_publishes_no_row_totals() -> None:
    table = CountTable(("a", "b"), ("x", "y"), ((1, 2), (3, 4)))
    one = merged(table, Merge(columns=Grouping(("all",), ((0, 1),))))
    assert one.cells == ((3,), (7,)) and not one.row_totals and one.column_totals


def test_shares_and_medians_need_enough() -> None:
    assert share(5, 20) == 25.0
    assert share(5, 19) is None
    assert share(None, 40) is None and share(5, None) is None
    assert median([1, 2, 3, 4]) is None
    assert median([3, 1, 2, 9, 7]) == 3.0


def test_the_footnote_states_the_rule() -> None:
    note = rule_note()
    assert "<5" in note and "20" in note and "5" in note


@pytest.mark.parametrize("bad", [((-1,),), ((1, 2),)])
def test_a_table_is_counts_that_fit_its_labels(bad: tuple[tuple[int, ...], ...]) -> None:
    with pytest.raises(ValueError):
        CountTable(("a",), ("x",), bad)
