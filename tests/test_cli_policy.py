"""``stevnsmoeder report policy`` on both engines, and what leaves the program: the PDF, the
workbook, the JSON and the printed summary hold no name, CPR number, birth date, school or
free text (read back with pypdf and openpyxl, and the files' own XML searched as well)."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from stevnsmoeder.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from stevnsmoeder.db.models import (
    Action,
    AgendaItem,
    Case,
    CustodyHolder,
    ItemMinutes,
    LegalBasis,
    Person,
)
from stevnsmoeder.services import statistics
from stevnsmoeder.services.context import ServiceContext
from tests.conftest import PASSWORD
from tests.services.test_statistics import SCHOOL, SURNAME, build_story, chef

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


def personal_data(ctx: ServiceContext) -> list[str]:
    """Every name, CPR number (both ways of writing it), birth date, school and free text in
    the record: what must never reach a report."""
    found: set[str] = set()
    with ctx.db.begin() as s:
        for case in s.scalars(select(Case)):
            found |= {case.first_name or "", case.last_name or "", case.pseudonym}
            found |= {case.institution, case.summary, case.reference}
            if case.cpr:
                found |= {case.cpr, f"{case.cpr[:6]}-{case.cpr[6:]}"}
            if case.birth_date:
                b = case.birth_date
                found |= {b.isoformat(), f"{b.day:02d}.{b.month:02d}.{b.year}"}
        found |= set(s.scalars(select(CustodyHolder.name)))
        found |= set(s.scalars(select(AgendaItem.title).where(AgendaItem.case_id.is_not(None))))
        found |= set(s.scalars(select(Action.text)))
        found |= set(s.scalars(select(Action.owner_text)))
        found |= set(s.scalars(select(LegalBasis.reason)))
        for m in s.scalars(select(ItemMinutes)):
            found |= {m.notes, m.decision, m.family_view}
        found |= {p for p in s.scalars(select(Person.name)) if " " in p}  # people, not logins
    return sorted(t for t in found if len(t.strip()) >= 4)


def assert_clean(text: str, personal: list[str]) -> None:
    assert len(personal) > 10  # the list itself was found
    lowered = text.lower()
    leaks = [t for t in personal if t.lower() in lowered]
    assert leaks == []
    assert not re.search(r"\b\d{6}-?\d{4}\b", text)  # nothing shaped like a CPR number


@pytest.fixture
def where(login: LoginFn, monkeypatch: pytest.MonkeyPatch) -> tuple[str, ServiceContext]:
    """The story's database (a file or a PostgreSQL URL), with the head of Børn & Læring."""
    build_story(login("leder"))
    head = chef(login)
    found = personal_data(head)
    assert SURNAME in found and SCHOOL in found and "0103154001" in found
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    helper = login  # the fixture's helper knows its database
    db = str(getattr(helper, "url", None) or helper.path)  # type: ignore[attr-defined]
    return db, head


def test_json_is_the_published_report(
    where: tuple[str, ServiceContext], capsys: pytest.CaptureFixture[str]
) -> None:
    db, head = where
    code = main(["report", "policy", "--year", "2026", "--db", db, "--user", "chef", "--json"])
    out, err = capsys.readouterr()
    assert code == EXIT_OK, err
    data = json.loads(out)
    expected = statistics.policy_report(head, 2026).to_json()
    # (the command line runs on the wall clock, the test's context on the fake one)
    for key in ("headline", "sections", "trends", "charts", "rule", "year", "district"):
        assert data[key] == expected[key], key
    assert data["headline"][0]["current"] == "9"
    assert_clean(out, personal_data(head))


def test_the_summary_on_screen(
    where: tuple[str, ServiceContext], capsys: pytest.CaptureFixture[str]
) -> None:
    db, head = where
    assert main(["report", "policy", "--year", "2026", "--db", db, "--user", "chef"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Opfølgning på børne- og ungepolitikken 2026: hele kommunen" in out
    assert re.search(r"Børn drøftet\s+9\s+5", out)
    assert_clean(out, personal_data(head))


def test_pdf_and_workbook_read_back_without_personal_data(
    where: tuple[str, ServiceContext], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, head = where
    personal = personal_data(head)
    pdf, xlsx = tmp_path / "opfølgning.pdf", tmp_path / "opfølgning.xlsx"
    for path in (pdf, xlsx):
        argv = ["report", "policy", "--year", "2026", "--db", db, "--user", "chef"]
        assert main([*argv, "-o", str(path)]) == EXIT_OK
    assert "sider" in capsys.readouterr().out

    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Opfølgning på børne- og ungepolitikken 2026" in text
    assert "Nøgletal" in text and "Metode" in text and "«<5»" in text
    assert "Børn drøftet" in text and "<5" in text
    assert_clean(text + json.dumps(dict(reader.metadata or {}), default=str), personal)
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    assert fonts and all("DejaVu" in f or "Symbola" in f for f in fonts), fonts

    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames[0] == "Oversigt" and "7 Aftaler" in book.sheetnames
    assert len(book.sheetnames) == 11
    values = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value]
    assert "<5" in values and "Børn drøftet" in values
    # A hidden count is text, never a number behind a format.
    for sheet in book:
        for row in sheet.iter_rows():
            for c in row:
                if isinstance(c.value, int | float) and c.number_format != '0" %"':
                    assert c.value == 0 or c.value >= 5, (sheet.title, c.coordinate, c.value)
    with zipfile.ZipFile(xlsx) as z:
        raw = "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    assert_clean(" ".join(values) + raw, personal)


def test_a_district_and_bad_input(
    where: tuple[str, ServiceContext], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _head = where
    argv = ["report", "policy", "--db", db, "--user", "chef"]
    assert main([*argv, "--year", "2026", "--district", "hother", "--json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["district"] == "Hother/Hårlev"
    assert main([*argv, "--year", "tyve"]) == EXIT_USAGE
    assert main([*argv, "--year", "2026", "-o", str(tmp_path / "x.docx")]) == EXIT_USAGE
    assert main([*argv, "--year", "2026", "--district", "Atlantis"]) == EXIT_FAILED
    assert "Ukendt distrikt" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["cases"],
        ["meetings"],
        ["series"],
        ["search", "søvnen"],
        ["case", "S-2026-0001"],
        ["audit"],
        ["users", "list"],
    ],
)
def test_the_head_of_børn_og_læring_gets_nothing_else(
    where: tuple[str, ServiceContext], capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    db, head = where
    code = main([*argv, "--db", db, "--user", "chef"])
    out, err = capsys.readouterr()
    assert code == EXIT_FAILED, out
    assert out == ""
    assert_clean(err, personal_data(head))
