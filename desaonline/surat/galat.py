"""The one error the letter services raise; pages show it, the API answers with it."""


class SuratError(Exception):
    """Bad input or a step the letter's state does not allow; nothing was changed.

    ``rincian`` maps a field name to its message, so a form can show each next to
    its field and the API can name them.
    """

    def __init__(self, status, code, message, rincian=None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.rincian = rincian or {}


def tidak_ditemukan():
    return SuratError(404, "surat_tidak_ditemukan", "Surat tidak ditemukan.")
