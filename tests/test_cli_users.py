"""`stevnsmoeder users list|add|close|reopen`: the administrator's command line for users."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from stevnsmoeder.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from stevnsmoeder.db.models import AuditEvent, Person
from stevnsmoeder.services import access
from stevnsmoeder.services.errors import AuthError
from tests.conftest import PASSWORD

NON_ADMINS = ("leder", "referent", "deltager", "ppr", "politi")


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    monkeypatch.setenv("STEVNSMOEDER_NEW_PASSWORD", "nyt-kodeord-1")
    monkeypatch.delenv("STEVNSMOEDER_USER", raising=False)
    return monkeypatch


def _run(
    capsys: pytest.CaptureFixture[str], db: Path, *argv: str, user: str = "admin"
) -> tuple[int, str, str]:
    code = main([*argv, "--db", str(db), "--user", user])
    out, err = capsys.readouterr()
    return code, out, err


def _actions(db: Path) -> list[tuple[str, str, str]]:
    ctx = access.login(db, "admin", PASSWORD)
    try:
        with ctx.db.begin() as s:
            return [
                (e.login, e.action, e.detail)
                for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))
            ]
    finally:
        ctx.db.close()


def test_users_list_json_and_table(db_path: Path, env: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(capsys, db_path, "users", "list", "--json")
    assert (code, err) == (EXIT_OK, "")
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 6
    for row in data:
        assert {"login", "name", "role", "active"} <= set(row)
        assert isinstance(row["active"], bool)
    assert {r["login"]: r["role"] for r in data}["politi"] == "politi"
    code, out, _ = _run(capsys, db_path, "users", "list")
    lines = out.strip().splitlines()
    assert code == EXIT_OK and lines[0].split() == [
        "Bruger",
        "Navn",
        "Rolle",
        "Adgang",
        "Sidste",
        "login",
    ]
    assert lines[-1] == "6 brugere"
    # An aligned table: every row's role column starts where the header's does.
    column = lines[0].index("Rolle")
    for line in lines[1:-1]:
        assert line[column - 2 : column] == "  " and line[column] != " "


def test_users_add_close_reopen(db_path: Path, env: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(
        capsys, db_path, "users", "add", "mette", "--name", "Mette Holm", "--role", "leder"
    )
    assert (code, err) == (EXIT_OK, ""), err
    assert "mette" in out
    ctx = access.login(db_path, "mette", "nyt-kodeord-1")
    assert ctx.actor.display_name == "Mette Holm"
    ctx.db.close()

    code, out, err = _run(capsys, db_path, "users", "close", "mette")
    assert (code, err) == (EXIT_OK, "")
    with pytest.raises(AuthError):
        access.login(db_path, "mette", "nyt-kodeord-1")
    code, _, err = _run(capsys, db_path, "users", "close", "admin")
    assert code == EXIT_FAILED and "din egen adgang" in err

    env.setenv("STEVNSMOEDER_NEW_PASSWORD", "andet-kodeord-2")
    code, out, err = _run(capsys, db_path, "users", "reopen", "mette")
    assert (code, err) == (EXIT_OK, "")
    access.login(db_path, "mette", "andet-kodeord-2").db.close()
    code, out, _ = _run(capsys, db_path, "users", "list", "--json")
    assert {r["login"]: r["active"] for r in json.loads(out)}["mette"] is True

    assert [a[1:] for a in _actions(db_path) if a[1].startswith("user.")] == [
        ("user.create", "mette (leder)"),
        ("user.close", "mette"),
        ("user.open", "mette"),
    ]


def test_users_add_with_a_person_by_name_or_id(
    db_path: Path, env: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    ctx = access.login(db_path, "admin", PASSWORD)
    with ctx.db.begin() as s:
        first, second = Person(name="Jens Juul", organisation="Skolen"), Person(name="JENS JUUL")
        s.add_all([first, second])
        s.flush()
        ids = first.id, second.id
    ctx.db.close()
    code, _, err = _run(
        capsys, db_path, "users", "add", "jj", "--name", "Jens", "--role", "deltager",
        "--person", "jens juul",
    )  # fmt: skip
    assert code == EXIT_FAILED
    assert "2 personer" in err and str(ids[0]) in err and str(ids[1]) in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = _run(
        capsys, db_path, "users", "add", "jj", "--name", "Jens", "--role", "deltager",
        "--person", str(ids[1]),
    )  # fmt: skip
    assert (code, err) == (EXIT_OK, "")
    ctx = access.login(db_path, "jj", "nyt-kodeord-1")
    assert (ctx.actor.person_id, ctx.actor.display_name) == (ids[1], "JENS JUUL")
    ctx.db.close()
    code, _, err = _run(
        capsys, db_path, "users", "add", "x", "--name", "X", "--role", "ppr", "--person", "Ingen"
    )
    assert code == EXIT_FAILED and "ingen person Ingen" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["users"],
        ["users", "add", "x", "--name", "X"],
        ["users", "add", "x", "--name", "X", "--role", "rektor"],
        ["users", "add", "x", "--role", "ppr"],
        ["users", "close"],
    ],
)
def test_users_usage_errors(
    db_path: Path, env: pytest.MonkeyPatch, capsys, argv: list[str]
) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _run(capsys, db_path, *argv)
    assert code == EXIT_USAGE
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_no_new_password_without_a_terminal(db_path: Path, env: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    env.delenv("STEVNSMOEDER_NEW_PASSWORD")
    code, _, err = _run(capsys, db_path, "users", "add", "x", "--name", "X", "--role", "ppr")
    assert code == EXIT_FAILED and "STEVNSMOEDER_NEW_PASSWORD" in err


@pytest.mark.parametrize("who", NON_ADMINS)
def test_every_other_role_is_refused_and_logged(  # type: ignore[no-untyped-def]
    db_path: Path, env: pytest.MonkeyPatch, capsys, who: str
) -> None:
    for argv in (
        ["users", "list", "--json"],
        ["users", "add", "hacker", "--name", "H", "--role", "admin"],
        ["users", "add", "hacker", "--name", "H", "--role", "admin", "--person", "admin"],
        ["users", "close", "admin"],
        ["users", "reopen", "admin"],
    ):
        code, out, err = _run(capsys, db_path, *argv, user=who)
        assert code == EXIT_FAILED, argv
        assert err.strip().startswith("stevnsmoeder: fejl: Din rolle giver ikke adgang"), argv
        assert out == ""
    denied = [a for a in _actions(db_path) if a[1] == "denied"]
    assert [a[0] for a in denied] == [who] * 5
    code, out, _ = _run(capsys, db_path, "users", "list", "--json")
    assert "hacker" not in {r["login"] for r in json.loads(out)}


def test_rekey_command(db_path: Path, env: pytest.MonkeyPatch, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from stevnsmoeder.db.engine import key_opens
    from stevnsmoeder.db.keystore import KeyStore, keyfile_path

    old_key = KeyStore.load(keyfile_path(db_path)).unwrap("ppr", PASSWORD)
    for who in NON_ADMINS:
        code, out, err = _run(capsys, db_path, "rekey", user=who)
        assert code == EXIT_FAILED and "Din rolle giver ikke adgang" in err and out == ""
    assert key_opens(db_path, old_key)
    code, out, err = _run(capsys, db_path, "rekey")
    assert (code, err) == (EXIT_OK, "")
    assert "har fået en ny nøgle" in out
    assert not key_opens(db_path, old_key)
    actions = _actions(db_path)
    assert [a[0] for a in actions if a[1] == "denied"] == list(NON_ADMINS)
    assert [a[:2] for a in actions if a[1] == "database.rekey"] == [("admin", "database.rekey")]
    for who in ("leder", "ppr"):
        access.login(db_path, who, PASSWORD).db.close()


def test_user_changes_read_plainly_in_the_access_log(
    db_path: Path, env: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    _run(capsys, db_path, "users", "add", "mette", "--name", "Mette Holm", "--role", "ppr")
    _run(capsys, db_path, "users", "close", "mette")
    code, out, _ = _run(capsys, db_path, "audit", "--action", "user")
    assert code == EXIT_OK
    assert "admin oprettede brugeren Mette Holm" in out
    assert "admin lukkede adgangen for Mette Holm" in out
    code, out, _ = _run(capsys, db_path, "audit", "--action", "database")
    assert "admin gav databasen en ny nøgle" in out and "mette closed" in out


def test_a_user_changes_their_own_password(db_path: Path, env: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    env.setenv("STEVNSMOEDER_NEW_PASSWORD", "Sommer2026!!")  # common: refused
    assert main(["password", "--db", str(db_path), "--user", "referent"]) == 1
    assert "mest almindelige" in capsys.readouterr().err
    env.setenv("STEVNSMOEDER_NEW_PASSWORD", "ti små grønne frøer")
    assert main(["password", "--db", str(db_path), "--user", "referent"]) == 0
    assert "Din adgangskode er skiftet" in capsys.readouterr().out
    access.login(db_path, "referent", "ti små grønne frøer").db.close()
    with pytest.raises(AuthError):
        access.login(db_path, "referent", PASSWORD)
