"""The people who take part in meetings (professionals and family members)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from stevnsmoeder.db.models import ParticipantRole, Person
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.permissions import Permission, require


@dataclass(frozen=True)
class PersonInfo:
    id: uuid.UUID
    name: str
    profession: str
    organisation: str

    @property
    def label(self) -> str:
        extra = ", ".join(part for part in (self.profession, self.organisation) if part)
        return f"{self.name} ({extra})" if extra else self.name


@dataclass(frozen=True)
class RoleInfo:
    code: str
    name: str
    is_family: bool


def list_people(ctx: ServiceContext) -> list[PersonInfo]:
    """Active professionals (family members are found through their child's case)."""
    require(ctx, Permission.EDIT_MEETINGS, "plan meetings")
    with ctx.db.begin() as s:
        rows = s.scalars(
            select(Person).where(Person.active, Person.organisation != "").order_by(Person.name)
        )
        return [PersonInfo(p.id, p.name, p.profession, p.organisation) for p in rows]


def list_roles(ctx: ServiceContext) -> list[RoleInfo]:
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    with ctx.db.begin() as s:
        rows = s.scalars(select(ParticipantRole).order_by(ParticipantRole.sort_order))
        return [RoleInfo(r.code, r.name, r.is_family) for r in rows]
