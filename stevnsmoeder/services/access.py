"""Creating a database, logging in, and managing who may open it.

A database is two files: the SQLCipher file and its key file (``<name>.keys``). Logging in
unwraps the database key with the user's password, opens the file with the raw key, brings the
schema up to date and records the login. A failed login writes nothing anywhere.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from stevnsmoeder.db import migrate
from stevnsmoeder.db.base import utcnow
from stevnsmoeder.db.engine import (
    Database,
    DatabaseInUse,
    EncryptedFileDatabase,
    UnsafeLockFile,
    instance_lock,
    key_opens,
    release_lock,
)
from stevnsmoeder.db.keystore import (
    DEFAULT_KDF,
    EARLIER_DEFAULTS,
    KdfParams,
    KeyStore,
    KeyStoreError,
    WrongCredentials,
    keyfile_path,
    new_database_key,
    normalise_login,
)
from stevnsmoeder.db.models import AuditEvent, CustodyHolder, Person, User
from stevnsmoeder.domain import passwords
from stevnsmoeder.domain.text import one_line
from stevnsmoeder.i18n import _, _n
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services import (
    app_settings,
    audit,
    audit_trail,
    backup,
    oplog,
    reference_data,
)
from stevnsmoeder.services import rekey as rekey_service
from stevnsmoeder.services.backup_rotation import list_backups, live_database_for
from stevnsmoeder.services.context import Actor, Clock, ServiceContext
from stevnsmoeder.services.errors import (
    AuthError,
    DatabaseBusy,
    DatabaseExists,
    DatabaseMissing,
    DatabaseUnreadable,
    NotOnThisDatabase,
    ReplicaExpired,
    ServiceError,
    ValidationError,
    storage_problem,
)
from stevnsmoeder.services.login_attempts import Attempts, attempts_path
from stevnsmoeder.services.people import PersonInfo
from stevnsmoeder.services.permissions import Permission, require

DEMO_MARK = "demo"  # the creation event of a demo database says so

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewUser:
    login: str
    password: str
    role: Role
    person_name: str = ""  # creates a Person for the user when set and no person_id given
    person_id: uuid.UUID | None = None


def _password_hasher(params: KdfParams) -> PasswordHasher:
    return PasswordHasher(
        time_cost=params.time_cost,
        memory_cost=params.memory_cost_kib,
        parallelism=params.parallelism,
    )


def _hash_password(password: str, params: KdfParams) -> str:
    return _password_hasher(params).hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when ``password`` matches the Argon2id PHC string (parameters read from it)."""
    try:
        return PasswordHasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


MAX_LOGIN = 80  # User.login
MAX_PERSON_NAME = 200  # Person.name


def _check_login_name(login: str) -> str:
    name = normalise_login(login)
    if not name or len(name) > MAX_LOGIN or any(ch.isspace() for ch in name):
        raise ValidationError(_("A user name is one word of at most 80 characters."))
    return name


def _check_password(password: str, login: str = "", name: str = "") -> None:
    """A new or changed password must pass domain.passwords (the demo keeps 'demo')."""
    found = passwords.problem(password, login=login, name=name)
    if found is passwords.Problem.TOO_SHORT:
        raise ValidationError(
            _("A password must have at least {n} characters.", n=passwords.MIN_LENGTH)
        )
    if found is passwords.Problem.TOO_LONG:
        raise ValidationError(
            _("A password may have at most {n} characters.", n=passwords.MAX_LENGTH)
        )
    if found is passwords.Problem.COMMON:
        raise ValidationError(
            _(
                "This password is one of the most common ones, which are guessed first. "
                "Choose a longer one of your own: a few words that belong together only for "
                "you."
            )
        )
    if found is passwords.Problem.SIMPLE:
        raise ValidationError(
            _(
                "This password is too simple to guess slowly: repeated or running characters, "
                "or one word twice. Choose a few words that belong together only for you."
            )
        )
    if found is passwords.Problem.NAME:
        raise ValidationError(_("A password may not be mostly the user's own name."))


def _person_name(ctx: ServiceContext, login_name: str) -> str:
    """The full name of the person behind a user (for the password rule), or ""."""
    with ctx.db.begin() as s:
        user = s.scalar(select(User).where(User.login == normalise_login(login_name)))
        return user.person.name if user is not None and user.person is not None else ""


def database_exists(path: Path) -> bool:
    return path.exists() or keyfile_path(path).exists()


def create_database(
    path: Path,
    users: Sequence[NewUser],
    *,
    clock: Clock = utcnow,
    kdf: KdfParams = DEFAULT_KDF,
    populate: Callable[[Session], dict[str, uuid.UUID]] | None = None,
    demo: bool = False,
    replica_of: Callable[[Session], None] | None = None,
) -> None:
    """Create an encrypted database with reference data and the given users.

    ``replica_of``: a replica of the shared record instead. It fills the new file (the first
    pull: the reference data and the user come from the server, ids and all), and the key
    is wrapped for the given user, whose password the server has already checked.

    ``populate`` may add data (the demo) and return person ids by login for the users.
    The database is built under a hidden name beside ``path``, readable by this user only,
    while this program holds the path's lock (a second program creating or opening the same
    path is refused), and put in place only when whole: its key file first, then the
    database. On any failure nothing is left behind; the leftovers of a creation that was
    killed are removed by the next one.
    """
    if database_exists(path):
        raise DatabaseExists(str(path))
    checked = check_new_users(users, demo=demo or replica_of is not None)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        lock = instance_lock(path)
    except DatabaseInUse:
        raise DatabaseBusy(
            _(
                "Another stevnsmoeder is creating or using the database {path}. Wait for it, "
                "or close it there.",
                path=path,
            )
        ) from None
    except UnsafeLockFile as exc:
        raise DatabaseUnreadable(unsafe_lock_message(str(exc))) from None
    try:
        if database_exists(path):  # made meanwhile, before this program held the lock
            raise DatabaseExists(str(path))
        for leftover in path.parent.glob(f".{path.name}.creating-*"):
            leftover.unlink(missing_ok=True)  # from a creation that was killed
        _build(
            path, checked, clock=clock, kdf=kdf, populate=populate, demo=demo, replica_of=replica_of
        )
    finally:
        release_lock(lock)


def _build(
    path: Path,
    checked: list[tuple[NewUser, str]],
    *,
    clock: Clock,
    kdf: KdfParams,
    populate: Callable[[Session], dict[str, uuid.UUID]] | None,
    demo: bool,
    replica_of: Callable[[Session], None] | None = None,
) -> None:
    tmp = path.with_name(f".{path.name}.creating-{secrets.token_hex(6)}")
    os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))  # this user's only
    made = [tmp, keyfile_path(tmp), *_sidecars(tmp), tmp.with_name(tmp.name + ".lock")]
    key = new_database_key()
    store = KeyStore.new(keyfile_path(tmp))
    published: list[Path] = []
    made_attempts = False
    try:
        db = EncryptedFileDatabase.open(tmp, key, create=True)
        try:
            if replica_of is not None:
                migrate.upgrade(db)
                with db.begin() as s:
                    replica_of(s)
                    audit.append(
                        s, user_id=None, login="-", at=clock(), action="database.create",
                        detail="replica",
                    )  # fmt: skip
            else:
                fill_new_database(db, checked, clock=clock, kdf=kdf, populate=populate, demo=demo)
        finally:
            db.close()
        for u, name in checked:
            store.add_user(name, u.password, key, kdf)
        store.record_attempts(Attempts.start(path).serial, _where(path), key)
        made_attempts = True
        store.save()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(keyfile_path(tmp), keyfile_path(path))
        published.append(keyfile_path(path))
        os.replace(tmp, path)
        published.append(path)
    except BaseException:
        if path not in published:
            for done in published:
                done.unlink(missing_ok=True)
            if made_attempts:
                attempts_path(path).unlink(missing_ok=True)
        raise
    finally:
        for leftover in made:
            leftover.unlink(missing_ok=True)


def fill_new_database(
    db: Database,
    checked: list[tuple[NewUser, str]],
    *,
    clock: Clock,
    kdf: KdfParams,
    populate: Callable[[Session], dict[str, uuid.UUID]] | None,
    demo: bool,
) -> None:
    """The schema, the reference data, the users (``checked``: each with its normalised
    login) and the log's first event, in an empty database of either engine."""
    migrate.upgrade(db)
    with db.begin() as s:
        reference_data.seed(s)
        people = populate(s) if populate else {}
        for u, name in checked:
            person_id = u.person_id or people.get(name)
            if person_id is None and u.person_name:
                person = Person(name=u.person_name)
                s.add(person)
                s.flush()
                person_id = person.id
            s.add(
                User(
                    login=name,
                    role=u.role,
                    person_id=person_id,
                    password_hash=_hash_password(u.password, kdf),
                )
            )
        audit.append(
            s,
            user_id=None,
            login="-",
            at=clock(),
            action="database.create",
            detail=DEMO_MARK if demo else "",
        )


def check_new_users(users: Sequence[NewUser], *, demo: bool) -> list[tuple[NewUser, str]]:
    """Each new user with their normalised login; a weak password is refused (the demo's
    fictitious users keep 'demo')."""
    if not users:
        raise ValidationError(_("A new database needs at least one user."))
    checked = [(u, _check_login_name(u.login)) for u in users]
    for u, name in checked:
        if not demo:
            _check_password(u.password, name, u.person_name)
    return checked


def _sidecars(path: Path) -> tuple[Path, ...]:
    return tuple(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))


def open_database(path: Path, login: str, password: str) -> Database:
    """Unwrap the key and open the file. Writes nothing; raises a ServiceError on failure."""
    return _open(path, login, password).db


@dataclass(frozen=True)
class _Opened:
    db: EncryptedFileDatabase
    store: KeyStore
    keys: list[bytes]  # the current key, and the next one while a re-key is under way


def _open(path: Path, login: str, password: str) -> _Opened:
    if not path.exists():
        raise DatabaseMissing(str(path))
    try:
        store = KeyStore.load(keyfile_path(path))
    except KeyStoreError:
        raise DatabaseUnreadable(
            _("The key file beside the database is missing or damaged.")
        ) from None
    try:
        keys = store.unwrap_keys(login, password)
    except WrongCredentials:
        raise AuthError(_("Wrong user name or password.")) from None
    except KeyStoreError:
        raise DatabaseUnreadable(_("The key file beside the database is damaged.")) from None
    try:
        # While a re-key is under way (or was interrupted) the file reads under one of two
        # keys: the current one first, then the next.
        for key in keys[:-1]:
            if key_opens(path, key):
                return _Opened(EncryptedFileDatabase.open(path, key), store, keys)
        return _Opened(EncryptedFileDatabase.open(path, keys[-1]), store, keys)
    except DatabaseInUse:
        raise DatabaseBusy(
            _(
                "The database is open in another stevnsmoeder on this computer (a window or "
                "a command). Close it there first."
            )
        ) from None
    except UnsafeLockFile as exc:
        raise DatabaseUnreadable(unsafe_lock_message(str(exc))) from None
    except Exception as exc:  # a wrong key file, or a damaged or truncated database
        log.warning("database did not open: %s", type(exc).__name__)
        problem = storage_problem(exc, path.parent)  # a full disk or a read-only folder
        if problem is not None:
            raise problem from None
        raise DatabaseUnreadable(_unreadable_message(path)) from None


def unsafe_lock_message(name: str) -> str:
    return _(
        "The lock file {name} beside the database is a link to another file, so nothing "
        "was opened or written. Remove the link, and tell your IT department: someone may "
        "have tried to make stevnsmoeder overwrite that file.",
        name=name,
    )


def _unreadable_message(path: Path) -> str:
    text = _(
        "The database cannot be opened with its key file: it is damaged, or the key file "
        "belongs to another database."
    )
    newest = list_backups(path)
    if newest:
        when = newest[0].taken_at.strftime("%d.%m.%Y %H.%M")
        text += " " + _(
            "The newest backup is from {when}: restore it with 'stevnsmoeder restore {file}' "
            "or from the login window.",
            when=when,
            file=newest[0].path,
        )
    kept = sorted(path.parent.glob(path.name + ".replaced-*[0-9]"), reverse=True)
    if kept:  # what a restore replaced (perhaps one cut short) is kept beside it
        text += " " + _("The database a restore replaced is kept as {file}.", file=kept[0])
    return text


def login(
    path: Path,
    login_name: str,
    password: str,
    *,
    clock: Clock = utcnow,
    to_synchronise: bool = False,
) -> ServiceContext:
    """Open the database as this user and return the context every service call takes.

    A failed attempt is noted beside the database (see login_attempts) and written to the
    access log at the next successful login; from the fifth failure in a row the user name
    must wait before trying again."""
    name = normalise_login(login_name)
    # Guessing through a backup in the rotation counts against the live database's lock-out.
    counted = live_database_for(path.resolve()) or path
    attempts = Attempts.load(counted) if counted.exists() else None
    now = clock()
    if attempts is not None:
        attempts.check_against(seen_attempts(counted), now)  # deleted or replaced?
        attempts.refuse_if_waiting(name, now)
    try:
        opened = _open(path, login_name, password)
    except AuthError as exc:
        if attempts is not None:
            attempts.failed(name, now, "password")
            _say_how_long(exc, attempts, name, now)
        raise
    db = opened.db
    try:
        _bring_schema_up_to_date(db)
        with db.begin() as s:
            user = s.scalar(select(User).where(User.login == name))
            if user is None or not user.active:
                refused = AuthError(_("This user no longer has access."))
                if attempts is not None:
                    attempts.failed(name, now, "inactive")
                    _say_how_long(refused, attempts, name, now)
                raise refused
            user.last_login_at = now
            person = s.get(Person, user.person_id) if user.person_id else None
            actor = Actor(
                user_id=user.id,
                login=user.login,
                role=user.role,
                person_id=user.person_id,
                display_name=person.name if person else user.login,
            )
            ctx = ServiceContext(db=db, actor=actor, clock=clock)
            # The noted failures go into the live database's log, not into a backup's.
            noted = Attempts.take_pending(path) if attempts is not None and counted == path else []
            for at, who, kind in noted:
                audit.append(
                    s,
                    user_id=None,
                    login=who,
                    at=at,
                    action=_noted_action(kind),
                    detail=f"{kind}; noted beside the database, logged at the next login",
                )
            audit.record(s, ctx, "login")
        if attempts is not None:
            Attempts.load(counted).end_count(name)
        _finish_key_work(ctx, opened, password)
        with db.begin() as s:
            if app_settings.get(s, oplog.REPLICA_SETTING):
                oplog.attach_replica(db)
                away = oplog.offline_for(s, clock())
                if away > oplog.CLOSED_AFTER and not to_synchronise:
                    raise ReplicaExpired(
                        _n(
                            "This computer has not reached the server for {n} day. Connect "
                            "to the network and synchronise it before it is opened.",
                            "This computer has not reached the server for {n} days. Connect "
                            "to the network and synchronise it before it is opened.",
                            away.days,
                        )
                    )
                db.read_only = away > oplog.READ_ONLY_AFTER
        if attempts is not None and counted == path:
            _record_attempts(ctx)
        return ctx
    except BaseException as exc:
        db.close()
        problem = storage_problem(exc, path.parent) if isinstance(exc, Exception) else None
        if problem is not None and not isinstance(exc, ServiceError):
            raise problem from None
        raise


def _say_how_long(exc: AuthError, attempts: Attempts, name: str, now: datetime) -> None:
    """A failure that makes the next attempt wait says how long ("Vent 2 sekunder, …")."""
    seconds = attempts.wait_seconds(name, now)
    if seconds:
        raise AuthError(exc.reason, wait_seconds=seconds) from None


def _noted_action(kind: str) -> str:
    if kind == "delayed":
        return "login.delayed"
    if kind.startswith("attempts-file"):
        return "login.attempts-file"
    return "login.failed"


def _where(path: Path) -> str:
    """The database's place, for the key file's record of its attempts file (no name of a
    person: a hash of the full path)."""
    place = os.path.normcase(str(path.resolve()))
    return hashlib.sha256(place.encode()).hexdigest()[:16]


def seen_attempts(path: Path) -> int:
    try:
        return KeyStore.load(keyfile_path(path)).seen_attempts_serial(_where(path))
    except KeyStoreError:
        return 0


def _record_attempts(ctx: ServiceContext) -> None:
    """Record the failed-login file's serial in the key file (see login_attempts); a record
    altered by someone without the database key is logged."""
    store = KeyStore.load(keyfile_path(ctx.file_db.path))
    if store.pending:
        return
    intact = ctx.file_db.use_key(store.attempts_record_ok)
    serial = Attempts.load(ctx.file_db.path).serial
    with ctx.db.begin() as s:  # the database remembers that the key file held a record
        had_record = app_settings.get(s, "login.attempts_recorded") == "1"
        if store.attempts_seen is None and had_record:
            intact = False  # removed from the key file, to hide a deleted attempts file
        app_settings.put(s, "login.attempts_recorded", "1")
        if not intact:
            audit.record(s, ctx, "login.attempts-file", detail="the key file's record was altered")
    where = _where(ctx.file_db.path)
    if not intact or store.seen_attempts_serial(where) != serial:
        ctx.file_db.use_key(lambda key: store.record_attempts(serial, where, key))
        store.save()


def _finish_key_work(ctx: ServiceContext, opened: _Opened, password: str) -> None:
    """After a login: finish a re-key that a crash interrupted, and give a user whose key-file
    entry is of the old format (version 1) an entry of the current one."""
    if opened.store.pending and len(opened.keys) == 2:
        report = rekey_service.complete(ctx.file_db, opened.keys[0], opened.keys[1])
        with ctx.db.begin() as s:
            audit.record(
                s, ctx, "database.rekey", detail=f"finished after an interruption; {report.summary}"
            )
        return
    store = KeyStore.load(keyfile_path(ctx.file_db.path))
    with ctx.db.begin() as s:
        closed = set(s.scalars(select(User.login).where(User.active.is_(False))))
    left_in = sorted(closed & set(store.logins()))
    if left_in:  # a closing cut short before its re-key: finish it
        _rekey(ctx, f"{', '.join(left_in)} closed (finished at login)", None, remove=left_in)
        store = KeyStore.load(keyfile_path(ctx.file_db.path))
    if store.is_legacy(ctx.actor.login) and not store.pending:
        params = store.legacy_params(ctx.actor.login)
        if params in EARLIER_DEFAULTS:
            params = DEFAULT_KDF
        ctx.file_db.wrap_key_for(store, ctx.actor.login, password, params)
        store.save()
    elif store.has_earlier_default(ctx.actor.login) and not store.pending:
        # Made with an earlier, cheaper default: sealed anew at today's cost, once.
        ctx.file_db.wrap_key_for(store, ctx.actor.login, password, DEFAULT_KDF)
        store.save()


def _bring_schema_up_to_date(db: Database) -> None:
    current = migrate.current_revision(db)
    head = migrate.head_revision()
    if current == head:
        return
    if current is not None and current not in migrate.known_revisions():
        raise DatabaseUnreadable(
            _("The database was made by a newer version of stevnsmoeder. Update the program.")
        )
    # An older database: a backup first, so a failed upgrade can be undone by a restore.
    if isinstance(db, EncryptedFileDatabase):
        backup.backup_before_upgrade(db)
    migrate.upgrade(db)


def is_demo(ctx: ServiceContext) -> bool:
    """True for a database of fictitious demo data (the window says so)."""
    with ctx.db.begin() as s:
        detail = s.scalar(
            select(AuditEvent.detail).where(AuditEvent.action == "database.create").limit(1)
        )
    return detail == DEMO_MARK


UNLOCK_TRIES = 5  # wrong passwords at the lock screen before the session is closed


def lock(ctx: ServiceContext, reason: str) -> None:
    """The window locked itself ("idle") or was locked ("on request"): logged."""
    with ctx.db.begin() as s:
        audit.record(s, ctx, "lock", detail=reason)


def unlock(ctx: ServiceContext, password: str) -> bool:
    """True when the password is the logged-in user's own (it unwraps the database key);
    every try is logged."""
    ok = _password_fits(ctx, password)
    with ctx.db.begin() as s:
        audit.record(s, ctx, "unlock" if ok else "unlock.failed")
    return ok


def _password_fits(ctx: ServiceContext, password: str) -> bool:
    """True when ``password`` is the acting user's own: on the laptop's file it unwraps the
    database key; on a server it matches the user's Argon2id hash."""
    if not ctx.on_file:
        with ctx.db.begin() as s:
            stored = s.scalar(select(User.password_hash).where(User.id == ctx.actor.user_id))
        return stored is not None and verify_password(stored, password)
    try:
        KeyStore.load(keyfile_path(ctx.file_db.path)).unwrap(ctx.actor.login, password)
    except (WrongCredentials, KeyStoreError):
        return False
    return True


def logout(ctx: ServiceContext, *, take_backup: bool = True) -> None:
    """Log out and close; the day's first closing leaves a backup in the rotation."""
    with ctx.db.begin() as s:
        audit.record(s, ctx, "logout")
    if not ctx.on_file:  # a server keeps its own backups and its log
        ctx.db.close()
        return
    try:
        if take_backup:
            backup.backup_on_close(ctx)
        try:
            audit_trail.export_on_closing(ctx)
        except (OSError, ServiceError) as exc:  # the share may be away: next time, then
            log.warning("access log not exported: %s", type(exc).__name__)
    finally:
        ctx.db.close()


# -- users -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UserInfo:
    id: uuid.UUID
    login: str
    role: Role
    active: bool
    person_name: str
    person_id: uuid.UUID | None = None
    last_login_at: datetime | None = None  # aware UTC

    @property
    def name(self) -> str:
        """The user's full name (their person in the register), or the login."""
        return self.person_name or self.login

    def to_json(self) -> dict[str, Any]:
        return {
            "login": self.login,
            "name": self.name,
            "role": self.role.value,
            "active": self.active,
            "person_id": str(self.person_id) if self.person_id else None,
            "last_login": self.last_login_at.isoformat(timespec="seconds")
            if self.last_login_at
            else None,
        }


def _user_info(u: User) -> UserInfo:
    return UserInfo(
        u.id,
        u.login,
        u.role,
        u.active,
        u.person.name if u.person else "",
        u.person_id,
        u.last_login_at,
    )


def require_manage_users(ctx: ServiceContext, what: str = "create users") -> None:
    """For a caller that asks for something (a password) before calling the service: the
    refusal comes first, and is logged."""
    require(ctx, Permission.MANAGE_USERS, what)
    _users_on_the_server(ctx)


def _users_on_the_server(ctx: ServiceContext) -> None:
    """A replica holds the server's users as they are there: they are managed there."""
    if ctx.db.replica:
        raise NotOnThisDatabase(
            _("Users are managed on the server (stevnsmoeder server users), not on a copy.")
        )


def list_users(ctx: ServiceContext) -> list[UserInfo]:
    require(ctx, Permission.MANAGE_USERS, "see users")
    with ctx.db.begin() as s:
        return [_user_info(u) for u in s.scalars(select(User).order_by(User.login))]


def _people_for_users(s: Session) -> list[Person]:
    family = select(CustodyHolder.person_id).where(CustodyHolder.person_id.is_not(None))
    return list(
        s.scalars(
            select(Person)
            .where(Person.active, Person.id.not_in(family))
            .order_by(Person.name, Person.organisation)
        )
    )


def people_for_users(ctx: ServiceContext) -> list[PersonInfo]:
    """The people a new user may be tied to (administrators)."""
    require(ctx, Permission.MANAGE_USERS, "see users")
    with ctx.db.begin() as s:
        return [
            PersonInfo(p.id, p.name, p.profession, p.organisation) for p in _people_for_users(s)
        ]


def find_person(ctx: ServiceContext, text: str) -> PersonInfo:
    """A person of the register by id or by name (case-insensitive). An ambiguous name is
    refused with the ids to choose from."""
    require(ctx, Permission.MANAGE_USERS, "create users")
    wanted = text.strip()
    try:
        wanted_id: uuid.UUID | None = uuid.UUID(wanted)
    except ValueError:
        wanted_id = None
    with ctx.db.begin() as s:
        people = _people_for_users(s)
    if wanted_id is not None:
        found = [p for p in people if p.id == wanted_id]
    else:
        found = [p for p in people if p.name.casefold() == wanted.casefold()]
    if not found:
        raise ValidationError(_("There is no person {name} in the register.", name=wanted))
    if len(found) > 1:
        choices = "; ".join(
            f"{p.id} ({', '.join(x for x in (p.profession, p.organisation) if x) or '-'})"
            for p in found
        )
        raise ValidationError(
            _(
                "{n} people in the register are called {name}. Give the id of the one you "
                "mean instead of the name: {choices}",
                n=len(found),
                name=wanted,
                choices=choices,
            )
        )
    p = found[0]
    return PersonInfo(p.id, p.name, p.profession, p.organisation)


def _user(s: Session, login_name: str) -> User:
    user = s.scalar(select(User).where(User.login == normalise_login(login_name)))
    if user is None:
        raise ValidationError(_("There is no user {login}.", login=normalise_login(login_name)))
    return user


def _other_active_admins(s: Session, user: User) -> int:
    return len(
        s.scalars(
            select(User.id).where(User.role == Role.ADMIN, User.active, User.id != user.id)
        ).all()
    )


def add_user(ctx: ServiceContext, new: NewUser, *, kdf: KdfParams = DEFAULT_KDF) -> UserInfo:
    """Create a user and wrap the database key for them (admin only). The user is tied to an
    existing person (``person_id``) or to a new person of that name."""
    require(ctx, Permission.MANAGE_USERS, "create users")
    _users_on_the_server(ctx)
    name = _check_login_name(new.login)
    _check_password(new.password, name, new.person_name)
    role = Role(new.role)
    store = KeyStore.load(keyfile_path(ctx.file_db.path)) if ctx.on_file else None
    with ctx.db.begin() as s:
        if s.scalar(select(User.id).where(User.login == name)) is not None:
            raise ValidationError(_("The user name {login} is taken.", login=name))
        person_id = new.person_id
        if person_id is not None:
            if person_id not in {p.id for p in _people_for_users(s)}:
                raise ValidationError(_("There is no such person in the register."))
            if s.scalar(select(User.login).where(User.person_id == person_id, User.active)):
                raise ValidationError(_("That person already has an active user."))
        else:
            full_name = one_line(new.person_name)
            if not full_name:
                raise ValidationError(
                    _("A new user needs a full name or a person of the register.")
                )
            if len(full_name) > MAX_PERSON_NAME:
                raise ValidationError(_("A name has at most 200 characters."))
            person = Person(name=full_name)
            s.add(person)
            s.flush()
            person_id = person.id
        user = User(
            login=name,
            role=role,
            person_id=person_id,
            password_hash=_hash_password(new.password, kdf),
        )
        s.add(user)
        s.flush()
        audit.record(
            s, ctx, "user.create", object_type="user", object_id=user.id, detail=f"{name} ({role})"
        )
        if store is not None:  # on a server the password hash is all there is
            ctx.file_db.wrap_key_for(store, name, new.password, kdf)
            store.save()
        s.refresh(user)
        return _user_info(user)


def reset_access(
    ctx: ServiceContext,
    login_name: str,
    new_password: str,
    *,
    kdf: KdfParams = DEFAULT_KDF,
    progress: rekey_service.Progress | None = None,
) -> rekey_service.RekeyReport:
    """An administrator gives a user who forgot their password a new one (to hand over and
    change at once). The database key is wrapped for that user from the administrator's own
    session: it is never shown, written out or known to anyone. A closed user is reopened
    with reopen_user, not here."""
    require(ctx, Permission.MANAGE_USERS, "reset a user's access")
    _users_on_the_server(ctx)
    _check_password(new_password, normalise_login(login_name), _person_name(ctx, login_name))
    name = normalise_login(login_name)
    with ctx.db.begin() as s:
        user = _user(s, name)
        if not user.active:
            raise ValidationError(
                _("{login}'s access is closed: reopen it to give a new password.", login=name)
            )
        user.password_hash = _hash_password(new_password, kdf)
        audit.record(s, ctx, "user.reset", object_type="user", object_id=user.id, detail=name)
    # A new key pair under the new password, and a new database key: a copy of the key file
    # with the old password opens nothing any more.
    report = _rekey(
        ctx,
        f"{name}'s password reset",
        progress,
        prepare=lambda store: ctx.file_db.wrap_key_for(store, name, new_password, kdf),
    )
    # The user's count of failed logins ends with the reset (the noted failures stay for the
    # access log).
    if ctx.on_file:
        Attempts.load(ctx.file_db.path).end_count(name)
    return report


def close_user(
    ctx: ServiceContext, login_name: str, *, progress: rekey_service.Progress | None = None
) -> rekey_service.RekeyReport:
    """Close a user's access: their entry leaves the key file and the database (with the
    backups in rotation) is re-keyed. An administrator cannot close their own access, and the
    last active administrator stays."""
    require(ctx, Permission.MANAGE_USERS, "close a user's access")
    _users_on_the_server(ctx)
    name = normalise_login(login_name)
    if name == ctx.actor.login:
        raise ValidationError(_("You cannot close your own access."))
    with ctx.db.begin() as s:
        user = _user(s, name)
        if not user.active:
            raise ValidationError(_("{login}'s access is already closed.", login=name))
        if user.role is Role.ADMIN and _other_active_admins(s, user) == 0:
            raise ValidationError(_("The last active administrator cannot be closed."))
        user.active = False
        audit.record(s, ctx, "user.close", object_type="user", object_id=user.id, detail=name)
    # The user's entry leaves the key file and the database gets a new key in one step, so
    # their old copies of the key file (and the backups') no longer open it. Should this be
    # cut short, the next login finds a closed user still in the key file and finishes it.
    return _rekey(ctx, f"{name} closed", progress, remove=[name])


def reopen_user(
    ctx: ServiceContext, login_name: str, new_password: str, *, kdf: KdfParams = DEFAULT_KDF
) -> None:
    """Reopen a closed user's access. Closing removed their key-file entry, so they get a new
    password (to hand over and change at once) and the key is wrapped for it again."""
    require(ctx, Permission.MANAGE_USERS, "reopen a user's access")
    _users_on_the_server(ctx)
    _check_password(new_password, normalise_login(login_name), _person_name(ctx, login_name))
    name = normalise_login(login_name)
    store = KeyStore.load(keyfile_path(ctx.file_db.path)) if ctx.on_file else None
    with ctx.db.begin() as s:
        user = _user(s, name)
        if user.active:
            raise ValidationError(_("{login}'s access is open already.", login=name))
        user.active = True
        user.password_hash = _hash_password(new_password, kdf)
        audit.record(s, ctx, "user.open", object_type="user", object_id=user.id, detail=name)
        if store is not None:
            ctx.file_db.wrap_key_for(store, name, new_password, kdf)
            store.save()
    if store is not None:
        Attempts.load(ctx.file_db.path).end_count(name)


def set_active(
    ctx: ServiceContext, login_name: str, active: bool, new_password: str | None = None
) -> None:
    """Close a user's access, or reopen it with a new password."""
    if not active:
        close_user(ctx, login_name)
        return
    if new_password is None:
        raise ValidationError(_("Reopening a user's access needs a new password."))
    reopen_user(ctx, login_name, new_password)


def set_role(ctx: ServiceContext, login_name: str, role: Role) -> None:
    """Give a user another role; the last active administrator keeps theirs."""
    require(ctx, Permission.MANAGE_USERS, "change a user's role")
    _users_on_the_server(ctx)
    role = Role(role)
    with ctx.db.begin() as s:
        user = _user(s, login_name)
        if user.role is role:
            return
        if user.role is Role.ADMIN and user.active and _other_active_admins(s, user) == 0:
            raise ValidationError(_("The last active administrator cannot be given another role."))
        old = user.role
        user.role = role
        audit.record(
            s,
            ctx,
            "user.role",
            object_type="user",
            object_id=user.id,
            detail=f"{user.login}: {old} -> {role}",
        )


def change_password(
    ctx: ServiceContext,
    old_password: str,
    new_password: str,
    *,
    kdf: KdfParams = DEFAULT_KDF,
    progress: rekey_service.Progress | None = None,
) -> rekey_service.RekeyReport:
    """A new password for the acting user: a new key pair sealed under it, and the database
    re-keyed. (On a laptop's replica the server must take it first:
    ``sync_client.change_password``.)"""
    check_password_change(ctx, old_password, new_password)
    with ctx.db.begin() as s:
        user = s.get_one(User, ctx.actor.user_id)
        user.password_hash = _hash_password(new_password, kdf)
        audit.record(s, ctx, "user.password", object_type="user", object_id=user.id)
    # A new key pair under the new password, and a new database key: a copy of the key file
    # with the old password opens nothing any more.
    login_name = ctx.actor.login
    return _rekey(
        ctx,
        f"{login_name}'s password changed",
        progress,
        prepare=lambda store: ctx.file_db.wrap_key_for(store, login_name, new_password, kdf),
    )


def check_password_change(ctx: ServiceContext, old_password: str, new_password: str) -> None:
    """Refuses a new password the rules do not take, or a current password that is wrong."""
    _check_password(new_password, ctx.actor.login, ctx.actor.display_name)
    if not _password_fits(ctx, old_password):
        raise AuthError(_("The current password is wrong."))


def rekey(
    ctx: ServiceContext, *, progress: rekey_service.Progress | None = None
) -> rekey_service.RekeyReport:
    """The administrator's action on a suspected compromise (a lost laptop, a key file seen
    where it should not be): a fresh database key for the database and the backups in
    rotation, sealed for every active user; nobody's password changes."""
    require(ctx, Permission.MANAGE_USERS, "re-key the database")
    return _rekey(ctx, "suspected compromise", progress)


def _rekey(
    ctx: ServiceContext,
    reason: str,
    progress: rekey_service.Progress | None,
    *,
    remove: Sequence[str] = (),
    prepare: Callable[[KeyStore], None] | None = None,
) -> rekey_service.RekeyReport:
    if not ctx.on_file:  # a server's data is not encrypted by a key of ours: nothing to do
        return rekey_service.RekeyReport(0.0, 0, 0, ())
    report = rekey_service.rekey_database(
        ctx.file_db, remove=remove, prepare=prepare, progress=progress
    )
    with ctx.db.begin() as s:
        audit.record(s, ctx, "database.rekey", detail=f"{reason}; {report.summary}")
    return report
