"""Meeting records of each organisation and their compliance with the meeting regime."""
