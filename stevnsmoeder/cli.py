"""The ``stevnsmoeder`` command: opens the window, or runs one task from the command line.

Heavy modules (SQLAlchemy, the database driver, Qt) are imported only by the command that
needs them, so ``--help`` and bad input answer at once. Known problems end with one line on
stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stevnsmoeder import __version__, cli_sync, logging_setup, paths
from stevnsmoeder.cli_base import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_UNEXPECTED,
    EXIT_USAGE,
    USER_ENV,
    CliError,
    Parser,
)
from stevnsmoeder.cli_base import credentials as _credentials
from stevnsmoeder.cli_base import new_password as _new_password
from stevnsmoeder.cli_base import print_json as _print_json
from stevnsmoeder.db.urls import is_postgres_url
from stevnsmoeder.db.urls import shown as shown_url
from stevnsmoeder.domain.dates import LOCAL_TZ, long_datetime, parse_date, short_date, week_label
from stevnsmoeder.i18n import _, _n, set_language
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services.errors import ServiceError, storage_problem

if TYPE_CHECKING:
    from stevnsmoeder.services.context import ServiceContext


log = logging.getLogger(__name__)

FILING_KINDS = ("minutes", "extract", "case_history")  # services.filing.KINDS (not imported here)


def _date(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("invalid date {text}: write YYYY-MM-DD", text=repr(text))
        ) from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(_("{text} is not a whole number above 0", text=repr(text)))
    return value


def _year(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text} is not a year", text=repr(text))) from None


def _db_file(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError(_("--db needs the name of a database file."))
    return text


def _uuid(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text} is not an id", text=repr(text))) from None


def add_users_actions(users: argparse.ArgumentParser, common: Parser) -> None:
    """The actions of ``users`` (also under ``server users``)."""
    users_sub = users.add_subparsers(
        dest="users_command", metavar=_("ACTION"), parser_class=Parser, required=True
    )
    users_list = users_sub.add_parser("list", parents=[common], help=_("list the users"))
    users_list.add_argument("--json", action="store_true", help=_("print JSON"))
    users_add = users_sub.add_parser(
        "add",
        parents=[common],
        help=_("add a user (password: STEVNSMOEDER_NEW_PASSWORD or a prompt)"),
    )
    users_add.add_argument("login", metavar="LOGIN", help=_("the new user name"))
    users_add.add_argument("--name", required=True, help=_("the user's full name"))
    users_add.add_argument(
        "--role",
        required=True,
        choices=tuple(role.value for role in Role),
        help=_("the user's role"),
    )
    users_add.add_argument(
        "--person",
        help=_("an existing person of the register (name or id) whose meetings the user sees"),
    )
    users_close = users_sub.add_parser("close", parents=[common], help=_("close a user's access"))
    users_close.add_argument("login", metavar="LOGIN", help=_("the user"))
    users_reopen = users_sub.add_parser(
        "reopen",
        parents=[common],
        help=_(
            "reopen a user's access with a new password (STEVNSMOEDER_NEW_PASSWORD or a prompt)"
        ),
    )
    users_reopen.add_argument("login", metavar="LOGIN", help=_("the user"))


def build_parser() -> Parser:
    common = Parser(add_help=False)
    common.add_argument(
        "--db",
        type=_db_file,
        default=argparse.SUPPRESS,
        help=_(
            "database file (default: in the data folder), or a PostgreSQL database: "
            "postgresql+psycopg://USER@/DBNAME?host=SOCKETDIR"
        ),
    )
    common.add_argument(
        "--user", default=argparse.SUPPRESS, help=_("user name (or set STEVNSMOEDER_USER)")
    )
    common.add_argument(
        "--lang", choices=("da", "en"), default=argparse.SUPPRESS, help=_("language")
    )

    parser = Parser(
        prog="stevnsmoeder",
        description=_("Stevns Kommune's child and youth meetings. Without a command: the window."),
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"stevnsmoeder {__version__}")
    parser.set_defaults(command=None)
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=Parser)

    demo = sub.add_parser("demo", parents=[common], help=_("create a fictitious demo database"))
    demo.add_argument("--years", type=_positive, default=2, help=_("years of meetings (2)"))
    demo.add_argument("--seed", type=int, default=1, help=_("random seed (1)"))
    demo.add_argument("--today", type=_date, help=_("date the demo is built around (today)"))

    meetings = sub.add_parser("meetings", parents=[common], help=_("list meetings"))
    meetings.add_argument("--from", dest="start", type=_date, help=_("first day (YYYY-MM-DD)"))
    meetings.add_argument("--to", dest="end", type=_date, help=_("last day (YYYY-MM-DD)"))
    meetings.add_argument("--type", dest="type_code", help=_("district, ssp, ftm, forvisitation"))
    meetings.add_argument("--district", help=_("district code or name"))
    meetings.add_argument("--json", action="store_true", help=_("print JSON"))

    cases = sub.add_parser("cases", parents=[common], help=_("list the cases you may see"))
    cases.add_argument("--json", action="store_true", help=_("print JSON"))

    sub.add_parser("check", parents=[common], help=_("check the database's integrity"))

    series = sub.add_parser("series", parents=[common], help=_("list meeting series"))
    series.add_argument("--json", action="store_true", help=_("print JSON"))

    plan = sub.add_parser(
        "plan", parents=[common], help=_("create the series' meetings ahead (idempotent)")
    )
    plan.add_argument(
        "--months", type=_positive, default=12, help=_("how far ahead, in months (12)")
    )

    pdf = sub.add_parser(
        "pdf", parents=[common], help=_("print a meeting document or a case history as PDF")
    )
    pdf.add_argument(
        "document",
        choices=("agenda", "minutes", "runsheet", "extract", "case"),
        help=_("which document"),
    )
    pdf.add_argument(
        "meeting",
        metavar="ID",
        help=_("the meeting's id (for case: the case's id or number, S-2026-0001)"),
    )
    pdf.add_argument("--case", type=_uuid, help=_("the child, for an extract"))
    pdf.add_argument("-o", "--output", type=Path, required=True, help=_("the PDF file to write"))
    pdf.add_argument(
        "--anonymised", action="store_true", help=_("children by initials or pseudonym, no CPR")
    )
    pdf.add_argument(
        "--pdfa",
        action="store_true",
        help=_("archival PDF/A-2b, with the metadata it is filed with in the case system"),
    )

    filing = sub.add_parser(
        "file",
        parents=[common],
        help=_(
            "file an approved meeting's minutes and the children's extracts in the case "
            "system (ESDH): PDF/A with a manifest each"
        ),
    )
    filing.add_argument("meeting", metavar="MEETING_ID", help=_("the meeting's id"))
    filing.add_argument(
        "--case",
        metavar="CASE_ID",
        help=_("only this child's extract (the case's id or number, S-2026-0001)"),
    )
    filing.add_argument(
        "--to",
        dest="folder",
        type=Path,
        required=True,
        metavar="FOLDER",
        help=_("the filing folder (the case system's import folder)"),
    )
    filing.add_argument(
        "--esdh-case",
        dest="esdh_case",
        metavar="NUMBER",
        help=_("the child's case number in the case system (kept on the case; with --case)"),
    )
    filing.add_argument(
        "--again",
        action="store_true",
        help=_("file again what is filed in its current version already"),
    )
    filing.add_argument("--json", action="store_true", help=_("print JSON"))

    unfiled = sub.add_parser(
        "unfiled",
        parents=[common],
        help=_("approved minutes and extracts not yet filed in the case system, oldest first"),
    )
    unfiled.add_argument("--json", action="store_true", help=_("print JSON"))

    classes = sub.add_parser(
        "filing-classes",
        parents=[common],
        help=_("how each kind of document is classified (KLE) when filed in the case system"),
    )
    classes.add_argument("--json", action="store_true", help=_("print JSON"))
    classes_set = classes.add_subparsers(
        dest="classes_command", metavar=_("ACTION"), parser_class=Parser
    ).add_parser(
        "set",
        parents=[common],
        help=_("change how a kind of document is classified (administrators)"),
    )
    classes_set.add_argument(
        "kind", metavar="KIND", choices=FILING_KINDS, help=" | ".join(FILING_KINDS)
    )
    classes_set.add_argument(
        "--kle", required=True, metavar="NN.NN.NN", help=_("the KLE number, such as 27.24.00")
    )
    classes_set.add_argument("--facet", required=True, help=_("the handling facet, such as G01"))
    classes_set.add_argument(
        "--access-code",
        dest="access_code",
        help=_("the access code in the case system (unchanged if not given)"),
    )
    classes_set.add_argument("--json", action="store_true", help=_("print JSON"))

    find = sub.add_parser(
        "search", parents=[common], help=_("search minutes, decisions, actions and cases")
    )
    find.add_argument("query", metavar="QUERY", help=_('words, "a phrase", prefix*, OR, -word'))
    find.add_argument("--type", dest="type_code", help=_("meeting type (district, ssp, ftm, …)"))
    find.add_argument("--district", help=_("district (code or name)"))
    find.add_argument("--from", dest="start", type=_date, help=_("from date"))
    find.add_argument("--to", dest="end", type=_date, help=_("to date"))
    find.add_argument("--level", type=int, choices=range(1, 6), help=_("Trivselslinealen level"))
    find.add_argument("--open", action="store_true", help=_("only items with open actions"))
    find.add_argument("--json", action="store_true", help=_("print JSON"))

    sub.add_parser("reindex", parents=[common], help=_("rebuild the search index from the minutes"))

    bk = sub.add_parser(
        "backup", parents=[common], help=_("make an encrypted backup (with its .keys file)")
    )
    bk.add_argument(
        "-o", "--output", type=Path, help=_("the backup file (default: into the rotation)")
    )
    rs = sub.add_parser(
        "restore", parents=[common], help=_("check a backup and put it in place of the database")
    )
    rs.add_argument(
        "source", type=Path, metavar="FILE", help=_("the backup (.db beside its .keys)")
    )

    sub.add_parser(
        "password",
        parents=[common],
        help=_(
            "change your own password (the current one from --user's password, the new one "
            "from STEVNSMOEDER_NEW_PASSWORD or asked twice)"
        ),
    )

    reset = sub.add_parser(
        "reset-password",
        parents=[common],
        help=_("give a user a new password (administrators; the key is never shown)"),
    )
    reset.add_argument("login", metavar="LOGIN", help=_("the user who forgot their password"))

    users = sub.add_parser(
        "users", parents=[common], help=_("list, add, close and reopen users (administrators)")
    )
    add_users_actions(users, common)

    sub.add_parser(
        "rekey",
        parents=[common],
        help=_(
            "give the database and the backups in rotation a new key, on a suspected "
            "compromise (administrators; passwords stay)"
        ),
    )

    keep = sub.add_parser(
        "retention", parents=[common], help=_("how long closed cases are kept (administrators)")
    )
    keep.add_argument("--years", type=_positive, help=_("years after the case was closed"))
    keep.add_argument("--mode", choices=("delete", "pseudonymise"), help=_("what a purge does"))
    purge = sub.add_parser(
        "purge", parents=[common], help=_("purge closed cases past the retention period")
    )
    purge.add_argument("--dry-run", action="store_true", help=_("only list what would go"))

    log = sub.add_parser(
        "audit",
        parents=[common],
        help=_("the access log: verify its chain, or list who did what (administrators)"),
    )
    log.add_argument(
        "verify",
        nargs="?",
        choices=("verify", "export"),
        help=_("verify: check the hash chain; export: write the signed export for the collector"),
    )
    log.add_argument(
        "--folder", dest="export_to", type=Path, help=_("the export's folder (kept as the setting)")
    )
    log.add_argument("--case", help=_("one child's events, for a data-subject access request"))
    log.add_argument("--by", dest="log_user", metavar="USER", help=_("one user's events"))
    log.add_argument("--action", help=_("actions starting with this (login, case, search …)"))
    log.add_argument("--from", dest="start", type=_date, help=_("from date"))
    log.add_argument("--to", dest="end", type=_date, help=_("to date"))
    log.add_argument("--json", action="store_true", help=_("print JSON"))

    case = sub.add_parser("case", parents=[common], help=_("one child's history across meetings"))
    case.add_argument("case", metavar="CASE_ID", help=_("the case's id or number (S-2026-0001)"))
    case.add_argument("--json", action="store_true", help=_("print JSON"))

    ics = sub.add_parser("ics", parents=[common], help=_("export meetings as an .ics calendar"))
    which = ics.add_mutually_exclusive_group(required=True)
    which.add_argument("--series", type=_uuid, help=_("one series (its id)"))
    which.add_argument("--meeting", type=_uuid, help=_("one meeting (its id)"))
    which.add_argument("--all", action="store_true", help=_("all your own meetings"))
    ics.add_argument("-o", "--output", type=Path, required=True, help=_("the .ics file to write"))
    since = ics.add_mutually_exclusive_group()
    since.add_argument(
        "--from", dest="start", type=_date, help=_("the meetings from this day on (default: today)")
    )
    since.add_argument("--with-past", action="store_true", help=_("the past meetings too"))

    report = sub.add_parser(
        "report",
        parents=[common],
        help=_("the annual policy follow-up: figures with no child identifiable"),
    )
    report.add_argument("kind", choices=("policy",), help=_("which report"))
    report.add_argument(
        "--year", type=_year, required=True, help=_("the year (beside the year before)")
    )
    report.add_argument("--district", help=_("one district (code or name); default: all"))
    output = report.add_mutually_exclusive_group()
    output.add_argument("-o", "--output", type=Path, help=_("the file to write: .pdf or .xlsx"))
    output.add_argument("--json", action="store_true", help=_("print JSON"))

    init = sub.add_parser(
        "init", parents=[common], help=_("create an empty database with one administrator")
    )
    init.set_defaults(init=True)
    cli_sync.add_parsers(sub, common, add_users_actions)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        # The shared options may stand before or after the command; absent means None.
        # (Defaults are not set on the parsers: argparse shares parent actions between them.)
        for name in ("db", "user", "lang"):
            if not hasattr(args, name):
                setattr(args, name, None)
        if args.lang:
            set_language(args.lang)
        if args.command is None:
            return _run_gui(args)

        logging_setup.configure()
        handler = COMMANDS[args.command]
        return handler(args)
    except CliError as exc:
        _fail(str(exc))
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # "stevnsmoeder case … | head": the reader has had enough
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    except Exception as exc:  # the one place that turns any error into a message
        if isinstance(exc, ServiceError):
            _fail(str(exc))
            return EXIT_FAILED
        problem = storage_problem(exc, _db_folder(argv))
        if problem is not None:
            log.warning("storage problem: %s", type(exc).__name__)
            _fail(str(problem))
            return EXIT_FAILED
        log.exception("unexpected error")

        _fail(
            _(
                "Unexpected error ({kind}). Details: {log}",
                kind=type(exc).__name__,
                log=logging_setup.log_file(),
            )
        )
        return EXIT_UNEXPECTED


def _db_folder(argv: Sequence[str] | None) -> Path | None:
    """The folder of the database the command was given (for a message), if any."""
    try:
        args = build_parser().parse_args(argv)
        if not getattr(args, "db", None) or _db_url(args):
            return None
        return _db_path(args).parent
    except (CliError, SystemExit):
        return None


def _fail(message: str) -> None:
    print(f"stevnsmoeder: {_('error')}: {message}", file=sys.stderr)


def _db_url(args: argparse.Namespace) -> str | None:
    """The PostgreSQL URL given with --db (direct mode, for administrators), if one was."""
    db = getattr(args, "db", None)
    return db if db and is_postgres_url(db) else None


def _db_path(args: argparse.Namespace) -> Path:
    if not getattr(args, "db", None):
        return paths.default_db_path()
    if _db_url(args):
        raise CliError(
            _(
                "This command works on a database file on this computer, not on a database "
                "on a server."
            ),
            EXIT_USAGE,
        )
    path = Path(args.db).expanduser()
    if path.is_dir():
        raise CliError(
            _("{path} is a folder; --db needs the name of a database file.", path=path),
            EXIT_USAGE,
        )
    return path


@contextmanager
def _session(args: argparse.Namespace) -> Iterator[ServiceContext]:
    """Log in for one command, and log out (closing the database) whatever happens."""
    with _session_and_password(args) as (ctx, _password):
        yield ctx


@contextmanager
def _session_and_password(args: argparse.Namespace) -> Iterator[tuple[ServiceContext, str]]:
    """As ``_session``, with the password (which on a replica logs in to the server too)."""
    # lazy: see the module docstring
    from stevnsmoeder.services import access, access_log, audit_trail
    from stevnsmoeder.services.authenticate import authenticator_for

    user, password = _credentials(args)
    ctx = authenticator_for(_db_url(args) or _db_path(args)).login(user, password)
    try:
        for warning in (audit_trail.rollback_warning(ctx), access_log.failed_logins_notice(ctx)):
            if warning:
                print(f"stevnsmoeder: {warning}", file=sys.stderr)
        yield ctx, password
    finally:
        access.logout(ctx)


# -- commands ----------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services.demo import DEMO_PASSWORD, DEMO_USERS, create_demo_database

    url = _db_url(args)
    path = url or _db_path(args)
    print(
        _n(
            "Creating the demo database with {n} year of meetings …",
            "Creating the demo database with {n} years of meetings …",
            args.years,
        )
    )
    create_demo_database(path, years=args.years, seed=args.seed, today=args.today)
    shown = shown_url(url) if url else path
    print(_("Demo database created: {path}", path=shown))
    print(
        _(
            "All demo data is fictitious. Log in with one of these users, password: {pw}",
            pw=DEMO_PASSWORD,
        )
    )
    for login, _role, label in DEMO_USERS:
        print(f"  {login:<10} {label}")
    print(
        _(
            "Example: {example}",
            example=f"STEVNSMOEDER_PASSWORD={DEMO_PASSWORD} "
            f"stevnsmoeder --db {shown} --user leder meetings --from {date.today()}",
        )
    )
    return EXIT_OK


def cmd_meetings(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import meetings

    with _session(args) as ctx:
        found = meetings.list_meetings(
            ctx, start=args.start, end=args.end, type_code=args.type_code, district=args.district
        )
    if args.json:
        _print_json([m.to_json() for m in found])
        return EXIT_OK
    for m in found:
        when = long_datetime(m.starts_at)
        note = f"  – {m.note}" if m.note else ""
        print(
            f"{when} ({week_label(m.starts_at.date())})  {m.title}  "
            f"[{meetings.status_label(m.status)}]{note}"
        )
    print(_n("{n} meeting", "{n} meetings", len(found)))
    return EXIT_OK


def cmd_cases(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import cases

    with _session(args) as ctx:
        found = cases.list_cases(ctx)
    if args.json:
        _print_json([c.to_json() for c in found])
        return EXIT_OK
    for c in found:
        level = f"{c.level} {c.level_label}" if c.level else "-"
        print(f"{c.reference or '-':<11}  {c.display_name:<30}  {c.district or '-':<26}  {level}")
    print(_n("{n} case", "{n} cases", len(found)))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import maintenance

    with _session(args) as ctx:
        report = maintenance.check(ctx)
    for item in report.items:
        mark = "OK " if item.ok else _("ERROR")
        print(f"{mark:<5} {item.name}" + (f": {item.detail}" if item.detail else ""))
    print(_("All is well.") if report.ok else _("The database has problems."))
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_init(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import access

    user, password = _credentials(args)
    admin = [access.NewUser(user, password, Role.ADMIN, person_name=user)]
    url = _db_url(args)
    if url:
        # lazy: see the module docstring
        from stevnsmoeder.services import server_access

        server_access.create_server_database(url, admin)
        shown: object = shown_url(url)
    else:
        shown = _db_path(args)
        access.create_database(shown, admin)
    print(_("Created {path} with administrator {user}.", path=shown, user=user))
    return EXIT_OK


def cmd_series(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import series

    with _session(args) as ctx:
        found = series.list_series(ctx)
    if args.json:
        _print_json([s.to_json() for s in found])
        return EXIT_OK
    for s in found:
        until = f" – {s.ends_on}" if s.ends_on else ""
        print(
            f"{s.title:<36} {s.rule:<34} {s.start_time:%H.%M}  {s.starts_on}{until}  "
            f"[{s.holiday_policy.value}]  {s.id}"
        )
    print(_n("{n} series", "{n} series", len(found)))
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import series

    with _session(args) as ctx:
        report = series.generate(ctx, horizon_days=min(args.months * 31, 3 * 366))
    print(
        _(
            "{created} created ({moved} moved for a holiday), {skipped} skipped, "
            "{existing} already planned.",
            created=_n("{n} meeting", "{n} meetings", report.created),
            moved=report.moved,
            skipped=report.skipped,
            existing=report.existing,
        )
    )
    return EXIT_OK


def cmd_ics(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import calendar_export

    output = _output(args.output)
    with _session(args) as ctx:
        try:
            count = calendar_export.write_ics(
                ctx,
                output,
                meeting_id=args.meeting,
                series_id=args.series,
                mine=args.all,
                start=args.start,
                with_past=args.with_past,
            )
        except OSError as exc:
            raise CliError(
                _("Could not write {path}: {reason}", path=output, reason=exc.strerror)
            ) from None
    print(_n("{n} meeting written to {path}", "{n} meetings written to {path}", count, path=output))
    return EXIT_OK


def _output(path: Path) -> Path:
    output = path.expanduser()
    if not output.parent.is_dir():
        raise CliError(_("The folder {path} does not exist.", path=output.parent))
    return output


def _written(path: Path, pages: int) -> None:
    print(_n("{path} written ({n} page).", "{path} written ({n} pages).", pages, path=path))


def _write(path: Path, write: Callable[[Path], int]) -> int:
    try:
        return write(path)
    except OSError as exc:
        raise CliError(
            _("Could not write {path}: {reason}", path=path, reason=exc.strerror)
        ) from None


def cmd_pdf(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.reports.case_pdf import write_case_document
    from stevnsmoeder.reports.meeting_pdf import write_meeting_document
    from stevnsmoeder.services import cases, documents

    output = _output(args.output)
    if (args.document == "extract") != (args.case is not None):
        raise CliError(_("An extract needs --case, and only an extract takes it."), EXIT_USAGE)
    if args.pdfa:
        return _pdfa(args, output)
    if args.document == "case":
        with _session(args) as ctx:
            case_doc = documents.case_document(
                ctx, cases.case_id_for(ctx, args.meeting), anonymised=args.anonymised
            )
        _written(output, _write(output, lambda path: write_case_document(case_doc, path)))
        return EXIT_OK
    try:
        meeting_id = _uuid(args.meeting)
    except argparse.ArgumentTypeError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    with _session(args) as ctx:
        doc = documents.meeting_document(
            ctx, meeting_id, args.document, anonymised=args.anonymised, case_id=args.case
        )
    _written(output, _write(output, lambda path: write_meeting_document(doc, path)))
    return EXIT_OK


def _pdfa(args: argparse.Namespace, output: Path) -> int:
    """``pdf … --pdfa``: the document as archival PDF/A-2b."""
    # lazy: see the module docstring
    from stevnsmoeder.reports.base import write_atomically
    from stevnsmoeder.services import cases, filing

    with _session(args) as ctx:
        if args.document == "case":
            done = filing.archival_case_history(
                ctx, cases.case_id_for(ctx, args.meeting), anonymised=args.anonymised
            )
        else:
            try:
                meeting_id = _uuid(args.meeting)
            except argparse.ArgumentTypeError as exc:
                raise CliError(str(exc), EXIT_USAGE) from None
            done = filing.archival_meeting_document(
                ctx, meeting_id, args.document, case_id=args.case, anonymised=args.anonymised
            )

    def write(path: Path) -> int:
        write_atomically(path, done.data)
        return done.pages

    _written(output, _write(output, write))
    return EXIT_OK


def _document_word(kind: str) -> str:
    words = {
        "minutes": _("Minutes"),
        "extract": _("Extract of the minutes"),
        "case_history": _("Case history"),
    }
    return words.get(kind, kind)


def cmd_file(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import cases, filing

    try:
        meeting_id = _uuid(args.meeting)
    except argparse.ArgumentTypeError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    if args.esdh_case is not None and args.case is None:
        raise CliError(
            _("--esdh-case is the number of one child's case: give --case too."), EXIT_USAGE
        )
    folder = args.folder.expanduser().absolute()
    with _session(args) as ctx:
        case_id = cases.case_id_for(ctx, args.case) if args.case else None
        if case_id is not None and args.esdh_case is not None:
            filing.set_esdh_case_number(ctx, case_id, args.esdh_case)
        try:
            report = filing.file_meeting(ctx, meeting_id, folder, case_id=case_id, again=args.again)
        except OSError as exc:
            raise CliError(
                _("Could not write {path}: {reason}", path=folder, reason=exc.strerror or exc)
            ) from None
    if args.json:
        _print_json(report.to_json())
        return EXIT_OK
    for f in report.filed:
        what = _document_word(f.kind) + (f" {f.case_reference}" if f.case_reference else "")
        print(_("{what}, version {n}: {path}", what=what, n=f.version, path=f.path))
    for d in report.already:
        what = _document_word(d.kind) + (f" {d.case_reference}" if d.case_reference else "")
        print(
            _("{what} is filed in its current version {n} already.", what=what, n=d.status.version)
        )
    if report.filed:
        print(
            _n(
                "{n} document filed in {folder}.",
                "{n} documents filed in {folder}.",
                len(report.filed),
                folder=report.folder,
            )
        )
    else:
        print(_("Nothing new to file (--again files it once more)."))
    return EXIT_OK


def cmd_unfiled(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import filing

    with _session(args) as ctx:
        found = filing.unfiled(ctx)
    if args.json:
        _print_json([u.to_json() for u in found])
        return EXIT_OK
    for u in found:
        what = _document_word(u.kind)
        if u.case_reference:
            what += f" {u.case_reference} ({u.child_initials})"
        filed = u.status.filed
        state = (
            _("version {n} filed, now version {m}", n=filed.version, m=u.status.version)
            if filed is not None
            else _("not filed")
        )
        days = _n("{n} day", "{n} days", u.days)
        print(f"{short_date(u.day)}  ({days})  {u.meeting_title}  {what}  [{state}]")
    print(_n("{n} document not filed", "{n} documents not filed", len(found)))
    return EXIT_OK


def cmd_filing_classes(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import filing

    with _session(args) as ctx:
        if args.classes_command == "set":
            access_code = args.access_code
            if access_code is None:  # unchanged
                now = {c.kind: c.access_code for c in filing.filing_classes(ctx)}
                access_code = now.get(args.kind, "")
            found = [filing.set_filing_class(ctx, args.kind, args.kle, args.facet, access_code)]
        else:
            found = filing.filing_classes(ctx)
    if args.json:
        changed = args.classes_command == "set"
        _print_json(found[0].to_json() if changed else [c.to_json() for c in found])
        return EXIT_OK
    rows = [(_document_word(c.kind), c.kle_number, c.facet, c.access_code) for c in found]
    header = (_("Document"), _("KLE number"), _("Handling facet"), _("Access code"))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import search

    filters = search.Filters(
        type_code=args.type_code,
        district=args.district,
        start=args.start,
        end=args.end,
        level=args.level,
        open_actions=args.open,
    )
    with _session(args) as ctx:
        result = search.search(ctx, args.query, filters)
    if args.json:
        _print_json(result.to_json())
        return EXIT_OK
    if result.message:
        print(result.message)
        return EXIT_OK
    for h in result.hits:
        child = f"  ({h.child})" if h.child else ""
        print(f"{short_date(h.starts_at.date())}  {h.type_name:<20}  {h.title}{child}")
        print(f"            {h.plain_snippet}")
    more = _(" (more than shown)") if result.truncated else ""
    ms = f"{result.elapsed_ms:.0f}"
    print(_n("{n} hit in {ms} ms", "{n} hits in {ms} ms", len(result.hits), ms=ms) + more)
    return EXIT_OK


def cmd_reindex(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import search

    with _session(args) as ctx:
        state = search.rebuild_index(ctx)
    print(
        _n(
            "The search index holds {n} item again.",
            "The search index holds {n} items again.",
            state.indexed,
        )
    )
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import backup

    target = _output(args.output) if args.output else None
    with _session(args) as ctx:
        info = backup.backup(ctx, target)
    print(_("Backup written: {path} (and its .keys file)", path=info.path))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import restore

    login_name, password = _credentials(args)
    done = restore.restore(_db_path(args), args.source.expanduser(), login_name, password)
    print(
        _n(
            "Restored from {source}: {n} access-log event, the last on {day}.",
            "Restored from {source}: {n} access-log events, the last on {day}.",
            done.verified.events,
            source=args.source,
            day=done.verified.last_event.strftime("%d.%m.%Y %H.%M")
            if done.verified.last_event
            else "-",
        )
    )
    if done.replaced is not None:
        print(_("The replaced database is kept as {path}.", path=done.replaced))
    return EXIT_OK


def cmd_password(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import access, sync_client

    user, current = _credentials(args)
    new = _new_password(user)
    with _session(args) as ctx:
        # On a laptop's replica the server takes the new password first (online only).
        change = (
            sync_client.change_password if sync_client.is_replica(ctx) else access.change_password
        )
        report = change(ctx, current, new)
    print(_("Your password is changed."))
    _print_rekey(report)
    return EXIT_OK


def cmd_reset_password(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import access

    new = _new_password(args.login)
    with _session(args) as ctx:
        report = access.reset_access(ctx, args.login, new)
    print(_("{user} has a new password; hand it over and have it changed.", user=args.login))
    _print_rekey(report)
    return EXIT_OK


def cmd_users(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import access

    action = args.users_command
    if action == "list":
        with _session(args) as ctx:
            found = access.list_users(ctx)
        if args.json:
            _print_json([u.to_json() for u in found])
            return EXIT_OK

        rows = [
            (
                u.login,
                u.name,
                u.role.value,
                _("active") if u.active else _("access closed"),
                u.last_login_at.astimezone(LOCAL_TZ).strftime("%d.%m.%Y %H.%M")
                if u.last_login_at
                else "-",
            )
            for u in found
        ]
        header = (_("User"), _("Name"), _("Role"), _("Access"), _("Last login"))
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        print(_n("{n} user", "{n} users", len(found)))
        return EXIT_OK
    if action == "add":
        with _session(args) as ctx:
            # Checked before the password is asked for: a wrong person costs no typing.
            person = access.find_person(ctx, args.person) if args.person else None
            if person is None:
                access.require_manage_users(ctx)
            password = _new_password(args.login)
            info = access.add_user(
                ctx,
                access.NewUser(
                    args.login,
                    password,
                    Role(args.role),
                    person_name=args.name,
                    person_id=person.id if person else None,
                ),
            )
        print(_("User {user} added ({role}).", user=info.login, role=info.role.value))
        return EXIT_OK
    if action == "close":
        with _session(args) as ctx:
            report = access.close_user(ctx, args.login)
        print(_("{user}'s access is closed.", user=args.login))
        _print_rekey(report)
        return EXIT_OK
    with _session(args) as ctx:
        access.require_manage_users(ctx, "reopen a user's access")
        password = _new_password(args.login)
        access.reopen_user(ctx, args.login, password)
    print(_("{user}'s access is open again; hand the new password over.", user=args.login))
    return EXIT_OK


def _print_rekey(report: Any) -> None:
    print(
        _n(
            "The database and {n} backup have a new key ({seconds} s); older copies of the "
            "key file no longer open them.",
            "The database and {n} backups have a new key ({seconds} s); older copies of the "
            "key file no longer open them.",
            report.backups_rekeyed,
            seconds=f"{report.seconds:.1f}",
        )
    )
    if report.dropped:
        print(
            _(
                "The new key could not be given to {users} (a key-file entry from an older "
                "version, or one that was tampered with): give them a new password with "
                "'stevnsmoeder reset-password'.",
                users=", ".join(report.dropped),
            )
        )


def cmd_rekey(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import access

    with _session(args) as ctx:
        report = access.rekey(ctx)
    _print_rekey(report)
    return EXIT_OK


def cmd_retention(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import retention

    with _session(args) as ctx:
        rule = retention.policy(ctx)
        if args.years is not None or args.mode is not None:
            rule = retention.set_policy(ctx, args.years or rule.years, args.mode or rule.mode)
    mode = _(retention.MODE_LABELS[rule.mode])
    print(
        _n(
            "Closed cases are kept {n} year, then: {mode}.",
            "Closed cases are kept {n} years, then: {mode}.",
            rule.years,
            mode=mode,
        )
    )
    return EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import retention

    with _session(args) as ctx:
        report = retention.purge(ctx, dry_run=args.dry_run)
    for c in report.candidates:
        items = _n("{n} item", "{n} items", c.items)
        print(f"{c.reference}  {_('closed')} {c.closed_on:%d.%m.%Y}  {items}")
    n, mode = len(report.candidates), _(retention.MODE_LABELS[report.policy.mode])
    if not report.done:
        print(
            _n(
                "{n} case would be purged ({mode}).",
                "{n} cases would be purged ({mode}).",
                n,
                mode=mode,
            )
        )
    else:
        print(_n("{n} case purged ({mode}).", "{n} cases purged ({mode}).", n, mode=mode))
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import access_log

    with _session(args) as ctx:
        if args.verify == "export":
            # lazy: see the module docstring
            from stevnsmoeder.services import audit_trail

            folder = args.export_to.resolve() if args.export_to else None
            done = audit_trail.export(ctx, folder)
            print(
                _n(
                    "{n} event exported to {folder}",
                    "{n} events exported to {folder}",
                    done.events,
                    folder=done.folder,
                )
            )
            return EXIT_OK
        if args.verify:
            report = access_log.verify(ctx)
            if report.ok:
                print(
                    _n(
                        "The access log is unbroken ({n} event).",
                        "The access log is unbroken ({n} events).",
                        report.events,
                    )
                )
                return EXIT_OK
            print(_("The access log is broken at event {seq}.", seq=report.first_bad_seq))
            return EXIT_FAILED
        if args.case:
            case_id = access_log.case_id_for(ctx, args.case)
            if args.json:
                _print_json(access_log.case_export(ctx, case_id))
                return EXIT_OK
            query = access_log.Query(case_id=case_id)
        else:
            query = access_log.Query(
                login=args.log_user, action=args.action, start=args.start, end=args.end
            )
        found = access_log.entries(ctx, query)
    if args.json:
        _print_json([e.to_json() for e in found])
        return EXIT_OK

    for e in found:
        at = e.at.astimezone(LOCAL_TZ).strftime("%d.%m.%Y %H.%M.%S")
        detail = f"  [{e.detail}]" if e.detail else ""
        print(f"{at}  {e.label}{detail}")
    print(_n("{n} event", "{n} events", len(found)))
    return EXIT_OK


def cmd_case(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import case_history, cases

    with _session(args) as ctx:
        history = case_history.case_history(ctx, cases.case_id_for(ctx, args.case))
    if args.json:
        _print_json(history.to_json())
        return EXIT_OK
    c = history.case
    level = f"{c.level} {c.level_label}" if c.level else "-"
    print(f"{c.reference or '-'}  {c.display_name}  ({c.district or '-'})  {level}")
    for e in history.entries:
        lv = f"  [{e.record.level}]" if e.record.level else ""
        print(f"{short_date(e.day)}  {e.type_name:<20}  {e.title}{lv}")
        if e.record.decision:
            print(f"            {_('Decision')}: {e.record.decision}")
        for note in e.record.addenda:  # corrections after approval
            day = short_date(note.at.astimezone(LOCAL_TZ).date())
            print(f"            {_('Addendum')} {day}: {note.text}")
    for a in history.open_actions:
        due = short_date(a.due_on) if a.due_on else "-"
        flag = f" ({_('overdue')})" if a.overdue else ""
        print(f"{_('Open agreement')}: {a.what} – {a.who}, {due}{flag}")
    print(_n("{n} item", "{n} items", len(history.entries)))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.services import followup_online, statistics, sync_client

    output = _output(args.output) if args.output else None
    if output is not None and output.suffix.lower() not in (".pdf", ".xlsx"):
        raise CliError(_("Write the follow-up to a .pdf or an .xlsx file."), EXIT_USAGE)
    with _session_and_password(args) as (ctx, password):
        if sync_client.is_replica(ctx):
            # A replica holds only the user's part of the record: counted on the server.
            report = followup_online.fetch(ctx, password, args.year, args.district)
        else:
            report = statistics.policy_report(ctx, args.year, args.district)
        if output is not None:
            written = _write(output, lambda path: statistics.write(ctx, report, path))
    if args.json:
        _print_json(report.to_json())
        return EXIT_OK
    if output is not None:
        if output.suffix.lower() == ".pdf":
            _written(output, written)
        else:
            print(
                _n(
                    "{path} written ({n} sheet).",
                    "{path} written ({n} sheets).",
                    written,
                    path=output,
                )
            )
        return EXIT_OK
    where = report.district or _("the whole municipality")
    print(_("Policy follow-up {year}: {where}", year=report.year, where=where))
    width = max(len(f.label) for f in report.headline)
    print(f"{'':<{width}}  {report.year:>8}  {report.previous_year:>8}")
    for figure in report.headline:
        print(f"{figure.label:<{width}}  {figure.current:>8}  {figure.previous:>8}")
    for sentence in report.trends:
        print(f"· {sentence}")
    return EXIT_OK


COMMANDS = {
    "demo": cmd_demo,
    "meetings": cmd_meetings,
    "cases": cmd_cases,
    "check": cmd_check,
    "init": cmd_init,
    "series": cmd_series,
    "plan": cmd_plan,
    "ics": cmd_ics,
    "pdf": cmd_pdf,
    "file": cmd_file,
    "unfiled": cmd_unfiled,
    "filing-classes": cmd_filing_classes,
    "case": cmd_case,
    "audit": cmd_audit,
    "retention": cmd_retention,
    "purge": cmd_purge,
    "reset-password": cmd_reset_password,
    "password": cmd_password,
    "users": cmd_users,
    "rekey": cmd_rekey,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "search": cmd_search,
    "reindex": cmd_reindex,
    "report": cmd_report,
}


def cmd_server(args: argparse.Namespace) -> int:
    if args.server_command == "users":  # the users of the server's database
        args.db = args.database
        return cmd_users(args)
    return cli_sync.cmd_server(args)


COMMANDS.update(cli_sync.COMMANDS)
COMMANDS["server"] = cmd_server


def _run_gui(args: argparse.Namespace) -> int:
    # lazy: see the module docstring
    from stevnsmoeder.ui.app import run

    return run(db_path=_db_path(args), user=args.user or os.environ.get(USER_ENV, ""))
