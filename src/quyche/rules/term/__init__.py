"""TERM — term (nhiệm kỳ), khóa and dates (rules.md §7)."""
