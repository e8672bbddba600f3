"""Health of a database file: SQLCipher page authentication, SQLite integrity, foreign keys,
migration state and the access log's hash chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text

from stevnsmoeder.db import migrate
from stevnsmoeder.i18n import _, _n
from stevnsmoeder.services import audit
from stevnsmoeder.services.context import ServiceContext


@dataclass(frozen=True)
class CheckItem:
    name: str
    ok: bool
    detail: str = ""


@dataclass(frozen=True)
class CheckReport:
    items: tuple[CheckItem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return all(item.ok for item in self.items)


def check(ctx: ServiceContext) -> CheckReport:
    """Run every check. Reveals no case data, so any logged-in user may run it."""
    items = _file_checks(ctx) if ctx.db.dialect == "sqlite" else _server_checks(ctx)
    current = migrate.current_revision(ctx.db)
    head = migrate.head_revision()
    items.append(
        CheckItem(
            _("Schema up to date"),
            current == head,
            _("database {current}, program {head}", current=current or "-", head=head),
        )
    )
    with ctx.db.begin() as s:
        chain = audit.verify_chain(s)
        audit.record(s, ctx, "database.check")
    items.append(
        CheckItem(
            _("Access log unbroken"),
            chain.ok,
            _n("{n} event", "{n} events", chain.events)
            if chain.ok
            else _("broken at event {seq}", seq=chain.first_bad_seq),
        )
    )
    return CheckReport(tuple(items))


def _file_checks(ctx: ServiceContext) -> list[CheckItem]:
    """The encrypted file: every page authentic, SQLite's own integrity, foreign keys (which
    SQLite enforces only while the pragma is on)."""
    items: list[CheckItem] = []
    raw = ctx.db.engine.raw_connection()
    try:
        cur = raw.cursor()
        cipher = [row[0] for row in cur.execute("PRAGMA cipher_integrity_check").fetchall()]
        items.append(CheckItem(_("Encrypted pages authentic"), not cipher, "; ".join(cipher[:5])))
        integrity = [row[0] for row in cur.execute("PRAGMA integrity_check").fetchall()]
        items.append(
            CheckItem(_("SQLite integrity"), integrity == ["ok"], "; ".join(integrity[:5]))
        )
        fk = cur.execute("PRAGMA foreign_key_check").fetchall()
        items.append(
            CheckItem(
                _("Foreign keys"),
                not fk,
                _n("{n} broken reference", "{n} broken references", len(fk)) if fk else "",
            )
        )
        cur.close()
    finally:
        raw.close()
    return items


def _server_checks(ctx: ServiceContext) -> list[CheckItem]:
    """PostgreSQL keeps its pages and constraints itself: the server's version, its Danish
    text search, and the search index in step with the items."""
    with ctx.db.begin() as s:
        version = int(s.scalar(text("SHOW server_version_num")) or 0)
        danish = s.scalar(text("SELECT count(*) FROM pg_ts_config WHERE cfgname = 'danish'"))
        items_n = s.scalar(text("SELECT count(*) FROM agenda_item")) or 0
        indexed = (
            s.scalar(
                text("SELECT count(*) FROM search_doc d JOIN agenda_item ai ON ai.id = d.item_id")
            )
            or 0
        )
    return [
        CheckItem(
            _("PostgreSQL 15 or newer"),
            version >= 150000,
            f"{version // 10000}.{version % 10000}",
        ),
        CheckItem(_("Danish text search"), bool(danish)),
        CheckItem(
            _("Search index in step"),
            items_n == indexed,
            _("indexed: {n} of {total}", n=indexed, total=items_n),
        ),
    ]
