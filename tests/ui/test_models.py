"""The table models pass Qt's model tester and sort dates as dates."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from PySide6.QtCore import Qt

from stevnsmoeder.model.cases import CaseSummary
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services.meetings import MeetingSummary
from stevnsmoeder.ui.common.models import (
    ROW_ROLE,
    FilterProxy,
    TableModel,
    case_columns,
    meeting_columns,
)


def _meeting(day: int, title: str, hour: int = 13) -> MeetingSummary:
    return MeetingSummary(
        id=uuid.uuid4(),
        type_code="district",
        type_name="Distriktsmøde",
        district="Hother/Hårlev",
        series_id=None,
        title=title,
        starts_at=datetime(2027, 1, day, hour),
        ends_at=datetime(2027, 1, day, hour + 2, 30),
        place="Hotherskolen",
        status=MeetingStatus.PLANNED,
        case_items=day % 4,
    )


def _case(ref: str, name: str, level: int | None) -> CaseSummary:
    return CaseSummary(
        id=uuid.uuid4(),
        reference=ref,
        display_name=name,
        initials="".join(f"{p[0]}." for p in name.split()),
        anonymous=False,
        district=None,
        institution="",
        birth_date=date(2015, 3, 1),
        cpr_masked="010315-xxxx",
        level=level,
        level_label="sårbar trivsel" if level else "",
        open_actions=1,
    )


def test_meeting_model_passes_modeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model: TableModel[MeetingSummary] = TableModel(meeting_columns())
    model.set_rows([_meeting(12, "B"), _meeting(5, "A"), _meeting(26, "C")])
    qtmodeltester.check(model, force_py=True)
    proxy = FilterProxy(model)
    qtmodeltester.check(proxy, force_py=True)


def test_meeting_columns_speak_danish() -> None:
    model: TableModel[MeetingSummary] = TableModel(meeting_columns())
    model.set_rows([_meeting(5, "Distriktsmøde Hother/Hårlev")])
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[:3] == ["tirsdag den 5. januar 2027", "1", "13.00–15.30"]
    assert row[6] == "planlagt"


def test_proxy_sorts_by_date_not_text_and_filters() -> None:
    model: TableModel[MeetingSummary] = TableModel(meeting_columns())
    # As text, "fredag …" < "mandag …" < "tirsdag …"; as dates the order is 5, 8, 11.
    model.set_rows([_meeting(11, "man"), _meeting(5, "tir"), _meeting(8, "fre")])
    proxy = FilterProxy(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 3).data() for r in range(3)] == ["tir", "fre", "man"]
    proxy.setFilterFixedString("FRE")
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data(ROW_ROLE).title == "fre"


def test_case_model_screen_safe_shows_initials(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    safe = {"on": False}
    model: TableModel[CaseSummary] = TableModel(case_columns(lambda: safe["on"]))
    model.set_rows([_case("S-2026-0001", "Asta Holm", 3), _case("S-2026-0002", "Bo Ung", None)])
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 1).data() == "Asta Holm"
    assert model.index(0, 6).data() == "3 – sårbar trivsel"
    safe["on"] = True
    assert model.index(0, 1).data() == "A.H."


def test_the_same_rows_again_change_nothing_and_a_changed_row_keeps_the_choice(  # type: ignore[no-untyped-def]
    qtmodeltester,
) -> None:
    """Rows arriving from the server: the same rows are no reset (nothing repaints, nothing
    is unchosen); the same rows with one changed change that row in place, the chosen row
    stays chosen through the sorting proxy; other rows start the table afresh."""
    from dataclasses import replace

    from PySide6.QtCore import QItemSelectionModel

    model: TableModel[MeetingSummary] = TableModel(meeting_columns())
    rows = [_meeting(12, "B"), _meeting(5, "A"), _meeting(26, "C")]
    assert model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)  # and it watches every change below
    proxy = FilterProxy(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    chosen = QItemSelectionModel(proxy)
    chosen.setCurrentIndex(
        proxy.index(1, 0),  # "B", the 12th
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    resets: list[str] = []
    changed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append("reset"))
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))

    assert not model.set_rows(list(rows))
    assert (resets, changed) == ([], [])

    moved = [rows[0], replace(rows[1], place="Strøbyskolen", starts_at=datetime(2027, 1, 30, 9))]
    assert model.set_rows([*moved, rows[2]])
    assert resets == [] and changed == [(1, 1)]
    assert [proxy.index(r, 3).data() for r in range(3)] == ["B", "C", "A"]  # sorted again
    assert chosen.currentIndex().data(ROW_ROLE).title == "B"

    on_model = QItemSelectionModel(model)  # no proxy: the service's order is shown
    on_model.setCurrentIndex(model.index(2, 0), QItemSelectionModel.SelectionFlag.Select)
    assert on_model.currentIndex().data(ROW_ROLE).title == "C"
    assert model.set_rows([rows[2], *moved])  # the same rows, another order
    assert resets == [] and [model.row_at(r).title for r in range(3)] == ["C", "B", "A"]
    assert on_model.currentIndex().row() == 0  # it moved with its row
    assert chosen.currentIndex().data(ROW_ROLE).title == "B"

    assert model.set_rows([rows[0], rows[2]])  # a row gone: afresh
    assert resets == ["reset"]


def test_refresh_shows_the_same_rows_as_a_setting_now_says(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    safe = [False]
    model: TableModel[CaseSummary] = TableModel(case_columns(lambda: safe[0]))
    model.set_rows([_case("S-1", "Asta Holm", 2)])
    changed: list[int] = []
    model.dataChanged.connect(lambda first, _last: changed.append(first.row()))
    assert model.index(0, 1).data() == "Asta Holm"
    safe[0] = True
    model.refresh()
    assert changed == [0]
    assert model.index(0, 1).data() == "A.H."
    qtmodeltester.check(model, force_py=True)
