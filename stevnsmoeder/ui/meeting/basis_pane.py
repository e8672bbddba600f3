"""The legal basis of the chosen child's item: whether one holds on the meeting's date, and
setting one (a consent of the child's custody holders, recorded here if need be; § 115 at SSP;
a report of concern; another basis; anonymous discussion), or inviting the family."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import short_date
from stevnsmoeder.model.cases import ConsentInfo
from stevnsmoeder.model.enums import LegalBasisKind
from stevnsmoeder.services import consent, planning, reference_data
from stevnsmoeder.services.planning import BasisState, PlanItem
from stevnsmoeder.ui.case.case_dialogs import ConsentDialog
from stevnsmoeder.ui.common import changes
from stevnsmoeder.ui.common.forms import compact
from stevnsmoeder.ui.meeting.host import PlanHost


class BasisPane(QWidget):
    def __init__(self, host: PlanHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.basis_status = QLabel()
        self.basis_status.setObjectName("basis-status")
        self.basis_status.setWordWrap(True)
        self.consent_combo = compact(QComboBox())
        self.use_consent = QPushButton(self.tr("Use this consent"))
        self.new_consent = QPushButton(self.tr("Record consent …"))
        self.rpl115_button = QPushButton(self.tr("Retsplejeloven § 115 (SSP)"))
        self.underretning_button = QPushButton(self.tr("Report of concern (underretning)"))
        self.other_button = QPushButton(self.tr("Other legal basis …"))
        self.anonymous_button = QPushButton(self.tr("Discuss anonymously"))
        self.family_button = QPushButton(self.tr("Invite the family"))
        self.use_consent.clicked.connect(self._use_consent)
        self.new_consent.clicked.connect(self._record_consent)
        self.rpl115_button.clicked.connect(lambda: self._basis(LegalBasisKind.RPL115))
        self.underretning_button.clicked.connect(lambda: self._basis(LegalBasisKind.UNDERRETNING))
        self.other_button.clicked.connect(self._other_basis)
        self.anonymous_button.clicked.connect(lambda: self._basis(LegalBasisKind.ANONYMOUS))
        self.family_button.clicked.connect(self._invite_family)
        layout = QVBoxLayout(self)
        layout.addWidget(self.basis_status)
        layout.addWidget(QLabel(self.tr("Consents of this child:")))
        layout.addWidget(self.consent_combo)
        row = QHBoxLayout()
        row.addWidget(self.use_consent)
        row.addWidget(self.new_consent)
        layout.addLayout(row)
        for button in (
            self.rpl115_button, self.underretning_button, self.other_button,
            self.anonymous_button, self.family_button,
        ):  # fmt: skip
            layout.addWidget(button)
        layout.addStretch(1)
        self._consents: list[ConsentInfo] = []

    def show_item(self, item: PlanItem | None) -> None:
        """The chosen item's basis, and what may be done about it."""
        host = self.host
        child = item is not None and item.case_id is not None
        editable = host.editable() and host.can_record and child
        if item is None or not child:
            self.basis_status.setText(self.tr("Choose a child's item on the agenda."))
            self.basis_status.setStyleSheet("")
            self._consents = []
        else:
            assert item is not None
            if item.basis.state is BasisState.OK:
                self.basis_status.setText(f"✓ <b>{item.basis.label}</b>")
                self.basis_status.setStyleSheet("color: #2e6b30;")
            else:
                self.basis_status.setText(
                    f"⚠ <b>{item.basis.label}</b><br>{item.basis.reason}<br>"
                    + self.tr("Until a basis holds, the child can only be discussed anonymously.")
                )
                self.basis_status.setStyleSheet("color: #a4161a;")
            self._consents = self._load_consents(item) if not item.case_anonymous else []
        self.consent_combo.clear()
        day = host.plan.summary.starts_at.date()
        for c in self._consents:
            until = short_date(c.expires_on) if c.expires_on else "…"
            state = "" if c.valid_on(day) else " " + self.tr("(not valid on the meeting date)")
            self.consent_combo.addItem(
                f"{c.holder} ({c.relation}) {short_date(c.given_on)}–{until}{state}", c.id
            )
        named = child and item is not None and not item.case_anonymous
        for widget in (
            self.use_consent, self.new_consent, self.underretning_button, self.other_button,
            self.anonymous_button, self.rpl115_button,
        ):  # fmt: skip
            widget.setEnabled(bool(editable and named))
        self.use_consent.setEnabled(bool(editable and named and self._consents))
        self.rpl115_button.setVisible(host.plan.type_allows_rpl115)
        self.family_button.setEnabled(bool(host.editable() and child))

    def _load_consents(self, item: PlanItem) -> list[ConsentInfo]:
        case_id = item.case_id
        assert case_id is not None
        return self.host.operations.fetch(
            lambda: consent.list_consents(self.host.ctx, case_id), [], quiet=True
        )

    def _basis(self, kind: LegalBasisKind, **kw: object) -> None:
        host = self.host
        item = host.selected()
        if item is None:
            return
        host.operation(
            lambda rev: planning.set_legal_basis(
                host.ctx,
                host.meeting_id,
                rev,
                item.id,
                kind,
                **kw,  # type: ignore[arg-type]
            ),
            keep=item.id,
        )

    def _use_consent(self) -> None:
        consent_id = self.consent_combo.currentData()
        if consent_id is not None:
            self._basis(LegalBasisKind.CONSENT, consent_id=consent_id)

    def _record_consent(self) -> None:
        host = self.host
        item = host.selected()
        if item is None or item.case_id is None:
            return
        case_id = item.case_id
        holders = host.operations.fetch(
            lambda: consent.custody_holders(host.ctx, case_id),
            None,
            title=self.tr("Record consent"),
        )
        if holders is None:
            return
        name = item.case_initials if host.screen_safe() else item.case_name
        dialog = ConsentDialog(
            name, holders, reference_data.meeting_types(host.ctx), host.plan.summary.type_code,
            host.ctx.today(), self,
            add_holder=lambda who, relation: consent.add_custody_holder(
                host.ctx, case_id, who, relation
            ),
            screen_safe=host.screen_safe(),
        )  # fmt: skip
        recorded: list[ConsentInfo] = []
        dialog.submit = lambda: recorded.append(
            consent.record_consent(host.ctx, case_id, dialog.value())
        )
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if dialog.added or recorded:
            changes.bus().announce(changes.CASE, case_id)
        if accepted and recorded:
            self._basis(LegalBasisKind.CONSENT, consent_id=recorded[0].id)

    def _other_basis(self) -> None:
        reason = self.host.prompts.text(
            self, self.tr("Other legal basis"), self.tr("Which legal basis, and why?")
        )
        if reason is not None:
            self._basis(LegalBasisKind.OTHER, reason=reason)

    def _invite_family(self) -> None:
        host = self.host
        item = host.selected()
        if item is None or item.case_id is None:
            return
        case_id = item.case_id
        host.operation(
            lambda rev: planning.invite_family(host.ctx, host.meeting_id, rev, case_id),
            keep=item.id,
        )
