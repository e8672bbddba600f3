"""Synthetic databases for the benchmarks: the demo generator at a busier municipality's
volume, deterministic by seed, built once and kept in a cache folder (keyed by the code that
makes them, so a change to the generator or the schema builds them again)."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from stevnsmoeder.db.keystore import DEFAULT_KDF, keyfile_path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("STEVNSMOEDER_BENCH_CACHE", ROOT / "benchmarks" / ".cache"))
TODAY = date(2026, 11, 23)
CASES_PER_YEAR = 260  # with fuller agendas: some 30,000 agenda items in ten years
SEED = 1


@dataclass(frozen=True)
class BenchDatabase:
    years: int
    path: Path
    built_in_s: float | None  # None when it came from the cache


def _fingerprint() -> str:
    """The code a database depends on: the generator, its texts and the migrations."""
    digest = hashlib.sha256()
    package = ROOT / "stevnsmoeder"
    sources = [package / "services" / "demo_data.py", package / "services" / "demo_text.py"]
    sources += sorted((package / "db" / "migrations" / "versions").glob("*.py"))
    sources += [package / "db" / "search_index.py"]
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def database(years: int, *, cases_per_year: int | None = CASES_PER_YEAR) -> BenchDatabase:
    """The benchmark database of ``years`` years (built now if not cached)."""
    from stevnsmoeder.services import demo

    scale = cases_per_year or "stevns"
    folder = CACHE / f"{_fingerprint()}-{years}y-{scale}-seed{SEED}"
    path = folder / "bench.db"
    if path.exists() and keyfile_path(path).exists():
        return BenchDatabase(years, path, None)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    began = time.perf_counter()
    demo.create_demo_database(
        path,
        years=years,
        seed=SEED,
        today=TODAY,
        kdf=DEFAULT_KDF,  # the real key derivation: logging in is part of what is measured
        cases_per_year=cases_per_year,
    )
    return BenchDatabase(years, path, time.perf_counter() - began)


def scratch_copy(source: Path, folder: Path) -> Path:
    """A copy to write to (autosave), so the cached database stays as generated."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    shutil.copy2(source, target)
    shutil.copy2(keyfile_path(source), keyfile_path(target))
    return target
