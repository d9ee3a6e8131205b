"""Host map change signal: warm desa requests checking it every second vs never (before) vs every request.

Before issue 10 a warm process never asked the database about hosts (and served a
deleted desa for 30 s). Now it reads the change signal ``tenant_versi`` (one primary
key query) at most every ``TENANT_CHECK_SECONDS`` (1 s). This measures, in one run and
on one app with 460 desa, the desa home page and the bare lookup with the check
interval set three ways: never (the warm path as it was), 1 s (the default), and 0
(a read on every request, the cost of the signal itself). The rounds alternate so a
busy machine slows all three alike; the best of ten rounds counts. Wall-clock request
rates on a shared machine wander by 20%; the lookups, and the cost per request derived
from them (printed last), are the steadier figures.

``BENCH_DATABASE_URL`` (or ``TEST_DATABASE_URL``) with a PostgreSQL URL measures on
PostgreSQL, else a SQLite file; the output says which. ``BENCH_SECONDS`` (default
2.0) is how long the whole measurement runs.
"""
import math
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.bench_impor import _app, _database
from bench.bench_tenancy import _isi

SECONDS = float(os.environ.get("BENCH_SECONDS", "2.0"))
INTERVALS = (("never (before)", math.inf), ("every 1 s (now)", 1.0), ("every request", 0.0))


def ukur(app, hosts):
    """Median seconds per request and per lookup for each interval, and signal reads per request.

    Each interval has its own host map; they take turns request by request (so a load
    spike on the machine hits all three alike) and the medians are compared."""
    from desaonline.extensions import db
    from tenants.resolver import HostMap, resolve
    client = app.test_client()
    maps = {label: HostMap() for label, _ in INTERVALS}
    times = {(kind, label): [] for kind in ("request", "lookup") for label, _ in INTERVALS}

    def pakai(label, interval):
        app.extensions["desaonline.hostmap"] = maps[label]
        app.config["TENANT_CHECK_SECONDS"] = interval

    def request(n):
        res = client.get("/", base_url=f"http://{hosts[n % len(hosts)]}")
        assert res.status_code == 200, res.status_code

    def lookup(n):
        assert resolve(hosts[n % len(hosts)]) is not None

    with app.app_context():
        for label, interval in INTERVALS:  # every map warm
            pakai(label, interval)
            request(0)
        loads = {label: m.loads for label, m in maps.items()}
        checks = {label: m.checks for label, m in maps.items()}
        for kind, step, share in (("request", request, 0.7), ("lookup", lookup, 0.3)):
            n, deadline = 0, time.perf_counter() + SECONDS * share
            while time.perf_counter() < deadline:
                for label, interval in INTERVALS[n % 3:] + INTERVALS[:n % 3]:  # each goes first in turn
                    pakai(label, interval)
                    start = time.perf_counter()
                    step(n)
                    times[kind, label].append(time.perf_counter() - start)
                n += 1
        pakai(INTERVALS[1][0], 1.0)
    assert all(maps[label].loads == loads[label] for label in maps), "a warm request reloaded the host map"
    requests = len(times["request", INTERVALS[0][0]]) + len(times["lookup", INTERVALS[0][0]])
    reads = {label: (maps[label].checks - checks[label]) / requests for label in maps}
    return {key: statistics.median(v) for key, v in times.items()}, reads, len(times["request", INTERVALS[0][0]])


def main():
    with tempfile.TemporaryDirectory(prefix="bench-hostmap-") as tmp:
        url, apa, hapus = _database(Path(tmp))
        try:
            app = _app(url, Path(tmp))
            hosts = _isi(app, 460, 26)
            best, checks, n = ukur(app, hosts)
            from desaonline.extensions import db
            with app.app_context():
                db.engine.dispose()
        finally:
            hapus()
    dasar = INTERVALS[0][0]
    print(f"Database: {apa}; 460 desa in 26 kecamatan; medians of {n:,} interleaved requests each")
    print(f"{'change signal read':24}{'request':>12}{'vs before':>11}{'lookup':>12}{'vs before':>11}{'reads/call':>12}")
    for label, _ in INTERVALS:
        print(f"{label:24}{best['request', label] * 1e3:>9.3f} ms{best['request', label] / best['request', dasar]:>10.2f}x"
              f"{best['lookup', label] * 1e6:>9.1f} µs{best['lookup', label] / best['lookup', dasar]:>10.2f}x"
              f"{checks[label]:>12.4f}")
    print()
    for label, _ in INTERVALS[1:]:
        print(f"warm request, signal {label} vs before: {best['request', label] / best['request', dasar]:.2f}x "
              f"(time per request, {(best['request', label] - best['request', dasar]) * 1e6:+.0f} µs)")


if __name__ == "__main__":
    main()
