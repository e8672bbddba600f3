"""Health of a database file: SQLCipher page authentication, SQLite integrity, foreign keys,
migration state and the access log's hash chain."""

from __future__ import annotations

from dataclasses import dataclass, field

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
