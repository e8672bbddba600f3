"""The search field's text as a safe FTS5 query."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stevnsmoeder.domain.search_query import MAX_TERMS, parse


@pytest.mark.parametrize(
    ("text", "fts"),
    [
        ("skole fravær", '"skole" AND "fravær"'),
        ("børnesamt*", '"børnesamt"*'),
        ('"bekymring for trivsel" skole', '"bekymring for trivsel" AND "skole"'),
        ("skole OR dagtilbud", '("skole") OR ("dagtilbud")'),
        ("skole eller dagtilbud og mor", '("skole") OR ("dagtilbud" AND "mor")'),
        ("skole -politi", '"skole" NOT "politi"'),
        ("skole IKKE politi", '"skole" NOT "politi"'),
        ("børne-unge", '"børne unge"'),
        ('"uafsluttet citat', '"uafsluttet citat"'),
        ("OR skole OR", '"skole"'),
        ("* skole *", '"skole"'),
        ("AND", ""),
        ("-politi", ""),
        ('" "', ""),
        ("", ""),
    ],
)
def test_examples(text: str, fts: str) -> None:
    assert parse(text).fts() == fts


def test_very_long_input_is_cut_short() -> None:
    q = parse("ord " * 10_000)
    assert sum(len(g) for g in q.groups) == MAX_TERMS


def _fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='unicode61 remove_diacritics 0')")
    conn.execute("INSERT INTO t VALUES ('Børnesamtale om trivsel i skolen, ÆØÅ æøå')")
    return conn


CONN = _fts()


@given(st.text(max_size=300))
def test_anything_typed_is_valid_fts5_or_empty(text: str) -> None:
    q = parse(text)
    if q.empty:
        assert q.fts() == ""
        return
    CONN.execute("SELECT count(*) FROM t WHERE t MATCH ?", (q.fts(),)).fetchall()


@given(
    st.lists(
        st.sampled_from(['"', "*", "OR", "AND", "NOT", "-", "(", ")", "^", ":", "ord", "æø"]),
        max_size=30,
    )
)
def test_operator_soup_is_valid_fts5_or_empty(parts: list[str]) -> None:
    q = parse(" ".join(parts))
    if not q.empty:
        CONN.execute("SELECT count(*) FROM t WHERE t MATCH ?", (q.fts(),)).fetchall()


def test_danish_letters_fold_case_and_stay_letters() -> None:
    def hits(text: str) -> int:
        return CONN.execute(
            "SELECT count(*) FROM t WHERE t MATCH ?", (parse(text).fts(),)
        ).fetchone()[0]

    assert hits("BØRNESAMTALE") == 1 and hits("æøå") == 1 and hits("ÆØÅ") == 1
    assert hits("børnesamt*") == 1 and hits('"trivsel i skolen"') == 1
    assert hits("aoa") == 0  # å is not a
