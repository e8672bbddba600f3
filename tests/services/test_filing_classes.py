"""The KLE classification documents are filed under, as the administrator changes it: the
three kinds in order, their form checked with a Danish answer, every change logged with what
it was and became, and the moment filing began to be tracked kept through a change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from stevnsmoeder.db.models import AuditEvent, FilingClass
from stevnsmoeder.services import filing, filing_state
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import PermissionDenied, ValidationError

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


def _logged(ctx: ServiceContext, action: str) -> list[str]:
    with ctx.db.begin() as s:
        return list(
            s.scalars(
                select(AuditEvent.detail)
                .where(AuditEvent.action == action)
                .order_by(AuditEvent.seq)
            )
        )


def test_the_three_kinds_in_order_with_their_defaults(login: LoginFn) -> None:
    admin = login("admin")
    assert filing.filing_classes(admin) == [
        filing.FilingClassInfo("minutes", "00.01.10", "P35", "Fortrolig"),
        filing.FilingClassInfo("extract", "27.24.00", "G01", "Fortrolig"),
        filing.FilingClassInfo("case_history", "27.24.00", "G01", "Fortrolig"),
    ]
    assert filing.may_edit_classes(admin)
    assert not filing.may_edit_classes(login("referent"))


def test_a_change_is_kept_as_written_and_logged_with_what_it_was(login: LoginFn) -> None:
    admin = login("admin")
    changed = filing.set_filing_class(admin, "minutes", " 00.01.12 ", " p35", " Intern ")
    assert changed == filing.FilingClassInfo("minutes", "00.01.12", "P35", "Intern")
    assert filing.filing_classes(admin)[0] == changed
    assert _logged(admin, "filing.class") == [
        "minutes: 00.01.10 P35 Fortrolig -> 00.01.12 P35 Intern"
    ]
    # The same values again change nothing and log nothing.
    filing.set_filing_class(admin, "minutes", "00.01.12", "P35", "Intern")
    assert len(_logged(admin, "filing.class")) == 1
    filing.set_filing_class(admin, "minutes", "00.01.12", "P35", "")
    assert _logged(admin, "filing.class")[-1] == "minutes: 00.01.12 P35 Intern -> 00.01.12 P35"


@pytest.mark.parametrize(
    ("kle", "facet", "access", "message"),
    [
        ("", "P35", "", "Skriv KLE-nummeret, fx 27.24.00."),
        ("27.24", "P35", "", "»27.24« er ikke et KLE-nummer: det skrives som tre par cifre"),
        ("27-24-00", "P35", "", "»27-24-00« er ikke et KLE-nummer"),
        ("27.24.00.01", "P35", "", "»27.24.00.01« er ikke et KLE-nummer"),
        ("27.24.00", "", "", "Skriv handlingsfacetten, fx G01."),
        ("27.24.00", "GG1", "", "»GG1« er ikke en handlingsfacet: den er et bogstav og to cifre"),
        ("27.24.00", "G1", "", "»G1« er ikke en handlingsfacet"),
        ("27.24.00", "G001", "", "»G001« er ikke en handlingsfacet"),
        ("27.24.00", "G01", "x" * 81, "Adgangskoden (ESDH) er højst 80 tegn."),
    ],
)
def test_a_wrong_form_is_refused_in_danish(
    login: LoginFn, kle: str, facet: str, access: str, message: str
) -> None:
    admin = login("admin")
    with pytest.raises(ValidationError) as refused:
        filing.set_filing_class(admin, "extract", kle, facet, access)
    assert str(refused.value).startswith(message)
    assert filing.filing_classes(admin)[1].kle_number == "27.24.00"
    assert _logged(admin, "filing.class") == []


def test_an_unknown_kind_and_a_role_without_the_right_are_refused(login: LoginFn) -> None:
    admin = login("admin")
    with pytest.raises(ValidationError, match=r"Ukendt dokumenttype: agenda\. Kendte: minutes"):
        filing.set_filing_class(admin, "agenda", "00.01.10", "P35", "")
    for role in ("referent", "leder"):
        with pytest.raises(PermissionDenied):
            filing.set_filing_class(login(role), "minutes", "00.01.12", "P35", "")
    assert filing.filing_classes(admin)[0].kle_number == "00.01.10"


def test_a_kind_removed_by_hand_comes_back_tracked_from_the_same_moment(login: LoginFn) -> None:
    admin = login("admin")
    since = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    with admin.db.begin() as s:
        s.execute(update(FilingClass).values(tracked_from=since))
        s.execute(delete(FilingClass).where(FilingClass.kind == "case_history"))
    assert [c.kind for c in filing.filing_classes(admin)] == ["minutes", "extract"]
    filing.set_filing_class(admin, "case_history", "27.24.00", "G01", "Fortrolig")
    assert [c.kind for c in filing.filing_classes(admin)] == ["minutes", "extract", "case_history"]
    assert _logged(admin, "filing.class") == ["case_history: - -> 27.24.00 G01 Fortrolig"]
    with admin.db.begin() as s:
        assert set(s.scalars(select(FilingClass.tracked_from))) == {since}
        assert filing_state.tracked_from(s) == since


def test_the_filing_folder_is_set_by_the_administrator_too(login: LoginFn, tmp_path: Path) -> None:
    admin = login("admin")
    filing.set_filing_folder(admin, tmp_path)
    assert filing.filing_folder(login("referent")) == tmp_path
    with pytest.raises(ValidationError, match="fulde sti"):
        filing.set_filing_folder(admin, Path("relativ/mappe"))
    filing.set_filing_folder(admin, None)
    assert filing.filing_folder(admin) is None
    assert len(_logged(admin, "filing.folder")) == 2
