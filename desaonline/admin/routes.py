"""Admin pages on the portal host (see issue 2)."""
