"""The reference data a new database starts with, and reading it back.

Everything here is editable data, not code: the municipality renames districts, adjusts
templates and updates legal citations when the law is re-consolidated.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from stevnsmoeder.db.models import (
    AgendaTemplateItem,
    District,
    FilingClass,
    LegalReference,
    MeetingType,
    MeetingTypeRole,
    ParticipantRole,
    WellbeingLevel,
)
from stevnsmoeder.db.models.reference import DEFAULT_COLOUR as DEFAULT_COLOUR  # re-exported
from stevnsmoeder.domain.minutes_fields import MinutesSection
from stevnsmoeder.domain.wellbeing import DEFAULT_LEVELS
from stevnsmoeder.services.context import ServiceContext

DISTRICTS = (
    ("store-heddinge", "Store Heddinge/Sydstevns"),
    ("stroeby", "Strøby/Nordstevns"),
    ("hother-haarlev", "Hother/Hårlev"),
    ("privat", "Det Private distrikt"),
)

ROLES = (
    # code, name, is_family
    ("chair", "Mødeleder", False),
    ("secretary", "Referent", False),
    ("school", "Skole", False),
    ("daycare", "Dagtilbud", False),
    ("psychologist", "Psykolog (PPR)", False),
    ("social_worker", "Socialrådgiver", False),
    ("speech", "Talekonsulent", False),
    ("health_nurse", "Sundhedsplejerske", False),
    ("family_consultant", "Familiekonsulent", False),
    ("social_services", "Socialforvaltning", False),
    ("police", "Politi", False),
    ("ssp_consultant", "SSP-konsulent", False),
    ("family_house", "Familiehuset", False),
    ("authority", "Udsatte Børn & Unge (myndighed)", False),
    ("parent", "Forælder", True),
    ("child", "Barnet/den unge", True),
)


@dataclass(frozen=True)
class TemplateStep:
    title: str
    minutes: int
    description: str = ""
    case_slot: bool = False
    kind: str = "standing"


APPROVE = TemplateStep("Godkendelse af dagsorden", 5)
AOB = TemplateStep("Eventuelt", 5)


@dataclass(frozen=True)
class TypeSeed:
    code: str
    name: str
    short: str
    description: str
    duration: int
    rrule: str
    has_district: bool
    family_present: bool
    allows_rpl115: bool
    roles: tuple[str, ...]
    template: tuple[TemplateStep, ...]
    # What the type does (MeetingType's flags): code asks these, never the type's code.
    colour: str = DEFAULT_COLOUR
    ad_hoc: bool = False
    police_visible: bool = False
    sections: tuple[MinutesSection, ...] = ()  # the minutes' sections beyond the common one


MEETING_TYPES = (
    TypeSeed(
        "district",
        "Distriktsmøde",
        "Distrikt",
        "Tværfagligt møde i distriktet: råd og korte forebyggende indsatser uden forudgående "
        "henvisning til PPR eller Familiehuset.",
        150,
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        True,
        False,
        False,
        (
            "chair",
            "secretary",
            "school",
            "daycare",
            "psychologist",
            "social_worker",
            "speech",
            "health_nurse",
            "family_consultant",
        ),
        (
            APPROVE,
            TemplateStep("Orientering fra deltagerne", 10, kind="information"),
            TemplateStep(
                "Drøftelse af børn og unge",
                20,
                "Hvert barn drøftes med samtykke eller anonymt.",
                case_slot=True,
            ),
            AOB,
        ),
        colour="#1f5fa8",
    ),
    TypeSeed(
        "ssp",
        "SSP-møde",
        "SSP",
        "Skole, socialforvaltning og politi koordinerer en tidlig indsats over for unge med "
        "bekymrende adfærd.",
        120,
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
        False,
        False,
        True,
        ("chair", "secretary", "school", "social_services", "police", "ssp_consultant"),
        (
            APPROVE,
            TemplateStep("Situationen i lokalområdet", 15, kind="information"),
            TemplateStep(
                "Drøftelse af unge",
                15,
                "Udveksling efter Retsplejeloven § 115 eller med samtykke.",
                case_slot=True,
            ),
            AOB,
        ),
        colour="#a33b20",
        police_visible=True,
    ),
    TypeSeed(
        "ftm",
        "Familie Team Møde",
        "FTM",
        "Ad hoc-møde om ét barn med familien og de fagpersoner, der kender bekymringen bedst: "
        "en fælles plan for hvem gør hvad hvornår.",
        90,
        "",
        False,
        True,
        False,
        ("chair", "secretary", "parent", "school", "daycare", "family_consultant"),
        (
            TemplateStep("Velkomst og godkendelse af dagsorden", 5),
            TemplateStep(
                "Bekymring, ressourcer, mål og aftaler",
                60,
                "Runderne: 1) Hvad er vi bekymrede for? 2) Hvad går godt – ressourcer? "
                "3) Hvad skal være anderledes – mål? 4) Aftaler: hvem gør hvad hvornår?",
                case_slot=True,
            ),
            TemplateStep("Familiens egen vurdering", 10),
            TemplateStep("Opfølgning og næste møde", 5),
            AOB,
        ),
        colour="#2e7d32",
        ad_hoc=True,
        sections=(MinutesSection.FAMILY_ROUNDS,),
    ),
    TypeSeed(
        "forvisitation",
        "Forvisitationsmøde",
        "Forvisitation",
        "PPR/Familiehuset og Udsatte Børn & Unge træffer en foreløbig beslutning om indsats og "
        "lovgrundlag; næste skridt er en samtale med barnet.",
        120,
        "FREQ=WEEKLY;BYDAY=WE",
        False,
        False,
        False,
        ("chair", "secretary", "psychologist", "family_house", "authority"),
        (
            APPROVE,
            TemplateStep("Opfølgning på sager fra sidste møde", 10),
            TemplateStep(
                "Visitation",
                20,
                "Foreløbig beslutning med lovgrundlag; næste skridt: samtale med barnet "
                "(Barnets lov § 5) eller børnefaglig undersøgelse (Barnets lov §§ 20–23).",
                case_slot=True,
            ),
            AOB,
        ),
        colour="#6a3d9a",
        sections=(MinutesSection.PRELIMINARY_DECISION,),
    ),
    TypeSeed(
        "presence",
        "Tilstedeværelsestid",
        "Tilstedeværelse",
        "PPR og rådgivere er til stede på skolen og giver råd til en bekymret lærer eller pædagog.",
        120,
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
        True,
        False,
        False,
        ("psychologist", "social_worker", "school"),
        (
            TemplateStep("Rådgivning", 20, case_slot=True),
            AOB,
        ),
        colour="#8a6d00",
    ),
)

LEGAL_REFERENCES = (
    # code, citation, former citation, title
    ("fvl28", "Forvaltningsloven § 28", None, "Samtykke til videregivelse af oplysninger"),
    ("rpl115", "Retsplejeloven § 115", None, "SSP: udveksling for at forebygge kriminalitet"),
    ("bl133", "Barnets lov § 133", "Serviceloven § 153", "Underretningspligt"),
    ("bl5", "Barnets lov § 5", "Serviceloven § 48", "Samtale med barnet"),
    ("bl20", "Barnets lov §§ 20–23", "Serviceloven § 50", "Børnefaglig undersøgelse"),
    ("bl15", "Barnets lov § 15", "Serviceloven § 19, stk. 2", "Sammenhængende børnepolitik"),
    ("bl30", "Barnets lov § 30", "Serviceloven § 11", "Forebyggende indsatser"),
)


# How each kind of document is classified when filed in the case system (ESDH):
# kind, KLE number, handling facet, access code. The municipality edits them as the KLE
# plan changes (services.filing.set_filing_class).
FILING_CLASSES = (
    ("minutes", "00.01.10", "P35", "Fortrolig"),
    ("extract", "27.24.00", "G01", "Fortrolig"),
    ("case_history", "27.24.00", "G01", "Fortrolig"),
)


def seed(session: Session) -> None:
    """Insert the reference data into an empty, migrated database."""
    for order, (code, name) in enumerate(DISTRICTS):
        session.add(District(code=code, name=name, sort_order=order))
    roles: dict[str, ParticipantRole] = {}
    for order, (code, name, is_family) in enumerate(ROLES):
        roles[code] = ParticipantRole(code=code, name=name, is_family=is_family, sort_order=order)
        session.add(roles[code])
    for order, t in enumerate(MEETING_TYPES):
        mt = MeetingType(
            code=t.code,
            name=t.name,
            short_name=t.short,
            description=t.description,
            default_duration_minutes=t.duration,
            default_rrule=t.rrule,
            has_district=t.has_district,
            family_present=t.family_present,
            allows_rpl115=t.allows_rpl115,
            sort_order=order,
            ad_hoc=t.ad_hoc,
            police_visible=t.police_visible,
            colour=t.colour,
            **{f"minutes_{section.value}": True for section in t.sections},
        )
        session.add(mt)
        for pos, role_code in enumerate(t.roles):
            session.add(MeetingTypeRole(meeting_type=mt, role=roles[role_code], sort_order=pos))
        for pos, step in enumerate(t.template, start=1):
            session.add(
                AgendaTemplateItem(
                    meeting_type=mt,
                    position=pos,
                    title=step.title,
                    kind="case" if step.case_slot else step.kind,
                    description=step.description,
                    minutes=step.minutes,
                    is_case_slot=step.case_slot,
                )
            )
    for code, citation, former, title in LEGAL_REFERENCES:
        session.add(
            LegalReference(code=code, citation=citation, former_citation=former, title=title)
        )
    for kind, kle, facet, access in FILING_CLASSES:
        session.add(FilingClass(kind=kind, kle_number=kle, facet=facet, access_code=access))
    for lvl in DEFAULT_LEVELS:
        session.add(
            WellbeingLevel(
                level=lvl.level, label=lvl.label, step=lvl.step.value, step_label=lvl.step_label
            )
        )
    session.flush()


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DistrictInfo:
    id: uuid.UUID
    code: str
    name: str


@dataclass(frozen=True)
class MeetingTypeInfo:
    id: uuid.UUID
    code: str
    name: str
    short_name: str
    has_district: bool
    default_duration_minutes: int
    roles: tuple[str, ...]
    template: tuple[str, ...]
    ad_hoc: bool = False
    police_visible: bool = False
    minutes_sections: frozenset[MinutesSection] = frozenset({MinutesSection.COMMON})
    colour: str = DEFAULT_COLOUR


def districts(ctx: ServiceContext) -> list[DistrictInfo]:
    with ctx.db.begin() as s:
        rows = s.scalars(select(District).order_by(District.sort_order))
        return [DistrictInfo(d.id, d.code, d.name) for d in rows]


def meeting_types(ctx: ServiceContext) -> list[MeetingTypeInfo]:
    with ctx.db.begin() as s:
        result = []
        query = (
            select(MeetingType)
            .options(
                selectinload(MeetingType.roles).joinedload(MeetingTypeRole.role),
                selectinload(MeetingType.template),
            )
            .order_by(MeetingType.sort_order)
        )
        for mt in s.scalars(query):
            result.append(
                MeetingTypeInfo(
                    mt.id,
                    mt.code,
                    mt.name,
                    mt.short_name,
                    mt.has_district,
                    mt.default_duration_minutes,
                    tuple(r.role.name for r in mt.roles),
                    tuple(step.title for step in mt.template),
                    ad_hoc=mt.ad_hoc,
                    police_visible=mt.police_visible,
                    minutes_sections=mt.minutes_sections,
                    colour=mt.colour,
                )
            )
        return result


def wellbeing_levels(ctx: ServiceContext) -> dict[int, str]:
    """The Trivselslinealen's labels by level, as this municipality names them."""
    with ctx.db.begin() as s:
        return level_labels(s)


def level_labels(session: Session) -> dict[int, str]:
    return {lv.level: lv.label for lv in session.scalars(select(WellbeingLevel))}
