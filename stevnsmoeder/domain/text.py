"""Typed and pasted text as it is stored: control characters (NUL, escape sequences, form
feeds …) dropped, Windows and old Mac line breaks made "\n", everything else — emoji,
right-to-left script, Danish letters — kept exactly."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Keep what was typed; drop NUL and other control characters (tabs and newlines stay)."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str) -> str:
    """A name or a title: cleaned, on one line, single spaces."""
    return " ".join(clean_text(text).split())
