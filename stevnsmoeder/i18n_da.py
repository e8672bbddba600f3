"""Danish text for the messages of the layers below the UI, keyed by their English source."""

DANISH: dict[str, str] = {
    # domain
    "The CPR number does not pass the old modulus-11 check. This is allowed "
    "(numbers without it have been issued since 2007), but check for typing errors.": (
        "CPR-nummeret består ikke det gamle modulus 11-tjek. Det er tilladt (numre uden "
        "kontrolciffer er udstedt siden 2007), men kontrollér for tastefejl."
    ),
    "A CPR number has ten digits, written DDMMYY-SSSS.": (
        "Et CPR-nummer har ti cifre og skrives DDMMÅÅ-LLLL."
    ),
    "The CPR number does not start with a real date.": (
        "CPR-nummeret begynder ikke med en gyldig dato."
    ),
    # errors and access
    "No database at {path}.": "Der er ingen database i {path}.",
    "A database already exists at {path}.": "Der findes allerede en database i {path}.",
    "Your role does not allow this: {what}.": "Din rolle giver ikke adgang til dette: {what}.",
    "A user name is one word of at most 80 characters.": (
        "Et brugernavn er ét ord på højst 80 tegn."
    ),
    "A password must have at least {n} characters.": "En adgangskode skal have mindst {n} tegn.",
    "A password may have at most {n} characters.": "En adgangskode må højst have {n} tegn.",
    "This password is one of the most common ones, which are guessed first. "
    "Choose a longer one of your own: a few words that belong together only for "
    "you.": (
        "Adgangskoden er en af de mest almindelige, som gættes først. Vælg en længere, "
        "der er din egen: nogle ord, der kun hører sammen for dig."
    ),
    "This password is too simple to guess slowly: repeated or running characters, "
    "or one word twice. Choose a few words that belong together only for you.": (
        "Adgangskoden er for enkel til at være svær at gætte: gentagne eller fortløbende tegn "
        "eller det samme ord to gange. Vælg nogle ord, der kun hører sammen for dig."
    ),
    "A password may not be mostly the user's own name.": (
        "En adgangskode må ikke mest bestå af brugerens eget navn."
    ),
    "A new database needs at least one user.": "En ny database skal have mindst én bruger.",
    "The key file beside the database is missing or damaged.": (
        "Nøglefilen ved siden af databasen mangler eller er beskadiget."
    ),
    "The key file beside the database is damaged.": (
        "Nøglefilen ved siden af databasen er beskadiget."
    ),
    "Wrong user name or password.": "Forkert brugernavn eller adgangskode.",
    "This user no longer has access.": "Brugeren har ikke længere adgang.",
    "The lock file {name} beside the database is a link to another file, so nothing "
    "was opened or written. Remove the link, and tell your IT department: someone may "
    "have tried to make stevnsmoeder overwrite that file.": (
        "Låsefilen {name} ved databasen er et link til en anden fil, så intet blev åbnet "
        "eller skrevet. Fjern linket, og giv IT-afdelingen besked: nogen kan have forsøgt "
        "at få stevnsmoeder til at overskrive den fil."
    ),
    "--db needs the name of a database file.": "--db skal have navnet på en databasefil.",
    "{path} is a folder; --db needs the name of a database file.": (
        "{path} er en mappe; --db skal have navnet på en databasefil."
    ),
    "A demo has 1 to {n} years of meetings.": "En demo har 1 til {n} års møder.",
    "The disk is full, so stevnsmoeder could not write{where}. Nothing that "
    "was already saved is lost: free some space and try again.": (
        "Disken er fuld, så stevnsmoeder kunne ikke skrive{where}. Intet af det, der allerede "
        "var gemt, er tabt: frigør plads, og prøv igen."
    ),
    "stevnsmoeder may not write{where}: the folder or the file is read-only, "
    "or you lack permission. Nothing is damaged: open the database from a "
    "folder you may write to, or ask your IT department.": (
        "stevnsmoeder må ikke skrive{where}: mappen eller filen er skrivebeskyttet, eller du "
        "mangler rettigheder. Intet er beskadiget: åbn databasen fra en mappe, du må skrive "
        "i, eller spørg IT-afdelingen."
    ),
    " in {folder}": " i {folder}",
    "Warning: the access log lacks event {seq}, which {where} recorded. Log entries "
    "have been deleted, or an older copy of the database has been put back in place of "
    "the live one. Tell the administrator and the data protection officer.": (
        "Advarsel: adgangsloggen mangler hændelse {seq}, som {where} har registreret. Der er "
        "slettet poster i loggen, eller en ældre kopi af databasen er lagt i stedet for den "
        "aktuelle. Giv administratoren og databeskyttelsesrådgiveren besked."
    ),
    "The export folder must be a full path.": "Eksportmappen skal angives med fuld sti.",
    "No export folder is set: give one with --folder.": (
        "Der er ikke valgt en eksportmappe: angiv en med --folder."
    ),
    "set where the access log is exported": "vælge, hvor adgangsloggen eksporteres til",
    "export the access log": "eksportere adgangsloggen",
    "verify: check the hash chain; export: write the signed export for the collector": (
        "verify: kontrollér hashkæden; export: skriv den signerede eksport til logopsamlingen"
    ),
    "the export's folder (kept as the setting)": "eksportens mappe (gemmes som indstilling)",
    "Another stevnsmoeder is creating or using the database {path}. Wait for it, "
    "or close it there.": (
        "Et andet stevnsmoeder opretter eller bruger databasen {path}. Vent på det, eller "
        "luk det dér."
    ),
    "{name} beside the database is not the file of failed logins (a folder or "
    "a link): remove it, and tell your IT department.": (
        "{name} ved databasen er ikke filen med mislykkede login (en mappe eller et link): "
        "fjern den, og giv IT-afdelingen besked."
    ),
    "The database a restore replaced is kept as {file}.": (
        "Den database, en gendannelse erstattede, er gemt som {file}."
    ),
    "Your password is changed.": "Din adgangskode er skiftet.",
    "change your own password (the current one from --user's password, the new one "
    "from STEVNSMOEDER_NEW_PASSWORD or asked twice)": (
        "skift din egen adgangskode (den nuværende som ved --user, den nye fra "
        "STEVNSMOEDER_NEW_PASSWORD eller spurgt to gange)"
    ),
    "There is no backup beside the database.": "Der er ingen sikkerhedskopi ved databasen.",
    "No backup in the rotation could be read: {why}": (
        "Ingen af sikkerhedskopierne kunne læses: {why}"
    ),
    "{path} is the database itself, not a backup of it. Choose a backup, e.g. "
    "from the folder {folder}.": (
        "{path} er selve databasen, ikke en sikkerhedskopi af den. Vælg en sikkerhedskopi, "
        "f.eks. fra mappen {folder}."
    ),
    "The database was made by a newer version of stevnsmoeder. Update the program.": (
        "Databasen er lavet af en nyere udgave af stevnsmoeder. Opdatér programmet."
    ),
    "The user name {login} is taken.": "Brugernavnet {login} er optaget.",
    "The current password is wrong.": "Den nuværende adgangskode er forkert.",
    # permission names ("what")
    "see users": "se brugere",
    "create users": "oprette brugere",
    "see meetings": "se møder",
    "plan meetings": "planlægge møder",
    "see cases": "se sager",
    "create cases": "oprette sager",
    # meeting status
    "planned": "planlagt",
    "in progress": "i gang",
    "held": "afholdt",
    "cancelled": "aflyst",
    "approved": "godkendt",  # a held meeting whose minutes are approved
    # meetings and cases
    "Unknown district {name}. Districts: {known}.": (
        "Ukendt distrikt {name}. Distrikterne er: {known}."
    ),
    "Unknown meeting type {code}. Known types: {known}.": (
        "Ukendt mødetype {code}. Mødetyperne er: {known}."
    ),
    "No meeting type is booked ad hoc for one child.": "Ingen mødetype bookes ad hoc om ét barn.",
    "The end date is before the start date.": "Slutdatoen ligger før startdatoen.",
    "The meeting does not exist or is not visible to you.": (
        "Mødet findes ikke, eller du har ikke adgang til det."
    ),
    "A {type} needs a district.": "Et {type} skal have et distrikt.",
    "A meeting must last at least one minute.": "Et møde skal vare mindst ét minut.",
    "Anonymous case {ref}": "Anonym sag {ref}",
    "The birth date is in the future.": "Fødselsdatoen ligger i fremtiden.",
    "The case does not exist or is not visible to you.": (
        "Sagen findes ikke, eller du har ikke adgang til den."
    ),
    "An anonymous case has no name and no CPR number.": (
        "En anonym sag har hverken navn eller CPR-nummer."
    ),
    "An anonymous case needs a pseudonym.": "En anonym sag skal have et pseudonym.",
    "A named case needs the child's first name.": "En navngiven sag skal have barnets fornavn.",
    "The birth date does not match the CPR number.": (
        "Fødselsdatoen passer ikke med CPR-nummeret."
    ),
    # maintenance
    "Encrypted pages authentic": "Krypterede sider er ægte",
    "SQLite integrity": "SQLite-integritet",
    "Foreign keys": "Fremmednøgler",
    "Schema up to date": "Skemaet er opdateret",
    "database {current}, program {head}": "database {current}, program {head}",
    "Access log unbroken": "Adgangsloggen er ubrudt",
    "broken at event {seq}": "brudt ved hændelse {seq}",
    # command line
    "{message} (see --help)": "{message} (se --help)",
    "invalid date {text}: write YYYY-MM-DD": "ugyldig dato {text}: skriv ÅÅÅÅ-MM-DD",
    "{text} is not a whole number above 0": "{text} er ikke et helt tal over 0",
    "user name (or set STEVNSMOEDER_USER)": "brugernavn (eller sæt STEVNSMOEDER_USER)",
    "language": "sprog",
    "Stevns Kommune's child and youth meetings. Without a command: the window.": (
        "Stevns Kommunes børne- og ungemøder. Uden kommando: vinduet."
    ),
    "COMMAND": "KOMMANDO",
    "create a fictitious demo database": "opret en demodatabase med fiktive data",
    "years of meetings (2)": "antal år med møder (2)",
    "random seed (1)": "tilfældighedsfrø (1)",
    "date the demo is built around (today)": "datoen demoen bygges omkring (i dag)",
    "list meetings": "vis møder",
    "first day (YYYY-MM-DD)": "første dag (ÅÅÅÅ-MM-DD)",
    "last day (YYYY-MM-DD)": "sidste dag (ÅÅÅÅ-MM-DD)",
    "district, ssp, ftm, forvisitation": "district, ssp, ftm, forvisitation",
    "district code or name": "distriktets kode eller navn",
    "print JSON": "udskriv JSON",
    "list the cases you may see": "vis de sager, du har adgang til",
    "check the database's integrity": "kontrollér databasens integritet",
    "create an empty database with one administrator": (
        "opret en tom database med én administrator"
    ),
    "Unexpected error ({kind}). Details: {log}": "Uventet fejl ({kind}). Detaljer: {log}",
    "error": "fejl",
    "User name: ": "Brugernavn: ",
    "No user: give --user or set STEVNSMOEDER_USER.": (
        "Ingen bruger: angiv --user eller sæt STEVNSMOEDER_USER."
    ),
    "No password: set STEVNSMOEDER_PASSWORD or run in a terminal.": (
        "Ingen adgangskode: sæt STEVNSMOEDER_PASSWORD eller kør i en terminal."
    ),
    "Password for {user}: ": "Adgangskode for {user}: ",
    "Demo database created: {path}": "Demodatabasen er oprettet: {path}",
    "All demo data is fictitious. Log in with one of these users, password: {pw}": (
        "Alle demodata er fiktive. Log ind som en af disse brugere med adgangskoden: {pw}"
    ),
    "Example: {example}": "Eksempel: {example}",
    "ERROR": "FEJL",
    "All is well.": "Alt er i orden.",
    "The database has problems.": "Databasen har fejl.",
    "Created {path} with administrator {user}.": "Oprettede {path} med administratoren {user}.",
    # reports
    "Page {page} of {total}": "Side {page} af {total}",
    "Confidential – contains sensitive personal data": (
        "Fortroligt – indeholder personfølsomme oplysninger"
    ),
    # calendar and series
    "Moved from {day} ({reason}).": "Flyttet fra {day} ({reason}).",
    "Moved from {when}: {why}": "Flyttet fra {when}: {why}",
    "Moved from {when}.": "Flyttet fra {when}.",
    "Why: {reason}": "Årsag: {reason}",
    "the meetings from this day on (default: today)": "møderne fra denne dag (standard: i dag)",
    "the past meetings too": "også de tidligere møder",
    "Unknown participant role {code}.": "Ukendt deltagerrolle {code}.",
    "The closed period ends before it starts.": "Lukkeperioden slutter, før den begynder.",
    "A closed period is at most three months long.": "En lukkeperiode er højst tre måneder.",
    "Give the reason the municipality is closed.": "Angiv, hvorfor kommunen holder lukket.",
    "Plan at most three years ahead at a time.": "Planlæg højst tre år frem ad gangen.",
    "A held or cancelled meeting cannot be changed.": (
        "Et afholdt eller aflyst møde kan ikke ændres."
    ),
    "Give the reason the meeting is moved.": "Angiv, hvorfor mødet flyttes.",
    "The case {reference} was closed on {day}. Reopen it to put it on the agenda.": (
        "Sagen {reference} blev lukket {day}. Genåbn den for at sætte den på dagsordenen."
    ),
    "Choose a child in the list, or register a new one.": (
        "Vælg et barn på listen, eller opret et nyt."
    ),
    "A case cannot be closed in the future.": "En sag kan ikke lukkes i fremtiden.",
    "The case is closed already.": "Sagen er allerede lukket.",
    "The case is open already.": "Sagen er allerede åben.",
    "An anonymous case has no custody holders recorded.": (
        "En anonym sag har ingen forældremyndighedsindehavere registreret."
    ),
    "Give the custody holder's name.": "Angiv forældremyndighedsindehaverens navn.",
    "{name} is registered as a custody holder already.": (
        "{name} er allerede registreret som forældremyndighedsindehaver."
    ),
    "A consent is given by one of the child's registered custody holders: "
    "register the custody holder first.": (
        "Et samtykke gives af en af barnets registrerede forældremyndighedsindehavere: "
        "registrér forældremyndighedsindehaveren først."
    ),
    "A meeting cannot be moved to a time that has passed ({day}).": (
        "Et møde kan ikke flyttes til et tidspunkt, der er gået ({day})."
    ),
    "The new date is a {weekday}.": "Den nye dato er en {weekday}.",
    "The new date is a public holiday: {name}.": "Den nye dato er en helligdag: {name}.",
    "The municipality is closed on the new date: {reason}.": (
        "Kommunen holder lukket på den nye dato: {reason}."
    ),
    "Give the reason the meeting is cancelled.": "Angiv, hvorfor mødet aflyses.",
    "The series does not exist.": "Mødeserien findes ikke.",
    "The change must start after the series' first day.": (
        "Ændringen skal gælde fra en dag efter seriens første dag."
    ),
    "The person does not exist.": "Personen findes ikke.",
    "The person already takes part in the meeting.": "Personen deltager allerede i mødet.",
    "The recurrence rule is empty.": "Gentagelsesreglen er tom.",
    "The recurrence rule needs FREQ=WEEKLY, MONTHLY, DAILY or YEARLY.": (
        "Gentagelsesreglen skal have FREQ=WEEKLY, MONTHLY, DAILY eller YEARLY."
    ),
    "The interval must be a whole number from 1 to 52.": (
        "Intervallet (INTERVAL) skal være et helt tal fra 1 til 52."
    ),
    "COUNT must be a whole number above 0.": "COUNT skal være et helt tal over 0.",
    "Give the start date separately, not inside the rule.": (
        "Angiv startdatoen for sig, ikke inde i reglen."
    ),
    "The series ends before it starts.": "Serien slutter, før den begynder.",
    "The recurrence rule {rule} cannot be read.": "Gentagelsesreglen {rule} kan ikke læses.",
    "Unknown weekday {day}: use MO, TU, WE, TH, FR, SA or SU.": (
        "Ukendt ugedag {day}: brug MO, TU, WE, TH, FR, SA eller SU."
    ),
    "The date {day} is outside any sensible range.": (
        "Datoen {day} ligger uden for ethvert fornuftigt tidsrum."
    ),
    "Cancelled: {reason}": "Aflyst: {reason}",
    "Moved": "Flyttet",
    # calendar export and the command line
    "Choose one meeting, one series or all your meetings.": (
        "Vælg ét møde, én serie eller alle dine møder."
    ),
    "list meeting series": "vis mødeserier",
    "create the series' meetings ahead (idempotent)": (
        "opret seriernes møder frem i tiden (kan køres igen uden dubletter)"
    ),
    "how far ahead, in months (12)": "hvor langt frem, i måneder (12)",
    "export meetings as an .ics calendar": "eksportér møder som en .ics-kalender",
    "one series (its id)": "én serie (dens id)",
    "one meeting (its id)": "ét møde (dets id)",
    "all your own meetings": "alle dine egne møder",
    "the .ics file to write": ".ics-filen, der skal skrives",
    "{text} is not an id": "{text} er ikke et id",
    "The folder {path} does not exist.": "Mappen {path} findes ikke.",
    "Could not write {path}: {reason}": "Kunne ikke skrive {path}: {reason}",
    # planning a meeting
    "Open agreements:": "Åbne aftaler:",
    "The agenda item does not exist.": "Dagsordenspunktet findes ikke.",
    "An agreement can only go under its own child's item.": (
        "En aftale kan kun noteres under sit eget barns punkt."
    ),
    "Follow-up agreed for {day}": "Opfølgning aftalt til {day}",
    "Consent from {holder}": "Samtykke fra {holder}",
    "The consent was withdrawn on {day}.": "Samtykket blev trukket tilbage den {day}.",
    "Anonymous case": "Anonym sag",
    "No legal basis": "Intet lovgrundlag",
    "A named child needs consent or another legal basis; or discuss anonymously.": (
        "Et navngivet barn kræver samtykke eller et andet lovgrundlag – eller anonym drøftelse."
    ),
    "Discussed anonymously": "Drøftes anonymt",
    "Report of concern (Barnets lov § 133)": "Underretning (Barnets lov § 133)",
    "Retsplejeloven § 115": "Retsplejeloven § 115",
    "Other: {reason}": "Andet: {reason}",
    "Consent": "Samtykke",
    "The consent no longer exists.": "Samtykket findes ikke længere.",
    "The consent is given only from {day}.": "Samtykket gælder først fra {day}.",
    "The meeting was changed elsewhere in the meantime. It has been reloaded; "
    "make your change again.": (
        "Mødet er blevet ændret et andet sted i mellemtiden. Det er hentet igen; "
        "foretag din ændring igen."
    ),
    "An agenda item needs a title.": "Et dagsordenspunkt skal have en titel.",
    "A title is at most {n} characters.": "En titel er højst {n} tegn.",
    "A time box is between 0 and {n} minutes.": "Tidsrammen er mellem 0 og {n} minutter.",
    "An item about a child names the child; other items do not.": (
        "Et punkt om et barn skal nævne barnet; andre punkter gør ikke."
    ),
    "Retsplejeloven § 115 applies only at SSP meetings.": (
        "Retsplejeloven § 115 gælder kun på SSP-møder."
    ),
    "Other": "Andet",
    "Give the legal basis in words.": "Beskriv lovgrundlaget med ord.",
    "The consent expired on {day}.": "Samtykket udløb den {day}.",
    "The item already has minutes and cannot be removed.": (
        "Punktet har allerede et referat og kan ikke fjernes."
    ),
    "The new order must name every item once.": (
        "Den nye rækkefølge skal nævne hvert punkt én gang."
    ),
    "Only an item about a child has a legal basis.": "Kun et punkt om et barn har et lovgrundlag.",
    "The person does not take part in the meeting.": "Personen deltager ikke i mødet.",
    "Before the meeting a participant is invited or sends apologies.": (
        "Før mødet er en deltager indkaldt eller har meldt afbud."
    ),
    "The case has no custody holders recorded.": (
        "Sagen har ingen registrerede forældremyndighedsindehavere."
    ),
    "The consent does not cover {type}.": "Samtykket dækker ikke {type}.",
    "Choose one of this child's consents.": "Vælg et af barnets samtykker.",
    ", until {day}": ", til {day}",
    "Name the custody holder who gave the consent.": (
        "Angiv den forældremyndighedsindehaver, der gav samtykket."
    ),
    "Describe what the consent covers.": "Beskriv, hvad samtykket dækker.",
    "Name who may receive the information.": "Angiv, hvem der må modtage oplysningerne.",
    "Choose the kinds of meeting the consent covers.": "Vælg de mødetyper, samtykket dækker.",
    "The consent cannot expire before it is given.": "Samtykket kan ikke udløbe, før det er givet.",
    "A consent cannot be given in the future.": "Et samtykke kan ikke være givet i fremtiden.",
    "An anonymous case is discussed without consent.": "En anonym sag drøftes uden samtykke.",
    "Unknown meeting type {code}.": "Ukendt mødetype {code}.",
    "record legal basis": "registrere lovgrundlag",
    "record consent": "registrere samtykke",
    # running the meeting and the minutes
    "The minutes are approved and locked; add an addendum instead.": (
        "Referatet er godkendt og låst; tilføj et tillæg i stedet."
    ),
    "Minutes are taken when the meeting has started.": "Der tages referat, når mødet er begyndt.",
    "Unknown legal reference {code}.": "Ukendt lovhenvisning {code}.",
    "The text is longer than {n} characters; split it up.": (
        "Teksten er længere end {n} tegn; del den op."
    ),
    "The level is from {a} to {b}.": "Niveauet er fra {a} til {b}.",
    "An action needs a description: what is to be done?": (
        "En handling skal beskrives: hvad skal gøres?"
    ),
    "An action needs someone responsible: who does it?": (
        "En handling skal have en ansvarlig: hvem gør det?"
    ),
    "Unknown next step.": "Ukendt næste skridt.",
    "An addendum needs a text.": "Et tillæg skal have en tekst.",
    "The agenda item is not on this meeting's agenda.": "Punktet er ikke på mødets dagsorden.",
    "Only an item about a child has a level.": "Kun et punkt om et barn har et trivselsniveau.",
    "The follow-up date is before the meeting.": "Opfølgningsdatoen ligger før mødet.",
    "The deadline is before the meeting. Choose a later date.": (
        "Fristen ligger før mødet. Vælg en senere dato."
    ),
    "The action does not exist.": "Handlingen findes ikke.",
    "An action cannot be done in the future.": "En handling kan ikke være udført i fremtiden.",
    "The minutes are approved already.": "Referatet er allerede godkendt.",
    "Only the minutes of a held meeting can be approved.": (
        "Kun referatet af et afholdt møde kan godkendes."
    ),
    "Minutes not yet approved are corrected directly.": (
        "Et referat, der ikke er godkendt, rettes direkte."
    ),
    "The meeting is not in progress.": "Mødet er ikke i gang.",
    "Only a planned meeting can be started.": "Kun et planlagt møde kan startes.",
    "The agenda is empty.": "Dagsordenen er tom.",
    "The item is not pushed to the next meeting.": "Punktet er ikke udsat til næste møde.",
    "Something is already recorded in this meeting (minutes, a level, an action, a pushed "
    "item or who is present), so it cannot be set back to planned.": (
        "Der er allerede noteret noget i mødet (referat, trivselsniveau, en handling, et "
        "udsat punkt eller fremmøde), så det kan ikke sættes tilbage til planlagt."
    ),
    "run meetings": "lede møder",
    "take minutes": "tage referat",
    "approve minutes": "godkende referater",
    # printed documents
    "which document": "hvilket dokument",
    "the child, for an extract": "barnet, for en udskrift",
    "the PDF file to write": "PDF-filen, der skal skrives",
    "children by initials or pseudonym, no CPR": "børn med initialer eller pseudonym, uden CPR",
    "An extract needs --case, and only an extract takes it.": (
        "En udskrift kræver --case, og kun en udskrift tager den."
    ),
    "anonymous discussion": "anonym drøftelse",
    "An extract is made for one child.": "En udskrift laves for ét barn.",
    "The child is not on this meeting's agenda.": "Barnet er ikke på dette mødes dagsorden.",
    "born {day}": "født {day}",
    "Minutes": "Referat",
    "Agenda": "Dagsorden",
    "Extract of the minutes": "Udskrift af referat",
    "Participants": "Deltagere",
    "Present": "Til stede",
    "Name": "Navn",
    "Role": "Rolle",
    "Organisation": "Organisation",
    "Not reached; moved to the next meeting.": "Ikke nået; flyttet til næste møde.",
    "Who": "Hvem",
    "What": "Hvad",
    "When": "Hvornår",
    "Anonymised: children are shown by initials or pseudonym; no CPR.": (
        "Anonymiseret: børn vises med initialer eller pseudonym; uden CPR."
    ),
    "Items": "Punkter",
    "Approved on {day} at {time} by {who}.": "Godkendt den {day} kl. {time} af {who}.",
    "DRAFT": "UDKAST",
    "Postponed to the next meeting.": "Udskudt til næste møde.",
    "Sent apologies (afbud)": "Afbud",
    "Did not attend": "Deltog ikke",
    "Child": "Barn",
    "Legal basis": "Lovgrundlag",
    "Present for this item": "Til stede under punktet",
    "Trivselslinealen": "Trivselslinealen",
    "Next follow-up": "Næste opfølgning",
    "Place": "Sted",
    "Next meeting": "Næste møde",
    "Checksum of the approved minutes (SHA-256)": "Kontrolsum for det godkendte referat (SHA-256)",
    "done": "udført",
    "Addendum": "Tillæg",
    "Decision": "Beslutning",
    "Run sheet for the chair": "Drejebog for mødelederen",
    "Open agreement": "Åben aftale",
    "For the chair's own use: not for filing or handing out.": (
        "Til mødelederens eget brug: skal ikke journaliseres eller udleveres."
    ),
    "Agreed": "Aftalt",
    "Anonymised: the child and family by initials or relation; no CPR.": (
        "Anonymiseret: barnet og familien vises med initialer eller relation; intet CPR-nummer."
    ),
    "Case closed on {day}.": "Sagen blev afsluttet {day}.",
    "Case history": "Sagsforløb",
    "Consent from {holder}, {given}–{until}: {state}.": (
        "Samtykke fra {holder}, {given}–{until}: {state}."
    ),
    "Custody holders": "Forældremyndighed",
    "First {first} ({first_day}), latest {latest} – {label}, {step} ({latest_day}).": (
        "Første {first} ({first_day}), seneste {latest} – {label}, {step} ({latest_day})."
    ),
    "No level has been given yet.": "Der er endnu ikke givet et niveau.",
    "No open agreements.": "Ingen åbne aftaler.",
    "No valid consent: discuss on another legal basis or anonymously.": (
        "Intet gyldigt samtykke: drøft på et andet lovgrundlag eller anonymt."
    ),
    "Open agreements": "Åbne aftaler",
    "Planned; the meeting has not been held yet.": "Planlagt; mødet er ikke afholdt endnu.",
    "The child has not been on any agenda you may see.": (
        "Barnet har ikke været på en dagsorden, du har adgang til."
    ),
    "The consent from {holder} expires on {day}.": "Samtykket fra {holder} udløber {day}.",
    "The items in date order": "Punkterne i datoorden",
    "Trivselslinealen over time": "Trivselslinealen over tid",
    "[CPR removed]": "[CPR fjernet]",
    "anonymised": "anonymiseret",
    "custody holder": "forældremyndighedsindehaver",
    "down to {level} ({label}) on {day}": "ned til {level} ({label}) den {day}",
    "expired": "udløbet",
    "expires soon": "udløber snart",
    "no expiry": "uden udløb",
    "not yet in force": "endnu ikke gældende",
    "overdue": "overskredet",
    "printed": "udskrevet",
    "up to {level} ({label}) on {day}": "op til {level} ({label}) den {day}",
    "valid": "gyldigt",
    "withdrawn": "tilbagekaldt",
    "one child's history across meetings": "ét barns forløb på tværs af møder",
    "print a meeting document or a case history as PDF": (
        "udskriv et mødedokument eller et sagsforløb som PDF"
    ),
    "the case's id or number (S-2026-0001)": "sagens id eller nummer (S-2026-0001)",
    "the meeting's id (for case: the case's id or number, S-2026-0001)": (
        "mødets id (for case: sagens id eller nummer, S-2026-0001)"
    ),
    " (more than shown)": " (flere end vist)",
    "Trivselslinealen level": "niveau på Trivselslinealen",
    "Type at least one word to search for (letters or digits).": (
        "Skriv mindst ét ord at søge efter (bogstaver eller tal)."
    ),
    "district (code or name)": "distrikt (kode eller navn)",
    "from date": "fra dato",
    "meeting type (district, ssp, ftm, …)": "mødetype (district, ssp, ftm, …)",
    "only items with open actions": "kun punkter med åbne aftaler",
    "rebuild the search index from the minutes": "genopbyg søgeindekset ud fra referaterne",
    "search minutes, decisions, actions and cases": (
        "søg i referater, beslutninger, aftaler og sager"
    ),
    "to date": "til dato",
    'words, "a phrase", prefix*, OR, -word': 'ord, "en sætning", begyndelse*, OR, -ord',
    "search minutes": "søge i referater",
    "check the search index": "kontrollere søgeindekset",
    "rebuild the search index": "genopbygge søgeindekset",
    "No case has the number {ref}.": "Ingen sag har nummeret {ref}.",
    "The access log is broken at event {seq}.": "Adgangsloggen er brudt ved hændelse {seq}.",
    "actions starting with this (login, case, search …)": (
        "handlinger, der begynder sådan (login, case, search …)"
    ),
    "one child's events, for a data-subject access request": (
        "ét barns hændelser, til en anmodning om indsigt"
    ),
    "one user's events": "én brugers hændelser",
    "the access log: verify its chain, or list who did what (administrators)": (
        "adgangsloggen: kontrollér kæden, eller vis hvem der gjorde hvad (administratorer)"
    ),
    "see the access log": "se adgangsloggen",
    "check the access log": "kontrollere adgangsloggen",
    "Backup written: {path} (and its .keys file)": (
        "Sikkerhedskopi skrevet: {path} (og dens .keys-fil)"
    ),
    "The backup is damaged: {path}": "Sikkerhedskopien er beskadiget: {path}",
    "The backup's access log is broken at event {seq}.": (
        "Sikkerhedskopiens adgangslog er brudt ved hændelse {seq}."
    ),
    (
        "The database cannot be opened with its key file: it is damaged, or the key file "
        "belongs to another database."
    ): (
        "Databasen kan ikke åbnes med sin nøglefil: den er beskadiget, eller nøglefilen "
        "hører til en anden database."
    ),
    (
        "The newest backup is from {when}: restore it with 'stevnsmoeder restore {file}' "
        "or from the login window."
    ): (
        "Den nyeste sikkerhedskopi er fra {when}: gendan den med "
        "'stevnsmoeder restore {file}' eller fra login-vinduet."
    ),
    "The replaced database is kept as {path}.": "Den erstattede database er gemt som {path}.",
    "check a backup and put it in place of the database": (
        "kontrollér en sikkerhedskopi, og sæt den i stedet for databasen"
    ),
    "make an encrypted backup (with its .keys file)": (
        "lav en krypteret sikkerhedskopi (med dens .keys-fil)"
    ),
    "the backup (.db beside its .keys)": "sikkerhedskopien (.db ved siden af dens .keys)",
    "the backup file (default: into the rotation)": (
        "sikkerhedskopiens fil (standard: i rotationen)"
    ),
    "{path} is not a backup (the database and its .keys file).": (
        "{path} er ikke en sikkerhedskopi (databasen og dens .keys-fil)."
    ),
    "make a backup": "lave en sikkerhedskopi",
    (
        "The database is open in another stevnsmoeder on this computer (a window or a "
        "command). Close it there first."
    ): (
        "Databasen er åben i et andet stevnsmoeder på denne computer (et vindue eller en "
        "kommando). Luk den der først."
    ),
    ("The database is open in another stevnsmoeder. Close it before restoring."): (
        "Databasen er åben i et andet stevnsmoeder. Luk den, før du gendanner."
    ),
    "There is no user {login}.": "Der er ingen bruger {login}.",
    "You cannot close your own access.": "Du kan ikke lukke din egen adgang.",
    "reset a user's access": "nulstille en brugers adgang",
    "close a user's access": "lukke en brugers adgang",
    # managing users (services and the users command)
    "There is no person {name} in the register.": "Der er ingen person {name} i registret.",
    (
        "{n} people in the register are called {name}. Give the id of the one you mean "
        "instead of the name: {choices}"
    ): (
        "{n} personer i registret hedder {name}. Angiv id'et på den, du mener, i stedet "
        "for navnet: {choices}"
    ),
    "A new user needs a full name or a person of the register.": (
        "En ny bruger skal have sit fulde navn eller en person fra registret."
    ),
    "A name has at most 200 characters.": "Et navn har højst 200 tegn.",
    "There is no such person in the register.": "Den person findes ikke i registret.",
    "That person already has an active user.": "Den person har allerede en aktiv bruger.",
    "{login}'s access is closed: reopen it to give a new password.": (
        "{login}s adgang er lukket: genåbn den for at give en ny adgangskode."
    ),
    "{login}'s access is already closed.": "{login}s adgang er allerede lukket.",
    "The last active administrator cannot be closed.": (
        "Den sidste aktive administrator kan ikke lukkes."
    ),
    "{login}'s access is open already.": "{login}s adgang er allerede åben.",
    "Reopening a user's access needs a new password.": (
        "En brugers adgang genåbnes med en ny adgangskode."
    ),
    "The last active administrator cannot be given another role.": (
        "Den sidste aktive administrator kan ikke få en anden rolle."
    ),
    "reopen a user's access": "genåbne en brugers adgang",
    "change a user's role": "ændre en brugers rolle",
    "list, add, close and reopen users (administrators)": (
        "vis, opret, luk og genåbn brugere (administratorer)"
    ),
    "ACTION": "HANDLING",
    "list the users": "vis brugerne",
    "add a user (password: STEVNSMOEDER_NEW_PASSWORD or a prompt)": (
        "opret en bruger (adgangskode: STEVNSMOEDER_NEW_PASSWORD eller et spørgsmål)"
    ),
    "the new user name": "det nye brugernavn",
    "the user's full name": "brugerens fulde navn",
    "the user's role": "brugerens rolle",
    "an existing person of the register (name or id) whose meetings the user sees": (
        "en person i registret (navn eller id), hvis møder brugeren ser"
    ),
    "the user": "brugeren",
    "reopen a user's access with a new password (STEVNSMOEDER_NEW_PASSWORD or a prompt)": (
        "genåbn en brugers adgang med en ny adgangskode (STEVNSMOEDER_NEW_PASSWORD eller et "
        "spørgsmål)"
    ),
    "The same password again: ": "Samme adgangskode igen: ",
    "The two passwords are not the same.": "De to adgangskoder er ikke ens.",
    "active": "aktiv",
    "access closed": "lukket",
    "User": "Bruger",
    "Access": "Adgang",
    "Last login": "Sidste login",
    "User {user} added ({role}).": "Brugeren {user} er oprettet ({role}).",
    "{user}'s access is closed.": "{user}s adgang er lukket.",
    "{user}'s access is open again; hand the new password over.": (
        "{user}s adgang er åben igen; giv den nye adgangskode videre."
    ),
    # re-keying (services/rekey.py, the rekey command)
    (
        "The database could not get a new key ({reason}). Nothing was lost; give it one "
        "with 'New database key' under Users, or 'stevnsmoeder rekey'."
    ): (
        "Databasen kunne ikke få en ny nøgle ({reason}). Intet er gået tabt; giv den en ny "
        "med »Ny databasenøgle« under Brugere eller 'stevnsmoeder rekey'."
    ),
    "re-key the database": "give databasen en ny nøgle",
    (
        "give the database and the backups in rotation a new key, on a suspected "
        "compromise (administrators; passwords stay)"
    ): (
        "giv databasen og sikkerhedskopierne i rotationen en ny nøgle ved mistanke om "
        "kompromittering (administratorer; adgangskoderne bliver)"
    ),
    (
        "The new key could not be given to {users} (a key-file entry from an older "
        "version, or one that was tampered with): give them a new password with "
        "'stevnsmoeder reset-password'."
    ): (
        "Den nye nøgle kunne ikke gives til {users} (en post i nøglefilen fra en ældre "
        "udgave, eller en, der er pillet ved): giv dem en ny adgangskode med "
        "'stevnsmoeder reset-password'."
    ),
    "give a user a new password (administrators; the key is never shown)": (
        "giv en bruger en ny adgangskode (administratorer; nøglen vises aldrig)"
    ),
    "the user who forgot their password": "brugeren, der har glemt sin adgangskode",
    "No new password: set {env} or run in a terminal.": (
        "Ingen ny adgangskode: sæt {env}, eller kør i en terminal."
    ),
    "New password for {user}: ": "Ny adgangskode til {user}: ",
    "{user} has a new password; hand it over and have it changed.": (
        "{user} har fået en ny adgangskode; giv den videre, og få den skiftet."
    ),
    "deletion": "sletning",
    "pseudonymisation": "pseudonymisering",
    "closed": "afsluttet",
    "how long closed cases are kept (administrators)": (
        "hvor længe afsluttede sager gemmes (administratorer)"
    ),
    "years after the case was closed": "år efter at sagen blev afsluttet",
    "what a purge does": "hvad en oprydning gør",
    "purge closed cases past the retention period": (
        "ryd afsluttede sager, hvis opbevaringsfrist er udløbet"
    ),
    "only list what would go": "vis kun, hvad der ville blive ryddet",
    "Keep closed cases between 1 and 100 years.": "Gem afsluttede sager mellem 1 og 100 år.",
    "A purge either deletes or pseudonymises.": "En oprydning sletter eller pseudonymiserer.",
    "Case {ref} (pseudonymised)": "Sag {ref} (pseudonymiseret)",
    "set how long cases are kept": "bestemme, hvor længe sager gemmes",
    "purge closed cases": "rydde afsluttede sager",
    "A name or text is at most {n} characters.": (
        "Et navn eller en tekst må højst være på {n} tegn."
    ),
    "restore a backup": "gendanne en sikkerhedskopi",
    "{created} created ({moved} moved for a holiday), {skipped} skipped, "
    "{existing} already planned.": (
        "{created} oprettet ({moved} flyttet pga. helligdag), {skipped} sprunget over, "
        "{existing} var allerede planlagt."
    ),
    "{items} at {meetings}, {first}–{last}.": "{items} på {meetings}, {first}–{last}.",
    "Too many failed logins.": "For mange mislykkede login.",
    "If it was not you, tell the administrator.": (
        "Var det ikke dig, så giv administratoren besked."
    ),
    # the access log in words (services/access_log.py ACTION_SENTENCES)
    "{who} logged in": "{who} loggede ind",
    "{who} logged out": "{who} loggede ud",
    "Failed login as {who}": "Mislykket login som {who}",
    "{who} registered a computer for the shared record": (
        "{who} registrerede en computer til den fælles database"
    ),
    "{who} revoked a computer's access to the shared record": (
        "{who} lukkede en computers adgang til den fælles database"
    ),
    "{who} brought this computer in step with the server": (
        "{who} synkroniserede denne computer med serveren"
    ),
    "{who} kept the server's version of a change the server refused": (
        "{who} beholdt serverens version af en ændring, som serveren afviste"
    ),
    "{who} made a change the server refused again": (
        "{who} foretog en ændring, som serveren afviste, igen"
    ),
    "{who} merged a text the server refused with the server's by hand": (
        "{who} flettede en tekst, som serveren afviste, med serverens i hånden"
    ),
    "{who} kept a text the server refused as an addendum": (
        "{who} gemte en tekst, som serveren afviste, som et tillæg"
    ),
    "Login as {who} refused after too many failed attempts": (
        "Login som {who} afvist efter for mange mislykkede forsøg"
    ),
    "The record of failed logins was found deleted or replaced": (
        "Registreringen af mislykkede login var slettet eller udskiftet"
    ),
    "{who} locked the program": "{who} låste programmet",
    "{who} unlocked the program": "{who} låste programmet op",
    "{who} typed a wrong password to unlock the program": (
        "{who} skrev en forkert adgangskode for at låse programmet op"
    ),
    "{who} opened the case {case}": "{who} åbnede sagen {case}",
    "{who} saw the case {case} on the agenda of {meeting}": (
        "{who} så sagen {case} på dagsordenen til {meeting}"
    ),
    "{who} opened the case history of {case}": "{who} åbnede sagsforløbet for {case}",
    "{who} saw the list of cases": "{who} så sagslisten",
    "{who} created the case {case}": "{who} oprettede sagen {case}",
    "{who} closed the case {case}": "{who} lukkede sagen {case}",
    "{who} reopened the case {case}": "{who} genåbnede sagen {case}",
    "{who} read the custody holders of {case}": (
        "{who} læste forældremyndighedsindehaverne i {case}"
    ),
    "{who} registered a custody holder for {case}": (
        "{who} registrerede en forældremyndighedsindehaver i {case}"
    ),
    "{who} opened the meeting {meeting}": "{who} åbnede mødet {meeting}",
    "{who} planned the meeting {meeting}": "{who} planlagde mødet {meeting}",
    "{who} started the meeting {meeting}": "{who} startede mødet {meeting}",
    "{who} ended the meeting {meeting}": "{who} afsluttede mødet {meeting}",
    "{who} set the meeting {meeting} back to planned": (
        "{who} satte mødet {meeting} tilbage til planlagt"
    ),
    "{who} took an item of {meeting} back into the meeting": (
        "{who} tog et punkt på {meeting} med i mødet igen"
    ),
    "{who} cancelled the meeting {meeting}": "{who} aflyste mødet {meeting}",
    "{who} moved the meeting {meeting}": "{who} flyttede mødet {meeting}",
    "{who} added a participant to the meeting {meeting}": (
        "{who} tilføjede en deltager til mødet {meeting}"
    ),
    "{who} removed a participant from the meeting {meeting}": (
        "{who} fjernede en deltager fra mødet {meeting}"
    ),
    "{who} recorded who attends the meeting {meeting}": (
        "{who} registrerede fremmødet til mødet {meeting}"
    ),
    "{who} invited the family to the meeting {meeting}": (
        "{who} inviterede familien til mødet {meeting}"
    ),
    "{who} added an item to the agenda of {meeting}": (
        "{who} tilføjede et punkt til dagsordenen til {meeting}"
    ),
    "{who} changed an item on the agenda of {meeting}": (
        "{who} ændrede et punkt på dagsordenen til {meeting}"
    ),
    "{who} removed an item from the agenda of {meeting}": (
        "{who} fjernede et punkt fra dagsordenen til {meeting}"
    ),
    "{who} changed the order of the agenda of {meeting}": (
        "{who} ændrede rækkefølgen på dagsordenen til {meeting}"
    ),
    "{who} moved an item of {meeting} to the next meeting": (
        "{who} flyttede et punkt fra {meeting} til næste møde"
    ),
    "{who} carried items over to the meeting {meeting}": (
        "{who} overførte punkter til mødet {meeting}"
    ),
    "{who} brought open agreements to the meeting {meeting}": (
        "{who} hentede åbne aftaler ind på mødet {meeting}"
    ),
    "{who} recorded a legal basis on the agenda of {meeting}": (
        "{who} registrerede et lovgrundlag på dagsordenen til {meeting}"
    ),
    "{who} read the minutes of {meeting}": "{who} læste referatet af {meeting}",
    "{who} wrote in the minutes of {meeting}": "{who} skrev i referatet af {meeting}",
    "{who} set the Trivselslinealen level in the minutes of {meeting}": (
        "{who} satte niveau på Trivselslinealen i referatet af {meeting}"
    ),
    "{who} set the next follow-up in the minutes of {meeting}": (
        "{who} satte næste opfølgning i referatet af {meeting}"
    ),
    "{who} recorded an agreement in the minutes of {meeting}": (
        "{who} noterede en aftale i referatet af {meeting}"
    ),
    "{who} removed an agreement from the minutes of {meeting}": (
        "{who} fjernede en aftale fra referatet af {meeting}"
    ),
    "{who} wrote the preliminary decision in the minutes of {meeting}": (
        "{who} skrev den foreløbige beslutning i referatet af {meeting}"
    ),
    "{who} approved the minutes of {meeting}": "{who} godkendte referatet af {meeting}",
    "{who} added an addendum to the minutes of {meeting}": (
        "{who} tilføjede et tillæg til referatet af {meeting}"
    ),
    "{who} marked an agreement done": "{who} markerede en aftale som udført",
    "{who} read the consents of {case}": "{who} læste samtykkerne for {case}",
    "{who} recorded a consent for {case}": "{who} registrerede et samtykke for {case}",
    "{who} printed or exported a document": "{who} udskrev eller eksporterede et dokument",
    "{who} printed or exported a document of {meeting}": (
        "{who} udskrev eller eksporterede et dokument fra {meeting}"
    ),
    "{who} printed or exported the case history of {case}": (
        "{who} udskrev eller eksporterede sagsforløbet for {case}"
    ),
    "{who} exported meetings to a calendar file": "{who} eksporterede møder til en kalenderfil",
    "{who} saw the policy follow-up": "{who} så opfølgningen på børne- og ungepolitikken",
    "{who} exported the policy follow-up": (
        "{who} eksporterede opfølgningen på børne- og ungepolitikken"
    ),
    "{who} saw the agreements and consents on the start page": (
        "{who} så aftaler og samtykker på startsiden"
    ),
    "{who} searched": "{who} søgte",
    "{who} was shown the case {case} in a search": "{who} fik vist sagen {case} i en søgning",
    "{who} rebuilt the search index": "{who} genopbyggede søgeindekset",
    "{who} was refused": "{who} blev afvist",
    "{who} added the user {user}": "{who} oprettede brugeren {user}",
    "{who} closed the access of {user}": "{who} lukkede adgangen for {user}",
    "{who} reopened the access of {user}": "{who} genåbnede adgangen for {user}",
    "{who} gave {user} a new password": "{who} gav {user} en ny adgangskode",
    "{who} gave {user} another role": "{who} gav {user} en anden rolle",
    "{who} changed their password": "{who} skiftede sin adgangskode",
    "{who} created the database": "{who} oprettede databasen",
    "{who} gave the database a new key": "{who} gav databasen en ny nøgle",
    "{who} checked the database": "{who} kontrollerede databasen",
    "{who} made a backup": "{who} lavede en sikkerhedskopi",
    "{who} restored a backup": "{who} gendannede en sikkerhedskopi",
    "{who} read the access log": "{who} læste adgangsloggen",
    "{who} exported the access log of {case}": "{who} eksporterede adgangsloggen for {case}",
    "{who} checked the access log's chain": "{who} kontrollerede adgangsloggens kæde",
    "{who} chose the log collector's folder": "{who} valgte mappen til logopsamling",
    "The access log lacked events recorded outside it": (
        "Adgangsloggen manglede hændelser, der er registreret uden for den"
    ),
    "{who} set how long closed cases are kept": (
        "{who} fastsatte, hvor længe afsluttede sager gemmes"
    ),
    "{who} listed the cases a purge would remove": (
        "{who} så, hvilke sager en oprydning ville fjerne"
    ),
    "{who} deleted the closed case {case}": "{who} slettede den afsluttede sag {case}",
    "{who} pseudonymised the closed case {case}": (
        "{who} pseudonymiserede den afsluttede sag {case}"
    ),
    "{who} created a meeting series": "{who} oprettede en mødeserie",
    "{who} changed when a meeting series meets": "{who} ændrede, hvornår en mødeserie mødes",
    "{who} planned the series' meetings ahead": "{who} planlagde mødeseriernes møder frem i tiden",
    "{who} added closed days": "{who} tilføjede lukkedage",
    "(deleted)": "(slettet)",
    " (case {case})": " (sag {case})",
    "an unknown user name": "et ukendt brugernavn",
    # -- two engines: the laptop's file and the shared record on PostgreSQL --
    "This works on a database file on this computer only.": (
        "Det kan kun gøres med en databasefil på denne computer."
    ),
    "The database on the server has no stevnsmoeder data. Create it first.": (
        "Databasen på serveren har ingen stevnsmoeder-data. Opret den først."
    ),
    "PostgreSQL 15 or newer": "PostgreSQL 15 eller nyere",
    "Danish text search": "Dansk tekstsøgning",
    "Search index in step": "Søgeindekset er ajour",
    "indexed: {n} of {total}": "indekseret: {n} af {total}",
    "database file (default: in the data folder), or a PostgreSQL database: "
    "postgresql+psycopg://USER@/DBNAME?host=SOCKETDIR": (
        "databasefil (standard: i datamappen) eller en PostgreSQL-database: "
        "postgresql+psycopg://BRUGER@/DATABASE?host=SOKKELMAPPE"
    ),
    "This command works on a database file on this computer, not on a database on a server.": (
        "Kommandoen virker på en databasefil på denne computer, ikke på en database på en server."
    ),
    # -- filing in the case system (ESDH) --
    "archival PDF/A-2b, with the metadata it is filed with in the case system": (
        "arkivformatet PDF/A-2b med de metadata, dokumentet journaliseres med i ESDH"
    ),
    "file an approved meeting's minutes and the children's extracts in the case "
    "system (ESDH): PDF/A with a manifest each": (
        "arkivér et godkendt mødes referat og børnenes udskrifter i ESDH: PDF/A med et "
        "manifest til hver"
    ),
    "the meeting's id": "mødets id",
    "only this child's extract (the case's id or number, S-2026-0001)": (
        "kun dette barns udskrift (sagens id eller nummer, S-2026-0001)"
    ),
    "the filing folder (the case system's import folder)": "arkiveringsmappen (ESDH's importmappe)",
    "the child's case number in the case system (kept on the case; with --case)": (
        "barnets sagsnummer i ESDH (gemmes på sagen; sammen med --case)"
    ),
    "file again what is filed in its current version already": (
        "arkivér igen det, der allerede er arkiveret i den nuværende version"
    ),
    "approved minutes and extracts not yet filed in the case system, oldest first": (
        "godkendte referater og udskrifter, der endnu ikke er arkiveret i ESDH, ældste først"
    ),
    "--esdh-case is the number of one child's case: give --case too.": (
        "--esdh-case er nummeret på ét barns sag: angiv også --case."
    ),
    "{what}, version {n}: {path}": "{what}, version {n}: {path}",
    "{what} is filed in its current version {n} already.": (
        "{what} er allerede arkiveret i den nuværende version {n}."
    ),
    "Nothing new to file (--again files it once more).": (
        "Intet nyt at arkivere (--again arkiverer det en gang til)."
    ),
    "version {n} filed, now version {m}": "version {n} arkiveret, nu version {m}",
    "not filed": "ikke arkiveret",
    "Extract of the approved minutes of {forum} on {day} for case {case}, version {n}": (
        "Udskrift af det godkendte referat af {forum} den {day} til sag {case}, version {n}"
    ),
    "The approved minutes of {forum} on {day}, version {n}": (
        "Det godkendte referat af {forum} den {day}, version {n}"
    ),
    "The path of case {case} across meetings": "Forløbet for sag {case} på tværs af møder",
    "Only someone who may see every item of the meeting may file its minutes.": (
        "Kun den, der må se alle mødets punkter, må arkivere referatet."
    ),
    "how each kind of document is classified (KLE) when filed in the case system": (
        "hvordan hver slags dokument journaliseres (KLE), når det arkiveres i ESDH"
    ),
    "change how a kind of document is classified (administrators)": (
        "ændre, hvordan en slags dokument journaliseres (administratorer)"
    ),
    "the KLE number, such as 27.24.00": "KLE-nummeret, fx 27.24.00",
    "the handling facet, such as G01": "handlingsfacetten, fx G01",
    "the access code in the case system (unchanged if not given)": (
        "adgangskoden i ESDH (uændret, hvis den ikke angives)"
    ),
    "Document": "Dokument",
    "KLE number": "KLE-nummer",
    "Handling facet": "Handlingsfacet",
    "Access code": "Adgangskode",
    "Unknown kind of document: {kind}. Known: {kinds}.": (
        "Ukendt dokumenttype: {kind}. Kendte: {kinds}."
    ),
    "Write the KLE number, such as 27.24.00.": "Skriv KLE-nummeret, fx 27.24.00.",
    "«{value}» is not a KLE number: it is written as three pairs of digits with "
    "points between them, such as 27.24.00.": (
        "»{value}« er ikke et KLE-nummer: det skrives som tre par cifre med punktum "
        "imellem, fx 27.24.00."
    ),
    "Write the handling facet, such as G01.": "Skriv handlingsfacetten, fx G01.",
    "«{value}» is not a handling facet: it is a letter and two digits, such as G01.": (
        "»{value}« er ikke en handlingsfacet: den er et bogstav og to cifre, fx G01."
    ),
    "The classification is changed on the server, not on a laptop's copy: the "
    "next synchronisation would undo it here.": (
        "Journaliseringen (KLE) ændres på serveren, ikke i en bærbars kopi: den næste "
        "synkronisering ville gøre ændringen om her."
    ),
    "The access code is at most 80 characters.": "Adgangskoden (ESDH) er højst 80 tegn.",
    "The filing folder must be a full path.": "Arkiveringsmappen skal angives med den fulde sti.",
    "A case number in the case system is at most 40 characters.": (
        "Et sagsnummer i ESDH er højst 40 tegn."
    ),
    "The filing folder {folder} cannot be reached. Check that the network drive "
    "is connected, or choose another folder.": (
        "Arkiveringsmappen {folder} kan ikke nås. Kontrollér, at netværksdrevet er "
        "tilsluttet, eller vælg en anden mappe."
    ),
    "No filing folder is set: choose one.": "Der er ikke valgt en arkiveringsmappe: vælg en.",
    "There is nothing to file from this meeting.": "Der er intet at arkivere fra dette møde.",
    "The case does not exist.": "Sagen findes ikke.",
    "The minutes are not approved yet; they are filed once approved.": (
        "Referatet er ikke godkendt endnu; det arkiveres, når det er godkendt."
    ),
    "This meeting has no extract to file for the child: the child is not on "
    "its agenda by name, or is not yours to see.": (
        "Mødet har ingen udskrift at arkivere for barnet: barnet er ikke på dagsordenen "
        "med navn, eller du må ikke se det."
    ),
    "change how documents are filed": "ændre, hvordan dokumenter journaliseres",
    "file a child's extract": "arkivere et barns udskrift",
    "The record of the filing is not valid.": "Oplysningerne om arkiveringen er ugyldige.",
    "Only someone who may see the child's item by name may file the child's extract.": (
        "Kun den, der må se barnets punkt med navn, må arkivere barnets udskrift."
    ),
    "Version {filed} was filed, but the record holds version {current}: an addendum it "
    "was made with did not reach the record.": (
        "Version {filed} blev arkiveret, men databasen har version {current}: et tillæg, "
        "den blev lavet med, nåede ikke frem til databasen."
    ),
    "set the filing folder": "vælge arkiveringsmappen",
    "record the case number in the case system": "registrere sagsnummeret i ESDH",
    "{who} filed the minutes of {meeting} in the case system": (
        "{who} arkiverede referatet af {meeting} i ESDH"
    ),
    "{who} filed a child's extract of {meeting} in the case system": (
        "{who} arkiverede et barns udskrift af {meeting} i ESDH"
    ),
    "{who} saw the list of documents not yet filed": (
        "{who} så listen over dokumenter, der ikke er arkiveret"
    ),
    "{who} chose the filing folder": "{who} valgte arkiveringsmappen",
    "{who} changed how documents are classified when filed": (
        "{who} ændrede, hvordan dokumenter journaliseres (KLE)"
    ),
    "{who} recorded the case system's case number of {case}": (
        "{who} registrerede ESDH-sagsnummeret for {case}"
    ),
    # -- the policy follow-up: aggregates only, no child identifiable --
    "No child can be identified: counts of 1–4 are shown as «<5». Where a hidden count "
    "could be worked out from the other cells and the totals, further cells are hidden "
    "and shown as «x» (always 5 or more); zeros are shown. Shares are given only where "
    "the count is shown and the denominator is at least {share}, medians only where "
    "they rest on {median} or more children. When most of a table would be hidden, "
    "its categories are "
    "merged (Trivselslinealen levels into the three steps of the ladder, quarters into "
    "the year). Meeting types with fewer than 5 discussions are merged into «Other meeting "
    "types».": (
        "Intet barn kan genkendes: tal fra 1 til 4 vises som «<5». Hvor et skjult tal ville "
        "kunne regnes ud af de andre celler og totalerne, skjules flere celler, vist som «x» "
        "(altid 5 eller flere); nuller vises. Andele vises kun, hvor tallet vises og nævneren "
        "er mindst {share}, medianer kun, hvor de bygger på {median} eller flere børn. "
        "Hvis det meste af en "
        "tabel ville være skjult, slås kategorierne sammen (Trivselslinealens niveauer til "
        "indsatstrappens tre trin, kvartaler til året). Mødetyper med færre end 5 drøftelser "
        "slås sammen under «Øvrige mødetyper»."
    ),
    "All meeting types": "Alle mødetyper",
    "Other meeting types": "Øvrige mødetyper",
    "{label} ({levels})": "{label} ({levels})",
    "Unknown age or 18+": "Ukendt alder eller 18+",
    "Stayed in universal services": "Forblev i almene tilbud",
    "Referred to forvisitation": "Henvist til forvisitation",
    "Report of concern (underretning)": "Underretning",
    "Conversation or investigation decided": "Børnesamtale eller undersøgelse besluttet",
    "Referred on, reported or decided": "Henvist, underrettet eller besluttet",
    "Done on time": "Udført til tiden",
    "Done late": "Udført for sent",
    "Open, not yet due": "Åben, ikke forfalden",
    "Open, overdue": "Åben, overskredet",
    "Cancelled": "Annulleret",
    "Q{n}": "{n}. kvt.",
    "The year": "Hele året",
    "With the child's name": "Med barnets navn",
    "Anonymously": "Anonymt",
    "No district": "Uden distrikt",
    "Children": "Børn",
    "Not assessed": "Ikke vurderet",
    "No agreement yet": "Ingen aftale endnu",
    "Once": "1 gang",
    "Twice": "2 gange",
    "Three times or more": "3 gange eller flere",
    "Total": "I alt",
    "Children discussed": "Børn drøftet",
    "Discussions": "Drøftelser",
    "Share of discussions naming the child": "Andel drøftelser med barnets navn",
    "Children discussed twice or more": "Børn drøftet 2 gange eller flere",
    "Discussions of children by meeting type and quarter, named or anonymous.": (
        "Drøftelser af børn pr. mødetype og kvartal, med navn eller anonymt."
    ),
    "Children by latest level and age": "Børn efter seneste niveau og alder",
    "The policy's indicator for the 0–6-year-olds: children by their latest "
    "Trivselslinealen level in the year and their age.": (
        "Politikkens indikator for de 0–6-årige: børn efter deres seneste niveau på "
        "Trivselslinealen i året og deres alder."
    ),
    "The steps of the ladder": "Indsatstrappens trin",
    "The share of discussions at each step: prevention, early and intrusive.": (
        "Andelen af drøftelser på hvert trin: forebyggende, tidlig og indgribende indsats."
    ),
    "Movement on the ladder": "Bevægelse på indsatstrappen",
    "The step of each child's first and last assessment in the year.": (
        "Trinnet ved hvert barns første og sidste vurdering i året."
    ),
    "Timely action (pejlemærke 1)": "Rettidig indsats (pejlemærke 1)",
    "From a child's first discussion to the first agreed action.": (
        "Fra barnets første drøftelse til den første aftalte handling."
    ),
    "What the discussions led to": "Hvad drøftelserne førte til",
    "Universal services, forvisitation, reports of concern; children discussed again.": (
        "Almene tilbud, forvisitation, underretninger; børn drøftet igen."
    ),
    "Agreements": "Aftaler",
    "Actions agreed at the year's discussions: done on time, overdue.": (
        "Handlinger aftalt ved årets drøftelser: udført til tiden, overskredet."
    ),
    "Discussions by meeting type and quarter": "Drøftelser pr. mødetype og kvartal",
    "discussions": "drøftelser",
    "Meeting type": "Mødetype",
    "Named or anonymous discussions": "Drøftelser med navn eller anonymt",
    "Discussed": "Drøftet",
    "Children discussed by district": "Børn drøftet pr. distrikt",
    "children": "børn",
    "District": "Distrikt",
    "Children by latest level in the year and age": "Børn efter seneste niveau i året og alder",
    "Latest level": "Seneste niveau",
    "Discussions by step of the ladder": "Drøftelser pr. trin på indsatstrappen",
    "Step": "Trin",
    "Children by step at first (rows) and last (columns) assessment": (
        "Børn efter trin ved første (rækker) og sidste (kolonner) vurdering"
    ),
    "First step": "Første trin",
    "New children by days from first discussion to first agreement": (
        "Nye børn efter dage fra første drøftelse til første aftale"
    ),
    "First discussed at": "Første drøftelse på",
    "What each discussion led to": "Hvad hver drøftelse førte til",
    "Outcome": "Udfald",
    "Children by number of discussions in the year": "Børn efter antal drøftelser i året",
    "Agreements by meeting type": "Aftaler pr. mødetype",
    "agreements": "aftaler",
    "On a lower step at the last assessment": "På et lavere trin ved sidste vurdering",
    "On the same step": "På samme trin",
    "On a higher step": "På et højere trin",
    "Median days to the first agreement": "Median, dage til første aftale",
    "Agreement within 14 days": "Aftale inden for 14 dage",
    "Agreement within 30 days": "Aftale inden for 30 dage",
    "Done on time, of all agreements": "Udført til tiden, af alle aftaler",
    "Overdue, of all agreements": "Overskredet, af alle aftaler",
    "Children at the step «{step}»": "Børn på trinnet «{step}»",
    "Children aged 0–6 at the step «{step}» (the policy's indicator for the youngest)": (
        "Børn på 0–6 år på trinnet «{step}» (politikkens indikator for de yngste)"
    ),
    "The share of discussions at the step «{step}»": "Andelen af drøftelser på trinnet «{step}»",
    "The share of children who ended the year on a lower step than they began": (
        "Andelen af børn, der sluttede året på et lavere trin, end de begyndte"
    ),
    "The share of new children with an agreement within 14 days": (
        "Andelen af nye børn med en aftale inden for 14 dage"
    ),
    "{what}: too few to compare with last year.": (
        "{what}: for få til at sammenligne med sidste år."
    ),
    "{what}: more than last year ({now} against {before}).": (
        "{what}: flere end sidste år ({now} mod {before})."
    ),
    "{what}: fewer than last year ({now} against {before}).": (
        "{what}: færre end sidste år ({now} mod {before})."
    ),
    "{what}: as many as last year ({now}).": "{what}: lige så mange som sidste år ({now}).",
    "{what} rose from {before} % to {now} %.": "{what} steg fra {before} % til {now} %.",
    "{what} fell from {before} % to {now} %.": "{what} faldt fra {before} % til {now} %.",
    "{what} was unchanged at {now} %.": "{what} var uændret {now} %.",
    "The median time from the first discussion to the first agreement was {now} "
    "(last year {before}).": (
        "Mediantiden fra første drøftelse til første aftale var {now} (sidste år {before})."
    ),
    "The median time to the first agreement: too few to compare with last year.": (
        "Mediantiden til første aftale: for få til at sammenligne med sidste år."
    ),
    "Children by latest step of the ladder": "Børn efter seneste trin på indsatstrappen",
    "Share of discussions at each step, by meeting type ({year})": (
        "Andel drøftelser på hvert trin, pr. mødetype ({year})"
    ),
    "New children by days to the first agreement": "Nye børn efter dage til første aftale",
    "Choose a year from {first} to {last}.": "Vælg et år fra {first} til {last}.",
    "Write the follow-up to a .pdf or an .xlsx file.": (
        "Opfølgningen skrives til en .pdf- eller en .xlsx-fil."
    ),
    "see the policy follow-up": "se opfølgningen på børne- og ungepolitikken",
    "The figures are counted from the meetings' own record: every meeting held in the "
    "year (cancelled meetings are left out), for the whole municipality or one "
    "district. A discussion is an item about a child marked discussed; a child is a "
    "case in the register (an anonymous case counts as one child). A child belongs to "
    "the district of the case in the register, else to the meeting's district.": (
        "Tallene er talt op i mødernes egne data: alle møder holdt i året (aflyste møder "
        "tælles ikke med), for hele kommunen eller ét distrikt. En drøftelse er et punkt om "
        "et barn, der er markeret drøftet; et barn er en sag i sagsregistret (en anonym sag "
        "tæller som ét barn). Et barn hører til sagens distrikt i registret, ellers mødets."
    ),
    "Named or anonymous: a discussion names the child when its legal basis held on "
    "the meeting day (consent covering the meeting type, Retsplejeloven § 115 at SSP, "
    "a report of concern, another basis given in words); otherwise it was anonymous.": (
        "Med navn eller anonymt: en drøftelse nævner barnet, når dens hjemmel gjaldt på "
        "mødedagen (samtykke, der dækker mødetypen, retsplejelovens § 115 i SSP, en "
        "underretning, en anden hjemmel angivet med ord); ellers var den anonym."
    ),
    "Level and step: a child's latest level is the last Trivselslinealen assessment "
    "in the year; the age band is the child's age at the year's last discussion "
    "(anonymous cases have no birth date). A discussion's step is the step of the "
    "level set at that item. Movement compares the step of a child's first and last "
    "assessment in the year, for children assessed at least twice; moves between "
    "levels 4 and 5 stay within the intrusive step.": (
        "Niveau og trin: et barns seneste niveau er årets sidste vurdering på "
        "Trivselslinealen; aldersgruppen er barnets alder ved årets sidste drøftelse (anonyme "
        "sager har ingen fødselsdato). En drøftelses trin er trinnet for det niveau, der blev "
        "sat ved punktet. Bevægelse sammenligner trinnet ved barnets første og sidste "
        "vurdering i året for børn, der er vurderet mindst to gange; skift mellem niveau 4 og "
        "5 ligger inden for det indgribende trin."
    ),
    "Timely action: for children discussed for the first time ever in the year, the "
    "days from that discussion to the first meeting that agreed an action about the "
    "child (0 when the first discussion agreed one).": (
        "Rettidig indsats: for børn, der blev drøftet første gang nogensinde i året, antal "
        "dage fra den drøftelse til det første møde, der aftalte en handling om barnet (0, "
        "når den første drøftelse aftalte en)."
    ),
    "An item at a forvisitation meeting is a referral; an item whose legal basis is a "
    "report of concern (Barnets lov § 133), where this discussion's was not, is a new "
    "report of concern. At forvisitation, an agreed next step with its provision (a "
    "conversation with the child, a child-welfare investigation) is a decision. "
    "Anything else counts as staying in universal services.": (
        "Et punkt på et forvisitationsmøde er en henvisning; et punkt med underretning "
        "(barnets lovs § 133) som hjemmel, hvor denne drøftelses hjemmel ikke var det, er en "
        "ny underretning. På forvisitation er et aftalt næste skridt med sin lovhjemmel "
        "(børnesamtale, børnefaglig undersøgelse) en beslutning. Alt andet tæller som at "
        "forblive i almene tilbud."
    ),
    "Agreements: the actions agreed at the year's discussions, as they stand on "
    "{day}: done by the deadline, done after it, open and not yet due, open and past "
    "the deadline, or cancelled.": (
        "Aftaler: handlinger aftalt ved årets drøftelser, som de står den {day}: udført "
        "inden fristen, udført efter den, åben og ikke forfalden, åben og over fristen eller "
        "annulleret."
    ),
    "Reports for single districts are each protected on their own; do not publish "
    "them beside the whole municipality's, since differences between the reports can "
    "reveal hidden counts.": (
        "Rapporter for enkelte distrikter er beskyttet hver for sig; offentliggør dem ikke "
        "sammen med rapporten for hele kommunen, da forskelle mellem rapporterne kan afsløre "
        "skjulte tal."
    ),
    "Follow-up on the child and youth policy {year}": (
        "Opfølgning på børne- og ungepolitikken {year}"
    ),
    "No personal data.": "Ingen personoplysninger.",
    "The method is at the end.": "Metoden står bagest.",
    "«<5»: 1–4. «x»: hidden so that a small count cannot be worked out.": (
        "«<5»: 1–4. «x»: skjult, så et lille tal ikke kan regnes ud."
    ),
    "The whole municipality": "Hele kommunen",
    "the whole municipality": "hele kommunen",
    "{year} total": "I alt {year}",
    "{title} ({year}; counted: {unit})": "{title} ({year}; optalt: {unit})",
    "Categories are merged: most counts would otherwise be hidden.": (
        "Kategorier er slået sammen, da de fleste tal ellers ville være skjult."
    ),
    "{where}. Annual follow-up on the coherent child and youth policy, from the "
    "cross-disciplinary meetings' own record. Made on {day}.": (
        "{where}. Årlig opfølgning på den sammenhængende børne- og ungepolitik, opgjort i de "
        "tværfaglige mødernes egne data. Udarbejdet {day}."
    ),
    "Key figures": "Nøgletal",
    "Compared with last year": "Sammenlignet med sidste år",
    "Method": "Metode",
    "Too few discussions in {year} to show any figure.": (
        "For få drøftelser i {year} til at vise tal."
    ),
    "{year}: only the totals can be shown without revealing a small count.": (
        "{year}: kun totalerne kan vises uden at afsløre et lille tal."
    ),
    "Shares in brackets are of the column total.": "Andele i parentes er af kolonnens total.",
    "Shares in brackets are of the row total.": "Andele i parentes er af rækkens total.",
    "hidden": "skjult",
    "Policy follow-up {year}: {where}": "Opfølgning på børne- og ungepolitikken {year}: {where}",
    "1 Discussions": "1 Drøftelser",
    "1 Named or anonymous": "1 Navn eller anonymt",
    "1 Districts": "1 Distrikter",
    "2 Level and age": "2 Niveau og alder",
    "3 Steps": "3 Trin",
    "4 Movement": "4 Bevægelse",
    "5 Timely action": "5 Rettidig indsats",
    "6 Outcomes": "6 Udfald",
    "6 Discussed again": "6 Drøftet igen",
    "7 Agreements": "7 Aftaler",
    "Counted: {unit}. {where}.": "Optalt: {unit}. {where}.",
    "Agreements as of {day}.": "Aftaler opgjort den {day}.",
    "Too few discussions this year to show any figure.": (
        "For få drøftelser dette år til at vise tal."
    ),
    "Only the totals can be shown without revealing a small count.": (
        "Kun totalerne kan vises uden at afsløre et lille tal."
    ),
    "Share of the column (%)": "Andel af kolonnen (%)",
    "Share of the row (%)": "Andel af rækken (%)",
    "Overview": "Oversigt",
    "the annual policy follow-up: figures with no child identifiable": (
        "den årlige opfølgning på børne- og ungepolitikken: tal, hvor intet barn kan genkendes"
    ),
    "which report": "hvilken rapport",
    "the year (beside the year before)": "året (ved siden af året før)",
    "one district (code or name); default: all": "ét distrikt (kode eller navn); standard: alle",
    "the file to write: .pdf or .xlsx": "filen, der skal skrives: .pdf eller .xlsx",
    "{text} is not a year": "{text} er ikke et årstal",
    "A database exists already at {path}.": ("Der findes allerede en database i {path}."),
    "Give both --tls-cert and --tls-key.": ("Angiv både --tls-cert og --tls-key."),
    "Give the computer a name.": ("Giv computeren et navn."),
    "Log in again: the session has ended.": ("Log ind igen: sessionen er udløbet."),
    "No such computer is registered.": ("Der er ikke registreret nogen computer med det id."),
    "Plain HTTP (--insecure-dev) is allowed on 127.0.0.1 only.": (
        "Ukrypteret HTTP (--insecure-dev) er kun tilladt på 127.0.0.1."
    ),
    "The server cannot be reached.": ("Serveren kan ikke nås."),
    "The password can only be changed while this computer reaches the server.": (
        "Adgangskoden kan kun skiftes, mens computeren har forbindelse til serveren."
    ),
    "The server refused the request.": ("Serveren afviste forespørgslen."),
    "The server speaks TLS only: give --tls-cert and --tls-key.": (
        "Serveren bruger kun krypteret forbindelse (TLS): angiv --tls-cert og --tls-key."
    ),
    "The server's certificate could not be trusted.": (
        "Serverens certifikat kunne ikke godkendes."
    ),
    "This computer is not registered, or its access was revoked.": (
        "Denne computer er ikke registreret, eller dens adgang er blevet lukket."
    ),
    "This computer is registered to another user.": (
        "Denne computer er registreret til en anden bruger."
    ),
    "This computer's or this user's access was revoked.": (
        "Denne computers eller denne brugers adgang er blevet lukket."
    ),
    "This database is not connected to a server.": (
        "Denne database er ikke forbundet til en server."
    ),
    "create the server's database and its first administrator": (
        "opret serverens database og dens første administrator"
    ),
    "the address to listen on": ("adressen, der lyttes på"),
    "the server's PostgreSQL database: postgresql+psycopg://USER@/DBNAME?host=DIR": (
        "serverens PostgreSQL-database: postgresql+psycopg://BRUGER@/DATABASE?host=MAPPE"
    ),
    "connect this computer to the server: a replica of your part of the record": (
        "forbind denne computer til serveren: en kopi af din del af databasen"
    ),
    "the server, e.g. https://server:8443": ("serveren, fx https://server:8443"),
    "Serving {url}": ("Serverer {url}"),
    "the port to listen on": ("porten, der lyttes på"),
    "the server's certificate (PEM)": ("serverens certifikat (PEM)"),
    "worker processes": ("antal arbejdsprocesser"),
    "revoked": ("lukket"),
    "The computer's access is revoked.": ("Computerens adgang er lukket."),
    "serve the API": ("kør serverens API"),
    "run the shared record's server (administrators)": (
        "kør den fælles databases server (administratorer)"
    ),
    "the server's CA certificate (PEM)": ("serverens CA-certifikat (PEM)"),
    "Unknown action.": ("Ukendt handling."),
    "this computer's name on the server": ("computerens navn på serveren"),
    "the registered computers": ("de registrerede computere"),
    "plain HTTP on 127.0.0.1, for development only": (
        "ukrypteret HTTP på 127.0.0.1, kun til udvikling"
    ),
    "changes the server refused, kept for you": ("ændringer, serveren afviste, gemt til dig"),
    "the first administrator (password: STEVNSMOEDER_NEW_PASSWORD or a prompt)": (
        "den første administrator (adgangskode: STEVNSMOEDER_NEW_PASSWORD eller en forespørgsel)"
    ),
    "bring the replica in step": ("synkronisér kopien med serveren"),
    "the certificate's private key (PEM)": ("certifikatets private nøgle (PEM)"),
    "Connected. {path} holds {meetings} and {cases}.": (
        "Forbundet. {path} indeholder {meetings} og {cases}."
    ),
    "the server's users (administrators)": ("serverens brugere (administratorer)"),
    "--database needs a PostgreSQL URL: postgresql+psycopg://USER@/DBNAME?host=DIR": (
        "--database skal være en PostgreSQL-URL: postgresql+psycopg://BRUGER@/DATABASE?host=MAPPE"
    ),
    "revoke a computer's access": ("luk en computers adgang"),
    "Give the replica's file with --db.": ("Angiv kopiens fil med --db."),
    "list the computers": ("vis computerne"),
    "the computer's id": ("computerens id"),
    "In step: {pulled} from the server, {removed} removed, {pushed} sent.": (
        "Synkroniseret: {pulled} fra serveren, {removed} fjernet, {pushed} sendt."
    ),
    "The change belongs to someone else.": ("Ændringen tilhører en anden."),
    "The server could not apply the change.": ("Serveren kunne ikke gennemføre ændringen."),
    "Someone else changed this text meanwhile.": ("En anden har ændret teksten i mellemtiden."),
    "Running on {name}'s computer": ("I gang på {name}s computer"),
    "The meeting is already running on {name}'s computer.": (
        "Mødet er allerede i gang på {name}s computer."
    ),
    "This computer's access was revoked.": ("Denne computers adgang er lukket."),
    (
        "The access of this user or this computer to the shared record was closed. Its copy "
        "on this computer has been deleted."
    ): (
        "Denne brugers eller denne computers adgang til den fælles database er lukket. Kopien"
        " på denne computer er slettet."
    ),
    "set up and start a complete server to try, with the demo (not for real use)": (
        "opret og start en komplet server at prøve, med demodata (ikke til rigtig brug)"
    ),
    "where its data is kept": ("hvor dens data gemmes"),
    "Only PPR takes cases along.": ("Kun PPR kan tage sager med."),
    "Say why the case is taken along.": ("Skriv, hvorfor sagen tages med."),
    "The reason is too long.": ("Begrundelsen er for lang."),
    "Take the case along for at most 90 days from today.": (
        "Tag sagen med i højst 90 dage fra i dag."
    ),
    "{who} took case {case} along to their computer": ("{who} tog sag {case} med på sin computer"),
    "{who} put case {case} back": ("{who} lagde sag {case} tilbage"),
    "Users are managed on the server (stevnsmoeder server users), not on a copy.": (
        "Brugere styres på serveren (stevnsmoeder server users), ikke på en kopi."
    ),
    # deciding on the changes the server refused (services/sync_conflicts.py, cli_sync.py)
    "Open agreements brought to the meeting": "Åbne aftaler bragt med til mødet",
    "Items carried over to the meeting": "Punkter overført til mødet",
    "Closing the case": "Lukning af sagen",
    "A new case": "En ny sag",
    "Reopening the case": "Genåbning af sagen",
    "A custody holder": "En forældremyndighedsindehaver",
    "A consent": "Et samtykke",
    "Ending the meeting": "Afslutning af mødet",
    "Going to another item": "Skift til et andet punkt",
    "An item moved to the next meeting": "Et punkt flyttet til næste møde",
    "Setting the meeting back to planned": "Mødet sat tilbage til planlagt",
    "Who is present": "Fremmøde",
    "Starting the meeting": "Start af mødet",
    "Going to the next or previous item": "Skift til næste eller forrige punkt",
    "An item taken back into the meeting": "Et punkt taget tilbage i mødet",
    "A new family team meeting": "Et nyt familieteammøde",
    "A new meeting": "Et nyt møde",
    "An agreement": "En aftale",
    "An addendum": "Et tillæg",
    "The next step": "Næste skridt",
    "Approving the minutes": "Godkendelse af referatet",
    "An agreement marked done": "En aftale markeret som udført",
    "Removing an agreement": "Fjernelse af en aftale",
    "A text in the minutes": "En tekst i referatet",
    "The next follow-up": "Næste opfølgning",
    "The Trivselslinealen level": "Niveauet på Trivselslinealen",
    "The provision of the preliminary decision": "Hjemlen til den foreløbige beslutning",
    "An item about a child": "Et punkt om et barn",
    "A new agenda item": "Et nyt punkt på dagsordenen",
    "Inviting the family": "Invitation af familien",
    "Moving an agenda item": "Flytning af et punkt på dagsordenen",
    "Removing an agenda item": "Fjernelse af et punkt fra dagsordenen",
    "Removing a participant": "Fjernelse af en deltager",
    "The order of the agenda": "Dagsordenens rækkefølge",
    "Who attends": "Hvem der deltager",
    "The legal basis of an item": "Hjemlen for et punkt",
    "Changing an agenda item": "Ændring af et punkt på dagsordenen",
    "Closed days": "Lukkedage",
    "A participant": "En deltager",
    "Cancelling the meeting": "Aflysning af mødet",
    "When a meeting series meets": "Hvornår en mødeserie mødes",
    "A new meeting series": "En ny mødeserie",
    "Planning a series' meetings ahead": "Planlægning af en series møder",
    "Moving the meeting": "Flytning af mødet",
    "A change": "En ændring",
    "{field}: {what}": "{field}: {what}",
    "item {n} ({meeting})": "punkt {n} ({meeting})",
    "case {reference}": "sag {reference}",
    "The minutes of item {n} ({meeting})": "Referatet til punkt {n} ({meeting})",
    "{action}: {where}": "{action}: {where}",
    "There is no such conflict on this computer.": "Konflikten findes ikke på denne computer.",
    "No conflict has the id {id}.": "Ingen konflikt har id'et {id}.",
    "More than one conflict has an id starting with {id}.": (
        "Flere konflikter har et id, der begynder med {id}."
    ),
    "What the change was about is not on this computer (any more).": (
        "Det, ændringen handlede om, er ikke (længere) på denne computer."
    ),
    "The server has the record without your change.": "Serveren har data uden din ændring.",
    "The meeting is {status}.": "Mødet er {status}.",
    "Its minutes are approved and locked.": "Referatet er godkendt og låst.",
    "It is running on {holder}'s computer ({device}).": (
        "Det er i gang på {holder}s computer ({device})."
    ),
    "This program cannot read the change, so it cannot be made again.": (
        "Programmet kan ikke læse ændringen, så den kan ikke foretages igen."
    ),
    "What the change was about is not on this computer (any more): your access may have "
    "changed. It cannot be made again.": (
        "Det, ændringen handlede om, er ikke (længere) på denne computer: din adgang kan være "
        "ændret. Den kan ikke foretages igen."
    ),
    "The minutes were approved meanwhile, so your text cannot go into them. Copy it, or "
    "keep it as an addendum.": (
        "Referatet er blevet godkendt i mellemtiden, så din tekst kan ikke komme ind i det. "
        "Kopiér den, eller gem den som et tillæg."
    ),
    "The minutes were approved meanwhile, so your text cannot go into them. Copy it to keep it.": (
        "Referatet er blevet godkendt i mellemtiden, så din tekst kan ikke komme ind i det. "
        "Kopiér den for at gemme den."
    ),
    "The minutes were approved meanwhile, so the change cannot be made any more.": (
        "Referatet er blevet godkendt i mellemtiden, så ændringen kan ikke længere foretages."
    ),
    "This conflict is decided already.": "Der er allerede taget stilling til konflikten.",
    "Only a text can be merged by hand.": "Kun en tekst kan flettes i hånden.",
    "Only a text for minutes approved meanwhile is kept as an addendum.": (
        "Kun en tekst til et referat, der er godkendt i mellemtiden, gemmes som et tillæg."
    ),
    "This choice cannot be made for the conflict.": "Det valg kan ikke træffes for konflikten.",
    "show a conflict beside the server's version": (
        "vis en konflikt ved siden af serverens version"
    ),
    "the conflict's id (its start is enough)": "konfliktens id (begyndelsen er nok)",
    "decide on a conflict": "tag stilling til en konflikt",
    "keep your version (made again), the server's, or your text as an addendum to minutes "
    "approved meanwhile": (
        "behold din version (foretages igen), serverens, eller din tekst som et tillæg til et "
        "referat, der er godkendt i mellemtiden"
    ),
    "save the text in FILE (UTF-8), merged by hand from both versions": (
        "gem teksten i FIL (UTF-8), flettet i hånden af begge versioner"
    ),
    "The merged text is saved; it is sent at the next sync.": (
        "Den flettede tekst er gemt; den sendes ved næste synkronisering."
    ),
    "Your change is made again; it is sent at the next sync.": (
        "Din ændring er foretaget igen; den sendes ved næste synkronisering."
    ),
    "Your text is kept as an addendum; it is sent at the next sync.": (
        "Din tekst er gemt som et tillæg; det sendes ved næste synkronisering."
    ),
    "The server's version is kept.": "Serverens version er beholdt.",
    "The file {path} cannot be read as UTF-8 text.": (
        "Filen {path} kan ikke læses som UTF-8-tekst."
    ),
    "Your version – {by}": "Din version – {by}",
    "The server's version – approved by {by}": "Serverens version – godkendt af {by}",
    "The server's version – {by}": "Serverens version – {by}",
    "The server's version": "Serverens version",
    "Field: {field}": "Felt: {field}",
    "Decided {when}: {choice}": "Afgjort {when}: {choice}",
    "Choices: {choices}": "Valg: {choices}",
    # the policy follow-up on a replica (services.followup_online)
    "The follow-up is counted on the server, which holds the whole record (this "
    "computer holds only your part of it), and the server cannot be reached. Try again "
    "when the computer is on the municipality's network.": (
        "Opfølgningen regnes ud på serveren, som har hele databasen (denne computer har kun "
        "din del af den), og serveren kan ikke nås. Prøv igen, når computeren er på "
        "kommunens netværk."
    ),
    "The server's answer could not be read.": "Serverens svar kunne ikke læses.",
}

# Messages about a count: the English (singular, plural) to the Danish (singular, plural).
DANISH_PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    (
        (
            "This computer has not reached the server for more than {n} day: the data can be "
            "read, not changed, until it is synchronised."
        ),
        (
            "This computer has not reached the server for more than {n} days: the data can be"
            " read, not changed, until it is synchronised."
        ),
    ): (
        (
            "Denne computer har ikke været i kontakt med serveren i over {n} dag: data kan "
            "læses, men ikke ændres, til den er synkroniseret."
        ),
        (
            "Denne computer har ikke været i kontakt med serveren i over {n} dage: data kan "
            "læses, men ikke ændres, til den er synkroniseret."
        ),
    ),
    (
        (
            "This computer has not reached the server for {n} day. Connect to the network and"
            " synchronise it before it is opened."
        ),
        (
            "This computer has not reached the server for {n} days. Connect to the network "
            "and synchronise it before it is opened."
        ),
    ): (
        (
            "Denne computer har ikke været i kontakt med serveren i {n} dag. Forbind til "
            "netværket og synkronisér, før den kan åbnes."
        ),
        (
            "Denne computer har ikke været i kontakt med serveren i {n} dage. Forbind til "
            "netværket og synkronisér, før den kan åbnes."
        ),
    ),
    ("{n} conflict", "{n} conflicts"): ("{n} konflikt", "{n} konflikter"),
    ("{n} conflict to decide", "{n} conflicts to decide"): (
        "{n} konflikt at tage stilling til",
        "{n} konflikter at tage stilling til",
    ),
    ("{n} change", "{n} changes"): ("{n} ændring", "{n} ændringer"),
    ("{n} computer", "{n} computers"): ("{n} computer", "{n} computere"),
    ("{n} meeting", "{n} meetings"): ("{n} møde", "{n} møder"),
    ("{n} case", "{n} cases"): ("{n} sag", "{n} sager"),
    ("{n} series", "{n} series"): ("{n} serie", "{n} serier"),
    ("{n} item", "{n} items"): ("{n} punkt", "{n} punkter"),
    ("{n} user", "{n} users"): ("{n} bruger", "{n} brugere"),
    ("{n} event", "{n} events"): ("{n} hændelse", "{n} hændelser"),
    ("{n} year", "{n} years"): ("{n} år", "{n} år"),
    ("{n} broken reference", "{n} broken references"): (
        "{n} brudt reference",
        "{n} brudte referencer",
    ),
    ("{n} meeting written to {path}", "{n} meetings written to {path}"): (
        "{n} møde skrevet til {path}",
        "{n} møder skrevet til {path}",
    ),
    ("{path} written ({n} page).", "{path} written ({n} pages)."): (
        "{path} er skrevet ({n} side).",
        "{path} er skrevet ({n} sider).",
    ),
    ("{n} hit in {ms} ms", "{n} hits in {ms} ms"): ("{n} fund på {ms} ms", "{n} fund på {ms} ms"),
    ("The search index holds {n} item again.", "The search index holds {n} items again."): (
        "Søgeindekset rummer igen {n} punkt.",
        "Søgeindekset rummer igen {n} punkter.",
    ),
    (
        "Creating the demo database with {n} year of meetings …",
        "Creating the demo database with {n} years of meetings …",
    ): (
        "Opretter demodatabasen med {n} års møder …",
        "Opretter demodatabasen med {n} års møder …",
    ),
    (
        "Restored from {source}: {n} access-log event, the last on {day}.",
        "Restored from {source}: {n} access-log events, the last on {day}.",
    ): (
        "Gendannet fra {source}: {n} hændelse i adgangsloggen, den sidste {day}.",
        "Gendannet fra {source}: {n} hændelser i adgangsloggen, den sidste {day}.",
    ),
    (
        "The database and {n} backup have a new key ({seconds} s); older copies of the "
        "key file no longer open them.",
        "The database and {n} backups have a new key ({seconds} s); older copies of the "
        "key file no longer open them.",
    ): (
        "Databasen og {n} sikkerhedskopi har fået en ny nøgle ({seconds} s); ældre kopier "
        "af nøglefilen åbner dem ikke længere.",
        "Databasen og {n} sikkerhedskopier har fået en ny nøgle ({seconds} s); ældre kopier "
        "af nøglefilen åbner dem ikke længere.",
    ),
    (
        "Closed cases are kept {n} year, then: {mode}.",
        "Closed cases are kept {n} years, then: {mode}.",
    ): (
        "Afsluttede sager gemmes i {n} år, derefter: {mode}.",
        "Afsluttede sager gemmes i {n} år, derefter: {mode}.",
    ),
    ("{n} case would be purged ({mode}).", "{n} cases would be purged ({mode})."): (
        "{n} sag ville blive ryddet ({mode}).",
        "{n} sager ville blive ryddet ({mode}).",
    ),
    ("{n} case purged ({mode}).", "{n} cases purged ({mode})."): (
        "{n} sag ryddet ({mode}).",
        "{n} sager ryddet ({mode}).",
    ),
    ("{n} event exported to {folder}", "{n} events exported to {folder}"): (
        "{n} hændelse eksporteret til {folder}",
        "{n} hændelser eksporteret til {folder}",
    ),
    ("The access log is unbroken ({n} event).", "The access log is unbroken ({n} events)."): (
        "Adgangsloggen er ubrudt ({n} hændelse).",
        "Adgangsloggen er ubrudt ({n} hændelser).",
    ),
    (
        "There was {n} failed login with your user name since your last login, "
        "the latest on {when}.",
        "There were {n} failed logins with your user name since your last login, "
        "the latest on {when}.",
    ): (
        "Der har været {n} mislykket loginforsøg med dit brugernavn siden dit sidste login, "
        "senest {when}.",
        "Der har været {n} mislykkede loginforsøg med dit brugernavn siden dit sidste login, "
        "senest {when}.",
    ),
    ("Wait {n} second before you try again.", "Wait {n} seconds before you try again."): (
        "Vent {n} sekund, før du prøver igen.",
        "Vent {n} sekunder, før du prøver igen.",
    ),
    ("{n} document filed in {folder}.", "{n} documents filed in {folder}."): (
        "{n} dokument arkiveret i {folder}.",
        "{n} dokumenter arkiveret i {folder}.",
    ),
    ("{n} document not filed", "{n} documents not filed"): (
        "{n} dokument er ikke arkiveret",
        "{n} dokumenter er ikke arkiveret",
    ),
    ("{n} day", "{n} days"): ("{n} dag", "{n} dage"),
    ("Within {n} day", "Within {n} days"): ("Inden for {n} dag", "Inden for {n} dage"),
    ("{low}–{n} day", "{low}–{n} days"): ("{low}–{n} dag", "{low}–{n} dage"),
    ("More than {n} day", "More than {n} days"): ("Mere end {n} dag", "Mere end {n} dage"),
    ("{low}–{n} year", "{low}–{n} years"): ("{low}–{n} år", "{low}–{n} år"),
    ("{path} written ({n} sheet).", "{path} written ({n} sheets)."): (
        "{path} er skrevet ({n} ark).",
        "{path} er skrevet ({n} ark).",
    ),
    (
        "Outcomes: the record holds no referral or report of concern as such, so they are "
        "read from the child's next item on an agenda within {n} week.",
        "Outcomes: the record holds no referral or report of concern as such, so they are "
        "read from the child's next item on an agenda within {n} weeks.",
    ): (
        "Udfald: data rummer ikke henvisninger og underretninger som sådan, så de aflæses af "
        "barnets næste punkt på en dagsorden inden for {n} uge.",
        "Udfald: data rummer ikke henvisninger og underretninger som sådan, så de aflæses af "
        "barnets næste punkt på en dagsorden inden for {n} uger.",
    ),
}
