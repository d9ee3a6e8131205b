"""Benchmarks: ``make bench`` (``python -m bench``) runs every ``bench/bench_*.py``.

Each module has a ``main()`` that builds what it needs in a temporary directory and
prints its results; nothing touches the development database.
"""
