"""Translation for the layers below the UI (services, command line, reports).

Source strings are English; Danish is the default language. The Qt UI uses Qt's own
translation files; this module covers text that services and the command line show. Messages
are looked up by their English text, formatted with ``str.format`` fields.
"""

from __future__ import annotations

import os
from typing import Any

from stevnsmoeder.i18n_da import DANISH, DANISH_PLURALS

LANG_ENV = "STEVNSMOEDER_LANG"
SUPPORTED = ("da", "en")
_language: str | None = None


def language() -> str:
    global _language
    if _language is None:
        env = os.environ.get(LANG_ENV, "da").lower()[:2]
        _language = env if env in SUPPORTED else "da"
    return _language


def set_language(code: str) -> None:
    global _language
    _language = code if code in SUPPORTED else "da"


def _(message: str, /, **params: Any) -> str:
    """Translate ``message`` into the current language and fill in ``params``."""
    if language() == "da":
        message = DANISH.get(message, message)
    return message.format(**params) if params else message


def _n(singular: str, plural: str, n: int, /, **params: Any) -> str:
    """A message about a count: the singular for exactly one, else the plural (Danish and
    English agree: "1 møde", "0 møder", "2 møder"); ``n`` fills the field {n}. The Danish
    forms are in ``DANISH_PLURALS`` under the English pair."""
    forms = DANISH_PLURALS.get((singular, plural)) if language() == "da" else None
    message = (forms or (singular, plural))[0 if n == 1 else 1]
    return message.format(n=n, **params)


def danish(message: str, /, **params: Any) -> str:
    """``message`` in Danish whatever the current language: for text that leaves the app for
    Danish colleagues (a calendar invitation), not for the user's own screen."""
    message = DANISH.get(message, message)
    return message.format(**params) if params else message
