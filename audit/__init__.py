"""Poortwachter Audit: read Dutch re-integration dossiers the way UWV does at the RIV-toets."""

__version__ = "0.1.0"
