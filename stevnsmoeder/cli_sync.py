"""The command line of the shared record: running a server, and a laptop's replica of it.

``server init|run|devices`` work on the server's PostgreSQL database (``--database``);
``server users`` is ``users`` on that database. ``connect``, ``sync`` and ``conflicts``
work on a replica (``--db``), with the user's password as for every command. As in
``cli``, the heavy modules are imported by the command that needs them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from stevnsmoeder.cli_base import (
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    Parser,
    credentials,
    new_password,
    print_json,
)
from stevnsmoeder.db.urls import is_postgres_url
from stevnsmoeder.db.urls import shown as shown_url
from stevnsmoeder.i18n import _, _n

DEFAULT_PORT = 8443


def _postgres(text: str) -> str:
    if not is_postgres_url(text):
        raise argparse.ArgumentTypeError(
            _("--database needs a PostgreSQL URL: postgresql+psycopg://USER@/DBNAME?host=DIR")
        )
    return text


def add_parsers(
    sub: argparse._SubParsersAction[Parser],
    common: Parser,
    add_users_actions: Callable[[argparse.ArgumentParser, Parser], None],
) -> None:
    server = sub.add_parser(
        "server", parents=[common], help=_("run the shared record's server (administrators)")
    )
    actions = server.add_subparsers(
        dest="server_command", metavar=_("ACTION"), parser_class=Parser, required=True
    )
    database = Parser(add_help=False)
    database.add_argument(
        "--database",
        required=True,
        type=_postgres,
        help=_("the server's PostgreSQL database: postgresql+psycopg://USER@/DBNAME?host=DIR"),
    )
    init = actions.add_parser(
        "init",
        parents=[common, database],
        help=_("create the server's database and its first administrator"),
    )
    init.add_argument(
        "--admin",
        required=True,
        metavar="LOGIN",
        help=_("the first administrator (password: STEVNSMOEDER_NEW_PASSWORD or a prompt)"),
    )
    run = actions.add_parser("run", parents=[common, database], help=_("serve the API"))
    run.add_argument("--host", default="127.0.0.1", help=_("the address to listen on"))
    run.add_argument("--port", type=int, default=DEFAULT_PORT, help=_("the port to listen on"))
    run.add_argument("--tls-cert", type=Path, help=_("the server's certificate (PEM)"))
    run.add_argument("--tls-key", type=Path, help=_("the certificate's private key (PEM)"))
    run.add_argument(
        "--insecure-dev",
        action="store_true",
        help=_("plain HTTP on 127.0.0.1, for development only"),
    )
    run.add_argument("--workers", type=int, default=1, help=_("worker processes"))
    users = actions.add_parser(
        "users", parents=[common, database], help=_("the server's users (administrators)")
    )
    add_users_actions(users, common)
    devices = actions.add_parser(
        "devices", parents=[common, database], help=_("the registered computers")
    )
    device_actions = devices.add_subparsers(
        dest="devices_command", metavar=_("ACTION"), parser_class=Parser, required=True
    )
    listing = device_actions.add_parser("list", parents=[common], help=_("list the computers"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    revoke = device_actions.add_parser(
        "revoke", parents=[common], help=_("revoke a computer's access")
    )
    revoke.add_argument("device", metavar="DEVICE_ID", help=_("the computer's id"))

    connect = sub.add_parser(
        "connect",
        parents=[common],
        help=_("connect this computer to the server: a replica of your part of the record"),
    )
    connect.add_argument("url", metavar="URL", help=_("the server, e.g. https://server:8443"))
    connect.add_argument("--ca", type=Path, help=_("the server's CA certificate (PEM)"))
    connect.add_argument("--name", default="", help=_("this computer's name on the server"))
    connect.add_argument("--json", action="store_true", help=_("print JSON"))
    sync = sub.add_parser("sync", parents=[common], help=_("bring the replica in step"))
    sync.add_argument("--json", action="store_true", help=_("print JSON"))
    conflicts = sub.add_parser(
        "conflicts", parents=[common], help=_("changes the server refused, kept for you")
    )
    conflicts.add_argument("--json", action="store_true", help=_("print JSON"))


def _replica(args: argparse.Namespace) -> Path:
    if not args.db or is_postgres_url(args.db):
        raise CliError(_("Give the replica's file with --db."), EXIT_USAGE)
    return Path(args.db).expanduser()


def cmd_server(args: argparse.Namespace) -> int:
    action = args.server_command
    if action == "init":
        return _server_init(args)
    if action == "run":
        return _server_run(args)
    if action == "devices":
        return _server_devices(args)
    raise CliError(_("Unknown action."), EXIT_USAGE)


def _server_init(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.model.enums import Role
    from stevnsmoeder.services import access, server_access

    password = new_password(args.admin)
    admin = [access.NewUser(args.admin, password, Role.ADMIN, person_name=args.admin)]
    server_access.create_server_database(args.database, admin)
    print(
        _(
            "Created {path} with administrator {user}.",
            path=shown_url(args.database),
            user=args.admin,
        )
    )
    return EXIT_OK


def _server_run(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    import uvicorn

    from stevnsmoeder.db.engine import PostgresDatabase
    from stevnsmoeder.server.run import Listen, config
    from stevnsmoeder.services import server_access

    listen = Listen(args.host, args.port, args.tls_cert, args.tls_key, args.insecure_dev)
    listen.check()
    db = PostgresDatabase.connect(args.database)
    try:
        server_access.bring_schema_up_to_date(db)
        print(
            _("Serving {url}", url=f"{listen.scheme}://{args.host}:{args.port}/v1/"),
            file=sys.stderr,
        )
        uvicorn.Server(config(db, listen, workers=args.workers)).run()
    finally:
        db.close()
    return EXIT_OK


def _server_devices(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    import uuid

    from stevnsmoeder.services import devices
    from stevnsmoeder.services.authenticate import ServerDatabase

    user, password = credentials(args)
    ctx = ServerDatabase(args.database).login(user, password)
    try:
        if args.devices_command == "revoke":
            try:
                device = uuid.UUID(args.device)
            except ValueError:
                raise CliError(_("{text} is not an id", text=repr(args.device))) from None
            devices.revoke(ctx, device)
            print(_("The computer's access is revoked."))
            return EXIT_OK
        found = devices.list_devices(ctx)
    finally:
        ctx.db.close()
    if args.json:
        print_json([d.to_json() for d in found])
        return EXIT_OK
    for d in found:
        state = _("revoked") if d.revoked_at else _("active")
        print(f"{d.id}  {d.login:<12} {d.name:<24} {state}")
    print(_n("{n} computer", "{n} computers", len(found)))
    return EXIT_OK


def cmd_connect(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import sync_client

    replica = _replica(args)
    user, password = credentials(args)
    made = sync_client.connect(
        sync_client.Server(args.url, args.ca), replica, user, password, device_name=args.name
    )
    if args.json:
        print_json(
            {
                "replica": str(made.path),
                "meetings": made.meetings,
                "cases": made.cases,
                "items": made.items,
                "rows": made.rows,
            }
        )
        return EXIT_OK
    print(
        _(
            "Connected. {path} holds {meetings} and {cases}.",
            path=made.path,
            meetings=_n("{n} meeting", "{n} meetings", made.meetings),
            cases=_n("{n} case", "{n} cases", made.cases),
        )
    )
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import access, sync_client

    replica = _replica(args)
    user, password = credentials(args)
    ctx = access.login(replica, user, password)
    try:
        report = sync_client.sync(ctx, password)
    finally:
        access.logout(ctx)
    if args.json:
        print_json(report.to_json())
        return EXIT_OK
    print(
        _(
            "In step: {pulled} from the server, {removed} removed, {pushed} sent.",
            pulled=_n("{n} change", "{n} changes", report.pulled),
            removed=report.removed,
            pushed=report.pushed,
        )
    )
    if report.conflicts:
        print(_n("{n} conflict to decide", "{n} conflicts to decide", report.conflicts))
    return EXIT_OK


def cmd_conflicts(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import access, sync_client

    replica = _replica(args)
    user, password = credentials(args)
    ctx = access.login(replica, user, password)
    try:
        found = sync_client.conflicts(ctx)
    finally:
        access.logout(ctx)
    if args.json:
        print_json([c.to_json() for c in found])
        return EXIT_OK
    for c in found:
        print(f"{c.created_at:%d.%m.%Y %H.%M}  {c.name}  {c.reason}")
    print(_n("{n} conflict", "{n} conflicts", len(found)))
    return EXIT_OK


COMMANDS = {
    "server": cmd_server,
    "connect": cmd_connect,
    "sync": cmd_sync,
    "conflicts": cmd_conflicts,
}
