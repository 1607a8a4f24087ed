"""Review tasks opened by lifecycle events (domain.md §5) and closed by a newly issued version."""
