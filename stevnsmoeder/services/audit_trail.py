"""The access log's head, kept outside the database where a rollback shows.

The hash chain (services.audit) shows an event altered, inserted or removed in the middle;
it cannot show the newest events deleted, or an older copy of the whole file put back over
the live one: what is left is a shorter, perfectly valid chain. So the chain's head
(sequence number and hash) is also written where such a rollback cannot reach it:

- beside every backup, in ``<backup>.head.json``;
- in the **export**: per day, an append-only file of signed lines, one per event, in a
  folder the municipality's log collector picks up (a setting; written on closing and by
  ``stevnsmoeder audit export``). The lines carry no detail text (a search term may be a
  name): sequence, time, user, action, object ids and the chain's hashes, each line signed
  with this database's Ed25519 key. The public key lies beside the files.

At every login the live chain must contain the newest backup's head and the export's
newest line for this database; when it does not, the login says so plainly and the access
log records it. A restore from a backup is no rollback: it marks the heads it knowingly
goes back behind as accepted.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import hmac
import json
import os
import secrets
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.domain.dates import LOCAL_TZ
from stevnsmoeder.i18n import _
from stevnsmoeder.services import app_settings, audit, backup_rotation
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ValidationError
from stevnsmoeder.services.permissions import Permission, require

SIGNING_KEY = "audit.export.signing_key"
HEAD_KEY = "audit.head_key"  # keys the hashes written outside the database
FOLDER = "audit.export.folder"
EXPORTED = "audit.export.last_seq"
ACCEPTED = "audit.accepted_heads"  # heads a restore knowingly went back behind


@dataclass(frozen=True)
class ChainHead:
    seq: int
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash}

    @classmethod
    def from_json(cls, data: Any) -> ChainHead | None:
        try:
            seq, digest = int(data["seq"]), str(data["hash"])
        except (KeyError, TypeError, ValueError):
            return None
        if seq < 1 or len(digest) != 64:
            return None
        return cls(seq, digest)


def head(s: Session) -> ChainHead | None:
    row = s.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    return ChainHead(row.seq, row.hash) if row else None


def _head_key(s: Session) -> bytes:
    """A secret inside the encrypted database. The chain's hashes are plain SHA-256 over
    each event, search terms included: written outside as they are, a guess at a term (a
    name, a CPR number) could be checked against them. Outside, they are keyed with this."""
    stored = app_settings.get(s, HEAD_KEY)
    if stored:
        return bytes.fromhex(stored)
    key = secrets.token_bytes(32)
    app_settings.put(s, HEAD_KEY, key.hex())
    return key


def _keyed(key: bytes, digest: str) -> str:
    return hmac.new(key, digest.encode(), hashlib.sha256).hexdigest()


def outside_head(s: Session) -> ChainHead | None:
    """The chain's head as written outside the database (its hash keyed)."""
    found = head(s)
    return ChainHead(found.seq, _keyed(_head_key(s), found.hash)) if found else None


def _hash_at(s: Session, seq: int) -> str | None:
    return s.scalar(select(AuditEvent.hash).where(AuditEvent.seq == seq))


def _keyed_at(s: Session, seq: int) -> str | None:
    found = _hash_at(s, seq)
    return _keyed(_head_key(s), found) if found else None


def _database_id(s: Session) -> str:
    """A short, stable name for this database's chain: its first event's hash."""
    return (_hash_at(s, 1) or "0" * 64)[:12]


def _write_atomically(path: Path, data: bytes, mode: int = 0o600) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        os.chmod(name, mode)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


# -- beside the backups ------------------------------------------------------------------------


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".head.json")


def write_manifest(backup: Path, chain_head: ChainHead | None, taken_at: datetime) -> None:
    """The chain's head as it was when the backup was taken (the backup holds at least it)."""
    document = {
        "taken_at": taken_at.isoformat(timespec="seconds"),
        "head": chain_head.to_json() if chain_head else None,
    }
    _write_atomically(manifest_path(backup), json.dumps(document, indent=1).encode())


def read_manifest(backup: Path) -> ChainHead | None:
    try:
        document = json.loads(manifest_path(backup).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return ChainHead.from_json(document.get("head")) if isinstance(document, dict) else None


# -- the signed export ------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportReport:
    folder: Path
    events: int
    files: tuple[Path, ...]


def export_folder(ctx: ServiceContext) -> Path | None:
    with ctx.db.begin() as s:
        value = app_settings.get(s, FOLDER)
    return Path(value) if value else None


def set_export_folder(ctx: ServiceContext, folder: Path | None) -> None:
    """Where the log collector picks the export up (administrators); None stops it."""
    require(ctx, Permission.VIEW_AUDIT, "set where the access log is exported")
    if folder is not None and not folder.is_absolute():
        raise ValidationError(_("The export folder must be a full path."))
    with ctx.db.begin() as s:
        app_settings.put(s, FOLDER, str(folder) if folder else "")
        audit.record(s, ctx, "audit.export.folder", detail=str(folder or ""))


def export(ctx: ServiceContext, folder: Path | None = None) -> ExportReport:
    """Append the events not yet exported (administrators, on request)."""
    require(ctx, Permission.VIEW_AUDIT, "export the access log")
    target = folder or export_folder(ctx)
    if target is None:
        raise ValidationError(_("No export folder is set: give one with --folder."))
    if folder is not None:
        set_export_folder(ctx, folder)
    return _export(ctx, target)


def export_on_closing(ctx: ServiceContext) -> ExportReport | None:
    """On closing, by any user: the events since the last export, when a folder is set.
    (Writing the log out is no access to anything; the folder is the administrator's.)"""
    target = export_folder(ctx)
    return _export(ctx, target) if target else None


def _signing_key(s: Session) -> Any:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    stored = app_settings.get(s, SIGNING_KEY)
    if stored:
        return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(stored))
    key = Ed25519PrivateKey.generate()
    from cryptography.hazmat.primitives import serialization

    raw = key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    app_settings.put(s, SIGNING_KEY, raw.hex())  # inside the encrypted database only
    return key


def _canonical(line: dict[str, Any]) -> bytes:
    return json.dumps(line, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _export(ctx: ServiceContext, folder: Path) -> ExportReport:
    from cryptography.hazmat.primitives import serialization

    folder.mkdir(parents=True, exist_ok=True)
    with ctx.db.begin() as s:
        key = _signing_key(s)
        mac = _head_key(s)
        db_id = _database_id(s)
        done = int(app_settings.get(s, EXPORTED) or 0)
        events = s.scalars(
            select(AuditEvent).where(AuditEvent.seq > done).order_by(AuditEvent.seq)
        ).all()
        public = key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        pub_file = folder / f"stevnsmoeder-audit-{db_id}.pub"
        if pub_file.is_symlink() or not pub_file.is_file() or pub_file.read_bytes() != public:
            _write_atomically(pub_file, public, mode=0o644)  # for the collector to read
        by_file: dict[Path, list[bytes]] = {}
        for ev in events:
            line: dict[str, Any] = {
                "db": db_id,
                "seq": ev.seq,
                "at": ev.at.isoformat(timespec="microseconds"),
                "user": ev.login,
                "action": ev.action,
                "object_type": ev.object_type,
                "object_id": str(ev.object_id or ""),
                "case_id": str(ev.case_id or ""),
                "prev_hash": _keyed(mac, ev.prev_hash),
                "hash": _keyed(mac, ev.hash),
            }
            line["sig"] = base64.b64encode(key.sign(_canonical(line))).decode()
            day = ev.at.astimezone(LOCAL_TZ).date()
            name = folder / f"stevnsmoeder-audit-{db_id}-{day.isoformat()}.jsonl"
            by_file.setdefault(name, []).append(_canonical(line) + b"\n")
        for name, lines in by_file.items():
            # Append only: what the collector has read is never rewritten. Never through a
            # link (it would put the events in someone else's file).
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
            if name.is_symlink():
                raise OSError(errno.ELOOP, "a link in the export folder", str(name))
            fd = os.open(name, flags, 0o644)
            with os.fdopen(fd, "ab") as out:
                out.write(b"".join(lines))
                out.flush()
                os.fsync(out.fileno())
        if events:
            app_settings.put(s, EXPORTED, str(events[-1].seq))
    return ExportReport(folder, len(events), tuple(sorted(by_file)))


def verify_export_line(raw: bytes, public_pem: bytes) -> bool:
    """True when one exported line is signed by the key in ``public_pem``."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    try:
        line = json.loads(raw)
        signature = base64.b64decode(line.pop("sig"))
        public = load_pem_public_key(public_pem)
        assert isinstance(public, Ed25519PublicKey)
        public.verify(signature, _canonical(line))
        return True
    except (InvalidSignature, ValueError, KeyError, TypeError, AssertionError):
        return False


def _export_head(folder: Path, db_id: str, public_pem: bytes) -> tuple[ChainHead, str] | None:
    """The highest exported line for this database that its key signed (the collector's
    copy of the head), from the newest day files that hold such lines. Unsigned or forged
    lines, links and unreadable files are passed over."""
    try:
        names = sorted(folder.glob(f"stevnsmoeder-audit-{db_id}-*.jsonl"), reverse=True)
    except OSError:
        return None
    best: tuple[ChainHead, str] | None = None
    files_with_lines = 0
    for name in names:
        if files_with_lines >= 7:
            break
        try:
            if name.is_symlink() or not name.is_file():
                continue
            lines = name.read_bytes().splitlines()
        except OSError:
            continue
        # Lines are appended in order: the last one this key signed is the file's highest
        # (read from the end, so a login verifies a signature or two, not a day's worth).
        last = next((raw for raw in reversed(lines) if verify_export_line(raw, public_pem)), None)
        if last is None:
            continue
        files_with_lines += 1
        found = ChainHead.from_json(json.loads(last))
        if found and (best is None or found.seq > best[0].seq):
            best = (found, name.name)
    return best


# -- the check at login ------------------------------------------------------------------------


def references(ctx: ServiceContext) -> list[tuple[str, ChainHead]]:
    """The heads recorded outside the database: the newest backup's, and the export's."""
    found: list[tuple[str, ChainHead]] = []
    in_rotation = backup_rotation.list_backups(ctx.file_db.path) if ctx.on_file else []
    recorded = [(read_manifest(info.path), info.path.name) for info in in_rotation]
    heads = [(h, name) for h, name in recorded if h is not None]
    if heads:  # the highest head any backup in the rotation recorded
        top, name = max(heads, key=lambda pair: pair[0].seq)
        found.append((name, top))
    folder = export_folder(ctx)
    if folder is not None:
        from cryptography.hazmat.primitives import serialization

        with ctx.db.begin() as s:
            db_id = _database_id(s)
            public = (
                _signing_key(s)
                .public_key()
                .public_bytes(
                    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
                )
            )
        exported = _export_head(folder, db_id, public)
        if exported is not None:
            found.append((exported[1], exported[0]))
    return found


def accept(ctx: ServiceContext, heads: list[ChainHead]) -> None:
    """A restore goes back behind these heads on purpose: they are no rollback."""
    with ctx.db.begin() as s:
        known = json.loads(app_settings.get(s, ACCEPTED) or "[]")
        known += [h.to_json() for h in heads if h.to_json() not in known]
        app_settings.put(s, ACCEPTED, json.dumps(known[-50:]))


def rollback_warning(ctx: ServiceContext) -> str | None:
    """A warning for the user when the live access log lacks a head recorded outside it (the
    newest events deleted, or an older copy of the database put back); logged too."""
    refs = references(ctx)
    if not refs:
        return None
    with ctx.db.begin() as s:
        accepted = {
            (h.seq, h.hash)
            for h in (
                ChainHead.from_json(x) for x in json.loads(app_settings.get(s, ACCEPTED) or "[]")
            )
            if h
        }
        missing = [
            (where, ref)
            for where, ref in refs
            if (ref.seq, ref.hash) not in accepted and _keyed_at(s, ref.seq) != ref.hash
        ]
        if not missing:
            return None
        ref = min((r for _w, r in missing), key=lambda r: r.seq)
        where = " / ".join(w for w, _r in missing)
        audit.record(
            s, ctx, "audit.rollback", detail=f"head {ref.seq} of {where} is not in the log"
        )
    return _(
        "Warning: the access log lacks event {seq}, which {where} recorded. Log entries "
        "have been deleted, or an older copy of the database has been put back in place of "
        "the live one. Tell the administrator and the data protection officer.",
        seq=ref.seq,
        where=where,
    )
