"""Document type from the first page: titles written by other hands, OCR noise, confusable
pairs, and a re-integratieverslag whose chronology names every other document."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.checklist import load_checklists
from audit.classify import classify_doc_type, normalise
from audit.model import Block, Document, Page

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"


@pytest.fixture(scope="module")
def checklists():
    return load_checklists()


def document(*lines: str, body: str = "", path: str = "document.pdf", header: str | None = None,
             table: tuple[tuple[str, ...], ...] | None = None) -> Document:
    blocks = [Block("header", header, 1)] if header else []
    blocks += [Block("paragraph", line, 1) for line in lines]
    if table:
        blocks.append(Block("table", "\n".join(" | ".join(r) for r in table), 1, rows=table))
    if body:
        blocks.append(Block("paragraph", body, 1))
    return Document(path, "pdf", (Page(1, tuple(blocks)),))


FIELDS = ("Werknemer: P. de Boer", "BSN: 123456782", "Werkgever: Drukkerij Noord B.V.")
CHRONOLOGY = (("Datum", "Onderdeel"), ("12-04-2023", "Probleemanalyse"), ("25-04-2023", "Plan van aanpak"),
              ("06-06-2023", "Evaluatie plan van aanpak"), ("12-12-2023", "Functionele Mogelijkhedenlijst"),
              ("16-01-2024", "Eerstejaarsevaluatie"), ("08-11-2024", "Eindrapportage tweede spoor"),
              ("12-11-2024", "Actueel oordeel bedrijfsarts"), ("20-11-2024", "Eindevaluatie"))

CASES = [  # (id, first lines, body, expected)
    ("pa-form", ["Probleemanalyse", "advies van de bedrijfsarts", *FIELDS], "", "probleemanalyse"),
    ("pa-ocr", ["ArboZorg Oost  Vertrouwelijk", "Probleemana1yse", *FIELDS], "", "probleemanalyse"),
    ("pa-letter", ["Arbodienst Midden", "Aan: Drukkerij Noord B.V.", "Utrecht, 3 mei 2024",
                   "Betreft: probleemanalyse de heer De Boer, eerste ziektedag 20-03-2024"], "", "probleemanalyse"),
    ("pva", ["Drukkerij Noord B.V.", "Plan van Aanpak re-integratie", *FIELDS], "", "plan_van_aanpak"),
    ("bijstelling", ["Bijgesteld plan van aanpak", "na de nieuwe FML", *FIELDS], "", "bijstelling_pva"),
    ("evaluatie", ["Evaluatie plan van aanpak", "Verslag van het gesprek", *FIELDS], "", "evaluatie"),
    ("gesprek", ["Verslag voortgangsgesprek 14 maart"], "Aanwezig: Piet en Anna.", "evaluatie"),
    ("gesprek-van", ["Verslag van het gesprek over de re-integratie"], "", "evaluatie"),
    ("logboek", ["Verzuimlogboek", *FIELDS], "", "logboek"),
    ("ziekmelding", ["Werkgeversportaal - afdruk", "Ziekmelding langdurig zieke werknemer",
                     "Kenmerk melding ZM42-1"], "", "ziekmelding_uwv"),
    ("eje", ["Eerstejaars evaluatie", *FIELDS], "", "eerstejaarsevaluatie"),
    ("eje-ocr", ["Eerstejaarsevaluat1e plan van aanpak", *FIELDS], "", "eerstejaarsevaluatie"),
    ("fml", ["Functionele Mogelijkhedenlijst", "Opgesteld door de bedrijfsarts", *FIELDS], "", "fml"),
    ("fml-ocr", ["Functionele Mogel1jkhedenl ijst (FML)", *FIELDS], "", "fml"),
    ("izp", ["Inzetbaarheidsprofiel", *FIELDS], "", "fml"),
    ("ad", ["Rapportage arbeidsdeskundig onderzoek", *FIELDS], "", "ad_rapport"),
    ("s2-plan", ["Trajectplan 2e spoor", *FIELDS], "", "spoor2_plan"),
    ("s2-plan-bureau", ["Re-integratieplan tweede spoor", "Opgesteld door Werkroute B.V."], "", "spoor2_plan"),
    ("s2-voortgang", ["Werkroute B.V.", "Voortgangsrapportage 3 - tweede spoor", *FIELDS,
                      "Eerstejaarsevaluatie 30-05-2024"], "", "spoor2_voortgang"),
    ("s2-eind", ["Eindrapportage re-integratie 2e spoor", *FIELDS], "", "spoor2_eind"),
    ("sollicitaties", ["Overzicht van sollicitaties", "Werknemer P. de Boer"], "", "sollicitatieoverzicht"),
    ("do", ["UWV", "Deskundigenoordeel", "Uw aanvraag van 3 maart 2024"], "", "deskundigenoordeel"),
    ("ao", ["Actueel oordeel bedrijfsarts", "Ten behoeve van het re-integratieverslag (WIA-aanvraag)"],
     "", "actueel_oordeel"),
    ("eindevaluatie", ["Eindevaluatie", "Werkgever en werknemer - bijlage bij het re-integratieverslag"],
     "", "eindevaluatie"),
    ("riv", ["Re-integratieverslag", "Samenvattend verslag bij de WIA-aanvraag", *FIELDS], "", "riv"),
    ("overig-letter", ["Drukkerij Noord B.V.", "Aangetekend", "Betreft: schriftelijke waarschuwing"],
     "Wij verzoeken u mee te werken aan uw re-integratie.", "overig"),
]


@pytest.mark.parametrize("case_id, lines, body, expected", CASES, ids=[c[0] for c in CASES])
def test_type_from_first_page(checklists, case_id, lines, body, expected):
    doc_type, confidence = classify_doc_type(document(*lines, body=body), (), checklists)
    assert (doc_type, case_id) == (expected, case_id)
    assert 0.0 <= confidence <= 1.0


def test_every_doc_type_of_the_spec_has_a_case(checklists):
    assert set(checklists.spec.doc_types) == {c[3] for c in CASES}


def test_riv_chronology_naming_every_document_stays_riv(checklists):
    doc = document("Groothandel Brinkers B.V.", "Re-integratieverslag", *FIELDS, table=CHRONOLOGY,
                   body="Probleemanalyse. Plan van aanpak. Functionele Mogelijkhedenlijst. "
                        "Eindrapportage tweede spoor. Actueel oordeel. Eindevaluatie.")
    assert classify_doc_type(doc, (), checklists)[0] == "riv"


def test_title_dominates_body_mentions(checklists):
    """A probleemanalyse full of 'belastbaarheid' and FML words is still a probleemanalyse."""
    body = ("Persoonlijk functioneren: beperkt. Sociaal functioneren: beperkt. Dynamische handelingen, "
            "statische houdingen en werktijden: zie de Functionele Mogelijkhedenlijst. " * 3)
    doc = document("Probleemanalyse", *FIELDS, body=body)
    assert classify_doc_type(doc, (), checklists)[0] == "probleemanalyse"


def test_file_name_is_no_cue(checklists):
    doc = document("Functionele Mogelijkhedenlijst", *FIELDS, path="probleemanalyse_re-integratieverslag.pdf")
    assert classify_doc_type(doc, (), checklists)[0] == "fml"


def test_running_header_counts_less_than_the_title(checklists):
    doc = document("Eindrapportage tweede spoor", *FIELDS, header="Bureau Werkroute - Voortgangsrapportage")
    assert classify_doc_type(doc, (), checklists)[0] == "spoor2_eind"


def test_empty_document_is_overig(checklists):
    assert classify_doc_type(Document("leeg.pdf", "pdf", ()), (), checklists) == ("overig", 0.0)
    blank = Document("blanco.pdf", "pdf", (Page(1, ()),))
    assert classify_doc_type(blank, (), checklists)[0] == "overig"


def test_normalise_joins_spellings():
    assert normalise("Re-integratie­verslag") == normalise("Reïntegratieverslag") == "reintegratieverslag"
    assert normalise("2. Plan  van Aanpak:") == "2 plan van aanpak"


# --------------------------------------------------------------------------- development corpus


def corpus_digital() -> list[tuple[Path, str]]:
    """Digital PDFs and DOCX of the corpus with their labelled type (scans need OCR: skipped)."""
    out = []
    for truth_file in sorted(SHARED.glob("corpus/*/truth.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        for name, label in truth["documents"].items():
            if label["format"] in ("pdf", "docx"):
                out.append((truth_file.parent / name, label["doc_type"]))
    return out


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not available")
def test_corpus_digital_documents_reach_the_goal(checklists):
    from audit.ingest import ReadOptions, load_document
    from audit.segment import blocks_to_sections

    cases = corpus_digital()
    wrong = []
    for path, expected in cases:
        doc = load_document(path, path.name, ReadOptions(ocr="never"))
        got = classify_doc_type(doc, blocks_to_sections(doc, checklists), checklists)[0]
        if got != expected:
            wrong.append(f"{path.parent.name}/{path.name}: {got} != {expected}")
    assert len(cases) > 40
    assert 1 - len(wrong) / len(cases) >= 0.95, wrong


def test_title_in_a_form_header_table(checklists):
    """An employer's form keeps its title in the first row of a table."""
    head = (("PLAN VAN AANPAK", "Formulier HR-07"), ("Werknemer", "P. de Boer"), ("BSN", "123456782"))
    doc = Document("form.docx", "docx", (Page(1, (Block("table", "", 1, rows=head),
                                                  Block("paragraph", "Afspraken en activiteiten", 1))),))
    assert classify_doc_type(doc, (), checklists)[0] == "plan_van_aanpak"


def test_chronology_table_rows_do_not_make_a_title(checklists):
    """Only a table's first row can hold a title: the rows of a RIV's chronology cannot."""
    doc = document("Groothandel Brinkers B.V.", "Re-integratieverslag", table=CHRONOLOGY)
    assert classify_doc_type(doc, (), checklists)[0] == "riv"


def test_reference_to_another_document_is_no_title(checklists):
    """'Ten behoeve van het re-integratieverslag' under a title the OCR lost names the RIV the
    oordeel is for; it does not make the document a RIV."""
    doc = document("Arbodienst Oost  Vertrouwelijk", "a ek ololiddeleh pleldk",
                   "Ten behoeve van het re-integratieverslag (WIA-aanvraag)", *FIELDS,
                   body="Datum spreekuur 12-11-2024. Datum oordeel 12 november 2024. De bedrijfsarts "
                        "ziet geen verbetering.")
    assert classify_doc_type(doc, (), checklists)[0] == "actueel_oordeel"


def test_report_noun_keeps_its_subject_as_title(checklists):
    doc = document("Verslag van het evaluatiegesprek", *FIELDS)
    assert classify_doc_type(doc, (), checklists)[0] == "evaluatie"


def test_document_that_names_itself_without_a_title(checklists):
    """No title (lost to OCR or never written), but 'in deze probleemanalyse' in the body."""
    doc = document("Arbodienst Oost", *FIELDS,
                   body="In deze probleemanalyse beschrijf ik de beperkingen en de prognose.")
    assert classify_doc_type(doc, (), checklists)[0] == "probleemanalyse"
