<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>ActionPane</name>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>done</source>
        <translation>udført</translation>
    </message>
    <message>
        <source>open</source>
        <translation>åben</translation>
    </message>
    <message>
        <source>What – Ctrl+Shift+A</source>
        <translation>Hvad – Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Tilføj handling</translation>
    </message>
    <message>
        <source>Actions (who, what, when)</source>
        <translation>Handlinger (hvem, hvad, hvornår)</translation>
    </message>
</context>
<context>
    <name>AddItemDialog</name>
    <message>
        <source>Add agenda item</source>
        <translation>Tilføj dagsordenspunkt</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Orientering</translation>
    </message>
    <message>
        <source>Standing item</source>
        <translation>Fast punkt</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Slags:</translation>
    </message>
    <message>
        <source>Time box:</source>
        <translation>Tidsramme:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tilføj</translation>
    </message>
    <message>
        <source>Give the item a title.</source>
        <translation>Giv punktet en titel.</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>Opret bruger</translation>
    </message>
    <message>
        <source>A new person with this name</source>
        <translation>En ny person med dette navn</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Fulde navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Person in the register</source>
        <translation>Person i registret</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>Password once more</source>
        <translation>Adgangskode igen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Opret</translation>
    </message>
    <message>
        <source>Give the user a user name.</source>
        <translation>Giv brugeren et brugernavn.</translation>
    </message>
    <message>
        <source>Give the user&apos;s full name, or choose a person.</source>
        <translation>Skriv brugerens fulde navn, eller vælg en person.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>De to adgangskoder er ikke ens.</translation>
    </message>
</context>
<context>
    <name>AddendumDialog</name>
    <message>
        <source>Addendum</source>
        <translation>Tillæg</translation>
    </message>
    <message>
        <source>The meeting in general</source>
        <translation>Mødet generelt</translation>
    </message>
    <message>
        <source>An addendum about an item is shown to whoever may see that item. One about the meeting in general is shown only to those who see every item: name no child in it.</source>
        <translation>Et tillæg om et punkt vises for dem, der må se punktet. Et tillæg om mødet generelt vises kun for dem, der må se alle mødets punkter: nævn ikke noget barn i det.</translation>
    </message>
    <message>
        <source>Add the addendum</source>
        <translation>Tilføj tillægget</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>Om:</translation>
    </message>
    <message>
        <source>The correction, in full:</source>
        <translation>Rettelsen i sin helhed:</translation>
    </message>
</context>
<context>
    <name>AgendaEditing</name>
    <message>
        <source>New case</source>
        <translation>Ny sag</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Fjern punkt</translation>
    </message>
    <message>
        <source>Remove &apos;%1&apos; from the agenda?</source>
        <translation>Fjern »%1« fra dagsordenen?</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Kl.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Lovgrundlag</translation>
    </message>
    <message>
        <source>Min.</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonym</translation>
    </message>
    <message>
        <source>Carried over from last time</source>
        <translation>Overført fra sidste møde</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>All actions</source>
        <translation>Alle handlinger</translation>
    </message>
    <message>
        <source>Logins and failures</source>
        <translation>Login og fejl</translation>
    </message>
    <message>
        <source>Case views</source>
        <translation>Opslag i sager</translation>
    </message>
    <message>
        <source>Searches</source>
        <translation>Søgninger</translation>
    </message>
    <message>
        <source>Prints and exports</source>
        <translation>Udskrifter og eksport</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Referat</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>Afvisninger</translation>
    </message>
    <message>
        <source>Case no. (S-2026-0001)</source>
        <translation>Sagsnr. (S-2026-0001)</translation>
    </message>
    <message>
        <source>from the start</source>
        <translation>fra begyndelsen</translation>
    </message>
    <message>
        <source>until now</source>
        <translation>til nu</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>Kontrollér kæden</translation>
    </message>
    <message>
        <source>Export for a child …</source>
        <translation>Eksportér for et barn …</translation>
    </message>
    <message>
        <source>Export for the log collector …</source>
        <translation>Eksportér til logopsamling …</translation>
    </message>
    <message>
        <source>Every closing appends the new events, signed, to a file per day in this folder: a record of the log outside the database.</source>
        <translation>Hver lukning tilføjer de nye hændelser, signeret, til en fil pr. dag i denne mappe: en kopi af loggen uden for databasen.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n hændelse</numerusform>
            <numerusform>%n hændelser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The access log is unbroken (%n events).</source>
        <translation>
            <numerusform>Adgangsloggen er ubrudt (%n hændelse).</numerusform>
            <numerusform>Adgangsloggen er ubrudt (%n hændelser).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events exported to %1</source>
        <translation>
            <numerusform>%n hændelse eksporteret til %1</numerusform>
            <numerusform>%n hændelser eksporteret til %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The access log is BROKEN at event %1.</source>
        <translation>Adgangsloggen er BRUDT ved hændelse %1.</translation>
    </message>
    <message>
        <source>User (name or user name)</source>
        <translation>Bruger (navn eller brugernavn)</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>Adgangslog</translation>
    </message>
    <message>
        <source>Export for a child</source>
        <translation>Eksportér for et barn</translation>
    </message>
    <message>
        <source>Case no.:</source>
        <translation>Sagsnr.:</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-filer (*.json)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Gemt: %1</translation>
    </message>
    <message>
        <source>Export for the log collector</source>
        <translation>Eksportér til logopsamling</translation>
    </message>
</context>
<context>
    <name>AwaitingApprovalSection</name>
    <message>
        <source>Open the meeting to finish and approve its minutes.</source>
        <translation>Åbn mødet for at gøre referatet færdigt og godkende det.</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Afholdt</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <source>Minutes awaiting approval</source>
        <translation>Referater til godkendelse</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
</context>
<context>
    <name>BacklogSection</name>
    <message>
        <source>(the oldest %1 shown)</source>
        <translation>(de ældste %1 vises)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>BasisPane</name>
    <message>
        <source>Use this consent</source>
        <translation>Brug dette samtykke</translation>
    </message>
    <message>
        <source>Record consent …</source>
        <translation>Registrér samtykke …</translation>
    </message>
    <message>
        <source>Retsplejeloven § 115 (SSP)</source>
        <translation>Retsplejeloven § 115 (SSP)</translation>
    </message>
    <message>
        <source>Report of concern (underretning)</source>
        <translation>Underretning</translation>
    </message>
    <message>
        <source>Other legal basis …</source>
        <translation>Andet lovgrundlag …</translation>
    </message>
    <message>
        <source>Discuss anonymously</source>
        <translation>Drøft anonymt</translation>
    </message>
    <message>
        <source>Invite the family</source>
        <translation>Indkald familien</translation>
    </message>
    <message>
        <source>Consents of this child:</source>
        <translation>Barnets samtykker:</translation>
    </message>
    <message>
        <source>Choose a child&apos;s item on the agenda.</source>
        <translation>Vælg et barns punkt på dagsordenen.</translation>
    </message>
    <message>
        <source>Until a basis holds, the child can only be discussed anonymously.</source>
        <translation>Indtil der er et lovgrundlag, kan barnet kun drøftes anonymt.</translation>
    </message>
    <message>
        <source>(not valid on the meeting date)</source>
        <translation>(gælder ikke på mødedagen)</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>Registrér samtykke</translation>
    </message>
    <message>
        <source>Other legal basis</source>
        <translation>Andet lovgrundlag</translation>
    </message>
    <message>
        <source>Which legal basis, and why?</source>
        <translation>Hvilket lovgrundlag, og hvorfor?</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Previous</source>
        <translation>Forrige</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Næste</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Uge</translation>
    </message>
    <message>
        <source>All meeting types</source>
        <translation>Alle mødetyper</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Alle distrikter</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Week %1 · %2</source>
        <translation>Uge %1 · %2</translation>
    </message>
    <message>
        <source>Meetings in this period</source>
        <translation>Møder i perioden</translation>
    </message>
</context>
<context>
    <name>CarryOverPane</name>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Aftale</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <source>Put the chosen items on this agenda</source>
        <translation>Sæt de valgte punkter på denne dagsorden</translation>
    </message>
    <message>
        <source>Note the chosen agreements under the child&apos;s item</source>
        <translation>Notér de valgte aftaler under barnets punkt</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Se efter igen</translation>
    </message>
    <message>
        <source>Not reached or pushed at the previous meeting:</source>
        <translation>Ikke nået eller udskudt på sidste møde:</translation>
    </message>
    <message>
        <source>Open agreements for the children on the agenda, from any meeting:</source>
        <translation>Åbne aftaler for børnene på dagsordenen, fra alle møder:</translation>
    </message>
    <message>
        <source>Carry-over</source>
        <translation>Overførsel</translation>
    </message>
    <message>
        <source>Choose items in the list first.</source>
        <translation>Vælg først punkter på listen.</translation>
    </message>
    <message>
        <source>Choose agreements first.</source>
        <translation>Vælg først aftaler.</translation>
    </message>
    <message>
        <source>Choose agreements about one child at a time.</source>
        <translation>Vælg aftaler om ét barn ad gangen.</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Filter cases by name, case no., school …</source>
        <translation>Filtrér sager efter navn, sagsnr., skole …</translation>
    </message>
    <message>
        <source>New family team meeting …</source>
        <translation>Nyt familie team møde …</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>&amp;Åbn sag</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Sager</translation>
    </message>
    <message>
        <source>Choose a child in the list first.</source>
        <translation>Vælg først et barn på listen.</translation>
    </message>
</context>
<context>
    <name>ChildItemDialog</name>
    <message>
        <source>Add a child to the agenda</source>
        <translation>Tilføj et barn til dagsordenen</translation>
    </message>
    <message>
        <source>Find a child by name, case no. or school …</source>
        <translation>Find et barn efter navn, sagsnr. eller skole …</translation>
    </message>
    <message>
        <source>Reopen the case and put it on the agenda</source>
        <translation>Genåbn sagen og sæt den på dagsordenen</translation>
    </message>
    <message>
        <source>A child in the case register</source>
        <translation>Et barn i sagsregistret</translation>
    </message>
    <message>
        <source>A new named child</source>
        <translation>Et nyt navngivet barn</translation>
    </message>
    <message>
        <source>A new anonymous case (pseudonym only)</source>
        <translation>En ny anonym sag (kun pseudonym)</translation>
    </message>
    <message>
        <source>DDMMYY-SSSS (optional)</source>
        <translation>DDMMÅÅ-LLLL (kan udelades)</translation>
    </message>
    <message>
        <source>e.g. Girl, 9, 3rd grade</source>
        <translation>fx Pige, 9 år, 3. klasse</translation>
    </message>
    <message>
        <source>mother, father, guardian</source>
        <translation>mor, far, værge</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Fornavn:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Efternavn:</translation>
    </message>
    <message>
        <source>CPR:</source>
        <translation>CPR:</translation>
    </message>
    <message>
        <source>Pseudonym:</source>
        <translation>Pseudonym:</translation>
    </message>
    <message>
        <source>School/institution:</source>
        <translation>Skole/institution:</translation>
    </message>
    <message>
        <source>District:</source>
        <translation>Distrikt:</translation>
    </message>
    <message>
        <source>Custody holder:</source>
        <translation>Forældremyndighed:</translation>
    </message>
    <message>
        <source>Relation:</source>
        <translation>Relation:</translation>
    </message>
    <message>
        <source>Concern</source>
        <translation>Bekymring</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <source>Item title:</source>
        <translation>Punktets titel:</translation>
    </message>
    <message>
        <source>Time box:</source>
        <translation>Tidsramme:</translation>
    </message>
    <message>
        <source>The title is printed on the agenda: never the child&apos;s name.</source>
        <translation>Titlen står på dagsordenen: aldrig barnets navn.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tilføj</translation>
    </message>
    <message>
        <source>The case %1 was closed on %2.</source>
        <translation>Sagen %1 blev lukket %2.</translation>
    </message>
    <message>
        <source>Choose a child in the list.</source>
        <translation>Vælg et barn på listen.</translation>
    </message>
    <message>
        <source>The case is closed: tick &apos;Reopen the case&apos; to put it on the agenda, or choose another child.</source>
        <translation>Sagen er lukket: sæt flueben ved »Genåbn sagen« for at sætte den på dagsordenen, eller vælg et andet barn.</translation>
    </message>
    <message>
        <source>Give the anonymous case a pseudonym.</source>
        <translation>Giv den anonyme sag et pseudonym.</translation>
    </message>
    <message>
        <source>Give the child&apos;s first name.</source>
        <translation>Angiv barnets fornavn.</translation>
    </message>
    <message>
        <source>Give the item a title.</source>
        <translation>Giv punktet en titel.</translation>
    </message>
</context>
<context>
    <name>ClosedPeriodsDialog</name>
    <message>
        <source>Closed days</source>
        <translation>Lukkedage</translation>
    </message>
    <message>
        <source>(every year)</source>
        <translation>(hvert år)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsag</translation>
    </message>
    <message>
        <source>Public holidays are known already. Add the days the municipality is closed beyond them: school holidays, the days between Christmas and New Year, Grundlovsdag if offices close.</source>
        <translation>Helligdagene kender programmet i forvejen. Tilføj de dage, hvor kommunen derudover holder lukket: skoleferier, dagene mellem jul og nytår og grundlovsdag, hvis kontorerne lukker.</translation>
    </message>
    <message>
        <source>Reason, e.g. Vinterferie</source>
        <translation>Årsag, fx Vinterferie</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>Hvert år</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tilføj</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>Changes made on this computer that the server refused. Nothing is lost until you decide.</source>
        <translation>Ændringer foretaget på denne computer, som serveren afviste. Intet går tabt, før du har taget stilling.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Behold min</translation>
    </message>
    <message>
        <source>Keep the server&apos;s</source>
        <translation>Behold serverens</translation>
    </message>
    <message>
        <source>Merge by hand …</source>
        <translation>Flet i hånden …</translation>
    </message>
    <message>
        <source>Keep as addendum …</source>
        <translation>Gem som tillæg …</translation>
    </message>
    <message>
        <source>Copy my text</source>
        <translation>Kopiér min tekst</translation>
    </message>
    <message>
        <source>There are no changes to decide on.</source>
        <translation>Der er ingen ændringer at tage stilling til.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Field: %1</source>
        <translation>Felt: %1</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Hvorfor: %1</translation>
    </message>
    <message>
        <source>Your version – %1</source>
        <translation>Din version – %1</translation>
    </message>
    <message>
        <source>The server&apos;s version</source>
        <translation>Serverens version</translation>
    </message>
    <message>
        <source>The server&apos;s version – approved by %1</source>
        <translation>Serverens version – godkendt af %1</translation>
    </message>
    <message>
        <source>The server&apos;s version – %1</source>
        <translation>Serverens version – %1</translation>
    </message>
    <message>
        <source>Keep the server&apos;s version</source>
        <translation>Behold serverens version</translation>
    </message>
    <message>
        <source>The server&apos;s version stays, and your version is not used. It is kept with the decided conflict on this computer.</source>
        <translation>Serverens version bliver stående, og din version bruges ikke. Den gemmes sammen med den afgjorte konflikt på denne computer.</translation>
    </message>
    <message>
        <source>Merge by hand</source>
        <translation>Flet i hånden</translation>
    </message>
    <message>
        <source>Write the text as it should be, from both versions. It is saved as a new change and sent at the next sync.</source>
        <translation>Skriv teksten, som den skal være, ud fra begge versioner. Den gemmes som en ny ændring og sendes ved næste synkronisering.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Keep as addendum</source>
        <translation>Gem som tillæg</translation>
    </message>
    <message>
        <source>The minutes are approved: your text is added as a dated addendum about the item. Correct it first if need be.</source>
        <translation>Referatet er godkendt: din tekst tilføjes som et dateret tillæg om punktet. Ret den først, hvis det er nødvendigt.</translation>
    </message>
    <message>
        <source>Save as addendum</source>
        <translation>Gem som tillæg</translation>
    </message>
    <message>
        <source>Your text</source>
        <translation>Din tekst</translation>
    </message>
    <message>
        <source>Your text is copied.</source>
        <translation>Din tekst er kopieret.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to the municipality&apos;s server</source>
        <translation>Forbind til kommunens server</translation>
    </message>
    <message>
        <source>the system&apos;s certificates</source>
        <translation>systemets certifikater</translation>
    </message>
    <message>
        <source>C&amp;hoose …</source>
        <translation>&amp;Vælg …</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server&amp;adresse:</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA-&amp;fil:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Brugernavn:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
        <source>This computer gets its own encrypted copy of what you may see in the shared record. You can work offline; it keeps in step by itself when the network is there.</source>
        <translation>Computeren får sin egen krypterede kopi af det, du må se i den fælles journal. Du kan arbejde uden net; kopien holder sig selv ajour, når der er net.</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Forbind</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>The municipality&apos;s CA certificate</source>
        <translation>Kommunens CA-certifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certifikater (*.pem *.crt *.cer);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, e.g. https://stevnsmoeder.stevns.dk.</source>
        <translation>Skriv serverens adresse, fx https://stevnsmoeder.stevns.dk.</translation>
    </message>
    <message>
        <source>The CA file was not found.</source>
        <translation>CA-filen findes ikke.</translation>
    </message>
    <message>
        <source>Type your user name and password.</source>
        <translation>Skriv dit brugernavn og din adgangskode.</translation>
    </message>
    <message>
        <source>Connecting to the server …</source>
        <translation>Forbinder til serveren …</translation>
    </message>
    <message>
        <source>Registering this computer …</source>
        <translation>Registrerer computeren …</translation>
    </message>
    <message>
        <source>Logging in …</source>
        <translation>Logger ind …</translation>
    </message>
    <message>
        <source>Fetching your meetings and cases … %1 of %2</source>
        <translation>Henter dine møder og sager … %1 af %2</translation>
    </message>
    <message>
        <source>Fetching your meetings and cases …</source>
        <translation>Henter dine møder og sager …</translation>
    </message>
    <message>
        <source>Saving %1 and %2 on this computer …</source>
        <translation>Gemmer %1 og %2 på computeren …</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n møde</numerusform>
            <numerusform>%n møder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n sag</numerusform>
            <numerusform>%n sager</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: %1 and %2 are on this computer.</source>
        <translation>Forbundet: %1 og %2 er nu på computeren.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and that this computer is on the municipality&apos;s network.</source>
        <translation>Serveren kan ikke nås. Tjek adressen, og at computeren er på kommunens netværk.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be trusted. Choose the municipality&apos;s CA file (ask IT), or check the address.</source>
        <translation>Serverens certifikat kan ikke godkendes. Vælg kommunens CA-fil (spørg IT), eller tjek adressen.</translation>
    </message>
</context>
<context>
    <name>ConnectedWindow</name>
    <message numerus="yes">
        <source>The server refused %n change(s) made here: your text is kept under Conflicts.</source>
        <translation>
            <numerusform>Serveren afviste %n ændring foretaget her: din tekst er gemt under Konflikter.</numerusform>
            <numerusform>Serveren afviste %n ændringer foretaget her: din tekst er gemt under Konflikter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Se&amp;rver</source>
        <translation>Se&amp;rver</translation>
    </message>
    <message>
        <source>&amp;Synchronise now</source>
        <translation>&amp;Synkronisér nu</translation>
    </message>
    <message>
        <source>&amp;Conflicts …</source>
        <translation>&amp;Konflikter …</translation>
    </message>
    <message>
        <source>Search on the &amp;server …</source>
        <translation>Søg på &amp;serveren …</translation>
    </message>
    <message numerus="yes">
        <source>This computer has not reached the server for more than %n day(s). Everything can be read, but nothing can be changed until it has been synchronised: connect to the network.</source>
        <translation>
            <numerusform>Computeren har ikke været i kontakt med serveren i mere end %n dag. Alt kan læses, men intet kan ændres, før den er synkroniseret: forbind den til netværket.</numerusform>
            <numerusform>Computeren har ikke været i kontakt med serveren i mere end %n dage. Alt kan læses, men intet kan ændres, før den er synkroniseret: forbind den til netværket.</numerusform>
        </translation>
    </message>
    <message>
        <source>Access closed</source>
        <translation>Adgangen er lukket</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Registrér samtykke</translation>
    </message>
    <message>
        <source>What may be discussed, in the holder&apos;s words</source>
        <translation>Hvad må drøftes, med forældrenes ord</translation>
    </message>
    <message>
        <source>e.g. school, PPR and the health nurse</source>
        <translation>fx skolen, PPR og sundhedsplejen</translation>
    </message>
    <message>
        <source>No expiry date</source>
        <translation>Ingen udløbsdato</translation>
    </message>
    <message>
        <source>ESDH reference (optional)</source>
        <translation>ESDH-reference (kan udelades)</translation>
    </message>
    <message>
        <source>Consent about %1</source>
        <translation>Samtykke vedrørende %1</translation>
    </message>
    <message>
        <source>Given by:</source>
        <translation>Givet af:</translation>
    </message>
    <message>
        <source>New custody holder …</source>
        <translation>Ny forældremyndighedsindehaver …</translation>
    </message>
    <message>
        <source>Covers:</source>
        <translation>Omfatter:</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>Modtagere:</translation>
    </message>
    <message>
        <source>Given on:</source>
        <translation>Givet den:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Udløber:</translation>
    </message>
    <message>
        <source>Meetings:</source>
        <translation>Møder:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Dokument:</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registrér</translation>
    </message>
    <message>
        <source>custody holder</source>
        <translation>forældremyndighedsindehaver</translation>
    </message>
    <message>
        <source>Choose the custody holder who gave the consent; register a new one with &apos;New custody holder …&apos;.</source>
        <translation>Vælg den forældremyndighedsindehaver, der gav samtykket; registrér en ny med »Ny forældremyndighedsindehaver …«.</translation>
    </message>
    <message>
        <source>Describe what the consent covers.</source>
        <translation>Beskriv, hvad samtykket dækker.</translation>
    </message>
    <message>
        <source>Name who may receive the information.</source>
        <translation>Angiv, hvem der må modtage oplysningerne.</translation>
    </message>
    <message>
        <source>A consent cannot be given in the future.</source>
        <translation>Et samtykke kan ikke være givet i fremtiden.</translation>
    </message>
    <message>
        <source>The consent cannot expire before it is given.</source>
        <translation>Samtykket kan ikke udløbe, før det er givet.</translation>
    </message>
    <message>
        <source>Choose the kinds of meeting the consent covers.</source>
        <translation>Vælg de mødetyper, samtykket dækker.</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>Building the document …</source>
        <translation>Dokumentet dannes …</translation>
    </message>
    <message>
        <source>Save as PDF …</source>
        <translation>Gem som PDF …</translation>
    </message>
    <message>
        <source>Print …</source>
        <translation>Udskriv …</translation>
    </message>
    <message>
        <source>Save as PDF/A …</source>
        <translation>Gem som PDF/A …</translation>
    </message>
    <message>
        <source>Archival PDF/A-2b, as filed in ESDH</source>
        <translation>Arkivformatet PDF/A-2b, som dokumenter arkiveres i ESDH</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n side</numerusform>
            <numerusform>%n sider</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Gem som PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Kunne ikke skrive %1: %2</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Gemt: %1</translation>
    </message>
    <message>
        <source>Making the PDF/A …</source>
        <translation>Laver PDF/A …</translation>
    </message>
    <message>
        <source>Save as PDF/A</source>
        <translation>Gem som PDF/A</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Udskriv</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Printeren kunne ikke startes.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Sendt til printeren.</translation>
    </message>
</context>
<context>
    <name>FilingClassesDialog</name>
    <message>
        <source>Minutes</source>
        <translation>Referat</translation>
    </message>
    <message>
        <source>A child&apos;s extract</source>
        <translation>Udskrift til et barns sag</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>Sagsforløb</translation>
    </message>
    <message>
        <source>Filing in ESDH</source>
        <translation>Arkivering i ESDH</translation>
    </message>
    <message>
        <source>How each kind of document is classified when it is filed in ESDH: its KLE number (such as 27.24.00), handling facet (a letter and two digits, such as G01) and access code. Change them when the municipality&apos;s KLE plan changes.</source>
        <translation>Hvordan hver slags dokument journaliseres, når det arkiveres i ESDH: KLE-nummer (fx 27.24.00), handlingsfacet (et bogstav og to cifre, fx G01) og adgangskode. Ret dem, når kommunens KLE-plan ændres.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>KLE number</source>
        <translation>KLE-nummer</translation>
    </message>
    <message>
        <source>Handling facet</source>
        <translation>Handlingsfacet</translation>
    </message>
    <message>
        <source>Access code</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>The ESDH import folder, e.g. a network drive</source>
        <translation>ESDH&apos;s importmappe, fx et netværksdrev</translation>
    </message>
    <message>
        <source>Choose …</source>
        <translation>Vælg …</translation>
    </message>
    <message>
        <source>&amp;Filing folder:</source>
        <translation>&amp;Arkiveringsmappe:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>The filing folder</source>
        <translation>Arkiveringsmappen</translation>
    </message>
    <message>
        <source>The filing folder must be a full path, such as %1.</source>
        <translation>Arkiveringsmappen skal angives med den fulde sti, fx %1.</translation>
    </message>
</context>
<context>
    <name>FilingDialog</name>
    <message>
        <source>File in ESDH – %1</source>
        <translation>Arkivér i ESDH – %1</translation>
    </message>
    <message>
        <source>The approved minutes and each child&apos;s extract are written into the filing folder as archival PDF/A files, each with a manifest for ESDH. What is not yet filed in its current version is ticked.</source>
        <translation>Det godkendte referat og hvert barns udskrift skrives i arkiveringsmappen som PDF/A-filer til arkivering, hver med et manifest til ESDH. Det, der ikke er arkiveret i den nuværende version, er afkrydset.</translation>
    </message>
    <message>
        <source>The ESDH import folder, e.g. a network drive</source>
        <translation>ESDH&apos;s importmappe, fx et netværksdrev</translation>
    </message>
    <message>
        <source>Choose …</source>
        <translation>Vælg …</translation>
    </message>
    <message>
        <source>&amp;Filing folder:</source>
        <translation>&amp;Arkiveringsmappe:</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkivér</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>There is nothing here you may file: the minutes must be approved first.</source>
        <translation>Her er intet, du kan arkivere: referatet skal først godkendes.</translation>
    </message>
    <message>
        <source>The filing folder</source>
        <translation>Arkiveringsmappen</translation>
    </message>
    <message>
        <source>Tick at least one document.</source>
        <translation>Afkryds mindst ét dokument.</translation>
    </message>
    <message>
        <source>Choose the filing folder.</source>
        <translation>Vælg arkiveringsmappen.</translation>
    </message>
    <message>
        <source>Filing …</source>
        <translation>Arkiverer …</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) filed in %1.</source>
        <translation>
            <numerusform>%n dokument arkiveret i %1.</numerusform>
            <numerusform>%n dokumenter arkiveret i %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write to %1: %2</source>
        <translation>Kunne ikke skrive i %1: %2</translation>
    </message>
</context>
<context>
    <name>FollowUpChart</name>
    <message>
        <source>hidden</source>
        <translation>skjult</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <source>%1 (so far)</source>
        <translation>%1 (indtil nu)</translation>
    </message>
    <message>
        <source>The whole municipality</source>
        <translation>Hele kommunen</translation>
    </message>
    <message>
        <source>Save as &amp;PDF …</source>
        <translation>Gem som &amp;PDF …</translation>
    </message>
    <message>
        <source>Save as spread&amp;sheet …</source>
        <translation>Gem som &amp;regneark …</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;År</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>&amp;Distrikt</translation>
    </message>
    <message>
        <source>Counting …</source>
        <translation>Tæller op …</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Follow-up on the child and youth policy %1</source>
        <translation>Opfølgning på børne- og ungepolitikken %1</translation>
    </message>
    <message>
        <source>%1. Agreements as they stand on %2.</source>
        <translation>%1. Aftaler, som de står den %2.</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Nøgletal</translation>
    </message>
    <message>
        <source>Compared with last year</source>
        <translation>Sammenlignet med sidste år</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <source>Too few discussions in %1 to show any figure.</source>
        <translation>For få drøftelser i %1 til at vise tal.</translation>
    </message>
    <message>
        <source>%1: only the totals can be shown without revealing a small count.</source>
        <translation>%1: kun totalerne kan vises uden at afsløre et lille tal.</translation>
    </message>
    <message>
        <source>Categories are merged: most counts would otherwise be hidden.</source>
        <translation>Kategorier er slået sammen, da de fleste tal ellers ville være skjult.</translation>
    </message>
    <message>
        <source>Save the follow-up</source>
        <translation>Gem opfølgningen</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>Regneark (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Gemt: %1</translation>
    </message>
</context>
<context>
    <name>FollowUpWindow</name>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>stevnsmoeder – follow-up on the child and youth policy</source>
        <translation>stevnsmoeder – opfølgning på børne- og ungepolitikken</translation>
    </message>
    <message>
        <source>DEMO – all data is fictitious</source>
        <translation>DEMO – alle data er fiktive</translation>
    </message>
    <message>
        <source>Logged in as %1 (head of Børn &amp; Læring, figures only)</source>
        <translation>Logget ind som %1 (chef for Børn &amp; Læring, kun tal)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>Save as &amp;PDF …</source>
        <translation>Gem som &amp;PDF …</translation>
    </message>
    <message>
        <source>Save as spread&amp;sheet …</source>
        <translation>Gem som &amp;regneark …</translation>
    </message>
    <message>
        <source>Change my &amp;password …</source>
        <translation>Skift min &amp;adgangskode …</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Lås nu</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
</context>
<context>
    <name>FtmDialog</name>
    <message>
        <source>New family team meeting</source>
        <translation>Nyt familie team møde</translation>
    </message>
    <message>
        <source>Family team meeting about %1</source>
        <translation>Familie team møde om %1</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Tidspunkt:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Sted:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Opret</translation>
    </message>
</context>
<context>
    <name>HolderDialog</name>
    <message>
        <source>New custody holder</source>
        <translation>Ny forældremyndighedsindehaver</translation>
    </message>
    <message>
        <source>mother, father, guardian</source>
        <translation>mor, far, værge</translation>
    </message>
    <message>
        <source>A custody holder of %1</source>
        <translation>En forældremyndighedsindehaver for %1</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Relation:</source>
        <translation>Relation:</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrér</translation>
    </message>
    <message>
        <source>Give the custody holder&apos;s name.</source>
        <translation>Angiv forældremyndighedsindehaverens navn.</translation>
    </message>
</context>
<context>
    <name>LevelPane</name>
    <message>
        <source>Trivselslinealen – Alt+1 … Alt+5</source>
        <translation>Trivselslinealen – Alt+1 … Alt+5</translation>
    </message>
    <message>
        <source>Level %1 (Alt+%1)</source>
        <translation>Niveau %1 (Alt+%1)</translation>
    </message>
    <message>
        <source>Follow-up on</source>
        <translation>Opfølgning den</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>ikke sat</translation>
    </message>
</context>
<context>
    <name>LiveAgendaModel</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Kl.</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tid tilbage</translation>
    </message>
    <message>
        <source>pushed</source>
        <translation>udsat</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>ikke nået</translation>
    </message>
    <message>
        <source>Pushed to the next meeting</source>
        <translation>Udsat til næste møde</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>Ikke nået</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min.</translation>
    </message>
    <message>
        <source>Planned at %1, %2 min</source>
        <translation>Planlagt kl. %1, %2 min.</translation>
    </message>
    <message>
        <source>Expected at %1</source>
        <translation>Forventet kl. %1</translation>
    </message>
    <message>
        <source>Discussed, %1 min used</source>
        <translation>Drøftet, brugt %1 min.</translation>
    </message>
    <message>
        <source>go to it and press Ctrl+Shift+P to take it back</source>
        <translation>gå til punktet og tryk Ctrl+Shift+P for at tage det med i dag igen</translation>
    </message>
    <message>
        <source>✎ An action is typed but not added</source>
        <translation>✎ En handling er skrevet, men ikke tilføjet</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <source>discussed anonymously</source>
        <translation>drøftes anonymt</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>Gemmer …</translation>
    </message>
    <message>
        <source>All saved</source>
        <translation>Alt er gemt</translation>
    </message>
    <message>
        <source>Not saved yet – your text is kept and saving is retried</source>
        <translation>Ikke gemt endnu – teksten er bevaret, og der prøves igen</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>stevnsmoeder – locked</source>
        <translation>stevnsmoeder – låst</translation>
    </message>
    <message>
        <source>stevnsmoeder is locked</source>
        <translation>stevnsmoeder er låst</translation>
    </message>
    <message>
        <source>Logged in as %1. Type your password to go on.</source>
        <translation>Logget ind som %1. Skriv din adgangskode for at fortsætte.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås op</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log ud</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Skift bruger</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>stevnsmoeder – log in</source>
        <translation>stevnsmoeder – log ind</translation>
    </message>
    <message>
        <source>Child and youth meetings</source>
        <translation>Børne- og ungemøder</translation>
    </message>
    <message>
        <source>Stevns Kommune · cross-disciplinary meetings</source>
        <translation>Stevns Kommune · tværfaglige møder</translation>
    </message>
    <message>
        <source>There is no database on this computer yet. You can create a demo database with fictitious children and two years of meetings to try the program.</source>
        <translation>Der er endnu ingen database på denne computer. Du kan oprette en demodatabase med fiktive børn og to års møder og prøve programmet.</translation>
    </message>
    <message>
        <source>Create demo database</source>
        <translation>Opret demodatabase</translation>
    </message>
    <message>
        <source>Connect to the municipality&apos;s &amp;server …</source>
        <translation>Forbind til kommunens &amp;server …</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Brugernavn:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
        <source>Connect to the municipality&apos;s server …</source>
        <translation>Forbind til kommunens server …</translation>
    </message>
    <message>
        <source>Synchronise and open</source>
        <translation>Synkronisér og åbn</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>Gendan den nyeste sikkerhedskopi</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log ind</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>This computer&apos;s own database</source>
        <translation>Computerens egen database</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 på %2</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Creating the demo database … this takes a few seconds.</source>
        <translation>Opretter demodatabasen … det tager nogle sekunder.</translation>
    </message>
    <message>
        <source>The demo database is ready. All its data is fictitious. Log in as &lt;b&gt;leder&lt;/b&gt; (chair), &lt;b&gt;referent&lt;/b&gt;, &lt;b&gt;ppr&lt;/b&gt;, &lt;b&gt;politi&lt;/b&gt; or &lt;b&gt;admin&lt;/b&gt;, all with the password &lt;b&gt;demo&lt;/b&gt;.</source>
        <translation>Demodatabasen er klar. Alle data i den er fiktive. Log ind som &lt;b&gt;leder&lt;/b&gt; (mødeleder), &lt;b&gt;referent&lt;/b&gt;, &lt;b&gt;ppr&lt;/b&gt;, &lt;b&gt;politi&lt;/b&gt; eller &lt;b&gt;admin&lt;/b&gt; – alle med adgangskoden &lt;b&gt;demo&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Type your user name and password.</source>
        <translation>Skriv dit brugernavn og din adgangskode.</translation>
    </message>
    <message>
        <source>Opening the database …</source>
        <translation>Åbner databasen …</translation>
    </message>
    <message>
        <source>Synchronising with the server …</source>
        <translation>Synkroniserer med serveren …</translation>
    </message>
    <message>
        <source>Checking and restoring the backup …</source>
        <translation>Kontrollerer og gendanner sikkerhedskopien …</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Du kan prøve igen nu.</translation>
    </message>
    <message numerus="yes">
        <source>Wait %n seconds before you try again.</source>
        <translation>
            <numerusform>Vent %n sekund, før du prøver igen.</numerusform>
            <numerusform>Vent %n sekunder, før du prøver igen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>mødeleder</translation>
    </message>
    <message>
        <source>secretary</source>
        <translation>referent</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>deltager</translation>
    </message>
    <message>
        <source>PPR (read only)</source>
        <translation>PPR (kun læseadgang)</translation>
    </message>
    <message>
        <source>police (SSP)</source>
        <translation>politi (SSP)</translation>
    </message>
    <message>
        <source>head of Børn &amp; Læring</source>
        <translation>chef for Børn &amp; Læring</translation>
    </message>
    <message>
        <source>stevnsmoeder – Stevns Kommune</source>
        <translation>stevnsmoeder – Stevns Kommune</translation>
    </message>
    <message>
        <source>stevnsmoeder – DEMO with fictitious data</source>
        <translation>stevnsmoeder – DEMO med fiktive data</translation>
    </message>
    <message>
        <source>DEMO – all data is fictitious</source>
        <translation>DEMO – alle data er fiktive</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>S&amp;tart</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Kalender</translation>
    </message>
    <message>
        <source>&amp;Meetings</source>
        <translation>&amp;Møder</translation>
    </message>
    <message>
        <source>Ca&amp;ses</source>
        <translation>Sa&amp;ger</translation>
    </message>
    <message>
        <source>Sea&amp;rch</source>
        <translation>Sø&amp;g</translation>
    </message>
    <message>
        <source>&amp;Access log</source>
        <translation>&amp;Adgangslog</translation>
    </message>
    <message>
        <source>&amp;Follow-up</source>
        <translation>&amp;Opfølgning</translation>
    </message>
    <message>
        <source>&amp;Export my meetings to calendar (.ics) …</source>
        <translation>&amp;Eksportér mine møder til kalender (.ics) …</translation>
    </message>
    <message>
        <source>&amp;Users …</source>
        <translation>&amp;Brugere …</translation>
    </message>
    <message>
        <source>&amp;Filing in ESDH …</source>
        <translation>A&amp;rkivering i ESDH …</translation>
    </message>
    <message>
        <source>Change my &amp;password …</source>
        <translation>Skift min &amp;adgangskode …</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Lås nu</translation>
    </message>
    <message>
        <source>Lock &amp;automatically after</source>
        <translation>Lås &amp;automatisk efter</translation>
    </message>
    <message>
        <source>&amp;Planning</source>
        <translation>&amp;Planlægning</translation>
    </message>
    <message>
        <source>Meeting &amp;series …</source>
        <translation>Møde&amp;serier …</translation>
    </message>
    <message>
        <source>&amp;Closed days …</source>
        <translation>&amp;Lukkedage …</translation>
    </message>
    <message>
        <source>&amp;Plan meetings 12 months ahead</source>
        <translation>&amp;Planlæg møder 12 måneder frem</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>S&amp;prog</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planlægning</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Skift min adgangskode</translation>
    </message>
    <message>
        <source>Your current password:</source>
        <translation>Din nuværende adgangskode:</translation>
    </message>
    <message>
        <source>Your new password: at least 12 characters, best a few words that belong together only for you.</source>
        <translation>Din nye adgangskode: mindst 12 tegn, helst nogle ord, der kun hører sammen for dig.</translation>
    </message>
    <message>
        <source>Your password is changed.</source>
        <translation>Din adgangskode er skiftet.</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Møder</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Sager</translation>
    </message>
    <message>
        <source>Logged in as %1 (%2) · %3</source>
        <translation>Logget ind som %1 (%2) · %3</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minut</numerusform>
            <numerusform>%n minutter</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Screen-safe mode (initials only)</source>
        <translation>&amp;Skærmsikker visning (kun initialer)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Opdatér</translation>
    </message>
</context>
<context>
    <name>MeetingControl</name>
    <message>
        <source>◀ Previous (Ctrl+PgUp)</source>
        <translation>◀ Forrige (Ctrl+PgUp)</translation>
    </message>
    <message>
        <source>Next ▶ (Ctrl+PgDown)</source>
        <translation>Næste ▶ (Ctrl+PgDown)</translation>
    </message>
    <message>
        <source>To next meeting (Ctrl+Shift+P)</source>
        <translation>Til næste møde (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>End the meeting (Ctrl+Shift+E)</source>
        <translation>Afslut mødet (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Set back to planned …</source>
        <translation>Sæt tilbage til planlagt …</translation>
    </message>
    <message>
        <source>Started by mistake? While nothing is written, the meeting can be planned again.</source>
        <translation>Startet ved en fejl? Så længe intet er skrevet, kan mødet blive planlagt igen.</translation>
    </message>
    <message>
        <source>Approve the minutes (Ctrl+Shift+G)</source>
        <translation>Godkend referatet (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <source>Add an addendum …</source>
        <translation>Tilføj et tillæg …</translation>
    </message>
    <message>
        <source>Versions …</source>
        <translation>Versioner …</translation>
    </message>
    <message>
        <source>Take it back into today (Ctrl+Shift+P)</source>
        <translation>Tag med i dag igen (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>over</source>
        <translation>over tid</translation>
    </message>
    <message>
        <source>left</source>
        <translation>tilbage</translation>
    </message>
    <message>
        <source>pushed</source>
        <translation>udsat</translation>
    </message>
    <message>
        <source>Meeting: %1 min left · expected end %2 · booked until %3</source>
        <translation>Mødet: %1 min. tilbage · forventet slut kl. %2 · booket til kl. %3</translation>
    </message>
    <message>
        <source>Held. Finish the minutes and approve them.</source>
        <translation>Afholdt. Gør referatet færdigt, og godkend det.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is on today&apos;s agenda again</source>
        <translation>»%1« er på dagens dagsorden igen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; goes to the next meeting</source>
        <translation>»%1« flyttes til næste møde</translation>
    </message>
    <message>
        <source>Actions typed but not added (item %1) are not in the minutes.</source>
        <translation>Handlinger, der er skrevet, men ikke tilføjet (punkt %1), er ikke med i referatet.</translation>
    </message>
    <message>
        <source>Some text could not be saved yet; try again.</source>
        <translation>Noget tekst kunne ikke gemmes endnu; prøv igen.</translation>
    </message>
    <message>
        <source>End the meeting</source>
        <translation>Afslut mødet</translation>
    </message>
    <message>
        <source>End the meeting? Items not reached go to the next meeting.</source>
        <translation>Afslut mødet? Punkter, der ikke er nået, flyttes til næste møde.</translation>
    </message>
    <message>
        <source>They stay with their items: add them before the minutes are approved.</source>
        <translation>De bliver stående ved deres punkt: tilføj dem, før referatet godkendes.</translation>
    </message>
    <message>
        <source>The meeting is held. %1; %2.</source>
        <translation>Mødet er afholdt. %1; %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n items were not reached</source>
        <translation>
            <numerusform>%n punkt blev ikke nået</numerusform>
            <numerusform>%n punkter blev ikke nået</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items go to the next meeting</source>
        <translation>
            <numerusform>%n punkt flyttes til næste møde</numerusform>
            <numerusform>%n punkter flyttes til næste møde</numerusform>
        </translation>
    </message>
    <message>
        <source>Set back to planned</source>
        <translation>Sæt tilbage til planlagt</translation>
    </message>
    <message>
        <source>Set the meeting back to planned? It is as if it was never started: the clock is reset and the participants are invited again.</source>
        <translation>Sæt mødet tilbage til planlagt? Det er, som om det aldrig var startet: tiden nulstilles, og deltagerne står som inviteret igen.</translation>
    </message>
    <message>
        <source>Approve the minutes</source>
        <translation>Godkend referatet</translation>
    </message>
    <message>
        <source>Approve the minutes? They lock; later corrections are dated addenda.</source>
        <translation>Godkend referatet? Det låses; senere rettelser bliver daterede tillæg.</translation>
    </message>
    <message>
        <source>Approved, they are left out.</source>
        <translation>Godkendes referatet, kommer de ikke med.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
</context>
<context>
    <name>MeetingDocuments</name>
    <message>
        <source>Print</source>
        <translation>Udskriv</translation>
    </message>
    <message>
        <source>Choose a child&apos;s item first.</source>
        <translation>Vælg først et barns punkt.</translation>
    </message>
    <message>
        <source>Extract, anonymised</source>
        <translation>Udskrift, anonymiseret</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>Udskrift</translation>
    </message>
</context>
<context>
    <name>MeetingWindow</name>
    <message>
        <source>Add item …</source>
        <translation>Tilføj punkt …</translation>
    </message>
    <message>
        <source>Add child …</source>
        <translation>Tilføj barn …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ned</translation>
    </message>
    <message>
        <source>Move the item up (Ctrl+Up)</source>
        <translation>Flyt punktet op (Ctrl+Op)</translation>
    </message>
    <message>
        <source>Move the item down (Ctrl+Down)</source>
        <translation>Flyt punktet ned (Ctrl+Ned)</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Lovgrundlag</translation>
    </message>
    <message>
        <source>Carry-over</source>
        <translation>Overførsel</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagere</translation>
    </message>
    <message>
        <source>Move meeting …</source>
        <translation>Flyt mødet …</translation>
    </message>
    <message>
        <source>Cancel meeting …</source>
        <translation>Aflys møde …</translation>
    </message>
    <message>
        <source>Export to calendar …</source>
        <translation>Eksportér til kalender …</translation>
    </message>
    <message>
        <source>Print …</source>
        <translation>Udskriv …</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Dagsorden</translation>
    </message>
    <message>
        <source>Agenda, anonymised</source>
        <translation>Dagsorden, anonymiseret</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Referat</translation>
    </message>
    <message>
        <source>Minutes, anonymised</source>
        <translation>Referat, anonymiseret</translation>
    </message>
    <message>
        <source>Run sheet for the chair</source>
        <translation>Drejebog for mødelederen</translation>
    </message>
    <message>
        <source>Run sheet, anonymised</source>
        <translation>Drejebog, anonymiseret</translation>
    </message>
    <message>
        <source>Extract for the chosen child</source>
        <translation>Udskrift for det valgte barn</translation>
    </message>
    <message>
        <source>Extract for the chosen child, anonymised</source>
        <translation>Udskrift for det valgte barn, anonymiseret</translation>
    </message>
    <message>
        <source>File in ESDH …</source>
        <translation>Arkivér i ESDH …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Start the meeting (F5)</source>
        <translation>Start mødet (F5)</translation>
    </message>
    <message>
        <source>%1 – open here to read only.</source>
        <translation>%1 – åbnet her kun til læsning.</translation>
    </message>
    <message>
        <source>Planned: %1 min · ends at %2 · the meeting is booked until %3</source>
        <translation>Planlagt: %1 min. · slutter kl. %2 · mødet er booket til kl. %3</translation>
    </message>
    <message>
        <source>%1 min too long</source>
        <translation>%1 min. for lang</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <source>Show the agenda</source>
        <translation>Vis dagsordenen</translation>
    </message>
    <message>
        <source>Show the minutes</source>
        <translation>Vis referatet</translation>
    </message>
    <message>
        <source>The meeting is not until %1 – start it anyway?</source>
        <translation>Mødet er først %1 – start alligevel?</translation>
    </message>
    <message>
        <source>The meeting was on %1 – start it anyway?</source>
        <translation>Mødet var %1 – start alligevel?</translation>
    </message>
    <message>
        <source>Start the meeting</source>
        <translation>Start mødet</translation>
    </message>
    <message numerus="yes">
        <source>%n children&apos;s items have no legal basis and can only be discussed anonymously. Start anyway?</source>
        <translation>
            <numerusform>%n barns punkt har intet lovgrundlag og kan kun drøftes anonymt. Start alligevel?</numerusform>
            <numerusform>%n børns punkter har intet lovgrundlag og kan kun drøftes anonymt. Start alligevel?</numerusform>
        </translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>Luk vinduet</translation>
    </message>
    <message>
        <source>The meeting is in progress. Close its window anyway? The meeting goes on; open it again from the meetings list to end it.</source>
        <translation>Mødet er i gang. Luk vinduet alligevel? Mødet fortsætter; åbn det igen fra mødelisten for at afslutte det.</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Filter meetings …</source>
        <translation>Filtrér møder …</translation>
    </message>
    <message>
        <source>All meeting types</source>
        <translation>Alle mødetyper</translation>
    </message>
    <message>
        <source>Show earlier meetings</source>
        <translation>Vis tidligere møder</translation>
    </message>
    <message>
        <source>Today is %1 (%2)</source>
        <translation>I dag er det %1 (%2)</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Møder</translation>
    </message>
</context>
<context>
    <name>MinutesFields</name>
    <message>
        <source>Conversation with the child (Barnets lov § 5)</source>
        <translation>Samtale med barnet (Barnets lov § 5)</translation>
    </message>
    <message>
        <source>Child-welfare investigation (Barnets lov §§ 20–23)</source>
        <translation>Børnefaglig undersøgelse (Barnets lov §§ 20–23)</translation>
    </message>
    <message>
        <source>Create the next step</source>
        <translation>Opret næste skridt</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Lovgrundlag:</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>Næste skridt:</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move meeting</source>
        <translation>Flyt møde</translation>
    </message>
    <message>
        <source>e.g. the school&apos;s Christmas party</source>
        <translation>fx skolens juleafslutning</translation>
    </message>
    <message>
        <source>Move it to this day anyway</source>
        <translation>Flyt det til denne dag alligevel</translation>
    </message>
    <message>
        <source>New date:</source>
        <translation>Ny dato:</translation>
    </message>
    <message>
        <source>Give the reason the meeting is moved.</source>
        <translation>Angiv, hvorfor mødet flyttes.</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Årsag:</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Flyt</translation>
    </message>
</context>
<context>
    <name>NewSeriesDialog</name>
    <message>
        <source>New meeting series</source>
        <translation>Ny mødeserie</translation>
    </message>
    <message>
        <source>(from type and district)</source>
        <translation>(ud fra type og distrikt)</translation>
    </message>
    <message>
        <source> week(s)</source>
        <translation>. uge</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <source>move to the next working day</source>
        <translation>flyttes til næste arbejdsdag</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>springes over</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Add …</source>
        <translation>Tilføj …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Meeting type:</source>
        <translation>Mødetype:</translation>
    </message>
    <message>
        <source>District:</source>
        <translation>Distrikt:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Weekday:</source>
        <translation>Ugedag:</translation>
    </message>
    <message>
        <source>Every:</source>
        <translation>Hver:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Tidspunkt:</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Varighed:</translation>
    </message>
    <message>
        <source>First day:</source>
        <translation>Første dag:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Sted:</translation>
    </message>
    <message>
        <source>On holidays:</source>
        <translation>På helligdage:</translation>
    </message>
    <message>
        <source>Standing participants:</source>
        <translation>Faste deltagere:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Opret</translation>
    </message>
    <message>
        <source>%1, %2, from %3.</source>
        <translation>%1, %2, fra %3.</translation>
    </message>
</context>
<context>
    <name>OnlineSearchDialog</name>
    <message>
        <source>Search on the server</source>
        <translation>Søg på serveren</translation>
    </message>
    <message>
        <source>Words, &quot;a phrase&quot;, prefix*, OR, -word</source>
        <translation>Ord, &quot;en frase&quot;, begyndelse*, OR, -ord</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Søg</translation>
    </message>
    <message>
        <source>&amp;Take the case along …</source>
        <translation>&amp;Tag sagen med …</translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation>&amp;Åbn sagen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Searches everything you may see in the shared record, also what is not on this computer. The search is logged on the server.</source>
        <translation>Søger i alt, hvad du må se i den fælles journal, også det, der ikke er på denne computer. Søgningen logges på serveren.</translation>
    </message>
    <message>
        <source>Searching on the server …</source>
        <translation>Søger på serveren …</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s) on the server</source>
        <translation>
            <numerusform>%n fund på serveren</numerusform>
            <numerusform>%n fund på serveren</numerusform>
        </translation>
    </message>
    <message>
        <source>No hits.</source>
        <translation>Ingen fund.</translation>
    </message>
    <message>
        <source>The server cannot be reached: searching on the server needs the network.</source>
        <translation>Serveren kan ikke nås: søgning på serveren kræver net.</translation>
    </message>
    <message>
        <source>The case of %1</source>
        <translation>Sagen om %1</translation>
    </message>
    <message>
        <source>The child&apos;s case</source>
        <translation>Barnets sag</translation>
    </message>
    <message>
        <source>Taking the case along …</source>
        <translation>Tager sagen med …</translation>
    </message>
    <message>
        <source>The case is taken along until %1; it arrives with the synchronisation.</source>
        <translation>Sagen er taget med til og med %1; den kommer med synkroniseringen.</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>Add participant</source>
        <translation>Tilføj deltager</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Person:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tilføj</translation>
    </message>
    <message>
        <source>Choose a person from the list.</source>
        <translation>Vælg en person på listen.</translation>
    </message>
</context>
<context>
    <name>ParticipantsPane</name>
    <message>
        <source>invited</source>
        <translation>indkaldt</translation>
    </message>
    <message>
        <source>present</source>
        <translation>til stede</translation>
    </message>
    <message>
        <source>sent apologies</source>
        <translation>afbud</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>fraværende</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Fremmøde</translation>
    </message>
    <message>
        <source>Sent apologies</source>
        <translation>Meldt afbud</translation>
    </message>
    <message>
        <source>Coming</source>
        <translation>Kommer</translation>
    </message>
    <message>
        <source>Add participant …</source>
        <translation>Tilføj deltager …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>%1 invited, %2 sent apologies</source>
        <translation>%1 indkaldt, %2 har meldt afbud</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>New password</source>
        <translation>Ny adgangskode</translation>
    </message>
    <message>
        <source>Once more</source>
        <translation>Igen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Type the new password.</source>
        <translation>Skriv den nye adgangskode.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>De to adgangskoder er ikke ens.</translation>
    </message>
</context>
<context>
    <name>PlanningActions</name>
    <message>
        <source>Planning</source>
        <translation>Planlægning</translation>
    </message>
    <message>
        <source>%1 created, %2 of them moved for a holiday; %3 skipped for closed days.</source>
        <translation>%1 oprettet, heraf %2 flyttet pga. helligdag; %3 sprunget over pga. lukkedage.</translation>
    </message>
    <message numerus="yes">
        <source>%n meetings</source>
        <translation>
            <numerusform>%n møde</numerusform>
            <numerusform>%n møder</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel meeting</source>
        <translation>Aflys møde</translation>
    </message>
    <message>
        <source>Why is the meeting cancelled?</source>
        <translation>Hvorfor aflyses mødet?</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>Eksportér til kalender</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderfiler (*.ics)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Kunne ikke skrive %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n meetings written to %1</source>
        <translation>
            <numerusform>%n møde skrevet til %1</numerusform>
            <numerusform>%n møder skrevet til %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Meeting series</source>
        <translation>Mødeserier</translation>
    </message>
</context>
<context>
    <name>PolicyTableModel</name>
    <message>
        <source>%1 total</source>
        <translation>I alt %1</translation>
    </message>
    <message>
        <source>1–4: hidden, so that no child can be recognised</source>
        <translation>1–4: skjult, så intet barn kan genkendes</translation>
    </message>
    <message>
        <source>Hidden, so that a small count cannot be worked out</source>
        <translation>Skjult, så et lille tal ikke kan regnes ud</translation>
    </message>
</context>
<context>
    <name>PresencePane</name>
    <message>
        <source>Present for this item – Ctrl+T</source>
        <translation>Til stede under punktet – Ctrl+T</translation>
    </message>
</context>
<context>
    <name>PutBackButton</name>
    <message>
        <source>Put &amp;back</source>
        <translation>&amp;Læg tilbage</translation>
    </message>
    <message>
        <source>The case leaves this computer at the next synchronisation.</source>
        <translation>Sagen forsvinder fra denne computer ved næste synkronisering.</translation>
    </message>
    <message>
        <source>Put back</source>
        <translation>Læg tilbage</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Mappe</translation>
    </message>
    <message>
        <source>File</source>
        <comment>All other platforms</comment>
        <translation>Fil</translation>
    </message>
    <message>
        <source>%1 File</source>
        <comment>All other platforms</comment>
        <translation>%1-fil</translation>
    </message>
    <message>
        <source>Drive</source>
        <comment>All other platforms</comment>
        <translation>Drev</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>Filmappe</translation>
    </message>
    <message>
        <source>%1 File</source>
        <comment>Match Windows Explorer</comment>
        <translation>%1-fil</translation>
    </message>
    <message>
        <source>File</source>
        <comment>Match Windows Explorer</comment>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Drive</source>
        <comment>Match Windows Explorer</comment>
        <translation>Drev</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>Match OS X Finder</comment>
        <translation>Mappe</translation>
    </message>
    <message>
        <source>%1 File</source>
        <comment>Match OS X Finder</comment>
        <translation>%1-fil</translation>
    </message>
    <message>
        <source>File</source>
        <comment>Match OS X Finder</comment>
        <translation>Fil</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Kig i:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Filer af &amp;type:</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Role for %1</source>
        <translation>Rolle for %1</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Skift</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Change the series&apos; rhythm</source>
        <translation>Ændr seriens rytme</translation>
    </message>
    <message>
        <source> week(s)</source>
        <translation>. uge</translation>
    </message>
    <message>
        <source>Now: %1, %2</source>
        <translation>Nu: %1, %2</translation>
    </message>
    <message>
        <source>Weekday:</source>
        <translation>Ugedag:</translation>
    </message>
    <message>
        <source>Every:</source>
        <translation>Hver:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Tidspunkt:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Fra:</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ændr</translation>
    </message>
    <message>
        <source>From %1: %2, %3. Earlier meetings stay as they are.</source>
        <translation>Fra %1: %2, %3. Tidligere møder forbliver, som de er.</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search minutes, decisions, actions, children …  &quot;a phrase&quot;, begin*, OR, -word</source>
        <translation>Søg i referater, beslutninger, aftaler, børn …  &quot;en sætning&quot;, begynd*, OR, -ord</translation>
    </message>
    <message>
        <source>All meeting types</source>
        <translation>Alle mødetyper</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Alle distrikter</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Alle niveauer</translation>
    </message>
    <message>
        <source>from the start</source>
        <translation>fra begyndelsen</translation>
    </message>
    <message>
        <source>until now</source>
        <translation>til nu</translation>
    </message>
    <message>
        <source>Only with open actions</source>
        <translation>Kun med åbne aftaler</translation>
    </message>
    <message>
        <source>Open meeting</source>
        <translation>Åbn møde</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Åbn sag</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Vis flere</translation>
    </message>
    <message>
        <source>The next hits of the same search, below these</source>
        <translation>De næste fund i samme søgning, under disse</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>Type to search. Only what you may see is searched.</source>
        <translation>Skriv for at søge. Der søges kun i det, du har adgang til.</translation>
    </message>
    <message>
        <source>Searching …</source>
        <translation>Søger …</translation>
    </message>
    <message>
        <source>No hits.</source>
        <translation>Ingen fund.</translation>
    </message>
    <message numerus="yes">
        <source>%n hits</source>
        <translation>
            <numerusform>%n fund</numerusform>
            <numerusform>%n fund</numerusform>
        </translation>
    </message>
    <message>
        <source>(the best first; more with “Show more”)</source>
        <translation>(de bedste først; flere med »Vis flere«)</translation>
    </message>
</context>
<context>
    <name>SeriesDialog</name>
    <message>
        <source>Meeting series</source>
        <translation>Mødeserier</translation>
    </message>
    <message>
        <source>move to the next working day</source>
        <translation>flyttes til næste arbejdsdag</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>springes over</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Rhythm</source>
        <translation>Rytme</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>On holidays</source>
        <translation>På helligdage</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>New series …</source>
        <translation>Ny serie …</translation>
    </message>
    <message>
        <source>Change rhythm from a date …</source>
        <translation>Ændr rytmen fra en dato …</translation>
    </message>
    <message>
        <source>Export to calendar (.ics) …</source>
        <translation>Eksportér til kalender (.ics) …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>Wrong password. After %1 more the session closes.</source>
        <translation>Forkert adgangskode. Efter %1 forsøg mere lukkes programmet.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome, %1</source>
        <translation>Goddag, %1</translation>
    </message>
    <message>
        <source>Today is %1 (%2)</source>
        <translation>I dag er det %1 (%2)</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overskredet</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Udløber</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Givet af</translation>
    </message>
    <message>
        <source>Mark the chosen action done</source>
        <translation>Markér den valgte handling som udført</translation>
    </message>
    <message>
        <source>Choose an action in the list first.</source>
        <translation>Vælg først en handling på listen.</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Markér som udført</translation>
    </message>
    <message>
        <source>Note, or the final decision for a next step (may be left empty):</source>
        <translation>Bemærkning eller den endelige afgørelse for et næste skridt (kan være tom):</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Later this week</source>
        <translation>Senere i denne uge</translation>
    </message>
    <message>
        <source>no meetings today</source>
        <translation>ingen møder i dag</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message numerus="yes">
        <source>%n meetings</source>
        <translation>
            <numerusform>%n møde</numerusform>
            <numerusform>%n møder</numerusform>
        </translation>
    </message>
    <message>
        <source>Actions due within two weeks</source>
        <translation>Handlinger med frist inden for to uger</translation>
    </message>
    <message>
        <source>Consents that expire within a month</source>
        <translation>Samtykker, der udløber inden for en måned</translation>
    </message>
    <message>
        <source>%1, of them %2 overdue</source>
        <translation>%1, heraf %2 overskredet</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n timer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minut</numerusform>
            <numerusform>%n minutter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n ændring venter</numerusform>
            <numerusform>%n ændringer venter</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting …</source>
        <translation>Forbinder …</translation>
    </message>
    <message>
        <source>Synchronising …</source>
        <translation>Synkroniserer …</translation>
    </message>
    <message>
        <source>Synchronised %1</source>
        <translation>Synkroniseret %1</translation>
    </message>
    <message>
        <source>Offline – %1</source>
        <translation>Offline – %1</translation>
    </message>
    <message>
        <source>Offline – synchronised %1</source>
        <translation>Offline – synkroniseret %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Not synchronised: %1</source>
        <translation>Ikke synkroniseret: %1</translation>
    </message>
    <message>
        <source>Access closed</source>
        <translation>Adgangen er lukket</translation>
    </message>
    <message>
        <source>Not synchronising</source>
        <translation>Synkroniserer ikke</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted</source>
        <translation>serverens certifikat kan ikke godkendes</translation>
    </message>
    <message>
        <source>update the program</source>
        <translation>opdatér programmet</translation>
    </message>
    <message>
        <source>the server runs an older version</source>
        <translation>serveren kører en ældre udgave</translation>
    </message>
    <message>
        <source>the server did not accept the password</source>
        <translation>serveren tog ikke imod adgangskoden</translation>
    </message>
    <message>
        <source>the server refused</source>
        <translation>serveren afviste</translation>
    </message>
    <message>
        <source>Synchronisation with the server: click for details</source>
        <translation>Synkronisering med serveren: klik for detaljer</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n konflikt</numerusform>
            <numerusform>%n konflikter</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 fast</source>
        <translation>Computerens ur går %1 for hurtigt</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 slow</source>
        <translation>Computerens ur går %1 for langsomt</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synkronisering</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Last synchronised:</source>
        <translation>Senest synkroniseret:</translation>
    </message>
    <message>
        <source>Waiting to be sent:</source>
        <translation>Venter på at blive sendt:</translation>
    </message>
    <message>
        <source>Conflicts:</source>
        <translation>Konflikter:</translation>
    </message>
    <message>
        <source>&amp;Synchronise now</source>
        <translation>&amp;Synkronisér nu</translation>
    </message>
    <message>
        <source>Show &amp;conflicts …</source>
        <translation>Vis &amp;konflikter …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>endnu ikke</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n ændring</numerusform>
            <numerusform>%n ændringer</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>intet</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>The server stamps your changes with its own time; set the clock right so the times you see are right.</source>
        <translation>Serveren giver dine ændringer sin egen tid; stil uret rigtigt, så de tider, du ser, passer.</translation>
    </message>
</context>
<context>
    <name>TakeAlongDialog</name>
    <message>
        <source>Take the case along</source>
        <extracomment>The longest a case may be taken along (the server&apos;s rule, said here before asking it).</extracomment>
        <translation>Tag sagen med</translation>
    </message>
    <message>
        <source>e.g. Preparing the school consultation on Thursday</source>
        <translation>fx Forberedelse af skolekonsultationen torsdag</translation>
    </message>
    <message>
        <source>%1 is copied to this computer at the next synchronisation, so you can read it offline. It leaves again when you put it back, or on the end date at the latest. The reason is logged on the server.</source>
        <translation>%1 kopieres til denne computer ved næste synkronisering, så du kan læse den uden net. Den forsvinder igen, når du lægger den tilbage, og senest på slutdatoen. Begrundelsen logges på serveren.</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Hvorfor:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Til og med:</translation>
    </message>
    <message>
        <source>Take along</source>
        <translation>Tag med</translation>
    </message>
    <message>
        <source>Say why you take the case along.</source>
        <translation>Skriv, hvorfor du tager sagen med.</translation>
    </message>
    <message>
        <source>The reason can be at most 400 characters.</source>
        <translation>Begrundelsen kan højst være 400 tegn.</translation>
    </message>
</context>
<context>
    <name>UnfiledSection</name>
    <message>
        <source>Double-click to file the meeting&apos;s documents in ESDH.</source>
        <translation>Dobbeltklik for at arkivere mødets dokumenter i ESDH.</translation>
    </message>
    <message>
        <source>Meeting day</source>
        <translation>Mødedag</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>Ventet</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dage</numerusform>
        </translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Not yet filed in ESDH</source>
        <translation>Ikke arkiveret i ESDH endnu</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>intet</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>mødeleder</translation>
    </message>
    <message>
        <source>secretary</source>
        <translation>referent</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>deltager</translation>
    </message>
    <message>
        <source>PPR (read only)</source>
        <translation>PPR (kun læse)</translation>
    </message>
    <message>
        <source>police (SSP)</source>
        <translation>politi (SSP)</translation>
    </message>
    <message>
        <source>head of Børn &amp; Læring (figures only)</source>
        <translation>chef for Børn &amp; Læring (kun tal)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>lukket</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Adgang</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Sidste login</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Brugere</translation>
    </message>
    <message>
        <source>&amp;Add …</source>
        <translation>&amp;Opret …</translation>
    </message>
    <message>
        <source>&amp;Close access</source>
        <translation>&amp;Luk adgang</translation>
    </message>
    <message>
        <source>&amp;Reopen …</source>
        <translation>&amp;Genåbn …</translation>
    </message>
    <message>
        <source>Reset &amp;password …</source>
        <translation>Ny &amp;adgangskode …</translation>
    </message>
    <message>
        <source>R&amp;ole …</source>
        <translation>R&amp;olle …</translation>
    </message>
    <message>
        <source>New database &amp;key …</source>
        <translation>Ny database&amp;nøgle …</translation>
    </message>
    <message>
        <source>On a suspected compromise (a lost laptop, a key file seen where it should not be): the database and the backups get a new key; passwords stay.</source>
        <translation>Ved mistanke om kompromittering (en bortkommet bærbar, en nøglefil set, hvor den ikke burde være): databasen og sikkerhedskopierne får en ny nøgle; adgangskoderne bliver.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message numerus="yes">
        <source>The database and %n backups have a new key.</source>
        <translation>
            <numerusform>Databasen og %n sikkerhedskopi har fået en ny nøgle.</numerusform>
            <numerusform>Databasen og %n sikkerhedskopier har fået en ny nøgle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Giving the database a new key …</source>
        <translation>Databasen får en ny nøgle …</translation>
    </message>
    <message>
        <source>Giving backup %1 of %2 the new key …</source>
        <translation>Sikkerhedskopi %1 af %2 får den nye nøgle …</translation>
    </message>
    <message>
        <source>The new key could not be given to %1 (a key-file entry from an older version, or one that was tampered with). Give them a new password with &apos;Reset password&apos;.</source>
        <translation>Den nye nøgle kunne ikke gives til %1 (en post i nøglefilen fra en ældre udgave, eller en, der er pillet ved). Giv dem en ny adgangskode med »Ny adgangskode«.</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Opret bruger</translation>
    </message>
    <message>
        <source>Close access</source>
        <translation>Luk adgang</translation>
    </message>
    <message>
        <source>Close %1&apos;s access? %1 can no longer log in, and their key is removed from the database&apos;s key file. Reopening needs a new password.</source>
        <translation>Luk %1s adgang? %1 kan ikke længere logge ind, og brugerens nøgle fjernes fra databasens nøglefil. Genåbning kræver en ny adgangskode.</translation>
    </message>
    <message>
        <source>Reopen access</source>
        <translation>Genåbn adgang</translation>
    </message>
    <message>
        <source>A new password for %1 (hand it over; they change it at once).</source>
        <translation>En ny adgangskode til %1 (giv den videre; den skiftes med det samme).</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Ny adgangskode</translation>
    </message>
    <message>
        <source>%1 has a new password.</source>
        <translation>%1 har fået en ny adgangskode.</translation>
    </message>
    <message>
        <source>New database key</source>
        <translation>Ny databasenøgle</translation>
    </message>
    <message>
        <source>Give the database and the backups in rotation a new key? Every active user keeps their password; any copy of an older key file stops opening them. Copies kept elsewhere (a backup written to a USB stick) keep their old key.</source>
        <translation>Skal databasen og sikkerhedskopierne i rotationen have en ny nøgle? Alle aktive brugere beholder deres adgangskode; enhver kopi af en ældre nøglefil holder op med at åbne dem. Kopier, der ligger andre steder (en sikkerhedskopi på en USB-nøgle), beholder deres gamle nøgle.</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Approved</source>
        <translation>Godkendt</translation>
    </message>
    <message>
        <source>Addendum removed when a closed case was purged</source>
        <translation>Tillæg fjernet, da en lukket sag blev slettet</translation>
    </message>
    <message>
        <source>Addendum about the meeting in general</source>
        <translation>Tilføjelse om mødet generelt</translation>
    </message>
    <message>
        <source>Addendum about an item</source>
        <translation>Tilføjelse til et punkt</translation>
    </message>
    <message>
        <source>Addendum to item %1</source>
        <translation>Tilføjelse til punkt %1</translation>
    </message>
    <message>
        <source>corrected after approval: a closed case was purged</source>
        <translation>rettet efter godkendelse: en lukket sag er slettet</translation>
    </message>
    <message>
        <source>Versions of the minutes</source>
        <translation>Referatets versioner</translation>
    </message>
    <message>
        <source>Checksum (SHA-256): %1</source>
        <translation>Kontrolsum (SHA-256): %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Af</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ændring</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3</source>
        <translation>Version %1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Unexpected error</source>
        <translation>Uventet fejl</translation>
    </message>
    <message>
        <source>Something went wrong that stevnsmoeder did not expect (%1). Your saved work is safe. The details are in the log file:
%2</source>
        <translation>Der skete en fejl, som stevnsmoeder ikke havde forudset (%1). Dit gemte arbejde er i sikkerhed. Detaljerne står i logfilen:
%2</translation>
    </message>
</context>
<context>
    <name>approved_minutes</name>
    <message>
        <source>Held. The minutes are approved and locked.</source>
        <translation>Afholdt. Referatet er godkendt og låst.</translation>
    </message>
    <message>
        <source>Held. The minutes were approved %1 by %2 and are locked.</source>
        <translation>Afholdt. Referatet blev godkendt %1 af %2 og er låst.</translation>
    </message>
    <message>
        <source>Addendum %1 (%2)</source>
        <translation>Tillæg %1 (%2)</translation>
    </message>
</context>
<context>
    <name>audit_view</name>
    <message>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Hændelse</translation>
    </message>
    <message>
        <source>User name: %1</source>
        <translation>Brugernavn: %1</translation>
    </message>
    <message>
        <source>Technical detail</source>
        <translation>Teknisk detalje</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
</context>
<context>
    <name>case_view</name>
    <message>
        <source>No level has been given yet.</source>
        <translation>Der er endnu ikke givet et niveau.</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>godkendt</translation>
    </message>
    <message>
        <source>not approved</source>
        <translation>ikke godkendt</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Referat</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslutning</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overskredet</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Aftalt</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Lovgrundlag</translation>
    </message>
    <message>
        <source>Planned; the meeting has not been held yet.</source>
        <translation>Planlagt; mødet er ikke afholdt endnu.</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Til stede</translation>
    </message>
    <message>
        <source>Not reached; moved to the next meeting.</source>
        <translation>Ikke nået; flyttet til næste møde.</translation>
    </message>
    <message>
        <source>done</source>
        <translation>udført</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <source>Trivselslinealen</source>
        <translation>Trivselslinealen</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Næste opfølgning</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Tillæg</translation>
    </message>
    <message>
        <source>Extract in ESDH</source>
        <translation>Udskrift i ESDH</translation>
    </message>
    <message>
        <source>Go to the meeting</source>
        <translation>Gå til mødet</translation>
    </message>
    <message>
        <source>Print case history …</source>
        <translation>Udskriv sagsforløb …</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>Sagsforløb</translation>
    </message>
    <message>
        <source>Case history, anonymised</source>
        <translation>Sagsforløb, anonymiseret</translation>
    </message>
    <message>
        <source>File in ESDH …</source>
        <translation>Arkivér i ESDH …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Trivselslinealen over time</source>
        <translation>Trivselslinealen over tid</translation>
    </message>
    <message>
        <source>Open agreements</source>
        <translation>Åbne aftaler</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>&amp;Meeting type:</source>
        <translation>&amp;Mødetype:</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>født %1</translation>
    </message>
    <message numerus="yes">
        <source>%n years</source>
        <translation>
            <numerusform>%n år</numerusform>
            <numerusform>%n år</numerusform>
        </translation>
    </message>
    <message>
        <source>Level now</source>
        <translation>Niveau nu</translation>
    </message>
    <message>
        <source>The case was closed on %1.</source>
        <translation>Sagen blev lukket %1.</translation>
    </message>
    <message>
        <source>Custody holders</source>
        <translation>Forældremyndighed</translation>
    </message>
    <message>
        <source>No custody holders recorded.</source>
        <translation>Ingen forældremyndighedsindehavere registreret.</translation>
    </message>
    <message>
        <source>No follow-up is set.</source>
        <translation>Der er ikke sat en opfølgning.</translation>
    </message>
    <message>
        <source>All meeting types</source>
        <translation>Alle mødetyper</translation>
    </message>
    <message>
        <source>Anonymous case: discussed without consent.</source>
        <translation>Anonym sag: drøftes uden samtykke.</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>uden udløb</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gyldigt</translation>
    </message>
    <message>
        <source>expires soon</source>
        <translation>udløber snart</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>udløbet</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>tilbagekaldt</translation>
    </message>
    <message>
        <source>not yet in force</source>
        <translation>endnu ikke gældende</translation>
    </message>
    <message>
        <source>Consent from</source>
        <translation>Samtykke fra</translation>
    </message>
    <message>
        <source>No valid consent: discuss on another legal basis or anonymously.</source>
        <translation>Intet gyldigt samtykke: drøft på et andet lovgrundlag eller anonymt.</translation>
    </message>
    <message>
        <source>up to %1 on %2</source>
        <translation>op til %1 den %2</translation>
    </message>
    <message>
        <source>down to %1 on %2</source>
        <translation>ned til %1 den %2</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Flyttet</translation>
    </message>
</context>
<context>
    <name>filing</name>
    <message>
        <source>Minutes</source>
        <translation>Referat</translation>
    </message>
    <message>
        <source>Extract – %1</source>
        <translation>Udskrift – %1</translation>
    </message>
    <message>
        <source>Approved before filing was tracked</source>
        <translation>Godkendt, før arkiveringen blev registreret</translation>
    </message>
    <message>
        <source>Not filed</source>
        <translation>Ikke arkiveret</translation>
    </message>
    <message>
        <source>Out of date: version %1 filed %2, now version %3</source>
        <translation>Forældet: version %1 arkiveret %2, nu version %3</translation>
    </message>
    <message>
        <source>Filed %1 by %2 (version %3)</source>
        <translation>Arkiveret %1 af %2 (version %3)</translation>
    </message>
    <message>
        <source>filed (v%1)</source>
        <translation>arkiveret (v%1)</translation>
    </message>
    <message>
        <source>v%1 filed, now v%2</source>
        <translation>v%1 arkiveret, nu v%2</translation>
    </message>
    <message>
        <source>not filed</source>
        <translation>ikke arkiveret</translation>
    </message>
    <message>
        <source>In %1 as %2</source>
        <translation>I %1 som %2</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Case number in ESDH</source>
        <translation>Sagsnummer i ESDH</translation>
    </message>
    <message>
        <source>The child&apos;s case in ESDH, where the extract is filed (kept on the case)</source>
        <translation>Barnets sag i ESDH, hvor udskriften journaliseres (gemmes på sagen)</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Uge</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Kl.</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrikt</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Sager</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Closed on %1</source>
        <translation>Lukket %1</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>Sagsnr.</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>Anonymous case</source>
        <translation>Anonym sag</translation>
    </message>
    <message>
        <source>The minutes were approved on %1.</source>
        <translation>Referatet blev godkendt %1.</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Født</translation>
    </message>
    <message>
        <source>CPR</source>
        <translation>CPR</translation>
    </message>
    <message>
        <source>School/institution</source>
        <translation>Skole/institution</translation>
    </message>
    <message>
        <source>Well-being</source>
        <translation>Trivsel</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Åbne handlinger</translation>
    </message>
</context>
<context>
    <name>search_view</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>Uddrag</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <source>Log &amp;out</source>
        <translation>Log &amp;ud</translation>
    </message>
    <message>
        <source>S&amp;witch user …</source>
        <translation>S&amp;kift bruger …</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>Adgangslog</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Mislykkede login</translation>
    </message>
</context>
</TS>
