"""The command line in direct mode on PostgreSQL (--db postgresql+psycopg://…), for
administrators and tests: the same commands as on the file, and the same demo seed gives
the same meetings, cases, agendas, minutes and search hits on both engines (compared by
content, not ids)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from stevnsmoeder.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from stevnsmoeder.services.demo import create_demo_database
from tests.conftest import CHEAP_KDF, PASSWORD, TODAY, PgDatabases


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    try:
        data: Any = json.loads(out)
    except ValueError:
        data = out
    return code, data, err


@pytest.fixture(scope="module")
def pg_demo(pg_databases: PgDatabases) -> Iterator[str]:
    """The one-year demo of seed 3 around TODAY on PostgreSQL (the file's template is the
    same demo: tests/conftest.py)."""
    name = pg_databases.create(name="cli_demo")
    url = pg_databases.url(name)
    create_demo_database(url, years=1, seed=3, today=TODAY, kdf=CHEAP_KDF)
    yield url
    pg_databases.drop(name)


def _without_ids(data: Any) -> Any:
    """The content: ids (which differ between two databases) and timings left out."""
    if isinstance(data, dict):
        return {
            k: _without_ids(v)
            for k, v in data.items()
            if not (k == "id" or k.endswith("_id") or k in {"elapsed_ms"})
        }
    if isinstance(data, list):
        return [_without_ids(v) for v in data]
    return data


def _sorted(rows: list[Any]) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows)


@pytest.fixture
def demo_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", "demo")


def test_the_same_demo_on_both_engines_says_the_same(
    pg_demo: str, demo_path: Path, demo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    both = {"file": str(demo_path), "server": pg_demo}

    def ask(*argv: str) -> dict[str, Any]:
        answers = {}
        for where, db in both.items():
            code, data, err = _run(capsys, *argv, "--db", db)
            assert code == EXIT_OK, (where, err)
            answers[where] = _without_ids(data)
        return answers

    meetings = ask("meetings", "--user", "leder", "--json")
    assert len(meetings["file"]) > 50
    assert _sorted(meetings["file"]) == _sorted(meetings["server"])
    cases = ask("cases", "--user", "ppr", "--json")
    assert cases["file"] == cases["server"] and cases["file"]
    reference = cases["file"][0]["reference"]
    history = ask("case", reference, "--user", "ppr", "--json")
    assert history["file"] == history["server"]
    compared = 0
    for query in ("skolevægring", "angst", "døgnrytme", "skolevægring OR døgnrytme", "søvn"):
        hits = ask("search", query, "--user", "ppr", "--json")
        assert hits["server"]["hits"], query
        if hits["file"]["truncated"]:  # the best 30 of many: the rankings differ
            assert hits["server"]["truncated"], query
            continue
        # Stemming (Danish on PostgreSQL) may find more; what the file finds is found too.
        titles = {where: {h["title"] for h in r["hits"]} for where, r in hits.items()}
        assert titles["file"] <= titles["server"], query
        compared += 1
    assert compared >= 2


def test_stemming_finds_the_word_in_another_form(
    pg_demo: str, demo_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, plain, _ = _run(
        capsys, "search", "skolevægring", "--user", "ppr", "--json", "--db", pg_demo
    )
    code2, inflected, _ = _run(
        capsys, "search", "skolevægringen", "--user", "ppr", "--json", "--db", pg_demo
    )
    assert code == code2 == EXIT_OK
    assert plain["hits"] and [h["title"] for h in inflected["hits"]] == [
        h["title"] for h in plain["hits"]
    ]


def test_init_users_check_audit_and_pdf_on_a_server(
    pg_databases: PgDatabases,
    pg_demo: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = pg_databases.create()
    url = pg_databases.url(name)
    try:
        monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
        code, out, err = _run(capsys, "init", "--db", url, "--user", "chef")
        assert code == EXIT_OK, err
        assert "chef" in out
        code, _, err = _run(capsys, "init", "--db", url, "--user", "chef")
        assert code == EXIT_FAILED and "findes" in err
        monkeypatch.setenv("STEVNSMOEDER_NEW_PASSWORD", "tolv lange ord i en sætning")
        code, _, err = _run(
            capsys, "users", "add", "hanne", "--name", "Hanne Holm", "--role", "referent",
            "--db", url, "--user", "chef",
        )  # fmt: skip
        assert code == EXIT_OK, err
        code, users, err = _run(capsys, "users", "list", "--json", "--db", url, "--user", "chef")
        assert code == EXIT_OK, err
        assert {u["login"] for u in users} == {"chef", "hanne"}
        code, out, err = _run(capsys, "check", "--db", url, "--user", "chef")
        assert code == EXIT_OK, (out, err)
        assert "Søgeindekset er ajour" in out
        code, out, err = _run(capsys, "audit", "verify", "--db", url, "--user", "chef")
        assert code == EXIT_OK, err
        # A wrong password is refused and logged on the server at once.
        monkeypatch.setenv("STEVNSMOEDER_PASSWORD", "forkert")
        code, _, err = _run(capsys, "cases", "--db", url, "--user", "hanne")
        assert code == EXIT_FAILED and "adgangskode" in err
        # Commands on the laptop's files say they are for a file.
        monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
        code, _, err = _run(capsys, "backup", "--db", url, "--user", "chef")
        assert code in (EXIT_FAILED, EXIT_USAGE) and "databasefil" in err
    finally:
        pg_databases.drop(name)

    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", "demo")
    code, listed, err = _run(capsys, "meetings", "--user", "leder", "--json", "--db", pg_demo)
    held = next(m for m in listed if m["status"] == "held")
    out_pdf = tmp_path / "referat.pdf"
    code, _, err = _run(
        capsys, "pdf", "minutes", held["id"], "-o", str(out_pdf), "--user", "leder", "--db", pg_demo
    )
    assert code == EXIT_OK, err
    text = "".join(page.extract_text() for page in PdfReader(out_pdf).pages)
    assert re.search(r"Referat", text)
