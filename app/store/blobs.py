"""The one blob store: attachments (photos, scans, signatures) as files named by the sha256
of their content, in one folder (default ``<data dir>/blobs``).

The same bytes are stored once, however many rows name them; a file appears under its
final name only when complete (written beside it, then renamed), so a crash never leaves
a half-written blob that ``has`` would report. The sync client uploads and downloads the
same files, so a row's ``sha256`` field always names a file here.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

from app.domain.errors import DomainError
from app.filemodes import private_dir

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CHUNK = 1 << 20


def default_root() -> Path:
    from app.paths import data_dir

    return data_dir() / "blobs"


def sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


class BlobStore:
    """``put(bytes or path) -> sha256``, ``has``, ``path``, ``open``, ``read``."""

    def __init__(self, root: Path | str | None = None) -> None:
        self.root = Path(root) if root is not None else default_root()

    def path(self, sha256: str) -> Path:
        """Where the blob is (or would be) kept; refuses anything but a sha256 in hex."""
        if not _SHA256.match(sha256):
            raise DomainError("blob.bad_name", name=sha256[:80])
        return self.root / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, content: bytes | Path, *, expected: str | None = None) -> str:
        """Store bytes or a file's content; returns its sha256. With ``expected`` (a
        download), content whose hash differs is refused and nothing is stored."""
        if isinstance(content, Path):
            if not content.is_file():
                raise DomainError("blob.file_missing", path=str(content))
            sha = sha256_of_file(content)
        else:
            sha = hashlib.sha256(content).hexdigest()
        if expected is not None and sha != expected:
            raise DomainError("blob.hash_mismatch", expected=expected, actual=sha)
        target = self.path(sha)
        if target.is_file():
            return sha
        private_dir(self.root)  # residents' photos and signatures: their user's only
        handle, partial = tempfile.mkstemp(dir=self.root, prefix=f".{sha[:12]}-", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                if isinstance(content, Path):
                    with content.open("rb") as source:
                        shutil.copyfileobj(source, out, _CHUNK)
                else:
                    out.write(content)
            os.replace(partial, target)  # never a half-written blob under its final name
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
        return sha

    def open(self, sha256: str) -> BinaryIO:
        path = self.path(sha256)
        if not path.is_file():
            raise DomainError("blob.missing", sha256=sha256)
        return path.open("rb")

    def read(self, sha256: str) -> bytes:
        with self.open(sha256) as handle:
            return handle.read()
