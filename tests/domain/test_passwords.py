"""New passwords: long, not common, not the user's own name — property-tested."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from stevnsmoeder.domain.passwords import MIN_LENGTH, Problem, problem


def test_short_and_common_passwords_are_refused() -> None:
    assert problem("kaffe") is Problem.TOO_SHORT
    assert problem("x" * (MIN_LENGTH - 1)) is Problem.TOO_SHORT
    for common in (
        "qwerty123456",  # in the list as it is
        "1qaz2wsx3edc",
        "Adgangskode2026!",  # a Danish word with a year and a sign
        "Velkommen123!",
        "Sommer2026!!",
        "!!Kodeord2025",
        "123456789012",
        "kode-ord-1234-",
        "STEVNSKOMMUNE1",
    ):
        assert problem(common) in (Problem.COMMON, Problem.SIMPLE), common


def test_simple_passwords_are_refused_however_long() -> None:
    for simple in (
        " " * 12,
        "\u200b" * 12,
        "111111111111",
        "!!!!!!!!!!!!",
        "aaaaaaaaaaaa",
        "000000000000",
        "1234567890123",
        "passwordpassword",
        "sommersommer",
        "qwertyqwerty",
        "abcdefghijkl",
        "12345678abcd",
        "kodeordkodeord",
        "monkeymonkey",
    ):
        assert problem(simple) in (Problem.SIMPLE, Problem.COMMON), repr(simple)


def test_the_users_own_name_is_refused() -> None:
    assert problem("mettehansen12", login="mette", name="Mette Hansen") is Problem.NAME
    assert problem("Mette-Hansen-1", login="mh", name="Mette Hansen") is Problem.NAME
    # the name inside a long sentence is no problem
    assert problem("mette drikker kaffe på torsdage", login="mette", name="Mette Hansen") is None


def test_a_sentence_of_ones_own_is_accepted() -> None:
    for good in ("syv blå kaffekopper", "Hesten spiser 4 gulerødder", "ørnen-flyver-over-rødvig"):
        assert problem(good) is None, good


@given(st.text(min_size=MIN_LENGTH, max_size=64))
def test_any_long_text_gets_an_answer_and_short_ones_never_pass(text: str) -> None:
    found = problem(text)
    assert found in (None, Problem.COMMON, Problem.SIMPLE, Problem.NAME)


@given(st.text(max_size=MIN_LENGTH - 1))
def test_nothing_shorter_than_the_minimum_passes(text: str) -> None:
    assert problem(text) is Problem.TOO_SHORT
