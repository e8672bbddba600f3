"""Operations: the write use cases that travel from a replica to the server.

Each write service is marked ``@operation("minutes.save_text")``. On a replica, a call runs
as usual and, in the same transaction, appends an outbox entry: a fresh operation id, the
name, the arguments (as tagged JSON), the ids of the rows it created and the laptop's time.
On the server, ``replay`` runs the same function as the same user, hands out the same new
ids, and records the operation as applied in the same transaction, so a retried push is a
no-op. Anywhere else (the standalone file, the server's own calls) the mark costs one check.

Arguments are ids, dates, times, enums, text, numbers and the services' own dataclasses;
decoding builds only enums and dataclasses of this program, never anything named by the
data from elsewhere.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import importlib
import json
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import event, select
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from stevnsmoeder.db import row_ids
from stevnsmoeder.db.engine import Database
from stevnsmoeder.db.models import OutboxEntry
from stevnsmoeder.i18n import _n
from stevnsmoeder.services import app_settings
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ReplicaExpired

P = ParamSpec("P")
R = TypeVar("R")

#: The replica's own setting that makes it one (the device id the server gave it).
REPLICA_SETTING = "sync.device_id"
#: When the replica last reached the server (aware ISO time).
LAST_CONTACT_SETTING = "sync.last_contact"
#: Offline longer than this, a replica opens read-only; longer than CLOSED_AFTER, only to
#: be synchronised.
READ_ONLY_AFTER = timedelta(days=14)
CLOSED_AFTER = timedelta(days=30)

#: name → service function, filled as the service modules are imported.
REGISTRY: dict[str, Callable[..., Any]] = {}
#: name → what makes two of its operations one (a text saved again before it was pushed).
MERGE_KEYS: dict[str, Callable[[tuple[Any, ...], dict[str, Any]], Any]] = {}
#: The outbox entries up to this ``seq`` are being pushed: never merged into.
PUSHING_SETTING = "sync.pushing_upto"
PACKAGE = "stevnsmoeder."


class ArgumentError(ValueError):
    """Arguments that do not decode to what this program's operations take."""


# -- arguments as JSON -------------------------------------------------------------------


def encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, uuid.UUID):
        return {"$uuid": str(value)}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, time):
        return {"$time": value.isoformat()}
    if isinstance(value, enum.Enum):
        return {"$enum": _qualname(type(value)), "value": value.value}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"$dataclass": _qualname(type(value)), "fields": fields}
    if isinstance(value, tuple):
        return {"$tuple": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, frozenset | set):
        return {"$set": [encode(v) for v in sorted(value, key=repr)]}
    if isinstance(value, dict):
        return {"$dict": [[encode(k), encode(v)] for k, v in value.items()]}
    raise TypeError(f"an operation cannot carry a {type(value).__name__}")


def _qualname(kind: type) -> str:
    return f"{kind.__module__}:{kind.__qualname__}"


def _ours(name: Any) -> type:
    """A class of this program named ``module:Class`` (nothing else is ever built)."""
    if not isinstance(name, str) or ":" not in name or not name.startswith(PACKAGE):
        raise ArgumentError("not one of this program's types")
    module_name, _sep, qualname = name.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        raise ArgumentError("unknown module") from None
    found: Any = module
    for part in qualname.split("."):
        found = getattr(found, part, None)
    if not isinstance(found, type):
        raise ArgumentError("unknown type")
    return found


def decode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict) or len(value) not in (1, 2):
        raise ArgumentError("malformed argument")
    try:
        if "$uuid" in value:
            return uuid.UUID(value["$uuid"])
        if "$datetime" in value:
            return datetime.fromisoformat(value["$datetime"])
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        if "$time" in value:
            return time.fromisoformat(value["$time"])
        if "$tuple" in value:
            return tuple(decode(v) for v in value["$tuple"])
        if "$set" in value:
            return frozenset(decode(v) for v in value["$set"])
        if "$dict" in value:
            return {decode(k): decode(v) for k, v in value["$dict"]}
        if "$enum" in value:
            kind = _ours(value["$enum"])
            if not issubclass(kind, enum.Enum):
                raise ArgumentError("not an enum")
            return kind(value["value"])
        if "$dataclass" in value:
            kind = _ours(value["$dataclass"])
            if not dataclasses.is_dataclass(kind):
                raise ArgumentError("not a dataclass")
            return kind(**{k: decode(v) for k, v in value["fields"].items()})
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        if isinstance(exc, ArgumentError):
            raise
        raise ArgumentError("malformed argument") from None
    raise ArgumentError("malformed argument")


def encode_call(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    return json.dumps(
        {"args": [encode(a) for a in args], "kwargs": {k: encode(v) for k, v in kwargs.items()}},
        ensure_ascii=False,
        sort_keys=True,
    )


def decode_call(text: str) -> tuple[tuple[Any, ...], dict[str, Any]]:
    try:
        data = json.loads(text)
        args, kwargs = data["args"], data["kwargs"]
    except (ValueError, KeyError, TypeError):
        raise ArgumentError("malformed arguments") from None
    if not isinstance(args, list) or not isinstance(kwargs, dict):
        raise ArgumentError("malformed arguments")
    return tuple(decode(a) for a in args), {str(k): decode(v) for k, v in kwargs.items()}


# -- recording on a replica, replaying on the server ---------------------------------------


@dataclass
class Recording:
    """One operation being done on a replica."""

    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    at: datetime
    op_id: uuid.UUID = field(default_factory=uuid.uuid4)
    ids: row_ids.IdPlan = field(default_factory=row_ids.IdPlan)
    noted: dict[str, Any] = field(default_factory=dict)  # what the user saw (see note)
    written: bool = False  # its outbox entry is in

    def arguments(self) -> str:
        return encode_call(self.args, {**self.kwargs, **self.noted})


@dataclass
class Replay:
    """One pushed operation being applied (on the server), or re-applied on a replica after
    a pull (``record`` is then None: nothing is recorded again)."""

    op_id: uuid.UUID
    name: str
    ids: row_ids.IdPlan
    record: Callable[[Session, Replay], None] | None = None
    recorded: bool = False


_recording: ContextVar[Recording | None] = ContextVar("stevnsmoeder_recording", default=None)
_replay: ContextVar[Replay | None] = ContextVar("stevnsmoeder_replay", default=None)


def is_replica(db: Database) -> bool:
    return db.replica


def offline_for(session: Session, now: datetime) -> timedelta:
    """How long this replica has been without contact with the server."""
    found = app_settings.get(session, LAST_CONTACT_SETTING, "")
    try:
        last = datetime.fromisoformat(found)
    except ValueError:
        return CLOSED_AFTER * 2  # no record of a contact: treat as long ago
    return max(timedelta(0), now - last)


def attach_replica(db: Database) -> None:
    """From now on this database's write operations are recorded for the server."""
    if not is_replica(db):
        db.replica = True
        db.before_commit.append(outbox_hook(db))


def attach_server(db: Database) -> None:
    """From now on operations replayed on this database are recorded as applied."""
    if not db.applies_operations:
        db.applies_operations = True
        db.before_commit.append(applied_hook(db))


def refuse_if_read_only(ctx: ServiceContext) -> None:
    """Raise ReplicaExpired on a replica that may only be read (offline too long): for a use
    case that does something outside the database before its operation (filing writes files)
    as well as for every operation."""
    if ctx.db.read_only:
        raise ReplicaExpired(
            _n(
                "This computer has not reached the server for more than {n} day: "
                "the data can be read, not changed, until it is synchronised.",
                "This computer has not reached the server for more than {n} days: "
                "the data can be read, not changed, until it is synchronised.",
                READ_ONLY_AFTER.days,
            )
        )


def operation(
    name: str, *, merge: Callable[[tuple[Any, ...], dict[str, Any]], Any] | None = None
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Mark a write service as an operation that travels (see the module docstring).

    ``merge``: the key (from the arguments after ``ctx``) under which a later operation of
    the same name replaces an earlier one still waiting in the outbox, keeping what the
    earlier one noted the user saw: a text typed on for an hour travels as one change."""

    def mark(fn: Callable[P, R]) -> Callable[P, R]:
        if name in REGISTRY:
            raise RuntimeError(f"two operations named {name}")
        if merge is not None:
            MERGE_KEYS[name] = merge

        @functools.wraps(fn)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            ctx = args[0]
            if isinstance(ctx, ServiceContext):
                refuse_if_read_only(ctx)
            if (
                not isinstance(ctx, ServiceContext)
                or not is_replica(ctx.db)
                or _recording.get() is not None
                or _replay.get() is not None
            ):
                return fn(*args, **kwargs)
            encode_call(args[1:], dict(kwargs))  # refused here if it could not travel
            recording = Recording(name, tuple(args[1:]), dict(kwargs), ctx.now())
            token = _recording.set(recording)
            ids = row_ids.use(recording.ids)
            try:
                return fn(*args, **kwargs)
            finally:
                row_ids.reset(ids)
                _recording.reset(token)

        REGISTRY[name] = fn
        return run

    return mark


def note(**seen: Any) -> None:
    """Inside an operation on a replica: what the user saw before the change (e.g. the text
    before an edit), sent along so the server can tell whether someone else changed it
    meanwhile. The first note of a name counts. Elsewhere: nothing."""
    recording = _recording.get()
    if recording is not None:
        for key, value in seen.items():
            recording.noted.setdefault(key, value)


def _wrote(session: Session) -> bool:
    return bool(session.info.get("stevnsmoeder_wrote"))


def wrote(session: Session) -> bool:
    """Whether the unit of work open in ``session`` has written anything (flush first)."""
    return _wrote(session)


@event.listens_for(Session, "after_flush")
def _note_flush(session: Session, _flush: UOWTransaction) -> None:
    if session.new or session.dirty or session.deleted:
        session.info["stevnsmoeder_wrote"] = True


@event.listens_for(Session, "do_orm_execute")
def _note_statement(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info["stevnsmoeder_wrote"] = True


@event.listens_for(Session, "after_begin")
def _fresh(session: Session, _transaction: Any, _connection: Any) -> None:
    session.info.pop("stevnsmoeder_wrote", None)


def outbox_hook(db: Database) -> Callable[[Session], None]:
    """The replica's hook: the operation's outbox entry joins the unit of work that wrote."""

    def hook(session: Session) -> None:
        recording = _recording.get()
        if recording is None or recording.written or db.running_after_work():
            return
        session.flush()
        if not _wrote(session):
            return
        if _merged(session, recording):
            recording.written = True
            return
        session.add(
            OutboxEntry(
                op_id=recording.op_id,
                name=recording.name,
                arguments=recording.arguments(),
                new_ids=json.dumps(
                    {t: [str(i) for i in ids] for t, ids in recording.ids.noted.items() if t}
                ),
                created_at=recording.at,
            )
        )
        recording.written = True

    return hook


def _merged(session: Session, recording: Recording) -> bool:
    """Fold the operation into the outbox's last entry when both are the same change (see
    ``operation``'s ``merge``) and that entry is not being pushed."""
    key = MERGE_KEYS.get(recording.name)
    if key is None:
        return False
    last = session.scalar(select(OutboxEntry).order_by(OutboxEntry.seq.desc()).limit(1))
    if last is None or last.name != recording.name or last.new_ids != "{}":
        return False
    pushing = app_settings.get(session, PUSHING_SETTING, "")
    if pushing.isdigit() and last.seq <= int(pushing):
        return False
    before_args, before_kwargs = decode_call(last.arguments)
    if key(before_args, before_kwargs) != key(recording.args, recording.kwargs):
        return False
    if recording.ids.noted:
        return False  # it made rows of its own: it stays an operation of its own
    kept = {k: before_kwargs[k] for k in recording.noted if k in before_kwargs}
    last.arguments = encode_call(recording.args, {**recording.kwargs, **recording.noted, **kept})
    last.created_at = recording.at
    return True


def applied_hook(db: Database) -> Callable[[Session], None]:
    """The server's hook: an operation is recorded as applied in the unit of work that
    applied it."""

    def hook(session: Session) -> None:
        replay = _replay.get()
        if replay is None or replay.record is None or replay.recorded:
            return
        if db.running_after_work():
            return
        session.flush()
        if not _wrote(session):
            return
        replay.record(session, replay)
        replay.recorded = True

    return hook


def replay(
    ctx: ServiceContext,
    op_id: uuid.UUID,
    name: str,
    arguments: str,
    new_ids: dict[str, list[uuid.UUID]],
    record: Callable[[Session, Replay], None] | None,
) -> Replay:
    """Run a pushed operation as ``ctx``'s user, with its rows' ids. Raises what the service
    raises (then nothing of it is kept)."""
    fn = REGISTRY.get(name)
    if fn is None:
        raise ArgumentError(f"no operation {name}")
    args, kwargs = decode_call(arguments)
    plan = row_ids.IdPlan(given={t: list(ids) for t, ids in new_ids.items()})
    done = Replay(op_id, name, plan, record)
    token = _replay.set(done)
    ids = row_ids.use(plan)
    try:
        fn(ctx, *args, **kwargs)
    finally:
        row_ids.reset(ids)
        _replay.reset(token)
    return done
