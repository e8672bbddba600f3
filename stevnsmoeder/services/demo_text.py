"""Danish phrase banks for the fictitious demo data (see ``demo_data``).

Everything here is invented. Names are common Danish (and a few other) names combined at
random; institutions not in the source document are made up. Sentences may use these
placeholders, filled per child and meeting by ``demo_data``:

``{barnet}``/``{Barnet}`` (drengen, pigen, den unge, barnet), ``{han}``/``{Han}``, ``{ham}``,
``{hans}``, ``{inst}``/``{Inst}`` (skolen, børnehaven …), ``{klasse}`` (3. klasse), ``{pct}``,
``{uge}``, ``{n}``, ``{sidst}`` (date of the previous discussion), ``{niveau}``, ``{label}``.

Sentences never name the child: minutes are filed and extracts are distributed, and a title
or note without a name is one less place a name can leak from.
"""

from __future__ import annotations

from dataclasses import dataclass

# -- names ---------------------------------------------------------------------------------------

GIRLS = (
    "Emma", "Ida", "Clara", "Freja", "Alma", "Ella", "Sofia", "Karla", "Agnes", "Olivia",
    "Laura", "Anna", "Josefine", "Mathilde", "Nora", "Lærke", "Asta", "Liva", "Frida", "Ellen",
    "Lea", "Victoria", "Emily", "Maja", "Sara", "Caroline", "Signe", "Marie", "Isabella",
    "Luna", "Vigga", "Esther", "Ellie", "Johanne", "Silje", "Alberte",
)  # fmt: skip
BOYS = (
    "William", "Noah", "Oscar", "Lucas", "Carl", "Alfred", "Emil", "Valdemar", "Malthe",
    "Aksel", "Oliver", "Elias", "Magnus", "August", "Victor", "Arthur", "Frederik", "Villads",
    "Theo", "Felix", "Anton", "Storm", "Johan", "Mikkel", "Mads", "Lauge", "Bertram",
    "Sebastian", "Marius", "Otto", "Hugo", "Adam", "Mathias", "Jonas", "Rasmus", "Tobias",
)  # fmt: skip
WOMEN = (
    "Mette", "Camilla", "Louise", "Maria", "Sarah", "Julie", "Line", "Stine", "Anne", "Heidi",
    "Pernille", "Sanne", "Katrine", "Christina", "Charlotte", "Helle", "Susanne", "Trine",
    "Tina", "Lene", "Malene", "Rikke", "Gitte", "Birgitte", "Dorthe", "Marianne", "Hanne",
    "Janni", "Maiken", "Tanja", "Lotte", "Karina", "Bettina", "Signe", "Anja", "Vibeke",
)  # fmt: skip
MEN = (
    "Martin", "Thomas", "Jesper", "Michael", "Rasmus", "Kasper", "Anders", "Søren", "Morten",
    "Henrik", "Peter", "Jacob", "Nikolaj", "Mads", "Christian", "Jonas", "Brian", "Kenneth",
    "Dennis", "Jan", "Lars", "Allan", "Bo", "Claus", "Ole", "Niels", "Steffen", "Tobias",
    "Kim", "René", "Torben", "Frank", "Simon", "Jens", "Carsten", "Jimmi",
)  # fmt: skip
SURNAMES = (
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
    "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen",
    "Thomsen", "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen",
    "Jakobsen", "Mikkelsen", "Olesen", "Frederiksen", "Laursen", "Henriksen", "Lund", "Holm",
    "Schmidt", "Eriksen", "Kristiansen", "Clausen", "Simonsen", "Svendsen", "Andreasen",
    "Iversen", "Jeppesen", "Vestergaard", "Nissen", "Lauridsen", "Kjær", "Dam", "Bak",
    "Kjeldsen", "Overgaard", "Steffensen", "Juhl", "Skov", "Winther", "Bech", "Høj", "Friis",
    "Krogh", "Dahl", "Lind", "Bruun", "Storm", "Gregersen", "Bang",
)  # fmt: skip


@dataclass(frozen=True)
class NameGroup:
    """First names and surnames that belong together in one family."""

    girls: tuple[str, ...]
    boys: tuple[str, ...]
    women: tuple[str, ...]
    men: tuple[str, ...]
    surnames: tuple[str, ...]


DANISH_NAMES = NameGroup(GIRLS, BOYS, WOMEN, MEN, SURNAMES)
# A minority of families with names of other origins, as in any Danish municipality.
OTHER_NAMES = (
    NameGroup(
        ("Amira", "Zainab", "Maryam", "Aya", "Leyla"),
        ("Ali", "Yusuf", "Ibrahim", "Omar", "Adam"),
        ("Fatima", "Nadia", "Samira", "Aisha", "Huda"),
        ("Ahmed", "Mohammed", "Hassan", "Karim", "Khalid"),
        ("Ahmed", "Hussein", "Hassan", "Abdullah", "Mahmoud"),
    ),
    NameGroup(
        ("Elif", "Zeynep", "Defne", "Ecem"),
        ("Emir", "Kerem", "Mehmet", "Yusuf"),
        ("Fatma", "Emine", "Elif", "Hatice"),
        ("Mustafa", "Murat", "Hakan", "Mehmet"),
        ("Yilmaz", "Demir", "Kaya", "Aydin", "Arslan"),
    ),
    NameGroup(
        ("Zofia", "Hanna", "Julia", "Maja"),
        ("Kacper", "Jakub", "Filip", "Antoni"),
        ("Agnieszka", "Katarzyna", "Magdalena", "Joanna"),
        ("Piotr", "Tomasz", "Krzysztof", "Marcin"),
        ("Nowak", "Wójcik", "Kowalczyk", "Mazur", "Zając"),
    ),
)

# -- professionals ------------------------------------------------------------------------------

# key, profession, organisation. The keys "admin", "leder", "referent", "ppr" and "politi" are
# the demo users' logins.
STAFF = (
    ("admin", "IT- og systemkoordinator", "Børn & Læring, administrationen"),
    ("leder", "PPR-leder", "PPR, Børn & Læring"),
    ("leder2", "Faglig koordinator", "PPR, Børn & Læring"),
    ("referent", "Administrativ medarbejder, referent", "Børn & Læring, sekretariatet"),
    ("referent2", "Administrativ medarbejder, referent", "Børn & Læring, sekretariatet"),
    ("ppr", "Psykolog", "PPR, Børn & Læring"),
    ("psyk2", "Psykolog", "PPR, Børn & Læring"),
    ("psyk3", "Psykolog", "PPR, Børn & Læring"),
    ("tale1", "Talekonsulent", "PPR, Børn & Læring"),
    ("tale2", "Logopæd, talekonsulent", "PPR, Børn & Læring"),
    ("sp1", "Sundhedsplejerske", "Sundhedsplejen"),
    ("sp2", "Sundhedsplejerske", "Sundhedsplejen"),
    ("sp3", "Sundhedsplejerske", "Sundhedsplejen"),
    ("sp4", "Sundhedsplejerske", "Sundhedsplejen"),
    ("sr1", "Socialrådgiver, forebyggende rådgivning", "Udsatte Børn & Unge"),
    ("sr2", "Socialrådgiver, forebyggende rådgivning", "Udsatte Børn & Unge"),
    ("fk1", "Familiekonsulent", "Familiehuset"),
    ("fk2", "Familiekonsulent", "Familiehuset"),
    ("ssp_koord", "SSP-koordinator", "SSP Stevns"),
    ("ssp", "SSP-konsulent", "SSP Stevns"),
    ("klub", "Klubleder", "Ungdomsklubben Munkegården"),
    ("politi", "Politiassistent, forebyggelsesgruppen", "Midt- og Vestsjællands Politi"),
    ("ungeteam", "Socialrådgiver, ungeteamet", "Udsatte Børn & Unge"),
    ("fh_leder", "Leder af Familiehuset", "Familiehuset"),
    ("myn_leder", "Teamleder, myndighed", "Udsatte Børn & Unge"),
    ("myn_sr", "Socialrådgiver, myndighed", "Udsatte Børn & Unge"),
)
SCHOOL_PROFESSIONS = (
    "Inklusionsvejleder",
    "AKT-lærer",
    "Afdelingsleder, udskolingen",
    "Skoleleder",
)
DAYCARE_PROFESSIONS = ("Dagtilbudsleder", "Pædagogisk leder", "Pædagog")

# Per district code: (schools, daycares); the first of each sits on the district meeting.
INSTITUTIONS = {
    "store-heddinge": (
        ("Store Heddinge Skole", "Rødvig Skole"),
        ("Børnehuset Mølleengen", "Børnehuset Solsikken"),
    ),
    "stroeby": (
        ("Strøby Egede Skole", "Strøby Skole"),
        ("Børnehuset Egeskoven", "Børnehuset Strandly"),
    ),
    "hother-haarlev": (
        ("Hotherskolen", "Lille Heddinge Skole"),
        ("Børnehuset Hårlev", "Børnehuset Regnbuen"),
    ),
    "privat": (
        ("Tommestrup Friskole", "Højerup Privatskole"),
        ("Den private børnehave Myretuen", "Naturbørnehaven Kridtspiren"),
    ),
}
YOUTH_INSTITUTION = "Ungdomsuddannelse"

# -- the concerns a child is discussed for ------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    key: str
    min_age: int
    max_age: int
    summary: str
    titles: tuple[str, ...]
    followups: tuple[str, ...]
    sentences: tuple[str, ...]
    decisions: tuple[str, ...]
    actions: tuple[tuple[str, str], ...]  # (owner role, what); "parents" is the family


THEMES = (
    Theme(
        "fravaer",
        6,
        17,
        "Bekymring for stigende skolefravær.",
        ("Bekymring for skolefravær", "Stigende fravær", "Skolevægring og fravær"),
        ("Opfølgning på fravær", "Opfølgning: fremmøde i skolen"),
        (
            "Fraværet er steget til omkring {pct} % i indeværende skoleår, især om mandagen.",
            "{Barnet} fortæller om ondt i maven om morgenen og har svært ved at komme af sted.",
            "Forældrene oplever, at morgenerne er præget af konflikter, og at de har svært ved "
            "at få {ham} ud ad døren.",
            "Skolen har kontaktet hjemmet ved hvert fravær, men kontakten har været svingende.",
            "Når {barnet} er i skole, deltager {han} godt og har en god relation til "
            "klasselæreren.",
            "Der har været holdt samtale med forældrene efter skolens fraværsprocedure.",
            "{Barnet} kommer oftest i skole, når {han} bliver hentet af en ven på vejen.",
            "Fraværet er mest sygdom på enkeltdage, ofte mandage og fredage.",
        ),
        (
            "Skolen udarbejder en fraværsplan sammen med familien.",
            "PPR inddrages for at afdække årsagerne til fraværet.",
            "Familiekonsulenten tilbyder et kort forløb om morgenrutiner.",
            "Skolen og forældrene aftaler en trappemodel for gradvist øget fremmøde.",
        ),
        (
            ("school", "Udarbejde fraværsplan sammen med forældrene"),
            ("parents", "Følge {barnet} i skole de næste to uger"),
            ("psychologist", "Observation i klassen og samtale med {barnet}"),
            ("family_consultant", "Tre samtaler med familien om morgenrutiner"),
            ("school", "Ugentlig opringning til hjemmet om fremmødet"),
        ),
    ),
    Theme(
        "trivsel",
        6,
        17,
        "Bekymring for trivsel og venskaber i skolen.",
        (
            "Bekymring for trivsel i skolen",
            "Ensomhed og manglende venskaber",
            "Mistrivsel i klassen",
        ),
        ("Opfølgning på trivsel i skolen", "Opfølgning: venskaber og fællesskab"),
        (
            "{Barnet} går meget alene i frikvartererne og bliver sjældent inviteret med i legen.",
            "Klassens trivselsmåling viser, at {barnet} ikke føler sig som en del af fællesskabet.",
            "{Barnet} har fortalt klasselæreren, at {han} bliver holdt udenfor i en gruppechat.",
            "Forældrene oplever, at {barnet} er blevet mere stille og trækker sig derhjemme.",
            "{Han} har én god ven i parallelklassen, som {han} ses med efter skole.",
            "Lærerne oplever {ham} som hjælpsom og venlig over for de yngre elever.",
            "Der har været en episode med drillerier i omklædningsrummet efter idræt.",
        ),
        (
            "Skolen arbejder med fællesskabet i klassen, bl.a. med legegrupper og faste makkere.",
            "AKT-læreren tilbyder {barnet} et kort samtaleforløb.",
            "Skolen orienterer forældrene om indsatsen, og sagen følges på distriktsmødet.",
            "Klassen får et trivselsforløb med støtte fra PPR.",
        ),
        (
            ("school", "Etablere legegrupper i klassen"),
            ("school", "Samtale med {barnet} hver 14. dag med AKT-læreren"),
            ("psychologist", "Vejlede teamet om fællesskabet i klassen"),
            ("parents", "Invitere en klassekammerat med hjem efter skole"),
            ("school", "Følge op på episoden i gruppechatten med klassens forældre"),
        ),
    ),
    Theme(
        "sprog",
        2,
        8,
        "Bekymring for sproglig udvikling.",
        ("Sproglig udvikling", "Bekymring for sprog og udtale", "Forsinket sprogudvikling"),
        ("Opfølgning på sprogudvikling", "Opfølgning: sprogvurdering"),
        (
            "Sprogvurderingen viser, at {barnet} har et ordforråd under det alderssvarende.",
            "{Barnet} er svær at forstå for andre end de nærmeste voksne.",
            "{Han} bliver frustreret, når de andre børn ikke forstår, hvad {han} siger.",
            "Familien taler to sprog derhjemme, og {barnet} blander sprogene.",
            "Personalet ser fremgang i små grupper med tydelig voksenstøtte.",
            "{Barnet} har svært ved at følge beskeder, der gives til hele gruppen.",
            "En høreprøve hos egen læge har ikke vist noget unormalt.",
        ),
        (
            "Talekonsulenten laver en sprogvurdering og vejleder personalet.",
            "Sprogarbejdet i små grupper styrkes; opfølgning om otte uger.",
            "Forældrene vejledes i dialogisk læsning derhjemme.",
        ),
        (
            ("speech", "Sprogvurdering og vejledning af personalet"),
            ("daycare", "Sprogstimulerende aktiviteter i små grupper tre gange om ugen"),
            ("parents", "Læse højt for {barnet} hver aften"),
            ("speech", "Henvise til høreprøve, hvis der ikke ses fremgang"),
        ),
    ),
    Theme(
        "konflikter",
        4,
        14,
        "Bekymring for konflikter og udadreagerende adfærd.",
        ("Konflikter i frikvartererne", "Udadreagerende adfærd", "Uro og konflikter i gruppen"),
        ("Opfølgning på konflikter", "Opfølgning: adfærd i hverdagen"),
        (
            "{Barnet} er flere gange kommet op at slås, oftest når en leg går i stykker.",
            "Konflikterne opstår især i overgange, fx fra frikvarter til time.",
            "Personalet beskriver, at {barnet} hurtigt bliver vred, men også hurtigt falder "
            "til ro igen.",
            "Der er aftalt en fast voksen, som {barnet} kan gå til, når det bliver for meget.",
            "Forældrene genkender billedet hjemmefra, især ved konflikter mellem søskende.",
            "Antallet af konflikter er faldet, efter at {barnet} har fået en fast plads og et "
            "visuelt dagsskema.",
            "Nogle forældre i gruppen har henvendt sig til {inst} om konflikterne.",
        ),
        (
            "Der laves en handleplan med faste voksne og tydelig struktur i overgangene.",
            "PPR observerer i gruppen og vejleder personalet i konfliktnedtrapning.",
            "Forældrene tilbydes et forældrekursus i Familiehuset.",
        ),
        (
            ("psychologist", "Observation i gruppen og vejledning af personalet"),
            ("school", "Udarbejde handleplan med faste voksne i overgangene"),
            ("family_consultant", "Tilbyde forældrene plads på forældrekursus"),
            ("daycare", "Indføre visuelt dagsskema for gruppen"),
        ),
    ),
    Theme(
        "koncentration",
        6,
        14,
        "Bekymring for koncentration og faglig udvikling.",
        ("Koncentrationsvanskeligheder", "Bekymring for læring og koncentration"),
        ("Opfølgning på koncentration og læring", "Opfølgning: faglig udvikling"),
        (
            "{Barnet} har svært ved at holde koncentrationen og forstyrrer ofte de andre.",
            "De nationale test viser, at {barnet} ligger under middel i læsning.",
            "{Han} har gavn af korte opgaver og pauser med bevægelse.",
            "Forældrene oplever lektiesituationen som konfliktfyldt.",
            "Skolen har afprøvet høreværn og en fast arbejdsplads ved vinduet.",
            "{Barnet} er motiveret for at lære, men giver hurtigt op, når opgaverne bliver svære.",
        ),
        (
            "PPR laver en pædagogisk-psykologisk vurdering med forældrenes samtykke.",
            "Skolen tilrettelægger undervisningen med korte opgaver og bevægelsespauser.",
            "Læsevejlederen tester {barnet} og lægger et læseforløb.",
        ),
        (
            ("psychologist", "Pædagogisk-psykologisk vurdering"),
            ("school", "Tilrettelægge korte opgaver og bevægelsespauser"),
            ("school", "Læsetest ved læsevejlederen"),
            ("parents", "Aftale faste lektietider derhjemme"),
        ),
    ),
    Theme(
        "familie",
        0,
        17,
        "Bekymring for belastninger i familien.",
        ("Bekymring for familiens situation", "Belastninger i familien", "Forældrenes samlivsbrud"),
        ("Opfølgning på familiens situation", "Opfølgning: støtte til familien"),
        (
            "Forældrene er gået fra hinanden, og {barnet} bor skiftevis hos mor og far.",
            "Mor har været sygemeldt i en længere periode og har svært ved at overskue hverdagen.",
            "Familien er flyttet flere gange det seneste år, og økonomien er presset.",
            "{Barnet} virker påvirket af konflikter mellem de voksne ved afleveringerne.",
            "Der er et godt netværk omkring familien, bl.a. bedsteforældre, der henter {barnet}.",
            "Forældrene er motiverede for at tage imod hjælp og har selv bedt om rådgivning.",
            "{Barnet} kommer flere gange om ugen uden madpakke og i for tynd påklædning.",
        ),
        (
            "Familiekonsulenten tilbyder familien et rådgivningsforløb.",
            "Socialrådgiveren rådgiver forældrene om mulighederne for støtte.",
            "{Inst} har øget opmærksomhed og tager løbende kontakt til forældrene.",
        ),
        (
            ("family_consultant", "Tilbyde forældrene et rådgivningsforløb (fem samtaler)"),
            ("social_worker", "Rådgive forældrene om muligheder for støtte"),
            ("parents", "Aftale faste rammer for afleveringer mellem hjemmene"),
            ("school", "Holde øje med madpakke og påklædning og tale med forældrene"),
        ),
    ),
    Theme(
        "helbred",
        0,
        10,
        "Bekymring for søvn, spisning og døgnrytme.",
        ("Søvn og døgnrytme", "Træthed i hverdagen", "Bekymring for spisning og vægt"),
        ("Opfølgning på søvn og spisning", "Opfølgning: døgnrytme"),
        (
            "{Barnet} virker træt om morgenen og har svært ved at holde energien dagen igennem.",
            "Forældrene fortæller, at {barnet} først falder i søvn sent om aftenen.",
            "Sundhedsplejersken har registreret en vægtkurve, der er fladet ud.",
            "{Barnet} spiser meget ensidigt og afviser det meste af frokosten.",
            "Der er lavet aftaler om faste sengetider, og det har hjulpet noget.",
            "Egen læge er orienteret og følger vægten.",
        ),
        (
            "Sundhedsplejersken følger op med hjemmebesøg og vejledning om søvn og måltider.",
            "Forældrene vejledes i faste rutiner; opfølgning om seks uger.",
        ),
        (
            ("health_nurse", "Hjemmebesøg og vejledning om søvn og måltider"),
            ("parents", "Indføre fast sengetid og aftenrutine"),
            ("daycare", "Notere søvn og spisning i to uger"),
            ("health_nurse", "Veje og måle {barnet} igen om en måned"),
        ),
    ),
    Theme(
        "psykisk",
        9,
        17,
        "Bekymring for psykisk trivsel, tristhed og angst.",
        ("Bekymring for psykisk trivsel", "Tristhed og tilbagetrækning", "Angst og bekymringer"),
        ("Opfølgning på psykisk trivsel", "Opfølgning: angst og bekymringer"),
        (
            "{Barnet} virker trist og har trukket sig fra kammeraterne.",
            "{Han} har fortalt AKT-læreren, at {han} ofte ligger søvnløs og bekymrer sig.",
            "{Barnet} siger sjældent noget i timerne og bliver meget nervøs ved fremlæggelser.",
            "Forældrene har bestilt tid hos egen læge med henblik på en henvisning.",
            "{Han} er glad for at gå til håndbold, som er et vigtigt frirum.",
            "{Barnet} har selv sagt, at {han} gerne vil tale med en voksen uden for familien.",
        ),
        (
            "PPR tilbyder et samtaleforløb hos psykologen.",
            "Forældrene opfordres til at tale med egen læge om henvisning til børne- og "
            "ungdomspsykiatrien.",
            "Skolen aftaler en fast kontaktperson og mulighed for pauser.",
        ),
        (
            ("psychologist", "Samtaleforløb med {barnet} (fem samtaler)"),
            ("parents", "Kontakte egen læge"),
            ("school", "Udpege fast kontaktperson og aftale pauser"),
        ),
    ),
    Theme(
        "skaerm",
        9,
        17,
        "Bekymring for skærmforbrug og døgnrytme.",
        ("Skærmforbrug og døgnrytme", "Gaming om natten og træthed"),
        ("Opfølgning på skærmforbrug", "Opfølgning: skærmaftale"),
        (
            "{Barnet} spiller computer til langt ud på natten og sover i timerne.",
            "Forældrene har svært ved at sætte grænser for skærmen og oplever voldsomme "
            "konflikter, når den skal slukkes.",
            "{Han} har de fleste af sine venskaber online.",
            "Der er en aftale om, at telefonen ligger i køkkenet om natten, men den holdes ikke "
            "altid.",
        ),
        (
            "Familiekonsulenten hjælper familien med en skærmaftale.",
            "Skolen og forældrene laver fælles aftaler om telefon og skærm.",
        ),
        (
            ("family_consultant", "To samtaler med familien om en skærmaftale"),
            ("parents", "Telefonen lægges i køkkenet kl. 21"),
            ("school", "Aftale med {barnet} om en telefonfri skoledag"),
        ),
    ),
    Theme(
        "udvikling",
        1,
        5,
        "Bekymring for udvikling og samspil i dagtilbuddet.",
        ("Bekymring for motorisk udvikling", "TOPI: gul markering", "Udvikling og samspil"),
        ("Opfølgning på udvikling", "Opfølgning efter TOPI"),
        (
            "{Barnet} er markeret gul i seneste TOPI-runde på sociale relationer og leg.",
            "{Han} har svært ved at indgå i lege med de andre børn og leger mest alene.",
            "Personalet ser udfordringer med grovmotorikken, fx på trapper og i tumlerummet.",
            "{Barnet} reagerer kraftigt på overgange og skift i dagens rytme.",
            "Forældrene er enige i bekymringen og har selv bemærket det derhjemme.",
            "Der ses fremgang, efter at personalet har lavet faste legegrupper.",
        ),
        (
            "Dagtilbuddet laver en handleplan efter TOPI, og PPR vejleder personalet.",
            "Kommunens fysioterapeut inddrages til en motorisk screening.",
            "Sagen følges efter næste TOPI-runde.",
        ),
        (
            ("daycare", "Udarbejde handleplan efter TOPI"),
            ("psychologist", "Observation på stuen og vejledning af personalet"),
            ("parents", "Deltage i opfølgningsmøde i dagtilbuddet"),
            ("health_nurse", "Bestille motorisk screening hos fysioterapeuten"),
        ),
    ),
    Theme(
        "spaedbarn",
        0,
        1,
        "Bekymring for spædbarnets trivsel og samspillet i familien.",
        ("Trivsel hos spædbarn", "Samspil mellem forælder og barn"),
        ("Opfølgning på spædbarnets trivsel",),
        (
            "Sundhedsplejersken har ved hjemmebesøg set et anstrengt samspil mellem mor og barn.",
            "Mor har fået konstateret en efterfødselsreaktion og er i behandling hos egen læge.",
            "Barnet tager fint på i vægt og er alderssvarende i sin udvikling.",
            "Far har taget orlov for at aflaste i hjemmet.",
            "Familien har et begrænset netværk og er nye i kommunen.",
        ),
        (
            "Sundhedsplejersken øger antallet af hjemmebesøg.",
            "Familien tilbydes et forløb i Familiehuset om samspil og tilknytning.",
        ),
        (
            ("health_nurse", "Ekstra hjemmebesøg hver 14. dag"),
            ("family_consultant", "Tilbyde forløb om samspil og tilknytning"),
            ("parents", "Deltage i forældregruppe"),
        ),
    ),
    Theme(
        "ssp",
        12,
        17,
        "Bekymrende adfærd i fritiden; drøftes i SSP.",
        (
            "Bekymrende adfærd i fritiden",
            "Ophold i gruppe med ældre unge",
            "Hærværk og sene aftener",
            "Bekymring for rusmidler",
        ),
        ("Opfølgning på adfærd i fritiden", "Opfølgning: bekymrende adfærd"),
        (
            "Politiet har været i kontakt med {barnet} i forbindelse med hærværk ved skolen.",
            "{Barnet} er flere gange set sammen med en gruppe ældre unge ved stationen sent om "
            "aftenen.",
            "Klubben oplyser, at {barnet} er holdt op med at komme i klubben.",
            "Der er en bekymring for, at {barnet} ryger hash sammen med ældre kammerater.",
            "Forældrene er bekymrede og ved ofte ikke, hvor {barnet} er om aftenen.",
            "{Barnet} har været involveret i et butikstyveri sammen med to kammerater.",
            "Skolen oplever {ham} som velfungerende i timerne trods bekymringen i fritiden.",
            "{Barnet} er begyndt til fodbold igen og kommer i klubben to aftener om ugen.",
        ),
        (
            "Politiet og SSP-konsulenten holder en bekymringssamtale med den unge og forældrene.",
            "SSP-konsulenten hjælper den unge i gang med et fritidstilbud.",
            "Socialforvaltningen vurderer behovet for en kontaktperson.",
            "Sagen følges på næste SSP-møde.",
        ),
        (
            ("police", "Bekymringssamtale med den unge og forældrene"),
            ("ssp_consultant", "Kontakt til klubben om et fritidstilbud"),
            ("social_services", "Vurdere behovet for en kontaktperson"),
            ("school", "Samtale med den unge om fremmøde og kammerater"),
            ("parents", "Aftale faste hjemkomsttider"),
        ),
    ),
)

# Owner text when nobody with that role took part (hvem).
ROLE_OWNERS = {
    "school": "skolen",
    "daycare": "dagtilbuddet",
    "psychologist": "PPR",
    "social_worker": "socialrådgiveren",
    "speech": "talekonsulenten",
    "health_nurse": "sundhedsplejen",
    "family_consultant": "Familiehuset",
    "police": "politiet",
    "ssp_consultant": "SSP",
    "social_services": "socialforvaltningen",
    "family_house": "Familiehuset",
    "authority": "Udsatte Børn & Unge",
    "chair": "mødelederen",
}

# -- minutes of case items -------------------------------------------------------------------

OPENERS = {
    "district": (
        "{Inst} har indstillet {barnet} til drøftelse på distriktsmødet.",
        "Sagen er ny på distriktsmødet; {inst} ønsker sparring om bekymringen.",
        "{Inst} beskriver en bekymring, der er vokset over de seneste måneder.",
    ),
    "presence": (
        "En lærer har bedt om råd om {barnet} i {klasse}.",
        "Teamet omkring {barnet} ønsker sparring om, hvordan de kan støtte {ham} i hverdagen.",
    ),
    "ssp": (
        "Den unge er nævnt af både skolen og klubben.",
        "Politiet har bragt {barnet} op efter en hændelse i weekenden.",
        "Skolen har bragt {barnet} op på grund af bekymrende adfærd i fritiden.",
    ),
    "forvisitation": (
        "Der er modtaget en underretning fra {inst}.",
        "Sagen forelægges forvisitationen fra distriktsmødet.",
        "Sagen er indstillet til forvisitation på grund af en vedvarende og tiltagende bekymring.",
    ),
    "ftm": (
        "Mødelederen gennemgik formålet med mødet, og alle beskrev bekymringen med egne ord.",
        "Runderne blev gennemført: bekymringer, ressourcer, mål og aftaler.",
    ),
}
FOLLOWUP_OPENERS = (
    "Sagen blev sidst drøftet den {sidst}.",
    "{Inst} giver status siden mødet den {sidst}.",
    "{Inst} fortæller, at de aftalte tiltag er sat i gang siden mødet den {sidst}.",
)
# For cases known from before the demo period: no earlier discussion to point to.
CONTINUED_OPENERS = (
    "Sagen er kendt fra tidligere møder.",
    "{Inst} giver en status på sagen.",
    "Opfølgning på en kendt sag.",
)
# Resources: for children of three and older, and for the youngest.
RESOURCES = (
    "{Barnet} har en god relation til en voksen i {inst}.",
    "{Han} er glad for at gå til fodbold.",
    "Forældrene samarbejder godt med {inst}.",
    "{Barnet} er kreativ og holder meget af at tegne.",
    "Bedsteforældrene er en vigtig støtte i hverdagen.",
    "{Han} er god til at hjælpe andre og bliver set som en god kammerat.",
    "{Barnet} er nysgerrig og glad for at lære nyt.",
)
RESOURCES_SMALL = (
    "Forældrene er meget engagerede og følger rådene fra sundhedsplejersken.",
    "Bedsteforældrene er en vigtig støtte i hverdagen.",
    "{Barnet} er nysgerrig og søger kontakt til de voksne.",
    "Familien har et godt netværk af venner i lokalområdet.",
)
TREND_UP = (
    "Bekymringen er vokset siden sidst.",
    "{Inst} oplever, at det er gået tilbage de seneste uger.",
    "Der er kommet nye oplysninger, som skærper bekymringen.",
)
TREND_DOWN = (
    "Der ses en tydelig positiv udvikling siden sidst.",
    "De aftalte tiltag har virket, og {barnet} virker gladere.",
    "Forældrene oplever også, at det går bedre derhjemme.",
)
TREND_SAME = (
    "Billedet er stort set uændret siden sidst.",
    "Der ses små fremskridt, men bekymringen er den samme.",
    "Indsatserne er kun delvist kommet i gang.",
)
DESC_NEW = "Ny sag, indstillet af {inst}."
DESC_FOLLOWUP = "Opfølgning fra mødet den {sidst}."
DESC_CARRIED = "Udsat fra mødet den {dato}."
LEVEL_SENTENCE = "Samlet vurdering på Trivselslinealen: {label} (niveau {niveau})."

DECISION_CLOSE = (
    "Bekymringen er aftaget, og sagen afsluttes.",
    "{Barnet} er i trivsel; sagen afsluttes, og {inst} henvender sig igen ved ny bekymring.",
)
DECISION_FTM_INVITE = "Der indkaldes til familie team møde (FTM) med familien."
DECISION_TO_FORVISITATION = (
    "Sagen indstilles til forvisitation; forældrene orienteres.",
    "Der sendes underretning til Udsatte Børn & Unge, og sagen indstilles til forvisitation.",
)
DECISION_AUTHORITY = (
    "Udsatte Børn & Unge har sagen; mødet følger op på de forebyggende tiltag.",
    "Sagen er hos myndighed; {inst} holder tæt kontakt til sagsbehandleren.",
)
DECISION_ANONYMOUS = "Forældrene opfordres til at give samtykke, så sagen kan drøftes med navn."
DECISION_FTM = (
    "Der er lagt en fælles plan; se aftalerne. Opfølgende FTM om ca. seks uger.",
    "Familien og fagpersonerne er enige om planen; sagen følges op på distriktsmødet.",
    "Planen evalueres på næste FTM; familien kontakter familiekonsulenten, hvis det går skævt "
    "inden da.",
)
FAMILY_VIEWS = (
    "Mor fortæller, at hverdagen er hård, men at {barnet} er glad derhjemme.",
    "Forældrene er enige i bekymringen og vil gerne have hjælp til at skabe mere ro om morgenen.",
    "Far oplever, at {inst} har kontaktet dem sent, og ønsker tættere kontakt.",
    "Familien vurderer selv situationen til {n} på en skala fra 1 til 10.",
    "{Barnet} har selv fortalt mor, at {han} gerne vil have en fast voksen at gå til.",
    "Forældrene er glade for, at alle sidder om samme bord, og føler sig hørt.",
    "Mor er bekymret for, at {barnet} bliver stemplet, og ønsker, at indsatsen sker diskret.",
)

# Forvisitation: a preliminary decision with its legal basis, by the level after the meeting.
FORVISITATION_UNDERRETNING = "Underretning fra {inst}"
FORVISITATION_TITLES = ("Indstilling fra distriktsmødet", "Vurdering af behov for indsats")
FORVISITATION_FOLLOWUPS = (
    "Opfølgning efter samtale med barnet",
    "Opfølgning på foreløbig beslutning",
)
FORVISITATION_HIGH = (
    "Foreløbig beslutning: børnefaglig undersøgelse efter Barnets lov §§ 20–23 "
    "(tidl. servicelovens § 50).",
    "Foreløbig beslutning: børnefaglig undersøgelse efter Barnets lov §§ 20–23. Familiehuset har "
    "ikke kapacitet, så der købes et familiebehandlingsforløb hos en ekstern leverandør.",
    "Foreløbig beslutning: familiebehandling i Familiehuset som forebyggende indsats efter "
    "Barnets lov § 30, mens den børnefaglige undersøgelse gennemføres.",
)
FORVISITATION_MID = (
    "Foreløbig beslutning: ingen indsats fra myndighed nu; fortsat tidlig indsats via FTM og "
    "distriktsmødet.",
    "Foreløbig beslutning: forebyggende rådgivning af familien efter Barnets lov § 30; sagen "
    "følges på distriktsmødet.",
)
FORVISITATION_LOW = (
    "Foreløbig beslutning: bekymringen giver ikke grundlag for en indsats fra myndighed; sagen "
    "returneres til distriktsmødet.",
)
CHILD_CONVERSATION = "Samtale med barnet (Barnets lov § 5)"
INVESTIGATION = "Børnefaglig undersøgelse afsluttes (Barnets lov §§ 20–23)"
BACK_TO_DISTRICT = "Orientere distriktsmødet om den foreløbige beslutning"

OTHER_REASONS = (
    "Forældrene gav mundtligt samtykke ved mødets start; skriftligt samtykke følger.",
    "Drøftet for at varetage barnets væsentlige interesser efter aftale med juridisk konsulent.",
)
OTHER_REASON_15 = "Den unge er fyldt 15 år og har selv givet samtykke til drøftelsen."
FTM_OTHER_REASON = "Familien deltager selv i mødet og har selv bedt om det."
UNDERRETNING_REASON = "Underretning modtaget den {dato}."

DONE_NOTES = (
    "Gennemført som aftalt.",
    "Udført; notat i ESDH.",
    "Gennemført, og forældrene er orienteret.",
)
CANCELLED_NOTES = (
    "Bortfaldet, da familien er flyttet.",
    "Bortfaldet efter aftale med forældrene.",
    "Ikke længere relevant.",
)

# -- standing items ------------------------------------------------------------------------------

STANDING_NOTES = {
    "Godkendelse af dagsorden": (
        "Dagsordenen blev godkendt.",
        "Dagsordenen blev godkendt.",
        "Dagsordenen blev godkendt med et ekstra punkt under eventuelt.",
    ),
    "Velkomst og godkendelse af dagsorden": (
        "Mødelederen bød velkommen, og alle præsenterede sig. Dagsordenen blev godkendt.",
    ),
    "Orientering fra deltagerne": (
        "Sundhedsplejen orienterede om de nye indskolingsundersøgelser.",
        "PPR orienterede om ventetiden på psykologiske vurderinger (ca. {n} uger).",
        "Familiehuset har ledige pladser på forældrekurset fra uge {uge}.",
        "Skolen orienterede om den nationale trivselsmåling; resultaterne gennemgås på et "
        "senere møde.",
        "Dagtilbuddene gennemfører TOPI-runde i uge {uge}.",
        "Ingen orienteringer.",
        "Talekonsulenten orienterede om sprogvurderingerne af 3-årige.",
    ),
    "Situationen i lokalområdet": (
        "Politiet orienterede om hærværk ved en af skolerne i weekenden.",
        "Ellehallen oplever flere yngre unge i klubben om aftenen.",
        "Der har været uro ved stationen i Hårlev fredag aften; politiet øger patruljeringen.",
        "Roligt i lokalområdet siden sidste møde.",
        "Munkegården melder om rygning af hash bag klubben; SSP-konsulenten kontakter "
        "forældrenetværket.",
        "Fritidsgården planlægger aktiviteter i ferien sammen med SSP.",
    ),
    "Opfølgning på sager fra sidste møde": (
        "Samtalen med barnet er gennemført i sagerne fra sidste møde.",
        "Den børnefaglige undersøgelse er påbegyndt i sagen fra uge {uge}.",
        "Ingen sager til opfølgning.",
        "Forældrene i sagen fra sidste uge har takket ja til forløb i Familiehuset.",
    ),
    "Familiens egen vurdering": (
        "Familien vurderer selv situationen til {n} på en skala fra 1 til 10.",
        "Forældrene oplever planen som realistisk.",
        "Familien er lettede over, at der nu er en fælles plan.",
    ),
    "Opfølgning og næste møde": (
        "Opfølgende FTM aftales i uge {uge}.",
        "Sagen følges op på distriktsmødet i uge {uge}.",
    ),
    "Eventuelt": (
        "Intet.",
        "Intet.",
        "Ingen bemærkninger.",
        "Husk at sende indstillinger til referenten senest torsdagen før mødet.",
        "Mødeformen evalueres på et af de næste møder.",
    ),
}
STANDING_FALLBACK = ("Drøftet.",)

CANCEL_REASONS = (
    "Aflyst på grund af sygdom.",
    "Aflyst, da der ikke var sager til drøftelse.",
    "Aflyst på grund af temadag.",
    "Aflyst på grund af snevejr.",
)

# -- consent ---------------------------------------------------------------------------------

CONSENT_SCOPES = {
    "school": (
        "Barnets trivsel og skolegang, herunder fravær og samarbejdet mellem hjem og skole.",
        "Bekymringen for barnets trivsel i skolen og i fritiden.",
    ),
    "daycare": (
        "Barnets udvikling og trivsel i dagtilbuddet, herunder sprog, leg og samspil.",
        "Bekymringen for barnets udvikling, som dagtilbuddet har beskrevet for forældrene.",
    ),
    "home": (
        "Barnets trivsel og udvikling samt familiens situation, i det omfang det er nødvendigt.",
    ),
}
CONSENT_RECIPIENTS = {
    "district": "deltagerne i distriktsmødet (skole, dagtilbud, PPR, sundhedspleje, "
    "familiekonsulent og socialrådgiver)",
    "presence": "PPR og rådgivere ved tilstedeværelsestid på skolen",
    "ftm": "deltagerne i familie team møder",
    "ssp": "SSP-gruppen (skole, socialforvaltning og politi)",
    "forvisitation": "forvisitationen (PPR, Familiehuset og Udsatte Børn & Unge)",
}
WITHDRAWAL_NOTES = (
    "Mor har trukket samtykket tilbage, da hun ønsker at tale direkte med skolen.",
    "Forældrene ønsker ikke længere, at sagen drøftes på tværfaglige møder.",
    "Far har trukket samtykket tilbage telefonisk; notat i ESDH.",
    "Samtykket er trukket tilbage efter uenighed om indsatsen; sagen drøftes herefter anonymt.",
)

# Danish public holidays that move or skip a meeting (the school holiday weeks are skipped).
# The same wording as the program uses when planning moves a meeting.
MOVE_REASON = "Flyttet fra {dag} ({helligdag})."
