"""Scenario files: the format, safe loading and checks."""
