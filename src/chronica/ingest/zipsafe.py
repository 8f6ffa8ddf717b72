"""Zip containers (EPUB, DOCX) opened defensively: corrupt archives and zip bombs get a
clear error instead of a traceback or a full disk."""
from __future__ import annotations

import io
import zipfile

from .registry import ReadRequest

ZIP_MAGIC = b"PK\x03\x04"
# an archive may unpack to at most this many times the limit on extracted text
UNPACKED_FACTOR = 10


def zip_names(raw: bytes) -> list[str]:
    """Member names, from the central directory if the bytes hold the whole archive,
    else from the local headers in ``raw`` (a file's first bytes)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            return z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        names, pos = [], 0
        while (pos := raw.find(ZIP_MAGIC, pos)) >= 0 and pos + 30 <= len(raw):
            n = int.from_bytes(raw[pos + 26:pos + 28], "little")
            names.append(raw[pos + 30:pos + 30 + n].decode("utf-8", "replace"))
            pos += 4
        return names


class SafeZip:
    """Read members of an archive, refusing one whose unpacked size passes the cap
    (by the sizes it declares and by the bytes actually inflated)."""

    def __init__(self, req: ReadRequest, kind: str):
        self.req, self.kind = req, kind
        self.cap = max(req.max_chars * UNPACKED_FACTOR, 1)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(req.raw))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as e:
            raise req.fail(f"not a valid {kind}: the zip archive is corrupt or truncated ({e})") from None
        declared = sum(i.file_size for i in self.zip.infolist())
        if declared > self.cap:
            raise req.fail(f"the {kind} would unpack to {declared:,} bytes, over the cap of {self.cap:,} "
                           f"(a zip bomb, or raise --max-bytes)")
        self.inflated = 0

    def names(self) -> list[str]:
        return self.zip.namelist()

    def has(self, name: str) -> bool:
        return name in set(self.zip.namelist())

    def read(self, name: str) -> bytes:
        try:
            with self.zip.open(name) as f:
                data = f.read(self.cap - self.inflated + 1)
        except KeyError:
            raise self.req.fail(f"not a valid {self.kind}: {name!r} is missing from the archive") from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as e:
            raise self.req.fail(f"not a valid {self.kind}: {name!r} cannot be unpacked ({e})") from None
        self.inflated += len(data)
        if self.inflated > self.cap:
            raise self.req.fail(f"the {self.kind} unpacks to more than the cap of {self.cap:,} bytes "
                                f"(a zip bomb, or raise --max-bytes)")
        return data

    def text(self, name: str) -> str:
        return self.read(name).decode("utf-8", "replace")
