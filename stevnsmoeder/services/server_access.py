"""Creating and logging into the shared record on PostgreSQL.

On the laptop a login unwraps the file's key; on a server the database is not ours to
encrypt, so a user is verified by the Argon2id hash in the ``app_user`` table. Failed logins
go into the hash-chained access log at once (the log is open to the server), and the
lock-out counts them there: from the fifth failure in a row for a user name each further
attempt must wait, 1 s, then 2, 4 … up to five minutes, as on the laptop.
"""

from __future__ import annotations

import logging
import math
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session

from stevnsmoeder.db import migrate
from stevnsmoeder.db.base import utcnow
from stevnsmoeder.db.engine import PostgresDatabase
from stevnsmoeder.db.keystore import DEFAULT_KDF, KdfParams, normalise_login
from stevnsmoeder.db.models import AuditEvent, Person, User
from stevnsmoeder.i18n import _
from stevnsmoeder.services import access, audit
from stevnsmoeder.services.context import Actor, Clock, ServiceContext
from stevnsmoeder.services.errors import (
    AuthError,
    DatabaseExists,
    DatabaseUnreadable,
    LoginDelayed,
)
from stevnsmoeder.services.login_attempts import FREE_ATTEMPTS, MAX_DELAY, UNKNOWN_USER

log = logging.getLogger(__name__)

# Held while a server database's schema is created or upgraded, so two programs starting at
# once do not both migrate ("stevnsmoeder schema").
SCHEMA_LOCK = 0x7363_6865_6D61


def _schema_lock(db: PostgresDatabase) -> Callable[[], None]:
    conn = db.engine.connect()
    conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": SCHEMA_LOCK})

    def release() -> None:
        try:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": SCHEMA_LOCK})
        finally:
            conn.close()

    return release


def create_server_database(
    url: str,
    users: Sequence[access.NewUser],
    *,
    clock: Clock = utcnow,
    kdf: KdfParams = DEFAULT_KDF,
    populate: Callable[[Session], dict[str, uuid.UUID]] | None = None,
    demo: bool = False,
) -> None:
    """The schema, reference data and first users in an empty PostgreSQL database (which
    the municipality's DBA created, owned by the user in ``url``)."""
    checked = access.check_new_users(users, demo=demo)
    db = PostgresDatabase.connect(url)
    try:
        release = _schema_lock(db)
        try:
            if inspect(db.engine).get_table_names():
                raise DatabaseExists(db.describe)
            access.fill_new_database(
                db, checked, clock=clock, kdf=kdf, populate=populate, demo=demo
            )
        finally:
            release()
    finally:
        db.close()


def bring_schema_up_to_date(db: PostgresDatabase) -> None:
    """Upgrade an older server database (under the schema lock); refuse a newer one."""
    if migrate.current_revision(db) == migrate.head_revision():
        return
    release = _schema_lock(db)
    try:
        current = migrate.current_revision(db)
        if current is None:
            raise DatabaseUnreadable(
                _("The database on the server has no stevnsmoeder data. Create it first.")
            )
        if current not in migrate.known_revisions():
            raise DatabaseUnreadable(
                _("The database was made by a newer version of stevnsmoeder. Update the program.")
            )
        if current != migrate.head_revision():
            migrate.upgrade(db)
    finally:
        release()


def login_wait(failures: int, last: datetime, now: datetime) -> timedelta:
    """How long a user name with ``failures`` failed logins in a row (the last at ``last``)
    must still wait."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    delay = min(MAX_DELAY, timedelta(seconds=2 ** min(failures - FREE_ATTEMPTS, 20)))
    return max(timedelta(0), last + delay - now)


def _failures_in_a_row(s: Session, name: str) -> tuple[int, datetime | None]:
    """Failed logins for ``name`` since its last successful login (or a new password)."""
    ended = s.scalar(
        select(func.max(AuditEvent.seq)).where(
            AuditEvent.login == name, AuditEvent.action.in_(("login", "user.reset", "user.open"))
        )
    )
    failed = select(func.count(), func.max(AuditEvent.at)).where(
        AuditEvent.login == name, AuditEvent.action == "login.failed"
    )
    if ended is not None:
        failed = failed.where(AuditEvent.seq > ended)
    count, last = s.execute(failed).one()
    return int(count), last


def login_server(
    url: str, login_name: str, password: str, *, clock: Clock = utcnow
) -> ServiceContext:
    """Verify the user against the server database's own record and return the context
    every service call takes (on a connection of its own). Failures and refusals are logged;
    a closed user is refused."""
    db = PostgresDatabase.connect(url)
    try:
        bring_schema_up_to_date(db)
        return ServiceContext(db=db, actor=verify_login(db, login_name, password, clock=clock),
                              clock=clock)  # fmt: skip
    except BaseException:
        db.close()
        raise


def verify_login(
    db: PostgresDatabase,
    login_name: str,
    password: str,
    *,
    clock: Clock = utcnow,
    detail: str = "",
) -> Actor:
    """The user whose password this is, with the login logged (``detail``: how, e.g. from
    which device); a wrong password, a closed user and a name that must wait are refused
    and logged. Argon2id runs outside any transaction."""
    name = normalise_login(login_name)
    now = clock()
    with db.begin() as s:
        user = s.scalar(select(User).where(User.login == name))
        noted = name if user is not None else UNKNOWN_USER  # never a typed password
        count, last = _failures_in_a_row(s, noted)
        wait = login_wait(count, last, now) if last is not None else timedelta(0)
    if wait > timedelta(0):
        _log_failure(db, noted, now, "login.delayed")
        seconds = max(1, math.ceil(wait.total_seconds()))
        raise LoginDelayed(_("Too many failed logins."), wait_seconds=seconds)
    if user is None or not access.verify_password(user.password_hash, password):
        _log_failure(db, noted, now, "login.failed")
        raise AuthError(_("Wrong user name or password."))
    if not user.active:
        _log_failure(db, noted, now, "login.failed")
        raise AuthError(_("This user no longer has access."))
    with db.begin() as s:
        user = s.get_one(User, user.id)
        user.last_login_at = now
        actor = actor_of(s, user)
        audit.record(s, ServiceContext(db=db, actor=actor, clock=clock), "login", detail=detail)
    return actor


def actor_of(s: Session, user: User) -> Actor:
    person = s.get(Person, user.person_id) if user.person_id else None
    return Actor(
        user_id=user.id,
        login=user.login,
        role=user.role,
        person_id=user.person_id,
        display_name=person.name if person else user.login,
    )


def _log_failure(db: PostgresDatabase, login: str, at: datetime, action: str) -> None:
    with db.begin() as s:
        audit.append(s, user_id=None, login=login, at=at, action=action, detail="server")
