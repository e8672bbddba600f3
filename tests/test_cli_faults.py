"""Faults that used to end in "Uventet fejl" or worse: each gives one clear Danish line, and
nothing is lost or left half-made."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from stevnsmoeder.cli import EXIT_UNEXPECTED, main
from stevnsmoeder.db.engine import NestedUnitOfWork
from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services import access, documents
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.documents import AGENDA, EXTRACT, MINUTES, RUNSHEET
from stevnsmoeder.services.errors import PermissionDenied
from tests.conftest import PASSWORD
from tests.services.test_case_history import Story, _story

LoginFn = Callable[[str], ServiceContext]
ROLES = ("admin", "leder", "referent", "deltager", "ppr", "politi")


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("stevnsmoeder: fejl: ") and "Traceback" not in err
    assert "Uventet fejl" not in err
    return lines[0]


def _denials(ctx: ServiceContext) -> list[str]:
    with ctx.db.begin() as s:
        return list(s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "denied")))


@pytest.fixture
def story(login: LoginFn) -> Story:
    return _story(login("leder"))


@pytest.mark.parametrize("role", ROLES)
def test_documents_refused_inside_a_unit_of_work_are_refused_cleanly_and_logged(  # type: ignore[no-untyped-def]
    role: str, story: Story, login: LoginFn, db_path: Path, monkeypatch, capsys
) -> None:
    """A refusal found half-way through building a document (the administrator and a
    child's extract) was logged on the connection of the open unit of work and ended the
    command with "Uventet fejl (OperationalError)"."""
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    for opened in login.opened:  # type: ignore[attr-defined]
        opened.db.close()
    refusals = 0
    for kind in (AGENDA, MINUTES, RUNSHEET, EXTRACT):
        for meeting in (story.district, story.ssp):
            argv = ["pdf", kind, str(meeting.id), "--db", str(db_path), "--user", role]
            argv += ["-o", str(db_path.parent / f"{kind}.pdf")]
            if kind == EXTRACT:
                argv += ["--case", str(story.asta.id)]
            code = main(argv)
            _out, err = capsys.readouterr()
            assert code != EXIT_UNEXPECTED, err
            if code:
                _one_line(err)
                refusals += 1
    if role == "admin":
        assert refusals, "the administrator read a child's extract"
    ctx = access.login(db_path, role, PASSWORD)
    try:
        before = len(_denials(ctx))
        if role == "admin":
            with pytest.raises(PermissionDenied):
                documents.render(ctx, story.district.id, EXTRACT, case_id=story.asta.id)
            assert len(_denials(ctx)) == before + 1  # logged, after the unit of work ended
    finally:
        ctx.db.close()


def test_units_of_work_do_not_nest(login: LoginFn) -> None:
    ctx = login("leder")
    with ctx.db.begin(), pytest.raises(NestedUnitOfWork), ctx.db.begin():
        pass
    with ctx.db.begin() as s:  # and the database goes on working
        assert s.scalar(select(AuditEvent.id).limit(1)) is not None
