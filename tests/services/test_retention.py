"""Retention: closed cases past the period are deleted or pseudonymised, the search index and
the approved minutes forget them, and every purge is logged without personal data."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, text

from stevnsmoeder.cli import main
from stevnsmoeder.db.models import (
    ActionDraft,
    AgendaItem,
    AuditEvent,
    Case,
    CustodyHolder,
    MinutesVersion,
)
from stevnsmoeder.services import minutes, retention, search
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import PermissionDenied, ValidationError
from tests.conftest import PASSWORD
from tests.services.test_case_history import Story, _story

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture
def story(login: LoginFn) -> Story:
    leder = login("leder")
    s = _story(leder)
    minutes.approve(leder, s.district.id)  # Asta's and Bo's items in approved minutes
    with leder.db.begin() as db:
        db.execute(
            text("UPDATE child_case SET closed_on = '2019-06-30' WHERE reference = :r"),
            {"r": s.asta.reference},
        )
    return s


def _dump(ctx: ServiceContext) -> str:
    with ctx.db.begin() as s:
        return json.dumps(
            [v.content for v in s.scalars(select(MinutesVersion))], ensure_ascii=False
        )


def test_dry_run_lists_without_touching(login: LoginFn, story: Story) -> None:
    admin = login("admin")
    report = retention.purge(admin, dry_run=True)
    assert [(c.reference, c.items) for c in report.candidates] == [("S-2026-0001", 4)]
    assert not report.done
    assert len(search.search(login("ppr"), "ødegård").hits) == 4


def test_purge_deletes_the_child_everywhere(login: LoginFn, story: Story) -> None:
    admin = login("admin")
    report = retention.purge(admin, dry_run=False)
    assert report.done and report.policy.mode == "delete"
    ppr = login("ppr")
    for word in ("ødegård", "frikvarteret", "søvnen", "hærværk"):
        assert search.search(ppr, word).hits == (), word
    assert search.search(ppr, "fravær").hits  # Bo's item is still there
    assert search.index_state(login("leder")).in_step
    with admin.db.begin() as s:
        assert s.scalar(select(Case).where(Case.reference == "S-2026-0001")) is None
        assert s.scalar(select(CustodyHolder).where(CustodyHolder.name == "Åse Ødegård")) is None
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "retention.delete")).one()
    assert "Asta" not in event.detail and event.case_id == story.asta.id
    approved = _dump(admin)
    assert "frikvarteret" not in approved and "Asta" not in approved
    assert "Bo har meget fravær." in approved and "approved_checksum" in approved
    assert minutes.verify(login("leder"), story.district.id)
    assert retention.purge(admin, dry_run=True).candidates == ()


def test_purge_can_pseudonymise_instead(login: LoginFn, story: Story) -> None:
    admin = login("admin")
    retention.set_policy(admin, 5, "pseudonymise")
    retention.purge(admin, dry_run=False)
    ppr = login("ppr")
    assert search.search(ppr, "ødegård").hits == () and search.search(ppr, "asta").hits == ()
    hits = search.search(ppr, "frikvarteret").hits  # the course of the case is kept …
    assert [h.plain_snippet for h in hits] == ["A.Ø. trækker sig i [frikvarteret]."]  # … nameless
    with admin.db.begin() as s:
        case = s.scalar(select(Case).where(Case.id == story.asta.id))
        assert case is not None and case.anonymous and case.first_name is None and case.cpr is None
        assert case.reference == "X-2026-0001"
        assert s.scalar(select(CustodyHolder).where(CustodyHolder.case_id == case.id)) is None
    assert "Åse" not in _dump(admin)
    assert "Ødegård" not in _dump(admin)
    assert retention.purge(admin, dry_run=True).candidates == ()  # not purged twice


def test_only_the_administrator_sets_and_purges(login: LoginFn, story: Story) -> None:
    for role in ("leder", "referent", "ppr", "politi", "deltager"):
        with pytest.raises(PermissionDenied):
            retention.purge(login(role), dry_run=True)
    with pytest.raises(ValidationError):
        retention.set_policy(login("admin"), 0, "delete")


@pytest.mark.file_only
def test_purge_commands(
    story: Story, db_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    admin = ["--db", str(db_path), "--user", "admin"]
    assert main(["retention", "--years", "3", *admin]) == 0
    assert "3 år" in capsys.readouterr().out
    assert main(["purge", "--dry-run", *admin]) == 0
    out = capsys.readouterr().out
    assert "S-2026-0001" in out and "ville blive" in out
    assert main(["purge", *admin]) == 0
    assert "1 sag ryddet (sletning)" in capsys.readouterr().out


@pytest.mark.parametrize("mode", ["delete", "pseudonymise"])
def test_purge_takes_actions_typed_but_not_added(login: LoginFn, story: Story, mode: str) -> None:
    """A draft is no record: it is not kept nameless, it goes with the child's items."""
    admin = login("admin")
    with admin.db.begin() as s:
        items = list(s.scalars(select(AgendaItem.id).where(AgendaItem.case_id == story.asta.id)))
        s.add_all(
            ActionDraft(agenda_item_id=i, text="Ringe til Åse Ødegård", owner_text="Asta")
            for i in items
        )
    assert items
    retention.set_policy(admin, 5, mode)
    retention.purge(admin, dry_run=False)
    with admin.db.begin() as s:
        assert s.scalars(select(ActionDraft)).all() == []
