"""Need-to-know, enforced in the services: every role against every kind of entry point.

Each cell is "allowed" or "refused"; a refusal raises PermissionDenied (the role may never do
this) or NotFound (the role may, but not on this: a meeting it does not take part in, a case
it never met) — and a PermissionDenied is written to the access log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from stevnsmoeder.cli import main
from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services import (
    access,
    access_log,
    backup,
    case_history,
    cases,
    consent,
    documents,
    meetings,
    minutes,
    planning,
    search,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, NotOnThisDatabase, PermissionDenied
from tests.conftest import PASSWORD
from tests.services.test_case_history import Story, _story

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]
ROLES = ("admin", "leder", "referent", "deltager", "ppr", "politi")

Op = Callable[[ServiceContext, Story], Any]
OPS: dict[str, tuple[Op, set[str]]] = {
    "list meetings": (lambda c, s: meetings.list_meetings(c), set(ROLES)),
    "open a district meeting": (
        lambda c, s: planning.get_plan(c, s.district.id),
        {"admin", "leder", "referent", "ppr"},
    ),
    "open an SSP meeting": (
        lambda c, s: planning.get_plan(c, s.ssp.id),
        {"admin", "leder", "referent", "ppr", "politi"},
    ),
    "read district minutes": (
        lambda c, s: minutes.get_minutes(c, s.district.id),
        {"admin", "leder", "referent", "ppr"},
    ),
    "plan a meeting": (
        lambda c, s: meetings.create_meeting(
            c, meetings.NewMeeting("ssp", datetime(2026, 12, 3, 14))
        ),
        {"leder", "referent"},
    ),
    "write minutes": (
        lambda c, s: minutes.save_text(
            c, planning.get_plan(c, s.district.id).items[-1].id, "notes", "x"
        ),
        {"leder", "referent"},
    ),
    "approve minutes": (lambda c, s: minutes.approve(c, s.district.id), {"leder", "referent"}),
    # (after the approval above, for the roles that may approve)
    "add an addendum": (
        lambda c, s: minutes.add_addendum(
            c, s.district.id, "x", planning.get_plan(c, s.district.id).items[-1].id
        ),
        {"leder", "referent"},
    ),
    "read the minutes' versions": (
        lambda c, s: minutes.versions(c, s.district.id),
        {"admin", "leder", "referent", "ppr"},
    ),
    "list cases": (
        lambda c, s: cases.list_cases(c),
        {"leder", "referent", "deltager", "ppr", "politi"},
    ),
    "create a case": (
        lambda c, s: cases.create_case(c, cases.NewCase(first_name="Ny")),
        {"leder", "referent"},
    ),
    "record consent": (
        lambda c, s: consent.record_consent(
            c,
            s.other.id,
            consent.NewConsent(
                "Bent Berg", "far", "x", "y", date(2026, 11, 1), None, ("district",)
            ),
        ),
        {"leder", "referent"},
    ),
    "open a case history": (
        lambda c, s: case_history.case_history(c, s.asta.id),
        {"leder", "referent", "ppr", "politi"},
    ),
    "search": (
        lambda c, s: search.search(c, "ødegård"),
        {"leder", "referent", "deltager", "ppr", "politi"},
    ),
    "print the agenda": (
        lambda c, s: documents.meeting_document(c, s.district.id, documents.AGENDA),
        {"admin", "leder", "referent", "ppr"},
    ),
    "print a case history": (
        lambda c, s: documents.case_document(c, s.asta.id),
        {"leder", "referent", "ppr", "politi"},
    ),
    "see users": (lambda c, s: access.list_users(c), {"admin"}),
    "read the access log": (lambda c, s: access_log.entries(c), {"admin"}),
    "make a backup": (lambda c, s: backup.backup(c), {"admin", "leder", "referent"}),
    "rebuild the search index": (
        lambda c, s: search.rebuild_index(c),
        {"admin", "leder", "referent"},
    ),
}


@pytest.fixture
def story(login: LoginFn) -> Story:
    return _story(login("leder"))


def _denials(ctx: ServiceContext) -> int:
    with ctx.db.begin() as s:
        return s.scalar(select(func.count()).where(AuditEvent.action == "denied")) or 0


@pytest.mark.parametrize("role", ROLES)
def test_every_role_against_every_entry_point(login: LoginFn, story: Story, role: str) -> None:
    ctx = login(role)
    results = {}
    for name, (op, allowed_roles) in OPS.items():
        denials = _denials(ctx)
        try:
            op(ctx, story)
        except PermissionDenied:
            results[name] = "refused"
            assert _denials(ctx) == denials + 1, f"{role}: {name} refused but not logged"
        except NotFound:
            results[name] = "refused"
        except NotOnThisDatabase:  # a server's backups are PostgreSQL's: allowed, not done here
            assert ctx.db.dialect == "postgresql", name
            results[name] = "allowed"
        else:
            results[name] = "allowed"
        expected = "allowed" if role in allowed_roles else "refused"
        assert results[name] == expected, f"{role}: {name}"


@pytest.mark.parametrize(
    ("role", "argv", "code"),
    [
        ("admin", ["cases"], 1),
        ("politi", ["cases"], 0),
        ("ppr", ["audit", "verify"], 1),
        ("admin", ["audit", "verify"], 0),
        ("ppr", ["backup"], 1),
        ("deltager", ["search", "skole"], 0),
        ("admin", ["search", "skole"], 1),
        ("referent", ["reindex"], 0),
        ("politi", ["reindex"], 1),
    ],
)
def test_the_command_line_enforces_the_same(
    db_path: object, monkeypatch: pytest.MonkeyPatch, role: str, argv: list[str], code: int
) -> None:
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    assert main([*argv, "--db", str(db_path), "--user", role]) == code


def test_the_administrator_sees_meetings_but_no_child(login: LoginFn, story: Story) -> None:
    admin = login("admin")
    plan = planning.get_plan(admin, story.district.id)
    assert plan.items and all(i.case_id is None for i in plan.items)
    notes = minutes.get_minutes(admin, story.district.id)
    assert "Asta trækker sig i frikvarteret." not in repr(notes)
    agenda = documents.meeting_document(admin, story.district.id, documents.AGENDA)
    assert "Asta" not in repr(agenda) and "Bo Berg" not in repr(agenda)


# -- anonym drøftelse: who may know the child ------------------------------------------------

# How each role sees Karla, a named child discussed anonymously at an SSP meeting (the police
# take part) and at a district meeting (the participant takes part), and by name at a district
# meeting without them: "named", "anonymous" (as "anonym drøftelse", nothing that tells who she
# is), or "refused".
ANONYMOUS_MATRIX = {
    "admin": "refused",
    "leder": "named",
    "referent": "named",
    "ppr": "named",
    "deltager": "anonymous",
    "politi": "anonymous",
}


@pytest.mark.parametrize("role", ROLES)
def test_every_role_against_an_anonymous_discussion(login: LoginFn, role: str) -> None:
    from tests.services.test_anonymous_discussion import build_anon, leaks

    anon = build_anon(login)
    ctx = login(role)
    seen: dict[str, str] = {}

    def shown(name: str, value: object, display: str | None) -> None:
        if display == "Karla Kjær":
            seen[name] = "named"
        else:
            assert display == "anonym drøftelse", (name, display)
            assert leaks(repr(value), anon.karla.reference) == [], name
            seen[name] = "anonymous"

    entry_points: dict[str, Callable[[], tuple[object, str]]] = {
        "list cases": lambda: (
            found := [c for c in cases.list_cases(ctx) if c.id == anon.karla.id],
            found[0].display_name,
        ),
        "open the case": lambda: (
            c := cases.get_case(ctx, anon.karla.id),
            c.display_name,
        ),
        "case history": lambda: (
            h := case_history.case_history(ctx, anon.karla.id),
            h.case.display_name,
        ),
        "case history PDF": lambda: (
            d := documents.case_document(ctx, anon.karla.id),
            d.child,
        ),
    }
    for name, call in entry_points.items():
        try:
            value, display = call()
        except (PermissionDenied, NotFound):
            seen[name] = "refused"
            continue
        shown(name, value, display)
    assert set(seen.values()) == {ANONYMOUS_MATRIX[role]}, seen
    # The agenda of each meeting the role may open: the item never names her.
    for meeting in (anon.ssp, anon.district):
        try:
            plan = planning.get_plan(ctx, meeting.id)
        except NotFound:
            continue
        for item in plan.items:
            if item.kind is planning.AgendaItemKind.CASE:
                assert item.shown_anonymously
                if ANONYMOUS_MATRIX[role] != "named":
                    assert item.case_name == "anonym drøftelse" and item.case_id is None
