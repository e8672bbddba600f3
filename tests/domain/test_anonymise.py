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
    assert redact(text) == ("A.Ø. og A.Ø.s mor. A.Ø. græder; A.Ø.s hus. A.Ø. kom.")


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


def test_a_parent_next_to_the_relation_word_is_not_doubled() -> None:
    redact = _redactor()
    text = "Astas mor Åse kom. Mor Åse sagde det. Åse mor til Asta kom. Mor Åses bil."
    assert redact(text) == "A.Ø.s mor kom. Mor sagde det. mor til A.Ø. kom. Mors bil."


def test_a_parent_registered_under_the_relation_word() -> None:
    """Where the name is not known, a custody holder is sometimes registered as 'Mor'."""
    redact = Redactor(name_replacements("Mor", "mor"), "#")
    assert redact("mor Mor kom, og Mor ringede") == "mor kom, og mor ringede"


RELATION = st.sampled_from(["mor", "far", "plejemor", "stedfar", "forældremyndighedsindehaver"])
FILLER = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå ,.;", max_size=30)


@given(
    relation=RELATION,
    first=st.one_of(NAME, RELATION, RELATION.map(str.capitalize)),
    last=st.one_of(st.just(""), NAME),
    before=FILLER,
    after=FILLER,
    form=st.sampled_from(["{r} {n}", "{R} {n}", "{n} {r}", "{r} {n}s", "{n}", "{r}  {f}"]),
)
def test_never_the_relation_word_twice(
    relation: str, first: str, last: str, before: str, after: str, form: str
) -> None:
    """Whatever the parent is called (even 'Mor'), the text never reads 'mor mor'."""
    full = f"{first} {last}".strip()
    for word in (relation, first, last):
        if word and (re.search(rf"(?<!\w){re.escape(word)}", before + " " + after, re.I)):
            return  # the filler itself names them: not this property
    mention = form.format(r=relation, R=relation.capitalize(), n=full, f=first)
    redact = Redactor(name_replacements(full, relation), "#")
    out = redact(f"{before} {mention} {after}")
    rel = re.escape(relation)
    assert not re.search(rf"(?<!\w){rel}s?\s+{rel}(?!\w)", out, re.IGNORECASE), out
    for name in (first, last):
        if len(name) >= 2 and name.lower() != relation:
            assert not re.search(rf"(?<!\w){re.escape(name)}s?(?!\w)", out, re.IGNORECASE), out


def test_initials_at_the_end_of_a_sentence_keep_one_full_stop() -> None:
    assert _redactor()("Det sagde Asta.") == "Det sagde A.Ø."
