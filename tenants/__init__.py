"""Tenancy: the kabupaten, its kecamatan and desa, and how a request finds its desa.

- ``models``: Kabupaten, Kecamatan, Desa and a desa's extra host names.
- ``resolver``: host name -> desa, cached in memory (no query once warm).
- ``scoping``: the one place that scopes every ORM query to the current desa.
"""
from tenants.scoping import DesaScoped, berlingkup, current_desa_id, desa_scope, desa_wajib, tanpa_scope  # noqa: F401
