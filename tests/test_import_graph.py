"""The import graph of the whole package, read with ``ast``: imports at the top of a module,
inside functions and under ``TYPE_CHECKING`` alike.

- No circle at all among the package's modules (an import inside a function hides a circle
  from Python's start-up, not from this graph).
- Every import points down the layers: domain < model < db < reports < services < ui/cli,
  with the small shared modules (i18n, paths, logging) at the bottom; only the window
  (``stevnsmoeder/ui/``) imports Qt.
- An import inside a function only where start-up speed asks for it: listed in LAZY, and
  saying why in a comment on its line or the line above.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "stevnsmoeder"

# The layer of each top-level part of the package; a module imports its own layer or lower.
LAYERS = {
    "": 0,  # stevnsmoeder/__init__.py: the name and version
    "i18n": 0,
    "i18n_da": 0,
    "paths": 0,
    "logging_setup": 0,
    "domain": 1,
    "model": 2,
    "db": 3,
    "reports": 4,
    "services": 5,
    "ui": 6,
    "server": 6,
    "cli_base": 7,
    "cli_sync": 7,
    "cli": 7,
    "__main__": 8,
}
QT = ("PySide6", "shiboken6")
QT_LAYERS = {"ui"}

# Imports inside functions, kept so that start-up stays fast: importer -> what it may load late.
LAZY = {
    # a command loads only what it needs: --help and bad input answer at once
    "stevnsmoeder.cli": ("stevnsmoeder.services", "stevnsmoeder.reports", "stevnsmoeder.ui"),
    "stevnsmoeder.cli_sync": (
        "stevnsmoeder.services",
        "stevnsmoeder.server",
        "stevnsmoeder.db.engine",
        "stevnsmoeder.model",
    ),
    # the login window shows before SQLAlchemy and the driver are loaded
    "stevnsmoeder.ui.app": (
        "stevnsmoeder.services",
        "stevnsmoeder.ui.main.main_window",
        "stevnsmoeder.ui.access.sessions",
    ),
    "stevnsmoeder.ui.access.login": ("stevnsmoeder.services",),
    # the login window's connect dialog, likewise; and the replicas it lists
    "stevnsmoeder.ui.sync.connect_dialog": ("stevnsmoeder.services",),
    "stevnsmoeder.services.replicas": (
        "stevnsmoeder.db",
        "stevnsmoeder.services.sync_client",
        "stevnsmoeder.services.access",
    ),
    # the demo generator is large and only needed for a demo database
    "stevnsmoeder.services.demo": ("stevnsmoeder.services.demo_data",),
}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # an imported module (of the package, or a third-party top-level name)
    line: int
    in_function: bool
    commented: bool  # a comment on its line or the line above (or above its run of imports)


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _in_function(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return True
    return False


def _commented(node: ast.stmt, lines: list[str], parents: dict[ast.AST, ast.AST]) -> bool:
    """A comment on the import's own lines, or directly above it or above the run of imports
    it stands in."""
    if any("#" in lines[n - 1] for n in range(node.lineno, (node.end_lineno or node.lineno) + 1)):
        return True
    siblings = getattr(parents.get(node), "body", [])
    first = node
    if node in siblings:
        i = siblings.index(node)
        while i > 0 and isinstance(siblings[i - 1], (ast.Import, ast.ImportFrom)):
            i -= 1
        first = siblings[i]
    return first.lineno > 1 and lines[first.lineno - 2].strip().startswith("#")


def read_imports(root: Path) -> tuple[set[str], list[Import]]:
    """The package's modules, and every import in them."""
    files = {module_name(root, p): p for p in sorted(root.rglob("*.py"))}
    top = root.name
    found: list[Import] = []
    for module, path in files.items():
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        tree = ast.parse(text)
        parents = _parents(tree)
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from the importing module's package
                    package = module.split(".") if is_package else module.split(".")[:-1]
                    package = package[: len(package) - (node.level - 1)]
                    base = ".".join([*package, base] if base else package)
                # "from package import module" imports that module (its package comes first
                # anyway); "from module import name" the module
                inner = [f"{base}.{a.name}" for a in node.names]
                names = [n for n in inner if n in files]
                if len(names) < len(inner):
                    names.append(base)
            else:
                continue
            for name in names:
                if name == top or name.startswith(top + "."):
                    while name not in files:  # "pkg.module.attribute" -> "pkg.module"
                        name = name.rpartition(".")[0]
                else:
                    name = name.split(".")[0]
                if name == module:
                    continue
                found.append(
                    Import(
                        module,
                        name,
                        node.lineno,
                        _in_function(node, parents),
                        _commented(node, lines, parents),
                    )
                )
    return set(files), found


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def cycles(modules: set[str], imports: list[Import]) -> list[list[str]]:
    """The circles among the package's modules: each strongly connected group of two or more
    modules, as one circle through it."""
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for i in imports:
        if i.target in modules:
            graph[i.source].add(i.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(v: str) -> None:  # Tarjan's algorithm
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [_circle_through(group, graph) for group in groups]


def _circle_through(group: set[str], graph: dict[str, set[str]]) -> list[str]:
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:  # breadth first, back to the start
        v = queue.pop(0)
        for w in sorted(graph[v] & group):
            if w == start:
                return [*paths[v], start]
            if w not in paths:
                paths[w] = [*paths[v], w]
                queue.append(w)
    raise AssertionError(group)


def upward(modules: set[str], imports: list[Import]) -> list[str]:
    """Imports that point up the layers, and Qt outside the window."""
    found = []
    for i in imports:
        here = layer(i.source)
        if i.target in modules:
            there = layer(i.target)
            if here in LAYERS and there in LAYERS and LAYERS[there] > LAYERS[here]:
                found.append(f"{i.source}:{i.line} imports {i.target} ({here} < {there})")
        elif i.target in QT and here not in QT_LAYERS:
            found.append(f"{i.source}:{i.line} imports {i.target} (Qt belongs in the ui)")
    found += [f"{m}: no layer for {layer(m)!r}" for m in modules if layer(m) not in LAYERS]
    return found


def late(modules: set[str], imports: list[Import]) -> list[str]:
    """Imports of the package's modules inside functions that the allow-list does not name,
    or that do not say why they are late."""
    found = []
    for i in imports:
        if not i.in_function or i.target not in modules:
            continue
        allowed = LAZY.get(i.source, ())
        if not any(i.target == a or i.target.startswith(a + ".") for a in allowed):
            found.append(f"{i.source}:{i.line} imports {i.target} inside a function")
        elif not i.commented:
            found.append(f"{i.source}:{i.line} imports {i.target} late without saying why")
    return found


@pytest.fixture(scope="module")
def package() -> tuple[set[str], list[Import]]:
    return read_imports(PACKAGE)


def test_the_graph_is_read(package: tuple[set[str], list[Import]]) -> None:
    modules, imports = package
    assert {"stevnsmoeder.model.enums", "stevnsmoeder.services.documents"} <= modules
    edges = {(i.source, i.target) for i in imports}
    assert ("stevnsmoeder.services.documents", "stevnsmoeder.reports.meeting_pdf") in edges
    assert ("stevnsmoeder.services.demo", "stevnsmoeder.services.demo_data") in edges  # late
    assert ("stevnsmoeder.cli", "stevnsmoeder.services.context") in edges  # TYPE_CHECKING


def test_no_import_circle(package: tuple[set[str], list[Import]]) -> None:
    assert [" -> ".join(c) for c in cycles(*package)] == []


def test_imports_point_down_the_layers(package: tuple[set[str], list[Import]]) -> None:
    assert upward(*package) == []


def test_imports_inside_functions_only_for_start_up(
    package: tuple[set[str], list[Import]],
) -> None:
    assert late(*package) == []


def test_every_late_import_allowed_is_still_there(
    package: tuple[set[str], list[Import]],
) -> None:
    """The allow-list stays short: an entry whose late imports are gone goes too."""
    _modules, imports = package
    used = {i.source for i in imports if i.in_function and i.target.startswith("stevnsmoeder")}
    assert set(LAZY) <= used


# -- the checks themselves fail where they should ----------------------------------------------


def _write(root: Path, files: dict[str, str]) -> Path:
    package = root / "stevnsmoeder"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for folder in [package, *(p for p in package.rglob("*") if p.is_dir())]:
        (folder / "__init__.py").touch()
    return package


def _hidden_circle() -> dict[str, str]:
    return {
        "services/cases.py": (
            "def hide():\n"
            "    from stevnsmoeder.services.documents import redact  # documents imports cases\n"
        ),
        "services/documents.py": "from stevnsmoeder.services import cases\n\ndef redact(): ...\n",
    }


def test_a_circle_hidden_in_a_function_is_found(tmp_path: Path) -> None:
    modules, imports = read_imports(_write(tmp_path, _hidden_circle()))
    assert cycles(modules, imports) == [
        [
            "stevnsmoeder.services.cases",
            "stevnsmoeder.services.documents",
            "stevnsmoeder.services.cases",
        ]
    ]
    assert late(modules, imports) == [
        "stevnsmoeder.services.cases:2 imports stevnsmoeder.services.documents inside a function"
    ]


def test_a_circle_through_type_checking_and_packages_is_found(tmp_path: Path) -> None:
    files = {
        "reports/pdf.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from ..services.documents import Doc\n",
        "services/documents.py": "from stevnsmoeder.reports import pdf\n",
    }
    modules, imports = read_imports(_write(tmp_path, files))
    assert cycles(modules, imports) == [
        ["stevnsmoeder.reports.pdf", "stevnsmoeder.services.documents", "stevnsmoeder.reports.pdf"]
    ]
    assert upward(modules, imports) == [
        "stevnsmoeder.reports.pdf:3 imports stevnsmoeder.services.documents (reports < services)"
    ]


def test_imports_up_the_layers_and_qt_below_the_window_are_found(tmp_path: Path) -> None:
    files = {
        "model/enums.py": "from stevnsmoeder.db import base\n",
        "db/base.py": "",
        "services/x.py": "import PySide6.QtCore\n",
        "ui/y.py": "from PySide6.QtWidgets import QWidget\nfrom stevnsmoeder.services import x\n",
        "extra/z.py": "",
    }
    modules, imports = read_imports(_write(tmp_path, files))
    assert sorted(upward(modules, imports)) == [
        "stevnsmoeder.extra.z: no layer for 'extra'",
        "stevnsmoeder.extra: no layer for 'extra'",
        "stevnsmoeder.model.enums:1 imports stevnsmoeder.db.base (model < db)",
        "stevnsmoeder.services.x:1 imports PySide6 (Qt belongs in the ui)",
    ]


def test_a_late_import_must_be_listed_and_say_why(tmp_path: Path) -> None:
    files = {
        "services/demo.py": (
            "def make():\n"
            "    from stevnsmoeder.services import demo_data\n"  # listed, but says nothing
            "\n"
            "def other():\n"
            "    # lazy: large\n"
            "    from stevnsmoeder.services import demo_data\n"
            "    from stevnsmoeder.services import errors\n"  # not listed
        ),
        "services/demo_data.py": "",
        "services/errors.py": "",
    }
    modules, imports = read_imports(_write(tmp_path, files))
    assert late(modules, imports) == [
        "stevnsmoeder.services.demo:2 imports stevnsmoeder.services.demo_data late without "
        "saying why",
        "stevnsmoeder.services.demo:7 imports stevnsmoeder.services.errors inside a function",
    ]
