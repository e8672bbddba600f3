"""The benchmark suite's smoke run: every figure is measured and reported, so it cannot rot.

The budgets themselves are checked by the full suite (scripts/bench), not here: timings on a
shared test machine say little, and a timed unit test would only be flaky."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from benchmarks import run
from stevnsmoeder.db.pg_cluster import ENV_REQUIRED


def test_smoke_run_reports_every_figure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STEVNSMOEDER_BENCH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr("benchmarks.data.CACHE", tmp_path / "cache")
    out = tmp_path / "latest.json"
    assert run.main(["--smoke", "--out", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["mode"] == "smoke"
    assert set(result["figures"]) == {b.key for b in run.BUDGETS}
    for key, figure in result["figures"].items():
        assert isinstance(figure["value"], float) and figure["value"] > 0, key
        assert isinstance(figure["pass"], bool)
    assert result["databases"]["1"]["agenda_item"] > 100
    printed = capsys.readouterr().out
    for budget in run.BUDGETS:
        assert budget.label in printed
    # The shared record's column: the same figures on PostgreSQL, beside the file's.
    if os.environ.get(ENV_REQUIRED) or result["postgres"] is not None:
        pg = result["postgres"]["figures"]
        for key in ("search_p95_ms", "case_open_ms", "minutes_fetch_and_pdf_ms"):
            assert pg[key] > 0, key
        assert "on PostgreSQL beside the file" in printed
        synced = result["postgres"]["sync"]
        for label, key, _unit, _limit in run.SYNC_BUDGETS:
            assert synced[key] is not None and synced[key] > 0, key
            assert label in printed
        assert synced["load_errors"] == 0
        assert synced["replicas"]["politi"]["items"] <= synced["replicas"]["leder"]["items"]
