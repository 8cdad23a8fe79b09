"""Evidence files: what kind a file is (by its first bytes, never its name), the limits, and the refusals."""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from .errors import QT_TRANSLATE_NOOP, UserError


class EvidenceFileError(UserError):
    """A file that cannot be kept as evidence; nothing was stored."""

    MESSAGES: ClassVar[Mapping[str, str]] = {
        "unknown_type": QT_TRANSLATE_NOOP("services", "“{name}” is not a kind of file that can be kept. Add a "
                                                      "photo (PNG, JPEG, WebP, HEIC), a PDF or a sound recording "
                                                      "(MP3, M4A, OGG, WAV)."),
        "too_large": QT_TRANSLATE_NOOP("services", "“{name}” is too big ({size}). A file can be at most {limit}."),
        "damaged": QT_TRANSLATE_NOOP("services", "“{name}” could not be read as a picture. The file may be "
                                                 "damaged."),
        "too_many_pixels": QT_TRANSLATE_NOOP("services", "“{name}” is too big a picture ({width} × {height} "
                                                         "pixels). Make it smaller and try again."),
        "folder": QT_TRANSLATE_NOOP("services", "“{name}” is a folder. Choose a file instead."),
        "heic_unreadable": QT_TRANSLATE_NOOP("services", "This computer cannot read HEIC photos such as “{name}”. "
                                                         "Save the photo as a JPEG and try again."),
        "unreadable": QT_TRANSLATE_NOOP("services", "“{name}” could not be read."),
        "empty": QT_TRANSLATE_NOOP("services", "“{name}” is empty."),
        "not_a_file": QT_TRANSLATE_NOOP("services", "This piece of evidence has no file."),
        "file_damaged": QT_TRANSLATE_NOOP("services", "The stored file of this evidence is damaged: it does not "
                                                      "match its fingerprint."),
        "not_a_recording": QT_TRANSLATE_NOOP("services", "“{name}” is not a sound recording. Choose a recording "
                                                         "(MP3, M4A, OGG, WAV)."),
    }


#: Largest file kept, after a photo is downscaled (a scan, a recording or a PDF is kept as it is).
MAX_FILE_BYTES = 8 * 1024 * 1024
#: Largest file read at all: a photo bigger than the limit may still shrink under it; nothing bigger is read.
MAX_SOURCE_BYTES = 64 * 1024 * 1024
#: A kept photo's longest side, in pixels (larger photos are downscaled to it).
MAX_IMAGE_SIDE = 2000
#: A thumbnail's longest side, in pixels, and its largest encoded size.
THUMB_SIDE = 160
MAX_THUMB_BYTES = 64 * 1024
#: Most pixels a picture may have when its format cannot be decoded at a smaller size (a PNG, a WebP): more
#: would need hundreds of megabytes to decode (a "decompression bomb" is a small file that claims this).
MAX_FULL_DECODE_PIXELS = 24_000_000
#: Most pixels any picture may claim (a JPEG decodes at 1/2, 1/4, 1/8 of its size, so it may be larger).
MAX_PIXELS = 120_000_000
#: Most memory Qt's image reader may take for one picture, in megabytes.
ALLOCATION_LIMIT_MB = 128
#: A file is kept in pieces of this many bytes, each its own row (a piece travels in one sync change).
CHUNK_BYTES = 96 * 1024

#: The namespace of the ids that make a file content-addressed within one learner's profile.
_NAMESPACE = uuid.UUID("6f0f1c1e-2d2a-4b8e-9a51-3c0d7f3b9e21")


class Media(StrEnum):
    """The kinds of file a goal's evidence may hold (the media type)."""

    PNG = "image/png"
    JPEG = "image/jpeg"
    WEBP = "image/webp"
    HEIC = "image/heic"
    PDF = "application/pdf"
    MP3 = "audio/mpeg"
    M4A = "audio/mp4"
    OGG = "audio/ogg"
    WAV = "audio/wav"

    @property
    def is_image(self) -> bool:
        return self.value.startswith("image/")

    @property
    def is_audio(self) -> bool:
        return self.value.startswith("audio/")

    @property
    def extension(self) -> str:
        return _EXTENSIONS[self]


_EXTENSIONS = {Media.PNG: ".png", Media.JPEG: ".jpg", Media.WEBP: ".webp", Media.HEIC: ".heic", Media.PDF: ".pdf",
               Media.MP3: ".mp3", Media.M4A: ".m4a", Media.OGG: ".ogg", Media.WAV: ".wav"}
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1"}
_M4A_BRANDS = {b"M4A ", b"M4B "}


def sniff(head: bytes) -> Media | None:
    """The kind of a file from its first bytes (16 are enough), or None for a kind not kept."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Media.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return Media.JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Media.WEBP
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return Media.WAV
    if head[4:8] == b"ftyp":
        if head[8:12] in _HEIF_BRANDS:
            return Media.HEIC
        if head[8:12] in _M4A_BRANDS:
            return Media.M4A
        return None
    if head.startswith(b"%PDF-"):
        return Media.PDF
    if head.startswith(b"OggS"):
        return Media.OGG
    if head.startswith(b"ID3"):
        return Media.MP3
    # an MP3 without tags starts with a frame header: 11 bits of sync, MPEG audio layer III
    if len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0 and (head[1] >> 1) & 0x3 == 0x1:
        return Media.MP3
    return None


_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def split_link(typed: str) -> tuple[str, str]:
    """What a person typed as evidence, split into its words and a web link in it ("" when there is none):
    "My reading https://example.org/r" gives ("My reading", "https://example.org/r")."""
    found = _LINK.search(typed)
    if found is None:
        return typed.strip(), ""
    words = (typed[:found.start()] + " " + typed[found.end():]).strip(" \t-–—:·")
    return " ".join(words.split()), found.group(0).rstrip(".,;)")


def size_text(n: int) -> str:
    """A size in bytes for a person: "512 KB", "8.0 MB"."""
    if n < 1024 * 1024:
        return f"{max(1, round(n / 1024))} KB"
    return f"{n / (1024 * 1024):.1f} MB"


@dataclass(frozen=True)
class Prepared:
    """A file made ready to keep: the bytes to store (a large photo downscaled), a small thumbnail for a
    picture, and what the original was."""

    name: str
    media: Media
    data: bytes
    thumbnail: bytes = b""
    width: int = 0
    height: int = 0
    original_bytes: int = 0
    original_width: int = 0
    original_height: int = 0

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def downscaled(self) -> bool:
        return bool(self.original_width) and (self.width, self.height) != (self.original_width,
                                                                         self.original_height)


def check_prepared(prepared: Prepared) -> Media:
    """Refuse a prepared file the store does not keep: its bytes are what its kind says, within the limits."""
    if not prepared.data:
        raise EvidenceFileError("empty", name=prepared.name)
    media = sniff(prepared.data[:16])
    if media is None:
        raise EvidenceFileError("unknown_type", name=prepared.name)
    if len(prepared.data) > MAX_FILE_BYTES:
        raise EvidenceFileError("too_large", name=prepared.name, size=size_text(len(prepared.data)),
                                limit=size_text(MAX_FILE_BYTES))
    if prepared.thumbnail and (len(prepared.thumbnail) > MAX_THUMB_BYTES
                               or sniff(prepared.thumbnail[:16]) not in (Media.PNG, Media.JPEG)):
        raise EvidenceFileError("damaged", name=prepared.name)
    return media


def blob_id(learner_id: uuid.UUID, sha256: str) -> uuid.UUID:
    """The id of a file in a learner's profile: the same file attached twice is one row (and one sync change)."""
    return uuid.uuid5(_NAMESPACE, f"{learner_id}:{sha256}")


def chunk_id(blob: uuid.UUID, position: int) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"{blob}:{position}")


def chunks(data: bytes) -> list[bytes]:
    return [data[i:i + CHUNK_BYTES] for i in range(0, len(data), CHUNK_BYTES)] or [b""]
