"""Anonym drøftelse stays anonymous: whoever learns of a named child only through an anonymous
discussion never learns who the child is — at any entry point.

Karla Kjær is a named child with a CPR number, a school, two parents and a consent. She is
discussed anonymously at an SSP meeting (the police see it) and at a district meeting the
participant ("deltager") attends, and by name, on her consent, at a district meeting the
participant does not attend. The chair, the secretary and PPR know her (they see the register
and the named item); the participant and the police must find no trace of who she is: not her
name, birth date, CPR (masked or not), school, parents, consent or case number — in the case
list, the case page, the case history, the start page, the plan, the documents (read back from
the PDFs), the search, the command line and the window.
"""

from __future__ import annotations

import contextlib
import json
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from stevnsmoeder.cli import main
from stevnsmoeder.model.cases import CaseSummary
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services import (
    carry_over,
    case_history,
    cases,
    consent,
    documents,
    live,
    meetings,
    minutes,
    overview,
    planning,
    search,
    series,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, PermissionDenied, ServiceError
from tests.conftest import PASSWORD
from tests.services.test_case_history import _child_item

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]
ROLES = ("admin", "leder", "referent", "deltager", "ppr", "politi")
KNOW = {"leder", "referent", "ppr"}  # see the register and the named item
ANONYMOUS_ONLY = {"deltager", "politi"}  # learn of Karla only through anonymous discussion

# Everything that tells who Karla is. Dates as the services, JSON, repr and print show them.
SECRETS = (
    r"Karla",
    r"Kjær",
    r"\bLone\b",
    r"\bKim\b",
    r"120713",
    r"12\.07\.2013",
    r"2013-07-12",
    r"date\(2013, 7, 12\)",
    r"Strøby Skole",
    r"Samtykket omfatter",
)


@dataclass
class Anon:
    karla: CaseSummary
    ssp: meetings.MeetingSummary  # Karla anonymously; the police take part
    district: meetings.MeetingSummary  # Karla anonymously; the participant takes part
    named: meetings.MeetingSummary  # Karla by name, on her consent; no participant
    ssp_item: uuid.UUID
    district_item: uuid.UUID


def leaks(text: str, reference: str) -> list[str]:
    found = [pattern for pattern in SECRETS if re.search(pattern, text)]
    if reference in text:
        found.append(reference)
    return found


def _take_part(
    leder: ServiceContext, meeting_id: uuid.UUID, who: ServiceContext, role: str
) -> None:
    assert who.actor.person_id is not None
    series.add_participant(leder, meeting_id, who.actor.person_id, role)


@pytest.fixture
def anon(login: LoginFn) -> Anon:
    return build_anon(login)


def build_anon(login: LoginFn) -> Anon:
    leder = login("leder")
    karla = cases.create_case(
        leder,
        cases.NewCase(
            first_name="Karla",
            last_name="Kjær",
            cpr="1207134002",
            institution="Strøby Skole",
            grade="7. klasse",
            district="stroeby",
            custody_holders=(("Lone Kjær", "mor"), ("Kim Kjær", "far")),
        ),
    ).case
    given = consent.record_consent(
        leder,
        karla.id,
        consent.NewConsent(
            "Lone Kjær", "mor", "Samtykket omfatter trivsel", "Skole og PPR",
            date(2026, 1, 1), date(2026, 12, 10), ("district",),
        ),
    )  # fmt: skip

    named = meetings.create_meeting(
        leder, meetings.NewMeeting("district", datetime(2026, 9, 1, 13), district="stroeby")
    )
    n1 = _child_item(
        leder, named, karla.id, "Trivsel i klassen", planning.LegalBasisKind.CONSENT, given.id
    )
    live.start(leder, named.id)
    minutes.save_text(leder, n1.id, "notes", "Drøftet med navn.")
    minutes.set_level(leder, n1.id, 2)
    live.end(leder, named.id)

    ssp = meetings.create_meeting(leder, meetings.NewMeeting("ssp", datetime(2026, 11, 3, 10)))
    _take_part(leder, ssp.id, login("politi"), "police")
    s1 = _child_item(leder, ssp, karla.id, "Uro ved stationen", planning.LegalBasisKind.ANONYMOUS)
    live.start(leder, ssp.id)
    # What people really write, even on an anonymous item: names, and a CPR number.
    minutes.save_text(leder, s1.id, "notes", "Karla (120713-4002) er set ved stationen om natten.")
    minutes.set_level(leder, s1.id, 3)
    minutes.add_action(
        leder,
        s1.id,
        minutes.NewAction("Tale med klubben", owner_text="SSP", due_on=date(2026, 11, 30)),
    )
    live.end(leder, ssp.id)

    district = meetings.create_meeting(
        leder, meetings.NewMeeting("district", datetime(2026, 11, 10, 13), district="stroeby")
    )
    _take_part(leder, district.id, login("deltager"), "school")
    d1 = _child_item(
        leder, district, karla.id, "Bekymring for en elev", planning.LegalBasisKind.ANONYMOUS
    )
    plan = planning.get_plan(leder, district.id)
    planning.invite_family(leder, district.id, plan.revision, karla.id)  # her parents came
    live.start(leder, district.id)
    for item in planning.get_plan(leder, district.id).items:
        live.go_to(leder, district.id, item.id)  # everyone present is recorded for each item
    minutes.save_text(
        leder, d1.id, "notes", "Eleven trækker sig; Lone Kjær ringede om Karlas søvn."
    )
    minutes.set_level(leder, d1.id, 3)
    minutes.add_action(
        leder,
        d1.id,
        minutes.NewAction("Observation", owner_text="Skolen", due_on=date(2026, 11, 27)),
    )
    live.end(leder, district.id)
    return Anon(karla, ssp, district, named, s1.id, d1.id)


def _all_text(values: Iterable[object]) -> str:
    return "\n".join(repr(v) for v in values)


# -- the finding, as reported -------------------------------------------------------------------


@pytest.mark.parametrize("role", sorted(ANONYMOUS_ONLY))
def test_the_case_list_and_case_page_do_not_name_an_anonymously_discussed_child(
    login: LoginFn, anon: Anon, role: str
) -> None:
    ctx = login(role)
    listed = cases.list_cases(ctx)
    assert [c.id for c in listed] == [anon.karla.id]  # she appears, as an anonymous case
    (shown,) = listed
    assert shown.anonymous and shown.display_name == "anonym drøftelse"
    assert leaks(_all_text(listed), anon.karla.reference) == []
    assert leaks(repr(cases.get_case(ctx, anon.karla.id)), anon.karla.reference) == []
    history = case_history.case_history(ctx, anon.karla.id)
    dumped = repr(history) + json.dumps(history.to_json(), ensure_ascii=False)
    assert leaks(dumped, anon.karla.reference) == []
    assert history.holders == () and history.consents == () and history.age is None
    assert [e.title for e in history.entries] == (
        ["Uro ved stationen"] if role == "politi" else ["Bekymring for en elev"]
    )
    # The case number is an identifier from the register: it opens nothing for them.
    with pytest.raises(NotFound):
        cases.case_id_for(ctx, anon.karla.reference)
    assert cases.case_id_for(ctx, str(anon.karla.id)) == anon.karla.id


@pytest.mark.parametrize("role", sorted(KNOW))
def test_the_roles_with_a_basis_still_know_the_child(login: LoginFn, anon: Anon, role: str) -> None:
    ctx = login(role)
    (shown,) = [c for c in cases.list_cases(ctx) if c.id == anon.karla.id]
    assert shown.display_name == "Karla Kjær" and shown.institution == "Strøby Skole"
    history = case_history.case_history(ctx, anon.karla.id)
    assert [e.title for e in history.entries] == [
        "Trivsel i klassen", "Uro ved stationen", "Bekymring for en elev",
    ]  # fmt: skip
    assert [h.name for h in history.holders] == ["Lone Kjær", "Kim Kjær"]
    assert cases.case_id_for(ctx, anon.karla.reference) == anon.karla.id


# -- every entry point, every role ---------------------------------------------------------------


def _service_outputs(ctx: ServiceContext, anon: Anon) -> list[object]:
    """What each service entry point returns to this actor (a refusal is fine)."""
    calls: list[Callable[[], object]] = [
        lambda: cases.list_cases(ctx),
        lambda: cases.get_case(ctx, anon.karla.id),
        lambda: case_history.case_history(ctx, anon.karla.id).to_json(),
        lambda: case_history.case_history(ctx, anon.karla.id),
        lambda: consent.list_consents(ctx, anon.karla.id),
        lambda: overview.attention(ctx),
        lambda: search.search(ctx, "Karla").hits,
        lambda: search.search(ctx, "karlas").hits,
        lambda: search.search(ctx, "Kja*").hits,
        lambda: search.search(ctx, "stationen -Karla").hits,
        lambda: search.search(ctx, "stationen").hits,
        lambda: search.search(ctx, "eleven").hits,
        lambda: documents.case_document(ctx, anon.karla.id),
        lambda: documents.case_document(ctx, anon.karla.id, anonymised=True),
    ]
    for m in (anon.ssp, anon.district):
        calls.append(lambda m=m: planning.get_plan(ctx, m.id))  # type: ignore[misc]
        calls.append(lambda m=m: minutes.get_minutes(ctx, m.id))  # type: ignore[misc]
        calls.append(lambda m=m: carry_over.carry_over_candidates(ctx, m.id))  # type: ignore[misc]
        for kind in (documents.AGENDA, documents.MINUTES, documents.RUNSHEET):
            for anonymised in (False, True):
                calls.append(
                    lambda m=m, k=kind, a=anonymised: documents.meeting_document(  # type: ignore[misc]
                        ctx, m.id, k, anonymised=a
                    )
                )
        for anonymised in (False, True) if ctx.actor.role is not Role.ADMIN else ():
            calls.append(
                lambda m=m, a=anonymised: documents.meeting_document(  # type: ignore[misc]
                    ctx, m.id, documents.EXTRACT, case_id=anon.karla.id, anonymised=a
                )
            )
    out: list[object] = []
    for call in calls:
        with contextlib.suppress(NotFound, PermissionDenied):
            out.append(call())
    return out


@pytest.mark.parametrize("role", sorted(ANONYMOUS_ONLY | {"admin"}))
def test_no_service_entry_point_tells_who_the_child_is(
    login: LoginFn, anon: Anon, role: str
) -> None:
    ctx = login(role)
    outputs = _service_outputs(ctx, anon)
    assert outputs, "every entry point refused: the test would prove nothing"
    assert leaks(_all_text(outputs), anon.karla.reference) == []


def test_the_agenda_keeps_its_numbers_and_says_anonym_droeftelse(
    login: LoginFn, anon: Anon
) -> None:
    full = planning.get_plan(login("leder"), anon.district.id)
    numbers = {i.id: i.number for i in full.items}
    for role, meeting in (("deltager", anon.district), ("politi", anon.ssp)):
        plan = planning.get_plan(login(role), meeting.id)
        (child,) = [i for i in plan.items if i.kind is planning.AgendaItemKind.CASE]
        assert child.case_name == child.case_initials == "anonym drøftelse"
        assert child.case_reference == "" and child.case_id is None and child.shown_anonymously
        if meeting is anon.district:
            assert all(numbers[i.id] == i.number for i in plan.items)
    # The start page: their own meetings' agreements, about "anonym drøftelse".
    attention = overview.attention(login("deltager"))
    assert [(a.text, a.case_name) for a in attention.actions] == [
        ("Observation", "anonym drøftelse")
    ]


def _pdf_text(data: bytes, path: Path) -> str:
    path.write_bytes(data)
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


@pytest.mark.parametrize("role", ROLES)
def test_no_printed_document_tells_who_the_child_is(
    login: LoginFn, anon: Anon, role: str, tmp_path: Path
) -> None:
    ctx = login(role)
    rendered: list[str] = []
    makers: list[Callable[[], documents.RenderedDocument]] = []
    for anonymised in (False, True):
        makers.append(lambda a=anonymised: documents.render_case(ctx, anon.karla.id, anonymised=a))  # type: ignore[misc]
        for m in (anon.ssp, anon.district):
            for kind in (documents.AGENDA, documents.MINUTES, documents.RUNSHEET):
                makers.append(
                    lambda m=m, k=kind, a=anonymised: documents.render(ctx, m.id, k, anonymised=a)  # type: ignore[misc]
                )
            if role != "admin":  # refused to admin (part 7 of issue 13 covers how)
                makers.append(
                    lambda m=m, a=anonymised: documents.render(  # type: ignore[misc]
                        ctx, m.id, documents.EXTRACT, case_id=anon.karla.id, anonymised=a
                    )
                )
    for n, make in enumerate(makers):
        try:
            doc = make()
        except (NotFound, PermissionDenied):
            continue
        text = _pdf_text(doc.data, tmp_path / f"{n}.pdf")
        rendered.append(text + " " + doc.file_name)
    if role == "admin":
        assert rendered  # meetings yes (without any child)
    found = leaks("\n".join(rendered), anon.karla.reference)
    if role in ANONYMOUS_ONLY or role == "admin":
        assert found == []
    else:
        # The agenda and the minutes are handed to every participant: even the chair's copy
        # says "anonym drøftelse" for an anonymous item; the chair's case history names her.
        case_doc = _pdf_text(documents.render_case(ctx, anon.karla.id).data, tmp_path / "c.pdf")
        assert "Karla Kjær" in case_doc
        for m in (anon.ssp, anon.district):
            for kind in (documents.AGENDA, documents.MINUTES):
                text = _pdf_text(documents.render(ctx, m.id, kind).data, tmp_path / "m.pdf")
                assert leaks(text, anon.karla.reference) == [], (role, kind)


# -- the command line ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", sorted(ANONYMOUS_ONLY))
@pytest.mark.file_only
def test_the_command_line_does_not_name_the_child(
    login: LoginFn,
    anon: Anon,
    role: str,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    base = ["--db", str(db_path), "--user", role]
    meeting = anon.ssp if role == "politi" else anon.district
    karla = str(anon.karla.id)
    runs = [
        ["cases"],
        ["cases", "--json"],
        ["case", karla],
        ["case", karla, "--json"],
        ["search", "Karla"],
        ["search", "Kjær", "--json"],
        ["search", "stationen OR eleven"],
    ]
    pdfs = [
        ["pdf", "case", karla, "-o", str(tmp_path / "case.pdf")],
        ["pdf", "agenda", str(meeting.id), "-o", str(tmp_path / "agenda.pdf")],
        ["pdf", "minutes", str(meeting.id), "-o", str(tmp_path / "minutes.pdf")],
        ["pdf", "extract", str(meeting.id), "--case", karla, "-o", str(tmp_path / "extract.pdf")],
    ]
    printed = []
    for argv in runs + pdfs:
        code = main([*argv, *base])
        out, err = capsys.readouterr()
        printed.append(out + err)
        assert code in (0, 1), (argv, err)
    assert main(["case", anon.karla.reference, *base]) == 1  # the number opens nothing
    printed.append("".join(capsys.readouterr()))
    for pdf in tmp_path.glob("*.pdf"):
        printed.append(" ".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert (tmp_path / "case.pdf").exists() and (tmp_path / "minutes.pdf").exists()
    assert leaks("\n".join(printed), anon.karla.reference) == []
    assert printed[0].startswith("-            anonym drøftelse")  # no case number


def test_service_errors_are_not_raised_for_the_known_roles(login: LoginFn, anon: Anon) -> None:
    """The chair's extract of the anonymous item still goes to the child's file."""
    ctx = login("leder")
    try:
        doc = documents.meeting_document(
            ctx, anon.district.id, documents.EXTRACT, case_id=anon.karla.id
        )
    except ServiceError as exc:  # pragma: no cover - the assertion says why
        pytest.fail(str(exc))
    assert anon.karla.reference in doc.items[0].child_detail


@pytest.mark.parametrize("role", sorted(ANONYMOUS_ONLY))
def test_search_finds_the_discussion_but_never_by_the_childs_name(
    login: LoginFn, anon: Anon, role: str
) -> None:
    ctx = login(role)
    word = "stationen" if role == "politi" else "eleven"
    (hit,) = search.search(ctx, word).hits
    assert hit.child == "anonym drøftelse" and hit.case_id is None
    assert leaks(hit.snippet + hit.title, anon.karla.reference) == []
    for query in ("Karla", "karlas", "kar*", "Kjær", "Lone", f"{word} -Karla", f"{word} OR kim"):
        assert search.search(ctx, query).hits == (), query
    # The chair, who knows her, finds her by name in the minutes (on PostgreSQL, whose Danish
    # stemming reads "Karlas" as "Karla", in one more item).
    found = len(search.search(login("leder"), "Karla").hits)
    assert found == (3 if ctx.db.dialect == "postgresql" else 2)
