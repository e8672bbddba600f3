"""Trivselslinealen for a child's item: the level (Alt+1 … Alt+5, Alt+0 clears it) with its
ladder step, and the date of the next follow-up."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from stevnsmoeder.model.minutes import ItemMinutesView
from stevnsmoeder.services import minutes
from stevnsmoeder.ui.common.forms import DATE_FORMAT, pydate, qdate
from stevnsmoeder.ui.live.host import ItemHost


class LevelPane(QGroupBox):
    def __init__(self, host: ItemHost, can_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Trivselslinealen – Alt+1 … Alt+5"))
        self.host = host
        self.can_edit = can_edit
        self._loading = False
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(True)
        row = QHBoxLayout(self)
        for level in range(1, 6):
            button = QPushButton(str(level))
            button.setCheckable(True)
            button.setMaximumWidth(56)
            button.setObjectName(f"level-{level}")
            button.setToolTip(self.tr("Level %1 (Alt+%1)").replace("%1", str(level)))
            self.buttons.addButton(button, level)
            row.addWidget(button)
        self.buttons.idClicked.connect(self.set_level)
        self.label = QLabel()
        self.label.setObjectName("level-label")
        row.addWidget(self.label, 1)
        self.follow_up = QDateEdit()
        self.follow_up.setDisplayFormat(DATE_FORMAT)
        self.follow_up.setCalendarPopup(True)
        self.follow_up_set = QCheckBox(self.tr("Follow-up on"))
        self.follow_up_set.toggled.connect(self._follow_up_changed)
        self.follow_up.dateChanged.connect(self._follow_up_changed)
        row.addWidget(self.follow_up_set)
        row.addWidget(self.follow_up)

    def show_minutes(self, view: ItemMinutesView, meeting_day: date) -> None:
        """The item's level and follow-up as recorded."""
        self._loading = True
        try:
            checked = self.buttons.checkedButton()
            if view.level:
                self.buttons.button(view.level).setChecked(True)
            elif checked is not None:
                self.buttons.setExclusive(False)
                checked.setChecked(False)
                self.buttons.setExclusive(True)
            self.label.setText(
                f"{view.level_label} → {view.step_label}" if view.level else self.tr("not set")
            )
            self.follow_up_set.setChecked(view.follow_up_on is not None)
            self.follow_up.setDate(qdate(view.follow_up_on or meeting_day))
            self.follow_up.setEnabled(view.follow_up_on is not None)
        finally:
            self._loading = False

    def set_editable(self, writable: bool) -> None:
        self.follow_up_set.setEnabled(writable)
        for button in self.buttons.buttons():
            button.setEnabled(writable)

    def set_level(self, level: int) -> None:
        """The child's level on the ladder (0: none)."""
        host = self.host
        item = host.current()
        if item is None or item.case_id is None or not self.can_edit:
            return
        if host.minutes is not None and host.minutes.locked:
            return
        if host.operations.run(lambda: minutes.set_level(host.ctx, item.id, level or None)):
            host.written()
            host.refresh_minutes()

    def _follow_up_changed(self, *_args: object) -> None:
        item_id = self.host.shown_item
        if self._loading or item_id is None:
            return
        on = self.follow_up_set.isChecked()
        self.follow_up.setEnabled(on)
        day = pydate(self.follow_up.date()) if on else None
        if self.host.operations.run(lambda: minutes.set_follow_up(self.host.ctx, item_id, day)):
            self.host.written()
            self.host.refresh_minutes()
