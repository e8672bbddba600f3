"""The free-text fields of an item's minutes, in one registry.

Everything that handles what was written about an agenda item is driven from here: the view
of an item's minutes and the approved content, the case history, redaction in anonymised
documents and when a closed case is pseudonymised, the search index, the PDF, the case page
and the editors of the live meeting. None of them lists the fields by hand.

Every field is free text in which people write names, so every field is redacted wherever
text is anonymised: there is deliberately no way for a field to opt out.

Adding a field: one line in ``MINUTES_FIELDS``, the column on ``ItemMinutes`` and the
attribute on ``ItemMinutesView`` (tests check that the three agree), and a migration that adds
the column and, for a searched field, re-creates the search index (its SQL is generated from
this registry, and a test holds it to what the migrations made). A meeting type shows a
section's fields when its flag for the section is set (``MeetingType``, reference data).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stevnsmoeder.i18n import language


class MinutesSection(StrEnum):
    """Where in an item's minutes a field belongs."""

    COMMON = "common"  # every item: the resumé and the decision
    FAMILY_ROUNDS = "family_rounds"  # FTM: worries, resources, goals and the family's view
    PRELIMINARY_DECISION = "preliminary_decision"  # forvisitation: decision, basis, next step


class SearchColumn(StrEnum):
    """The column of the search index a field's text goes into (see db.search_index)."""

    NOTES = "notes"  # what was said
    DECISION = "decision"  # what was decided: weighs more, and is the case page's decision


@dataclass(frozen=True)
class Wording:
    """A text people read, in both languages; ``str()`` gives the current one."""

    en: str
    da: str

    def __str__(self) -> str:
        return self.da if language() == "da" else self.en

    def __bool__(self) -> bool:
        return bool(self.en or self.da)


NO_TITLE = Wording("", "")


@dataclass(frozen=True)
class MinutesField:
    name: str  # the column of item_minutes and the attribute of ItemMinutesView
    title: Wording  # as documents and the case page print it (NO_TITLE: printed bare)
    prompt: Wording  # as the editor asks for it (a box of its own: its placeholder)
    section: MinutesSection
    search: SearchColumn | None  # where the search index holds it; None: not searched
    print_order: int  # its place among the fields in the PDF and on the case page
    shortcut: str = ""  # the key that goes to its box in the live meeting
    emphasised: bool = False  # printed with its title in bold
    cites_legal_reference: bool = False  # printed with the provision it rests on

    @property
    def placeholder(self) -> str:
        """The grey text in its empty box: what it is, and the key that goes there."""
        if not self.shortcut:
            return ""
        return f"{self.title or self.prompt} – {self.shortcut}"


def _w(en: str, da: str) -> Wording:
    return Wording(en, da)


# In the editor's order (by section) and, within a search column, the index's order.
MINUTES_FIELDS: tuple[MinutesField, ...] = (
    MinutesField("notes", NO_TITLE, _w("Notes (resumé)", "Noter (resumé)"),
                 MinutesSection.COMMON, SearchColumn.NOTES, 4, "F6"),
    MinutesField("decision", _w("Decision", "Beslutning"), _w("Decision", "Beslutning"),
                 MinutesSection.COMMON, SearchColumn.DECISION, 7, "Ctrl+D", emphasised=True),
    MinutesField("concern", _w("What worries us", "Bekymring"),
                 _w("What worries us", "Hvad er vi bekymrede for"),
                 MinutesSection.FAMILY_ROUNDS, SearchColumn.NOTES, 1),
    MinutesField("resources", _w("What goes well", "Ressourcer"),
                 _w("What goes well", "Hvad går godt"),
                 MinutesSection.FAMILY_ROUNDS, SearchColumn.NOTES, 2),
    MinutesField("goals", _w("What must change", "Mål"),
                 _w("What must change", "Hvad skal være anderledes"),
                 MinutesSection.FAMILY_ROUNDS, SearchColumn.NOTES, 3),
    MinutesField("family_view", _w("The family’s own view", "Familiens egen vurdering"),
                 _w("The family's own view", "Familiens egen vurdering"),
                 MinutesSection.FAMILY_ROUNDS, SearchColumn.NOTES, 5),
    MinutesField("preliminary_decision",
                 _w("Preliminary decision", "Foreløbig beslutning"), _w("Decision", "Beslutning"),
                 MinutesSection.PRELIMINARY_DECISION, SearchColumn.DECISION, 6, "Ctrl+B",
                 cites_legal_reference=True),
)  # fmt: skip

# The heading of a section's group in the editor (the common fields stand on their own).
SECTION_TITLES: dict[MinutesSection, Wording] = {
    MinutesSection.FAMILY_ROUNDS: _w("FTM rounds", "FTM-runder"),
    MinutesSection.PRELIMINARY_DECISION: _w("Preliminary decision", "Foreløbig beslutning"),
}

# Read through the functions below (not copied at import), so a test may extend the registry.


def names() -> tuple[str, ...]:
    return tuple(f.name for f in MINUTES_FIELDS)


def field(name: str) -> MinutesField:
    for f in MINUTES_FIELDS:
        if f.name == name:
            return f
    raise KeyError(name)


def in_section(section: MinutesSection) -> tuple[MinutesField, ...]:
    """The fields of a section, in the editor's order."""
    return tuple(f for f in MINUTES_FIELDS if f.section is section)


def printed() -> tuple[MinutesField, ...]:
    """The fields in the order documents and the case page print them."""
    return tuple(sorted(MINUTES_FIELDS, key=lambda f: f.print_order))


def searched_in(column: SearchColumn) -> tuple[MinutesField, ...]:
    """The fields whose text the search index keeps in ``column``, in its order."""
    return tuple(f for f in MINUTES_FIELDS if f.search is column)


def decisions() -> tuple[MinutesField, ...]:
    """The fields that record a decision (those the index keeps as decisions), the final
    decision first: the case page shows the first one written."""
    return searched_in(SearchColumn.DECISION)
