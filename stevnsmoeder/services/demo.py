"""The fictitious demo database: reference data, N years of meetings and the demo users.

Every demo user has the password ``demo``. Nothing in it is about real people.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from stevnsmoeder.db.base import utcnow
from stevnsmoeder.db.keystore import DEFAULT_KDF, KdfParams
from stevnsmoeder.db.models import Role
from stevnsmoeder.services import access
from stevnsmoeder.services.context import LOCAL_TZ, Clock

DEMO_PASSWORD = "demo"
DEMO_USERS = (
    ("leder", Role.LEDER, "mødeleder"),
    ("referent", Role.REFERENT, "referent"),
    ("ppr", Role.PPR, "PPR, læseadgang"),
    ("politi", Role.POLITI, "politi i SSP"),
    ("admin", Role.ADMIN, "administrator"),
)


def create_demo_database(
    path: Path,
    *,
    years: int = 2,
    seed: int = 1,
    today: date | None = None,
    clock: Clock = utcnow,
    kdf: KdfParams = DEFAULT_KDF,
) -> None:
    """Create the demo database at ``path`` (which must not exist yet)."""
    from stevnsmoeder.services import demo_data as generator  # large: loaded when needed

    if years < 1 or years > 30:
        raise ValueError("years must be 1-30")
    day = today or clock().astimezone(LOCAL_TZ).date()
    access.create_database(
        path,
        [access.NewUser(login, DEMO_PASSWORD, role) for login, role, _label in DEMO_USERS],
        clock=clock,
        kdf=kdf,
        populate=partial(generator.populate, years=years, seed=seed, today=day),
        demo=True,
    )
