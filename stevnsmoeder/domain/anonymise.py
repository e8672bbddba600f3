"""Taking names and CPR numbers out of free text, for anonymised documents.

Minutes are written by people, and people write "Emma" and "Emmas mor" even on an item whose
header shows initials. An anonymised document therefore replaces every whole-word mention of
the child's and the family's names (also in the Danish genitive, "Emmas") and every
CPR-shaped number in the text, not only the fields that hold a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

CPR_IN_TEXT = re.compile(r"(?<!\d)\d{6}[- ]?\d{4}(?!\d)")
MIN_NAME_LENGTH = 2  # a single letter is an initial already


class Redactor:
    """Replace names (case-insensitively, whole words) and CPR numbers in text.

    ``replacements`` maps a name ("Emma Hansen", "Emma", "Hansen") to what is printed instead
    ("E.H."). Longer names win over their parts, so "Emma Hansen" becomes "E.H." and not
    "E.H. E.H."."""

    def __init__(self, replacements: Mapping[str, str], cpr_text: str) -> None:
        names: dict[str, str] = {}
        for name, replacement in replacements.items():
            words = name.split()
            if len(" ".join(words)) >= MIN_NAME_LENGTH:
                names.setdefault(" ".join(words), replacement)
        self._cpr_text = cpr_text
        # Longest first, each in its own group, so a match tells which name it was.
        ordered = sorted(names, key=len, reverse=True)
        self._replacements = [names[name] for name in ordered]
        if ordered:
            alternatives = "|".join(
                f"(?P<n{i}>" + r"\s+".join(re.escape(word) for word in name.split()) + ")"
                for i, name in enumerate(ordered)
            )
            # A name followed by nothing word-like, or by the genitive "s" (Emmas far).
            self._pattern: re.Pattern[str] | None = re.compile(
                rf"(?<!\w)(?:{alternatives})(?=s?(?!\w))", re.IGNORECASE
            )
        else:
            self._pattern = None

    def __call__(self, text: str) -> str:
        if not text:
            return text
        text = CPR_IN_TEXT.sub(self._cpr_text, text)
        if self._pattern is None:
            return text
        return self._pattern.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        group = match.lastgroup or "n0"
        return self._replacements[int(group[1:])]


def name_replacements(
    full_name: str, replacement: str, parts: Iterable[str] = ()
) -> dict[str, str]:
    """The full name and each of its parts (first names, surname), all to ``replacement``."""
    out = {part: replacement for part in parts if part}
    for word in full_name.split():
        out.setdefault(word, replacement)
    if full_name.strip():
        out[full_name.strip()] = replacement
    return out
