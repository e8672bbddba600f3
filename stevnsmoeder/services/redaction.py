"""Names out of what was written: a record of minutes and a case history with their free
text passed through a Redactor (domain.anonymise). Which redactor applies — a child's initials
in an anonymised document, "anonym drøftelse" for a reader who may not know the child — is
decided by the caller (services.cases, services.documents, services.retention)."""

from __future__ import annotations

from dataclasses import replace

from stevnsmoeder.domain.anonymise import Redactor
from stevnsmoeder.i18n import _
from stevnsmoeder.model.case_history import CaseHistory
from stevnsmoeder.model.minutes import ItemMinutesView, with_texts


def redact_history_text(history: CaseHistory, redact: Redactor) -> CaseHistory:
    """A case history with names and CPR numbers out of its free text, and the family
    present named by relation (for the anonymised document, and for a viewer who may not
    know the child)."""
    family = {h.name: h.relation or _("custody holder") for h in history.holders}
    return replace(
        history,
        entries=tuple(
            replace(
                e,
                title=redact(e.title),
                present=tuple(family.get(p, p) for p in e.present),
                record=redact_record(e.record, redact),
            )
            for e in history.entries
        ),
        open_actions=tuple(
            replace(a, who=redact(a.who), what=redact(a.what)) for a in history.open_actions
        ),
        follow_ups=tuple(replace(f, title=redact(f.title)) for f in history.follow_ups),
    )


def redact_record(record: ItemMinutesView, redact: Redactor) -> ItemMinutesView:
    """What was written about an item, with names out of every free-text field (all of them,
    from the registry: domain.minutes_fields), its actions and its addenda."""
    return replace(
        with_texts(record, redact),
        actions=tuple(
            replace(a, owner=redact(a.owner), text=redact(a.text)) for a in record.actions
        ),
        addenda=tuple(replace(a, text=redact(a.text)) for a in record.addenda),
    )
