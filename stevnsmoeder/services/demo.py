"""The fictitious demo database: reference data, N years of meetings and the demo users.

Every demo user has the password ``demo``. Nothing in it is about real people.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from stevnsmoeder.db.base import utcnow
from stevnsmoeder.db.keystore import DEFAULT_KDF, KdfParams
from stevnsmoeder.domain.dates import LOCAL_TZ
from stevnsmoeder.i18n import _
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services import access, server_access
from stevnsmoeder.services.context import Clock
from stevnsmoeder.services.errors import ValidationError

DEMO_PASSWORD = "demo"
DEMO_USERS = (
    ("leder", Role.LEDER, "mødeleder"),
    ("referent", Role.REFERENT, "referent"),
    ("ppr", Role.PPR, "PPR, læseadgang"),
    ("politi", Role.POLITI, "politi i SSP"),
    ("admin", Role.ADMIN, "administrator"),
    ("chef", Role.CHEF, "chef for Børn & Læring, kun opfølgningens tal"),
)


def create_demo_database(
    path: Path | str,
    *,
    years: int = 2,
    seed: int = 1,
    today: date | None = None,
    clock: Clock = utcnow,
    kdf: KdfParams = DEFAULT_KDF,
    cases_per_year: int | None = None,
) -> None:
    """Create the demo database at ``path`` (which must not exist yet), or in the empty
    PostgreSQL database a ``postgresql+psycopg://`` URL names. The same seed gives the same
    meetings, cases, agendas and minutes on both.

    ``cases_per_year`` raises the number of children (Stevns has some 80 new a year, at most
    1,000 in all); the benchmarks use it for a busier municipality's volume."""
    from stevnsmoeder.services import demo_data as generator  # large: loaded when needed

    if years < 1 or years > generator.MAX_YEARS:
        raise ValidationError(_("A demo has 1 to {n} years of meetings.", n=generator.MAX_YEARS))
    day = today or clock().astimezone(LOCAL_TZ).date()
    users = [access.NewUser(login, DEMO_PASSWORD, role) for login, role, _label in DEMO_USERS]
    populate = partial(
        generator.populate, years=years, seed=seed, today=day, cases_per_year=cases_per_year
    )
    if isinstance(path, str):
        server_access.create_server_database(
            path, users, clock=clock, kdf=kdf, populate=populate, demo=True
        )
        return
    access.create_database(path, users, clock=clock, kdf=kdf, populate=populate, demo=True)
