"""The window's settings, declared once, stored in an INI file in the data folder."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from stevnsmoeder import paths


class Settings:
    """Typed accessors over QSettings. Keys are declared here and nowhere else."""

    LANGUAGE = "ui/language"  # "da" (default) or "en"
    LAST_USER = "login/last_user"
    GEOMETRY = "window/geometry"
    STATE = "window/state"
    MEETING_GEOMETRY = "meeting/geometry"
    MEETING_SPLITTER = "meeting/splitter"
    LOCK_MINUTES = "security/lock_minutes"  # idle minutes before the window locks
    LAST_PLACE = "login/last_place"  # the database last logged in to (a replica's file)
    SERVER_URL = "sync/server_url"  # the municipality's server, as last connected
    CA_FILE = "sync/ca_file"  # its CA certificate, if the system does not know it

    def __init__(self) -> None:
        self._q = QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        value = str(self._q.value(self.LANGUAGE, "da"))
        return value if value in ("da", "en") else "da"

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue(self.LANGUAGE, value)

    @property
    def last_user(self) -> str:
        return str(self._q.value(self.LAST_USER, ""))

    @last_user.setter
    def last_user(self, value: str) -> None:
        self._q.setValue(self.LAST_USER, value)

    def _text(self, key: str) -> str:
        return str(self._q.value(key, "") or "")

    @property
    def last_place(self) -> str:
        return self._text(self.LAST_PLACE)

    @last_place.setter
    def last_place(self, value: str) -> None:
        self._q.setValue(self.LAST_PLACE, value)

    @property
    def server_url(self) -> str:
        return self._text(self.SERVER_URL)

    @server_url.setter
    def server_url(self, value: str) -> None:
        self._q.setValue(self.SERVER_URL, value)

    @property
    def ca_file(self) -> str:
        return self._text(self.CA_FILE)

    @ca_file.setter
    def ca_file(self, value: str) -> None:
        self._q.setValue(self.CA_FILE, value)

    @property
    def lock_minutes(self) -> int:
        try:
            value = int(str(self._q.value(self.LOCK_MINUTES, 10)))
        except ValueError:
            return 10
        return value if 1 <= value <= 120 else 10

    @lock_minutes.setter
    def lock_minutes(self, value: int) -> None:
        self._q.setValue(self.LOCK_MINUTES, value)

    def geometry(self, key: str) -> QByteArray | None:
        value = self._q.value(key)
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._q.setValue(key, value)

    def sync(self) -> None:
        self._q.sync()
