"""The engine factory: the only place that knows the database file, driver and key.

The file is SQLCipher 4 (AES-256), opened with the raw 256-bit key from the key file, which
also skips SQLCipher's own passphrase derivation. WAL mode and foreign keys are on.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from stevnsmoeder.db.keystore import DEFAULT_KDF, KdfParams, KeyStore

log = logging.getLogger(__name__)
T = TypeVar("T")


class WrongKeyError(Exception):
    """SQLCipher could not read the file with this key ("file is not a database")."""


class DatabaseInUse(Exception):
    """Another program (another stevnsmoeder window or command) has the file open."""


class EmptyDatabaseFile(Exception):
    """The file exists but holds no database at all (truncated to nothing, or never
    written): it is damaged, not new."""


class UnsafeLockFile(Exception):
    """The lock file beside the database is a link to another file: it is left alone."""


class NestedUnitOfWork(RuntimeError):
    """A unit of work was begun while another was open on the same thread: a programming
    error. On one SQLite connection per thread it cannot work, and on any engine the inner
    one would commit or roll back on its own. Pass the open session on instead."""


class _InstanceLock:
    """One program at a time per database file: an exclusive OS lock on ``<db>.lock``, held
    while the database is open and released by the OS if the program dies. Within one
    program the lock is shared (the window and its background work open the file more than
    once)."""

    _held: ClassVar[dict[Path, tuple[int, int]]] = {}  # lock file → (descriptor, users)
    _guard: ClassVar[threading.Lock] = threading.Lock()

    @classmethod
    def acquire(cls, db_path: Path) -> Path:
        # By the file's own name: a link to it by another name takes the same lock.
        real = db_path.resolve()
        lock_path = real.with_name(real.name + ".lock")
        with cls._guard:
            held = cls._held.get(lock_path)
            if held is not None:
                cls._held[lock_path] = (held[0], held[1] + 1)
                return lock_path
            fd = _open_lock_file(lock_path)
            try:
                _lock_exclusive(fd)
            except OSError:
                os.close(fd)
                raise DatabaseInUse(db_path.name) from None
            try:  # the process id is for people looking at the folder; a full disk may refuse it
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
            except OSError:
                pass
            cls._held[lock_path] = (fd, 1)
            return lock_path

    @classmethod
    def release(cls, lock_path: Path) -> None:
        with cls._guard:
            held = cls._held.get(lock_path)
            if held is None:
                return
            fd, users = held
            if users > 1:
                cls._held[lock_path] = (fd, users - 1)
                return
            del cls._held[lock_path]
            os.close(fd)  # closing the descriptor releases the OS lock


def _open_lock_file(lock_path: Path) -> int:
    """Open (or create) the lock file, which is truncated and written: never through a
    symbolic link (O_NOFOLLOW; on Windows, which lacks it, a link is refused before opening)
    and never a file with other names (a hard link to someone else's file)."""
    if lock_path.is_symlink():
        raise UnsafeLockFile(lock_path.name)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(lock_path, flags, 0o600)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeLockFile(lock_path.name) from None
        raise
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
        os.close(fd)
        raise UnsafeLockFile(lock_path.name)
    return fd


def instance_lock(db_path: Path) -> Path:
    """Hold the database's program lock (for work on its files without opening it)."""
    return _InstanceLock.acquire(db_path)


def release_lock(lock: Path) -> None:
    _InstanceLock.release(lock)


def _lock_exclusive(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _pragma_key(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("SQLCipher raw key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def key_opens(path: Path, key: bytes) -> bool:
    """True when ``key`` reads the database file at ``path`` (nothing is written)."""
    try:
        conn = _connect_raw(path, key, quiet=True)
    except Exception:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except Exception:
        return False
    finally:
        conn.close()


def rekey_file(path: Path, old_key: bytes, new_key: bytes) -> None:
    """Re-encrypt the database file at ``path`` (open nowhere else) under ``new_key``.

    SQLCipher's ``PRAGMA rekey`` rewrites every page in one write transaction; it must not
    run inside another transaction (the connection is in autocommit mode). The file is in WAL
    mode (switched to it if not): the rewritten pages go to the WAL and count only once the
    commit frame is written, so a crash leaves a file that reads entirely under the old key
    or entirely under the new one, never a mix. The caller keeps both keys in the key file
    until this has returned. Finally the WAL is checkpointed into the file."""
    conn = _connect_raw(path, old_key)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the old key reads it
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()


def _connect_raw(path: Path, key: bytes, *, quiet: bool = False) -> Any:
    from sqlcipher3 import dbapi2

    # isolation_level=None: the driver never issues BEGIN itself; SQLAlchemy does (see below).
    conn = dbapi2.connect(str(path), isolation_level=None, check_same_thread=False)
    if quiet:  # a probe with a key that may not fit: no "hmac check failed" on stderr
        conn.execute("PRAGMA cipher_log_level = NONE").fetchall()
    conn.execute(_pragma_key(key))
    return conn


def create_encrypted_engine(path: Path, key: bytes, *, create: bool = False) -> Engine:
    """An engine on the encrypted file at ``path``.

    With ``create`` False the file must exist and the key must open it (checked here, on the
    first query, where a wrong key shows as "file is not a database").
    """
    from sqlcipher3 import dbapi2

    if not create and not path.exists():
        raise FileNotFoundError(path)

    def creator() -> Any:
        return _connect_raw(path, key)

    # hide_parameters: an error message (which may reach the log) never carries the values
    # of a statement, i.e. names, CPR numbers or note text.
    # A pool of its own connections (not one per thread): a unit of work and, after it, the
    # access log's record of a refusal each take a connection of their own, as on PostgreSQL.
    engine = create_engine(
        "sqlite://",
        creator=creator,
        module=dbapi2,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA busy_timeout = 5000")
        cur.execute("PRAGMA cache_size = -32000")
        # WAL with synchronous=NORMAL: a commit is safe from a crash of the program (the
        # autosave's case) and the file is never corrupted; only a power cut can undo the
        # last commits. FULL would fsync on every commit, several ms per keystroke save.
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # IMMEDIATE: take the write lock at the start (waiting up to busy_timeout), so a
        # unit of work that reads and then writes (every audited call does) never fails
        # half-way because another thread or process wrote in between.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        # A raw connection: no BEGIN is emitted, so the journal mode can still change.
        raw = engine.raw_connection()
        try:
            (tables,) = raw.cursor().execute("SELECT count(*) FROM sqlite_master").fetchone()
            if create:
                raw.cursor().execute("PRAGMA journal_mode = WAL").fetchone()
            elif not tables:
                # An empty (e.g. 0-byte) file is a database that was lost, not a new one:
                # never fill it with a fresh schema.
                raise EmptyDatabaseFile(str(path.name))
        finally:
            raw.close()
    except Exception as exc:
        engine.dispose()
        if "not a database" in str(exc) or "encrypted" in str(exc):
            raise WrongKeyError(str(path.name)) from None
        raise
    return engine


class Database:
    """An open database, on whichever engine: the engine, its sessions and the unit of work.

    The two engines are ``EncryptedFileDatabase`` (the laptop's SQLCipher file, the embedded
    default) and ``PostgresDatabase`` (the shared record). Services take a ``Database`` and
    ask ``dialect`` only where the engines truly differ (search, maintenance)."""

    #: The database file, for the engine that has one (None on a server).
    path: Path | None = None
    #: A replica of the shared record: its write operations are recorded for the server.
    replica: bool = False
    #: The shared record: operations pushed by replicas are recorded as applied.
    applies_operations: bool = False

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._thread = threading.local()  # the unit of work open on each thread
        # Run inside every unit of work that ends well, just before its commit (the sync's
        # outbox and applied-operation records join the work they record).
        self.before_commit: list[Callable[[Session], None]] = []

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @property
    def describe(self) -> str:
        """Where the data is, for people (never a password)."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on error. Units of work do not
        nest; work that must be written whatever becomes of the open one (a refusal for the
        access log) goes through ``after_unit_of_work``."""
        if getattr(self._thread, "open", False):
            raise NestedUnitOfWork("a unit of work is already open on this thread")
        self._thread.open = True
        self._thread.after = []
        failed = True
        try:
            with self._sessions.begin() as session:
                yield session
                for hook in self.before_commit:
                    hook(session)
            failed = False
        finally:
            self._thread.open = False
            after: list[Callable[[], None]] = self._thread.after
            self._thread.after = []
            self._thread.in_after = True
            try:
                self._run_after(after, failed)
            finally:
                self._thread.in_after = False

    def running_after_work(self) -> bool:
        """True while work queued by ``after_unit_of_work`` runs (a refusal's log entry)."""
        return bool(getattr(self._thread, "in_after", False))

    @staticmethod
    def _run_after(after: list[Callable[[], None]], failed: bool) -> None:
        for work in after:
            try:
                work()
            except Exception:
                if not failed:
                    raise
                # The unit of work's own error is what the caller must see.
                log.exception("work after a failed unit of work failed too")

    def in_unit_of_work(self) -> bool:
        return bool(getattr(self._thread, "open", False))

    def after_unit_of_work(self, work: Callable[[], None]) -> None:
        """Run ``work`` (which opens a unit of work of its own) once the unit of work open on
        this thread has ended, committed or rolled back; at once when none is open."""
        if self.in_unit_of_work():
            self._thread.after.append(work)
        else:
            work()

    def close(self) -> None:
        self.engine.dispose()


class EncryptedFileDatabase(Database):
    """The laptop's encrypted file: engine plus session factory. One per login."""

    path: Path

    def __init__(self, path: Path, engine: Engine, key: bytes, lock: Path | None = None) -> None:
        super().__init__(engine)
        self.path = path
        self._lock = lock
        # Kept in memory only, to wrap the key for a new or reset user; never shown or logged.
        self._key = key

    @property
    def describe(self) -> str:
        return str(self.path)

    @classmethod
    def open(cls, path: Path, key: bytes, *, create: bool = False) -> EncryptedFileDatabase:
        """Open (or create) the file; raises DatabaseInUse if another program has it."""
        if not create and not path.exists():
            raise FileNotFoundError(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = _InstanceLock.acquire(path)
        try:
            return cls(path, create_encrypted_engine(path, key, create=create), key, lock)
        except BaseException:
            _InstanceLock.release(lock)
            raise

    def wrap_key_for(
        self, store: KeyStore, login: str, password: str, params: KdfParams = DEFAULT_KDF
    ) -> None:
        store.add_user(login, password, self._key, params)

    def use_key(self, work: Callable[[bytes], T]) -> T:
        """Lend the database key to key-file work (re-keying, checking a key file's tags);
        the work never returns, shows or logs it."""
        return work(self._key)

    def rekey(self, new_key: bytes) -> None:
        """Re-encrypt this open database under ``new_key`` (see rekey_file). The pooled
        connections hold the old key: they are closed first, and a new engine takes over."""
        self.engine.dispose()
        rekey_file(self.path, self._key, new_key)
        self.engine = create_encrypted_engine(self.path, new_key)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._key = new_key

    def backup_to(self, target: Path) -> None:
        """A consistent, encrypted copy (same key) written beside ``target`` and renamed into
        place, through SQLite's online backup API: writers may go on meanwhile."""
        import tempfile

        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".backup-", suffix=".db", dir=target.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            # The empty file mkstemp made (readable by this user only) becomes the copy:
            # SQLite takes an empty file for a new database and keeps its permissions.
            copy = _connect_raw(tmp, self._key)
            source = self.engine.raw_connection()
            try:
                source.driver_connection.backup(copy)  # type: ignore[union-attr]
            finally:
                source.close()
                copy.close()
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def close(self) -> None:
        super().close()
        if self._lock is not None:
            _InstanceLock.release(self._lock)
            self._lock = None


POSTGRES_DRIVER = "postgresql+psycopg"


def postgres_url(text: str | URL) -> URL:
    """The URL with the psycopg 3 driver, whatever driver (or none) it named."""
    url = make_url(text)
    if url.get_backend_name() != "postgresql":
        raise ValueError("not a PostgreSQL URL")
    return url.set(drivername=POSTGRES_DRIVER)


class PostgresDatabase(Database):
    """The shared record on PostgreSQL (15 or newer), through psycopg 3.

    Every transaction is READ COMMITTED; what must not interleave takes a row or advisory
    lock inside its unit of work (the access log's chain, a meeting's revision). Times are
    stored as UTC without a zone, as on SQLite, so both engines read back the same values."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)

    @classmethod
    def connect(cls, url: str | URL, *, pool_size: int = 5) -> PostgresDatabase:
        engine = create_engine(
            postgres_url(url),
            poolclass=QueuePool,
            pool_size=pool_size,
            max_overflow=pool_size,
            pool_pre_ping=True,
            hide_parameters=True,
            connect_args={"application_name": "stevnsmoeder"},
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            with dbapi_conn.cursor() as cur:
                cur.execute("SET TIME ZONE 'UTC'")
            dbapi_conn.commit()

        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except Exception:
            engine.dispose()
            raise
        return cls(engine)
