"""Hypothesis profiles for the fuzz suite (tests/fuzz/), chosen by ``HYPOTHESIS_PROFILE``.

    (unset) / ci   bounded: the whole fuzz suite runs in about a minute on 2 shared cores
    long           10-50x the examples, for a run by hand:
                   HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/fuzz -q

Two profiles are registered and the fuzz tests apply them explicitly
(``@settings(parent=settings.get_profile("fuzz-text"))``), so loading this conftest never
changes the settings of the rest of the test suite. No per-example deadline: the machine is
shared and a deadline would make the suite flaky; the reader tests assert their own generous
time bound per file, and super-linear time is measured as a ratio (test_fuzz_*_linear*).
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG = os.environ.get("HYPOTHESIS_PROFILE", "").lower() == "long"

_COMMON = dict(
    deadline=None,
    print_blob=True,  # a failure prints @reproduce_failure(...) to replay it exactly
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

# text extractors and scanners: cheap per example
settings.register_profile("fuzz-text", max_examples=5000 if LONG else 250, **_COMMON)
# readers: each example writes a file and opens it (pypdfium2, zipfile, lxml, Pillow)
settings.register_profile("fuzz-files", max_examples=1500 if LONG else 60, **_COMMON)
