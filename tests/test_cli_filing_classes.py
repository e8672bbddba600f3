"""``stevnsmoeder filing-classes`` (the KLE classification documents are filed under) and
``filing-classes set``, on the encrypted file and with ``--db postgresql+psycopg://…``."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from stevnsmoeder import cli
from stevnsmoeder.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from stevnsmoeder.services import filing
from stevnsmoeder.services.context import ServiceContext
from tests.conftest import PASSWORD
from tests.test_cli_filing import _run

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture
def db(engine: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """What --db says: the test's database file, or its PostgreSQL URL."""
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    monkeypatch.delenv("STEVNSMOEDER_USER", raising=False)
    if engine == "postgresql":
        return str(request.getfixturevalue("pg_url"))
    return str(request.getfixturevalue("db_path"))


def test_the_kinds_are_the_services() -> None:
    assert cli.FILING_KINDS == filing.KINDS


def test_list_and_change_the_classification(
    login: LoginFn, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    login("admin")  # the database exists
    as_admin = ("--db", db, "--user", "admin")

    code, out, err = _run(capsys, "filing-classes", *as_admin)
    assert (code, err) == (EXIT_OK, "")
    assert [line.split() for line in out.strip().splitlines()] == [
        ["Dokument", "KLE-nummer", "Handlingsfacet", "Adgangskode"],
        ["Referat", "00.01.10", "P35", "Fortrolig"],
        ["Udskrift", "af", "referat", "27.24.00", "G01", "Fortrolig"],
        ["Sagsforløb", "27.24.00", "G01", "Fortrolig"],
    ]

    code, out, err = _run(
        capsys, "filing-classes", "set", "extract", "--kle", "27.24.04", "--facet", "g01",
        "--access-code", "Følsom", "--json", *as_admin,
    )  # fmt: skip
    assert (code, err) == (EXIT_OK, "")
    assert json.loads(out) == {
        "document": "extract",
        "kle_number": "27.24.04",
        "handling_facet": "G01",
        "access_code": "Følsom",
    }
    # Without --access-code the access code stays.
    code, out, err = _run(
        capsys, "filing-classes", "set", "extract", "--kle", "27.24.05", "--facet", "G01",
        *as_admin,
    )  # fmt: skip
    assert (code, err) == (EXIT_OK, "")
    assert out.strip().splitlines()[-1].split() == [
        "Udskrift", "af", "referat", "27.24.05", "G01", "Følsom",
    ]  # fmt: skip

    code, out, err = _run(capsys, "filing-classes", "--json", "--db", db, "--user", "referent")
    assert (code, err) == (EXIT_OK, "")
    assert [(c["document"], c["kle_number"], c["access_code"]) for c in json.loads(out)] == [
        ("minutes", "00.01.10", "Fortrolig"),
        ("extract", "27.24.05", "Følsom"),
        ("case_history", "27.24.00", "Fortrolig"),
    ]

    code, out, err = _run(capsys, "audit", "--json", *as_admin)
    assert code == EXIT_OK
    changes = [e["detail"] for e in json.loads(out) if e["action"] == "filing.class"]
    assert sorted(changes) == [
        "extract: 27.24.00 G01 Fortrolig -> 27.24.04 G01 Følsom",
        "extract: 27.24.04 G01 Følsom -> 27.24.05 G01 Følsom",
    ]


@pytest.mark.parametrize(
    ("argv", "user", "exit_code", "message"),
    [
        (("minutes", "--kle", "0.1.10", "--facet", "P35"), "admin", EXIT_FAILED,
         "»0.1.10« er ikke et KLE-nummer"),
        (("minutes", "--kle", "00.01.10", "--facet", "35"), "admin", EXIT_FAILED,
         "»35« er ikke en handlingsfacet"),
        (("minutes", "--kle", "00.01.12", "--facet", "P35"), "referent", EXIT_FAILED,
         "Din rolle giver ikke adgang"),
        (("agenda", "--kle", "00.01.12", "--facet", "P35"), "admin", EXIT_USAGE, "agenda"),
        (("minutes", "--facet", "P35"), "admin", EXIT_USAGE, "--kle"),
    ],
)  # fmt: skip
def test_a_change_that_is_refused_changes_nothing(
    login: LoginFn,
    db: str,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    user: str,
    exit_code: int,
    message: str,
) -> None:
    admin = login("admin")
    code, out, err = _run(capsys, "filing-classes", "set", *argv, "--db", db, "--user", user)
    assert code == exit_code
    assert err.startswith("stevnsmoeder: fejl: ") and message in err
    assert out == ""
    assert filing.filing_classes(admin)[0] == filing.FilingClassInfo(
        "minutes", "00.01.10", "P35", "Fortrolig"
    )
    assert main(["filing-classes", "--db", db, "--user", user]) == EXIT_OK
