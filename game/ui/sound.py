"""Quiet sound effects, generated at start-up with numpy (no sound files to ship)."""

from __future__ import annotations

import numpy as np
import pygame

# name -> (frequencies in Hz played one after another, seconds per note, volume 0..1)
CUES: dict[str, tuple[tuple[float, ...], float, float]] = {
    "click": ((880.0,), 0.03, 0.12),
    "move": ((523.25, 659.25), 0.07, 0.15),
    "computer": ((392.0, 493.88), 0.08, 0.14),
    "event": ((659.25, 523.25, 392.0), 0.09, 0.16),
    "agreement": ((523.25, 659.25, 783.99), 0.1, 0.18),
    "end": ((392.0, 523.25, 659.25, 783.99), 0.12, 0.18),
}


def tone(frequencies: tuple[float, ...], seconds: float, volume: float, rate: int) -> np.ndarray:
    """Soft sine notes with short fades (no clicks), as 16-bit mono samples."""
    count = int(rate * seconds)
    t = np.arange(count) / rate
    fade = min(count // 2, int(rate * 0.012))
    envelope = np.ones(count)
    envelope[:fade] = np.linspace(0.0, 1.0, fade)
    envelope[-fade:] = np.linspace(1.0, 0.0, fade)
    notes = [np.sin(2 * np.pi * f * t) * envelope for f in frequencies]
    wave = np.concatenate(notes) * volume
    return (wave * 32767).astype(np.int16)


class Sounds:
    """The cues, made on first use; silent when off or when there is no audio device."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._sounds: dict[str, pygame.mixer.Sound] | None = None
        self._failed = False

    def _load(self) -> dict[str, pygame.mixer.Sound]:
        if self._sounds is not None:
            return self._sounds
        self._sounds = {}
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=44100, size=-16, channels=1)
            init = pygame.mixer.get_init()
            if init is None:
                raise pygame.error("no mixer")
            rate, _size, channels = init
            for name, (frequencies, seconds, volume) in CUES.items():
                samples = tone(frequencies, seconds, volume, rate)
                if channels > 1:
                    samples = np.repeat(samples[:, None], channels, axis=1)
                self._sounds[name] = pygame.sndarray.make_sound(np.ascontiguousarray(samples))
        except (pygame.error, ValueError, ImportError):
            # No audio device (or no sndarray support): play on in silence.
            self._failed = True
        return self._sounds

    def play(self, name: str) -> None:
        """Play a cue unless sound is off."""
        if not self.enabled or self._failed:
            return
        sound = self._load().get(name)
        if sound is not None:
            sound.play()
