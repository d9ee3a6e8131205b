"""The letter flow through the public API, as the app and the operator drive it.

``Alur`` talks through a small adapter, so the same steps run on the in-process test
client (``lewat_klien``) and on the real gunicorn of the deployment (``lewat_http``).
"""
import io
import time

import requests

PIN_BARU = "583920"


class Jawaban:
    def __init__(self, status, body, headers):
        self.status, self.body, self.headers = status, body, headers

    @property
    def json(self):
        return self.body if isinstance(self.body, (dict, list)) else None


def lewat_klien(klien):
    """Adapter for the in-process ``HostClient``."""
    def kirim(method, path, token=None, json=None, form=None, berkas=None):
        kw = {}
        if json is not None:
            kw["json"] = json
        if form is not None or berkas is not None:
            data = dict(form or {})
            for nama, (namafile, isi) in (berkas or {}).items():
                data[nama] = (io.BytesIO(isi), namafile)
            kw["data"] = data
            kw["content_type"] = "multipart/form-data"
        r = klien.api(method, path, token, **kw)
        body = r.get_json(silent=True) if r.mimetype == "application/json" else r.get_data()
        return Jawaban(r.status_code, body, r.headers)
    return kirim


def lewat_http(deployment, host):
    """Adapter for the deployment's real web server (Host header, as a proxy sends it)."""
    def kirim(method, path, token=None, json=None, form=None, berkas=None):
        headers = {"Host": host}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        files = {nama: (namafile, isi) for nama, (namafile, isi) in (berkas or {}).items()} or None
        r = requests.request(method.upper(), f"http://127.0.0.1:{deployment.port}{path}", headers=headers,
                             json=json, data=form, files=files, timeout=30)
        jenis = r.headers.get("Content-Type", "")
        body = r.json() if jenis.startswith("application/json") and r.content else r.content
        return Jawaban(r.status_code, body, r.headers)
    return kirim


class Alur:
    def __init__(self, kirim, buat, desa):
        self.kirim, self.buat, self.desa = kirim, buat, desa
        self._op = None
        self._pejabat = None

    def cek(self, r, status):
        assert r.status == status, (r.status, r.body)
        return r

    # --- operator ---
    @property
    def op(self):
        if self._op is None:
            username, password = self.buat.operator(self.desa)
            r = self.cek(self.kirim("post", "/api/v1/operator/login", json={"username": username,
                                                                          "password": password}), 200)
            self._op = r.json["token"]
        return self._op

    def pejabat(self):
        if self._pejabat is None:
            r = self.cek(self.kirim("post", "/api/v1/operator/pejabat", self.op, json={
                "nama": "SITI AMINAH <Kades> & Co", "jabatan": f"Kepala Desa {self.desa.slug.title()}",
                "nip": "197001012000012001", "kepala_desa": True}), 201)
            self._pejabat = r.json["id"]
        return self._pejabat

    def unggah_sertifikat(self, p12, sandi):
        return self.kirim("post", "/api/v1/operator/sertifikat", self.op, form={"password": sandi},
                          berkas={"file": ("kades.p12", p12)})

    # --- residents ---
    def warga(self, **kw):
        p = self.buat.penduduk(self.desa, **kw)
        r = self.cek(self.kirim("post", "/api/v1/mandiri/login", json={"nik": p.nik, "pin": p.pin, "no_kk": p.no_kk}), 200)
        token = r.json["token"]
        self.cek(self.kirim("post", "/api/v1/mandiri/ganti-pin", token,
                            json={"pin_lama": p.pin, "pin_baru": PIN_BARU}), 204)
        return p, token

    def surat_diajukan(self, token, keperluan="Melamar pekerjaan", keterangan=None, nik=None):
        r = self.cek(self.kirim("post", "/api/v1/mandiri/surat", token, json={
            "jenis": "surat_ket_pengantar", "nik": nik, "klasifikasi": "470", "keperluan": keperluan,
            "keterangan": keterangan, "penandatangan": self.pejabat()}), 201)
        surat_id = r.json["id"]
        self.cek(self.kirim("post", f"/api/v1/mandiri/surat/{surat_id}/ajukan", token), 200)
        return surat_id

    def setujui(self, surat_id, **json):
        return self.cek(self.kirim("post", f"/api/v1/operator/surat/{surat_id}/setujui", self.op, json=json), 202)

    def surat(self, surat_id, token):
        return self.cek(self.kirim("get", f"/api/v1/mandiri/surat/{surat_id}", token), 200).json

    def tunggu_status(self, surat_id, token, status, batas=60):
        akhir = time.monotonic() + batas
        while True:
            data = self.surat(surat_id, token)
            if data["status"] in status if isinstance(status, tuple) else data["status"] == status:
                return data
            assert time.monotonic() < akhir, data
            time.sleep(0.2)

    def pdf(self, surat_id, token):
        r = self.cek(self.kirim("get", f"/api/v1/mandiri/surat/{surat_id}/pdf", token), 200)
        assert r.body[:5] == b"%PDF-"
        return r.body
