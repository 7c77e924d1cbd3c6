"""The pygame-ce front end: the only code that draws."""

import os

# Before anything imports pygame: no banner on the console.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
