"""Every resident and operator route of this issue is in the OpenAPI document, with its schemas."""


def test_openapi_documents_the_resident_and_operator_api(portal):
    spec = portal.get("/api/v1/openapi.json").get_json()
    paths = spec["paths"]
    for path, method in [
        ("/api/v1/mandiri/login", "post"), ("/api/v1/mandiri/ganti-pin", "post"), ("/api/v1/mandiri/keluar", "post"),
        ("/api/v1/mandiri/profil", "get"), ("/api/v1/mandiri/keluarga", "get"), ("/api/v1/mandiri/kontak", "get"),
        ("/api/v1/operator/login", "post"), ("/api/v1/operator/penduduk/impor", "post"),
        ("/api/v1/operator/penduduk/{nik}/reset-pin", "post"),
    ]:
        assert method in paths.get(path, {}), f"{method.upper()} {path} missing"
    login = paths["/api/v1/mandiri/login"]["post"]
    assert "application/json" in login["requestBody"]["content"]
    impor = paths["/api/v1/operator/penduduk/impor"]["post"]
    assert "multipart/form-data" in impor["requestBody"]["content"]
    schemas = spec["components"]["schemas"]
    assert {"nik", "pin"} <= set(schemas["LoginPendudukIn"]["properties"])
    assert {"token", "wajib_ganti_pin"} <= set(schemas["LoginPendudukOut"]["properties"])
    assert {"dibuat", "diperbarui", "ditolak"} <= set(schemas["HasilImporOut"]["properties"])
    assert {"nik", "nama", "no_kk"} <= set(schemas["ProfilOut"]["properties"])
    assert {"wa_operator", "wa_link"} <= set(schemas["KontakOut"]["properties"])
    assert "security" in paths["/api/v1/mandiri/profil"]["get"]
