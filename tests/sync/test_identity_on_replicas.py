"""A child the police may not know travels to their laptop as an anonymous discussion — no
name, CPR number, birth date, school or case number — and follows the server's rule when it
changes: named on a § 115 basis, the child arrives; back to an anonymous discussion, the
name leaves the laptop again, though the case's own row never changed."""

from __future__ import annotations

from sqlalchemy import select

from stevnsmoeder.db.models import Case
from stevnsmoeder.model.enums import AgendaItemKind, LegalBasisKind, MeetingStatus
from stevnsmoeder.services import planning, sync_client
from stevnsmoeder.services.demo import DEMO_PASSWORD
from tests.sync.conftest import Running
from tests.sync.test_replicas import _window


def _case_row(ctx: object, case_id: object) -> Case | None:
    with ctx.db.begin() as s:  # type: ignore[attr-defined]
        return s.get(Case, case_id)


def test_the_polices_laptop_follows_who_the_child_is(running: Running) -> None:
    leder = running.on_server("leder")
    ssp = next(
        m for m in _window(leder) if m.type_code == "ssp" and m.status is MeetingStatus.PLANNED
    )
    with leder.db.begin() as s:
        child = s.scalars(
            select(Case).where(Case.anonymous.is_(False), Case.closed_on.is_(None))
        ).first()
        assert child is not None
        case_id, name = child.id, child.first_name
    plan = planning.get_plan(leder, ssp.id)
    plan = planning.add_item(
        leder, ssp.id, plan.revision, title="Bekymring", minutes=10,
        kind=AgendaItemKind.CASE, case_id=case_id,
    )  # fmt: skip
    item = next(i for i in plan.items if i.case_id == case_id)
    plan = planning.set_legal_basis(leder, ssp.id, plan.revision, item.id, LegalBasisKind.ANONYMOUS)

    police = running.replica(running.connect("politi"), "politi")
    row = _case_row(police, case_id)
    assert row is not None and row.anonymous
    assert (row.first_name, row.last_name, row.cpr, row.birth_date) == (None, None, None, None)
    assert row.reference.startswith("A-") and name not in row.pseudonym

    planning.set_legal_basis(leder, ssp.id, plan.revision, item.id, LegalBasisKind.RPL115)
    sync_client.sync(police, DEMO_PASSWORD)
    row = _case_row(police, case_id)
    assert row is not None and row.first_name == name and not row.anonymous

    plan = planning.get_plan(leder, ssp.id)
    planning.set_legal_basis(leder, ssp.id, plan.revision, item.id, LegalBasisKind.ANONYMOUS)
    sync_client.sync(police, DEMO_PASSWORD)
    row = _case_row(police, case_id)
    assert row is not None and row.first_name is None and row.anonymous
