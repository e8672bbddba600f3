"""The command line: JSON output, one-line errors, exit codes, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from stevnsmoeder.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from stevnsmoeder.services import access, meetings
from tests.conftest import PASSWORD


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    monkeypatch.delenv("STEVNSMOEDER_USER", raising=False)
    return monkeypatch


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _assert_one_line_error(err: str, *fragments: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("stevnsmoeder: fejl: ")
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0]


def test_meetings_json(db_path: Path, env: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    ctx = access.login(db_path, "leder", PASSWORD)
    meetings.create_meeting(ctx, meetings.NewMeeting("ssp", datetime(2027, 1, 7, 14, 0)))
    meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2027, 1, 5, 13), district="privat")
    )
    ctx.db.close()
    code, out, err = _run(
        capsys, "meetings", "--db", str(db_path), "--user", "leder", "--json", "--type", "ssp"
    )
    assert (code, err) == (EXIT_OK, "")
    data = json.loads(out)
    assert len(data) == 1
    assert {"id", "type", "district", "series_id", "start", "status", "title"} <= set(data[0])
    assert data[0]["type"] == "ssp" and data[0]["start"] == "2027-01-07T14:00"
    assert data[0]["status"] == "planned"

    env.setenv("STEVNSMOEDER_USER", "leder")
    code, out, _ = _run(capsys, "meetings", "--db", str(db_path), "--from", "2027-01-01")
    assert code == EXIT_OK
    assert "tirsdag den 5. januar 2027, kl. 13.00 (uge 1)" in out
    assert out.strip().endswith("2 møder")


def test_cases_json_and_check(db_path: Path, env: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(capsys, "cases", "--db", str(db_path), "--user", "ppr", "--json")
    assert (code, json.loads(out)) == (EXIT_OK, [])
    code, out, _ = _run(capsys, "check", "--db", str(db_path), "--user", "ppr")
    assert code == EXIT_OK
    assert out.strip().endswith("Alt er i orden.")


@pytest.mark.parametrize(
    ("argv", "code", "fragments"),
    [
        (["meetings", "--from", "2026-13-01"], EXIT_USAGE, ["ugyldig dato", "2026-13-01"]),
        (["meetings", "--to", "i går"], EXIT_USAGE, ["ugyldig dato"]),
        (["meetings", "--type", "fodbold"], EXIT_FAILED, ["Ukendt mødetype fodbold"]),
        (["meetings", "--district", "Køge"], EXIT_FAILED, ["Ukendt distrikt Køge"]),
        (["meetings", "--frm", "x"], EXIT_USAGE, ["--frm"]),
        (["fly"], EXIT_USAGE, ["fly"]),
        (["demo", "--years", "0"], EXIT_USAGE, ["'0'"]),
        (["demo", "--years", "mange"], EXIT_USAGE, ["'mange'"]),
    ],
)
def test_bad_input_gives_one_line(  # type: ignore[no-untyped-def]
    db_path: Path, env: pytest.MonkeyPatch, capsys, argv: list[str], code: int, fragments: list[str]
) -> None:
    got, _out, err = _run(capsys, *argv, "--db", str(db_path), "--user", "leder")
    assert got == code
    _assert_one_line_error(err, *fragments)


def test_missing_file(tmp_path: Path, env: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _run(capsys, "cases", "--db", str(tmp_path / "nej.db"), "--user", "leder")
    assert code == EXIT_FAILED
    _assert_one_line_error(err, "Der er ingen database")


def test_wrong_password_and_missing_credentials(  # type: ignore[no-untyped-def]
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", "forkert")
    code, _, err = _run(capsys, "cases", "--db", str(db_path), "--user", "leder")
    assert code == EXIT_FAILED
    _assert_one_line_error(err, "Forkert brugernavn eller adgangskode")
    monkeypatch.delenv("STEVNSMOEDER_PASSWORD")
    code, _, err = _run(capsys, "cases", "--db", str(db_path), "--user", "leder")
    assert code == EXIT_FAILED
    _assert_one_line_error(err, "STEVNSMOEDER_PASSWORD")
    monkeypatch.delenv("STEVNSMOEDER_USER", raising=False)
    code, _, err = _run(capsys, "cases", "--db", str(db_path))
    _assert_one_line_error(err, "--user")


def test_denied_command_is_one_line(db_path: Path, env: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _run(capsys, "cases", "--db", str(db_path), "--user", "admin")
    assert code == EXIT_FAILED
    _assert_one_line_error(err, "Din rolle giver ikke adgang")


def test_init_then_refuses_to_overwrite(tmp_path: Path, env: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ny.db"
    code, out, _ = _run(capsys, "init", "--db", str(path), "--user", "chef")
    assert code == EXIT_OK and "chef" in out
    code, _, err = _run(capsys, "init", "--db", str(path), "--user", "chef")
    assert code == EXIT_FAILED
    _assert_one_line_error(err, "findes allerede")


def test_english_messages(tmp_path: Path, env: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _run(
        capsys, "--lang", "en", "cases", "--db", str(tmp_path / "x.db"), "--user", "a"
    )
    assert code == EXIT_FAILED
    assert err.strip() == f"stevnsmoeder: error: No database at {tmp_path / 'x.db'}."


def test_module_entry_point_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "stevnsmoeder", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("stevnsmoeder ")


def test_series_plan_and_ics(
    db_path: Path, env: pytest.MonkeyPatch, capsys, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, time, timedelta

    from icalendar import Calendar

    from stevnsmoeder.services import series

    ctx = access.login(db_path, "referent", PASSWORD)
    info = series.create_series(
        ctx,
        series.NewSeries(
            type_code="ssp", rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
            starts_on=date.today(), start_time=time(14, 0),
        ),
    )  # fmt: skip
    ctx.db.close()
    common = ("--db", str(db_path), "--user", "referent")
    code, out, _ = _run(capsys, "series", *common, "--json")
    data = json.loads(out)
    assert code == EXIT_OK and len(data) == 1
    assert data[0]["rule"] == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"
    assert {"id", "type", "district", "rule", "holiday_policy"} <= set(data[0])

    code, out, _ = _run(capsys, "plan", *common, "--months", "3")
    assert code == EXIT_OK and "møder oprettet" in out
    code, out, _ = _run(capsys, "plan", *common, "--months", "3")
    assert " 0 møder oprettet" in " " + out

    target = tmp_path / "ssp.ics"
    code, out, err = _run(capsys, "ics", *common, "--series", str(info.id), "-o", str(target))
    assert (code, err) == (EXIT_OK, "")
    events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert len(events) >= 6
    later = date.today() + timedelta(days=30)
    found = {}
    for flag in (("--with-past",), ("--from", later.isoformat())):
        code, _, err = _run(capsys, "ics", *common, "--series", str(info.id), *flag,
                            "-o", str(target))  # fmt: skip
        assert (code, err) == (EXIT_OK, "")
        cal = Calendar.from_ical(target.read_bytes())
        found[flag[0]] = [e.decoded("dtstart").date() for e in cal.walk("VEVENT")]
    assert len(found["--with-past"]) == len(events)  # the series begins today
    assert found["--from"] and min(found["--from"]) >= later
    assert len(found["--from"]) < len(events)
    code, _, err = _run(capsys, "ics", *common, "--series", "nonsense", "-o", str(target))
    assert code == EXIT_USAGE
    _assert_one_line_error(err, "nonsense")
    code, _, err = _run(capsys, "ics", *common, "--all", "-o", "/nowhere/x.ics")
    assert code == EXIT_FAILED
    _assert_one_line_error(err, "findes ikke")
