"""What a user types into the search field, as a safe SQLite FTS5 query (or PostgreSQL
tsquery).

Understood: words (all must match), ``"a phrase"``, a prefix ``børnesamt*``, ``OR`` (also
"ELLER") between alternatives, ``AND`` (also "OG") as the default, and ``-word`` / ``NOT``
(also "IKKE") to leave a word out. Everything else is treated as plain words: an unbalanced
quote closes at the end, a lone operator or a bare ``*`` is dropped, punctuation separates
words, and very long input is cut short. The result is always valid FTS5 (every term is
quoted), or empty when nothing searchable is left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_INPUT = 500  # characters considered
MAX_TERMS = 24
_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+)')
_WORD_CHARS = re.compile(r"\w+")
OR_WORDS = {"OR", "ELLER"}
AND_WORDS = {"AND", "OG"}
NOT_WORDS = {"NOT", "IKKE"}


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase
    prefix: bool = False
    negated: bool = False

    def fts(self) -> str:
        text = '"' + " ".join(self.words).replace('"', '""') + '"'
        return text + ("*" if self.prefix else "")

    def tsquery(self) -> str:
        """The term in PostgreSQL's ``to_tsquery`` syntax: each word quoted (so the text
        search parser stems it and no word is read as an operator), a phrase's words
        adjacent (``<->``), a prefix on the last word (``:*``)."""
        quoted = ["'" + w.replace("'", "''") + "'" for w in self.words]
        if self.prefix:
            quoted[-1] += ":*"
        text = " <-> ".join(quoted)
        return f"({text})" if len(quoted) > 1 else text


@dataclass(frozen=True)
class Query:
    """Groups joined by OR; the terms of a group all must match (NOT terms must not)."""

    groups: tuple[tuple[Term, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.groups

    def fts(self) -> str:
        parts = []
        for group in self.groups:
            positive = [t.fts() for t in group if not t.negated]
            text = " AND ".join(positive)
            for t in group:
                if t.negated:
                    text += f" NOT {t.fts()}"
            parts.append(f"({text})" if len(self.groups) > 1 else text)
        return " OR ".join(parts)

    def tsquery(self) -> str:
        """The same query for PostgreSQL's ``to_tsquery`` (with the Danish configuration
        the words are stemmed there: *skolevægringen* finds *skolevægring*)."""
        parts = []
        for group in self.groups:
            text = " & ".join(t.tsquery() for t in group if not t.negated)
            for t in group:
                if t.negated:
                    text += f" & !{t.tsquery()}"
            parts.append(f"({text})" if len(self.groups) > 1 else text)
        return " | ".join(parts)


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD_CHARS.findall(text))


def parse(text: str) -> Query:
    """Parse the user's search text; never raises."""
    groups: list[list[Term]] = [[]]
    negate_next = False
    count = 0
    for match in _TOKEN.finditer(text[:MAX_INPUT]):
        if count >= MAX_TERMS:
            break
        phrase, raw = match.group("phrase"), match.group("word")
        if phrase is not None:
            words = _words(phrase)
            if words:
                groups[-1].append(Term(words, negated=negate_next))
                count += 1
            negate_next = False
            continue
        assert raw is not None
        upper = raw.upper()
        if upper in OR_WORDS:
            if groups[-1]:
                groups.append([])
            negate_next = False
            continue
        if upper in AND_WORDS:
            continue
        if upper in NOT_WORDS:
            negate_next = True
            continue
        negated = negate_next or (raw.startswith("-") and len(raw) > 1)
        negate_next = False
        prefix = raw.endswith("*")
        words = _words(raw)
        if not words:
            continue  # "*", "-", "&&" …
        # "børne-unge" or "e-mail" becomes the phrase of its parts.
        groups[-1].append(Term(words, prefix=prefix, negated=negated))
        count += 1
    # A group of only NOT terms matches nothing in FTS5: drop it.
    kept = tuple(tuple(g) for g in groups if any(not t.negated for t in g))
    return Query(kept)
