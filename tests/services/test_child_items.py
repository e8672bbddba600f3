"""A child on the agenda in one step: a new case with its item, a closed case reopened on the
way, and a consent that comes only from a registered custody holder."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from stevnsmoeder.db.models import AuditEvent, Case, CustodyHolder
from stevnsmoeder.model.cases import ConsentInfo
from stevnsmoeder.services import cases, consent, meetings, planning
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, PermissionDenied, ValidationError
from stevnsmoeder.services.planning import CaseClosed, ConflictError

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


def _meeting(ctx: ServiceContext) -> meetings.MeetingSummary:
    return meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2026, 12, 1, 13), district="privat")
    )


def _actions(ctx: ServiceContext, n: int) -> list[tuple[str, object]]:
    with ctx.db.begin() as s:
        rows = s.execute(
            select(AuditEvent.action, AuditEvent.case_id).order_by(AuditEvent.seq.desc()).limit(n)
        ).all()
        return [(a, c) for a, c in reversed(rows)]


def _case_count(ctx: ServiceContext) -> int:
    with ctx.db.begin() as s:
        return s.scalar(select(func.count()).select_from(Case)) or 0


def test_a_new_case_and_its_item_are_one_step(login: LoginFn) -> None:
    ctx = login("referent")
    m = _meeting(ctx)
    plan = planning.get_plan(ctx, m.id)
    added = planning.add_child_item(
        ctx, m.id, plan.revision, title="Uro i frikvartererne", minutes=15,
        new_case=cases.NewCase(anonymous=True, pseudonym="Dreng, 7 år", district="privat"),
    )  # fmt: skip
    assert (
        added.case.display_name == "Dreng, 7 år" and added.case.district == "Det Private distrikt"
    )
    item = next(i for i in added.plan.items if i.case_id == added.case.id)
    assert (item.title, item.time_box_minutes) == ("Uro i frikvartererne", 15)
    assert [a for a, _ in _actions(ctx, 2)] == ["case.create", "agenda.add"]

    # A refusal leaves nothing behind: no case without its item.
    before = _case_count(ctx)
    with pytest.raises(ConflictError):
        planning.add_child_item(
            ctx, m.id, plan.revision, title="Fravær", minutes=20,
            new_case=cases.NewCase(first_name="Ida", last_name="Lund"),
        )  # fmt: skip
    with pytest.raises(ValidationError, match="CPR"):
        planning.add_child_item(
            ctx, m.id, added.plan.revision, title="Fravær", minutes=20,
            new_case=cases.NewCase(first_name="Ida", cpr="3213"),
        )  # fmt: skip
    with pytest.raises(ValidationError, match="titel"):
        planning.add_child_item(
            ctx, m.id, added.plan.revision, title="x" * 201, minutes=20,
            new_case=cases.NewCase(first_name="Ida"),
        )  # fmt: skip
    assert _case_count(ctx) == before
    assert planning.get_plan(ctx, m.id).revision == added.plan.revision

    with pytest.raises(ValidationError, match="Vælg et barn"):
        planning.add_child_item(ctx, m.id, added.plan.revision, title="Fravær", minutes=20)


def test_a_closed_case_is_shown_closed_and_reopened_only_when_asked(login: LoginFn) -> None:
    ctx = login("leder")
    m = _meeting(ctx)
    child = cases.create_case(ctx, cases.NewCase(first_name="Bo", last_name="Berg")).case
    assert not child.closed
    cases.close_case(ctx, child.id, date(2026, 6, 30))
    assert _actions(ctx, 1) == [("case.close", child.id)]
    shown = cases.get_case(ctx, child.id)
    assert shown.closed and shown.closed_on == date(2026, 6, 30)
    assert next(c for c in cases.list_cases(ctx) if c.id == child.id).closed_on == date(2026, 6, 30)
    assert shown.to_json()["closed_on"] == "2026-06-30"

    revision = planning.get_plan(ctx, m.id).revision
    with pytest.raises(CaseClosed) as refused:
        planning.add_child_item(ctx, m.id, revision, title="Fravær", minutes=20, case_id=child.id)
    assert refused.value.closed_on == date(2026, 6, 30)
    assert "blev lukket tirsdag den 30. juni 2026" in str(refused.value)
    with pytest.raises(CaseClosed):  # the plain way onto an agenda holds to the same rule
        planning.add_item(ctx, m.id, revision, title="Fravær", minutes=20,
                          kind=planning.AgendaItemKind.CASE, case_id=child.id)  # fmt: skip
    assert cases.get_case(ctx, child.id).closed

    added = planning.add_child_item(
        ctx, m.id, revision, title="Fravær", minutes=20, case_id=child.id, reopen=True
    )
    assert added.reopened and not added.case.closed
    assert any(i.case_id == child.id for i in added.plan.items)
    assert _actions(ctx, 2) == [("case.reopen", child.id), ("agenda.add", child.id)]
    with ctx.db.begin() as s:
        reopen = s.scalars(select(AuditEvent).where(AuditEvent.action == "case.reopen")).one()
        assert reopen.case_id == child.id and reopen.detail == "closed 2026-06-30"
    assert not cases.get_case(ctx, child.id).closed


def test_closing_and_reopening_a_case(login: LoginFn) -> None:
    ctx = login("referent")
    child = cases.create_case(ctx, cases.NewCase(first_name="Bo")).case
    with pytest.raises(ValidationError, match="åben"):
        cases.reopen_case(ctx, child.id)
    with pytest.raises(ValidationError, match="fremtiden"):
        cases.close_case(ctx, child.id, date(2027, 1, 1))
    cases.close_case(ctx, child.id)
    assert cases.get_case(ctx, child.id).closed_on == ctx.today()
    with pytest.raises(ValidationError, match="allerede lukket"):
        cases.close_case(ctx, child.id)
    reopened = cases.reopen_case(ctx, child.id)
    assert reopened.closed_on is None
    assert ("case.reopen", child.id) in _actions(ctx, 3)
    for who in ("deltager", "ppr"):
        with pytest.raises(PermissionDenied):
            cases.reopen_case(login(who), child.id)


def test_a_consent_comes_from_a_registered_custody_holder(login: LoginFn) -> None:
    ctx = login("leder")
    child = cases.create_case(
        ctx, cases.NewCase(first_name="Asta", last_name="Holm",
                           custody_holders=(("Karen Holm", "mor"),)),
    ).case  # fmt: skip
    (karen,) = consent.custody_holders(ctx, child.id)
    assert (karen.name, karen.relation, karen.label) == ("Karen Holm", "mor", "Karen Holm (mor)")
    assert _actions(ctx, 1) == [("custody_holder.list", child.id)]

    def give(**kw: object) -> ConsentInfo:
        args: dict[str, object] = dict(
            holder_name="", holder_relation="", scope="Trivsel", recipients="Skole og PPR",
            given_on=date(2026, 11, 1), expires_on=None, meeting_types=("district",),
        )  # fmt: skip
        args.update(kw)
        return consent.record_consent(ctx, child.id, consent.NewConsent(**args))  # type: ignore[arg-type]

    # A name typed a little differently is not a new custody holder.
    with pytest.raises(ValidationError, match="registrér forældremyndighedsindehaveren først"):
        give(holder_name="Karin Holm", holder_relation="mor")
    with ctx.db.begin() as s:
        assert s.scalar(select(func.count()).select_from(CustodyHolder)) == 1
    assert give(holder_id=karen.id).holder == "Karen Holm"
    assert give(holder_name=" karen  holm ").holder == "Karen Holm"  # the same name, loosely

    # Registering one is a step of its own, logged against the child.
    jens = consent.add_custody_holder(ctx, child.id, " Jens  Holm ", "far")
    assert (jens.name, jens.relation) == ("Jens Holm", "far")
    assert _actions(ctx, 1) == [("custody_holder.create", child.id)]
    assert [h.name for h in consent.custody_holders(ctx, child.id)] == ["Karen Holm", "Jens Holm"]
    assert give(holder_id=jens.id).holder == "Jens Holm"
    with pytest.raises(ValidationError, match="allerede registreret"):
        consent.add_custody_holder(ctx, child.id, "jens holm", "far")
    with pytest.raises(ValidationError, match="navn"):
        consent.add_custody_holder(ctx, child.id, "  ", "far")
    with pytest.raises(ValidationError, match="højst være på 200 tegn"):
        consent.add_custody_holder(ctx, child.id, "x" * 201, "far")

    other = cases.create_case(ctx, cases.NewCase(first_name="Bo")).case
    with pytest.raises(ValidationError, match="registrér"):  # another child's holder
        consent.record_consent(
            ctx, other.id,
            consent.NewConsent("", "", "Trivsel", "Skole", date(2026, 11, 1), None,
                               ("district",), holder_id=jens.id),
        )  # fmt: skip
    anonymous = cases.create_case(ctx, cases.NewCase(anonymous=True, pseudonym="Pige, 9")).case
    with pytest.raises(ValidationError, match="anonym"):
        consent.add_custody_holder(ctx, anonymous.id, "Mor", "mor")
    with pytest.raises(PermissionDenied):
        consent.add_custody_holder(login("deltager"), child.id, "Mor", "mor")
    with pytest.raises(PermissionDenied):
        consent.custody_holders(login("admin"), child.id)
    with pytest.raises(NotFound):
        consent.custody_holders(ctx, uuid.UUID(int=0))
