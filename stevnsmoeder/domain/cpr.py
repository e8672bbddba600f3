"""Danish CPR numbers (DDMMYY-SSSS).

Rules (CPR-kontoret): the hyphen is optional; the date part must be a real date; the seventh
digit together with YY gives the century. Numbers without a valid modulus-11 check digit have
been issued since 2007, so a failing check is only ever a warning, never a rejection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stevnsmoeder.i18n import _

_CPR_RE = re.compile(r"^\s*(\d{2})(\d{2})(\d{2})[-\s]?(\d{4})\s*$")
_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


class CprError(ValueError):
    """The text is not a CPR number (wrong shape or impossible date)."""


def century(digit7: int, yy: int) -> int:
    """The century (1800, 1900 or 2000) given the seventh digit and the two-digit year."""
    if not 0 <= digit7 <= 9 or not 0 <= yy <= 99:
        raise ValueError("digit7 must be 0-9 and yy 0-99")
    if digit7 <= 3:
        return 1900
    if digit7 in (4, 9):
        return 2000 if yy <= 36 else 1900
    return 2000 if yy <= 57 else 1800


def modulus11_ok(digits: str) -> bool:
    return sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 11 == 0


@dataclass(frozen=True)
class Cpr:
    digits: str  # ten digits, no hyphen
    birth_date: date
    modulus11_ok: bool

    @property
    def formatted(self) -> str:
        return f"{self.digits[:6]}-{self.digits[6:]}"

    @property
    def masked(self) -> str:
        return mask(self.digits)

    @property
    def warning(self) -> str | None:
        """A warning for the user, or None. Never a reason to reject the number."""
        if self.modulus11_ok:
            return None
        return _(
            "The CPR number does not pass the old modulus-11 check. This is allowed "
            "(numbers without it have been issued since 2007), but check for typing errors."
        )


def parse(text: str) -> Cpr:
    """Parse a CPR number; raise CprError with a message for the user when it is not one."""
    match = _CPR_RE.match(text or "")
    if not match:
        raise CprError(_("A CPR number has ten digits, written DDMMYY-SSSS."))
    dd, mm, yy, serial = match.groups()
    digits = dd + mm + yy + serial
    year = century(int(serial[0]), int(yy)) + int(yy)
    try:
        born = date(year, int(mm), int(dd))
    except ValueError:
        raise CprError(_("The CPR number does not start with a real date.")) from None
    return Cpr(digits=digits, birth_date=born, modulus11_ok=modulus11_ok(digits))


def mask(value: str | None) -> str:
    """DDMMYY-xxxx; empty text for no number. Works on stored (ten digit) or typed values."""
    if not value:
        return ""
    digits = re.sub(r"\D", "", value)
    if len(digits) != 10:
        return "xxxxxx-xxxx"
    return f"{digits[:6]}-xxxx"
