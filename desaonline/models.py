"""Every model, imported once so that mappers and Alembic see the whole schema.

Each model lives next to the feature that owns it.
"""
from tenants.models import Desa, DesaHost, Kabupaten, Kecamatan  # noqa: F401
from desaonline.auth.models import Sesi  # noqa: F401
from desaonline.admin.models import Admin  # noqa: F401
from desaonline.operator.models import Operator  # noqa: F401
from desaonline.penduduk.models import Keluarga, Penduduk  # noqa: F401
from desaonline.mandiri.models import PengaturanAkun, RiwayatAkun  # noqa: F401
from desaonline.surat.models import (  # noqa: F401
    JenisSuratDesa, JenisSuratKabupaten, NomorUrut, Pejabat, PengaturanSurat, RiwayatSurat, Surat)
from desaonline.signing.models import PengaturanTtd, SertifikatDesa  # noqa: F401
from desaonline.audit.models import CatatanAudit  # noqa: F401
