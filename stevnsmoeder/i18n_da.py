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
    "A new database needs at least one user.": "En ny database skal have mindst én bruger.",
    "The key file beside the database is missing or damaged.": (
        "Nøglefilen ved siden af databasen mangler eller er beskadiget."
    ),
    "The key file beside the database is damaged.": (
        "Nøglefilen ved siden af databasen er beskadiget."
    ),
    "Wrong user name or password.": "Forkert brugernavn eller adgangskode.",
    "The database cannot be opened with its key file. Is it the right key file?": (
        "Databasen kan ikke åbnes med sin nøglefil. Er det den rigtige nøglefil?"
    ),
    "This user no longer has access.": "Brugeren har ikke længere adgang.",
    "The database was made by a newer version of stevnsmoeder. Update the program.": (
        "Databasen er lavet af en nyere udgave af stevnsmoeder. Opdatér programmet."
    ),
    "The user name {login} is taken.": "Brugernavnet {login} er optaget.",
    "The current password is wrong.": "Den nuværende adgangskode er forkert.",
    # permission names ("what")
    "see users": "se brugere",
    "create users": "oprette brugere",
}
