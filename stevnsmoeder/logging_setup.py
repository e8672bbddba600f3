"""Logging, configured once at start-up: a rotating file in the data folder.

Never log personal data (names, CPR, note text): log ids, counts and kinds of action.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from stevnsmoeder import paths

LOG_NAME = "stevnsmoeder.log"
_configured = False


def configure(level: int = logging.INFO) -> Path:
    """Send the package's log records to a rotating file; returns the file's path."""
    global _configured
    path = paths.log_dir() / LOG_NAME
    if _configured:
        return path
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("stevnsmoeder")
    root.setLevel(level)
    root.addHandler(handler)
    _configured = True
    return path


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME
