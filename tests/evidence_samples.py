"""Sample files for the evidence-file tests, made on the spot (no downloads): pictures drawn with QPainter,
a tiny WAV, a PDF, and files that must be refused."""

from __future__ import annotations

import io
import struct
import wave
import zlib

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter


def picture(width: int, height: int, fmt: str = "PNG", quality: int = 90, seed: int = 0) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(40 + seed % 200, 120, 200))
    painter = QPainter(image)
    step = max(8, width // 40)
    for i in range(0, width, step):
        painter.fillRect(i, (i * 7 + seed) % max(1, height - step), step - 2, step - 2,
                         QColor((i + seed) % 255, 90, 160))
    painter.end()
    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt, quality)
    buffer.close()
    return bytes(out.data())


def wav(marker: bytes = b"", seconds: float = 0.2) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(8000)
        w.writeframes(marker + bytes((128 + (i % 16) * 4) for i in range(int(8000 * seconds))))
    return out.getvalue()


def pdf(marker: str = "Hello") -> bytes:
    return (b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>>"
            b" endobj\n% " + marker.encode() + b"\ntrailer <</Root 1 0 R>>\n%%EOF\n")


def png_bomb(width: int = 20000, height: int = 20000) -> bytes:
    """A PNG of a few kilobytes whose header claims ``width`` × ``height`` pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = zlib.compress(b"\x00" * (width * 3 + 1) * 64)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", rows) + chunk(b"IEND", b""))


def damaged_jpeg() -> bytes:
    good = picture(64, 64, "JPG")
    return good[:20] + b"\x00" * 40
