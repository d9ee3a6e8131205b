"""The letter pages: the resident's (``mandiri``), the operator's (``operator``), the settings (``pengaturan``)."""
