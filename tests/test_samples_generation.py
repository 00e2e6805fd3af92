"""The committed sample dossiers are what samples/make_samples.py writes, and their expected
results only use ids of the contract and only label strings the documents really contain."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest
import yaml
from PIL import Image, ImageChops, ImageStat

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SPEC = yaml.safe_load((ROOT / "audit" / "spec" / "components.yaml").read_text(encoding="utf-8"))
GENERATED_SUFFIXES = {".pdf", ".docx", ".zip", ".json"}


def generated_files(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*")
                  if p.is_file() and p.suffix in GENERATED_SUFFIXES and "__pycache__" not in p.parts)


def expected_files() -> list[Path]:
    return sorted([*SAMPLES.glob("*/expected.json"), *SAMPLES.glob("*.expected.json")])


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    subprocess.run([sys.executable, str(SAMPLES / "make_samples.py"), "--out", str(out)],
                   check=True, capture_output=True, text=True)
    return out


# --------------------------------------------------------------------------- reading the files as text

def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_content(data: bytes) -> list[str]:
    """Text per page; for an image-only page its size and a coarse thumbnail fingerprint."""
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            text = page.extract_text() or ""
            out.append(normalise(text) if text.strip() else f"<image page {len(page.images)} images>")
    return out


def scan_images(data: bytes) -> list[Image.Image]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [Image.open(io.BytesIO(img["stream"].get_data())).convert("L")
                for page in pdf.pages for img in page.images]


def docx_content(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    lines += [c.text for t in document.tables for r in t.rows for c in r.cells]
    lines += [p.text for s in document.sections for p in (*s.header.paragraphs, *s.footer.paragraphs)]
    return lines


def content(name: str, data: bytes):
    if name.endswith(".pdf"):
        return pdf_content(data)
    if name.endswith(".docx"):
        return docx_content(data)
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {i.filename: content(i.filename, archive.read(i)) for i in archive.infolist()}
    return data.decode("utf-8")


def document_texts(dossier: Path) -> dict[str, str]:
    """File name -> extracted text, for a dossier folder or a ZIP."""
    if dossier.suffix == ".zip":
        with zipfile.ZipFile(dossier) as archive:
            items = [(Path(i.filename).name, archive.read(i)) for i in archive.infolist() if not i.is_dir()]
    else:
        items = [(p.name, p.read_bytes()) for p in dossier.iterdir() if p.suffix in {".pdf", ".docx"}]
    return {name: normalise(" ".join(content(name, data))) for name, data in items}


# --------------------------------------------------------------------------- tests

def test_the_samples_are_there_and_small():
    assert len(expected_files()) >= 4
    total = sum(p.stat().st_size for p in SAMPLES.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 3 * 1024 * 1024


def test_regeneration_writes_the_committed_files(regenerated):
    assert generated_files(regenerated) == generated_files(SAMPLES)
    for rel in generated_files(SAMPLES):
        new, old = (regenerated / rel).read_bytes(), (SAMPLES / rel).read_bytes()
        if new == old:
            continue
        assert content(rel.name, new) == content(rel.name, old), f"{rel}: text differs from the committed file"


def test_regenerated_scans_look_the_same(regenerated):
    """A scan has no text: compare its pixels (JPEG encoders may differ by a few grey levels)."""
    for rel in generated_files(SAMPLES):
        if rel.suffix != ".pdf" or not rel.name.lower().startswith("scan"):
            continue
        new, old = scan_images((regenerated / rel).read_bytes()), scan_images((SAMPLES / rel).read_bytes())
        assert len(new) == len(old) >= 1
        for a, b in zip(new, old):
            assert a.size == b.size == (2480, 3508)
            assert ImageStat.Stat(ImageChops.difference(a, b)).mean[0] < 2.0, rel


@pytest.mark.parametrize("path", expected_files(), ids=lambda p: p.parent.name if p.name == "expected.json" else p.name)
def test_expected_names_only_contract_ids(path: Path):
    truth = json.loads(path.read_text(encoding="utf-8"))
    components = {f"{dt}.{key}" for dt, comps in SPEC["checklists"].items() for key in comps}
    for name, doc in truth["documents"].items():
        assert doc["doc_type"] in SPEC["doc_types"], name
        assert doc["format"] in {"pdf", "docx", "scan", "image"}, name
        for cid in doc["components_present"] + doc["components_missing"]:
            assert cid in components and cid.startswith(doc["doc_type"] + "."), (name, cid)
        for h in doc["hours"]:
            assert h["unit"] in {"per_day", "per_week", "total"}
    riv = truth["riv_present"] + truth["riv_missing"] + truth.get("riv_not_yet_due", [])
    assert all(cid in components and cid.startswith("riv.") for cid in riv)
    assert len(riv) == len(set(riv)), "a riv id in two lists"
    for fid in truth["findings"] + truth["not_findings"]:
        assert fid in SPEC["findings"], fid
    assert not set(truth["findings"]) & set(truth["not_findings"])


@pytest.mark.parametrize("path", expected_files(), ids=lambda p: p.parent.name if p.name == "expected.json" else p.name)
def test_labelled_strings_are_in_the_documents_as_read(path: Path):
    """What expected.json labels is in the text pdfplumber / python-docx read (scans: skipped)."""
    truth = json.loads(path.read_text(encoding="utf-8"))
    dossier = path.parent if path.name == "expected.json" else SAMPLES / path.name.replace(".expected.json", ".zip")
    texts = document_texts(dossier)
    assert set(texts) == set(truth["documents"])
    for name, doc in truth["documents"].items():
        if doc["format"] == "scan":
            assert texts[name].startswith("<image page"), f"{name}: a scan must have no text layer"
            continue
        for label in [d["text"] for d in doc["dates"]] + [h["text"] for h in doc["hours"]]:
            assert normalise(label) in texts[name], f"{name}: {label!r} not in the text"


def _passes_11_proef(bsn: str) -> bool:
    total = sum(int(c) * w for c, w in zip(bsn[:8], range(9, 1, -1))) - int(bsn[8])
    return len(bsn) == 9 and total % 11 == 0


def test_every_bsn_passes_the_11_proef_and_every_email_is_example():
    personal = json.loads((SAMPLES / "personal.json").read_text(encoding="utf-8"))
    assert set(personal) >= {"bureau-spoor2", "casemanager-docx", "scan-formulier", "dossier-zip"}
    for name, data in personal.items():
        assert data["bsns"] and all(_passes_11_proef(b) for b in data["bsns"]), name
        assert all(e.endswith("example.nl") for e in data["emails"]), name
