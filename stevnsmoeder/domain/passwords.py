"""What a new password must be: long, and not one everybody tries first.

At least MIN_LENGTH characters, and not a common password: not in the 30,000 most used
passwords (the list zxcvbn ships, from leaked password sets) or a list of Danish ones, also
when a year, a number or a few signs are added ("Sommer2026!"), and not the user's own name.
Length is what makes a password hard to guess; composition rules ("one digit, one capital")
only make people write passwords down, so there are none (NIST SP 800-63B, 5.1.1.2).
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
import unicodedata

MIN_LENGTH = 12
MAX_LENGTH = 1024

# Danish words and passwords that a guesser tries early (all lower case).
_DANISH = frozenset(
    [
        "adgangskode",
        "kodeord",
        "password",
        "hemmelig",
        "hemmeligt",
        "velkommen",
        "velkommen1",
        "login",
        "logind",
        "sommer",
        "vinter",
        "foraar",
        "forår",
        "efteraar",
        "efterår",
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
        "mandag",
        "tirsdag",
        "onsdag",
        "torsdag",
        "fredag",
        "lørdag",
        "søndag",
        "stevns",
        "stevnskommune",
        "kommune",
        "stevnsmoeder",
        "stevnsmøder",
        "store",
        "heddinge",
        "storeheddinge",
        "hårlev",
        "haarlev",
        "hotherhaarlev",
        "strøby",
        "strøbyegede",
        "klippinge",
        "rødvig",
        "højerup",
        "danmark",
        "københavn",
        "kobenhavn",
        "aarhus",
        "århus",
        "odense",
        "aalborg",
        "jegelskerdig",
        "elskerdig",
        "kærlighed",
        "hundehoved",
        "fodbold",
        "brøndby",
        "brondby",
        "fckøbenhavn",
        "superliga",
        "skole",
        "skolen",
        "barn",
        "børn",
        "boern",
        "familie",
        "kaffe",
        "kaffekop",
        "kage",
        "hygge",
        "lego",
        "carlsberg",
        "tuborg",
        "dannebrog",
        "hejmeddig",
        "hejsa",
        "hejhej",
        "qwertyuiopå",
        "asdfghjklæø",
        "zxcvbnm",
        "1234567890",
        "12345678901",
        "123456789012",
    ]
)


class Problem(enum.Enum):
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    COMMON = "common"
    SIMPLE = "simple"  # few different characters, a repeated word, a run like 12345
    NAME = "name"


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


@functools.cache
def _common() -> frozenset[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"]) | _DANISH


_ADDED = re.compile(r"[\W\d_]+$")  # a year, a number or signs added at the end
_LEADING = re.compile(r"^[\W\d_]+")


def _forms(password: str) -> set[str]:
    """The password and what is left of it without what people add to a word."""
    folded = _fold(password).strip()
    forms = {folded, _ADDED.sub("", folded), _LEADING.sub("", folded)}
    forms.add(_LEADING.sub("", _ADDED.sub("", folded)))
    forms |= {re.sub(r"[\s\-_.]+", "", f) for f in forms}  # "kode ord", "kode-ord"
    return {f for f in forms if f}


def _simple(core: str) -> bool:
    """Too simple however long: under eight visible characters, fewer than five different
    ones, one word said again ("sommersommer"), or mostly a run ("abcdefghijkl", "12345678")."""
    if len(core) < 8 or len(set(core)) < 5:
        return True
    for period in range(1, len(core) // 2 + 1):
        if core == (core[:period] * (len(core) // period + 1))[: len(core)]:
            return True
    steps = sum(1 for a, b in itertools.pairwise(core) if abs(ord(a) - ord(b)) == 1)
    return steps >= len(core) - 3


def problem(password: str, *, login: str = "", name: str = "") -> Problem | None:
    """Why this password may not be chosen, or None when it may."""
    if len(password) < MIN_LENGTH:
        return Problem.TOO_SHORT
    if len(password) > MAX_LENGTH:
        return Problem.TOO_LONG
    core = "".join(
        ch for ch in _fold(password) if not ch.isspace() and unicodedata.category(ch) != "Cf"
    )
    if _simple(core):
        return Problem.SIMPLE
    forms = _forms(password)
    if forms & _common():
        return Problem.COMMON
    folded = _fold(password)
    for own in (login, *name.split()):
        own = _fold(own).strip()
        mostly_own = len(folded.replace(own, "")) < MIN_LENGTH
        if len(own) >= 3 and (own in folded or own in forms) and mostly_own:
            return Problem.NAME
    return None
