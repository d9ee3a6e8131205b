"""Guards for the desa operator's pages and API."""
from desaonline.auth.decorators import peran_required
from desaonline.auth.sessions import api_auth
from desaonline.operator import api_bp

operator_required = peran_required(("operator",), "operator.masuk")


def operator_api(view):
    """API view for the desa's operator (bearer token of this desa)."""
    return api_bp.auth_required(api_auth, roles=["operator"])(view)
