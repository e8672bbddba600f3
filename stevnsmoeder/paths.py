"""Where stevnsmoeder keeps its files.

The data folder comes from platformdirs; ``STEVNSMOEDER_HOME`` overrides it (tests, portable
installs). Resources (fonts, translations) live in the top-level ``resources/`` folder of a
checkout, or beside the executable in a PyInstaller bundle.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from stevnsmoeder import APP_NAME

HOME_ENV = "STEVNSMOEDER_HOME"
DB_FILENAME = "stevnsmoeder.db"


def data_dir() -> Path:
    """The user's data folder (created on demand)."""
    override = os.environ.get(HOME_ENV)
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def font_path(name: str) -> Path:
    return resources_dir() / "fonts" / name
