"""TPL — template leftovers and copying (rules.md §8)."""
