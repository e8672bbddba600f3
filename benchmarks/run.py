"""Run the benchmark suite: every figure with its budget, peers side by side, in one run.

    python -m benchmarks.run [--smoke] [--years 1,5,10,20] [--no-peers] [--out FILE]

Prints a table (figure, value, budget, pass/fail, peer, ratio) and writes the results as JSON
(default benchmarks/results/latest.json). ``--smoke`` is the tiny version the test suite runs
so the benchmarks cannot rot: one year at Stevns' own volume, two repetitions, no peers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import data, figures, peers, sync_figures

RESULTS = data.ROOT / "benchmarks" / "results" / "latest.json"


@dataclass(frozen=True)
class Budget:
    key: str
    label: str
    unit: str
    limit: float  # the value must be at most this
    ratio_goal: float | None = None  # and the ratio to the peer at least this
    ratio_of: str | None = None  # the figure the peer is compared with (default: key)


BUDGETS = (
    Budget("launch_s", "launch → login window visible", "s", 0.35),
    Budget("login_s", "password → week view painted", "s", 0.6),
    # The LIKE scan's median against the search's median: the same statistic on both sides.
    Budget("search_p95_ms", "search p95 (median vs LIKE scan)", "ms", 20, 50, "search_median_ms"),
    Budget("index_query_ms", "the index query alone vs the LIKE scan", "ms", 20, 50),
    Budget("case_open_ms", "open the longest case", "ms", 100),
    Budget("minutes_pdf_ms", "20-item minutes PDF (vs LibreOffice)", "ms", 150, 10),
    # Beside the plain PDF: the same minutes as filed (PDF/A-2b, validated on the bytes).
    Budget("minutes_pdfa_ms", "20-item minutes as PDF/A (filing)", "ms", 500),
    Budget("case_pdf_ms", "case history PDF", "ms", 1000),
    Budget("policy_s", "policy follow-up, a year beside the year before", "s", 2.0),
    Budget("autosave_s", "autosave: keystroke → committed", "s", 1.0),
    Budget("gui_block_ms", "longest GUI block while typing/saving", "ms", 16),
    Budget("rss_mb", "memory (RSS), database open in the window", "MB", 250),
    Budget("growth_search", "search p95 growth, fewest → most years", "×", 2.0),
    Budget("growth_case", "case open growth, fewest → most years", "×", 2.0),
)


def _probe(mode: str, db: Path, *extra: str, home: Path) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STEVNSMOEDER_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.probe_gui", mode, str(db), *extra],
        cwd=data.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def launch_times(db: Path, repeats: int, home: Path) -> list[float]:
    """Seconds from starting a fresh process to its login window being visible."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STEVNSMOEDER_HOME": str(home)}
    times = []
    for _ in range(repeats + 1):  # the first run fills the OS file cache; it is not counted
        began = time.perf_counter()
        with subprocess.Popen(
            [sys.executable, "-m", "benchmarks.probe_gui", "launch", str(db)],
            cwd=data.ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        ) as process:
            assert process.stdout is not None
            for line in process.stdout:
                if line.startswith("VISIBLE"):
                    times.append(time.perf_counter() - began)
                    break
            process.wait(timeout=60)
    return times[1:]


def server_column(
    years: int, main_db: Path, *, smoke: bool, repeats: int, rounds: int
) -> dict[str, Any] | None:
    """The same database built on a throwaway PostgreSQL cluster, measured beside the file."""
    from stevnsmoeder.db.pg_cluster import Cluster
    from stevnsmoeder.services import demo

    cluster = Cluster()
    try:
        try:
            cluster.start()
        except (OSError, RuntimeError, KeyError) as exc:
            print(f"· PostgreSQL: not measured ({exc})", flush=True)
            return None
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        admin = create_engine(cluster.url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("CREATE DATABASE bench"))
        admin.dispose()
        url = make_url(cluster.url).set(database="bench").render_as_string(hide_password=False)
        print(f"· PostgreSQL: the {years}-year database …", flush=True)
        began = time.perf_counter()
        demo.create_demo_database(
            url,
            years=years,
            seed=data.SEED,
            today=data.TODAY,
            cases_per_year=None if smoke else data.CASES_PER_YEAR,
        )
        built = time.perf_counter() - began
        print("· PostgreSQL: search, case and minutes …", flush=True)
        server = figures.server_figures(url, repeats, rounds)
        file_pdf = figures.file_minutes_fetch_and_pdf(main_db, repeats)
        print("· the server: replicas, syncs and a load on loopback …", flush=True)
        synced = sync_figures.sync_figures(url, smoke=smoke)
        return {"years": years, "built_in_s": round(built, 1), "figures": server,
                "file_minutes_fetch_and_pdf_ms": file_pdf, "sync": synced}  # fmt: skip
    finally:
        cluster.stop()


def run(years: list[int], *, smoke: bool, with_peers: bool, out: Path) -> dict[str, Any]:
    repeats = 2 if smoke else 7
    rounds = 1 if smoke else 5
    scale = None if smoke else data.CASES_PER_YEAR
    result: dict[str, Any] = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "mode": "smoke" if smoke else "full",
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
        },
        "databases": {},
        "scaling": {},
        "figures": {},
    }
    values: dict[str, float | None] = {}
    peer: dict[str, float | None] = {}
    dbs = {}
    for y in years:
        print(f"· database, {y} year(s) …", flush=True)
        db = data.database(y, cases_per_year=scale)
        dbs[y] = db
        ctx = figures.open_context(db.path)
        with ctx.db.begin() as s:
            from sqlalchemy import text

            counts = {
                table: s.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                for table in ("meeting", "agenda_item", "child_case")
            }
        result["databases"][str(y)] = {
            **counts,
            "size_mb": round(db.path.stat().st_size / 1e6, 1),
            "built_in_s": None if db.built_in_s is None else round(db.built_in_s, 1),
        }
        print(f"· search and case, {y} year(s) …", flush=True)
        found = figures.search_figures(ctx, rounds)
        case = figures.case_figures(ctx, repeats)
        result["scaling"][str(y)] = {**found, **case}
        ctx.db.close()
    largest, smallest = max(years), min(years)
    main_db = dbs[10 if 10 in dbs else largest].path
    at = result["scaling"][str(10 if 10 in dbs else largest)]
    values["search_p95_ms"] = at["search_p95_ms"]
    values["search_median_ms"] = at["search_median_ms"]
    peer["search_p95_ms"] = at["like_median_ms"]
    values["index_query_ms"] = at["index_query_median_ms"]
    peer["index_query_ms"] = at["like_median_ms"]
    values["case_open_ms"] = at["case_open_ms"]
    small, large = result["scaling"][str(smallest)], result["scaling"][str(largest)]
    values["growth_search"] = large["search_p95_ms"] / small["search_p95_ms"]
    values["growth_case"] = large["case_open_ms"] / small["case_open_ms"]

    main_years = 10 if 10 in dbs else largest
    result["postgres"] = server_column(
        main_years, main_db, smoke=smoke, repeats=repeats, rounds=rounds
    )

    print("· PDFs …", flush=True)
    ctx = figures.open_context(main_db, "leder")
    pdf, minutes_doc = figures.pdf_figures(ctx, repeats * 2)
    print("· the policy follow-up …", flush=True)
    values["policy_s"] = figures.policy_seconds(ctx, repeats)
    ctx.db.close()
    values.update(pdf)
    peer["minutes_pdf_ms"] = None
    if with_peers and peers.soffice():
        print("· LibreOffice converting the same minutes …", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            docx = Path(tmp) / "referat.docx"
            peers.write_docx(minutes_doc, docx)
            converted = peers.median(peers.convert_with_libreoffice(docx, 3))
            peer["minutes_pdf_ms"] = converted * 1000 if converted else None

    print("· the window …", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        values["launch_s"] = statistics.median(launch_times(main_db, repeats, home))
        values["login_s"] = _probe("login", main_db, str(repeats), home=home)["median_s"]
        values["rss_mb"] = _probe("memory", main_db, home=home)["rss_mb"]
        scratch = data.scratch_copy(main_db, Path(tmp) / "scratch")
        typed = _probe("autosave", scratch, home=home)
        values["autosave_s"] = typed["keystroke_to_commit_s"]
        values["gui_block_ms"] = typed["max_block_ms"]

    for b in BUDGETS:
        value = values.get(b.key)
        other = peer.get(b.key)
        compared = values.get(b.ratio_of or b.key)
        ratio = other / compared if (other is not None and compared) else None
        ok = value is not None and value <= b.limit
        if b.ratio_goal is not None and ratio is not None:
            ok = ok and ratio >= b.ratio_goal
        result["figures"][b.key] = {
            "label": b.label,
            "value": value,
            "unit": b.unit,
            "budget": b.limit,
            "pass": ok,
            "peer": other,
            "ratio": ratio,
            "ratio_goal": b.ratio_goal,
        }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return result


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    text = f"{value:.3f}" if value < 1 else f"{value:.1f}" if value < 100 else f"{value:.0f}"
    return f"{text} {unit}".strip()


def print_table(result: dict[str, Any]) -> None:
    rows = [("figure", "value", "budget", "ok", "peer", "ratio")]
    for f in result["figures"].values():
        goal = f" (≥{f['ratio_goal']:.0f}×)" if f["ratio_goal"] else ""
        rows.append(
            (
                f["label"],
                _fmt(f["value"], f["unit"]),
                f"≤ {_fmt(f['budget'], f['unit'])}{goal}",
                "pass" if f["pass"] else "FAIL",
                _fmt(f["peer"], f["unit"]),
                f"{f['ratio']:.0f}×" if f["ratio"] else "–",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print()
    pg = result.get("postgres")
    if pg:
        sqlite = result["scaling"][str(pg["years"])]
        f = pg["figures"]
        print(f"the shared record on PostgreSQL beside the file ({pg['years']} years):")
        for label, key, file_value in (
            ("search p95", "search_p95_ms", sqlite["search_p95_ms"]),
            ("search median", "search_median_ms", sqlite["search_median_ms"]),
            ("index query alone", "index_query_median_ms", sqlite["index_query_median_ms"]),
            ("open the longest case", "case_open_ms", sqlite["case_open_ms"]),
            ("20-item minutes: fetch + PDF", "minutes_fetch_and_pdf_ms",
             pg["file_minutes_fetch_and_pdf_ms"]),
            ("policy follow-up", "policy_ms", result["figures"]["policy_s"]["value"] * 1000),
        ):  # fmt: skip
            print(
                f"  {label:<30} PostgreSQL {f[key]:8.1f} ms   SQLite {file_value:8.1f} ms   "
                f"({f[key] / file_value:.1f}×)"
            )
        print()
        _print_sync(pg.get("sync"))
    print("growth with the years (search p95 / LIKE median / case open):")
    for years, s in result["scaling"].items():
        db = result["databases"][years]
        print(
            f"  {years:>2} years: {db['agenda_item']:>6} items, {db['size_mb']:>6} MB   "
            f"search p95 {s['search_p95_ms']:.1f} ms, median {s['search_median_ms']:.1f} ms   "
            f"LIKE {s['like_median_ms']:.0f} ms   case open {s['case_open_ms']:.1f} ms "
            f"({s['case_items']:.0f} items)"
        )


# The shared record's budgets (issue: the server and its sync protocol).
SYNC_BUDGETS = (
    ("first sync of the chair's scope", "first_sync_s", "s", 2.0),
    ("a sync with nothing new", "idle_sync_ms", "ms", 50.0),
    ("one note: push → pull on another replica", "note_push_to_pull_s", "s", 1.0),
    ("load: push p95", "load_push_p95_ms", "ms", 100.0),
    ("online search p95 through the server", "online_search_p95_ms", "ms", None),
    ("window: a change visible in the other window", "change_visible_s", "s", 3.0),
    ("window: GUI thread blocked by the sync", "gui_block_max_ms", "ms", 16.0),
    ("window: … and by reloading the page in view", "gui_block_with_refresh_ms", "ms", None),
    ("window: showing the arrived rows (median)", "refresh_in_view_ms", "ms", None),
    ("window: login → week view, server unreachable", "offline_login_s", "s", 0.6),
)


def _print_sync(synced: dict[str, Any] | None) -> None:
    if not synced:
        return
    print("the shared record: a server on loopback (TLS) and encrypted replicas:")
    for label, key, unit, limit in SYNC_BUDGETS:
        value = synced.get(key)
        verdict = "" if limit is None or value is None else ("pass" if value <= limit else "FAIL")
        budget = f"≤ {_fmt(limit, unit)}" if limit is not None else ""
        print(f"  {label:<42} {_fmt(value, unit):>10}  {budget:<10} {verdict}")
    print(
        f"  load: {synced['load_laptops']} laptops pulling, {synced['load_typists']} chairs "
        f"typing for {synced['load_seconds']:.0f} s: {synced['load_requests']} requests, "
        f"{synced['load_errors']} errors, pull p95 {_fmt(synced['load_pull_p95_ms'], 'ms')}; "
        f"server process RSS {synced['server_rss_mb']} MB"
    )
    print("  replica per role: meetings / cases / items, size, connect (with logins):")
    for role, r in synced["replicas"].items():
        print(
            f"    {role:<9} {r['meetings']:>5} / {r['cases']:>4} / {r['items']:>6}   "
            f"{r['size_mb']:>6} MB   {r['connect_s']:.1f} s"
        )
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="the tiny version (tests)")
    parser.add_argument("--years", default=None, help="comma-separated (default 1,5,10,20)")
    parser.add_argument("--no-peers", action="store_true", help="skip LibreOffice")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    default = "1" if args.smoke else "1,5,10,20"
    years = sorted({int(y) for y in (args.years or default).split(",")})
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    began = time.perf_counter()
    result = run(years, smoke=args.smoke, with_peers=not args.no_peers and not args.smoke,
                 out=args.out)  # fmt: skip
    print()
    print_table(result)
    print(f"\n{args.out} written; {time.perf_counter() - began:.0f} s in all.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
