"""The policy follow-up on a laptop's replica: counted on the server, which holds the whole
record.

A replica carries only its user's part of the record (replication.scope_of): the head of
Børn & Læring's none of the children's data at all, a chair's or a secretary's a few weeks of
meetings. Counted there, the follow-up would be wrong, so on a replica it comes from the
server (``POST /v1/statistics/policy``), which counts it as the user with the same service
(statistics.policy_report: the permission checked, the suppression rule applied, the request
logged in the server's access log) and sends only what the report publishes. The answer is
the same ``PolicyReport`` the local computation returns, so the PDF, the workbook and the
window render it unchanged.

``fetch`` talks to the network: the window calls it off the GUI thread.
"""

from __future__ import annotations

from stevnsmoeder.i18n import _
from stevnsmoeder.model.policy import PolicyReport
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.sync_client import (
    ServerRefused,
    ServerUnreachable,
    _call,
    _online,
)

PATH = "/statistics/policy"


def offline_message() -> str:
    return _(
        "The follow-up is counted on the server, which holds the whole record (this "
        "computer holds only your part of it), and the server cannot be reached. Try again "
        "when the computer is on the municipality's network."
    )


def fetch(ctx: ServiceContext, password: str, year: int, district: str | None) -> PolicyReport:
    """The follow-up of ``year`` (beside the year before), for one district (code or name)
    or the whole municipality, counted on the server as this replica's user (``password``
    logs in there, as for a sync). Raises ServerUnreachable (with a message saying why the
    server is needed) when offline; the server's refusals (the role, an unknown district, a
    year out of range) as the errors they are there."""
    try:
        with _online(ctx, password) as (client, token):
            answer = _call(client, PATH, {"year": year, "district": district or None}, token)
    except ServerUnreachable:
        raise ServerUnreachable(offline_message()) from None
    try:
        return PolicyReport.from_json(answer)
    except ValueError:
        raise ServerRefused(
            _("The server's answer could not be read."), status=200, code="malformed"
        ) from None
