"""Tasks that turn an approved letter into a signed PDF (see issue 5)."""
