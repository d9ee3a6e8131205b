from tests.signing.conftest import alur, bsre, pki_uji  # noqa: F401  (the same CA, fake BSrE, flow helpers)
