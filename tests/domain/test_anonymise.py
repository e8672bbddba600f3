"""Names and CPR numbers out of free text, for anonymised documents."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from stevnsmoeder.domain.anonymise import Redactor, name_replacements


def _redactor() -> Redactor:
    family = name_replacements("Åse Ødegård", "mor")
    child = name_replacements("Asta Marie Ødegård", "A.Ø.")
    return Redactor({**family, **child}, "[CPR fjernet]")


def test_names_in_every_form_are_replaced() -> None:
    redact = _redactor()
    text = (
        "Asta Marie Ødegård og Astas mor Åse. ASTA græder; ødegårds hus. Asta  Marie\nØdegård kom."
    )
    assert redact(text) == ("A.Ø. og A.Ø.s mor mor. A.Ø. græder; A.Ø.s hus. A.Ø. kom.")


def test_other_words_that_contain_a_name_stay() -> None:
    redact = _redactor()
    assert redact("Astaroth og Åsen ved Gåsetårnet") == "Astaroth og Åsen ved Gåsetårnet"


def test_cpr_numbers_go_in_every_usual_form() -> None:
    redact = Redactor({}, "[CPR fjernet]")
    assert redact("CPR 010315-4001, 0103154001 og 010315 4001") == (
        "CPR [CPR fjernet], [CPR fjernet] og [CPR fjernet]"
    )
    assert redact("sagsnr. 12345678901234 og tlf. 56 50 12 34") == (
        "sagsnr. 12345678901234 og tlf. 56 50 12 34"
    )


def test_a_name_with_regex_characters_is_taken_literally() -> None:
    redact = Redactor({"Jo (Jojo)": "J.", "A.B": "X"}, "")
    assert redact("Jo (Jojo) kom; AxB ikke") == "J. kom; AxB ikke"


NAME = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøåABCÆØÅ", min_size=2, max_size=12)


@given(first=NAME, last=NAME, text=st.text(max_size=200), filler=st.text(max_size=40))
def test_no_mention_survives(first: str, last: str, text: str, filler: str) -> None:
    """Whatever the text around it, no whole-word mention of the name is left."""
    redact = Redactor(name_replacements(f"{first} {last}", "#"), "#")
    out = redact(f"{text} {first} {filler} {last}s {first.upper()} {text}")
    for name in (first, last):
        assert not re.search(rf"(?<!\w){re.escape(name)}s?(?!\w)", out, re.IGNORECASE), out


@given(st.text(max_size=300))
def test_text_without_names_or_numbers_is_unchanged(text: str) -> None:
    redact = Redactor({}, "#")
    if not re.search(r"\d{6}", text):
        assert redact(text) == text
