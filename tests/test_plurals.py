"""Danish plurals everywhere ("1 møde", "2 møder"): found over the whole catalogue, not by hand.

A message that puts a number in front of a noun must choose the noun's form by the number:
in the window through Qt's numerus forms (``self.tr("%n meetings", "", n)``, with a singular
and a plural in the Danish catalogue), below the window through ``i18n._n`` (a singular and a
plural message). This test reads every message of the Qt catalogue, every message the services,
reports and command line translate, the Danish text they are translated into, and the f-strings
that build Danish text directly, and fails on a count before a plural noun that has no choice.
"""

from __future__ import annotations

import ast
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

from stevnsmoeder.i18n import _n
from stevnsmoeder.i18n_da import DANISH, DANISH_PLURALS

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "stevnsmoeder"
TS = ROOT / "resources" / "translations" / "stevnsmoeder_da.ts"

# A placeholder: Qt's %1 (never %n, which has numerus forms) or a str.format field.
_PLACEHOLDER = r"(?:%[1-9]|\{(?P<field>\w+)\})"
_WORD = r"[^\W\d_]+"
# The placeholder, perhaps one adjective ("broken", "older"), then the noun.
_COUNTED = re.compile(rf"{_PLACEHOLDER}\)?\s+(?:(?P<adj>{_WORD})\s+)?(?P<noun>{_WORD})")

# English words ending in s that are no plural noun (verbs after a name, small words).
_NOT_PLURAL = {
    "is", "was", "has", "its", "this", "does", "goes", "us", "yes", "his", "always", "as",
    "expires", "needs", "holds", "applies", "takes", "lacks", "belongs", "less", "across",
    "s", "ms",
    "apologies",  # "%2 sent apologies": what was done, not what is counted
}  # fmt: skip
_IRREGULAR = {"children", "people"}
# Danish plural nouns whose singular differs ("år", "fund", "forsøg", "tegn" do not).
_DANISH_PLURAL = re.compile(
    r"^(?:børn|personer|\w+(?:møder|punkter|sager|hændelser|sider|sekunder|minutter|"
    r"brugere|dage|uger|måneder|timer|aftaler|samtykker|kopier|referencer|serier|"
    r"deltagere|fejl|ord)|møder|punkter|sager|hændelser|sider|sekunder|minutter|brugere|"
    r"dage|uger|måneder|timer|aftaler|samtykker|referencer|serier|deltagere|sikkerhedskopier)$"
)
# Placeholders that name a thing, not a count: a word after them is no counted noun.
_NOT_A_COUNT = {
    "path", "name", "user", "login", "holder", "file", "folder", "where", "what", "who", "day",
    "when", "ref", "type", "code", "text", "reason", "kind", "label", "rule", "source",
    "message", "mode", "first", "last", "first_day", "latest", "latest_day", "until", "given",
    "state", "step", "role", "known", "choices", "example", "env", "log", "pw", "why", "head",
    "current", "level", "time", "seq",
}  # fmt: skip

# Counts that are never one: a fixed limit above one (a password's 12 characters, a title's
# 200), or a range's upper end. Each is checked: the constant really is above one.
FIXED_ABOVE_ONE = {
    "A password must have at least {n} characters.",
    "A password may have at most {n} characters.",
    "A title is at most {n} characters.",
    "A time box is between 0 and {n} minutes.",
    "The text is longer than {n} characters; split it up.",
    "A name or text is at most {n} characters.",
    "A demo has 1 to {n} years of meetings.",
    # Asked only when two or more people share the name.
    "{n} people in the register are called {name}. Give the id of the one you mean instead "
    "of the name: {choices}",
}


def _english_plural(noun: str) -> bool:
    noun = noun.lower()
    return noun in _IRREGULAR or (noun.endswith("s") and noun not in _NOT_PLURAL)


def counted_nouns(text: str, *, danish: bool) -> list[str]:
    """Each "<count> <plural noun>" in ``text`` (empty when there is none)."""
    found = []
    for m in _COUNTED.finditer(text):
        if m.group("field") in _NOT_A_COUNT:
            continue
        nouns = [m.group("noun")] + ([m.group("adj")] if m.group("adj") else [])
        for noun in nouns:
            plural = _DANISH_PLURAL.match(noun.lower()) if danish else _english_plural(noun)
            if plural:
                found.append(m.group(0))
                break
    return found


# -- the scanners ----------------------------------------------------------------------------


def _below_the_window() -> list[Path]:
    return [
        p
        for p in PACKAGE.rglob("*.py")
        if "ui" not in p.relative_to(PACKAGE).parts and "migrations" not in p.parts
    ]


def _calls(name: str) -> dict[tuple[str, ...], str]:
    """The literal message arguments of each call to ``name`` below the window (one for
    ``_``, the singular and the plural for ``_n``), with where the call is."""
    count = 2 if name == "_n" else 1
    found: dict[tuple[str, ...], str] = {}
    for path in _below_the_window():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                args = node.args[:count]
                if node.func.id != name or len(args) != count:
                    continue
                literal = all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
                )
                if not literal:  # _(a label from a table): those tables are checked elsewhere
                    assert name == "_", f"{path}:{node.lineno}: a plural must be literal"
                    continue
                if True:
                    key = tuple(str(a.value) for a in args)  # type: ignore[attr-defined]
                    found[key] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found


def _audit_details(tree: ast.AST) -> set[int]:
    """The f-strings that are an access-log event's ``detail``: stored, chained data in
    English by design (it is shown as it was recorded), not text for a reader."""
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg == "detail":
                    ids.update(id(sub) for sub in ast.walk(kw.value))
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in {"debug", "info", "warning"}:
                ids.update(id(sub) for arg in node.args for sub in ast.walk(arg))
    return ids


# F-strings that are no text for a reader, by file and function: stored log details, SQL, and
# a weekly rule whose interval 1 and 2 have words of their own ("hver", "hver anden").
NOT_FOR_READERS = {
    ("services/rekey.py", "summary"),  # the access log's detail of a re-key
    ("services/search.py", "_log_detail"),  # the access log's detail of a search
    ("services/retention.py", "purge"),  # SQL
    ("domain/calendar.py", "describe_rule"),
}


def _functions(tree: ast.AST) -> dict[int, str]:
    """Each node's enclosing function name, by node id."""
    owner: dict[int, str] = {}
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            for sub in ast.walk(fn):
                owner[id(sub)] = fn.name  # walked outside in: the innermost function wins
    return owner


def _shown(part: ast.expr) -> str:
    """A piece of an f-string as text: literal text, a translated literal (``{_('items')}``)
    as its English, any other value as {value}."""
    if isinstance(part, ast.Constant) and isinstance(part.value, str):
        return part.value
    value = part.value if isinstance(part, ast.FormattedValue) else part
    if (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id == "_"
        and value.args
        and isinstance(value.args[0], ast.Constant)
    ):
        return str(value.args[0].value)
    return "{value}"


def _fstring_texts() -> dict[str, str]:
    """Each f-string below the window as text ({} for its values), with where it is."""
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if "ui" in parts or "migrations" in parts or "db" in parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _audit_details(tree)
        owner = _functions(tree)
        where = "/".join(parts)
        for node in ast.walk(tree):
            if (where, owner.get(id(node), "")) in NOT_FOR_READERS:
                continue
            if isinstance(node, ast.JoinedStr) and id(node) not in skip:
                text = "".join(_shown(part) for part in node.values)
                found[text] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found


def _ts_messages() -> list[tuple[str, str, str, list[str]]]:
    """(context, source, translation, numerus forms) of every message in the Qt catalogue."""
    out = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            forms = [f.text or "" for f in tr.iter("numerusform")]
            text = "" if forms else (tr.text or "")
            source = msg.findtext("source") or ""
            if msg.get("numerus") == "yes":
                out.append((name, source, text, forms))
            else:
                out.append((name, source, text, []))
    return out


# -- the tests -------------------------------------------------------------------------------


def test_the_scan_finds_what_it_should() -> None:
    assert counted_nouns("{n} meetings", danish=False)
    assert counted_nouns("%1 children's items", danish=False)
    assert counted_nouns("{count} items at {meetings} meetings", danish=False)
    assert counted_nouns("{n} broken references", danish=False)
    assert not counted_nouns("{items} på {meetings}, {first}–{last}.", danish=True)
    assert counted_nouns("%1 punkter på %2 møder", danish=True)
    assert counted_nouns("Vent %1 sekunder", danish=True)
    assert not counted_nouns("{path} is a folder", danish=False)
    assert not counted_nouns("The consent from {holder} expires on {day}.", danish=False)
    assert not counted_nouns("{age} år", danish=True)
    assert not counted_nouns("%1 min too long", danish=False)


def test_messages_below_the_window_choose_their_plural() -> None:
    messages = {key[0]: where for key, where in _calls("_").items()}
    assert len(messages) > 100  # the scan itself works
    wrong = {
        text: where
        for text, where in messages.items()
        if text not in FIXED_ABOVE_ONE
        and (counted_nouns(text, danish=False) or counted_nouns(DANISH.get(text, ""), danish=True))
    }
    assert wrong == {}, "use i18n._n(singular, plural, n) for these"


def test_every_plural_pair_has_danish_and_none_is_stale() -> None:
    pairs = _calls("_n")
    assert len(pairs) > 10
    assert {pair: where for pair, where in pairs.items() if pair not in DANISH_PLURALS} == {}
    assert set(DANISH_PLURALS) - set(pairs) == set()
    for (singular, plural), forms in DANISH_PLURALS.items():
        fields = {_fields(singular), _fields(plural), _fields(forms[0]), _fields(forms[1])}
        assert len(fields) == 1 and "n" in _fields(plural), (singular, plural)


def _fields(text: str) -> frozenset[str]:
    return frozenset(f for _, f, _, _ in string.Formatter().parse(text) if f)


def test_fixed_counts_really_are_above_one() -> None:
    from stevnsmoeder.domain import passwords
    from stevnsmoeder.services import planning

    assert passwords.MIN_LENGTH > 1 and passwords.MAX_LENGTH > 1
    from stevnsmoeder.services import demo_data, minutes

    assert planning.MAX_TITLE > 1 and planning.MAX_TIME_BOX > 1 and minutes.MAX_TEXT > 1
    assert demo_data.MAX_YEARS > 1
    for text in FIXED_ABOVE_ONE:
        assert text in DANISH


def test_fstrings_below_the_window_choose_their_plural() -> None:
    texts = _fstring_texts()
    assert len(texts) > 20
    wrong = {
        text: where
        for text, where in texts.items()
        if counted_nouns(text, danish=True) or counted_nouns(text, danish=False)
    }
    assert wrong == {}


def test_window_messages_choose_their_plural() -> None:
    wrong = []
    for context, source, translation, forms in _ts_messages():
        if forms:
            assert len(forms) == 2 and all("%n" in f for f in forms), (context, source, forms)
            assert forms[0] != forms[1] or not counted_nouns(
                forms[1].replace("%n", "%1"), danish=True
            ), (context, source)
            continue
        if counted_nouns(source, danish=False) or counted_nouns(translation, danish=True):
            wrong.append(f"{context}: {source}")
    assert wrong == [], 'use self.tr("%n …", "", n) with numerus forms for these'


def test_the_plural_helper() -> None:
    assert _n("{n} meeting", "{n} meetings", 1) == "1 møde"
    assert _n("{n} meeting", "{n} meetings", 2) == "2 møder"
    assert _n("{n} meeting", "{n} meetings", 0) == "0 møder"
