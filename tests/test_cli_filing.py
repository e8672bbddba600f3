"""``stevnsmoeder file`` and ``stevnsmoeder unfiled`` (and ``pdf --pdfa``), on the encrypted
file and with ``--db postgresql+psycopg://…`` on PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pikepdf import pdfa

from stevnsmoeder.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from stevnsmoeder.services.context import ServiceContext
from tests.conftest import PASSWORD, FakeClock
from tests.services.test_filing import _approved_meeting

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


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_file_and_unfiled(
    login: LoginFn,
    clock: FakeClock,
    db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ctx = login("referent")
    m = _approved_meeting(ctx, clock)
    folder = tmp_path / "esdh"
    folder.mkdir()
    as_secretary = ("--db", db, "--user", "referent")

    code, out, err = _run(capsys, "unfiled", "--json", *as_secretary)
    assert (code, err) == (EXIT_OK, "")
    listed = json.loads(out)
    assert [(u["document"], u["case_reference"], u["state"]) for u in listed] == [
        ("minutes", None, "unfiled"),
        *sorted([("extract", m.asta.reference, "unfiled"), ("extract", m.bo.reference, "unfiled")]),
    ]
    days = (date.today() - date(2026, 11, 24)).days  # the command runs by the real clock
    assert {u["days_since_meeting"] for u in listed} == {days}
    assert {u["date"] for u in listed} == {"2026-11-24"}
    code, out, _err = _run(capsys, "unfiled", *as_secretary)
    lines = out.strip().splitlines()
    assert lines[-1] == "3 dokumenter er ikke arkiveret"
    plural = "1 dag" if days == 1 else f"{days} dage"
    assert lines[1] == (
        f"24.11.2026  ({plural})  Distriktsmøde Hother/Hårlev  "
        f"Udskrift af referat {m.asta.reference} (A.Ø.)  [ikke arkiveret]"
    )
    assert "Asta" not in out and "0103154001" not in out

    # One child's extract, with the child's case number in ESDH (kept on the case).
    code, out, err = _run(
        capsys, "file", str(m.id), "--case", m.asta.reference, "--to", str(folder),
        "--esdh-case", "ESDH-2026-0042", "--json", *as_secretary,
    )  # fmt: skip
    assert (code, err) == (EXIT_OK, "")
    report = json.loads(out)
    assert [(f["document"], f["version"]) for f in report["filed"]] == [("extract", 1)]
    path = Path(report["filed"][0]["file"])
    assert path.name == f"2026-11-24_Distriktsmoede_Uddrag_{m.asta.reference}.pdf"
    assert pdfa.validate_written(path, "2b").passed
    manifest = json.loads(Path(report["filed"][0]["manifest"]).read_text(encoding="utf-8"))
    assert manifest["esdh_case_number"] == "ESDH-2026-0042"

    # The rest of the meeting; then nothing new.
    code, out, err = _run(capsys, "file", str(m.id), "--to", str(folder), *as_secretary)
    assert (code, err) == (EXIT_OK, "")
    assert f"2 dokumenter arkiveret i {folder}." in out
    assert f"Udskrift af referat {m.asta.reference} er allerede arkiveret" in out
    code, out, _err = _run(capsys, "file", str(m.id), "--to", str(folder), *as_secretary)
    assert "Intet nyt at arkivere (--again arkiverer det en gang til)." in out
    code, out, _err = _run(capsys, "unfiled", *as_secretary)
    assert out.strip() == "0 dokumenter er ikke arkiveret"
    code, out, _err = _run(
        capsys, "file", str(m.id), "--to", str(folder), "--again", "--json", *as_secretary
    )
    assert len(json.loads(out)["filed"]) == 3

    # Archival PDF/A of one document, for saving it oneself.
    saved = tmp_path / "referat.pdf"
    code, out, err = _run(
        capsys, "pdf", "minutes", str(m.id), "-o", str(saved), "--pdfa", *as_secretary
    )
    assert (code, err) == (EXIT_OK, "")
    assert pdfa.validate_written(saved, "2b").passed


def test_file_refuses_with_one_line(
    login: LoginFn,
    clock: FakeClock,
    db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    m = _approved_meeting(login("referent"), clock)
    (tmp_path / "esdh").mkdir()
    folder = str(tmp_path / "esdh")

    def refused(code: int, fragment: str, *argv: str) -> None:
        got, _out, err = _run(capsys, *argv)
        assert got == code, err
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in err and fragment in lines[0], err

    user = ("--db", db, "--user", "referent")
    refused(EXIT_USAGE, "er ikke et id", "file", "nummer-7", "--to", folder, *user)
    refused(EXIT_USAGE, "--to", "file", str(m.id), *user)
    refused(EXIT_USAGE, "angiv også --case", "file", str(m.id), "--to", folder,
            "--esdh-case", "7", *user)  # fmt: skip
    refused(EXIT_FAILED, "kan ikke nås", "file", str(m.id), "--to", str(tmp_path / "nej"), *user)
    refused(EXIT_FAILED, "ingen udskrift at arkivere", "file", str(m.id), "--case",
            str(m.carl.id), "--to", folder, *user)  # fmt: skip
    refused(EXIT_FAILED, "Mødet findes ikke", "file", str(m.id), "--to", folder,
            "--db", db, "--user", "politi")  # fmt: skip
    refused(EXIT_FAILED, "alle mødets punkter", "file", str(m.id), "--to", folder,
            "--db", db, "--user", "admin")  # fmt: skip
    assert list((tmp_path / "esdh").iterdir()) == []
