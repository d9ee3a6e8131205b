"""First PINs at import: birth date vs one-time PINs, and the one-time hash vs a full one.

One temporary SQLite database built by the migrations, one desa. Side by side in the
same run: the same file of ``BENCH_PENDUDUK`` residents (default 5,000) imported into
a fresh desa with the birth-date choice and with one-time PINs (each the best of
three), and one PIN hashed at full cost (argon2id 19 MiB, t=2: passwords and chosen
PINs) against the one-time scheme (keyed, argon2id 256 KiB, t=1) hashed in bulk.
The issue asks that one-time PINs keep an import "fast enough": the acak/tanggal
column says what they add; the per-PIN ratio says what a full-cost hash would cost.
"""
import io
import os
import tempfile
import time
from pathlib import Path

JUMLAH = int(os.environ.get("BENCH_PENDUDUK", "5000"))


def _berkas(jumlah):
    from desaonline.penduduk.validasi import KOLOM
    baris = [",".join(KOLOM)]
    for i in range(jumlah):
        baris.append(",".join([f"3305051703{i:06d}", f"33050501012{i // 4:05d}", f"WARGA {chr(65 + i % 26)}",
                               "KEBUMEN", "1985-03-17", "L", "ISLAM", "KAWIN", "PETANI",
                               "KEPALA KELUARGA" if i % 4 == 0 else "ANAK", "JL. RAYA", "001", "002", "KRAJAN"]))
    return ("\r\n".join(baris) + "\r\n").encode()


def _impor(app, desa_id, pin_awal, data):
    from desaonline.extensions import db
    from desaonline.mandiri.pengaturan import simpan_pengaturan
    from desaonline.penduduk.impor import impor_penduduk
    from desaonline.penduduk.models import Keluarga, Penduduk
    from tenants import desa_scope
    with app.app_context(), desa_scope(desa_id):
        simpan_pengaturan(pin_awal, 30)
        db.session.query(Penduduk).delete()
        db.session.query(Keluarga).delete()
        db.session.commit()
        mulai = time.perf_counter()
        hasil = impor_penduduk("penduduk.csv", data)
        lama = time.perf_counter() - mulai
    assert hasil.dibuat == JUMLAH and len(hasil.pin_sekali) == (JUMLAH if pin_awal == "acak" else 0)
    return lama


def main():
    from flask_migrate import upgrade

    from desaonline import create_app
    from desaonline.admin.layanan import buat_desa, buat_kecamatan
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app("development", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.sqlite",
                                          "STORAGE_DIR": f"{tmp}/storage", "SECRET_KEY": "bench",
                                          "RATELIMIT_STORAGE_URI": "memory://"})
        app.extensions["celery"].conf.broker_url = "memory://"
        with app.app_context():
            upgrade(directory=str(Path(__file__).resolve().parent.parent / "migrations"), revision="heads")
            buat_kecamatan("kec-klirong", "Klirong", "33.05.05")
            desa_id = buat_desa("kec-klirong", "klirong", "Klirong", "33.05.05.2012").id
        data = _berkas(JUMLAH)
        tanggal = min(_impor(app, desa_id, "tanggal_lahir", data) for _ in range(3))
        acak = min(_impor(app, desa_id, "acak", data) for _ in range(3))
        print(f"impor {JUMLAH} penduduk: tanggal lahir {tanggal:.2f} s, PIN acak {acak:.2f} s "
              f"-> acak/tanggal {acak / tanggal:.2f}x")

        from desaonline.auth.passwords import hash_pin_sekali_banyak, hash_secret
        with app.app_context():
            n_penuh = 20
            mulai = time.perf_counter()
            for i in range(n_penuh):
                hash_secret(f"{i:06d}")
            penuh = (time.perf_counter() - mulai) / n_penuh
            pins = [f"{i:06d}" for i in range(JUMLAH)]
            mulai = time.perf_counter()
            hash_pin_sekali_banyak(pins)
            sekali = (time.perf_counter() - mulai) / len(pins)
        print(f"per PIN: penuh {penuh * 1000:.1f} ms, sekali pakai (massal) {sekali * 1000:.3f} ms "
              f"-> {penuh / sekali:.0f}x; {JUMLAH} PIN penuh akan makan {penuh * JUMLAH:.0f} s")


if __name__ == "__main__":
    main()
