"""Make a file ready to keep as evidence: its kind from its bytes, a large photo downscaled, a thumbnail.

Pictures are decoded with Qt's ``QImageReader`` under a cap: the header's size is read first, a picture that
claims more pixels than the cap is refused before any decoding, a JPEG is decoded straight at the smaller size,
and the reader's allocation limit stops anything that slips through (a "decompression bomb": a tiny PNG that
claims 20000 × 20000 pixels).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from plprofile.domain import evidence_files as ef
from plprofile.domain.evidence_files import EvidenceFileError, Media, Prepared

#: The Qt reader's name for each picture kind.
_QT_FORMAT = {Media.PNG: b"png", Media.JPEG: b"jpeg", Media.WEBP: b"webp", Media.HEIC: b"heic"}


def prepare_path(path: Path | str) -> Prepared:
    """Read a file a person chose or dropped; EvidenceFileError with a plain reason when it cannot be kept."""
    path = Path(path)
    name = path.name or str(path)
    if path.is_dir():
        raise EvidenceFileError("folder", name=name)
    try:
        size = path.stat().st_size
        if size > ef.MAX_SOURCE_BYTES:
            raise EvidenceFileError("too_large", name=name, size=ef.size_text(size),
                                    limit=ef.size_text(ef.MAX_FILE_BYTES))
        with path.open("rb") as fh:
            data = fh.read(ef.MAX_SOURCE_BYTES + 1)
    except OSError:
        raise EvidenceFileError("unreadable", name=name) from None
    return prepare_bytes(data, name)


def prepare_image(image: QImage, name: str) -> Prepared:
    """A picture pasted from the clipboard: kept as a PNG (downscaled when large)."""
    if image.isNull():
        raise EvidenceFileError("damaged", name=name)
    return prepare_bytes(_encode(image, Media.PNG), name)


def prepare_bytes(data: bytes, name: str) -> Prepared:
    """Check and prepare ``data`` (named ``name`` for messages and for opening it later)."""
    if not data:
        raise EvidenceFileError("empty", name=name)
    media = ef.sniff(data[:16])
    if media is None:
        raise EvidenceFileError("unknown_type", name=name)
    if media.is_image:
        return _prepare_picture(data, name, media)
    if len(data) > ef.MAX_FILE_BYTES:
        raise EvidenceFileError("too_large", name=name, size=ef.size_text(len(data)),
                                limit=ef.size_text(ef.MAX_FILE_BYTES))
    return Prepared(name, media, data, original_bytes=len(data))


def _reader(data: bytes, media: Media) -> tuple[QImageReader, QBuffer]:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(_QT_FORMAT[media]))
    reader.setAutoTransform(True)  # a phone photo stands the way it was taken
    return reader, buffer


def _prepare_picture(data: bytes, name: str, media: Media) -> Prepared:
    QImageReader.setAllocationLimit(ef.ALLOCATION_LIMIT_MB)
    reader, _buffer = _reader(data, media)
    if not reader.canRead():
        if media is Media.HEIC and b"heic" not in [bytes(f) for f in QImageReader.supportedImageFormats()]:
            raise EvidenceFileError("heic_unreadable", name=name)
        raise EvidenceFileError("damaged", name=name)
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        raise EvidenceFileError("damaged", name=name)
    width, height = size.width(), size.height()
    pixels = width * height
    scaled_decoding = reader.supportsOption(QImageIOHandler.ImageOption.ScaledSize)
    if pixels > ef.MAX_PIXELS or (not scaled_decoding and pixels > ef.MAX_FULL_DECODE_PIXELS):
        raise EvidenceFileError("too_many_pixels", name=name, width=width, height=height)
    side = ef.MAX_IMAGE_SIDE
    too_big = max(width, height) > side or len(data) > ef.MAX_FILE_BYTES
    if too_big and scaled_decoding:
        reader.setScaledSize(_fit(size, side))
    image = reader.read()
    if image.isNull():
        raise EvidenceFileError("damaged", name=name)
    if too_big and max(image.width(), image.height()) > side:
        image = image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    # the transform may have turned it: the original's size as it stands
    if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
        width, height = height, width
    kept, kept_media = data, media
    if too_big or media is Media.HEIC:  # a HEIC is kept as a JPEG: every device can show that
        kept_media = Media.PNG if image.hasAlphaChannel() else Media.JPEG
        kept = _encode(image, kept_media)
        while len(kept) > ef.MAX_FILE_BYTES and max(image.width(), image.height()) > 256:
            image = image.scaled(image.width() * 3 // 4, image.height() * 3 // 4,
                                 Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            kept = _encode(image, kept_media)
        if len(kept) > ef.MAX_FILE_BYTES:
            raise EvidenceFileError("too_large", name=name, size=ef.size_text(len(data)),
                                    limit=ef.size_text(ef.MAX_FILE_BYTES))
        if kept_media is not media:
            name = str(Path(name).with_suffix(kept_media.extension)) if Path(name).suffix else name
    return Prepared(name, kept_media, kept, thumbnail(image), image.width(), image.height(), len(data), width,
                    height)


def _fit(size: QSize, side: int) -> QSize:
    return size.scaled(QSize(side, side), Qt.AspectRatioMode.KeepAspectRatio)


def thumbnail(image: QImage) -> bytes:
    """A small picture for lists and printouts (a JPEG, or a PNG when the picture has transparency)."""
    small = image.scaled(ef.THUMB_SIDE, ef.THUMB_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    return _encode(small, Media.PNG if image.hasAlphaChannel() else Media.JPEG, quality=80)


def _encode(image: QImage, media: Media, quality: int = 88) -> bytes:
    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if media is Media.JPEG and image.hasAlphaChannel():
        image = image.convertToFormat(QImage.Format.Format_RGB32)
    image.save(buffer, "JPG" if media is Media.JPEG else "PNG", quality if media is Media.JPEG else -1)
    buffer.close()
    return bytes(out.data())


def read_image(data: bytes) -> QImage:
    """A kept picture, decoded for showing (under the same cap)."""
    media = ef.sniff(data[:16])
    if media is None or not media.is_image:
        return QImage()
    QImageReader.setAllocationLimit(ef.ALLOCATION_LIMIT_MB)
    reader, _buffer = _reader(data, media)
    return reader.read()
