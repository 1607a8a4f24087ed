"""CNT — required content blocks of a working regulation, per the model skeleton (rules.md §9)."""
