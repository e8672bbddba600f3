"""A short excerpt around the words a search matched, with those words marked.

Words are what the index's unicode61 tokenizer sees: runs of letters and digits, compared
case-insensitively. The excerpt comes from the first column that matches (in the caller's
order: a decision, the notes …), starts a few words before the first match, and keeps the
original text between the words. This is done here rather than with FTS5's snippet(): it
gives the same kind of result for the rows shown and costs a fraction of the time on long
minutes (one regular expression per query instead of re-reading every matched row's token
positions).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from stevnsmoeder.domain.search_query import Query

TOKEN = re.compile(r"[^\W_]+")
LEAD = 3  # words shown before the first match
_LOOK_BACK = 120  # characters searched for those words
_NOT_WORD = r"[\W_]+"


def pattern(query: Query) -> re.Pattern[str] | None:
    """One expression matching every (non-negated) term as whole words."""
    parts = []
    for group in query.groups:
        for term in group:
            if term.negated or not term.words:
                continue
            words = [re.escape(w) for w in term.words]
            if term.prefix:
                words[-1] += r"[^\W_]*"
            parts.append(_NOT_WORD.join(words))
    if not parts:
        return None
    # Longest first, so a phrase wins over its own first word.
    parts.sort(key=len, reverse=True)
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(parts)})(?![^\W_])", re.IGNORECASE)


def make_snippet(
    columns: Sequence[str],
    query: Query,
    *,
    words: int = 14,
    start: str = "\x02",
    end: str = "\x03",
    compiled: re.Pattern[str] | None = None,
) -> str:
    """The excerpt, with matched words between ``start`` and ``end``; the start of the first
    non-empty column when nothing matched."""
    expr = compiled or pattern(query)
    best: tuple[str, int] | None = None  # (text, first match)
    if expr is not None:
        for text in columns:  # in the caller's order of preference
            found = expr.search(text) if text else None
            if found is not None:
                best = (text, found.start())
                break
    if best is None or expr is None:
        first = next((c for c in columns if c.strip()), "")
        return _window(first, 0, words, None, start, end)
    text, at = best
    before = list(TOKEN.finditer(text, max(0, at - _LOOK_BACK), at))
    begin = before[-LEAD].start() if len(before) >= LEAD else (before[0].start() if before else at)
    if at <= _LOOK_BACK and len(before) <= LEAD + 2:
        begin = 0  # so near the start that the whole beginning fits
    return _window(text, begin, words, expr, start, end)


def _window(
    text: str, begin: int, words: int, expr: re.Pattern[str] | None, start: str, end: str
) -> str:
    tokens = TOKEN.finditer(text, begin)
    last = None
    for count, m in enumerate(tokens, start=1):
        last = m
        if count >= words:
            break
    if last is None:
        return ""
    stop = last.end()
    rest = text[stop:]
    more = TOKEN.search(rest) is not None
    if not more:
        stop = len(text.rstrip())  # keep the closing punctuation
    piece = text[begin:stop]
    if expr is not None:
        piece = expr.sub(lambda m: f"{start}{m.group()}{end}", piece)
    body = " ".join(piece.split())
    prefix = "…" if TOKEN.search(text, 0, begin) else ""
    return f"{prefix}{body}{'…' if more else ''}"
