"""Detente engine: the pure rules of the negotiation."""
