"""Passphrase-protected exports: round trip, wrong passphrase, tampered or cut-short files write nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plprofile.services import protect
from plprofile.store import cipher

PASS = "family passphrase"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    monkeypatch.setattr(protect, "KDF_PARAMS", dict(cipher.KDF_FLOOR))


@pytest.mark.parametrize("size", [0, 1, protect.CHUNK - 1, protect.CHUNK, protect.CHUNK + 1, 3 * protect.CHUNK + 7])
def test_round_trip(tmp_path: Path, size: int):
    src = tmp_path / "summary.pdf"
    data = os.urandom(size)
    src.write_bytes(data)
    sealed = protect.protect_file(src, tmp_path / "summary.pdf.plpx", PASS)
    assert protect.is_protected(sealed)
    if size >= 64:
        assert data[:64] not in sealed.read_bytes()
    assert protect.original_name(sealed) == "summary.pdf"
    out = protect.open_file(sealed, tmp_path / "out.pdf", PASS)
    assert out.read_bytes() == data


def test_a_learner_name_is_not_in_the_protected_file(tmp_path: Path):
    sealed = protect.protect_bytes(b"Zoe Moreau, strengths: drawing" * 100, tmp_path / "x.plpx", PASS, "x.csv")
    assert b"Moreau" not in sealed.read_bytes()


def test_wrong_passphrase_writes_nothing(tmp_path: Path):
    sealed = protect.protect_bytes(b"secret" * 1000, tmp_path / "x.plpx", PASS, "x.csv")
    with pytest.raises(protect.WrongPassphraseError, match="passphrase"):
        protect.open_file(sealed, tmp_path / "x.csv", "not the passphrase")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.plpx"]


def test_a_short_passphrase_is_refused(tmp_path: Path):
    with pytest.raises(protect.ProtectError):
        protect.protect_bytes(b"x", tmp_path / "x.plpx", "short", "x.csv")
    assert not (tmp_path / "x.plpx").exists()


@settings(max_examples=40, deadline=None)
@given(position=st.integers(min_value=0), flip=st.integers(min_value=1, max_value=255))
def test_any_changed_byte_is_refused_and_writes_nothing(tmp_path_factory, position: int, flip: int):
    folder = tmp_path_factory.mktemp("tamper")
    sealed = protect.protect_bytes(bytes(range(256)) * 600, folder / "x.plpx", PASS, "x.bin")
    raw = bytearray(sealed.read_bytes())
    raw[position % len(raw)] ^= flip
    sealed.write_bytes(bytes(raw))
    with pytest.raises(protect.ProtectError):
        protect.open_file(sealed, folder / "x.bin", PASS)
    assert not (folder / "x.bin").exists()
    assert [p.name for p in folder.iterdir()] == ["x.plpx"]


@pytest.mark.parametrize("cut", [1, 16, protect.CHUNK + 16])
def test_a_file_cut_short_or_with_a_chunk_dropped_is_refused(tmp_path: Path, cut: int):
    sealed = protect.protect_bytes(b"a" * (2 * protect.CHUNK + 5), tmp_path / "x.plpx", PASS, "x.bin")
    raw = sealed.read_bytes()
    sealed.write_bytes(raw[:-cut])
    with pytest.raises(protect.TamperedError):
        protect.open_file(sealed, tmp_path / "x.bin", PASS)
    assert not (tmp_path / "x.bin").exists()


def test_an_existing_file_is_not_overwritten(tmp_path: Path):
    sealed = protect.protect_bytes(b"data", tmp_path / "x.plpx", PASS, "x.csv")
    (tmp_path / "x.csv").write_text("mine")
    with pytest.raises(protect.ProtectError, match="already exists"):
        protect.open_file(sealed, tmp_path / "x.csv", PASS)
    assert (tmp_path / "x.csv").read_text() == "mine"


def test_not_a_protected_file(tmp_path: Path):
    other = tmp_path / "x.pdf"
    other.write_bytes(b"%PDF-1.4")
    assert not protect.is_protected(other)
    with pytest.raises(protect.ProtectError, match="not a protected"):
        protect.open_file(other, tmp_path / "y", PASS)
