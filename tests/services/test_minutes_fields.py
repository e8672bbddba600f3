"""Every free-text field of the minutes registry is handled everywhere, and so is a new one.

The registry (``domain.minutes_fields``) is the one list of the fields. Over every field of it:
a child's and a parent's names written in the field are taken out of the anonymised minutes,
extract and case history (read back from the PDFs too) and out of the record when a closed
case is pseudonymised; the field is printed, kept in the approved content and the case
history, and found by search. A field added to the registry is redacted, printed and kept
without another change, and found by search once its column and the index are made.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, fields, make_dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from stevnsmoeder.db import search_index
from stevnsmoeder.db.models import ItemMinutes
from stevnsmoeder.domain import minutes_fields
from stevnsmoeder.domain.anonymise import Redactor
from stevnsmoeder.domain.minutes_fields import (
    MinutesField,
    MinutesSection,
    SearchColumn,
    Wording,
)
from stevnsmoeder.reports.base import styles
from stevnsmoeder.reports.meeting_pdf import record_flowables
from stevnsmoeder.services import (
    case_history,
    cases,
    consent,
    documents,
    live,
    meetings,
    minutes,
    planning,
    retention,
    search,
)
from stevnsmoeder.services.context import ServiceContext
from tests.services.test_case_history import _child_item

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]
NAMES = ("Asta", "Ødegård", "Åse")  # the child's and her mother's


def mark(name: str) -> str:
    """A word found only in the field ``name``."""
    return "feltord" + name.replace("_", "")


def written(name: str) -> str:
    return f"Asta Ødegård og Åse Ødegård: {mark(name)}."


@dataclass
class Minutes:
    leder: ServiceContext
    case: cases.CaseSummary
    meeting: meetings.MeetingSummary
    item: uuid.UUID


@pytest.fixture
def every_field(login: LoginFn) -> Minutes:
    """Asta's item at a held district meeting, with her and her mother's names in every
    free-text field of the registry."""
    leder = login("leder")
    asta = cases.create_case(
        leder,
        cases.NewCase(
            first_name="Asta",
            last_name="Ødegård",
            district="hother",
            custody_holders=(("Åse Ødegård", "mor"),),
        ),
    ).case
    given = consent.record_consent(
        leder,
        asta.id,
        consent.NewConsent(
            "Åse Ødegård", "mor", "Trivsel", "Skole", date(2026, 1, 1), None, ("district",)
        ),
    )
    m = meetings.create_meeting(
        leder, meetings.NewMeeting("district", datetime(2026, 9, 1, 13), district="hother")
    )
    item = _child_item(leder, m, asta.id, "Trivsel", planning.LegalBasisKind.CONSENT, given.id)
    live.start(leder, m.id)
    for f in minutes_fields.MINUTES_FIELDS:
        minutes.save_text(leder, item.id, f.name, written(f.name))
    live.end(leder, m.id)
    return Minutes(leder, asta, m, item.id)


def _nameless(text: str) -> bool:
    return not any(name in text for name in NAMES)


def _pdf_text(data: bytes, path: Path) -> str:
    path.write_bytes(data)
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_the_registry_agrees_with_the_table_and_the_view() -> None:
    """A free-text column of item_minutes not in the registry would leak names: every Text
    column is a field of the registry, and every field a column and an attribute of the view."""
    names = set(minutes_fields.names())
    columns = {c.name for c in ItemMinutes.__table__.columns if isinstance(c.type, sa.Text)}
    assert columns == names
    view = {f.name for f in fields(minutes.ItemMinutesView) if f.type in ("str", str)}
    assert names <= view
    assert len(names) == len(minutes_fields.MINUTES_FIELDS)
    orders = [f.print_order for f in minutes_fields.MINUTES_FIELDS]
    assert len(set(orders)) == len(orders)


def test_every_field_is_redacted_in_anonymised_documents(
    every_field: Minutes, tmp_path: Path
) -> None:
    ctx, m = every_field.leder, every_field
    made = {
        "minutes": documents.meeting_document(
            ctx, m.meeting.id, documents.MINUTES, anonymised=True
        ).items,
        "extract": documents.meeting_document(
            ctx, m.meeting.id, documents.EXTRACT, anonymised=True, case_id=m.case.id
        ).items,
    }
    history = documents.case_document(ctx, m.case.id, anonymised=True).history
    for kind, items in made.items():
        (record,) = [i.record for i in items if i.record.item_id == m.item]
        for f in minutes_fields.MINUTES_FIELDS:
            text = getattr(record, f.name)
            assert mark(f.name) in text and _nameless(text), (kind, f.name, text)
    (entry,) = history.entries
    for f in minutes_fields.MINUTES_FIELDS:
        text = getattr(entry.record, f.name)
        assert mark(f.name) in text and _nameless(text), ("case", f.name, text)
    # … and the PDFs as printed: every field's word, and no name.
    pdfs = {
        "minutes": documents.render(ctx, m.meeting.id, documents.MINUTES, anonymised=True).data,
        "extract": documents.render(
            ctx, m.meeting.id, documents.EXTRACT, anonymised=True, case_id=m.case.id
        ).data,
        "case": documents.render_case(ctx, m.case.id, anonymised=True).data,
    }
    for kind, data in pdfs.items():
        printed = _pdf_text(data, tmp_path / f"{kind}.pdf")
        assert _nameless(printed), kind
        for f in minutes_fields.MINUTES_FIELDS:
            assert mark(f.name) in printed, (kind, f.name)


def test_every_field_is_printed_with_its_title(every_field: Minutes, tmp_path: Path) -> None:
    m = every_field
    data = documents.render(m.leder, m.meeting.id, documents.MINUTES).data
    printed = _pdf_text(data, tmp_path / "minutes.pdf")
    for f in minutes_fields.MINUTES_FIELDS:
        shown = f"{f.title}: {written(f.name)}" if f.title else written(f.name)
        assert shown in printed, f.name


def test_every_field_is_found_by_search(every_field: Minutes, login: LoginFn) -> None:
    ppr = login("ppr")
    for f in minutes_fields.MINUTES_FIELDS:
        hits = search.search(ppr, mark(f.name)).hits
        assert [h.item_id for h in hits] == [every_field.item], f.name


def test_every_field_is_kept_in_the_approved_content_and_the_history(
    every_field: Minutes,
) -> None:
    m = every_field
    minutes.approve(m.leder, m.meeting.id)
    (version,) = minutes.versions(m.leder, m.meeting.id)
    (item,) = [i for i in json.loads(version.content)["items"] if i["case"]]
    (entry,) = case_history.case_history(m.leder, m.case.id).entries
    kept = entry.to_json()
    for f in minutes_fields.MINUTES_FIELDS:
        assert item[f.name] == written(f.name) == kept[f.name], f.name


def test_pseudonymising_takes_the_names_out_of_every_field(
    every_field: Minutes, login: LoginFn
) -> None:
    m = every_field
    with m.leder.db.begin() as s:
        s.execute(
            sa.text("UPDATE child_case SET closed_on = '2019-06-30' WHERE reference = :r"),
            {"r": m.case.reference},
        )
    admin = login("admin")
    retention.set_policy(admin, 5, "pseudonymise")
    assert retention.purge(admin, dry_run=False).done
    record = minutes.get_minutes(m.leder, m.meeting.id).items[m.item]
    for f in minutes_fields.MINUTES_FIELDS:
        text = getattr(record, f.name)
        assert mark(f.name) in text and _nameless(text), (f.name, text)


# -- a field added to the registry -------------------------------------------------------------

WISHES = MinutesField(
    "wishes",
    Wording("The child's wishes", "Barnets ønsker"),
    Wording("What does the child wish", "Hvad ønsker barnet"),
    MinutesSection.FAMILY_ROUNDS,
    SearchColumn.NOTES,
    print_order=99,
)


@pytest.fixture
def with_wishes(monkeypatch: pytest.MonkeyPatch) -> type[minutes.ItemMinutesView]:
    """The registry with one more field, and a view with its attribute (as adding the field's
    line, column and attribute would make them)."""
    monkeypatch.setattr(minutes_fields, "MINUTES_FIELDS", (*minutes_fields.MINUTES_FIELDS, WISHES))
    wider: type[minutes.ItemMinutesView] = make_dataclass(
        "WiderView", [("wishes", str, "")], bases=(minutes.ItemMinutesView,), frozen=True
    )
    return wider


def test_a_new_field_is_redacted_printed_and_kept(
    with_wishes: type[minutes.ItemMinutesView],
) -> None:
    view = with_wishes(uuid.uuid4(), notes="Asta sover dårligt.", wishes="Asta vil bo hos Åse.")  # type: ignore[call-arg]
    redact = Redactor({"Asta": "A.Ø.", "Åse": "mor"}, "[CPR]")
    clean = documents.redact_record(view, redact)
    assert clean.wishes == "A.Ø. vil bo hos mor."  # type: ignore[attr-defined]
    assert minutes.texts(view)["wishes"] == "Asta vil bo hos Åse."
    printed = [
        p.getPlainText() for p in record_flowables(view, styles()) if isinstance(p, Paragraph)
    ]
    assert printed[-1] == "Barnets ønsker: Asta vil bo hos Åse."  # last: its print order
    assert minutes_fields.in_section(MinutesSection.FAMILY_ROUNDS)[-1] is WISHES


def test_a_new_searched_field_is_found_once_its_column_and_index_are_made(
    every_field: Minutes, with_wishes: object, login: LoginFn
) -> None:
    """The index SQL follows the registry; a searched field needs a migration that adds its
    column and makes the index again, as done here by hand."""
    m = every_field
    dialect = m.leder.db.engine.dialect.name
    with m.leder.db.begin() as s:
        s.execute(sa.text("ALTER TABLE item_minutes ADD COLUMN wishes TEXT NOT NULL DEFAULT ''"))
        for statement in (
            *search_index.drop_statements(dialect),
            *search_index.create_statements(dialect),
        ):
            s.execute(sa.text(statement))
        row = sa.table("item_minutes", sa.column("wishes"), sa.column("agenda_item_id", sa.Uuid))
        s.execute(
            row.update()
            .where(row.c.agenda_item_id == m.item)
            .values(wishes="Asta vil bo hos sin morfar.")
        )
    ppr = login("ppr")
    assert [h.item_id for h in search.search(ppr, "morfar").hits] == [m.item]
    assert search.search(ppr, mark("notes")).hits  # the other fields as before
