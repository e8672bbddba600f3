"""The key file beside the database: one random 256-bit database key, sealed per user.

Each user has an X25519 key pair. The private key is sealed with AES-256-GCM under a key
derived from the user's password with Argon2id; the public key is stored beside it. The
database key is sealed to each user's public key (an ephemeral X25519 agreement, HKDF-SHA256,
AES-256-GCM). So anyone who holds the database key — any logged-in user, without knowing
anyone's password — can seal a *new* database key for every remaining user: the database can
be re-keyed when a user is closed or changes their password, and every remaining user logs in
with an unchanged password. A closed user's old copy of the key file then yields only the old
database key, which no longer opens the live file; and their old private key opens nothing in
the new key file.

Each public key carries a tag (HMAC-SHA256 under a key derived from the database key), so
someone who can write the key file but does not hold the database key cannot slip in a public
key of their own and have the next re-key sealed to it.

Associated data binds every sealed value to this key file, this login and (for the database
key) this key generation, so an entry cannot be copied to another user or another database.

File format (JSON, UTF-8), version 2::

    {"format", "version": 2, "file_id", "current": key_id, "next": key_id | null,
     "users": {login: {"kdf", "t", "m", "p", "salt", "nonce", "sealed", "public", "tag"}},
     "wraps": {key_id: {login: {"epk", "nonce", "wrapped"}}}}

``next`` is set only while a re-key is under way (see services/rekey.py): then the database
is readable with one of the two keys, and the file holds both for every remaining user.

Version 1 (still read; each entry is upgraded at that user's next login): an entry held the
database key wrapped directly under the password-derived key (``"wrapped"``); such an entry
cannot be re-sealed without its password, so a re-key drops it (the administrator gives that
user a new password).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "stevnsmoeder-keys"
VERSION = 2
READABLE_VERSIONS = (1, 2)
KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12

# Argon2id costs a key file may ask for: outside them a damaged (or hostile) file could make
# a login take for ever or exhaust memory.
_T_RANGE = (1, 16)
_M_RANGE = (8, 4 * 1024 * 1024)  # KiB: up to 4 GiB
_P_RANGE = (1, 16)


class KeyStoreError(Exception):
    """The key file is missing, unreadable or not ours."""


class WrongCredentials(Exception):
    """Unknown login or wrong password (deliberately not told apart)."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: 128 MiB in one pass, two lanes. Memory is what makes each guess dear on
    a graphics card; one pass over 128 MiB costs about as long as the two passes over 64 MiB
    used before (some 0.1 s on a two-core laptop), which the login's budget allows."""

    time_cost: int = 1
    memory_cost_kib: int = 128 * 1024
    parallelism: int = 2


DEFAULT_KDF = KdfParams()
# Earlier defaults: an entry made with one is sealed anew with DEFAULT_KDF at its user's next
# login (other costs, chosen on purpose, are left as they are).
EARLIER_DEFAULTS = (KdfParams(time_cost=2, memory_cost_kib=64 * 1024, parallelism=2),)


def keyfile_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


def normalise_login(login: str) -> str:
    return login.strip().lower()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(password: str, salt: bytes, params: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _params(entry: dict[str, Any]) -> KdfParams:
    params = KdfParams(int(entry["t"]), int(entry["m"]), int(entry["p"]))
    if not (
        _T_RANGE[0] <= params.time_cost <= _T_RANGE[1]
        and _M_RANGE[0] <= params.memory_cost_kib <= _M_RANGE[1]
        and _P_RANGE[0] <= params.parallelism <= _P_RANGE[1]
        and params.memory_cost_kib >= 8 * params.parallelism
    ):
        raise KeyStoreError("key derivation parameters out of range")
    return params


def _hkdf(secret: bytes, info: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(secret)


def new_key_id() -> str:
    return secrets.token_hex(8)


@dataclass
class KeyStore:
    path: Path
    file_id: str
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    wraps: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    current: str | None = None
    next: str | None = None
    loaded_version: int = VERSION
    # The serial number of the failed-login file (<db>.attempts) as of the last login, and
    # where the database was then, with a tag under the database key: a deleted or older
    # attempts file shows before the next login, an altered record at it (see
    # services/login_attempts). A copy of the database elsewhere has a record of its own.
    attempts_seen: dict[str, Any] | None = None

    # -- construction -------------------------------------------------------------------
    @classmethod
    def new(cls, path: Path) -> KeyStore:
        return cls(path=path, file_id=uuid.uuid4().hex)

    @classmethod
    def load(cls, path: Path) -> KeyStore:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise KeyStoreError("missing") from None
        except (OSError, ValueError) as exc:
            raise KeyStoreError("unreadable") from exc
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise KeyStoreError("not a key file")
        version = raw.get("version")
        if version not in READABLE_VERSIONS:
            raise KeyStoreError("unsupported version")
        users = raw.get("users")
        if not isinstance(users, dict) or not isinstance(raw.get("file_id"), str):
            raise KeyStoreError("damaged")
        if not all(isinstance(e, dict) for e in users.values()):
            raise KeyStoreError("damaged")
        if version == 1:
            return cls(path=path, file_id=raw["file_id"], users=users, loaded_version=1)
        wraps, current, nxt = raw.get("wraps"), raw.get("current"), raw.get("next")
        if (
            not isinstance(wraps, dict)
            or not all(isinstance(w, dict) for w in wraps.values())
            or (current is not None and current not in wraps)
            or (nxt is not None and nxt not in wraps)
        ):
            raise KeyStoreError("damaged")
        seen = raw.get("attempts_seen")
        if not (
            isinstance(seen, dict)
            and isinstance(seen.get("serial"), int)
            and isinstance(seen.get("where"), str)
            and isinstance(seen.get("tag"), str)
        ):
            seen = None
        return cls(
            path=path,
            file_id=raw["file_id"],
            users=users,
            wraps=wraps,
            current=current,
            next=nxt,
            attempts_seen=seen,
        )

    # -- reading ----------------------------------------------------------------------------
    def logins(self) -> list[str]:
        return sorted(self.users)

    @property
    def pending(self) -> bool:
        """A re-key was begun and not finished (a crash, or it is under way)."""
        return self.next is not None

    def has_earlier_default(self, login: str) -> bool:
        """True for an entry sealed with an earlier default cost (see EARLIER_DEFAULTS)."""
        entry = self.users.get(normalise_login(login))
        try:
            return entry is not None and _params(entry) in EARLIER_DEFAULTS
        except (KeyError, ValueError, KeyStoreError):
            return False

    def is_legacy(self, login: str) -> bool:
        """True for a version-1 entry (the key wrapped under the password directly)."""
        entry = self.users.get(normalise_login(login))
        return entry is not None and "public" not in entry

    def _seal_aad(self, login: str, public: str) -> bytes:
        return f"{FORMAT}/2/{self.file_id}/{login}/{public}".encode()

    def _wrap_info(self, login: str, key_id: str) -> bytes:
        return f"{FORMAT}/2/wrap/{self.file_id}/{login}/{key_id}".encode()

    def _legacy_aad(self, login: str) -> bytes:
        return f"{FORMAT}/1/{self.file_id}/{login}".encode()

    def _kek(self, entry: dict[str, Any], password: str) -> bytes:
        return _derive(password, _unb64(entry["salt"]), _params(entry))

    def unwrap_keys(self, login: str, password: str) -> list[bytes]:
        """The database keys this user holds, the current one first (and the next one while a
        re-key is under way). WrongCredentials for an unknown login or a wrong password."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        login = normalise_login(login)
        entry = self.users.get(login)
        if entry is None:
            # Spend the same time as a real attempt, so timing does not reveal logins.
            _derive(password, b"\0" * SALT_BYTES, DEFAULT_KDF)
            raise WrongCredentials()
        try:
            kek = self._kek(entry, password)
            if "public" not in entry:  # version 1
                return [
                    AESGCM(kek).decrypt(
                        _unb64(entry["nonce"]), _unb64(entry["wrapped"]), self._legacy_aad(login)
                    )
                ]
            private = AESGCM(kek).decrypt(
                _unb64(entry["nonce"]),
                _unb64(entry["sealed"]),
                self._seal_aad(login, entry["public"]),
            )
            keys = []
            for key_id in (self.current, self.next):
                wrap = self.wraps.get(key_id or "", {}).get(login)
                if key_id is not None and wrap is not None:
                    keys.append(self._open_wrap(private, login, key_id, wrap))
        except InvalidTag:
            raise WrongCredentials() from None
        except (KeyError, ValueError, TypeError) as exc:
            raise KeyStoreError("damaged entry") from exc
        if not keys:
            raise WrongCredentials()  # an entry without a key: a re-key left this user out
        return keys

    def unwrap(self, login: str, password: str) -> bytes:
        """The current database key, or WrongCredentials. Reads nothing but this object."""
        return self.unwrap_keys(login, password)[0]

    def _open_wrap(self, private: bytes, login: str, key_id: str, wrap: dict[str, str]) -> bytes:
        from cryptography.hazmat.primitives.asymmetric.x25519 import (
            X25519PrivateKey,
            X25519PublicKey,
        )
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        shared = X25519PrivateKey.from_private_bytes(private).exchange(
            X25519PublicKey.from_public_bytes(_unb64(wrap["epk"]))
        )
        secret = _hkdf(shared, self._wrap_info(login, key_id))
        return AESGCM(secret).decrypt(
            _unb64(wrap["nonce"]), _unb64(wrap["wrapped"]), self._wrap_info(login, key_id)
        )

    # -- writing ----------------------------------------------------------------------------
    def _seal_to(self, public: str, login: str, key_id: str, db_key: bytes) -> dict[str, str]:
        from cryptography.hazmat.primitives.asymmetric.x25519 import (
            X25519PrivateKey,
            X25519PublicKey,
        )
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        ephemeral = X25519PrivateKey.generate()
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(_unb64(public)))
        secret = _hkdf(shared, self._wrap_info(login, key_id))
        nonce = secrets.token_bytes(NONCE_BYTES)
        return {
            "epk": _b64(ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)),
            "nonce": _b64(nonce),
            "wrapped": _b64(AESGCM(secret).encrypt(nonce, db_key, self._wrap_info(login, key_id))),
        }

    def _tag(self, db_key: bytes, login: str, public: str) -> str:
        mac_key = _hkdf(db_key, f"{FORMAT}/2/tag/{self.file_id}".encode())
        message = f"{login}/{public}".encode()
        return _b64(hmac.new(mac_key, message, hashlib.sha256).digest())

    def tag_ok(self, db_key: bytes, login: str) -> bool:
        entry = self.users.get(login, {})
        if "public" not in entry or not isinstance(entry.get("tag"), str):
            return False
        return hmac.compare_digest(entry["tag"], self._tag(db_key, login, entry["public"]))

    def add_user(
        self, login: str, password: str, db_key: bytes, params: KdfParams = DEFAULT_KDF
    ) -> None:
        """Give ``login`` a new key pair sealed under ``password`` and seal ``db_key`` (the
        current key) to it, replacing an existing entry. Call save() after."""
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        from cryptography.hazmat.primitives.serialization import (
            Encoding,
            NoEncryption,
            PrivateFormat,
            PublicFormat,
        )

        if len(db_key) != KEY_BYTES:
            raise ValueError("database key must be 32 bytes")
        if self.pending:
            raise KeyStoreError("a re-key is under way")
        login = normalise_login(login)
        if self.current is None:  # a new file, or a version-1 file being upgraded
            self.current = new_key_id()
            self.wraps[self.current] = {}
        private = X25519PrivateKey.generate()
        public = _b64(private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
        raw_private = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        salt = secrets.token_bytes(SALT_BYTES)
        nonce = secrets.token_bytes(NONCE_BYTES)
        kek = _derive(password, salt, params)
        self.users[login] = {
            "kdf": "argon2id",
            "t": params.time_cost,
            "m": params.memory_cost_kib,
            "p": params.parallelism,
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "sealed": _b64(AESGCM(kek).encrypt(nonce, raw_private, self._seal_aad(login, public))),
            "public": public,
            "tag": self._tag(db_key, login, public),
        }
        for wraps in self.wraps.values():
            wraps.pop(login, None)
        self.wraps[self.current][login] = self._seal_to(public, login, self.current, db_key)

    def legacy_params(self, login: str) -> KdfParams:
        return _params(self.users[normalise_login(login)])

    def remove_user(self, login: str) -> None:
        login = normalise_login(login)
        self.users.pop(login, None)
        for wraps in self.wraps.values():
            wraps.pop(login, None)

    def begin_rekey(self, old_key: bytes, new_key: bytes) -> list[str]:
        """Seal ``new_key`` for every user whose public key carries a valid tag under
        ``old_key`` (the current key) and mark it as the next key. Entries that cannot be
        sealed to — version-1 entries, or a public key that is not authentic — are removed and
        their logins returned: those users need a new password from an administrator."""
        if self.pending or self.current is None:
            raise KeyStoreError("no current key to re-key from")
        dropped = [login for login in self.users if not self.tag_ok(old_key, login)]
        for login in dropped:
            self.remove_user(login)
        self.next = new_key_id()
        self.wraps[self.next] = {
            login: self._seal_to(entry["public"], login, self.next, new_key)
            for login, entry in self.users.items()
        }
        return sorted(dropped)

    def abort_rekey(self) -> None:
        """Forget the next key (the database was not re-keyed: it still reads under the
        current one). Entries removed by begin_rekey stay removed."""
        if self.next is not None:
            self.wraps.pop(self.next, None)
            self.next = None

    def finish_rekey(self, new_key: bytes) -> None:
        """The database is now under the next key: it becomes the only one."""
        if self.next is None:
            raise KeyStoreError("no re-key under way")
        self.current, self.next = self.next, None
        self.wraps = {self.current: self.wraps[self.current]}
        for login, entry in self.users.items():
            entry["tag"] = self._tag(new_key, login, entry["public"])
        if self.attempts_seen is not None:
            seen = self.attempts_seen
            self.record_attempts(int(seen["serial"]), str(seen["where"]), new_key)

    # -- the record of the failed-login file ---------------------------------------------
    def seen_attempts_serial(self, where: str) -> int:
        """The attempts file's serial number as of the last login at ``where`` (as the file
        claims it); 0 for a database that was last logged into elsewhere (a copy)."""
        seen = self.attempts_seen
        return int(seen["serial"]) if seen and seen["where"] == where else 0

    def _attempts_tag(self, db_key: bytes, serial: int, where: str) -> str:
        mac_key = _hkdf(db_key, f"{FORMAT}/2/attempts/{self.file_id}".encode())
        return hmac.new(mac_key, f"{where}/{serial}".encode(), hashlib.sha256).hexdigest()

    def record_attempts(self, serial: int, where: str, db_key: bytes) -> None:
        tag = self._attempts_tag(db_key, serial, where)
        self.attempts_seen = {"serial": serial, "where": where, "tag": tag}

    def attempts_record_ok(self, db_key: bytes) -> bool:
        """False when the record was altered by someone without the database key."""
        seen = self.attempts_seen
        if seen is None:
            return True
        expected = self._attempts_tag(db_key, int(seen["serial"]), str(seen["where"]))
        return hmac.compare_digest(expected, str(seen["tag"]))

    def save(self) -> None:
        """Write atomically (temporary file, fsync, rename): a crash leaves old or new."""
        data = json.dumps(
            {
                "format": FORMAT,
                "version": VERSION,
                "file_id": self.file_id,
                "current": self.current,
                "next": self.next,
                "users": self.users,
                "wraps": self.wraps,
                **({"attempts_seen": self.attempts_seen} if self.attempts_seen else {}),
            },
            indent=2,
            sort_keys=True,
        )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".keys-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
            _fsync_dir(self.path.parent)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.loaded_version = VERSION


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no directory handles to sync)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)
