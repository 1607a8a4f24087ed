"""MEET — meeting regime (rules.md §6)."""
