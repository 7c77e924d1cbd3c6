"""Computer players: they see only what a player sees."""
