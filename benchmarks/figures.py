"""The in-process figures: search (beside a LIKE scan), opening a case, the PDFs and the
policy follow-up."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from stevnsmoeder.db.models import AgendaItem, Meeting
from stevnsmoeder.domain import search_query
from stevnsmoeder.model.documents import MeetingDocument
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import access, case_history, documents, search
from stevnsmoeder.services import statistics as follow_up
from stevnsmoeder.services.context import ServiceContext

# What a psychologist types: single words, prefixes, phrases, OR and two-word searches.
QUERIES = (
    "skole", "trivsel", "forældre*", "sprog*", "fravær", "angst", "søvn", "mor far",
    '"bekymring for"', "samtale*", "politi", "børnehave*", "skole OR dagtilbud", "kammerater",
    "læge", "\"faste rutiner\"", "motori*", "koncentration", "familiehuset", "hærværk",
)  # fmt: skip


def timed(fn: Callable[[], Any], repeats: int) -> list[float]:
    """Seconds per call, after one warm-up call."""
    fn()
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def open_context(path: Path, user: str = "ppr") -> ServiceContext:
    return access.login(path, user, "demo")


def _like_scan(ctx: ServiceContext, word: str) -> int:
    """The plain alternative: every item's text scanned with LIKE '%word%'."""
    pattern = f"%{word}%"  # (ILIKE would be PostgreSQL's equivalent; LIKE is the plain scan)
    with ctx.db.begin() as s:
        return len(
            s.execute(
                text(
                    "SELECT ai.id FROM agenda_item ai "
                    "LEFT JOIN item_minutes im ON im.agenda_item_id = ai.id "
                    "WHERE ai.title LIKE :p OR ai.description LIKE :p OR im.notes LIKE :p "
                    "OR im.decision LIKE :p OR im.family_view LIKE :p OR im.concern LIKE :p "
                    "OR im.resources LIKE :p OR im.goals LIKE :p "
                    "OR im.preliminary_decision LIKE :p "
                    "OR EXISTS (SELECT 1 FROM action a WHERE a.agenda_item_id = ai.id "
                    "AND a.text LIKE :p)"
                ),
                {"p": pattern},
            ).all()
        )


def search_figures(ctx: ServiceContext, rounds: int) -> dict[str, float]:
    for q in QUERIES:  # warm the page cache, as a session in use has it
        search.search(ctx, q)
    fts: list[float] = []
    for _ in range(rounds):
        for q in QUERIES:
            began = time.perf_counter()
            search.search(ctx, q)
            fts.append(time.perf_counter() - began)
    # The index query alone, as the LIKE scan is a query alone: the same level on both sides.
    raw: list[float] = []
    on_server = ctx.db.dialect == "postgresql"
    index_query = text(
        "SELECT id FROM search_doc WHERE document @@ to_tsquery('danish', :q) "
        "ORDER BY ts_rank(document, to_tsquery('danish', :q)) DESC LIMIT 31"
        if on_server
        else "SELECT rowid FROM search_index WHERE search_index MATCH :q ORDER BY rank LIMIT 31"
    )
    with ctx.db.begin() as s:
        for _ in range(rounds):
            for q in QUERIES:
                parsed = search_query.parse(q)
                expression = parsed.tsquery() if on_server else parsed.fts()
                began = time.perf_counter()
                s.execute(index_query, {"q": expression}).all()
                raw.append(time.perf_counter() - began)
    like: list[float] = []
    for q in QUERIES:
        word = q.replace('"', " ").replace("*", " ").split()[0]
        began = time.perf_counter()
        _like_scan(ctx, word)
        like.append(time.perf_counter() - began)
    return {
        "search_p95_ms": p95(fts) * 1000,
        "search_median_ms": statistics.median(fts) * 1000,
        "index_query_median_ms": statistics.median(raw) * 1000,
        "like_median_ms": statistics.median(like) * 1000,
        "like_p95_ms": p95(like) * 1000,
    }


def longest_case(ctx: ServiceContext) -> Any:
    """The child with the most agenda items: the longest history to open."""
    with ctx.db.begin() as s:
        return s.execute(
            select(AgendaItem.case_id, func.count())
            .where(AgendaItem.case_id.is_not(None))
            .group_by(AgendaItem.case_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()


def case_figures(ctx: ServiceContext, repeats: int) -> dict[str, float]:
    case_id, items = longest_case(ctx)
    opened = timed(lambda: case_history.case_history(ctx, case_id), repeats)
    return {"case_open_ms": statistics.median(opened) * 1000, "case_items": float(items)}


def twenty_item_minutes(ctx: ServiceContext) -> MeetingDocument:
    """A held meeting's minutes with 20 items, filled from the meetings before it."""
    with ctx.db.begin() as s:
        held = list(
            s.scalars(
                select(Meeting.id)
                .where(Meeting.status == MeetingStatus.HELD)
                .order_by(Meeting.starts_at.desc())
                .limit(40)
            )
        )
    base = documents.meeting_document(ctx, held[0], documents.MINUTES)
    items = list(base.items)
    for meeting_id in held[1:]:
        if len(items) >= 20:
            break
        items += documents.meeting_document(ctx, meeting_id, documents.MINUTES).items
    numbered = [replace(item, number=n) for n, item in enumerate(items[:20], start=1)]
    return replace(base, items=tuple(numbered))


def archival_minutes(doc: MeetingDocument) -> bytes:
    """The same minutes as filed in the case system: rendered, then made PDF/A-2b and checked
    on the bytes written (reports.archival)."""
    from stevnsmoeder.reports import archival, meeting_pdf

    plain, _pages = meeting_pdf.render_meeting_document(doc)
    info = archival.ArchivalInfo(
        title=meeting_pdf.archival_title(doc),
        subject="Det godkendte referat, version 1",
        document_type=meeting_pdf.document_type(doc),
        created=doc.generated_at,
        version=1,
        content_checksum="0" * 64,
        keywords="KLE 00.01.10 P35",
    )
    return archival.to_pdfa(plain, info)


def pdf_figures(ctx: ServiceContext, repeats: int) -> tuple[dict[str, float], Any]:
    from stevnsmoeder.reports import meeting_pdf

    doc = twenty_item_minutes(ctx)
    rendered = timed(lambda: meeting_pdf.render_meeting_document(doc), repeats)
    # (the warm-up call also loads pikepdf.pdfa, once per process)
    archived = timed(lambda: archival_minutes(doc), repeats)
    case_id, _items = longest_case(ctx)
    history = timed(lambda: documents.render_case(ctx, case_id), max(3, repeats // 2))
    return {
        "minutes_pdf_ms": statistics.median(rendered) * 1000,
        "minutes_pdfa_ms": statistics.median(archived) * 1000,
        "case_pdf_ms": statistics.median(history) * 1000,
    }, doc


def policy_year(ctx: ServiceContext) -> int:
    """The last whole year of the record: the year the committee's follow-up is about."""
    with ctx.db.begin() as s:
        last = s.scalar(select(func.max(Meeting.starts_at)).where(Meeting.status == "held"))
    return (last.year if last else ctx.today().year) - 1


def policy_seconds(ctx: ServiceContext, repeats: int) -> float:
    """The policy follow-up of the last whole year beside the year before: reading the
    record, counting, and the suppression rule (the report as the window and the PDF get it)."""
    year = policy_year(ctx)
    return statistics.median(timed(lambda: follow_up.policy_report(ctx, year), repeats))


def server_figures(url: str, repeats: int, rounds: int) -> dict[str, float]:
    """The same figures on the shared record (PostgreSQL): search (Danish stemming), the
    longest case, and the 20-item minutes (fetched through the services and rendered)."""
    from stevnsmoeder.reports import meeting_pdf
    from stevnsmoeder.services import server_access

    ctx = server_access.login_server(url, "ppr", "demo")
    try:
        found = search_figures(ctx, rounds)
        case = case_figures(ctx, repeats)
    finally:
        ctx.db.close()
    ctx = server_access.login_server(url, "leder", "demo")
    try:
        made = timed(lambda: meeting_pdf.render_meeting_document(twenty_item_minutes(ctx)), repeats)
        policy = policy_seconds(ctx, repeats)
    finally:
        ctx.db.close()
    return {
        **found,
        **case,
        "minutes_fetch_and_pdf_ms": statistics.median(made) * 1000,
        "policy_ms": policy * 1000,
    }


def file_minutes_fetch_and_pdf(path: Path, repeats: int) -> float:
    """The SQLite side of the same: fetch the 20 items through the services and render."""
    from stevnsmoeder.reports import meeting_pdf

    ctx = open_context(path, "leder")
    try:
        made = timed(lambda: meeting_pdf.render_meeting_document(twenty_item_minutes(ctx)), repeats)
    finally:
        ctx.db.close()
    return statistics.median(made) * 1000
