"""``python -m bench [name ...]``: run every bench/bench_*.py module's ``main()``, or the named ones
(``python -m bench tenancy``), each under its own header. Exits 1 when one of them failed."""
import importlib
import importlib.util
import pkgutil
import sys
import time
import traceback
from pathlib import Path


def available():
    return sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.name.startswith("bench_"))


def _judul(path):
    """First line of a module's docstring, read without importing it (an import may fail)."""
    import ast
    doc = ast.get_docstring(ast.parse(Path(path).read_text())) or ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


def main(argv):
    names = available()
    if argv:
        wanted = {a if a.startswith("bench_") else f"bench_{a}" for a in argv}
        unknown = wanted - set(names)
        if unknown:
            print(f"Tidak ada benchmark: {', '.join(sorted(unknown))}. Tersedia: {', '.join(names)}", file=sys.stderr)
            return 2
        names = [n for n in names if n in wanted]
    failed = []
    for name in names:
        spec = importlib.util.find_spec(f"bench.{name}")
        title = _judul(spec.origin)
        print("=" * 78)
        print(f"{name}: {title}")
        print("=" * 78, flush=True)
        start = time.perf_counter()
        try:
            importlib.import_module(f"bench.{name}").main()
        except Exception:  # one broken benchmark must not hide the others' results
            traceback.print_exc()
            failed.append(name)
        print(f"({time.perf_counter() - start:.1f} s)\n", flush=True)
    if failed:
        print(f"GAGAL: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
