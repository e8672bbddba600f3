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
from typing import Any

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
from stevnsmoeder.domain.dates import LOCAL_TZ
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
    trial = actions.add_parser(
        "try",
        parents=[common],
        help=_("set up and start a complete server to try, with the demo (not for real use)"),
    )
    trial.add_argument(
        "--folder", type=Path, default=Path("server-data"), help=_("where its data is kept")
    )
    trial.add_argument("--host", default="127.0.0.1", help=_("the address to listen on"))
    trial.add_argument("--port", type=int, default=DEFAULT_PORT, help=_("the port to listen on"))
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
    conflict_actions = conflicts.add_subparsers(
        dest="conflicts_command", metavar=_("ACTION"), parser_class=Parser
    )
    show = conflict_actions.add_parser(
        "show", parents=[common], help=_("show a conflict beside the server's version")
    )
    show.add_argument("conflict", metavar="ID", help=_("the conflict's id (its start is enough)"))
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    resolve = conflict_actions.add_parser(
        "resolve", parents=[common], help=_("decide on a conflict")
    )
    resolve.add_argument(
        "conflict", metavar="ID", help=_("the conflict's id (its start is enough)")
    )
    how = resolve.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--keep",
        choices=["mine", "server", "addendum"],
        help=_(
            "keep your version (made again), the server's, or your text as an addendum to "
            "minutes approved meanwhile"
        ),
    )
    how.add_argument(
        "--merged-file",
        type=Path,
        metavar="FILE",
        help=_("save the text in FILE (UTF-8), merged by hand from both versions"),
    )


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
    if action == "try":
        # lazy: see the module docstring
        from stevnsmoeder.server import trial

        trial.run(args.folder.resolve(), args.host, args.port)
        return EXIT_OK
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
    from stevnsmoeder.db.engine import PostgresDatabase
    from stevnsmoeder.server.run import Listen, Serving, config
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
        Serving(config(db, listen, workers=args.workers)).run()
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
    ctx = access.login(replica, user, password, to_synchronise=True)
    try:
        report = sync_client.sync(ctx, password)
    except sync_client.ReplicaWiped:
        raise  # nothing left to log out of
    except BaseException:
        access.logout(ctx)
        raise
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
    from stevnsmoeder.services import access, sync_conflicts

    replica = _replica(args)
    user, password = credentials(args)
    action = getattr(args, "conflicts_command", None)
    merged = _merged_text(args.merged_file) if action == "resolve" and args.merged_file else None
    ctx = access.login(replica, user, password)
    try:
        if action == "show":
            shown = sync_conflicts.detail(ctx, sync_conflicts.find(ctx, args.conflict))
        elif action == "resolve":
            conflict_id = sync_conflicts.find(ctx, args.conflict)
            if merged is not None:
                sync_conflicts.merge(ctx, conflict_id, merged)
                print(_("The merged text is saved; it is sent at the next sync."))
            elif args.keep == "mine":
                sync_conflicts.keep_mine(ctx, conflict_id)
                print(_("Your change is made again; it is sent at the next sync."))
            elif args.keep == "addendum":
                sync_conflicts.keep_as_addendum(ctx, conflict_id)
                print(_("Your text is kept as an addendum; it is sent at the next sync."))
            else:
                sync_conflicts.keep_server(ctx, conflict_id)
                print(_("The server's version is kept."))
            return EXIT_OK
        else:
            found = sync_conflicts.open_conflicts(ctx)
    finally:
        access.logout(ctx)
    if action == "show":
        if args.json:
            print_json(shown.to_json())
        else:
            _print_conflict(shown)
        return EXIT_OK
    if args.json:
        print_json([c.to_json() for c in found])
        return EXIT_OK
    for c in found:
        when = c.created_at.astimezone(LOCAL_TZ)
        print(f"{c.short_id}  {when:%d.%m.%Y %H.%M}  {c.what}")
        print(f"{'':{len(c.short_id)}}  {c.reason}")
    print(_n("{n} conflict", "{n} conflicts", len(found)))
    return EXIT_OK


def _merged_text(path: Path) -> str:
    """The text of a file as a text field holds it: without the file's last line break."""
    try:
        text = path.expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise CliError(_("The file {path} cannot be read as UTF-8 text.", path=path)) from None
    return text.removesuffix("\n").removesuffix("\r")


def _print_conflict(shown: Any) -> None:
    """A conflict as ``conflicts show`` prints it (``shown``: a ConflictDetail)."""
    # lazy: see the module docstring
    from stevnsmoeder.services.sync_conflicts import when_words

    def heading(who: str, at: Any, mine: bool) -> str:
        when = when_words(at) if at is not None else ""
        by = ", ".join(part for part in (who, when) if part)
        if mine:
            return _("Your version – {by}", by=by)
        if shown.approved and who:
            return _("The server's version – approved by {by}", by=by)
        return _("The server's version – {by}", by=by) if by else _("The server's version")

    def indented(text: str) -> str:
        return "\n".join(f"    {line}" for line in (text or "-").splitlines() or ["-"])

    print(shown.what)
    if shown.field:
        print(_("Field: {field}", field=shown.field))
    print(_("Why: {reason}", reason=shown.reason))
    if shown.resolved_at is not None:
        print(
            _(
                "Decided {when}: {choice}",
                when=when_words(shown.resolved_at),
                choice=shown.resolution,
            )
        )
    print()
    print(heading(shown.mine.who, shown.mine.at, True) + ":")
    print(indented(shown.mine.text))
    print()
    print(heading(shown.server.who, shown.server.at, False) + ":")
    print(indented(shown.server.text))
    print()
    if shown.note:
        print(shown.note)
    if shown.choices:
        print(_("Choices: {choices}", choices=", ".join(c.value for c in shown.choices)))


COMMANDS = {
    "server": cmd_server,
    "connect": cmd_connect,
    "sync": cmd_sync,
    "conflicts": cmd_conflicts,
}
