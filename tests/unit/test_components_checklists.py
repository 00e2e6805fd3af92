"""Component checklists as data, evidence on results, and gaps as findings."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from audit.checklist import BUNDLED_DIR, SCHEMA_DIR, load_checklists, validate_file
from audit.components import assess_components, gaps_to_findings
from audit.errors import ChecklistError
from audit.model import AuditedDocument, Block, Document, Page
from audit.segment import blocks_to_sections

OWN_FILES = ("spoor2_plan.yaml", "spoor2_voortgang.yaml", "spoor2_eind.yaml", "riv.yaml")


@pytest.fixture(scope="module")
def checklists():
    return load_checklists()


def _audited(doc_type: str, blocks, checklists) -> AuditedDocument:
    doc = Document("rapport.pdf", "pdf", (Page(1, tuple(blocks[:2])), Page(2, tuple(blocks[2:]))))
    return AuditedDocument(doc, doc_type, 1.0, blocks_to_sections(doc, checklists))


def test_every_spec_component_has_a_complete_entry(checklists) -> None:
    for doc_type, comps in checklists.spec.checklists.items():
        for key in comps:
            entry = checklists.components[doc_type][key]
            assert entry["title"]["nl"] and entry["title"]["en"] and entry["source"]
            assert entry["messages"]["missing"]["nl"] and entry["messages"]["missing"]["en"]
            assert entry["severity"] in ("high", "medium", "low")
            if isinstance(comps[key], dict) and "when" in comps[key]:
                assert entry["when"] == comps[key]["when"]


def test_when_conditions_have_vocabulary(checklists) -> None:
    conditions = checklists.vocab["conditions"]
    assert checklists.spec.when_conditions() <= set(conditions)


def test_schema_rejects_unknown_key_at_depth(tmp_path: Path) -> None:
    data = yaml.safe_load((BUNDLED_DIR / "spoor2_eind.yaml").read_text(encoding="utf-8"))
    data["components"]["resultaat"]["cues"]["synonyms"] = ["x"]
    bad = tmp_path / "spoor2_eind.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ChecklistError, match="synonyms"):
        validate_file(bad)


@pytest.mark.parametrize("name", OWN_FILES)
def test_own_files_validate(name: str) -> None:
    schema = json.loads((SCHEMA_DIR / "checklist-components.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load((BUNDLED_DIR / name).read_text(encoding="utf-8")), schema)


def _code_strings(path: Path) -> list[str]:
    """String constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value.lower() for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def test_no_dutch_cue_words_in_code(checklists) -> None:
    """Cue words live in checklists/, never in audit/ code (design.md, 'Where knowledge lives')."""
    cues = {w.lower() for comps in checklists.components.values() for c in comps.values()
            for kind in ("headings", "phrases", "labels") for w in c.get("cues", {}).get(kind, ()) if len(w) >= 5}
    cues |= {w for w in checklists.vocab["negation"]["before"] + checklists.vocab["negation"]["after"] if len(w) >= 4}
    audit = Path(__file__).resolve().parents[2] / "audit"
    for name in ("components.py", "dossier.py", "segment.py", "component_checks.py"):
        for text in _code_strings(audit / name):
            assert not any(re.search(rf"(?<![\w]){re.escape(c)}(?![\w])", text) for c in cues), (name, text)


def test_present_component_carries_page_and_sentence(checklists) -> None:
    blocks = [Block("paragraph", "Eindrapportage", 1, font_size=16, bold=True),
              Block("paragraph", "Intro van het bureau over het traject van de werknemer in deze periode.", 1, font_size=10),
              Block("paragraph", "6. Advies voor het vervolg", 2, font_size=12.5, bold=True),
              Block("paragraph", "Wij adviseren de zoektocht voort te zetten met een werkervaringsplaats.", 2, font_size=10)]
    results = {r.id: r for r in assess_components(_audited("spoor2_eind", blocks, checklists), checklists)}
    advice = results["spoor2_eind.advies_vervolg"]
    assert advice.status == "present"
    assert advice.evidence[0].page == 2 and "Advies" in advice.evidence[0].quote


def test_gaps_become_findings_with_reason_severity_and_practice_norm(checklists) -> None:
    blocks = [Block("paragraph", "Voortgangsrapportage", 1, font_size=16, bold=True),
              Block("paragraph", "Rapportageperiode: 1-3-2024 tot en met 30-4-2024.", 1, font_size=10),
              Block("paragraph", "Aanbodversterking: n.v.t.", 2, font_size=10)]
    audited = _audited("spoor2_voortgang", blocks, checklists)
    audited = AuditedDocument(audited.document, audited.doc_type, 1.0, audited.sections,
                              components=assess_components(audited, checklists))
    findings = {f.id: f for f in gaps_to_findings([audited], [], checklists)}
    gap = findings["spoor2_voortgang.aanbodversterking"]
    assert gap.severity == checklists.component(gap.id)["severity"]
    assert gap.evidence and gap.evidence[0].page == 2 and gap.message_en and gap.document == "rapport.pdf"
    plan = findings["spoor2_voortgang.arbeidsmarktplan"]
    assert plan.practice_norm and "praktijknorm" in plan.message
    assert "spoor2_voortgang.periode" not in findings


def test_other_doc_types_have_no_checklist(checklists) -> None:
    blocks = [Block("paragraph", "Probleemanalyse", 1)]
    assert assess_components(_audited("probleemanalyse", blocks, checklists), checklists) == ()


def test_no_hours_limit_with_part_time_zoekprofiel_is_missing(checklists) -> None:
    from audit.model import HoursFact
    blocks = [Block("heading", "Belastbaarheid", 1), Block("paragraph", "FML: geen urenbeperking; niet zwaar tillen.", 1),
              Block("heading", "Zoekprofiel", 1), Block("paragraph", "Magazijnmedewerker en chauffeur, 20 uur per week.", 1)]
    audited = _audited("spoor2_plan", blocks, checklists)
    contract = HoursFact(38.0, "per_week", "38 uur per week", 1, "arbeidsduur 38 uur per week", role="contract")
    for hours, expected in (((contract,), "missing"), ((), "present")):
        with_hours = AuditedDocument(audited.document, "spoor2_plan", 1.0, audited.sections, hours=hours)
        result = {r.id: r for r in assess_components(with_hours, checklists)}["spoor2_plan.urenomvang"]
        assert result.status == expected
