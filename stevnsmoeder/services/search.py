"""Full-text search over minutes, decisions, actions, agenda titles and children's names.

The index lives inside the encrypted database (see ``stevnsmoeder.db.search_index``); the
query text is parsed into safe FTS5 (``stevnsmoeder.domain.search_query``). Only what the
actor may see is searched: the meetings the role may see and, in them, the cases it may see.
Every search is written to the access log with its term and filters.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    DateTime,
    Integer,
    String,
    Uuid,
    bindparam,
    column,
    exists,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from stevnsmoeder.db import search_index
from stevnsmoeder.db.models import (
    Action,
    AgendaItem,
    Case,
    District,
    LegalBasis,
    Meeting,
    MeetingType,
    WellbeingAssessment,
)
from stevnsmoeder.domain import search_query, snippets
from stevnsmoeder.domain.dates import range_end, range_start
from stevnsmoeder.domain.text import one_line
from stevnsmoeder.i18n import _
from stevnsmoeder.model.enums import ActionStatus, LegalBasisKind, MeetingStatus
from stevnsmoeder.services import audit
from stevnsmoeder.services.cases import hiding_redactor, initials_of, name_of, name_words
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ValidationError
from stevnsmoeder.services.meetings import resolve_district
from stevnsmoeder.services.permissions import (
    Permission,
    case_visible,
    item_visible,
    meeting_visible,
    require,
    unnamed_items,
)

MARK_START, MARK_END = "\x02", "\x03"  # around matched words in a snippet
DEFAULT_LIMIT = 30  # a screenful and a half; "narrow the search" beyond that
RANK_CAP = 1000  # a query matching more is ranked among its newest matches first
SNIPPET_WORDS = 14
# Where an excerpt is taken from when several columns match equally well.
SNIPPET_ORDER = ("decision", "notes", "actions", "title", "child")

_INDEX = table(search_index.FTS_TABLE, column("rowid"))
_DOC = table(search_index.DOC_TABLE, column("id"), column("item_id"))
_FTS: Any = literal_column(search_index.FTS_TABLE)
_RANK: Any = literal_column(f"{search_index.FTS_TABLE}.rank")
_PG_DOC = search_index.PG_DOC
_PG_QUERY: Any = search_index.pg_tsquery(bindparam("fts", type_=String))
_PG_RANK: Any = search_index.pg_rank(_PG_QUERY)


@dataclass(frozen=True)
class Filters:
    type_code: str | None = None
    district: str | None = None  # code or name
    start: date | None = None
    end: date | None = None
    level: int | None = None
    open_actions: bool = False

    def until_today(self, today: date) -> Filters:
        """These filters with an open end read as "til nu": up to and including ``today``, so
        planned meetings' agendas are not among the hits. A start after today keeps the end
        open: there is no "now" to end at before it."""
        if self.end is not None or (self.start is not None and self.start > today):
            return self
        return replace(self, end=today)

    def describe(self) -> str:
        parts = [
            f"{name}={value}"
            for name, value in (
                ("type", self.type_code),
                ("district", self.district),
                ("from", self.start),
                ("to", self.end),
                ("level", self.level),
            )
            if value
        ]
        if self.open_actions:
            parts.append("open actions")
        return ", ".join(parts)


@dataclass(frozen=True)
class Hit:
    item_id: uuid.UUID
    meeting_id: uuid.UUID
    case_id: uuid.UUID | None
    starts_at: datetime
    meeting_title: str
    type_code: str
    type_name: str
    district: str | None
    title: str
    child: str  # as the item's legal basis allows ("" when discussed anonymously)
    child_initials: str
    level: int | None
    snippet: str  # matched words between MARK_START and MARK_END
    rank: float

    @property
    def plain_snippet(self) -> str:
        return self.snippet.replace(MARK_START, "[").replace(MARK_END, "]")

    def to_json(self) -> dict[str, Any]:
        return {
            "meeting_id": str(self.meeting_id),
            "item_id": str(self.item_id),
            "case_id": str(self.case_id) if self.case_id else None,
            "date": self.starts_at.date().isoformat(),
            "meeting_type": self.type_code,
            "title": self.title,
            "snippet": self.plain_snippet,
            # the rest, so a laptop can show what the server found as it shows its own
            "starts_at": self.starts_at.isoformat(),
            "meeting_title": self.meeting_title,
            "meeting_type_name": self.type_name,
            "district": self.district,
            "child": self.child,
            "child_initials": self.child_initials,
            "level": self.level,
            "marked_snippet": self.snippet,
            "rank": self.rank,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Hit:
        """A hit as the server's search sent it."""
        case = data.get("case_id")
        return cls(
            item_id=uuid.UUID(data["item_id"]),
            meeting_id=uuid.UUID(data["meeting_id"]),
            case_id=uuid.UUID(case) if case else None,
            starts_at=datetime.fromisoformat(data["starts_at"]),
            meeting_title=str(data["meeting_title"]),
            type_code=str(data["meeting_type"]),
            type_name=str(data["meeting_type_name"]),
            district=data.get("district"),
            title=str(data["title"]),
            child=str(data["child"]),
            child_initials=str(data["child_initials"]),
            level=data.get("level"),
            snippet=str(data["marked_snippet"]),
            rank=float(data["rank"]),
        )


@dataclass(frozen=True)
class Result:
    text: str
    query: str  # the FTS5 query or tsquery actually run ("" when nothing was searchable)
    hits: tuple[Hit, ...]
    elapsed_ms: float
    message: str = ""  # why nothing was searched, for the user
    truncated: bool = False  # more hits after these ("Vis flere" asks for the next page)
    offset: int = 0  # how many better hits came before these (0: the first page)

    def to_json(self) -> dict[str, Any]:
        return {
            "hits": [h.to_json() for h in self.hits],
            "elapsed_ms": round(self.elapsed_ms, 2),
            "message": self.message,
            "truncated": self.truncated,
        }


def search(
    ctx: ServiceContext,
    text_: str,
    filters: Filters = Filters(),
    *,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> Result:
    """The best-ranked items matching ``text_`` that the actor may see, from the ``offset``-th
    on (a next page of the same search); logged, with the children this page showed."""
    require(ctx, Permission.VIEW_CASES, "search minutes")
    if offset < 0 or limit < 1:
        raise ValueError(f"no page of hits from {offset} with {limit} of them")
    began = time.perf_counter()
    parsed = search_query.parse(text_)
    if parsed.empty:
        return Result(
            text_, "", (), 0.0, _("Type at least one word to search for (letters or digits).")
        )
    if filters.start and filters.end and filters.end < filters.start:
        raise ValidationError(_("The end date is before the start date."))
    fts = parsed.tsquery() if ctx.db.dialect == "postgresql" else parsed.fts()
    with ctx.db.begin() as s:
        district = resolve_district(s, filters.district).id if filters.district else None
        rows = _ranked_rows(s, ctx, fts, filters, district, offset + limit)
        # An item that shows its child as "anonym drøftelse" to this actor: never found by
        # the child's or the family's names, and no name in what is shown of it.
        hidden = unnamed_items(s, ctx, [row[1] for row in rows])
        redact = None
        if hidden:
            if _asks_for(parsed, name_words(s, hidden.values())):
                rows = [row for row in rows if row[1] not in hidden]
            redact = hiding_redactor(s, hidden.values())
        page = rows[offset : offset + limit]
        excerpts = _snippets(s, parsed, [row.rowid for row in page])
        hits = [_hit(row, excerpts.get(row.rowid, "")) for row in page]
        if redact is not None:
            hits = [
                replace(h, title=redact(h.title), snippet=redact(h.snippet))
                if h.item_id in hidden
                else h
                for h in hits
            ]
        audit.record(s, ctx, "search", detail=_log_detail(text_, filters, len(hits), offset))
        # Which children the answer showed, one event each, so that "who looked at this
        # child" (audit --case) includes the searches that displayed the child's items.
        shown = dict.fromkeys(h.case_id for h in hits if h.case_id is not None)
        audit.record_cases(s, ctx, "search.shown", shown)
    elapsed = (time.perf_counter() - began) * 1000
    return Result(
        text_, fts, tuple(hits), elapsed, truncated=len(rows) > offset + limit, offset=offset
    )


def _asks_for(query: search_query.Query, names: set[str]) -> bool:
    """Does any word of the query (also one it must not contain, or a prefix) touch one of
    these names? Then its answer, hits or no hits, would say whom an item is about."""
    for group in query.groups:
        for term in group:
            for word in (w.casefold() for w in term.words):
                if word in names or word.removesuffix("s") in names:  # also "Emmas"
                    return True
                if term.prefix and any(n.startswith(word) for n in names):
                    return True
    return False


def _ranked_rows(
    s: Session,
    ctx: ServiceContext,
    fts: str,
    filters: Filters,
    district: uuid.UUID | None,
    limit: int,
) -> list[Any]:
    """The best ``limit + 1`` visible matches.

    FTS5 ranks its matches fastest on its own; visibility and filters then apply to the best
    ``window`` of them, widened until enough hits are found or none are left. A very common
    word ("trivsel") matches most of the minutes: ranking all of them grows with the years,
    so such a query is ranked among its newest RANK_CAP matches (the recent minutes are what
    a reviewer looks for first), reaching further back only when too few of those are
    visible or pass the filters."""
    cap = RANK_CAP
    while True:
        # None: fewer matches than that, rank them all. (PostgreSQL ranks with the GIN
        # index's matches; the cap is FTS5's fast path.)
        floor = None if ctx.db.dialect == "postgresql" else _recent_floor(s, fts, cap)
        window = limit + 1
        while True:
            rows = s.execute(_query(ctx, fts, filters, district, limit + 1, window, floor)).all()
            if len(rows) > limit or window >= cap:
                break
            window *= 8
        if len(rows) > limit or floor is None:
            return list(rows)
        cap *= 8


def _recent_floor(s: Session, fts: str, cap: int) -> int | None:
    """The index row id from which the newest ``cap`` matches start."""
    return s.scalar(
        select(_INDEX.c.rowid)
        .where(_FTS.op("MATCH")(fts))
        .order_by(_INDEX.c.rowid.desc())
        .offset(cap - 1)
        .limit(1)
    )


def _snippets(s: Session, query: search_query.Query, rowids: list[int]) -> dict[int, str]:
    """Excerpts for the hits shown, from the index's own copy of the text."""
    if not rowids:
        return {}
    expr = snippets.pattern(query)
    if s.get_bind().dialect.name == "postgresql":
        cols: list[Any] = [_PG_DOC.c[name] for name in search_index.COLUMNS]
        rows = s.execute(select(_PG_DOC.c.id, *cols).where(_PG_DOC.c.id.in_(rowids)))
    else:
        cols = [column(name) for name in search_index.COLUMNS]
        rows = s.execute(
            select(_INDEX.c.rowid, *cols).select_from(_INDEX).where(_INDEX.c.rowid.in_(rowids))
        )
    return {
        row[0]: snippets.make_snippet(
            [row[1 + search_index.COLUMNS.index(name)] or "" for name in SNIPPET_ORDER],
            query,
            words=SNIPPET_WORDS,
            start=MARK_START,
            end=MARK_END,
            compiled=expr,
        )
        for row in rows
    }


def _log_detail(text_: str, filters: Filters, n: int, offset: int = 0) -> str:
    term = one_line(text_)[:200]
    where = f" [{filters.describe()}]" if filters.describe() else ""
    if offset and n:
        return f"{term!r}{where}: {n} more hits ({offset + 1}-{offset + n})"
    return f"{term!r}{where}: {n} hits"


def _query(
    ctx: ServiceContext,
    fts: str,
    f: Filters,
    district: uuid.UUID | None,
    limit: int,
    window: int,
    floor: int | None = None,
) -> Any:
    """The statement (built once per shape and kept: building it costs more than running
    it) with this search's values bound."""
    shape = (
        ctx.db.dialect,
        ctx.actor.role,
        ctx.actor.person_id,
        bool(f.type_code),
        district is not None,
        f.start is not None,
        f.end is not None,
        f.level is not None,
        f.open_actions,
        floor is not None,
    )
    statement = _STATEMENTS.get(shape)
    if statement is None:
        statement = _STATEMENTS[shape] = _build_query(ctx, f, district, floor)
    values: dict[str, Any] = {"fts": fts, "window": window, "limit": limit}
    if floor is not None:
        values["floor"] = floor
    if f.type_code:
        values["type_code"] = f.type_code
    if district is not None:
        values["district"] = district
    if f.start:
        values["start"] = range_start(f.start)
    if f.end:
        values["end"] = range_end(f.end)
    if f.level is not None:
        values["level"] = f.level
    return statement.params(values)


_STATEMENTS: dict[tuple[object, ...], Any] = {}


def _build_query(
    ctx: ServiceContext, f: Filters, district: uuid.UUID | None, floor: int | None
) -> Any:
    rank: Any
    if ctx.db.dialect == "postgresql":
        rank = _PG_RANK
        matches = select(_PG_DOC.c.id.label("rowid"), rank.label("rank")).where(
            _PG_DOC.c.document.op("@@")(_PG_QUERY)
        )
    else:
        rank = _RANK
        matches = select(_INDEX.c.rowid.label("rowid"), rank.label("rank")).where(
            _FTS.op("MATCH")(bindparam("fts", type_=String))
        )
    if floor is not None:
        matches = matches.where(_INDEX.c.rowid >= bindparam("floor", type_=Integer))
    top = matches.order_by(rank).limit(bindparam("window", type_=Integer)).subquery("top")
    level = (
        select(WellbeingAssessment.level)
        .where(WellbeingAssessment.agenda_item_id == AgendaItem.id)
        .limit(1)
        .scalar_subquery()
    )
    q = (
        select(
            top.c.rowid,
            AgendaItem.id,
            AgendaItem.meeting_id,
            AgendaItem.title,
            Meeting.starts_at,
            Meeting.title,
            MeetingType.code,
            MeetingType.name,
            District.name,
            Case.id,
            Case.anonymous,
            Case.pseudonym,
            Case.first_name,
            Case.last_name,
            Case.reference,
            LegalBasis.kind,
            level.label("level"),
            top.c.rank,
        )
        .select_from(top)
        .join(_DOC, _DOC.c.id == top.c.rowid)
        .join(AgendaItem, AgendaItem.id == _DOC.c.item_id)
        .join(Meeting, AgendaItem.meeting_id == Meeting.id)
        .join(MeetingType, Meeting.meeting_type_id == MeetingType.id)
        .outerjoin(District, Meeting.district_id == District.id)
        .outerjoin(Case, AgendaItem.case_id == Case.id)
        .outerjoin(LegalBasis, LegalBasis.agenda_item_id == AgendaItem.id)
        .where(
            Meeting.status != MeetingStatus.CANCELLED,
            meeting_visible(ctx),
            item_visible(ctx),
            or_(AgendaItem.case_id.is_(None), case_visible(ctx)),
        )
        .order_by(top.c.rank, top.c.rowid)  # one order for every page of the same search
        .limit(bindparam("limit", type_=Integer))
    )
    if f.type_code:
        q = q.where(MeetingType.code == bindparam("type_code", type_=String))
    if district is not None:
        q = q.where(Meeting.district_id == bindparam("district", type_=Uuid))
    if f.start:
        q = q.where(Meeting.starts_at >= bindparam("start", type_=DateTime))
    if f.end:
        q = q.where(Meeting.starts_at < bindparam("end", type_=DateTime))
    if f.level is not None:
        q = q.where(level == bindparam("level", type_=Integer))
    if f.open_actions:
        q = q.where(
            exists().where(
                Action.agenda_item_id == AgendaItem.id, Action.status == ActionStatus.OPEN
            )
        )
    return q


def _hit(row: Any, snippet: str) -> Hit:
    (_rowid, item_id, meeting_id, title, starts_at, meeting_title, type_code, type_name,
     district, case_id, anonymous, pseudonym, first_name, last_name, reference,
     basis_kind, level, rank) = row  # fmt: skip
    child = initials_ = ""
    if case_id is not None:
        parts = (anonymous, pseudonym, first_name, last_name, reference)
        initials_ = initials_of(*parts)
        named_anonymously = basis_kind is LegalBasisKind.ANONYMOUS and not anonymous
        child = "" if named_anonymously else name_of(*parts)
        if not child:
            initials_ = _("anonymous discussion")
    return Hit(
        item_id=item_id,
        meeting_id=meeting_id,
        case_id=case_id if child else None,
        starts_at=starts_at,
        meeting_title=meeting_title,
        type_code=type_code,
        type_name=type_name,
        district=district,
        title=title,
        child=child or initials_,
        child_initials=initials_,
        level=level,
        snippet=snippet,
        rank=float(rank),
    )


# -- keeping the index in step -----------------------------------------------------------------


@dataclass(frozen=True)
class IndexState:
    items: int
    indexed: int

    @property
    def in_step(self) -> bool:
        return self.items == self.indexed


def index_state(ctx: ServiceContext) -> IndexState:
    require(ctx, Permission.MAINTAIN, "check the search index")
    with ctx.db.begin() as s:
        items = s.scalar(select(func.count()).select_from(AgendaItem)) or 0
        indexed_rows = (
            select(func.count()).select_from(_DOC).join(AgendaItem, AgendaItem.id == _DOC.c.item_id)
        )
        if ctx.db.dialect != "postgresql":  # FTS5 keeps its rows beside search_doc's
            indexed_rows = indexed_rows.join(_INDEX, _DOC.c.id == _INDEX.c.rowid)
        indexed = s.scalar(indexed_rows) or 0
    return IndexState(items, indexed)


def rebuild_index(ctx: ServiceContext) -> IndexState:
    """Make the whole index again from the minutes (if it is ever out of step)."""
    require(ctx, Permission.MAINTAIN, "rebuild the search index")
    with ctx.db.begin() as s:
        for statement in search_index.rebuild_statements(ctx.db.dialect):
            s.execute(text(statement))
        audit.record(s, ctx, "search.rebuild")
    return index_state(ctx)
