"""A DOCX package opened safely: size limits per part (zip bombs) and an XML parser that
never resolves entities or loads DTDs (billion laughs, external entities: CWE-776, CWE-611)."""
from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from audit.errors import DocumentError
from audit.ingest import messages as msg
from audit.ingest.options import ReadOptions

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"w": W, "r": R}
MAX_PART_BYTES = 200 * 1024 * 1024

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class Package:
    def __init__(self, path: Path, options: ReadOptions):
        try:
            self.zip = zipfile.ZipFile(path)
            self.infos = {i.filename: i for i in self.zip.infolist()}
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
            raise DocumentError("corrupt", msg.CORRUPT_DOCX) from exc
        self.options = options
        self._check_limits()

    def _check_limits(self) -> None:
        infos = list(self.infos.values())
        if len(infos) > self.options.max_archive_members:
            raise DocumentError("too_large", msg.zip_limit(f"meer dan {self.options.max_archive_members} onderdelen"))
        total = sum(i.file_size for i in infos)
        if total > min(self.options.max_archive_bytes, MAX_PART_BYTES * 4):
            raise DocumentError("too_large", msg.zip_limit("uitgepakt te groot (mogelijk een zip-bom)"))
        for info in infos:
            if info.file_size > MAX_PART_BYTES or (
                    info.file_size > 1_000_000 and info.file_size > self.options.max_compression_ratio * max(info.compress_size, 1)):
                raise DocumentError("too_large", msg.zip_limit("een onderdeel pakt extreem groot uit (mogelijk een zip-bom)"))

    def read(self, name: str) -> bytes | None:
        info = self.infos.get(name)
        if info is None:
            return None
        try:
            with self.zip.open(info) as handle:
                data = handle.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError, EOFError, zlib.error) as exc:
            raise DocumentError("corrupt", msg.CORRUPT_DOCX) from exc
        if len(data) > MAX_PART_BYTES:
            raise DocumentError("too_large", msg.zip_limit("een onderdeel is te groot"))
        return data

    def xml(self, name: str):
        data = self.read(name)
        if data is None:
            return None
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise DocumentError("corrupt", msg.CORRUPT_DOCX) from exc

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (type suffix, part name) for ``part``."""
        folder, base = posixpath.split(part)
        rels = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, tuple[str, str]] = {}
        if rels is None:
            return out
        for rel in rels.iter(f"{{{REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
            out[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], target.lstrip("/"))
        return out

    def main_part(self) -> str:
        rels = self.xml("_rels/.rels")
        if rels is not None:
            for rel in rels.iter(f"{{{REL}}}Relationship"):
                if rel.get("Type", "").endswith("/officeDocument"):
                    return rel.get("Target", "word/document.xml").lstrip("/")
        return "word/document.xml"

    def close(self) -> None:
        self.zip.close()
