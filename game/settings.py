"""The player's settings (window, text size, palette, sound), remembered between runs."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from game import APP_NAME

WINDOW_SIZES: tuple[tuple[int, int], ...] = (
    (1024, 640),
    (1280, 720),
    (1440, 810),
    (1600, 900),
    (1920, 1080),
)
"""The window sizes the settings offer, smallest first (Right makes the window larger)."""
SCREEN_MARGIN = 48
"""Height a desktop keeps for the window's title bar and a task bar: a 1280 x 720 window
still fits a 1366 x 768 classroom laptop."""
TEXT_SIZES: dict[str, float] = {"small": 0.9, "normal": 1.0, "large": 1.15, "larger": 1.3}
PALETTES: tuple[str, ...] = ("standard", "colour-blind safe")
SETTINGS_ENV = "DETENTE_SETTINGS"
"""Environment variable naming another settings file (tests and portable installs use it)."""


@dataclass(frozen=True)
class Settings:
    """What the player chose in the settings screen."""

    width: int = 1280
    height: int = 720
    fullscreen: bool = False
    text_size: str = "normal"
    palette: str = "standard"
    sound: bool = True

    @property
    def text_scale(self) -> float:
        """The factor every font size is multiplied by."""
        return TEXT_SIZES.get(self.text_size, 1.0)

    def cleaned(self) -> Settings:
        """A copy with every value brought into its allowed range."""
        return replace(
            self,
            width=max(800, min(7680, int(self.width))),
            height=max(560, min(4320, int(self.height))),
            text_size=self.text_size if self.text_size in TEXT_SIZES else "normal",
            palette=self.palette if self.palette in PALETTES else "standard",
        )


def sizes_that_fit(desktop: tuple[int, int] | None) -> list[tuple[int, int]]:
    """The window sizes a desktop of `desktop` pixels shows whole (every size when it is not
    known), and at least the smallest: a 1440 x 810 window on a 1280 x 800 screen put the
    table's buttons off the screen."""
    if desktop is None:
        return list(WINDOW_SIZES)
    width, height = desktop
    fitting = [s for s in WINDOW_SIZES if s[0] <= width and s[1] <= height - SCREEN_MARGIN]
    return fitting or [WINDOW_SIZES[0]]


def fitted_size(chosen: tuple[int, int], desktop: tuple[int, int] | None) -> tuple[int, int]:
    """The window size to open: the chosen one if the desktop shows it whole, else the
    largest offered size that fits (the choice itself is kept for a larger screen)."""
    fitting = sizes_that_fit(desktop)
    if desktop is None or (chosen[0] <= desktop[0] and chosen[1] <= desktop[1] - SCREEN_MARGIN):
        return chosen
    return fitting[-1]


def settings_path() -> Path:
    """Where the settings file lives: $DETENTE_SETTINGS, else the user's config folder."""
    override = os.environ.get(SETTINGS_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "settings.json"


def load(path: Path | None = None) -> Settings:
    """Read the settings; a missing or damaged file gives the defaults, never an error."""
    target = path or settings_path()
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    known = {field.name: field.type for field in fields(Settings)}
    values: dict[str, object] = {}
    defaults = asdict(Settings())
    for name in known:
        if name in data and type(data[name]) is type(defaults[name]):
            values[name] = data[name]
    return Settings(**values).cleaned()  # type: ignore[arg-type]


def save(settings: Settings, path: Path | None = None) -> bool:
    """Write the settings; returns False (and keeps playing) if the folder is not writable."""
    target = path or settings_path()
    try:
        # Atomic: a crash or a full disk mid-write keeps the settings file that was there.
        # Imported here: game.saves brings the engine with it, which start-up does not need.
        from game.saves.atomic import write_atomic

        write_atomic(target, (json.dumps(asdict(settings), indent=2) + "\n").encode("utf-8"))
    except OSError:
        return False
    return True
