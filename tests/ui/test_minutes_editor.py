"""The live meeting's editors come from the minutes registry, and the sections a child's item
shows come from its meeting type's flags: no field and no type is named in the window."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel

from stevnsmoeder.domain import minutes_fields
from stevnsmoeder.domain.minutes_fields import (
    MinutesField,
    MinutesSection,
    SearchColumn,
    Wording,
)
from stevnsmoeder.services import cases, live, meetings, planning, reference_data
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.live.live_view import LiveView

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def _labels(view: LiveView, section: MinutesSection) -> dict[str, str]:
    """The form labels of a section's group, by the name of the field they label."""
    layout = view.section_boxes[section].layout()
    assert isinstance(layout, QFormLayout)
    found = {}
    for row in range(layout.rowCount()):
        label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or field is None or field.widget() is None:
            continue
        text = label.widget()
        if isinstance(text, QLabel):
            found[field.widget().objectName()] = text.text()
    return found


def _running_with_a_child(ctx: ServiceContext, type_code: str) -> tuple[uuid.UUID, uuid.UUID]:
    kind = next(t for t in reference_data.meeting_types(ctx) if t.code == type_code)
    m = meetings.create_meeting(
        ctx,
        meetings.NewMeeting(
            type_code, datetime(2026, 11, 24, 10), district="privat" if kind.has_district else None
        ),
    )
    child = cases.create_case(ctx, cases.NewCase(anonymous=True, pseudonym="Asta, 9 år")).case
    plan = planning.get_plan(ctx, m.id)
    plan = planning.add_item(
        ctx,
        m.id,
        plan.revision,
        title="Trivsel",
        minutes=10,
        kind=planning.AgendaItemKind.CASE,
        case_id=child.id,
    )
    item = next(i for i in plan.items if i.case_id == child.id)
    live.start(ctx, m.id)
    return m.id, item.id


def test_every_field_has_its_editor_and_each_type_shows_its_sections(
    qtbot,  # type: ignore[no-untyped-def]
    login: LoginFn,
) -> None:
    ctx = login("leder")
    shown: dict[str, set[MinutesSection]] = {}
    for kind in reference_data.meeting_types(ctx):
        meeting_id, item_id = _running_with_a_child(ctx, kind.code)
        view = LiveView(ctx, meeting_id, RecordingPrompts(), lambda: False, True)
        qtbot.addWidget(view)
        view.load()
        view.show_item(item_id)
        assert set(view.fields) == set(minutes_fields.names())
        for f in minutes_fields.MINUTES_FIELDS:
            box = view.fields[f.name]
            assert box.placeholderText() == f.placeholder
            if f.section is not MinutesSection.COMMON:
                assert _labels(view, f.section)[f.name] == f"{f.prompt}:"
        shown[kind.code] = {
            section for section, group in view.section_boxes.items() if group.isVisibleTo(view)
        }
        assert shown[kind.code] | {MinutesSection.COMMON} == kind.minutes_sections
    # The types the municipality starts with, as their flags (reference data) say.
    assert shown == {
        "district": set(),
        "ssp": set(),
        "ftm": {MinutesSection.FAMILY_ROUNDS},
        "forvisitation": {MinutesSection.PRELIMINARY_DECISION},
        "presence": set(),
    }
    assert _labels(view, MinutesSection.FAMILY_ROUNDS)["concern"] == "Hvad er vi bekymrede for:"
    assert view.notes.placeholderText() == "Noter (resumé) – F6"


def test_a_new_field_gets_an_editor_in_its_section(
    qtbot,  # type: ignore[no-untyped-def]
    login: LoginFn,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wishes = MinutesField(
        "wishes",
        Wording("The child's wishes", "Barnets ønsker"),
        Wording("What does the child wish", "Hvad ønsker barnet"),
        MinutesSection.FAMILY_ROUNDS,
        SearchColumn.NOTES,
        print_order=99,
        shortcut="Ctrl+Shift+W",
    )
    monkeypatch.setattr(minutes_fields, "MINUTES_FIELDS", (*minutes_fields.MINUTES_FIELDS, wishes))
    view = LiveView(login("leder"), uuid.uuid4(), RecordingPrompts(), lambda: False, True)
    qtbot.addWidget(view)
    assert "wishes" in view.fields
    assert view.fields["wishes"].placeholderText() == "Barnets ønsker – Ctrl+Shift+W"
    assert list(_labels(view, MinutesSection.FAMILY_ROUNDS))[-1] == "wishes"
    assert _labels(view, MinutesSection.FAMILY_ROUNDS)["wishes"] == "Hvad ønsker barnet:"
    keys = {a.shortcut().toString() for a in view.actions()}
    assert "Ctrl+Shift+W" in keys
