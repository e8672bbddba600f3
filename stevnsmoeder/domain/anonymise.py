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
    "E.H. E.H.". A name written next to its own replacement ("Emmas mor Åse", "Mor Åse",
    "Åse mor"; or a mother registered as "Mor") becomes the replacement once, never "mor mor";
    and initials that end a sentence keep one full stop ("sagde E.H.", not "E.H..")."""

    def __init__(self, replacements: Mapping[str, str], cpr_text: str) -> None:
        names: dict[str, str] = {}
        for name, replacement in replacements.items():
            words = name.split()
            if len(" ".join(words)) >= MIN_NAME_LENGTH:
                names.setdefault(" ".join(words), replacement)
        self._cpr_text = cpr_text
        # Longest first, each in its own groups, so a match tells which name it was.
        ordered = sorted(names, key=len, reverse=True)
        self._replacements = [names[name] for name in ordered]
        if ordered:
            alternatives = "|".join(
                _alternative(i, name, names[name]) for i, name in enumerate(ordered)
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
        found = match.groupdict()
        i = next(int(key[1:]) for key, value in found.items() if key[0] == "n" and value)
        before = found.get(f"p{i}")
        # "Mor Åse" keeps the word as written (a capital starting a sentence stays).
        out = before if before else self._replacements[i]
        if out.endswith(".") and match.string.startswith(".", match.end()):
            out = out[:-1]  # "sagde Asta." -> "sagde A.Ø.", not "A.Ø.."
        return out


def _words(text: str) -> str:
    return r"\s+".join(re.escape(word) for word in text.split())


def _alternative(i: int, name: str, replacement: str) -> str:
    """The name, taking along its own replacement word right before or after it."""
    if not replacement.strip() or not re.match(r"\w", replacement) or replacement[-1] == ".":
        return f"(?P<n{i}>{_words(name)})"
    word = _words(replacement)
    return rf"(?:(?P<p{i}>{word})\s+)?(?P<n{i}>{_words(name)})(?:\s+{word}(?!\w))?"


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
