"""The server's HTTP interface (``/v1/``), a Starlette app over the same services.

Every endpoint but health, device registration and login needs a bearer token, checked
afresh on each request (a revoked user or device is refused at once). Bodies are JSON and
limited in size; errors answer ``{"error": code, "message": text}`` in Danish. The server's
own log lines never carry a name, a CPR number or note text: requests are logged by path
and status only.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from stevnsmoeder import __version__
from stevnsmoeder.db import migrate
from stevnsmoeder.db.base import utcnow
from stevnsmoeder.db.engine import PostgresDatabase
from stevnsmoeder.model.enums import Role
from stevnsmoeder.server import openapi, watch
from stevnsmoeder.services import (
    access,
    devices,
    leases,
    oplog,
    replication,
    search,
    server_access,
    statistics,
    sync_server,
    take_along,
)
from stevnsmoeder.services.context import Clock
from stevnsmoeder.services.errors import (
    AccessRevoked,
    AuthError,
    ConflictError,
    LoginDelayed,
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationError,
)

log = logging.getLogger(__name__)

API = "/v1"
MAX_BODY = 8 * 1024 * 1024  # bytes: a push of a long meeting's minutes fits many times over
VERSION_HEADER = "X-Stevnsmoeder-Version"
SCHEMA_HEADER = "X-Stevnsmoeder-Schema"  # the replica's schema (its newest migration)
TIME_HEADER = "X-Stevnsmoeder-Time"  # the server's clock, so a laptop can see its own is off
# The oldest program the server still takes operations from.
OLDEST_CLIENT = (0, 1, 0)


@dataclass
class ServerState:
    db: PostgresDatabase
    clock: Clock = utcnow
    schema: str = ""
    older_schemas: frozenset[str] = frozenset()
    watcher: watch.Watcher | None = None


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra


def _version_tuple(text: str) -> tuple[int, ...] | None:
    try:
        return tuple(int(p) for p in text.split(".")[:3])
    except ValueError:
        return None


def _error(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": code, "message": message, **extra}, status_code=status)


def _from_service(exc: ServiceError) -> ApiError:
    if isinstance(exc, LoginDelayed):
        return ApiError(429, "login_delayed", str(exc), wait_seconds=exc.wait_seconds)
    if isinstance(exc, AccessRevoked):
        return ApiError(401, "revoked", str(exc))
    if isinstance(exc, AuthError):
        return ApiError(401, "unauthorised", str(exc))
    if isinstance(exc, PermissionDenied):
        return ApiError(403, "forbidden", str(exc))
    if isinstance(exc, NotFound):
        return ApiError(404, "not_found", str(exc))
    if isinstance(exc, ConflictError):
        return ApiError(409, "conflict", str(exc))
    if isinstance(exc, ValidationError):
        return ApiError(422, "invalid", str(exc))
    return ApiError(400, "refused", str(exc))


class LimitBody:
    """Refuses a body over ``MAX_BODY`` bytes (by its declared length, and as it arrives)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
            await _error(413, "too_large", "Forespørgslen er for stor.")(scope, receive, send)
            return
        seen = 0

        async def limited() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > MAX_BODY:
                    raise ApiError(413, "too_large", "Forespørgslen er for stor.")
            return message

        await self.app(scope, limited, send)


Handler = Callable[[Request], Awaitable[Response]]
Work = Callable[[Request, ServerState, dict[str, Any]], Response]


def endpoint(fn: Work) -> Handler:
    """The body read and parsed here, the work (database calls) on a worker thread; errors
    to JSON bodies; the program version checked; the request logged without its data."""

    async def handle(request: Request) -> Response:
        state: ServerState = request.app.state.server
        try:
            client = request.headers.get(VERSION_HEADER)
            if client is not None:
                have = _version_tuple(client)
                if have is None or have < OLDEST_CLIENT:
                    raise ApiError(
                        426, "upgrade_required",
                        "Programmet på denne computer er for gammelt. Opdatér det.",
                    )  # fmt: skip
            _check_schema(request, state)
            data = await _json(request) if request.method == "POST" else {}
            response = await run_in_threadpool(fn, request, state, data)
        except ApiError as exc:
            response = _error(exc.status, exc.code, exc.message, **exc.extra)
        except ServiceError as exc:
            api = _from_service(exc)
            response = _error(api.status, api.code, api.message, **api.extra)
        response.headers[TIME_HEADER] = state.clock().isoformat()
        log.info("%s %s -> %s", request.method, request.url.path, response.status_code)
        return response

    return handle


def _check_schema(request: Request, state: ServerState) -> None:
    """A replica of another schema cannot take the server's rows, nor send operations the
    server's services take: an older one is told to update, a newer one that the server is
    behind."""
    theirs = request.headers.get(SCHEMA_HEADER)
    if theirs is None or theirs == state.schema:
        return
    if theirs in state.older_schemas:
        raise ApiError(
            426, "upgrade_required", "Programmet på denne computer er for gammelt. Opdatér det."
        )
    raise ApiError(
        409,
        "server_behind",
        "Serveren kører en ældre udgave end programmet. Kontakt administratoren.",
    )


async def _json(request: Request) -> dict[str, Any]:
    try:
        body = await request.body()
        data = json.loads(body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "malformed", "Forespørgslen er ikke gyldig JSON.") from None
    if not isinstance(data, dict):
        raise ApiError(400, "malformed", "Forespørgslen skal være et JSON-objekt.")
    return data


def _text(data: dict[str, Any], key: str, limit: int = 400) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value or len(value) > limit:
        raise ApiError(400, "malformed", f"Feltet {key} mangler eller er ugyldigt.")
    return value


def _uuid(data: dict[str, Any], key: str) -> uuid.UUID:
    try:
        return uuid.UUID(_text(data, key, 64))
    except ValueError:
        raise ApiError(400, "malformed", f"Feltet {key} er ikke et gyldigt id.") from None


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token or len(token) > 200:
        raise ApiError(401, "unauthorised", "Log ind først.")
    return token.strip()


def _session(request: Request, state: ServerState) -> devices.DeviceLogin:
    return devices.authenticate(state.db, _bearer(request), clock=state.clock)


# -- endpoints ------------------------------------------------------------------------------


def health(request: Request, state: ServerState, data: dict[str, Any]) -> Response:
    schema = migrate.current_revision(state.db)
    return JSONResponse(
        {
            "status": "ok" if schema == migrate.head_revision() else "schema_behind",
            "version": __version__,
            "schema": schema,
            "time": state.clock().isoformat(),
        }
    )


def register_device(request: Request, state: ServerState, data: dict[str, Any]) -> Response:
    made = devices.register(
        state.db,
        _text(data, "login", 80),
        _text(data, "password", 1024),
        _text(data, "device_name", 120),
        program_version=request.headers.get(VERSION_HEADER, "")[:40],
        clock=state.clock,
    )
    return JSONResponse({"device_id": str(made.device_id), "device_secret": made.secret}, 201)


def login(request: Request, state: ServerState, data: dict[str, Any]) -> Response:
    token, ctx = devices.login(
        state.db,
        _text(data, "login", 80),
        _text(data, "password", 1024),
        _uuid(data, "device_id"),
        _text(data, "device_secret", 200),
        clock=state.clock,
    )
    actor = ctx.actor
    return JSONResponse(
        {
            "token": token.token,
            "expires_at": token.expires_at.isoformat(),
            "user": {
                "id": str(actor.user_id),
                "login": actor.login,
                "role": actor.role.value,
                "name": actor.display_name,
            },
        }
    )


def refresh(request: Request, state: ServerState, data: dict[str, Any]) -> Response:
    token = devices.refresh(state.db, _bearer(request), clock=state.clock)
    return JSONResponse({"token": token.token, "expires_at": token.expires_at.isoformat()})


def logout(request: Request, state: ServerState, data: dict[str, Any]) -> Response:
    devices.logout(state.db, _bearer(request), clock=state.clock)
    return Response(status_code=204)


def pull(request: Request, state: ServerState, data: dict[str, Any]) -> Response:
    session = _session(request, state)
    cursor = data.get("cursor")
    if cursor is not None and (not isinstance(cursor, int) or isinstance(cursor, bool)):
        raise ApiError(400, "malformed", "Feltet cursor er ugyldigt.")
    pulled = replication.pull(session.ctx, session.device_id, cursor)
    running = [lease.to_json() for lease in leases.active(session.ctx)]
    taken = (
        sorted(str(c) for c in take_along.taken_cases(session.ctx))
        if session.ctx.actor.role is Role.PPR
        else []
    )
    return JSONResponse({**pulled.to_json(), "leases": running, "taken": taken})


async def changes(request: Request) -> Response:
    """A long poll: answers when the record's version passes ``upto`` (the laptop then
    pulls), or after ``wait`` seconds (at most 25) with nothing new."""
    state: ServerState = request.app.state.server
    try:
        _check_schema(request, state)
        data = await _json(request)
        await run_in_threadpool(_session, request, state)
        upto, wait = data.get("upto"), data.get("wait", watch.LONGEST_WAIT)
        if not isinstance(upto, int) or isinstance(upto, bool):
            raise ApiError(400, "malformed", "Feltet upto er ugyldigt.")
        if not isinstance(wait, (int, float)) or isinstance(wait, bool):
            raise ApiError(400, "malformed", "Feltet wait er ugyldigt.")
        assert state.watcher is not None
        version = await state.watcher.beyond(upto, float(wait))
        response: Response = JSONResponse({"changed": version > upto, "version": version})
    except ApiError as exc:
        response = _error(exc.status, exc.code, exc.message, **exc.extra)
    except ServiceError as exc:
        api = _from_service(exc)
        response = _error(api.status, api.code, api.message, **api.extra)
    response.headers[TIME_HEADER] = state.clock().isoformat()
    log.info("%s %s -> %s", request.method, request.url.path, response.status_code)
    return response


def lease(request: Request, state: ServerState, data: dict[str, Any]) -> Response:
    session = _session(request, state)
    meeting_id = _uuid(data, "meeting_id")
    if data.get("release"):
        leases.release(session.ctx, session.device_id, meeting_id)
        return Response(status_code=204)
    return JSONResponse(leases.claim(session.ctx, session.device_id, meeting_id).to_json())


def push(request: Request, state: ServerState, data: dict[str, Any]) -> Response:
    session = _session(request, state)
    found = data.get("operations")
    if not isinstance(found, list) or len(found) > sync_server.MAX_OPERATIONS:
        raise ApiError(400, "malformed", "Feltet operations mangler eller er for langt.")
    try:
        pushed = [sync_server.Pushed.from_json(op) for op in found]
    except oplog.ArgumentError:
        raise ApiError(400, "malformed", "En af ændringerne er ugyldig.") from None
    done = sync_server.apply_pushed(session.ctx, session.device_id, pushed)
    return JSONResponse({"results": [o.to_json() for o in done]})


def replica_log(request: Request, state: ServerState, data: dict[str, Any]) -> Response:
    session = _session(request, state)
    found = data.get("events")
    if not isinstance(found, list) or len(found) > sync_server.MAX_EVENTS:
        raise ApiError(400, "malformed", "Feltet events mangler eller er for langt.")
    try:
        events = [sync_server.ReplicaEvent.from_json(e) for e in found]
        last = sync_server.add_replica_log(session.ctx, session.device_id, events)
    except oplog.ArgumentError:
        raise ApiError(400, "malformed", "En af hændelserne er ugyldig.") from None
    return JSONResponse({"last_seq": last})


def change_password(request: Request, state: ServerState, data: dict[str, Any]) -> Response:
    """The user's own new password (changed on a laptop, which re-keys its replica after).
    A wrong current password counts as a failed login, as at the door."""
    session = _session(request, state)
    current, new = _text(data, "current", 1024), _text(data, "new", 1024)
    try:  # checked (and a failure logged, and waited for) as a login is
        server_access.verify_login(
            state.db, session.ctx.actor.login, current, clock=state.clock,
            detail="password change",
        )  # fmt: skip
    except AuthError:
        raise ApiError(
            403, "wrong_password", "Den nuværende adgangskode passer ikke på serveren."
        ) from None
    access.change_password(session.ctx, current, new)
    return Response(status_code=204)


def take_case(request: Request, state: ServerState, data: dict[str, Any]) -> Response:
    session = _session(request, state)
    case_id = _uuid(data, "case_id")
    if data.get("put_back"):
        take_along.put_back(session.ctx, case_id)
        return Response(status_code=204)
    try:
        until = date.fromisoformat(_text(data, "until", 10))
    except ValueError:
        raise ApiError(400, "malformed", "Feltet until er ikke en gyldig dato.") from None
    taken = take_along.take(session.ctx, case_id, _text(data, "reason", 1000), until)
    return JSONResponse({"case_id": str(taken.case_id), "until": taken.until.isoformat()})


def online_search(request: Request, state: ServerState, data: dict[str, Any]) -> Response:
    session = _session(request, state)
    words = _text(data, "query", 400)
    try:
        start = date.fromisoformat(data["from"]) if data.get("from") else None
        end = date.fromisoformat(data["to"]) if data.get("to") else None
        offset = int(data.get("offset", 0))
    except (TypeError, ValueError):
        raise ApiError(400, "malformed", "Søgningens filtre er ugyldige.") from None
    if offset < 0 or offset > 100_000:
        raise ApiError(400, "malformed", "Feltet offset er ugyldigt.")
    found = search.search(session.ctx, words, search.Filters(start=start, end=end), offset=offset)
    return JSONResponse(found.to_json())


def policy_followup(request: Request, state: ServerState, data: dict[str, Any]) -> Response:
    """The annual policy follow-up, counted here over the whole record as the user (who must
    hold the permission) and published as the rule allows: only what the standalone report
    shows leaves the server. Logged in the access log as the standalone report is."""
    session = _session(request, state)
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        raise ApiError(400, "malformed", "Feltet year mangler eller er ugyldigt.")
    district = data.get("district")
    if district is not None and (not isinstance(district, str) or len(district) > 120):
        raise ApiError(400, "malformed", "Feltet district er ugyldigt.")
    report = statistics.policy_report(session.ctx, year, district or None)
    return JSONResponse(report.to_json())


def openapi_json(request: Request, state: ServerState, data: dict[str, Any]) -> Response:
    return JSONResponse(openapi.document(__version__))


ROUTES = [
    Route(f"{API}/health", endpoint(health), methods=["GET"]),
    Route(f"{API}/openapi.json", endpoint(openapi_json), methods=["GET"]),
    Route(f"{API}/devices", endpoint(register_device), methods=["POST"]),
    Route(f"{API}/login", endpoint(login), methods=["POST"]),
    Route(f"{API}/refresh", endpoint(refresh), methods=["POST"]),
    Route(f"{API}/logout", endpoint(logout), methods=["POST"]),
    Route(f"{API}/pull", endpoint(pull), methods=["POST"]),
    Route(f"{API}/changes", changes, methods=["POST"]),
    Route(f"{API}/push", endpoint(push), methods=["POST"]),
    Route(f"{API}/leases", endpoint(lease), methods=["POST"]),
    Route(f"{API}/log", endpoint(replica_log), methods=["POST"]),
    Route(f"{API}/cases/take", endpoint(take_case), methods=["POST"]),
    Route(f"{API}/password", endpoint(change_password), methods=["POST"]),
    Route(f"{API}/search", endpoint(online_search), methods=["POST"]),
    Route(f"{API}/statistics/policy", endpoint(policy_followup), methods=["POST"]),
]


async def _not_found(request: Request, exc: Exception) -> Response:
    return _error(404, "not_found", "Den adresse findes ikke.")


async def _method(request: Request, exc: Exception) -> Response:
    return _error(405, "method_not_allowed", "Den metode bruges ikke her.")


async def _too_large(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return _error(exc.status, exc.code, exc.message)


def create_app(db: PostgresDatabase, *, clock: Clock = utcnow) -> Starlette:
    app = Starlette(
        routes=ROUTES,
        middleware=[Middleware(LimitBody)],
        exception_handlers={404: _not_found, 405: _method, ApiError: _too_large},
    )
    schema = migrate.head_revision()
    app.state.server = ServerState(
        db, clock, schema, frozenset(migrate.known_revisions() - {schema}), watch.Watcher(db)
    )
    oplog.attach_server(db)
    return app
