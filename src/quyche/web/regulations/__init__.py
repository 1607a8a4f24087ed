"""Working regulations per organisation and term, their immutable versions, citations and waivers."""
