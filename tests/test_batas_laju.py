"""Rate limits are attached to views with ``dibatasi`` only (desaonline.extensions): the
limiter's request hooks, which count the failed logins (``deduct_when``), run only for them."""
import pytest

from desaonline.extensions import _DIBATASI, _nama_view

# Flask-Limiter marks the wrapper its decorators put around a view with this attribute.
TANDA = "__wrapper-limiter-instance"


def _dibungkus_limiter(view):
    while view is not None:
        if getattr(view, TANDA, None) is not None:
            return True
        view = getattr(view, "__wrapped__", None)
    return False


def test_every_view_with_a_limit_is_known_to_the_hooks(app):
    berbatas = [e for e, v in app.view_functions.items() if _dibungkus_limiter(v)]
    assert len(berbatas) >= 6   # the logins of every role, the PDF checks
    assert [e for e in berbatas if _nama_view(app.view_functions[e]) not in _DIBATASI] == []


@pytest.mark.parametrize("kunci", ["RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION"])
def test_a_limit_for_every_request_is_refused_at_start_up(kunci):
    from desaonline import create_app
    with pytest.raises(RuntimeError, match=kunci):
        create_app("testing", {"SQLALCHEMY_DATABASE_URI": "sqlite://", kunci: "100/minute"})
