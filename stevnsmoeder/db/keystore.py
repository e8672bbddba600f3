"""The key file beside the database: one random 256-bit database key, wrapped per user.

Each user's password derives a key-encryption key with Argon2id; AES-256-GCM wraps the
database key with it. The associated data binds each wrapped key to this key file and this
login, so an entry cannot be copied to another user or another database. There is no shared
passphrase, and changing one user's password rewraps only that user's entry.

File format (JSON, UTF-8): ``{"format", "version", "file_id", "users": {login: entry}}`` where
an entry holds the KDF parameters, salt, nonce and ciphertext (base64).
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "stevnsmoeder-keys"
VERSION = 1
KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12


class KeyStoreError(Exception):
    """The key file is missing, unreadable or not ours."""


class WrongCredentials(Exception):
    """Unknown login or wrong password (deliberately not told apart)."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. 64 MiB and two passes take about 0.13 s on a two-core laptop."""

    time_cost: int = 2
    memory_cost_kib: int = 64 * 1024
    parallelism: int = 2


DEFAULT_KDF = KdfParams()


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


@dataclass
class KeyStore:
    path: Path
    file_id: str
    users: dict[str, dict[str, Any]] = field(default_factory=dict)

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
        if raw.get("version") != VERSION:
            raise KeyStoreError("unsupported version")
        users = raw.get("users")
        if not isinstance(users, dict) or not isinstance(raw.get("file_id"), str):
            raise KeyStoreError("damaged")
        return cls(path=path, file_id=raw["file_id"], users=users)

    # -- use ------------------------------------------------------------------------------
    def logins(self) -> list[str]:
        return sorted(self.users)

    def _aad(self, login: str) -> bytes:
        return f"{FORMAT}/{VERSION}/{self.file_id}/{login}".encode()

    def add_user(
        self, login: str, password: str, db_key: bytes, params: KdfParams = DEFAULT_KDF
    ) -> None:
        """Wrap ``db_key`` for ``login`` (replacing an existing entry). Call save() after."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if len(db_key) != KEY_BYTES:
            raise ValueError("database key must be 32 bytes")
        login = normalise_login(login)
        salt = secrets.token_bytes(SALT_BYTES)
        nonce = secrets.token_bytes(NONCE_BYTES)
        kek = _derive(password, salt, params)
        wrapped = AESGCM(kek).encrypt(nonce, db_key, self._aad(login))
        self.users[login] = {
            "kdf": "argon2id",
            "t": params.time_cost,
            "m": params.memory_cost_kib,
            "p": params.parallelism,
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "wrapped": _b64(wrapped),
        }

    def remove_user(self, login: str) -> None:
        self.users.pop(normalise_login(login), None)

    def unwrap(self, login: str, password: str) -> bytes:
        """The database key, or WrongCredentials. Reads nothing but this object."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        login = normalise_login(login)
        entry = self.users.get(login)
        if entry is None:
            # Spend the same time as a real attempt, so timing does not reveal logins.
            _derive(password, b"\0" * SALT_BYTES, DEFAULT_KDF)
            raise WrongCredentials()
        try:
            params = KdfParams(int(entry["t"]), int(entry["m"]), int(entry["p"]))
            kek = _derive(password, _unb64(entry["salt"]), params)
            return AESGCM(kek).decrypt(
                _unb64(entry["nonce"]), _unb64(entry["wrapped"]), self._aad(login)
            )
        except InvalidTag:
            raise WrongCredentials() from None
        except (KeyError, ValueError, TypeError) as exc:
            raise KeyStoreError("damaged entry") from exc

    def save(self) -> None:
        """Write atomically (temporary file, fsync, rename): a crash leaves old or new."""
        data = json.dumps(
            {"format": FORMAT, "version": VERSION, "file_id": self.file_id, "users": self.users},
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
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)
