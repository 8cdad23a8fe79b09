"""Making files ready to keep: kind from the bytes, large photos downscaled, refusals with a plain reason."""

from __future__ import annotations

import pytest

from plprofile.domain import evidence_files as ef
from plprofile.domain.evidence_files import EvidenceFileError, Media
from plprofile.media.prepare import prepare_bytes, prepare_path, read_image
from tests.evidence_samples import damaged_jpeg, pdf, picture, png_bomb, wav


def test_a_12_megapixel_photo_is_downscaled_with_a_thumbnail_and_its_original_size_stated():
    original = picture(4000, 3000, "JPG", 95)
    prepared = prepare_bytes(original, "model.jpg")
    assert prepared.media is Media.JPEG
    assert (prepared.width, prepared.height) == (2000, 1500)
    assert (prepared.original_width, prepared.original_height, prepared.original_bytes) == (4000, 3000,
                                                                                           len(original))
    assert prepared.downscaled and len(prepared.data) <= ef.MAX_FILE_BYTES
    thumb = read_image(prepared.thumbnail)
    assert max(thumb.width(), thumb.height()) == ef.THUMB_SIDE
    assert read_image(prepared.data).width() == 2000


def test_a_small_picture_is_kept_as_it_is():
    original = picture(300, 200, "PNG")
    prepared = prepare_bytes(original, "drawing.png")
    assert prepared.data == original and not prepared.downscaled
    assert prepared.thumbnail.startswith(b"\xff\xd8\xff")


def test_the_kind_comes_from_the_bytes_not_the_name():
    assert prepare_bytes(wav(), "song.pdf").media is Media.WAV
    assert prepare_bytes(pdf(), "picture.png").media is Media.PDF
    assert prepare_bytes(picture(20, 20, "PNG"), "notes.txt").media is Media.PNG
    assert ef.sniff(b"ID3\x04\x00") is Media.MP3 and ef.sniff(b"\xff\xfb\x90\x00") is Media.MP3
    assert ef.sniff(b"OggS\x00\x02") is Media.OGG
    assert ef.sniff(b"\x00\x00\x00\x20ftypM4A \x00\x00") is Media.M4A
    assert ef.sniff(b"\x00\x00\x00\x18ftypheic\x00\x00") is Media.HEIC
    assert ef.sniff(b"\xff\xd8\xff\xe0") is Media.JPEG  # a JPEG is not taken for an MP3 frame
    assert ef.sniff(b"PK\x03\x04") is None and ef.sniff(b"MZ\x90\x00") is None


@pytest.mark.parametrize(("data", "code"), [
    (b"just some text, not a picture", "unknown_type"),
    (damaged_jpeg(), "damaged"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, "damaged"),
    (png_bomb(), "too_many_pixels"),
    (b"%PDF-1.4\n" + b"0" * (ef.MAX_FILE_BYTES + 1), "too_large"),
    (b"", "empty"),
])
def test_what_cannot_be_kept_gets_a_plain_reason(data, code):
    with pytest.raises(EvidenceFileError) as caught:
        prepare_bytes(data, "thing")
    assert caught.value.code == code
    assert "thing" in str(caught.value) or code == "empty"


def test_a_decompression_bomb_is_refused_before_it_is_decoded():
    """A 20000 × 20000 PNG of a few kilobytes: refused from its header (1.6 GB were it decoded)."""
    bomb = png_bomb()
    assert len(bomb) < 100_000
    with pytest.raises(EvidenceFileError) as caught:
        prepare_bytes(bomb, "bomb.png")
    assert caught.value.arguments["width"] == 20000


def test_a_folder_dropped_by_mistake(tmp_path):
    with pytest.raises(EvidenceFileError) as caught:
        prepare_path(tmp_path)
    assert caught.value.code == "folder"
