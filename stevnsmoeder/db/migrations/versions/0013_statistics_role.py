"""A role for the head of Børn & Læring: the policy follow-up's figures, nothing about a child

The user's role is a string checked against the known roles (``ck_app_user_user_role``); this
revision lets ``chef`` through. On PostgreSQL the check is replaced. On SQLite a check cannot
be altered, and copying ``app_user`` into a new table is not possible inside the migration's
transaction while other tables point at it (the access log, approvals, legal bases), so the
table's stored definition is edited in place, the procedure SQLite documents for loosening a
CHECK constraint ("Making Other Kinds Of Table Schema Changes"): the rows on disk do not
change, every existing role still passes, and the schema version is raised so every open
connection reads the new definition.

Going back closes any ``chef`` user and makes it a participant without meetings (who sees
nothing), since the older program does not know the role.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-27 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONSTRAINT = "ck_app_user_user_role"
# Frozen here: the roles before and after this revision.
BEFORE = ("admin", "leder", "referent", "deltager", "ppr", "politi")
AFTER = (*BEFORE, "chef")


def _check(roles: Sequence[str]) -> str:
    return "role IN (" + ", ".join(f"'{role}'" for role in roles) + ")"


def _replace_check(old: Sequence[str], new: Sequence[str]) -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(f"ALTER TABLE app_user DROP CONSTRAINT {CONSTRAINT}")
        op.execute(f"ALTER TABLE app_user ADD CONSTRAINT {CONSTRAINT} CHECK ({_check(new)})")
        return
    sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'app_user'"
    ).scalar_one()
    before, after = f"CHECK ({_check(old)})", f"CHECK ({_check(new)})"
    if after in sql:
        return  # already so (a database that ran this change under an earlier number)
    if before not in sql:
        raise RuntimeError(f"{CONSTRAINT} is not the one this revision expects")
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        bind.exec_driver_sql(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'app_user'",
            (sql.replace(before, after),),
        )
        bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")
    problems = bind.exec_driver_sql("PRAGMA integrity_check").scalars().all()
    if problems != ["ok"]:
        raise RuntimeError(f"integrity check after changing {CONSTRAINT}: {problems[:3]}")


def upgrade() -> None:
    _replace_check(BEFORE, AFTER)


def downgrade() -> None:
    app_user = sa.table(
        "app_user",
        sa.column("role", sa.String()),
        sa.column("active", sa.Boolean()),
        sa.column("person_id", sa.Uuid()),
    )
    op.execute(
        app_user.update()
        .where(app_user.c.role == "chef")
        .values(role="deltager", active=False, person_id=None)
    )
    _replace_check(AFTER, BEFORE)
