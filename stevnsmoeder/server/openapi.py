"""The server's API described as OpenAPI 3.1 (served at ``/v1/openapi.json``)."""

from __future__ import annotations

from typing import Any

_ERROR = {"$ref": "#/components/schemas/Error"}


def _body(required: list[str], props: dict[str, Any]) -> dict[str, Any]:
    return {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"type": "object", "required": required, "properties": props}
            }
        },
    }


def _ok(description: str, props: dict[str, Any] | None = None) -> dict[str, Any]:
    content = {"application/json": {"schema": {"type": "object", "properties": props or {}}}}
    return {"description": description, "content": content}


_STR = {"type": "string"}
_ERROR_CONTENT = {"application/json": {"schema": _ERROR}}
_ERRORS = {
    code: {"description": text, "content": _ERROR_CONTENT}
    for code, text in (
        ("400", "Malformed request"),
        ("401", "No valid session"),
        ("403", "Not allowed for this role"),
        ("413", "Body too large"),
        ("426", "The program is too old"),
        ("429", "Too many failed logins: wait"),
    )
}
_BEARER: list[dict[str, list[str]]] = [{"bearer": []}]


def document(version: str) -> dict[str, Any]:
    paths: dict[str, Any] = {
        "/v1/health": {
            "get": {
                "summary": "Is the server up, and is its schema current?",
                "responses": {"200": _ok("Health", {"status": _STR, "version": _STR})},
            }
        },
        "/v1/devices": {
            "post": {
                "summary": "Register this computer for a user (user name and password)",
                "requestBody": _body(
                    ["login", "password", "device_name"],
                    {"login": _STR, "password": _STR, "device_name": _STR},
                ),
                "responses": {
                    "201": _ok("Registered", {"device_id": _STR, "device_secret": _STR}),
                    **_ERRORS,
                },
            }
        },
        "/v1/login": {
            "post": {
                "summary": "A short-lived token for a user on a registered computer",
                "requestBody": _body(
                    ["login", "password", "device_id", "device_secret"],
                    {"login": _STR, "password": _STR, "device_id": _STR, "device_secret": _STR},
                ),
                "responses": {
                    "200": _ok("Logged in", {"token": _STR, "expires_at": _STR}),
                    **_ERRORS,
                },
            }
        },
        "/v1/refresh": {
            "post": {
                "summary": "A new token for a session still valid",
                "security": _BEARER,
                "responses": {"200": _ok("Renewed", {"token": _STR}), **_ERRORS},
            }
        },
        "/v1/logout": {
            "post": {
                "summary": "End the session",
                "security": _BEARER,
                "responses": {"204": {"description": "Ended"}, **_ERRORS},
            }
        },
        "/v1/pull": {
            "post": {
                "summary": "The rows of the user's scope changed since the cursor",
                "security": _BEARER,
                "requestBody": _body([], {"cursor": {"type": ["integer", "null"]}}),
                "responses": {
                    "200": _ok(
                        "Rows, removed ids and the next cursor",
                        {
                            "cursor": {"type": ["integer", "null"]},
                            "rows": {"type": "object"},
                            "removed": {"type": "object"},
                            "upto": {"type": "integer"},
                            "full": {"type": "boolean"},
                            "leases": {"type": "array"},
                            "taken": {"type": "array", "items": _STR},
                        },
                    ),
                    **_ERRORS,
                },
            }
        },
        "/v1/changes": {
            "post": {
                "summary": "Wait (at most 25 s) until the record changes after a version",
                "security": _BEARER,
                "requestBody": _body(
                    ["upto"], {"upto": {"type": "integer"}, "wait": {"type": "number"}}
                ),
                "responses": {
                    "200": _ok(
                        "Whether the record moved past upto, and its version",
                        {"changed": {"type": "boolean"}, "version": {"type": "integer"}},
                    ),
                    **_ERRORS,
                },
            }
        },
        "/v1/push": {
            "post": {
                "summary": "Apply the device's operations in order, each once",
                "security": _BEARER,
                "requestBody": _body(
                    ["operations"],
                    {
                        "operations": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["op_id", "name", "arguments", "new_ids", "at"],
                                "properties": {
                                    "op_id": _STR,
                                    "name": _STR,
                                    "arguments": _STR,
                                    "new_ids": {"type": "object"},
                                    "at": _STR,
                                },
                            },
                        }
                    },
                ),
                "responses": {
                    "200": _ok(
                        "Applied or rejected, with the reason", {"results": {"type": "array"}}
                    ),
                    **_ERRORS,
                },
            }
        },
        "/v1/log": {
            "post": {
                "summary": "Add what the user did on the replica to the server's log, once",
                "security": _BEARER,
                "requestBody": _body(["events"], {"events": {"type": "array"}}),
                "responses": {
                    "200": _ok("The last event added", {"last_seq": {"type": "integer"}}),
                    **_ERRORS,
                },
            }
        },
        "/v1/leases": {
            "post": {
                "summary": "Claim (or release) the running of a meeting for this computer",
                "security": _BEARER,
                "requestBody": _body(
                    ["meeting_id"], {"meeting_id": _STR, "release": {"type": "boolean"}}
                ),
                "responses": {"200": _ok("The lease"), "409": _ERRORS["400"], **_ERRORS},
            }
        },
        "/v1/cases/take": {
            "post": {
                "summary": "PPR: take a case along (reason, end date; logged) or put it back",
                "security": _BEARER,
                "requestBody": _body(
                    ["case_id"],
                    {
                        "case_id": _STR,
                        "reason": _STR,
                        "until": _STR,
                        "put_back": {"type": "boolean"},
                    },
                ),
                "responses": {"200": _ok("Taken along until"), **_ERRORS},
            }
        },
        "/v1/password": {
            "post": {
                "summary": "The user's own new password (the current one checked as a login)",
                "security": _BEARER,
                "requestBody": _body(["current", "new"], {"current": _STR, "new": _STR}),
                "responses": {"204": {"description": "Changed"}, **_ERRORS},
            }
        },
        "/v1/search": {
            "post": {
                "summary": "Search the whole record (what the user may see; logged)",
                "security": _BEARER,
                "requestBody": _body(
                    ["query"],
                    {"query": _STR, "from": _STR, "to": _STR, "offset": {"type": "integer"}},
                ),
                "responses": {"200": _ok("Hits"), **_ERRORS},
            }
        },
        "/v1/statistics/policy": {
            "post": {
                "summary": (
                    "The annual policy follow-up of a year (and the year before), counted over "
                    "the whole record, small numbers hidden (view_statistics; logged)"
                ),
                "security": _BEARER,
                "requestBody": _body(
                    ["year"],
                    {"year": {"type": "integer"}, "district": {"type": ["string", "null"]}},
                ),
                "responses": {
                    "200": _ok(
                        "The published report: headline figures, sections with their tables, "
                        "trends, charts, method and the suppression rule",
                        {
                            "year": {"type": "integer"},
                            "previous_year": {"type": "integer"},
                            "district": {"type": ["string", "null"]},
                            "as_of": _STR,
                            "headline": {"type": "array"},
                            "sections": {"type": "array"},
                            "trends": {"type": "array"},
                            "charts": {"type": "array"},
                            "method": {"type": "array"},
                            "rule": _STR,
                            "legend": _STR,
                        },
                    ),
                    "422": {
                        "description": "A year out of range, or an unknown district",
                        "content": _ERROR_CONTENT,
                    },
                    **_ERRORS,
                },
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "stevnsmoeder", "version": version},
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": {"error": _STR, "message": _STR},
                }
            },
        },
    }
