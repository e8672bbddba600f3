"""What a user's laptop carries (the scope), and moving it: a pull on the server, applying
it on the replica.

The scope is computed on the server with the rules every service uses (permissions.py), so a
replica holds nothing its user could not see on the server:

- reference data, the users (without password hashes) and the series, for everyone;
- the meetings the user may see from ``SCOPE_DAYS_BACK`` days back on (the calendar; a
  participant's own meetings, the police's SSP meetings);
- of those meetings within the window (``SCOPE_DAYS_BACK`` back, ``SCOPE_DAYS_AHEAD``
  ahead) the agenda items the user may see — for the roles that meet at them, the
  meetings they take part in — with their minutes, presence, agreements, levels and
  legal basis;
- for each child on those items: the case and the child's earlier items the user may see;
  for the roles that see whole cases (leder, referent, ppr) also the custody holders,
  consents and the levels recorded outside meetings;
- the people those rows name. A participant or the police learn a child's identity only as
  on the server (identity_known): otherwise the case row travels as its pseudonym, and the
  family's people travel as their role.

A pull ships the rows in scope changed since the device's last applied pull (its cursor)
and below a safe high-water mark (see migration 0010), the rows that entered the scope
whatever their version, and the ids that left it. The server records each shipment (ids
only), which is also the log of what reached which device.
"""

from __future__ import annotations

import hashlib
import json
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Table,
    UniqueConstraint,
    Uuid,
    any_,
    bindparam,
    delete,
    insert,
    literal,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session, aliased

from stevnsmoeder.db import rows as codec
from stevnsmoeder.db import search_index
from stevnsmoeder.db.engine import Database
from stevnsmoeder.db.models import (
    Action,
    AgendaItem,
    Case,
    Consent,
    ConsentMeetingType,
    CustodyHolder,
    FilingRecord,
    ItemAttendance,
    ItemMinutes,
    LegalBasis,
    Meeting,
    MinutesVersion,
    ParticipantRole,
    Participation,
    Shipment,
    TakenCase,
    WellbeingAssessment,
)
from stevnsmoeder.domain.dates import LOCAL_TZ
from stevnsmoeder.i18n import _
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.permissions import (
    SCOPED_ROLES,
    Permission,
    allowed,
    case_visible,
    identity_known,
    item_visible,
    lawfully_named,
    linked_to_child,
    meeting_visible,
)

SCOPE_DAYS_BACK = 14
SCOPE_DAYS_AHEAD = 28
# Held (shared) by every stamp of a row version, taken exclusively to read the high-water
# mark; the number is the one migration 0010 put into the triggers.
WATERMARK_LOCK = 0x7379_6E63_7665_72
# The marker beside a table's name in a shipment's scope: the ids shipped trimmed.
TRIMMED = "@trimmed"
# Shipments whose scope a device may still name as its cursor (older ones keep their ids
# shipped, for the log, but not the whole scope).
KEPT_SCOPES = 4

Ids = dict[str, set[uuid.UUID]]

# Tables every replica holds whole.
_EVERYONE = (
    "district",
    "participant_role",
    "meeting_type",
    "meeting_type_role",
    "agenda_template_item",
    "legal_reference",
    "wellbeing_level",
    "closed_period",
    "filing_class",
    "app_user",
    "meeting_series",
    "series_participant",
)

# Columns of a case that name the child: blanked for a user who may not know who it is.
_IDENTITY = {
    "first_name": None,
    "last_name": None,
    "cpr": None,
    "birth_date": None,
    "institution": "",
    "grade": "",
    "district_id": None,
    "summary": "",
    "esdh_case_number": "",  # the child's case in ESDH points to the child as well
}
_PERSON_DETAILS = {"email": "", "phone": "", "note": "", "organisation": "", "profession": ""}


@dataclass
class Scope:
    """The ids in a user's scope per table, and how some rows must be trimmed on the way."""

    ids: Ids = field(default_factory=dict)
    anonymous_cases: set[uuid.UUID] = field(default_factory=set)  # travel as pseudonyms
    family_people: dict[uuid.UUID, str] = field(default_factory=dict)  # travel as their role
    _text: str | None = field(default=None, repr=False)

    def add(self, table: str, found: Iterable[uuid.UUID | None]) -> None:
        self.ids.setdefault(table, set()).update(i for i in found if i is not None)

    def get(self, table: str) -> set[uuid.UUID]:
        return self.ids.get(table, set())

    def as_json(self) -> dict[str, list[str]]:
        """The ids as a shipment records them, with how the rows were trimmed beside them
        (``TRIMMED``)."""
        found = {t: sorted(map(str, ids)) for t, ids in sorted(self.ids.items()) if ids}
        found[f"child_case{TRIMMED}"] = sorted(map(str, self.anonymous_cases))
        found[f"person{TRIMMED}"] = sorted(map(str, self.family_people))
        return found

    @property
    def as_text(self) -> str:
        """``as_json`` as the shipment stores it; made once (a scope is not changed once
        computed, and the server keeps scopes to compare with)."""
        if self._text is None:
            self._text = json.dumps(self.as_json())
        return self._text


def _among(column: Any, ids: Iterable[uuid.UUID | str]) -> ColumnElement[bool]:
    """``column IN ids`` as one array parameter (PostgreSQL: a scope names thousands of ids,
    and a parameter each costs more to send than the query takes to run)."""
    values = [i if isinstance(i, uuid.UUID) else uuid.UUID(i) for i in ids]
    return column == any_(bindparam(None, values, type_=ARRAY(Uuid)))  # type: ignore[no-any-return]


def scope_of(s: Session, ctx: ServiceContext) -> Scope:
    """Every row the acting user's replica may hold (see the module docstring)."""
    scope = Scope()
    for name in _EVERYONE:
        table = codec.BY_NAME[name]
        scope.add(name, s.scalars(select(table.c.id)))
    today = ctx.today()
    back = datetime.combine(today - timedelta(days=SCOPE_DAYS_BACK), time.min)
    ahead = datetime.combine(today + timedelta(days=SCOPE_DAYS_AHEAD + 1), time.min)
    calendar = set(
        s.scalars(select(Meeting.id).where(Meeting.starts_at >= back, meeting_visible(ctx)))
    )
    window = select(Meeting.id).where(
        Meeting.starts_at >= back, Meeting.starts_at < ahead, meeting_visible(ctx)
    )
    if ctx.actor.role not in (Role.LEDER, Role.REFERENT, Role.ADMIN):
        mine = select(Participation.meeting_id).where(
            Participation.person_id == ctx.actor.person_id
        )
        window = window.where(Meeting.id.in_(mine))
    window_ids = set(s.scalars(window))
    meeting = aliased(Meeting)
    visible_items = (
        select(AgendaItem.id, AgendaItem.case_id, AgendaItem.meeting_id)
        .join(meeting, meeting.id == AgendaItem.meeting_id)
        .where(item_visible(ctx), meeting_visible(ctx, meeting))
    )
    on_agendas = s.execute(visible_items.where(_among(AgendaItem.meeting_id, window_ids))).all()
    cases = {c for _i, c, _m in on_agendas if c is not None}
    if ctx.actor.role is Role.PPR:
        cases |= _taken_along(s, ctx)
    earlier = s.execute(
        visible_items.where(
            _among(AgendaItem.case_id, cases), linked_to_child(ctx, AgendaItem, meeting)
        )
    ).all()
    items = {i for i, _c, _m in on_agendas} | {i for i, _c, _m in earlier}
    scope.add("agenda_item", items)
    scope.add("meeting", calendar | window_ids | {m for _i, _c, m in earlier})
    scope.add("child_case", cases)
    _item_rows(s, ctx, scope, items)
    _case_rows(s, ctx, scope, cases)
    _people(s, ctx, scope)
    return scope


def _taken_along(s: Session, ctx: ServiceContext) -> set[uuid.UUID]:
    """Cases a PPR reviewer took along (with a reason, until an end date; take_along)."""
    return set(
        s.scalars(
            select(TakenCase.case_id).where(
                TakenCase.user_id == ctx.actor.user_id,
                TakenCase.returned_at.is_(None),
                TakenCase.until >= ctx.today(),
                TakenCase.case_id.in_(select(Case.id).where(case_visible(ctx))),
            )
        )
    )


def _item_rows(s: Session, ctx: ServiceContext, scope: Scope, items: set[uuid.UUID]) -> None:
    def of_items(model: Any) -> set[uuid.UUID]:
        return set(s.scalars(select(model.id).where(_among(model.agenda_item_id, items))))

    for model in (ItemMinutes, ItemAttendance, Action, WellbeingAssessment, LegalBasis):
        scope.add(model.__tablename__, of_items(model))
    meetings = scope.get("meeting")
    scope.add(
        "participation",
        s.scalars(select(Participation.id).where(_among(Participation.meeting_id, meetings))),
    )
    if ctx.actor.role not in SCOPED_ROLES and ctx.actor.role is not Role.ADMIN:
        # An approved version holds every item of its meeting: only for those who see all.
        scope.add(
            "minutes_version",
            s.scalars(select(MinutesVersion.id).where(_among(MinutesVersion.meeting_id, meetings))),
        )
        # What of those minutes is filed in the case system (the same readers).
        scope.add(
            "filing_record",
            s.scalars(select(FilingRecord.id).where(_among(FilingRecord.meeting_id, meetings))),
        )


def _case_rows(s: Session, ctx: ServiceContext, scope: Scope, cases: set[uuid.UUID]) -> None:
    known = set(s.scalars(select(Case.id).where(_among(Case.id, cases), identity_known(ctx))))
    scope.anonymous_cases = {c for c in cases if c not in known}
    if ctx.actor.role not in SCOPED_ROLES and allowed(ctx, Permission.VIEW_CASES):
        scope.add(
            "custody_holder",
            s.scalars(select(CustodyHolder.id).where(_among(CustodyHolder.case_id, cases))),
        )
        scope.add("consent", s.scalars(select(Consent.id).where(_among(Consent.case_id, cases))))
        scope.add(
            "wellbeing_assessment",
            s.scalars(
                select(WellbeingAssessment.id).where(_among(WellbeingAssessment.case_id, cases))
            ),
        )
    else:
        # A participant or the police: the consents behind the items that name a child to
        # them (so the replica names the child as the server does), nothing else.
        meeting = aliased(Meeting)
        named = (
            select(LegalBasis.consent_id)
            .join(AgendaItem, AgendaItem.id == LegalBasis.agenda_item_id)
            .join(meeting, meeting.id == AgendaItem.meeting_id)
            .where(
                _among(LegalBasis.id, scope.get("legal_basis")),
                LegalBasis.consent_id.is_not(None),
                _among(AgendaItem.case_id, known),
                lawfully_named(AgendaItem, meeting),
            )
        )
        consents = {c for c in s.scalars(named) if c is not None}
        scope.add("consent", consents)
        scope.add(
            "custody_holder",
            s.scalars(select(Consent.given_by_id).where(_among(Consent.id, consents))),
        )
    scope.add(
        "consent_meeting_type",
        s.scalars(
            select(ConsentMeetingType.id).where(
                _among(ConsentMeetingType.consent_id, scope.get("consent"))
            )
        ),
    )


def _people(s: Session, ctx: ServiceContext, scope: Scope) -> None:
    """The people the rows in scope name, and which of them are a child's family."""
    people: set[uuid.UUID] = set()
    for table_name, columns in _PERSON_LINKS.items():
        table = codec.BY_NAME[table_name]
        ids = scope.get(table_name)
        if not ids:
            continue
        for column in columns:
            people |= {
                p for p in s.scalars(select(table.c[column]).where(_among(table.c.id, ids))) if p
            }
    if ctx.actor.person_id is not None:
        people.add(ctx.actor.person_id)
    scope.add("person", people)
    if ctx.actor.role in SCOPED_ROLES:
        family = s.execute(
            select(Participation.person_id, ParticipantRole.name)
            .join(ParticipantRole, ParticipantRole.id == Participation.role_id)
            .where(
                _among(Participation.id, scope.get("participation")),
                ParticipantRole.is_family.is_(True),
            )
        ).all()
        scope.family_people = {p: role for p, role in family}


_PERSON_LINKS: dict[str, tuple[str, ...]] = {
    "app_user": ("person_id",),
    "series_participant": ("person_id",),
    "meeting": ("chair_id", "secretary_id"),
    "participation": ("person_id",),
    "item_attendance": ("person_id",),
    "action": ("owner_id",),
    "wellbeing_assessment": ("assessed_by_id",),
    "custody_holder": ("person_id",),
}


# -- the pull (on the server) --------------------------------------------------------------


@dataclass(frozen=True)
class Pulled:
    cursor: int | None  # the shipment to name next time (None: nothing shipped yet)
    rows: dict[str, list[dict[str, Any]]]  # table → rows (JSON), parents first
    removed: dict[str, list[str]]  # table → ids that left the scope or were deleted
    upto: int  # the high-water mark the rows are complete up to
    full: bool  # the cursor was unknown: the whole scope was shipped

    @property
    def count(self) -> int:
        return sum(len(r) for r in self.rows.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "cursor": self.cursor,
            "rows": self.rows,
            "removed": self.removed,
            "upto": self.upto,
            "full": self.full,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Pulled:
        return cls(
            cursor=data["cursor"],
            rows={t: list(r) for t, r in data["rows"].items()},
            removed={t: list(i) for t, i in data["removed"].items()},
            upto=int(data["upto"]),
            full=bool(data["full"]),
        )


@dataclass(frozen=True)
class Mark:
    """Where the record stands: every row version up to ``upto`` is committed, and so is
    every change counted in the scope epoch up to ``epoch`` (migration 0015)."""

    upto: int
    epoch: int


def high_water_mark(s: Session) -> Mark:
    """The highest row version below which nothing is still in flight (PostgreSQL), and the
    scope epoch: taken under the exclusive lock every stamping transaction holds shared
    until it ends."""
    s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WATERMARK_LOCK})
    return Mark(_sequence(s, "row_version_seq"), _sequence(s, "scope_epoch_seq"))


def _sequence(s: Session, name: str) -> int:
    """The last number a sequence gave out; 0 before its first (a fresh sequence shows its
    start as ``last_value`` both before and after it is first used)."""
    last, called = s.execute(text(f"SELECT last_value, is_called FROM {name}")).one()
    return int(last) if called else 0


class _ScopeCache:
    """The scope computed last for each user, with the day and the scope epoch it holds
    for: while no change that can move a scope was made (a chair typing minutes moves none)
    and the day is the same, a pull reuses it. One per user (an older epoch never comes
    back), the users pulled least lately let go first."""

    SIZE = 64

    def __init__(self) -> None:
        self._found: OrderedDict[tuple[Any, ...], tuple[tuple[Any, ...], Scope]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, user: tuple[Any, ...], stamp: tuple[Any, ...]) -> Scope | None:
        with self._lock:
            found = self._found.get(user)
            if found is None or found[0] != stamp:
                return None
            self._found.move_to_end(user)
            return found[1]

    def put(self, user: tuple[Any, ...], stamp: tuple[Any, ...], scope: Scope) -> None:
        with self._lock:
            held = self._found.get(user)
            if held is not None and held[0] > stamp:
                return  # a newer one was put meanwhile
            self._found[user] = (stamp, scope)
            self._found.move_to_end(user)
            while len(self._found) > self.SIZE:
                self._found.popitem(last=False)


# One cache per database (a process may serve, or test, more than one).
_SCOPES: WeakKeyDictionary[Database, _ScopeCache] = WeakKeyDictionary()
_SCOPES_LOCK = threading.Lock()


def _scope(s: Session, ctx: ServiceContext, epoch: int) -> Scope:
    """The acting user's scope, from the cache while the epoch and the day stand still.
    The epoch was read (committed) before this transaction began, so the scope computed here
    holds at least every change it counts."""
    actor = ctx.actor
    user, stamp = (actor.user_id, actor.role, actor.person_id), (ctx.today(), epoch)
    with _SCOPES_LOCK:
        cache = _SCOPES.setdefault(ctx.db, _ScopeCache())
    found = cache.get(user, stamp)
    if found is None:
        found = scope_of(s, ctx)
        cache.put(user, stamp, found)
    return found


def pull(ctx: ServiceContext, device_id: uuid.UUID, cursor: int | None) -> Pulled:
    """The rows a device needs to be in step, from the shipment it names as applied."""
    with ctx.db.begin() as s:
        mark = high_water_mark(s)  # its own transaction: the lock ends with it
    upto = mark.upto
    with ctx.db.begin() as s:
        before = _shipment(s, device_id, ctx.actor.user_id, cursor)
        if (
            before is not None
            and before.upto_version == upto
            and _local_day(before.at) == ctx.today()
        ):
            # Nothing in the record has changed since (no version was given out), and the
            # window has not moved: the scope and its rows are as shipped.
            return Pulled(before.id, {}, {}, upto, False)
        since = before.upto_version if before is not None else 0
        scope = _scope(s, ctx, mark.epoch)
        same_scope = before is not None and before.scope_ids == scope.as_text
        known: dict[str, set[str]] = (
            {t: set(i) for t, i in json.loads(before.scope_ids).items()}
            if before is not None and before.scope_ids and not same_scope
            else {}
        )
        shipped: dict[str, list[dict[str, Any]]] = {}
        removed: dict[str, list[str]] = {}
        if before is None:
            for table in codec.REPLICATED:
                ids = scope.get(table.name)
                if ids:
                    found = s.execute(select(table).where(_among(table.c.id, ids))).mappings()
                    _ship(shipped, table, scope, found)
        else:
            entered = {} if same_scope else _entered(scope, known)
            changed = _changed_since(s, since, upto)
            for table in codec.REPLICATED:
                ids = scope.get(table.name)
                if not ids:
                    continue
                # The rows in scope changed since the last shipment, and the rows that
                # entered the scope however old.
                wanted = (changed.get(table.name, set()) & ids) | entered.get(table.name, set())
                if wanted:
                    found = s.execute(select(table).where(_among(table.c.id, wanted))).mappings()
                    _ship(shipped, table, scope, found)
            if not same_scope:
                now_ids = scope.as_json()
                removed = {
                    t: sorted(had - set(now_ids.get(t, [])))
                    for t, had in known.items()
                    if t in codec.BY_NAME and had - set(now_ids.get(t, []))
                }
        if before is not None and not shipped and not removed:
            # Nothing in this scope changed up to the mark: the shipment stands for it now
            # (so the next idle pull answers at once).
            before.upto_version, before.at = upto, ctx.now()
            if not same_scope:
                before.scope_ids = scope.as_text
            return Pulled(before.id, {}, {}, upto, False)
        record = Shipment(
            device_id=device_id,
            user_id=ctx.actor.user_id,
            at=ctx.now(),
            since_version=since,
            upto_version=upto,
            rows=sum(len(r) for r in shipped.values()),
            row_ids=json.dumps({t: [r["id"] for r in rs] for t, rs in shipped.items()}),
            scope_ids=scope.as_text,
        )
        s.add(record)
        s.flush()
        _forget_old_scopes(s, device_id, record.id)
        return Pulled(record.id, shipped, removed, upto, before is None)


def _changed_since(s: Session, since: int, upto: int) -> dict[str, set[uuid.UUID]]:
    """The ids of the rows changed between two marks, by table: one query over every
    table's version index (a pull after a change elsewhere mostly finds none of its own)."""
    found: dict[str, set[uuid.UUID]] = {}
    parts = [
        select(literal(table.name).label("t"), table.c.id).where(
            table.c.row_version > since, table.c.row_version <= upto
        )
        for table in codec.REPLICATED
    ]
    for name, row_id in s.execute(union_all(*parts)):
        found.setdefault(name, set()).add(row_id)
    return found


def _entered(scope: Scope, known: dict[str, set[str]]) -> dict[str, set[uuid.UUID]]:
    """The ids in scope that were not shipped before, and the rows that must travel again
    because how they are trimmed changed (a child who became known, or unknown, to the user
    since travels again whatever its row's version)."""
    out: dict[str, set[uuid.UUID]] = {}
    now = scope.as_json()
    for name, ids in scope.ids.items():
        had = known.get(name, set())
        again = set(now.get(f"{name}{TRIMMED}", [])) ^ known.get(f"{name}{TRIMMED}", set())
        fresh = {i for i in ids if str(i) not in had or str(i) in again}
        if fresh:
            out[name] = fresh
    return out


def _ship(
    shipped: dict[str, list[dict[str, Any]]],
    table: Table,
    scope: Scope,
    rows: Iterable[RowMapping],
) -> None:
    out = [_trimmed(table, scope, codec.encode(table, dict(r))) for r in rows]
    if out:
        shipped[table.name] = out


def _local_day(at: datetime) -> date:
    return at.astimezone(LOCAL_TZ).date()


def mark_scope_changed(s: Session) -> None:
    """Something that is no row of the record changed what a user's scope holds (a case
    taken along, or put back): the next pull must look (PostgreSQL only; elsewhere a no-op)."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock_shared(:k)"), {"k": WATERMARK_LOCK})
        s.execute(text("SELECT nextval('row_version_seq'), nextval('scope_epoch_seq')"))


def _shipment(
    s: Session, device_id: uuid.UUID, user_id: uuid.UUID, cursor: int | None
) -> Shipment | None:
    if cursor is None:
        return None
    found = s.get(Shipment, cursor)
    if (
        found is None
        or found.device_id != device_id
        or found.user_id != user_id
        or found.scope_ids is None
    ):
        return None  # unknown, another device's or too old: the whole scope again
    return found


def _forget_old_scopes(s: Session, device_id: uuid.UUID, newest: int) -> None:
    old = (
        select(Shipment.id)
        .where(Shipment.device_id == device_id, Shipment.scope_ids.is_not(None))
        .order_by(Shipment.id.desc())
        .offset(KEPT_SCOPES)
    )
    stale = list(s.scalars(old))
    if stale:
        s.execute(update(Shipment).where(Shipment.id.in_(stale)).values(scope_ids=None))


def _trimmed(table: Table, scope: Scope, row: dict[str, Any]) -> dict[str, Any]:
    """A row as this user's replica may hold it."""
    if table.name == "child_case" and uuid.UUID(row["id"]) in scope.anonymous_cases:
        # The child as this user meets it: an anonymous discussion, with nothing that points
        # to the child (not even the case number, which is in the case system too).
        row.update(_IDENTITY)
        row["anonymous"] = True
        row["pseudonym"] = _("anonymous discussion")
        row["reference"] = "A-" + hashlib.sha256(row["id"].encode()).hexdigest()[:10]
    elif table.name == "person" and uuid.UUID(row["id"]) in scope.family_people:
        row.update(_PERSON_DETAILS)
        row["name"] = scope.family_people[uuid.UUID(row["id"])]
    elif table.name == "agenda_item":
        previous = row.get("carried_over_from_id")
        if previous and uuid.UUID(previous) not in scope.get("agenda_item"):
            row["carried_over_from_id"] = None
    elif table.name == "legal_basis":
        consent = row.get("consent_id")
        if consent and uuid.UUID(consent) not in scope.get("consent"):
            row["consent_id"] = None
    return row


# -- applying a pull (on the replica) ------------------------------------------------------


def apply(s: Session, pulled: Pulled, progress: Callable[[int, int], None] | None = None) -> None:
    """Write a pull into the replica's database in the caller's unit of work: rows upserted
    parents first, removed rows deleted children first. Foreign keys are checked at commit
    (a pull may carry a row before the row it points to within one table). ``progress``
    hears (rows written, rows in the pull) after each table."""
    s.execute(text("PRAGMA defer_foreign_keys = ON"))
    # A whole scope: the search index is made once from the rows written, not row by row
    # by its triggers (the slower half of filling a new replica).
    bulk = pulled.full and pulled.count > 0
    dialect = s.get_bind().dialect.name
    if bulk:
        for statement in search_index.suspend_statements(dialect):
            s.execute(text(statement))
    written, total = 0, pulled.count
    for table in reversed(codec.REPLICATED):
        gone = pulled.removed.get(table.name)
        if gone:
            s.execute(delete(table).where(table.c.id.in_([uuid.UUID(i) for i in gone])))
    for table in codec.REPLICATED:
        found = pulled.rows.get(table.name)
        if not found:
            continue
        values = [codec.decode(table, r) for r in found]
        empty = s.scalar(select(table.c.id).limit(1)) is None  # a first pull's, mostly
        if not empty:
            _make_way(s, table, values)
        have = set() if empty else _existing(s, table, [v["id"] for v in values])
        # Not an upsert: SQLite runs the search index's insert triggers for it even where it
        # updates, and an update must fire the update triggers (the index follows the text).
        fresh = [v for v in values if v["id"] not in have]
        if fresh:
            s.execute(insert(table), fresh)
        changed = [{"_id": v["id"], **v} for v in values if v["id"] in have]
        if changed:
            columns: dict[str, Any] = {
                c.name: bindparam(c.name) for c in table.columns if c.name != "id"
            }
            s.execute(update(table).where(table.c.id == bindparam("_id")).values(columns), changed)
        written += len(values)
        if progress is not None:
            progress(written, total)
    if bulk:
        for statement in search_index.resume_statements(dialect):
            s.execute(text(statement))


def _unique_keys(table: Table) -> list[tuple[str, ...]]:
    keys = [
        tuple(c.name for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    keys += [(c.name,) for c in table.columns if c.unique and not c.primary_key]
    return [k for k in dict.fromkeys(keys) if "id" not in k]


def _make_way(s: Session, table: Table, values: list[dict[str, Any]]) -> None:
    """The server's rows win: a row of the replica's own that holds the same unique key
    under another id (made here by an operation the server did its own way) goes."""
    keys = _unique_keys(table)
    if not keys:
        return
    for key in keys:
        for value in values:
            if any(value.get(c) is None for c in key):
                continue
            s.execute(
                delete(table).where(
                    table.c.id != value["id"], *(table.c[c] == value[c] for c in key)
                )
            )


def _existing(s: Session, table: Table, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    have: set[uuid.UUID] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        have |= set(s.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
    return have
