"""Shared test set-up: no screen, no sound, no pygame banner."""

import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Tests never touch the player's real saves, reports or scenarios.
os.environ.setdefault("DETENTE_DATA_DIR", tempfile.mkdtemp(prefix="detente-tests-"))
