"""The letter API: the resident's (``mandiri``) and the operator's (``operator``)."""
