"""Devices and their sessions on the server.

A laptop registers once, as a user, with that user's password: it gets a device id and a
secret (kept in the user's encrypted replica). A login needs the user's password *and* the
device's secret and gives a short-lived token bound to that device. Every request checks
the token, the device and the user afresh, so revoking a user or a device takes effect at
its next request. Only SHA-256 hashes of secrets and tokens are stored.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from stevnsmoeder.db.base import utcnow
from stevnsmoeder.db.engine import PostgresDatabase
from stevnsmoeder.db.models import Device, DeviceSession, User
from stevnsmoeder.domain.text import one_line
from stevnsmoeder.i18n import _
from stevnsmoeder.services import audit
from stevnsmoeder.services.context import Clock, ServiceContext
from stevnsmoeder.services.errors import AuthError, NotFound, ValidationError
from stevnsmoeder.services.permissions import Permission, require
from stevnsmoeder.services.server_access import actor_of, verify_login

TOKEN_LIFETIME = timedelta(minutes=15)
MAX_DEVICE_NAME = 120


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class Registered:
    device_id: uuid.UUID
    secret: str  # shown once, to the laptop


@dataclass(frozen=True)
class Token:
    token: str
    expires_at: datetime


@dataclass(frozen=True)
class DeviceInfo:
    id: uuid.UUID
    login: str
    name: str
    registered_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None
    program_version: str

    def to_json(self) -> dict[str, str | None]:
        return {
            "id": str(self.id),
            "login": self.login,
            "name": self.name,
            "registered_at": self.registered_at.isoformat(),
            "last_seen_at": self.last_seen_at.isoformat() if self.last_seen_at else None,
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
            "program_version": self.program_version,
        }


def register(
    db: PostgresDatabase,
    login_name: str,
    password: str,
    device_name: str,
    *,
    program_version: str = "",
    clock: Clock = utcnow,
) -> Registered:
    """Register a laptop for the user whose password this is."""
    name = one_line(device_name).strip()[:MAX_DEVICE_NAME]
    if not name:
        raise ValidationError(_("Give the computer a name."))
    actor = verify_login(db, login_name, password, clock=clock, detail="device registration")
    secret = secrets.token_urlsafe(32)
    with db.begin() as s:
        device = Device(
            user_id=actor.user_id,
            name=name,
            secret_hash=_digest(secret),
            registered_at=clock(),
            program_version=program_version[:40],
        )
        s.add(device)
        s.flush()
        ctx = ServiceContext(db=db, actor=actor, clock=clock)
        audit.record(s, ctx, "device.register", object_type="device", object_id=device.id)
        return Registered(device.id, secret)


def login(
    db: PostgresDatabase,
    login_name: str,
    password: str,
    device_id: uuid.UUID,
    device_secret: str,
    *,
    clock: Clock = utcnow,
) -> tuple[Token, ServiceContext]:
    """A token for this user on this device (the device must be the user's and not revoked).
    A wrong device secret is refused before the password is even looked at."""
    now = clock()
    with db.begin() as s:
        device = s.get(Device, device_id)
        ok = device is not None and hmac.compare_digest(device.secret_hash, _digest(device_secret))
        revoked = device is not None and device.revoked_at is not None
        owner = device.user_id if device is not None else None
    if not ok or revoked:
        with db.begin() as s:
            audit.append(
                s,
                user_id=None,
                login="-",
                at=now,
                action="login.failed",
                detail="unknown or revoked device",
            )
        raise AuthError(_("This computer is not registered, or its access was revoked."))
    actor = verify_login(db, login_name, password, clock=clock, detail="device")
    if actor.user_id != owner:
        with db.begin() as s:
            audit.append(
                s,
                user_id=actor.user_id,
                login=actor.login,
                at=now,
                action="login.failed",
                detail="another user's device",
            )
        raise AuthError(_("This computer is registered to another user."))
    token = secrets.token_urlsafe(32)
    with db.begin() as s:
        s.add(
            DeviceSession(
                token_hash=_digest(token),
                device_id=device_id,
                user_id=actor.user_id,
                issued_at=now,
                expires_at=now + TOKEN_LIFETIME,
            )
        )
        s.execute(update(Device).where(Device.id == device_id).values(last_seen_at=now))
    return Token(token, now + TOKEN_LIFETIME), ServiceContext(db=db, actor=actor, clock=clock)


@dataclass(frozen=True)
class DeviceLogin:
    ctx: ServiceContext
    device_id: uuid.UUID
    token_hash: str


def authenticate(db: PostgresDatabase, token: str, *, clock: Clock = utcnow) -> DeviceLogin:
    """The session a request's token belongs to; refused when expired, ended, or when its
    device was revoked or its user closed since (checked on every request)."""
    now = clock()
    with db.begin() as s:
        found = s.get(DeviceSession, _digest(token))
        if found is None or found.ended_at is not None or found.expires_at <= now:
            raise AuthError(_("Log in again: the session has ended."))
        device = s.get_one(Device, found.device_id)
        user = s.get_one(User, found.user_id)
        if device.revoked_at is not None or not user.active:
            found.ended_at = now
            raise AuthError(_("This computer's or this user's access was revoked."))
        device.last_seen_at = now
        actor = actor_of(s, user)
        return DeviceLogin(
            ServiceContext(db=db, actor=actor, clock=clock), device.id, found.token_hash
        )


def refresh(db: PostgresDatabase, token: str, *, clock: Clock = utcnow) -> Token:
    """A new token for a session still valid; the old one ends."""
    session = authenticate(db, token, clock=clock)
    now = clock()
    fresh = secrets.token_urlsafe(32)
    with db.begin() as s:
        s.get_one(DeviceSession, session.token_hash).ended_at = now
        s.add(
            DeviceSession(
                token_hash=_digest(fresh),
                device_id=session.device_id,
                user_id=session.ctx.actor.user_id,
                issued_at=now,
                expires_at=now + TOKEN_LIFETIME,
            )
        )
    return Token(fresh, now + TOKEN_LIFETIME)


def logout(db: PostgresDatabase, token: str, *, clock: Clock = utcnow) -> None:
    """End the session (again is fine); a token that never was one is refused."""
    with db.begin() as s:
        found = s.get(DeviceSession, _digest(token))
        if found is None:
            raise AuthError(_("Log in again: the session has ended."))
        if found.ended_at is None:
            found.ended_at = clock()


def list_devices(ctx: ServiceContext) -> list[DeviceInfo]:
    """Every registered device (administrators)."""
    require(ctx, Permission.MANAGE_USERS, "see the registered computers")
    with ctx.db.begin() as s:
        rows = s.execute(
            select(Device, User.login)
            .join(User, User.id == Device.user_id)
            .order_by(User.login, Device.registered_at)
        ).all()
        return [
            DeviceInfo(
                d.id,
                login,
                d.name,
                d.registered_at,
                d.last_seen_at,
                d.revoked_at,
                d.program_version,
            )
            for d, login in rows
        ]


def revoke(ctx: ServiceContext, device_id: uuid.UUID) -> None:
    """Revoke a device: its sessions end now; its replica is wiped at its next contact."""
    require(ctx, Permission.MANAGE_USERS, "revoke a computer")
    now = ctx.now()
    with ctx.db.begin() as s:
        device = s.get(Device, device_id)
        if device is None:
            raise NotFound(_("No such computer is registered."))
        if device.revoked_at is None:
            device.revoked_at = now
        s.execute(
            update(DeviceSession)
            .where(DeviceSession.device_id == device_id, DeviceSession.ended_at.is_(None))
            .values(ended_at=now)
        )
        audit.record(s, ctx, "device.revoke", object_type="device", object_id=device_id)
