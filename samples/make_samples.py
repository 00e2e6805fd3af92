"""Write the sample dossiers and their expected results.

    .venv/bin/python samples/make_samples.py [--out DIR]

Everything is fixed (names, dates, seeds): a rerun writes the same files. Each dossier folder
gets an ``expected.json`` in the format of the development corpus's truth.json; the ZIP
dossier's lies beside it (``dossier-zip.expected.json``). ``personal.json`` lists the personal
data each dossier holds, for the privacy tests (a redacted report must show none of it).
"""
from __future__ import annotations

import argparse
import io
import json
import shutil
import stat
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from samplegen import bureau, casemanager, scan, wia, zipdossier  # noqa: E402
from samplegen.core import Doc, Dossier  # noqa: E402
from samplegen.render_docx import FIXED_TIME, write_docx  # noqa: E402
from samplegen.render_pdf import write_pdf  # noqa: E402
from samplegen.render_scan import write_scan  # noqa: E402

WRITERS = {"pdf": write_pdf, "docx": write_docx, "scan": write_scan}
MODULES = (bureau, casemanager, scan, wia)


def write_doc(doc: Doc, folder: Path) -> None:
    doc.check()
    WRITERS[doc.fmt](doc, folder / doc.filename)


def write_json(data, path: Path) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_folder(dossier: Dossier, out: Path) -> None:
    folder = out / dossier.name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for doc in dossier.docs:
        write_doc(doc, folder)
    write_json(dossier.truth(), folder / "expected.json")


def write_zip(dossier: Dossier, out: Path) -> None:
    """The ZIP holds a folder of documents, as an e-mailed dossier does."""
    target = out / f"{dossier.name}.zip"
    with tempfile.TemporaryDirectory() as tmp:
        for doc in dossier.docs:
            write_doc(doc, Path(tmp))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for doc in dossier.docs:
                info = zipfile.ZipInfo(f"{zipdossier.FOLDER}/{doc.filename}", date_time=FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = (stat.S_IFREG | 0o644) << 16  # a regular file, as zip(1) writes
                archive.writestr(info, (Path(tmp) / doc.filename).read_bytes())
        target.write_bytes(buffer.getvalue())
    write_json(dossier.truth(), out / f"{dossier.name}.expected.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into (default: samples/)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    dossiers = [m.dossier() for m in MODULES]
    for d in dossiers:
        write_folder(d, args.out)
        print(f"{d.name}/: {len(d.docs)} documents")
    z = zipdossier.dossier()
    write_zip(z, args.out)
    print(f"{z.name}.zip: {len(z.docs)} documents")
    write_json({d.name: d.personal for d in [*dossiers, z]}, args.out / "personal.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
