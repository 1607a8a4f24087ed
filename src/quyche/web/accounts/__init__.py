"""Users (custom model with roles and an organisation) and hashed API tokens."""
