"""Every action the code base writes to the access log has a Danish sentence.

The codes are found in the code, not listed by hand: every call of ``audit.record``,
``audit.record_cases`` and ``audit.append``, and of the services' own helpers that pass an
``action`` on to them (``minutes._log``, ``planning.done`` …). A new code without a sentence in
``access_log.ACTION_SENTENCES`` (and its Danish in ``i18n_da``) fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

from stevnsmoeder.i18n_da import DANISH
from stevnsmoeder.services.access_log import ACTION_SENTENCES, sentence

SERVICES = Path(__file__).resolve().parent.parent / "stevnsmoeder" / "services"
LOGGING = {"record": 2, "record_cases": 2, "append": None}  # the action's position (None: kw)


def _action_param(fn: ast.FunctionDef) -> int | None:
    names = [a.arg for a in fn.args.posonlyargs + fn.args.args]
    return names.index("action") if "action" in names else None


def _logging_call(call: ast.Call, wrappers: dict[str, int]) -> int | bool | None:
    """For a call to the access log (or to a helper of it): the action's position (None:
    by keyword only); False for any other call."""
    func = call.func
    if (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == "audit"
        and func.attr in LOGGING
    ):
        return LOGGING[func.attr]
    if isinstance(func, ast.Name) and func.id in wrappers:
        return wrappers[func.id]
    return False


def _wrappers(trees: dict[Path, ast.Module]) -> dict[str, int]:
    """Functions that take an ``action`` and hand it on to the access log, by name."""
    found: dict[str, int] = {}
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for fn in ast.walk(tree):
                if not isinstance(fn, ast.FunctionDef) or fn.name in found:
                    continue
                index = _action_param(fn)
                if index is None or fn.name in LOGGING:
                    continue
                for call in ast.walk(fn):
                    if (
                        isinstance(call, ast.Call)
                        and _logging_call(call, found) is not False
                        and any(isinstance(a, ast.Name) and a.id == "action" for a in _args(call))
                    ):
                        found[fn.name] = index
                        grew = True
                        break
    return found


def _args(call: ast.Call) -> list[ast.expr]:
    return [*call.args, *(k.value for k in call.keywords)]


def _returned_strings(tree: ast.Module, name: str) -> set[str] | None:
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef) and fn.name == name:
            return {
                r.value.value
                for r in ast.walk(fn)
                if isinstance(r, ast.Return)
                and isinstance(r.value, ast.Constant)
                and isinstance(r.value.value, str)
            }
    return None


def _codes(node: ast.expr, tree: ast.Module) -> set[str] | None:
    """The codes an action argument can be (None: cannot tell from the code)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        body, orelse = _codes(node.body, tree), _codes(node.orelse, tree)
        return None if body is None or orelse is None else body | orelse
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return _returned_strings(tree, node.func.id)
    return None


def logged_codes() -> tuple[dict[str, str], list[str]]:
    """Each code with one place that logs it, and the places whose code cannot be read."""
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in SERVICES.glob("*.py")}
    wrappers = _wrappers(trees)
    codes: dict[str, str] = {}
    unreadable: list[str] = []
    for path, tree in trees.items():
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            index = _logging_call(call, wrappers)
            if index is False:
                continue
            keyword = next((k.value for k in call.keywords if k.arg == "action"), None)
            arg = keyword or (
                call.args[index] if index is not None and index < len(call.args) else None
            )
            where = f"{path.name}:{call.lineno}"
            if isinstance(arg, ast.Name) and arg.id == "action":
                continue  # a helper handing its own argument on: its callers are read
            found = _codes(arg, tree) if arg is not None else None
            if not found:
                unreadable.append(where)
                continue
            for code in found:
                codes.setdefault(code, where)
    return codes, unreadable


def test_the_codes_are_found_in_the_code() -> None:
    codes, unreadable = logged_codes()
    assert unreadable == [], "log a literal code (or a helper returning literals)"
    # The scan itself works: codes written directly, through helpers and through functions.
    for code in ("login", "case.view", "minutes.level", "agenda.add", "login.failed"):
        assert code in codes
    assert len(codes) > 60


def test_every_logged_code_has_a_danish_sentence() -> None:
    codes, _unreadable = logged_codes()
    missing = {code: where for code, where in codes.items() if code not in ACTION_SENTENCES}
    assert missing == {}, "add a sentence to access_log.ACTION_SENTENCES"
    for template in ACTION_SENTENCES.values():
        assert template in DANISH, template


def test_no_sentence_for_a_code_nobody_logs() -> None:
    codes, _unreadable = logged_codes()
    stale = {key for key in ACTION_SENTENCES if key.split("@")[0] not in codes}
    assert stale == set()


def test_sentences_read_in_danish_with_names() -> None:
    assert sentence("case.view", "case", who="Hanne Jensen", case="S-2025-0074") == (
        "Hanne Jensen åbnede sagen S-2025-0074"
    )
    assert (
        sentence(
            "minutes.edit",
            "meeting",
            who="Hanne Jensen",
            case="S-2025-0074",
            meeting="SSP-møde 05.01.2027",
        )
        == "Hanne Jensen skrev i referatet af SSP-møde 05.01.2027 (sag S-2025-0074)"
    )
    assert sentence("user.close", "user", who="Ole Admin", user="Pia Hansen") == (
        "Ole Admin lukkede adgangen for Pia Hansen"
    )
