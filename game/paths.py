"""Where the player's files live: one data folder for saves, reports and own scenarios."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from game import APP_NAME

DATA_ENV = "DETENTE_DATA_DIR"
"""Environment variable naming another data folder (tests and portable installs use it)."""


def data_folder() -> Path:
    """The user's data folder: $DETENTE_DATA_DIR, else the platform's user data folder."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    return platformdirs.user_data_path(APP_NAME, appauthor=False)
