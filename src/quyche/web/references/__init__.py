"""The reference catalogue in the database, editable by the board, with the history of every change."""
