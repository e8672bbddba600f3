"""The laptop's side of the shared record: connecting a replica and keeping it in step.

``connect`` registers this computer for the user, creates the user's encrypted replica and
fills it with the first pull. ``sync`` logs in to the server with the user's password and
the device's secret (kept in the replica, which only the user's password opens), pushes
what was done here and pulls what changed there. Only this module talks to the network;
the window calls it off the GUI thread.
"""

from __future__ import annotations

import contextlib
import functools
import json
import platform
import ssl
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

import httpx
from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.orm import Session

from stevnsmoeder import __version__
from stevnsmoeder.db import migrate
from stevnsmoeder.db import rows as codec
from stevnsmoeder.db.base import Base, utcnow
from stevnsmoeder.db.keystore import DEFAULT_KDF, KdfParams, keyfile_path
from stevnsmoeder.db.models import (
    AgendaItem,
    AuditEvent,
    Case,
    Meeting,
    OutboxEntry,
    SyncConflict,
)
from stevnsmoeder.i18n import _
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services import (
    access,
    access_log,
    app_settings,
    audit,
    leases,
    oplog,
    replication,
    sync_server,
)
from stevnsmoeder.services import rekey as rekey_service
from stevnsmoeder.services.backup_rotation import backups_dir
from stevnsmoeder.services.context import Clock, ServiceContext
from stevnsmoeder.services.errors import AccessRevoked, AuthError, LoginDelayed, ServiceError
from stevnsmoeder.services.login_attempts import attempts_path

TIMEOUT = httpx.Timeout(30.0, connect=10.0)
VERSION_HEADER = "X-Stevnsmoeder-Version"
SCHEMA_HEADER = "X-Stevnsmoeder-Schema"
TIME_HEADER = "X-Stevnsmoeder-Time"

# What a replica remembers about its server (in its own encrypted database).
SERVER_URL = "sync.server_url"
CA_FILE = "sync.ca_file"
DEVICE_ID = oplog.REPLICA_SETTING
DEVICE_SECRET = "sync.device_secret"
CURSOR = "sync.cursor"
LAST_CONTACT = "sync.last_contact"
LEASES = "sync.leases"
UPTO = "sync.upto"  # the record's version the last pull reached
TAKEN = "sync.taken"  # the cases a PPR reviewer has taken along (at the last contact)
LOG_SENT = "sync.log_sent"  # the last of this replica's log events the server has


class ServerUnreachable(ServiceError):
    """No answer from the server: the laptop keeps working offline."""


class ReplicaWiped(ServiceError):
    """The server closed this user's or this computer's access: the replica was deleted."""


def _wiped() -> str:
    return _(
        "The access of this user or this computer to the shared record was closed. "
        "Its copy on this computer has been deleted."
    )


class ServerRefused(ServiceError):
    """The server answered with a refusal (its Danish message is the text)."""

    def __init__(self, message: str, *, status: int, code: str) -> None:
        super().__init__(message)
        self.status, self.code = status, code


@functools.lru_cache(maxsize=8)
def _tls_context(ca_file: str, _stamp: int) -> ssl.SSLContext:
    """The certificate check against a chosen CA file, made once per file and version of it
    (reading it is work a connected laptop would otherwise do for every request it opens)."""
    return ssl.create_default_context(cafile=ca_file)


def _file_and_stamp(path: Path) -> tuple[str, int]:
    try:
        return str(path), path.stat().st_mtime_ns
    except OSError:
        return str(path), -1  # not there (any more): the context says so when made


@dataclass(frozen=True)
class Server:
    """Where the server is, and how its certificate is checked."""

    url: str
    ca_file: Path | None = None

    def client(self) -> httpx.Client:
        verify: Any = _tls_context(*_file_and_stamp(self.ca_file)) if self.ca_file else True
        return httpx.Client(
            base_url=self.url.rstrip("/") + "/v1",
            verify=verify,
            timeout=TIMEOUT,
            headers={VERSION_HEADER: __version__, SCHEMA_HEADER: migrate.head_revision()},
        )


def _call(client: httpx.Client, path: str, body: dict[str, Any], token: str = "") -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        reply = client.post(path, json=body, headers=headers)
    except httpx.ConnectError as exc:
        if "CERTIFICATE" in str(exc).upper():
            raise ServerRefused(
                _("The server's certificate could not be trusted."), status=0, code="certificate"
            ) from None
        raise ServerUnreachable(_("The server cannot be reached.")) from None
    except httpx.HTTPError:
        raise ServerUnreachable(_("The server cannot be reached.")) from None
    if reply.status_code >= 400:
        _refusal(reply)
    return reply.json() if reply.content else None


def _refusal(reply: httpx.Response) -> NoReturn:
    """The server's refusal as the error the caller knows (its Danish message kept)."""
    try:
        data = reply.json()
        message, code = str(data["message"]), str(data["error"])
    except (ValueError, KeyError, TypeError):
        message, code = _("The server refused the request."), "refused"
    if reply.status_code == 429:
        raise LoginDelayed(message, wait_seconds=int(reply.json().get("wait_seconds", 1)))
    if reply.status_code == 401:
        if code == "revoked":
            raise AccessRevoked(message)
        raise AuthError(message)
    raise ServerRefused(message, status=reply.status_code, code=code)


@dataclass(frozen=True)
class Connected:
    path: Path
    meetings: int
    cases: int
    items: int
    rows: int
    login: str = ""


@dataclass(frozen=True)
class Progress:
    """How far a first connection has come, for a progress bar: ``step`` is one of
    STEPS; ``done`` of ``total`` counts bytes while downloading and rows while writing."""

    step: str
    done: int = 0
    total: int = 0
    meetings: int = 0
    cases: int = 0


STEPS = ("register", "login", "download", "write", "done")


def _pull_streamed(
    client: httpx.Client,
    token: str,
    progress: Callable[[Progress], None],
) -> Any:
    """The first pull, read in chunks so the bytes received can be shown."""
    headers = {"Authorization": f"Bearer {token}"}
    try:
        with client.stream("POST", "/pull", json={"cursor": None}, headers=headers) as reply:
            if reply.status_code >= 400:
                reply.read()
                _refusal(reply)
            total = int(reply.headers.get("content-length") or 0)
            chunks: list[bytes] = []
            received = 0
            for chunk in reply.iter_bytes(256 * 1024):
                chunks.append(chunk)
                received += len(chunk)
                progress(Progress("download", received, max(total, received)))
    except httpx.HTTPError:
        raise ServerUnreachable(_("The server cannot be reached.")) from None
    return json.loads(b"".join(chunks))


def connect(
    server: Server,
    replica: Path,
    login_name: str,
    password: str,
    *,
    device_name: str = "",
    clock: Clock = utcnow,
    kdf: KdfParams = DEFAULT_KDF,
    progress: Callable[[Progress], None] | None = None,
) -> Connected:
    """Register this computer for the user, create the user's encrypted replica at
    ``replica`` and fill it with the first pull (``progress`` hears how far it has come)."""
    tell = progress or (lambda _p: None)
    if access.database_exists(replica):
        raise ServiceError(_("A database exists already at {path}.", path=replica))
    with server.client() as client:
        tell(Progress("register"))
        made = _call(
            client,
            "/devices",
            {
                "login": login_name,
                "password": password,
                "device_name": device_name or platform.node() or "stevnsmoeder",
            },
        )
        device_id, secret = made["device_id"], made["device_secret"]
        tell(Progress("login"))
        logged_in = _call(
            client,
            "/login",
            {
                "login": login_name,
                "password": password,
                "device_id": device_id,
                "device_secret": secret,
            },
        )
        tell(Progress("download"))
        answer = _pull_streamed(client, logged_in["token"], tell)
        pulled = replication.Pulled.from_json(answer)
    meetings = len(pulled.rows.get("meeting", []))
    cases = len(pulled.rows.get("child_case", []))

    def written(done: int, total: int) -> None:
        tell(Progress("write", done, total, meetings, cases))

    def fill(s: Session) -> None:
        replication.apply(s, pulled, written)
        app_settings.put(s, SERVER_URL, server.url)
        app_settings.put(s, CA_FILE, str(server.ca_file) if server.ca_file else "")
        app_settings.put(s, DEVICE_ID, device_id)
        app_settings.put(s, DEVICE_SECRET, secret)
        app_settings.put(s, CURSOR, str(pulled.cursor))
        app_settings.put(s, LAST_CONTACT, clock().isoformat())
        app_settings.put(s, LEASES, json.dumps(answer.get("leases", [])))

    user = logged_in["user"]
    access.create_database(
        replica,
        [access.NewUser(user["login"], password, Role(user["role"]))],
        clock=clock,
        kdf=kdf,
        replica_of=fill,
    )
    tell(Progress("done", pulled.count, pulled.count, meetings, cases))
    return Connected(
        replica,
        meetings,
        cases,
        len(pulled.rows.get("agenda_item", [])),
        pulled.count,
        str(user["login"]),
    )


@dataclass(frozen=True)
class SyncReport:
    pushed: int
    applied: int
    rejected: int
    pulled: int
    removed: int
    conflicts: int
    full: bool
    at: datetime
    clock_skew: float = 0.0  # seconds the server's clock is ahead of this computer's

    def to_json(self) -> dict[str, Any]:
        return {
            "pushed": self.pushed,
            "applied": self.applied,
            "rejected": self.rejected,
            "pulled": self.pulled,
            "removed": self.removed,
            "conflicts": self.conflicts,
            "full": self.full,
            "at": self.at.isoformat(),
            "clock_skew_seconds": round(self.clock_skew),
        }


def is_replica(ctx: ServiceContext) -> bool:
    with ctx.db.begin() as s:
        return bool(app_settings.get(s, DEVICE_ID))


def _server_of(s: Session) -> tuple[Server, str, str, int | None]:
    url = app_settings.get(s, SERVER_URL)
    device_id = app_settings.get(s, DEVICE_ID)
    secret = app_settings.get(s, DEVICE_SECRET)
    if not url or not device_id or not secret:
        raise ServiceError(_("This database is not connected to a server."))
    ca = app_settings.get(s, CA_FILE, "")
    cursor = app_settings.get(s, CURSOR, "")
    return (
        Server(url, Path(ca) if ca else None),
        device_id,
        secret,
        int(cursor) if cursor.isdigit() else None,
    )


PUSH_BATCH = 200


def sync(ctx: ServiceContext, password: str) -> SyncReport:
    """Push what was done here, then pull what changed on the server (the user's password
    logs in to the server, as on the laptop). What the server refused is kept as a conflict
    with the user's text; what was done here while the sync ran is done again on top of the
    pulled rows."""
    with Link(ctx, password) as link:
        return link.sync()


#: A token is renewed when less than this is left of it.
RENEW_BEFORE = 120.0
#: A long poll is answered within this; the request waits a little longer.
CHANGES_WAIT = 20.0


class Link:
    """A session with the server kept between syncs (the window's background sync): the
    password logs in once, and again when the token runs out; ``close`` ends it. One
    thread syncs through it; another may wait for changes (``wait_for_change``) at the
    same time, on a connection of its own."""

    def __init__(self, ctx: ServiceContext, password: str) -> None:
        with ctx.db.begin() as s:
            self.server, self.device_id, self.secret, _cursor = _server_of(s)
        self.ctx = ctx
        self._password = password
        self._client: httpx.Client | None = None
        self._token = ""
        self._expires: datetime | None = None
        self.clock_skew = 0.0  # seconds the server's clock is ahead of this computer's
        self.user: dict[str, Any] = {}
        self._closed = False

    def __enter__(self) -> Link:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def set_password(self, password: str) -> None:
        """The user's password changed (on the server too): used from the next login on."""
        self._password = password

    def _connection(self) -> httpx.Client:
        if self._closed:
            raise ServerUnreachable(_("The server cannot be reached."))
        if self._client is None:
            client = self.server.client()
            client.event_hooks["response"].append(self._saw)
            self._client = client
        return self._client

    def _saw(self, reply: httpx.Response) -> None:
        found = reply.headers.get(TIME_HEADER)
        if found:
            self.clock_skew = _skew(found, self.ctx.now())

    def token(self) -> str:
        """A valid token: logged in with the password when there is none or it runs out."""
        left = (
            (self._expires - self.ctx.now()).total_seconds() - self.clock_skew
            if self._expires is not None
            else -1.0
        )
        if not self._token or left < RENEW_BEFORE:
            try:
                logged_in = _call(
                    self._connection(),
                    "/login",
                    {
                        "login": self.ctx.actor.login,
                        "password": self._password,
                        "device_id": self.device_id,
                        "device_secret": self.secret,
                    },
                )
            except AccessRevoked:
                wipe(self.ctx)
                raise ReplicaWiped(_wiped()) from None
            self._token = str(logged_in["token"])
            self._expires = datetime.fromisoformat(logged_in["expires_at"])
            self.user = dict(logged_in.get("user") or {})
        return self._token

    def call(self, path: str, body: dict[str, Any]) -> Any:
        """A request as the user; a token the server no longer takes is renewed once."""
        try:
            return _call(self._connection(), path, body, self.token())
        except AccessRevoked:
            wipe(self.ctx)
            raise ReplicaWiped(_wiped()) from None
        except AuthError:
            self._token = ""  # expired, or ended on the server: log in again, once
            return _call(self._connection(), path, body, self.token())

    def sync(self) -> SyncReport:
        """Push, send the log, pull; see ``sync``."""
        try:
            return self._sync()
        except AccessRevoked:
            wipe(self.ctx)
            raise ReplicaWiped(_wiped()) from None

    def _sync(self) -> SyncReport:
        ctx = self.ctx
        with ctx.db.begin() as s:
            cursor_text = app_settings.get(s, CURSOR, "")
        cursor = int(cursor_text) if cursor_text.isdigit() else None
        self.token()
        pushed, applied, rejected = _push(ctx, self)
        _send_log(ctx, self)
        if rejected:
            _restore(ctx, self)
        answer = self.call("/pull", {"cursor": cursor})
        pulled = replication.Pulled.from_json(answer)
        removed = sum(len(i) for i in pulled.removed.values())
        with ctx.db.begin() as s:
            replication.apply(s, pulled)
            app_settings.put(s, CURSOR, str(pulled.cursor))
            app_settings.put(s, UPTO, str(pulled.upto))
            app_settings.put(s, LAST_CONTACT, ctx.now().isoformat())
            app_settings.put(s, LEASES, json.dumps(answer.get("leases", [])))
            app_settings.put(s, TAKEN, json.dumps(answer.get("taken", [])))
            if pushed or pulled.count or removed:  # an idle sync leaves no trace in the log
                audit.record(
                    s,
                    ctx,
                    "sync",
                    detail=f"pushed {pushed}, pulled {pulled.count} rows, removed {removed}",
                )
        ctx.db.read_only = False  # in contact again
        _rebase(ctx)
        return SyncReport(
            pushed, applied, rejected, pulled.count, removed, _open_conflicts(ctx), pulled.full,
            ctx.now(), self.clock_skew,
        )  # fmt: skip

    def wait_for_change(self, seconds: float = CHANGES_WAIT) -> bool:
        """Wait (on a connection of its own) until the record changes after what this
        replica last pulled, or ``seconds`` pass; True when it changed."""
        with self.ctx.db.begin() as s:
            upto = app_settings.get(s, UPTO, "")
        token = self._token  # the sync thread logs in; this thread only waits
        if not token or self._closed:
            return False
        timeout = httpx.Timeout(seconds + 15.0, connect=10.0)
        with self.server.client() as client:
            client.timeout = timeout
            try:
                answer = _call(
                    client,
                    "/changes",
                    {"upto": int(upto) if upto.isdigit() else 0, "wait": seconds},
                    token,
                )
            except AuthError:
                self._token = ""  # the sync thread logs in again
                return True
        return bool(answer and answer.get("changed"))

    def close(self) -> None:
        """End the session on the server (if it can be reached) and the connection; the
        link is not used again."""
        self._closed = True
        if self._client is None:
            return
        if self._token:
            with contextlib.suppress(ServiceError):
                _call(self._client, "/logout", {}, self._token)
        self._token = ""
        self._client.close()
        self._client = None


#: A clock further off than this is worth telling the user about.
CLOCK_TOLERANCE = 300.0


def _skew(header: str, now: datetime) -> float:
    """How far the server's clock (its time header) is ahead of this computer's."""
    try:
        theirs = datetime.fromisoformat(header)
    except ValueError:
        return 0.0
    if theirs.tzinfo is None:
        return 0.0
    return (theirs - now).total_seconds()


@contextlib.contextmanager
def _online(ctx: ServiceContext, password: str) -> Iterator[tuple[httpx.Client, str]]:
    """A logged-in session with the server for this replica's user (ended afterwards)."""
    with Link(ctx, password) as link:
        token = link.token()
        yield link._connection(), token


def take_along(
    ctx: ServiceContext,
    password: str,
    case_id: uuid.UUID,
    reason: str,
    until: date,
    *,
    then_sync: bool = True,
) -> SyncReport | None:
    """PPR: take a case along (the server logs it), then sync so it arrives (the window's
    background sync does that itself: ``then_sync=False``)."""
    with _online(ctx, password) as (client, token):
        _call(
            client,
            "/cases/take",
            {"case_id": str(case_id), "reason": reason, "until": until.isoformat()},
            token,
        )
    return sync(ctx, password) if then_sync else None


def put_back(
    ctx: ServiceContext, password: str, case_id: uuid.UUID, *, then_sync: bool = True
) -> SyncReport | None:
    """PPR: put a case back; it leaves this replica with the sync."""
    with _online(ctx, password) as (client, token):
        _call(client, "/cases/take", {"case_id": str(case_id), "put_back": True}, token)
    return sync(ctx, password) if then_sync else None


def search_online(ctx: ServiceContext, password: str, query: str) -> dict[str, Any]:
    """Search the whole record on the server (what the user may see there; logged there)."""
    with _online(ctx, password) as (client, token):
        found: dict[str, Any] = _call(client, "/search", {"query": query}, token)
    return found


def change_password(
    ctx: ServiceContext,
    current: str,
    new: str,
    *,
    kdf: KdfParams = DEFAULT_KDF,
    progress: rekey_service.Progress | None = None,
) -> rekey_service.RekeyReport:
    """The user's own new password on a replica: the server takes it first (it is the
    password every laptop logs in to the server with), then the replica is re-keyed under it.
    Offline it is refused, and nothing changes: a password the laptop knew but the server did
    not would stop the sync. On a second laptop of the user, after the change on the first,
    the same change (old, then new) re-keys that replica."""
    access.check_password_change(ctx, current, new)
    try:
        try:
            with _online(ctx, current) as (client, token):
                _call(client, "/password", {"current": current, "new": new}, token)
        except AuthError:
            # Changed on another of the user's laptops already: the server logs in with the
            # new one (or the new one is wrong too, and this says so).
            with _online(ctx, new):
                pass
    except ServerUnreachable:
        raise ServerUnreachable(
            _("The password can only be changed while this computer reaches the server.")
        ) from None
    return access.change_password(ctx, current, new, kdf=kdf, progress=progress)


def wipe(ctx: ServiceContext) -> None:
    """Delete this replica from the computer: the database, its key file, its log of failed
    logins and its backups. The context is closed."""
    path = ctx.file_db.path
    ctx.db.close()
    doomed = [path, keyfile_path(path), attempts_path(path)]
    doomed += [path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")]
    folder = backups_dir(path)
    alone = [p for p in path.parent.glob("*.db") if keyfile_path(p).is_file()] == [path]
    if alone and folder.is_dir():  # the backups beside it are this replica's
        doomed += [f for f in folder.iterdir() if f.is_file()]
    for found in doomed:
        with contextlib.suppress(FileNotFoundError):
            found.unlink()
    if alone:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _outbox(ctx: ServiceContext, after: int = 0) -> list[OutboxEntry]:
    with ctx.db.begin() as s:
        return list(
            s.scalars(
                select(OutboxEntry)
                .where(OutboxEntry.seq > after)
                .order_by(OutboxEntry.seq)
                .limit(PUSH_BATCH)
            )
        )


def push_body(entries: list[OutboxEntry]) -> dict[str, Any]:
    """Outbox entries as a push sends them."""
    return {
        "operations": [
            {
                "op_id": str(e.op_id),
                "name": e.name,
                "arguments": e.arguments,
                "new_ids": json.loads(e.new_ids),
                "at": e.created_at.isoformat(),
            }
            for e in entries
        ]
    }


def outbox(ctx: ServiceContext) -> list[OutboxEntry]:
    """Everything waiting to be pushed, in order."""
    with ctx.db.begin() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def _push(ctx: ServiceContext, link: Link) -> tuple[int, int, int]:
    """Send the outbox in order, in batches; each answer settles its entry."""
    pushed = applied = rejected = 0
    while entries := _outbox(ctx):
        with ctx.db.begin() as s:  # from now on a new edit is not folded into these
            app_settings.put(s, oplog.PUSHING_SETTING, str(entries[-1].seq))
        body = push_body(entries)
        results = [sync_server.Outcome.from_json(r) for r in link.call("/push", body)["results"]]
        by_id = {e.op_id: e for e in entries}
        with ctx.db.begin() as s:
            for outcome in results:
                entry = by_id.get(outcome.op_id)
                if entry is None:
                    continue
                _drop(s, outcome.unused)
                if not outcome.applied:
                    s.add(
                        SyncConflict(
                            op_id=entry.op_id,
                            name=entry.name,
                            arguments=entry.arguments,
                            reason=outcome.reason,
                            kind=outcome.kind,
                            created_at=entry.created_at,  # when it was done here
                        )
                    )
                    rejected += 1
                else:
                    applied += 1
                s.execute(delete(OutboxEntry).where(OutboxEntry.seq == entry.seq))
        pushed += len(results)
        if len(results) < len(entries):
            break  # the server answered part of it: the rest goes next time
    return pushed, applied, rejected


def _restore(ctx: ServiceContext, link: Link) -> None:
    """A refused change may have left its mark on rows the server has not changed since (an
    edit to minutes approved meanwhile): every row in scope again, as the server has it. The
    cursor stays where it was, so the pull that follows still names what left the scope."""
    whole = replication.Pulled.from_json(link.call("/pull", {"cursor": None}))
    with ctx.db.begin() as s:
        replication.apply(s, whole)


def _drop(s: Session, unused: dict[str, list[str]]) -> None:
    """The replica's own rows the server did not make: they go (the pull brings the
    server's)."""
    if not unused:
        return
    s.execute(text("PRAGMA defer_foreign_keys = ON"))
    for table in reversed(codec.REPLICATED):
        ids = unused.get(table.name)
        if ids:
            s.execute(delete(table).where(table.c.id.in_([uuid.UUID(i) for i in ids])))


def _send_log(ctx: ServiceContext, link: Link) -> None:
    """What the user did here that only this replica saw (reads, sessions): to the server's
    log, in order, once."""
    while True:
        with ctx.db.begin() as s:
            sent = int(app_settings.get(s, LOG_SENT, "0") or 0)
            found = list(
                s.scalars(
                    select(AuditEvent)
                    .where(AuditEvent.seq > sent, AuditEvent.login == ctx.actor.login)
                    .order_by(AuditEvent.seq)
                    .limit(sync_server.MAX_EVENTS)
                )
            )
        events = [
            sync_server.ReplicaEvent(
                e.seq, e.at, e.action, e.object_type or "", e.object_id, e.case_id, e.detail or ""
            )
            for e in found
            if e.action in access_log.REPLICA_EVENTS
        ]
        if events:
            link.call("/log", {"events": [e.to_json() for e in events]})
        if found:
            with ctx.db.begin() as s:
                app_settings.put(s, LOG_SENT, str(found[-1].seq))
        if len(found) < sync_server.MAX_EVENTS:
            return


def _rebase(ctx: ServiceContext) -> None:
    """Operations done here while the sync ran are not on the server yet: done again on top
    of the pulled rows, so the user's edits stay visible (they are pushed next time).

    The rows an operation made are taken out first and made again by its replay, with the
    same ids: the pull may have brought the server's version of a row the operation
    changed (a meeting's revision), so the replay must run on it, and it would otherwise
    meet its own new rows. A replay the services refuse puts the rows back: the pull did
    not touch what the operation did (it stands as it was), or the server changed it too
    (the push makes that a conflict for the user)."""
    for entry in _outbox(ctx):
        ids = {t: [uuid.UUID(i) for i in found] for t, found in json.loads(entry.new_ids).items()}
        taken = _take_out(ctx, ids)
        as_then = ServiceContext(db=ctx.db, actor=ctx.actor, clock=_fixed(entry.created_at))
        try:
            oplog.replay(as_then, entry.op_id, entry.name, entry.arguments, ids, None)
        except (ServiceError, oplog.ArgumentError):
            _put_back(ctx, taken)
        except BaseException:
            _put_back(ctx, taken)
            raise


Taken = list[tuple[Table, list[dict[str, Any]]]]


def _take_out(ctx: ServiceContext, ids: dict[str, list[uuid.UUID]]) -> Taken:
    """Delete the rows of ``ids`` (rows that name others first); returns them as they were."""
    taken: Taken = []
    if not ids:  # an operation that made no rows (a text saved): nothing to take out
        return taken
    with ctx.db.begin() as s:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name in ids:
                where = table.c.id.in_(ids[table.name])
                found = [dict(row._mapping) for row in s.execute(select(table).where(where))]
                if found:
                    s.execute(delete(table).where(where))
                    taken.append((table, found))
    return taken


def _put_back(ctx: ServiceContext, taken: Taken) -> None:
    with ctx.db.begin() as s:
        for table, found in reversed(taken):  # rows that others name first
            s.execute(insert(table), found)


def _fixed(at: datetime) -> Clock:
    return lambda: at


def _open_conflicts(ctx: ServiceContext) -> int:
    with ctx.db.begin() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(SyncConflict)
                .where(SyncConflict.resolved_at.is_(None))
            )
            or 0
        )


@dataclass(frozen=True)
class Conflict:
    id: uuid.UUID
    name: str  # the operation, e.g. minutes.save_text
    reason: str
    kind: str
    created_at: datetime

    def to_json(self) -> dict[str, str]:
        return {
            "id": str(self.id),
            "operation": self.name,
            "reason": self.reason,
            "kind": self.kind,
            "created_at": self.created_at.isoformat(),
        }


def conflicts(ctx: ServiceContext) -> list[Conflict]:
    """The operations the server refused that the user has not decided on, oldest first."""
    with ctx.db.begin() as s:
        rows = s.scalars(
            select(SyncConflict)
            .where(SyncConflict.resolved_at.is_(None))
            .order_by(SyncConflict.created_at)
        )
        return [Conflict(c.id, c.name, c.reason, c.kind, c.created_at) for c in rows]


def running_elsewhere(ctx: ServiceContext, meeting_id: uuid.UUID) -> leases.Lease | None:
    """The lease another computer held on the meeting at the last contact, if any."""
    with ctx.db.begin() as s:
        mine = app_settings.get(s, DEVICE_ID, "")
        found = json.loads(app_settings.get(s, LEASES, "[]") or "[]")
    for data in found:
        lease = leases.Lease.from_json(data)
        if lease.meeting_id == meeting_id and str(lease.device_id) != mine:
            return lease
    return None


def elsewhere_words(ctx: ServiceContext, meeting_id: uuid.UUID) -> str:
    """ "Running on <name>'s computer" when another computer held the meeting at the last
    contact; empty otherwise (and always on the standalone file)."""
    lease = running_elsewhere(ctx, meeting_id)
    return leases.running_elsewhere(lease) if lease is not None else ""


def cases_here(ctx: ServiceContext) -> set[uuid.UUID]:
    """The children's cases this replica holds."""
    with ctx.db.begin() as s:
        return set(s.scalars(select(Case.id)))


def taken_along(ctx: ServiceContext) -> set[uuid.UUID]:
    """The cases this replica's reviewer had taken along at the last contact."""
    with ctx.db.begin() as s:
        found = json.loads(app_settings.get(s, TAKEN, "[]") or "[]")
    return {uuid.UUID(c) for c in found}


def pending(ctx: ServiceContext) -> int:
    """Operations done here and not yet pushed."""
    with ctx.db.begin() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def replica_counts(ctx: ServiceContext) -> dict[str, int]:
    """How much of the record this replica carries (for the note and the status)."""
    with ctx.db.begin() as s:
        return {
            "meetings": int(s.scalar(select(func.count()).select_from(Meeting)) or 0),
            "cases": int(s.scalar(select(func.count()).select_from(Case)) or 0),
            "items": int(s.scalar(select(func.count()).select_from(AgendaItem)) or 0),
        }


def device_id_of(ctx: ServiceContext) -> uuid.UUID | None:
    with ctx.db.begin() as s:
        found = app_settings.get(s, DEVICE_ID)
    return uuid.UUID(found) if found else None
