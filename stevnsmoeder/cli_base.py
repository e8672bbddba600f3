"""What every command-line module shares: errors with exit codes, the parser class, the
user's credentials from the environment or a prompt, and JSON output."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, NoReturn

from stevnsmoeder.i18n import _

USER_ENV = "STEVNSMOEDER_USER"
NEW_PASSWORD_ENV = "STEVNSMOEDER_NEW_PASSWORD"
PASSWORD_ENV = "STEVNSMOEDER_PASSWORD"
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_UNEXPECTED = 0, 1, 2, 70


class CliError(Exception):
    """A problem to report in one line, with an exit code."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(_("{message} (see --help)", message=message), EXIT_USAGE)


def credentials(args: argparse.Namespace) -> tuple[str, str]:
    user = args.user or os.environ.get(USER_ENV, "")
    interactive = sys.stdin is not None and sys.stdin.isatty()
    if not user and interactive:
        user = input(_("User name: ")).strip()
    if not user:
        raise CliError(_("No user: give --user or set STEVNSMOEDER_USER."))
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not interactive:
            raise CliError(_("No password: set STEVNSMOEDER_PASSWORD or run in a terminal."))
        import getpass

        password = getpass.getpass(_("Password for {user}: ", user=user))
    return user, password


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def new_password(login_name: str) -> str:
    """The new password for a user: from STEVNSMOEDER_NEW_PASSWORD, or asked twice."""
    new = os.environ.get(NEW_PASSWORD_ENV)
    if new is not None:
        return new
    if not (sys.stdin is not None and sys.stdin.isatty()):
        raise CliError(_("No new password: set {env} or run in a terminal.", env=NEW_PASSWORD_ENV))
    import getpass

    new = getpass.getpass(_("New password for {user}: ", user=login_name))
    again = getpass.getpass(_("The same password again: "))
    if new != again:
        raise CliError(_("The two passwords are not the same."))
    return new
