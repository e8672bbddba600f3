"""Every write use case a replica can do is an operation that travels; every operation's
arguments survive the trip; decoding builds nothing but this program's own types."""

from __future__ import annotations

import ast
import uuid
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stevnsmoeder.domain.calendar import HolidayPolicy
from stevnsmoeder.model.enums import LegalBasisKind
from stevnsmoeder.services import oplog, sync_server  # noqa: F401  (registers them all)
from stevnsmoeder.services.minutes import NewAction
from stevnsmoeder.services.series import NewSeries

SERVICES = Path(__file__).resolve().parents[2] / "stevnsmoeder" / "services"

# The use cases of these modules that only read (everything else in them writes).
READS = {
    # (and an action typed but not added, which stays on the chair's computer)
    "minutes": {
        "get_minutes",
        "legal_references",
        "versions",
        "verify",
        "action_drafts",
        "keep_action_draft",
    },
    "planning": {"get_plan"},
    "live": {"state"},
    "cases": {"list_cases", "get_case", "case_id_for"},
    "consent": {"custody_holders", "list_consents"},
    "meetings": {"list_meetings", "list_meetings_where", "get_meeting_summary"},
    "series": {"list_series", "list_closed_periods", "move_warnings"},
    "carry_over": {"carry_over_candidates"},
    "filing": {
        "filing_classes",
        "may_edit_classes",
        "filing_folder",
        "may_set_folder",
        "fileable",
        "unfiled",
        "unfiled_count",
        "archival_meeting_document",
        "archival_case_history",
        # writes that stay where they are, by design: the classification is changed on the
        # server only (a replica refuses it), the filing folder is each laptop's own setting,
        # and filing writes the files here and records each through record_filing
        "set_filing_class",
        "set_filing_folder",
        "file_meeting",
    },
}


def _use_cases(module: str) -> dict[str, ast.FunctionDef]:
    tree = ast.parse((SERVICES / f"{module}.py").read_text(encoding="utf-8"))
    return {
        n.name: n
        for n in tree.body
        if isinstance(n, ast.FunctionDef)
        and not n.name.startswith("_")
        and n.args.args
        and n.args.args[0].arg == "ctx"
    }


@pytest.mark.parametrize("module", sorted(READS))
def test_every_write_is_an_operation(module: str) -> None:
    for name, fn in _use_cases(module).items():
        if name in READS[module]:
            continue
        assert f"{module}.{name}" in oplog.REGISTRY, f"{module}.{name} does not travel"
        marks = [d for d in fn.decorator_list if isinstance(d, ast.Call)]
        assert marks, f"{module}.{name} is not marked @operation"


values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.text(max_size=30)
    | st.uuids()
    | st.dates()
    | st.times()
    | st.datetimes(timezones=st.just(UTC))
    | st.sampled_from(list(LegalBasisKind)),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner),
    max_leaves=8,
)


@given(st.lists(values, max_size=4), st.dictionaries(st.text(min_size=1, max_size=8), values))
def test_arguments_survive_the_trip(args: list[object], kwargs: dict[str, object]) -> None:
    assert oplog.decode_call(oplog.encode_call(tuple(args), kwargs)) == (tuple(args), kwargs)


def test_the_services_dataclasses_travel() -> None:
    series = NewSeries(
        "district", "FREQ=WEEKLY", date(2026, 12, 1), time(13, 0), "hother-haarlev",
        holiday_policy=HolidayPolicy.SKIP, standing=((uuid.uuid4(), "school"),),
    )  # fmt: skip
    action = NewAction("Ringe", owner_text="Skolen", due_on=date(2026, 12, 24))
    text = oplog.encode_call((series, action), {"at": datetime(2026, 11, 1, tzinfo=UTC)})
    assert oplog.decode_call(text) == ((series, action), {"at": datetime(2026, 11, 1, tzinfo=UTC)})


@pytest.mark.parametrize(
    "hostile",
    [
        '{"args": [{"$dataclass": "subprocess:Popen", "fields": {"args": "ls"}}], "kwargs": {}}',
        '{"args": [{"$enum": "os:environ", "value": 1}], "kwargs": {}}',
        '{"args": [{"$dataclass": "stevnsmoeder.db.engine:Database", "fields": {}}], "kwargs": {}}',
        '{"args": [{"$uuid": "nej"}], "kwargs": {}}',
        '{"args": [{"$x": 1, "$y": 2, "$z": 3}], "kwargs": {}}',
        '{"args": 5, "kwargs": {}}',
        "ikke json",
    ],
)
def test_decoding_builds_nothing_but_our_types(hostile: str) -> None:
    with pytest.raises(oplog.ArgumentError):
        oplog.decode_call(hostile)
