"""Filer → Brugere: the administrator's users window (and no one else's)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from stevnsmoeder.db.models import AuditEvent, Person
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services import access
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.admin.users_dialog import (
    AddUserDialog,
    RoleDialog,
    UsersDialog,
    user_columns,
)
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.models import TableModel
from stevnsmoeder.ui.common.password_dialog import PasswordDialog
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow
from tests.conftest import PASSWORD

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def _user_events(ctx: ServiceContext) -> list[tuple[str, str, str]]:
    with ctx.db.begin() as s:
        return [
            (e.login, e.action, e.detail)
            for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))
            if e.action.startswith("user.")
        ]


def _dialog(qtbot, ctx: ServiceContext) -> tuple[UsersDialog, RecordingPrompts]:  # type: ignore[no-untyped-def]
    prompts = RecordingPrompts()
    dialog = UsersDialog(ctx, prompts)
    qtbot.addWidget(dialog)
    return dialog, prompts


def test_the_users_model_passes_the_model_tester(qtmodeltester, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    model: TableModel[access.UserInfo] = TableModel(user_columns())
    model.set_rows(access.list_users(login("admin")))
    qtmodeltester.check(model)


def test_the_list_shows_danish_roles_state_and_last_login(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    admin = login("admin")
    access.close_user(admin, "politi")
    dialog, _prompts = _dialog(qtbot, admin)
    rows = {
        dialog.model.index(r, 0).data(): [
            dialog.model.index(r, c).data() for c in range(dialog.model.columnCount())
        ]
        for r in range(dialog.model.rowCount())
    }
    assert rows["leder"][2] == "mødeleder" and rows["ppr"][2] == "PPR (kun læse)"
    assert rows["politi"][3] == "lukket" and rows["leder"][3] == "aktiv"
    assert rows["ppr"][4] == "aldrig" and rows["admin"][4] == "23.11.2026 10.00"


def test_the_menu_is_there_for_administrators_only(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    for role in ("admin", "leder", "referent", "deltager", "ppr", "politi"):
        window = MainWindow(login(role), RecordingPrompts())
        qtbot.addWidget(window)
        file_menu = window.menuBar().actions()[0].menu()
        texts = [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]
        if role == "admin":
            assert window.users_action is not None and "&Brugere …" in texts
            window.users_action.trigger()
            assert isinstance(window.last_dialog, UsersDialog)
            window.last_dialog.close()
        else:
            assert window.users_action is None and "&Brugere …" not in texts, role


def test_adding_validates_in_place_and_keeps_what_was_typed(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, db_path: Path, monkeypatch
) -> None:
    admin = login("admin")
    with admin.db.begin() as s:
        person = Person(name="Lise Lund", organisation="Sundhedsplejen")
        s.add(person)
        s.flush()
        person_id = person.id
    dialog, _prompts = _dialog(qtbot, admin)
    seen: list[str] = []

    def fill(self: AddUserDialog) -> int:
        self.login.setText("ppr")  # taken
        self.choose_role(Role.DELTAGER)
        self.choose_person(person_id)
        assert not self.full_name.isEnabled()
        self.password.setText("et-godt-kodeord")
        self.again.setText("et-andet-kodeord")
        self.accept()
        seen.append(self.error.text())
        self.again.setText("et-godt-kodeord")
        self.accept()
        seen.append(self.error.text())
        assert self.result() != QDialog.DialogCode.Accepted
        assert (self.login.text(), self.password.text()) == ("ppr", "et-godt-kodeord")
        self.login.setText("lise")
        self.accept()
        assert self.result() == QDialog.DialogCode.Accepted
        return int(self.result())

    monkeypatch.setattr(AddUserDialog, "exec", fill)
    dialog.add_button.click()
    assert seen == ["De to adgangskoder er ikke ens.", "Brugernavnet ppr er optaget."]
    assert dialog.selected() is not None and dialog.selected().login == "lise"  # type: ignore[union-attr]
    assert dialog.selected().name == "Lise Lund"  # type: ignore[union-attr]
    assert _user_events(admin)[-1] == ("admin", "user.create", "lise (deltager)")
    ctx = access.login(db_path, "lise", "et-godt-kodeord")
    assert ctx.actor.person_id == person_id
    ctx.db.close()


def test_close_reopen_and_reset_from_the_window(qtbot, login: LoginFn, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    admin = login("admin")
    dialog, prompts = _dialog(qtbot, admin)
    dialog.select_login("admin")
    assert not dialog.close_button.isEnabled()  # not one's own access
    dialog.select_login("referent")
    assert dialog.close_button.isEnabled() and not dialog.reopen_button.isEnabled()

    prompts.confirm_answer = False
    dialog.close_button.click()
    assert not dialog.busy() and dialog.selected().active  # type: ignore[union-attr]
    prompts.confirm_answer = True
    dialog.close_button.click()  # re-keys in the background, with progress
    assert prompts.shown[-1][0] == "confirm"
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20_000)
    assert dialog.progress_seen == [(1, 1)]
    assert not dialog.selected().active  # type: ignore[union-attr]
    assert dialog.reopen_button.isEnabled() and not dialog.reset_button.isEnabled()

    prompts.passwords = [None, "nyt-kodeord-1"]
    dialog.reopen_button.click()  # cancelled
    assert not dialog.selected().active  # type: ignore[union-attr]
    dialog.reopen_button.click()
    assert dialog.selected().active  # type: ignore[union-attr]
    access.login(db_path, "referent", "nyt-kodeord-1").db.close()

    dialog.select_login("ppr")
    prompts.passwords = ["kort"[:2]]
    dialog.reset_button.click()  # too short: the service's message, nothing changed
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20_000)
    assert prompts.shown[-1][0] == "error" and "mindst" in prompts.shown[-1][2]
    prompts.passwords = ["andet-kodeord-2"]
    dialog.reset_button.click()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20_000)
    assert prompts.shown[-1][0] == "info"
    access.login(db_path, "ppr", "andet-kodeord-2").db.close()

    assert [e[1:] for e in _user_events(admin)] == [
        ("user.close", "referent"),
        ("user.open", "referent"),
        ("user.reset", "ppr"),
    ]


def test_the_password_dialog_wants_the_same_password_twice(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PasswordDialog("Ny adgangskode", "Til ppr")
    qtbot.addWidget(dialog)
    dialog.first.setText("et-kodeord-1")
    dialog.second.setText("et-kodeord-2")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.error.text()
    dialog.second.setText("et-kodeord-1")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.password() == "et-kodeord-1"


def test_a_new_database_key_from_the_window_with_progress(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, db_path: Path, clock
) -> None:
    from stevnsmoeder.db.engine import key_opens
    from stevnsmoeder.db.keystore import KeyStore, keyfile_path
    from stevnsmoeder.services import backup

    admin = login("admin")
    for _ in range(2):
        backup.backup(admin)
        clock.advance(days=1)
    old_key = KeyStore.load(keyfile_path(db_path)).unwrap("ppr", PASSWORD)
    dialog, prompts = _dialog(qtbot, admin)
    prompts.confirm_answer = False
    dialog.rekey_button.click()
    assert not dialog.busy() and key_opens(db_path, old_key)
    prompts.confirm_answer = True
    dialog.rekey_button.click()
    assert dialog.busy() and dialog.progress is not None and dialog.progress.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=20_000)
    assert dialog.progress_seen == [(1, 3), (2, 3), (3, 3)]
    assert prompts.shown[-1][0] == "info" and "2 sikkerhedskopier" in prompts.shown[-1][2]
    with admin.db.begin() as s:
        actions = [e.action for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))]
    assert actions[-1] == "database.rekey"
    assert not key_opens(db_path, old_key)
    assert dialog.model.rowCount() == 6  # the dialog reads on under the new key


def test_changing_a_role_and_the_last_administrator_stays(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch
) -> None:
    admin = login("admin")
    dialog, prompts = _dialog(qtbot, admin)
    wanted: list[Role] = []

    def choose(self: RoleDialog) -> int:
        self.choose_role(wanted.pop(0))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(RoleDialog, "exec", choose)
    dialog.select_login("ppr")
    wanted.append(Role.LEDER)
    dialog.role_button.click()
    assert dialog.selected().role is Role.LEDER  # type: ignore[union-attr]
    assert dialog.model.index(dialog.view.currentIndex().row(), 2).data() == "mødeleder"
    dialog.select_login("admin")
    wanted.append(Role.PPR)
    dialog.role_button.click()
    assert prompts.shown[-1][0] == "error" and "sidste aktive administrator" in prompts.shown[-1][2]
    assert dialog.selected().role is Role.ADMIN  # type: ignore[union-attr]
    assert [e[1:] for e in _user_events(admin)] == [("user.role", "ppr: ppr -> leder")]


def test_every_user_changes_their_own_password_in_the_window(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, db_path: Path
) -> None:
    from stevnsmoeder.ui.common.prompts import RecordingPrompts
    from stevnsmoeder.ui.main.main_window import MainWindow

    prompts = RecordingPrompts()
    window = MainWindow(login("ppr"), prompts)
    qtbot.addWidget(window)
    prompts.passwords += [PASSWORD, "ti små grønne frøer"]
    window.password_action.trigger()
    qtbot.waitUntil(lambda: prompts.shown[-1][0] in ("info", "error"), timeout=20_000)
    assert prompts.shown[-1][0] == "info" and "skiftet" in prompts.shown[-1][2]
    access.login(db_path, "ppr", "ti små grønne frøer").db.close()
    prompts.passwords += ["forkert", "endnu en ny sætning her"]  # a wrong current password
    window.password_action.trigger()
    qtbot.waitUntil(lambda: prompts.shown[-1][0] in ("info", "error"), timeout=20_000)
    assert prompts.shown[-1][0] == "error"
