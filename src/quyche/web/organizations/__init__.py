"""The organisation tree (materialised paths) and the versioned organisation profiles."""
