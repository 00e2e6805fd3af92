"""Rendering the report. JSON is canonical; every format renders the same DossierReport."""
from audit.report.json import to_dict, to_json

__all__ = ["to_dict", "to_json"]
