"""Détente: a turn-based negotiation game about NATO-Russia missile-defence cooperation."""

__version__ = "0.1.0"
APP_NAME = "detente"
