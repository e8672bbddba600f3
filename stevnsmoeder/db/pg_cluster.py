"""A throwaway PostgreSQL cluster for the tests and the benchmarks: Debian's server
programs, a temporary data folder, a Unix socket in it and no TCP port; stopped and removed
at the end.

PostgreSQL refuses to run as root: then the cluster is made and run as the ``postgres`` user
(which Debian's package creates). For the tests, ``STEVNSMOEDER_TEST_POSTGRES`` names an
existing server instead (a URL whose user may create databases).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ENV_URL = "STEVNSMOEDER_TEST_POSTGRES"
ENV_REQUIRED = "STEVNSMOEDER_REQUIRE_POSTGRES"  # the README's test command: never skip


def server_program(name: str) -> str | None:
    """A PostgreSQL server program: on the PATH, or in Debian's versioned folder (newest)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return candidates[-1] if candidates else None


class Cluster:
    """initdb + pg_ctl in a temporary folder; ``url`` reaches it through its socket.

    ``root``: a folder of its own that outlives the cluster (a server to try, kept between
    runs: made once, then only started and stopped, written durably)."""

    def __init__(self, root: Path | None = None) -> None:
        self.kept = root is not None
        if root is not None:
            root.mkdir(parents=True, exist_ok=True)
        self.root = root if root is not None else Path(tempfile.mkdtemp(prefix="stevnsmoeder-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "socket"
        self._as: list[str] = []
        self.started = False

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@/postgres?host={self.socket_dir}"

    def _run(self, *args: str) -> None:
        done = subprocess.run(
            [*self._as, *args], capture_output=True, text=True, check=False, timeout=120
        )
        if done.returncode != 0:
            raise RuntimeError(f"{Path(args[0]).name} failed: {done.stderr.strip()[-2000:]}")

    def start(self) -> None:
        initdb, pg_ctl = server_program("initdb"), server_program("pg_ctl")
        if initdb is None or pg_ctl is None:
            raise FileNotFoundError("PostgreSQL's server programs (initdb, pg_ctl)")
        self.socket_dir.mkdir(exist_ok=True)
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # PostgreSQL will not run as root
            import pwd  # POSIX only, like geteuid: on Windows the branch is never taken

            user = pwd.getpwnam("postgres")
            for path in (self.root, self.socket_dir):
                os.chown(path, user.pw_uid, user.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        if not (self.data / "PG_VERSION").exists():
            self._run(
                initdb, "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--locale=C.UTF-8", *(() if self.kept else ("--no-sync",)),
            )  # fmt: skip
        options = f"-k {self.socket_dir} -c listen_addresses='' -c max_connections=200"
        if not self.kept:  # thrown away at the end: no need to survive a crash
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        log = self.root / "server.log"
        self._run(pg_ctl, "-D", str(self.data), "-o", options, "-l", str(log), "-w", "start")
        self.started = True

    def stop(self) -> None:
        try:
            if self.started:
                pg_ctl = server_program("pg_ctl")
                if pg_ctl is not None:
                    mode = "fast" if self.kept else "immediate"
                    self._run(pg_ctl, "-D", str(self.data), "-m", mode, "-w", "stop")
                self.started = False
        finally:
            if not self.kept:
                shutil.rmtree(self.root, ignore_errors=True)
