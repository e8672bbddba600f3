"""An administrator manages users: add (tied to a person of the register), close, reopen,
reset, change role; everything logged, nothing allowed for any other role."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from stevnsmoeder.db.keystore import KeyStore, keyfile_path
from stevnsmoeder.db.models import AuditEvent, CustodyHolder, Participation, Person, User
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services import access, meetings
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import AuthError, PermissionDenied, ValidationError
from tests.conftest import CHEAP_KDF, PASSWORD

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]
NON_ADMINS = ("leder", "referent", "deltager", "ppr", "politi")


def _last_event(ctx: ServiceContext) -> tuple[str, str, str]:
    """The newest event other than a re-key (tests/services/test_rekey.py checks those)."""
    with ctx.db.begin() as s:
        e = s.scalars(
            select(AuditEvent)
            .where(AuditEvent.action != "database.rekey")
            .order_by(AuditEvent.seq.desc())
            .limit(1)
        ).one()
        return e.login, e.action, e.detail


def _add_person(ctx: ServiceContext, name: str, organisation: str = "") -> Person:
    with ctx.db.begin() as s:
        person = Person(name=name, organisation=organisation)
        s.add(person)
        s.flush()
        s.expunge(person)
        return person


def test_list_users_has_name_role_state_and_last_login(login: LoginFn) -> None:
    admin = login("admin")
    users = {u.login: u for u in access.list_users(admin)}
    assert set(users) == {"admin", "leder", "referent", "deltager", "ppr", "politi"}
    assert users["admin"].last_login_at is not None and users["ppr"].last_login_at is None
    assert users["ppr"].name == "ppr" and users["ppr"].role is Role.PPR and users["ppr"].active
    data = users["admin"].to_json()
    assert {"login", "name", "role", "active", "last_login"} <= set(data)
    assert data["role"] == "admin" and data["active"] is True


@pytest.mark.file_only
def test_adding_creates_a_person_and_is_logged(login: LoginFn, db_path: Path) -> None:
    admin = login("admin")
    info = access.add_user(
        admin, access.NewUser("Mette", "kodeord-til-mette", Role.LEDER, "Mette Holm"), kdf=CHEAP_KDF
    )
    assert (info.login, info.name, info.role, info.active) == (
        "mette",
        "Mette Holm",
        Role.LEDER,
        True,
    )
    assert _last_event(admin) == ("admin", "user.create", "mette (leder)")
    ctx = access.login(db_path, "mette", "kodeord-til-mette")
    assert ctx.actor.display_name == "Mette Holm"
    ctx.db.close()
    with pytest.raises(ValidationError, match="fulde navn"):
        access.add_user(admin, access.NewUser("x2", "kodeord-x-1234", Role.PPR), kdf=CHEAP_KDF)


def test_finding_a_person_by_name_or_id(login: LoginFn) -> None:
    admin = login("admin")
    anna = _add_person(admin, "Anna Bæk", "Skolen")
    assert access.find_person(admin, "  anna BÆK ").id == anna.id
    assert access.find_person(admin, str(anna.id)).id == anna.id
    twin = _add_person(admin, "anna bæk", "PPR")
    with pytest.raises(ValidationError) as refused:
        access.find_person(admin, "Anna Bæk")
    message = str(refused.value)
    assert "2 personer" in message and str(anna.id) in message and str(twin.id) in message
    assert "id" in message
    assert access.find_person(admin, str(twin.id)).id == twin.id
    with pytest.raises(ValidationError, match="ingen person"):
        access.find_person(admin, "Ingen Sådan")


def test_a_family_member_is_not_a_person_to_tie_a_user_to(demo_login: LoginFn) -> None:
    admin = demo_login("admin")
    with admin.db.begin() as s:
        parent_id = s.scalars(
            select(CustodyHolder.person_id).where(CustodyHolder.person_id.is_not(None)).limit(1)
        ).one()
    with pytest.raises(ValidationError):
        access.find_person(admin, str(parent_id))
    with pytest.raises(ValidationError):
        access.add_user(
            admin,
            access.NewUser("forael", "kodeord-til-testen-1", Role.DELTAGER, person_id=parent_id),
            kdf=CHEAP_KDF,
        )


def test_a_user_tied_to_a_person_sees_the_meetings_that_person_attends(
    demo_login: LoginFn, demo_path: Path
) -> None:
    admin = demo_login("admin")
    with admin.db.begin() as s:
        family = select(CustodyHolder.person_id).where(CustodyHolder.person_id.is_not(None))
        names = select(Person.name).group_by(Person.name).having(func.count() == 1)
        person_id, name = s.execute(
            select(Person.id, Person.name)
            .join(Participation, Participation.person_id == Person.id)
            .where(
                Person.id.not_in(family),
                Person.name.in_(names),
                Person.id.not_in(select(User.person_id).where(User.person_id.is_not(None))),
            )
            .group_by(Person.id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()
        attended = set(
            s.scalars(select(Participation.meeting_id).where(Participation.person_id == person_id))
        )
    assert attended
    person = access.find_person(admin, name.upper())
    assert person.id == person_id
    access.add_user(
        admin,
        access.NewUser(
            "fagperson", "kodeord-til-testen-1", Role.DELTAGER, "X", person_id=person.id
        ),
        kdf=CHEAP_KDF,
    )
    ctx = access.login(demo_path, "fagperson", "kodeord-til-testen-1")
    try:
        assert ctx.actor.display_name == name
        assert {m.id for m in meetings.list_meetings(ctx)} == attended
    finally:
        ctx.db.close()
    with pytest.raises(ValidationError, match="allerede en aktiv bruger"):
        access.add_user(
            admin,
            access.NewUser("igen", "kodeord-til-testen-1", Role.DELTAGER, person_id=person.id),
            kdf=CHEAP_KDF,
        )


@pytest.mark.file_only
def test_close_and_reopen(login: LoginFn, db_path: Path) -> None:
    admin = login("admin")
    access.close_user(admin, "politi")
    assert _last_event(admin) == ("admin", "user.close", "politi")
    assert "politi" not in KeyStore.load(keyfile_path(db_path)).logins()
    assert not {u.login: u for u in access.list_users(admin)}["politi"].active
    with pytest.raises(AuthError):
        access.login(db_path, "politi", PASSWORD)
    with pytest.raises(ValidationError, match="allerede lukket"):
        access.close_user(admin, "politi")
    with pytest.raises(ValidationError, match="genåbn"):
        access.reset_access(admin, "politi", "nyt-kodeord-1")
    access.reopen_user(admin, "politi", "nyt-kodeord-1", kdf=CHEAP_KDF)
    assert _last_event(admin) == ("admin", "user.open", "politi")
    with pytest.raises(ValidationError, match="allerede åben"):
        access.reopen_user(admin, "politi", "nyt-kodeord-2", kdf=CHEAP_KDF)
    access.login(db_path, "politi", "nyt-kodeord-1").db.close()


def test_own_access_and_the_last_admin_stay(login: LoginFn) -> None:
    admin = login("admin")
    with pytest.raises(ValidationError, match="din egen adgang"):
        access.close_user(admin, "ADMIN")
    with pytest.raises(ValidationError, match="sidste aktive administrator"):
        access.set_role(admin, "admin", Role.LEDER)
    access.add_user(
        admin,
        access.NewUser("admin2", "kodeord-til-testen-1", Role.ADMIN, "Anden Admin"),
        kdf=CHEAP_KDF,
    )
    access.set_role(admin, "admin2", Role.PPR)  # another admin may be demoted …
    assert _last_event(admin) == ("admin", "user.role", "admin2: admin -> ppr")
    access.set_role(admin, "admin2", Role.ADMIN)
    access.close_user(admin, "admin2")  # … or closed, while one active admin remains
    with pytest.raises(ValidationError, match="sidste aktive administrator"):
        access.set_role(admin, "admin", Role.LEDER)


@pytest.mark.parametrize("who", NON_ADMINS)
def test_every_other_role_is_refused_and_logged(login: LoginFn, who: str) -> None:
    ctx = login(who)
    calls: list[Callable[[], object]] = [
        lambda: access.list_users(ctx),
        lambda: access.people_for_users(ctx),
        lambda: access.find_person(ctx, "admin"),
        lambda: access.add_user(
            ctx, access.NewUser("hacker", "kodeord-til-testen-1", Role.ADMIN, "H"), kdf=CHEAP_KDF
        ),
        lambda: access.close_user(ctx, "ppr" if who != "ppr" else "leder"),
        lambda: access.reopen_user(ctx, "admin", "kodeord-til-testen-1", kdf=CHEAP_KDF),
        lambda: access.reset_access(ctx, "admin", "kodeord-til-testen-1", kdf=CHEAP_KDF),
        lambda: access.set_role(ctx, who, Role.ADMIN),
        lambda: access.rekey(ctx),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
        assert _last_event(ctx)[:2] == (who, "denied")
    admin = login("admin")
    assert {u.login: u.role for u in access.list_users(admin)}[who] is not Role.ADMIN
    assert "hacker" not in {u.login for u in access.list_users(admin)}


def test_a_closed_user_cannot_log_in_and_a_reopened_one_can(login: LoginFn) -> None:
    """On either engine: closing takes effect at the next login; reopening gives a new
    password, and the old one no longer works."""
    admin = login("admin")
    access.close_user(admin, "politi")
    with pytest.raises(AuthError):
        login("politi")
    access.reopen_user(admin, "politi", "en helt ny og lang adgangskode")
    with pytest.raises(AuthError):
        login("politi")  # the old password
    with admin.db.begin() as s:
        actions = list(s.scalars(select(AuditEvent.action).where(AuditEvent.detail == "politi")))
    assert "user.close" in actions and "user.open" in actions
