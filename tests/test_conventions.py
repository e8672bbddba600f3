"""Project-wide rules: layers, translations of non-Qt messages, and no personal data in logs."""

from __future__ import annotations

import ast
from pathlib import Path

from stevnsmoeder.i18n_da import DANISH
from stevnsmoeder.services.access_log import ACTION_SENTENCES

PACKAGE = Path(__file__).resolve().parent.parent / "stevnsmoeder"


def _python_files(*, exclude: str | None = None) -> list[Path]:
    files = [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts]
    return [p for p in files if exclude is None or exclude not in p.relative_to(PACKAGE).parts]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_below_the_ui() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in _python_files(exclude="ui")
        if any(name.split(".")[0] == "PySide6" for name in _imports(p))
    ]
    assert offenders == []


def test_ui_does_not_reach_into_the_database_layer() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in (PACKAGE / "ui").rglob("*.py")
        if any(name.startswith("stevnsmoeder.db") for name in _imports(p))
    ]
    assert offenders == []


def test_ui_renders_documents_through_the_services() -> None:
    """Writing a document is a service call first (so the command line and the window agree);
    the window may use only the reports' file helper for saving bytes it was given."""
    for path in (PACKAGE / "ui").rglob("*.py"):
        for name in _imports(path):
            if name.startswith("stevnsmoeder.reports"):
                assert name == "stevnsmoeder.reports.base", (path.name, name)


def _translatable_literals() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in _python_files(exclude="ui"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "danish")  # danish(): Danish whatever the language
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found[node.args[0].value] = f"{path.relative_to(PACKAGE)}:{node.lineno}"
    return found


def test_every_message_below_the_ui_has_danish() -> None:
    literals = _translatable_literals()
    assert len(literals) > 30  # the scan itself works
    missing = {text: where for text, where in literals.items() if text not in DANISH}
    assert missing == {}


def test_danish_messages_keep_their_fields() -> None:
    import string

    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    for english, danish in DANISH.items():
        assert fields(english) == fields(danish), english


def test_no_stale_danish_entries() -> None:
    literals = _translatable_literals()
    # Messages named through a variable (permission names, status labels) are listed here.
    indirect = {
        "see users",
        "create users",
        "see meetings",
        "plan meetings",
        "see cases",
        "create cases",
        "planned",
        "in progress",
        "held",
        "cancelled",
        "record legal basis",
        "record consent",
        "run meetings",
        "take minutes",
        "approve minutes",
        "search minutes",
        "check the search index",
        "rebuild the search index",
        "see the access log",
        "check the access log",
        "export the access log",
        "set where the access log is exported",
        "make a backup",
        "restore a backup",
        "reset a user's access",
        "close a user's access",
        "reopen a user's access",
        "change a user's role",
        "re-key the database",
        "set how long cases are kept",
        "purge closed cases",
        "change how documents are filed",
        "set the filing folder",
        "record the case number in the case system",
        "file a child's extract",
        "see the policy follow-up",
        "deletion",
        "pseudonymisation",
    }
    indirect |= set(ACTION_SENTENCES.values())  # fmt: skip
    stale = set(DANISH) - set(literals) - indirect
    assert stale == set()


MAX_UI_LINES = 500


def _long_modules(root: Path, limit: int) -> list[str]:
    return sorted(
        f"{p.relative_to(root)}: {n} lines"
        for p in root.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > limit
    )


def test_no_window_module_over_500_lines() -> None:
    """A window grows by panes, dialogs, models and controllers of its own (see ui/live and
    ui/meeting), not by one file that only grows."""
    assert _long_modules(PACKAGE / "ui", MAX_UI_LINES) == []


def test_the_line_count_finds_a_long_module(tmp_path: Path) -> None:
    (tmp_path / "feature").mkdir()
    (tmp_path / "feature" / "window.py").write_text("x = 1\n" * 501, encoding="utf-8")
    (tmp_path / "short.py").write_text("x = 1\n" * 500, encoding="utf-8")
    assert _long_modules(tmp_path, MAX_UI_LINES) == ["feature/window.py: 501 lines"]
