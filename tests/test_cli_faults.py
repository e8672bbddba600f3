"""Faults that used to end in "Uventet fejl" or worse: each gives one clear Danish line, and
nothing is lost or left half-made."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from stevnsmoeder.cli import EXIT_UNEXPECTED, main
from stevnsmoeder.db.engine import NestedUnitOfWork
from stevnsmoeder.db.keystore import keyfile_path
from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services import access, backup, backup_rotation, cases, documents, restore
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.documents import AGENDA, EXTRACT, MINUTES, RUNSHEET
from stevnsmoeder.services.errors import (
    AuthError,
    DatabaseBusy,
    DatabaseUnreadable,
    LoginDelayed,
    PermissionDenied,
    ServiceError,
    StorageProblem,
)
from stevnsmoeder.services.login_attempts import attempts_path
from tests.conftest import CHEAP_KDF, PASSWORD, copy_database
from tests.services.test_case_history import Story, _story

LoginFn = Callable[[str], ServiceContext]
ROLES = ("admin", "leder", "referent", "deltager", "ppr", "politi")


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("stevnsmoeder: fejl: ") and "Traceback" not in err
    assert "Uventet fejl" not in err
    return lines[0]


def _denials(ctx: ServiceContext) -> list[str]:
    with ctx.db.begin() as s:
        return list(s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "denied")))


@pytest.fixture
def story(login: LoginFn) -> Story:
    return _story(login("leder"))


@pytest.mark.parametrize("role", ROLES)
def test_documents_refused_inside_a_unit_of_work_are_refused_cleanly_and_logged(  # type: ignore[no-untyped-def]
    role: str, story: Story, login: LoginFn, db_path: Path, monkeypatch, capsys
) -> None:
    """A refusal found half-way through building a document (the administrator and a
    child's extract) was logged on the connection of the open unit of work and ended the
    command with "Uventet fejl (OperationalError)"."""
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    for opened in login.opened:  # type: ignore[attr-defined]
        opened.db.close()
    refusals = 0
    for kind in (AGENDA, MINUTES, RUNSHEET, EXTRACT):
        for meeting in (story.district, story.ssp):
            argv = ["pdf", kind, str(meeting.id), "--db", str(db_path), "--user", role]
            argv += ["-o", str(db_path.parent / f"{kind}.pdf")]
            if kind == EXTRACT:
                argv += ["--case", str(story.asta.id)]
            code = main(argv)
            _out, err = capsys.readouterr()
            assert code != EXIT_UNEXPECTED, err
            if code:
                _one_line(err)
                refusals += 1
    if role == "admin":
        assert refusals, "the administrator read a child's extract"
    ctx = access.login(db_path, role, PASSWORD)
    try:
        before = len(_denials(ctx))
        if role == "admin":
            with pytest.raises(PermissionDenied):
                documents.render(ctx, story.district.id, EXTRACT, case_id=story.asta.id)
            assert len(_denials(ctx)) == before + 1  # logged, after the unit of work ended
    finally:
        ctx.db.close()


def test_units_of_work_do_not_nest(login: LoginFn) -> None:
    ctx = login("leder")
    with ctx.db.begin(), pytest.raises(NestedUnitOfWork), ctx.db.begin():
        pass
    with ctx.db.begin() as s:  # and the database goes on working
        assert s.scalar(select(AuditEvent.id).limit(1)) is not None


# -- restore -----------------------------------------------------------------------------------


def _fingerprint(path: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in sorted(path.parent.iterdir())
        if p.is_file() and p.name.startswith(path.name) and not p.name.endswith(".lock")
    }


def test_restore_refuses_the_live_database_as_its_own_source(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _fingerprint(db_path)
    with pytest.raises(ServiceError, match="selve databasen"):
        restore.restore(db_path, db_path, "admin", PASSWORD)
    link = db_path.parent / "other-name.db"
    link.symlink_to(db_path)
    with pytest.raises(ServiceError, match="selve databasen"):
        restore.restore(db_path, link, "admin", PASSWORD)
    link.unlink()
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    code = main(["restore", str(db_path), "--db", str(db_path), "--user", "admin"])
    _out, err = capsys.readouterr()
    assert code == 1 and "selve databasen" in _one_line(err)
    assert _fingerprint(db_path) == before
    access.login(db_path, "admin", PASSWORD).db.close()


@pytest.mark.parametrize("crash_at", [1, 2, 3, 4])
def test_a_crash_during_restore_leaves_a_database_that_opens(  # type: ignore[no-untyped-def]
    crash_at: int, login: LoginFn, db_path: Path, tmp_path: Path, monkeypatch
) -> None:
    """The program dies at the n-th file operation of the swap: afterwards there is always a
    database at the path that opens with the password (the old one or the backup), and the
    replaced one is kept."""
    leder = login("leder")
    target = tmp_path / "kopi" / "backup.db"
    backup.backup(leder, target)
    cases.create_case(leder, cases.NewCase(first_name="Bo", last_name="Berg"))
    leder.db.close()

    calls = 0
    real_replace = os.replace

    def dying_replace(src: object, dst: object) -> None:
        nonlocal calls
        calls += 1
        if calls == crash_at:
            raise SystemExit("the power went")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", dying_replace)
    with contextlib.suppress(SystemExit):
        restore.restore(db_path, target, "admin", PASSWORD)
    monkeypatch.setattr(os, "replace", real_replace)
    assert db_path.exists()
    ctx = access.login(db_path, "admin", PASSWORD)
    ctx.db.close()
    assert not [p for p in db_path.parent.iterdir() if p.name.startswith(".restore-")]


def test_wrong_passwords_at_restore_count_against_the_live_database(  # type: ignore[no-untyped-def]
    login: LoginFn, db_path: Path, tmp_path: Path, clock
) -> None:
    """Guessing a password through 'restore' is as slow as guessing it at the login."""
    leder = login("leder")
    target = tmp_path / "kopi" / "backup.db"
    backup.backup(leder, target)
    leder.db.close()
    for _ in range(5):
        with pytest.raises(AuthError):
            restore.restore(db_path, target, "admin", "forkert-kodeord", clock=clock)
    with pytest.raises(LoginDelayed):  # even the right password waits now
        restore.restore(db_path, target, "admin", PASSWORD, clock=clock)
    with pytest.raises(LoginDelayed):  # and so does the login to the live database
        access.login(db_path, "admin", PASSWORD, clock=clock)
    clock.advance(minutes=1)
    ctx = access.login(db_path, "admin", PASSWORD, clock=clock)
    try:
        with ctx.db.begin() as s:
            failed = s.scalars(
                select(AuditEvent.detail).where(AuditEvent.action == "login.failed")
            ).all()
        assert sum("restore" in d for d in failed) == 5  # logged, without the password
        assert not any("forkert" in d for d in failed)
    finally:
        ctx.db.close()


# -- a database file that holds nothing ------------------------------------------------------


def test_an_empty_database_file_is_damaged_not_new(  # type: ignore[no-untyped-def]
    login: LoginFn, db_path: Path, clock
) -> None:
    """A 0-byte file beside a valid key file was filled with a fresh, empty schema (all the
    minutes gone, silently) and an empty backup entered the rotation."""
    leder = login("leder")
    cases.create_case(leder, cases.NewCase(first_name="Asta", last_name="Ødegård"))
    good = backup.backup(leder)
    leder.db.close()
    clock.advance(days=1)
    for part in db_path.parent.glob(db_path.name + "-*"):
        part.unlink()
    db_path.write_bytes(b"")
    with pytest.raises(DatabaseUnreadable) as refused:
        access.login(db_path, "leder", PASSWORD, clock=clock)
    assert good.path.name in str(refused.value)  # the message names the backup to restore
    assert db_path.read_bytes() == b""  # left as it was: nothing written into it
    assert [b.path for b in backup_rotation.list_backups(db_path)] == [good.path]  # no empty backup

    # A damaged newer backup is passed over for the one that verifies.
    clock.advance(hours=1)
    damaged = backup_rotation.backups_dir(db_path) / "stevnsmoeder-20261124-100000.db"
    damaged.write_bytes(good.path.read_bytes()[:5000])
    keyfile_path(damaged).write_bytes(keyfile_path(good.path).read_bytes())
    assert backup_rotation.list_backups(db_path)[0].path == damaged
    done = restore.restore_newest(db_path, "leder", PASSWORD, clock=clock)
    assert done.replaced is not None and done.replaced.read_bytes() == b""
    ctx = access.login(db_path, "leder", PASSWORD, clock=clock)
    try:
        assert [c.display_name for c in cases.list_cases(ctx)] == ["Asta Ødegård"]
    finally:
        ctx.db.close()


# -- the lock file -----------------------------------------------------------------------------


@pytest.mark.parametrize("link", ["symbolic", "hard"])
def test_a_link_at_the_lock_file_is_never_followed(  # type: ignore[no-untyped-def]
    link: str, db_path: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    """A link planted at <db>.lock made the program truncate the file it points to."""
    victim = tmp_path / "someone-elses-file.txt"
    victim.write_text("vigtigt indhold\n")
    lock = db_path.with_name(db_path.name + ".lock")
    lock.unlink(missing_ok=True)
    if link == "symbolic":
        lock.symlink_to(victim)
    else:
        os.link(victim, lock)
    with pytest.raises(DatabaseUnreadable, match="Låsefilen"):
        access.login(db_path, "leder", PASSWORD)
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    code = main(["cases", "--db", str(db_path), "--user", "leder"])
    assert code == 1 and "Låsefilen" in _one_line(capsys.readouterr().err)
    assert victim.read_text() == "vigtigt indhold\n"
    lock.unlink()
    access.login(db_path, "leder", PASSWORD).db.close()  # once the link is gone, all is well


# -- odd input on the command line ---------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["meetings", "--to", "9999-12-31"],
        ["meetings", "--from", "0001-01-01", "--to", "9999-12-31"],
        ["search", "trivsel", "--from", "0001-01-01", "--to", "9999-12-31"],
        ["audit", "--from", "0001-01-01", "--to", "9999-12-31"],
    ],
)
def test_the_ends_of_the_calendar_are_ordinary_dates(  # type: ignore[no-untyped-def]
    argv: list[str], db_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    user = "admin" if argv[0] == "audit" else "leder"
    code = main([*argv, "--db", str(db_path), "--user", user])
    _out, err = capsys.readouterr()
    assert (code, err) == (0, "")


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["meetings", "--db", ""], "--db skal have navnet på en databasefil"),
        (["meetings", "--db", "   "], "--db skal have navnet på en databasefil"),
        (["demo", "--years", "1000000"], "1 til 20 års møder"),
    ],
)
def test_odd_arguments_get_one_clear_line_and_leave_nothing(  # type: ignore[no-untyped-def]
    argv: list[str], says: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    if argv[0] == "demo":
        argv = [*argv, "--db", str(tmp_path / "demo.db")]
    code = main([*argv, "--user", "leder"] if argv[0] != "demo" else argv)
    assert code in (1, 2) and says in _one_line(capsys.readouterr().err)
    assert not [p for p in tmp_path.iterdir() if p.name != "home"]  # nothing half-made


def test_a_folder_as_database_is_refused(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    code = main(["meetings", "--db", str(tmp_path), "--user", "leder"])
    assert code == 2 and "er en mappe" in _one_line(capsys.readouterr().err)


# -- a full disk and a read-only folder ------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 3 MB file system (tmpfs), to fill up or make read-only."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root on Linux")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 1):  # in large pieces, then the last few bytes too
            try:
                while os.write(fd, b"\0" * size):
                    pass
            except OSError:
                pass
    finally:
        os.close(fd)
    return filler


def test_a_full_disk_is_said_plainly_and_loses_nothing(  # type: ignore[no-untyped-def]
    db_path: Path, small_disk: Path, monkeypatch, capsys
) -> None:
    db = copy_database(db_path, small_disk / "data")
    ctx = access.login(db, "leder", PASSWORD)
    cases.create_case(ctx, cases.NewCase(first_name="Asta", last_name="Ødegård"))
    ctx.db.close()
    filler = _fill(small_disk)
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    code = main(["cases", "--db", str(db), "--user", "leder"])
    line = _one_line(capsys.readouterr().err)
    assert code == 1 and "Disken er fuld" in line
    with pytest.raises(StorageProblem, match="Disken er fuld"):
        access.login(db, "leder", PASSWORD)
    filler.unlink()
    ctx = access.login(db, "leder", PASSWORD)  # space again: everything is there
    try:
        assert [c.display_name for c in cases.list_cases(ctx)] == ["Asta Ødegård"]
    finally:
        ctx.db.close()
    assert main(["check", "--db", str(db), "--user", "admin"]) == 0


def test_a_read_only_folder_is_not_called_damaged(  # type: ignore[no-untyped-def]
    db_path: Path, small_disk: Path, monkeypatch, capsys
) -> None:
    db = copy_database(db_path, small_disk / "data")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    code = main(["cases", "--db", str(db), "--user", "leder"])
    line = _one_line(capsys.readouterr().err)
    assert code == 1 and "skrivebeskyttet" in line
    assert "beskadiget" not in line.replace("Intet er beskadiget", "")
    with pytest.raises(StorageProblem):
        access.login(db, "leder", PASSWORD)


def test_guessing_through_a_backup_counts_against_the_live_database(  # type: ignore[no-untyped-def]
    login: LoginFn, db_path: Path, clock
) -> None:
    leder = login("leder")
    info = backup.backup(leder)  # into the rotation beside the database
    leder.db.close()
    for _ in range(5):
        with pytest.raises(AuthError):
            access.login(info.path, "leder", "forkert-kodeord", clock=clock)
    with pytest.raises(LoginDelayed):
        access.login(db_path, "leder", PASSWORD, clock=clock)
    with pytest.raises(LoginDelayed):  # and the backup itself waits too
        access.login(info.path, "leder", PASSWORD, clock=clock)
    clock.advance(minutes=10)
    ctx = access.login(db_path, "leder", PASSWORD, clock=clock)  # the failures are logged
    try:
        with ctx.db.begin() as s:
            failed = s.scalars(
                select(AuditEvent.login).where(AuditEvent.action == "login.failed")
            ).all()
        assert failed == ["leder"] * 5
    finally:
        ctx.db.close()


# -- nothing half-made, nothing readable by others ---------------------------------------------


def _modes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mode & 0o777 for p in folder.iterdir() if p.is_file()}


def test_a_backup_is_readable_by_its_owner_only(login: LoginFn, db_path: Path) -> None:
    ctx = login("leder")
    info = backup.backup(ctx)
    modes = _modes(info.path.parent)
    assert modes and set(modes.values()) == {0o600}, modes


@pytest.mark.parametrize("dies_at", ["copy", "keys"])
def test_an_interrupted_backup_leaves_nothing(  # type: ignore[no-untyped-def]
    dies_at: str, login: LoginFn, db_path: Path, monkeypatch
) -> None:
    ctx = login("leder")
    folder = backup_rotation.backups_dir(db_path)
    real_replace = os.replace

    def dying_replace(src: object, dst: object) -> None:
        if str(dst).endswith(".keys" if dies_at == "keys" else ".db"):
            raise KeyboardInterrupt
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", dying_replace)
    with pytest.raises(KeyboardInterrupt):
        backup.backup(ctx)
    monkeypatch.setattr(os, "replace", real_replace)
    assert not folder.exists() or list(folder.iterdir()) == []


def _db_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))


def test_an_interrupted_creation_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "ny" / "stevnsmoeder.db"

    def interrupted(_session: object) -> dict[str, object]:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        access.create_database(
            target,
            [access.NewUser("chef", PASSWORD, access.Role.ADMIN)],
            kdf=CHEAP_KDF,
            populate=interrupted,  # type: ignore[arg-type]
        )
    assert _db_files(target.parent) == []
    # A creation that was killed outright leaves hidden files, which the next one removes.
    (target.parent / f".{target.name}.creating-0123456789ab").write_bytes(b"x")
    access.create_database(
        target, [access.NewUser("chef", PASSWORD, access.Role.ADMIN)], kdf=CHEAP_KDF
    )
    assert _db_files(target.parent) == [
        "stevnsmoeder.db",
        "stevnsmoeder.db.attempts",
        "stevnsmoeder.db.keys",
    ]
    assert {p.stat().st_mode & 0o777 for p in target.parent.iterdir()} == {0o600}
    access.login(target, "chef", PASSWORD).db.close()


def test_creating_where_another_program_holds_the_path_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "stevnsmoeder.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; "
            "from stevnsmoeder.db.engine import instance_lock; "
            f"instance_lock(Path({str(target)!r})); print('held', flush=True); "
            "sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseBusy, match="opretter eller bruger"):
            access.create_database(
                target, [access.NewUser("chef", PASSWORD, access.Role.ADMIN)], kdf=CHEAP_KDF
            )
    finally:
        holder.communicate("")
    assert _db_files(tmp_path) == []


@pytest.mark.slow
def test_two_demo_runs_on_one_path_make_one_database(tmp_path: Path) -> None:
    target = tmp_path / "demo.db"
    env = {**os.environ, "STEVNSMOEDER_HOME": str(tmp_path / "home")}
    command = [sys.executable, "-m", "stevnsmoeder", "demo", "--db", str(target), "--years", "1"]
    runs = [
        subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = []
    for run in runs:
        _out, err = run.communicate(timeout=600)
        results.append((run.returncode, err))
    codes = sorted(code for code, _err in results)
    assert codes == [0, 1], results
    failed = next(err for code, err in results if code == 1)
    assert failed.startswith("stevnsmoeder: fejl: ") and "Uventet" not in failed
    assert _db_files(tmp_path) == ["demo.db", "demo.db.attempts", "demo.db.keys", "home"]
    access.login(target, "leder", "demo").db.close()


# -- found in review: the lock-out through restore, links, a folder, a flood ---------------------


def test_restoring_a_rotation_backup_elsewhere_counts_against_the_live_database(  # type: ignore[no-untyped-def]
    login: LoginFn, db_path: Path, tmp_path: Path, clock
) -> None:
    leder = login("leder")
    info = backup.backup(leder)
    leder.db.close()
    for n in range(5):
        with pytest.raises(AuthError):
            restore.restore(
                tmp_path / f"new{n}" / "x.db", info.path, "admin", "forkert", clock=clock
            )
    with pytest.raises(LoginDelayed):
        restore.restore(tmp_path / "new9" / "x.db", info.path, "admin", "forkert", clock=clock)
    with pytest.raises(LoginDelayed):
        access.login(db_path, "admin", PASSWORD, clock=clock)


def test_deleting_the_attempts_file_between_restores_is_noticed(  # type: ignore[no-untyped-def]
    login: LoginFn, db_path: Path, tmp_path: Path, clock
) -> None:
    leder = login("leder")
    info = backup.backup(leder, tmp_path / "kopi" / "b.db")
    leder.db.close()
    for _ in range(3):
        with pytest.raises(AuthError):
            restore.restore(db_path, info.path, "admin", "forkert", clock=clock)
    attempts_path(db_path).unlink()
    with pytest.raises(AuthError):  # a guess, and from now on the waits begin
        restore.restore(db_path, info.path, "admin", "forkert", clock=clock)
    with pytest.raises(LoginDelayed):
        restore.restore(db_path, info.path, "admin", PASSWORD, clock=clock)


def test_a_link_to_the_database_by_another_name_takes_the_same_lock(
    db_path: Path, tmp_path: Path
) -> None:
    alias = tmp_path / "alias"
    alias.mkdir()
    (alias / "other.db").symlink_to(db_path)
    (alias / "other.db.keys").symlink_to(keyfile_path(db_path))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; "
            "from stevnsmoeder.db.engine import instance_lock; "
            f"instance_lock(Path({str(db_path)!r})); print('held', flush=True); "
            "sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseBusy):
            access.login(alias / "other.db", "leder", PASSWORD)
    finally:
        holder.communicate("")


def test_a_folder_at_the_attempts_file_is_one_clear_line(  # type: ignore[no-untyped-def]
    db_path: Path, monkeypatch, capsys
) -> None:
    attempts_path(db_path).unlink()
    attempts_path(db_path).mkdir()
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    assert main(["cases", "--db", str(db_path), "--user", "leder"]) == 1
    assert "ikke filen med mislykkede login" in _one_line(capsys.readouterr().err)


def test_a_flood_of_refused_attempts_cannot_push_the_guesses_out(db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    from stevnsmoeder.services.login_attempts import MAX_PENDING, Attempts

    attempts = Attempts.load(db_path)
    for _ in range(3):
        attempts.failed("admin", clock(), "password")
    for _ in range(MAX_PENDING + 200):
        attempts.noted("nobody", clock(), "delayed")
    kinds = [kind for _at, _who, kind in Attempts.load(db_path).pending]
    assert kinds.count("password") == 3 and len(kinds) == MAX_PENDING


def test_a_demoted_user_cannot_restore_an_old_role(
    login: LoginFn, db_path: Path, tmp_path: Path
) -> None:
    leder = login("leder")
    older = backup.backup(leder, tmp_path / "kopi" / "b.db")  # while still leder
    leder.db.close()
    admin = access.login(db_path, "admin", PASSWORD)
    access.set_role(admin, "leder", access.Role.DELTAGER)
    admin.db.close()
    with pytest.raises(PermissionDenied):
        restore.restore(db_path, older.path, "leder", PASSWORD)
    ctx = access.login(db_path, "leder", PASSWORD)
    try:
        assert ctx.actor.role is access.Role.DELTAGER
    finally:
        ctx.db.close()
