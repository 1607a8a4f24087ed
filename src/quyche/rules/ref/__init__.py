"""REF — legal bases (căn cứ) and references (rules.md §4; the catalogue of references.md)."""
