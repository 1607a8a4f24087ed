"""ORG — consistency with the organisation profile (rules.md §5)."""
