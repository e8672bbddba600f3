"""Excerpts around matched words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from stevnsmoeder.domain.search_query import parse
from stevnsmoeder.domain.snippets import make_snippet


def _s(columns: list[str], query: str, words: int = 8) -> str:
    return make_snippet(columns, parse(query), words=words, start="[", end="]")


def test_the_column_with_most_matches_and_a_little_before() -> None:
    notes = "En lang indledning om mange ting før vi kommer til sagen: Mor og far er uenige om far."
    assert _s(["Titel", notes], "far") == "…sagen: Mor og [far] er uenige om [far]."


def test_phrase_prefix_and_case() -> None:
    assert _s(["Børnesamtale i SKOLEN."], "børnesamt* skolen") == "[Børnesamtale] i [SKOLEN]."
    assert _s(["to uger eller tre uger"], '"tre uger"') == "to uger eller [tre uger]"


def test_no_match_gives_the_start() -> None:
    assert _s(["", "Første ord her og så videre i en lang tekst"], "xyz", 4) == "Første ord her og…"
    assert _s([], "xyz") == ""


WORD = st.text(alphabet="abcæøåABCÆØÅ", min_size=1, max_size=8)


@given(before=st.lists(WORD, max_size=30), after=st.lists(WORD, max_size=30), word=WORD)
def test_a_present_word_is_always_marked(before: list[str], after: list[str], word: str) -> None:
    text = " ".join([*before, word, *after])
    out = make_snippet([text], parse(word), start="[", end="]")
    assert f"[{word}]".lower() in out.lower() or any(
        f"[{w}]".lower() in out.lower() for w in (*before, *after) if w.lower() == word.lower()
    )


@given(st.lists(st.text(max_size=200), max_size=4), st.text(max_size=60))
def test_never_fails(columns: list[str], query: str) -> None:
    make_snippet(columns, parse(query))
