"""Accounts shared by every role: password/PIN hashing and sessions (cookie and bearer)."""
