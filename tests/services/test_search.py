"""Full-text search inside the encrypted database: ranking, snippets, Danish folding, prefix and
phrase queries, malformed input, visibility, the index in step with every write, and the log."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from stevnsmoeder.cli import main
from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services import case_history, meetings, minutes, planning, search
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import PermissionDenied, ValidationError
from stevnsmoeder.services.search import MARK_END, MARK_START, Filters
from tests.conftest import PASSWORD
from tests.services.test_case_history import Story, _child_item, _story

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture
def story(login: LoginFn) -> Story:
    return _story(login("leder"))


def _titles(result: search.Result) -> list[str]:
    return [h.title for h in result.hits]


def test_snippet_marks_the_matched_words(login: LoginFn, story: Story) -> None:
    r = search.search(login("ppr"), "frikvarteret")
    assert _titles(r) == ["Bekymring for trivsel"]
    hit = r.hits[0]
    assert f"{MARK_START}frikvarteret{MARK_END}" in hit.snippet
    assert hit.plain_snippet == "Asta trækker sig i [frikvarteret]."
    assert hit.child == "Asta Ødegård" and hit.case_id == story.asta.id
    assert hit.type_code == "district" and hit.starts_at.date() == date(2026, 9, 1)
    assert hit.level == 3


def test_danish_letters_fold_case_and_are_letters_of_their_own(
    login: LoginFn, story: Story
) -> None:
    ctx = login("ppr")
    for query in ("ØDEGÅRD", "ødegård", "Ødegård"):
        assert len(search.search(ctx, query).hits) == 4, query  # every item about Asta
    assert search.search(ctx, "odegard").hits == ()  # ø is not o, å is not a
    assert _titles(search.search(ctx, "HÆRVÆRK")) == ["Hærværk ved hallen"]


def test_prefix_phrase_and_or(login: LoginFn, story: Story) -> None:
    ctx = login("ppr")
    assert _titles(search.search(ctx, "frikvart*")) == ["Bekymring for trivsel"]
    assert _titles(search.search(ctx, '"to uger"')) == ["Bekymring for trivsel"]
    assert search.search(ctx, '"uger to"').hits == ()
    assert sorted(_titles(search.search(ctx, "hærværk OR søvnen"))) == [
        "Familiens plan",
        "Hærværk ved hallen",
    ]
    assert search.search(ctx, "hærværk søvnen").hits == ()  # AND by default
    assert _titles(search.search(ctx, "ødegård -hærværk -opfølgning -familiens")) == [
        "Bekymring for trivsel"
    ]


def test_a_title_match_ranks_above_a_match_in_the_notes(login: LoginFn, story: Story) -> None:
    ctx = login("leder")
    m = meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2026, 12, 15, 13), district="hother")
    )
    plan = planning.get_plan(ctx, m.id)
    plan = planning.add_item(ctx, m.id, plan.revision, title="Orientering om lejrskole", minutes=5)
    plan = planning.add_item(
        ctx, m.id, plan.revision, title="Nyt fra skolerne", minutes=5,
        description="Kort om lejrskolen og meget andet, der også fylder en del tekst her.",
    )  # fmt: skip
    titles = _titles(search.search(login("ppr"), "lejrskole*"))
    assert titles[:2] == ["Orientering om lejrskole", "Nyt fra skolerne"]


@pytest.mark.parametrize(
    "query", ['"', "*", "OR", "AND NOT", "-", "((", "^", 'col:"x', "x" * 10_000, "\x00", "😀"]
)
def test_malformed_queries_never_fail(login: LoginFn, story: Story, query: str) -> None:
    r = search.search(login("ppr"), query)
    assert r.hits == () or r.query
    if not r.query:
        assert "Skriv mindst ét ord" in r.message


def test_police_find_ssp_items_only(login: LoginFn, story: Story) -> None:
    police = login("politi")
    assert search.search(police, "frikvarteret").hits == ()  # a district-meeting note
    assert search.search(police, "søvnen").hits == ()  # an FTM note
    assert _titles(search.search(police, "politiet")) == ["Hærværk ved hallen"]
    assert search.search(police, "Bo").hits == ()  # never at SSP


def test_a_participant_finds_only_their_meetings(login: LoginFn, story: Story) -> None:
    assert search.search(login("deltager"), "ødegård").hits == ()


def test_admin_cannot_search_case_data(login: LoginFn, story: Story) -> None:
    with pytest.raises(PermissionDenied):
        search.search(login("admin"), "ødegård")


def test_a_child_discussed_anonymously_is_not_found_by_name(login: LoginFn, story: Story) -> None:
    ctx = login("leder")
    m = meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2026, 12, 15, 13), district="hother")
    )
    _child_item(ctx, m, story.other.id, "Uro i klassen", planning.LegalBasisKind.ANONYMOUS)
    r = search.search(login("ppr"), "berg")
    assert "Uro i klassen" not in _titles(r)
    hit = search.search(login("ppr"), "uro").hits[0]
    assert hit.child == "anonym drøftelse" and hit.case_id is None


def test_the_index_follows_every_write(login: LoginFn, story: Story) -> None:
    leder, ppr = login("leder"), login("ppr")
    item = case_history.case_history(leder, story.asta.id).entries[0].item_id
    minutes.save_text(leder, item, "notes", "Nu handler det om svømmehallen.")
    assert _titles(search.search(ppr, "svømmehallen")) == ["Bekymring for trivsel"]
    assert search.search(ppr, "frikvarteret").hits == ()  # the old text is gone
    action = minutes.add_action(
        leder, item, minutes.NewAction("Kontakte klubben", owner_text="SSP")
    )
    assert _titles(search.search(ppr, "klubben")) == ["Bekymring for trivsel"]
    minutes.remove_action(leder, action.id)
    assert search.search(ppr, "klubben").hits == ()
    # A renamed child is found by the new name on every item.
    with leder.db.begin() as s:
        s.execute(
            text("UPDATE child_case SET first_name = 'Alma' WHERE reference = :r"),
            {"r": story.asta.reference},
        )
    assert len(search.search(ppr, "alma").hits) == 4
    # A removed item leaves the index.
    plan = planning.get_plan(leder, story.later.id)
    later_item = next(i for i in plan.items if i.case_id == story.asta.id)
    planning.remove_item(leder, story.later.id, plan.revision, later_item.id)
    assert "Opfølgning" not in _titles(search.search(ppr, "alma"))
    assert search.index_state(leder).in_step


def test_rebuild_brings_a_damaged_index_back_in_step(login: LoginFn, story: Story) -> None:
    leder = login("leder")
    with leder.db.begin() as s:
        index = "search_doc" if leder.db.dialect == "postgresql" else "search_index"
        s.execute(text(f"DELETE FROM {index}"))
    assert not search.index_state(leder).in_step
    assert search.search(login("ppr"), "frikvarteret").hits == ()
    state = search.rebuild_index(leder)
    assert state.in_step and state.items > 0
    assert _titles(search.search(login("ppr"), "frikvarteret")) == ["Bekymring for trivsel"]


def test_filters(login: LoginFn, story: Story) -> None:
    ctx = login("ppr")
    assert _titles(search.search(ctx, "ødegård", Filters(type_code="ftm"))) == ["Familiens plan"]
    assert sorted(_titles(search.search(ctx, "ødegård", Filters(level=4)))) == [
        "Familiens plan",
        "Hærværk ved hallen",
    ]
    between = Filters(start=date(2026, 10, 1), end=date(2026, 10, 20))
    assert sorted(_titles(search.search(ctx, "ødegård", between))) == [
        "Familiens plan",
        "Hærværk ved hallen",
    ]
    assert sorted(_titles(search.search(ctx, "ødegård", Filters(open_actions=True)))) == [
        "Bekymring for trivsel",
        "Familiens plan",
    ]
    assert sorted(_titles(search.search(ctx, "ødegård", Filters(district="hother")))) == [
        "Bekymring for trivsel",
        "Opfølgning",
    ]
    with pytest.raises(ValidationError):
        search.search(ctx, "ødegård", Filters(start=date(2026, 10, 2), end=date(2026, 10, 1)))


def test_every_search_is_logged_with_its_term(login: LoginFn, story: Story) -> None:
    ctx = login("ppr")
    search.search(ctx, "frikvarteret", Filters(type_code="district"))
    with ctx.db.begin() as s:
        event = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "search").order_by(AuditEvent.seq.desc())
        ).first()
    assert event is not None and event.login == "ppr"
    assert event.detail == "'frikvarteret' [type=district]: 1 hits"


@pytest.mark.file_only
def test_search_command_json(
    login: LoginFn, story: Story, db_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    common = ["--db", str(db_path), "--user", "ppr"]
    assert main(["search", "ødegård", "--type", "ftm", "--json", *common]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"hits", "elapsed_ms"}
    (hit,) = data["hits"]
    assert set(hit) >= {"meeting_id", "item_id", "case_id", "date", "snippet"}
    assert hit["date"] == "2026-10-06" and hit["case_id"] == str(story.asta.id)
    assert main(["search", '"', *common]) == 0
    assert "Skriv mindst ét ord" in capsys.readouterr().out
    assert main(["search", "x", "--from", "2026-10-02", "--to", "2026-10-01", *common]) == 1
    assert main(["search", "ødegård", "--user", "politi", "--db", str(db_path)]) == 0
    assert "Familiens plan" not in capsys.readouterr().out


def test_a_very_common_word_is_ranked_among_its_newest_matches_and_still_complete(
    login: LoginFn, story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "RANK_CAP", 1)
    assert len(search.search(login("ppr"), "ødegård").hits) == 4  # reaches further back
    assert _titles(search.search(login("politi"), "ødegård")) == ["Hærværk ved hallen"]
    assert len(search.search(login("ppr"), "ødegård", limit=2).hits) == 2


def test_til_nu_ends_today_and_a_later_start_keeps_the_end_open() -> None:
    today = date(2026, 11, 23)
    assert Filters().until_today(today) == Filters(end=today)
    assert Filters(start=date(2026, 1, 1)).until_today(today).end == today
    chosen = Filters(end=date(2026, 12, 31))
    assert chosen.until_today(today) is chosen  # a date the user chose stays
    later = Filters(start=date(2027, 1, 1))
    assert later.until_today(today) is later  # no "now" before the start


def test_til_nu_leaves_out_the_planned_meetings(login: LoginFn, story: Story) -> None:
    ctx = login("ppr")
    assert "Opfølgning" in _titles(search.search(ctx, "ødegård"))  # planned for 1 December
    until_now = Filters().until_today(ctx.today())
    assert sorted(_titles(search.search(ctx, "ødegård", until_now))) == [
        "Bekymring for trivsel",
        "Familiens plan",
        "Hærværk ved hallen",
    ]


def _shown(ctx: ServiceContext) -> int:
    with ctx.db.begin() as s:
        return len(s.scalars(select(AuditEvent).where(AuditEvent.action == "search.shown")).all())


def test_the_next_page_continues_where_the_first_ended_and_is_logged(
    login: LoginFn, story: Story
) -> None:
    ctx = login("ppr")
    everything = _titles(search.search(ctx, "ødegård"))
    first = search.search(ctx, "ødegård", limit=3)
    assert first.truncated and first.offset == 0 and _titles(first) == everything[:3]
    before = _shown(ctx)
    second = search.search(ctx, "ødegård", limit=3, offset=3)
    assert _titles(second) == everything[3:] and second.offset == 3 and not second.truncated
    # the log says what this page showed: its hits, and the child it showed
    with ctx.db.begin() as s:
        event = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "search").order_by(AuditEvent.seq.desc())
        ).first()
    assert event is not None and event.detail == "'ødegård': 1 more hits (4-4)"
    assert _shown(ctx) == before + 1  # Asta, on the second page too
    assert search.search(ctx, "ødegård", limit=3, offset=4).hits == ()
