from tests.signing.conftest import alur, bsre, bsre_v2, pki_uji  # noqa: F401  (the same CA, fake BSrE, flow helpers)
