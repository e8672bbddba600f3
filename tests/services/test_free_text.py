"""Whatever is typed or pasted — huge, control characters, NUL, emoji, right-to-left — every
free-text field either stores it faithfully (control characters dropped, line breaks kept) or
refuses it with a clear message. Nothing crashes and nothing saved is lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stevnsmoeder.services import cases, live, meetings, minutes, planning, search
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ValidationError
from stevnsmoeder.services.minutes import MAX_TEXT, clean_text

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]
PIECES = [
    "\x00",
    "\r\n",
    "\t",
    "\u202e",
    "\u200f",
    "שלום",
    "😀",
    "👨‍👩‍👧",
    "æøå",
    "ÆØÅ",
    "\x1b[31m",
]
NASTY = st.lists(
    st.one_of(st.text(st.characters(codec="utf-8"), max_size=20), st.sampled_from(PIECES)),
    max_size=30,
).map("".join)
SETTINGS = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def held(login: LoginFn) -> tuple[ServiceContext, planning.PlanItem]:
    ctx = login("leder")
    m = meetings.create_meeting(ctx, meetings.NewMeeting("ssp", datetime(2026, 11, 26, 14)))
    plan = planning.get_plan(ctx, m.id)
    plan = planning.add_item(ctx, m.id, plan.revision, title="Orientering", minutes=5)
    live.start(ctx, m.id)
    return ctx, plan.items[-1]


@SETTINGS
@given(text=NASTY)
def test_notes_are_stored_faithfully(
    held: tuple[ServiceContext, planning.PlanItem], text: str
) -> None:
    ctx, item = held
    minutes.save_text(ctx, item.id, "notes", text)
    meeting_id = planning.get_plan(ctx, _meeting_of(ctx, item)).summary.id
    stored = minutes.get_minutes(ctx, meeting_id).items[item.id].notes
    assert stored == clean_text(text)
    assert "\x00" not in stored and "\r" not in stored
    search.search(ctx, text)  # and searching for it never fails


def _meeting_of(ctx: ServiceContext, item: planning.PlanItem) -> object:
    from stevnsmoeder.db.models import AgendaItem

    with ctx.db.begin() as s:
        return s.get_one(AgendaItem, item.id).meeting_id


@SETTINGS
@given(first=NASTY, last=NASTY, institution=NASTY)
def test_names_are_cleaned_or_refused(
    login: LoginFn, first: str, last: str, institution: str
) -> None:
    ctx = login("leder")
    try:
        made = cases.create_case(
            ctx, cases.NewCase(first_name=first, last_name=last, institution=institution)
        ).case
    except ValidationError as exc:
        assert str(exc)  # a message for the user, in Danish
        return
    stored = cases.get_case(ctx, made.id)
    assert stored.display_name == " ".join(
        part
        for part in (" ".join(clean_text(first).split()), " ".join(clean_text(last).split()))
        if part
    )
    assert "\x00" not in stored.display_name + stored.institution


@SETTINGS
@given(title=NASTY)
def test_agenda_titles_are_cleaned_or_refused(
    held: tuple[ServiceContext, planning.PlanItem], title: str
) -> None:
    ctx, item = held
    meeting_id = _meeting_of(ctx, item)
    plan = planning.get_plan(ctx, meeting_id)  # type: ignore[arg-type]
    before = {i.id for i in plan.items}
    try:
        plan = planning.add_item(ctx, meeting_id, plan.revision, title=title, minutes=5)  # type: ignore[arg-type]
    except ValidationError as exc:
        assert str(exc)
        return
    (added,) = [i for i in plan.items if i.id not in before]
    assert added.title == " ".join(clean_text(title).split())


def test_a_book_is_kept_and_more_is_refused(held: tuple[ServiceContext, planning.PlanItem]) -> None:
    ctx, item = held
    book = ("Æblet falder ikke langt fra stammen. " * 30_000)[:MAX_TEXT]
    minutes.save_text(ctx, item.id, "notes", book)
    with pytest.raises(ValidationError, match="længere end"):
        minutes.save_text(ctx, item.id, "notes", book + "x")
    meeting_id = _meeting_of(ctx, item)
    assert minutes.get_minutes(ctx, meeting_id).items[item.id].notes == book  # type: ignore[arg-type]
