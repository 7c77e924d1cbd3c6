"""The pygame-ce front end: the only code that draws."""
