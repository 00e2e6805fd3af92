"""Shared test set-up.

This file's presence puts ``tests/`` on ``sys.path`` (pytest's rootdir-conftest rule), so the
helpers beside it import plainly from any test: ``from report_schema import assert_valid_report``,
``from report_sample import sample_report``.
"""
