"""A ZIP dossier extracted safely into a private temporary folder.

Refused: absolute paths, ``..`` parts, symlinks and other non-regular members (a member that
names a path outside the folder is the "zip slip", CWE-22), more members or more bytes than
the limits, members that inflate beyond the ratio limit (zip bombs). The folder is 0700
(``tempfile.mkdtemp``) and is removed when the ``with`` block ends, also on error.
"""
from __future__ import annotations

import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from audit.ingest import messages as msg
from audit.ingest.options import ReadOptions

_CHUNK = 1024 * 1024
TEMP_PREFIX = "poortwachter-"


@dataclass(frozen=True)
class Member:
    name: str  # the member path as shown in reports
    path: Path | None  # extracted file, or None when refused
    problem: str | None = None  # Dutch, when refused
    code: str | None = None  # unsafe | too_large | corrupt


def safe_member_name(info: zipfile.ZipInfo) -> str | None:
    """The member's relative path, or None when it is unsafe."""
    name = info.filename.replace("\\", "/")
    kind = stat.S_IFMT(info.external_attr >> 16)  # 0 when the archiver stored no Unix mode
    if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
        return None
    parts = PurePosixPath(name).parts
    if name.startswith("/") or (parts and (":" in parts[0])) or ".." in parts or not parts:
        return None
    return "/".join(p for p in parts if p not in (".", ""))


def _copy_bounded(source, target: Path, limit: int) -> int:
    written = 0
    with target.open("xb") as out:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            if written > limit:
                raise ValueError("member larger than announced")
            out.write(chunk)
    target.chmod(0o600)
    return written


@contextmanager
def extracted(path: Path, options: ReadOptions) -> Iterator[tuple[list[Member], str | None]]:
    """Yield the archive's members (extracted or refused) and a problem with the archive as a
    whole (Dutch) or None. The temporary folder is gone after the block."""
    folder = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
    try:
        yield _extract_all(path, folder, options)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _extract_all(path: Path, folder: Path, options: ReadOptions) -> tuple[list[Member], str | None]:
    members: list[Member] = []
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, zlib.error):
        return [], msg.CORRUPT_ZIP
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(infos) > options.max_archive_members:
            return [], msg.zip_limit(f"meer dan {options.max_archive_members} bestanden")
        budget = options.max_archive_bytes
        for index, info in enumerate(infos):
            name = safe_member_name(info)
            if name is None:
                members.append(Member(info.filename, None, msg.UNSAFE_MEMBER, "unsafe"))
                continue
            ratio_limit = options.max_compression_ratio * max(info.compress_size, 1)
            limit = min(info.file_size, options.max_file_bytes, budget)
            if info.file_size > min(options.max_file_bytes, budget) or (info.file_size > 1_000_000 and info.file_size > ratio_limit):
                members.append(Member(name, None, msg.zip_limit("dit bestand pakt te groot uit (mogelijk een zip-bom)"), "too_large"))
                continue
            target = folder / f"{index:05d}"
            try:
                with archive.open(info) as source:
                    budget -= _copy_bounded(source, target, limit)
            except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError, EOFError, zlib.error):
                members.append(Member(name, None, msg.CORRUPT_ZIP, "corrupt"))
                continue
            members.append(Member(name, target))
    return members, None
