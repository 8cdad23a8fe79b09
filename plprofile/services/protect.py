"""Passphrase-protected exports: a PDF summary, a CSV table or a backup, sealed for a USB stick or an e-mail.

Format (version 1), all of it authenticated::

    b"PLPX" | version (1 byte) | header length (2 bytes, big-endian) | header (UTF-8 JSON) | chunks

The header holds the key derivation (Argon2id, its parameters and a random salt), the original file name and
the chunk size. The file key comes from the passphrase by Argon2id; the body is cut into 64 KiB chunks, each
sealed with AES-256-GCM under a nonce made of a random 8-byte prefix and the chunk's number, with the whole header,
the chunk number and a last-chunk flag as associated data. So a changed header, a changed, reordered, dropped
or added chunk, or a file cut short all fail to open. A key check value in the header tells a wrong passphrase
from a damaged file. Opening writes to a temporary file and renames it only after every chunk checked out:
a wrong passphrase or a tampered file writes nothing.
"""

from __future__ import annotations

import hmac
import io
import json
import os
import secrets
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path
from typing import BinaryIO

MAGIC = b"PLPX"
VERSION = 1
SUFFIX = ".plpx"
CHUNK = 64 * 1024
MIN_PASSPHRASE = 8
#: Argon2id for an export that may travel: 128 MiB, 3 passes, 4 lanes (the same as the store's key slots).
KDF_PARAMS = {"time_cost": 3, "memory_cost": 128 * 1024, "parallelism": 4}


class ProtectError(Exception):
    """The file could not be protected or opened; the message is safe to show. Nothing was written."""


class WrongPassphraseError(ProtectError):
    pass


class TamperedError(ProtectError):
    pass


@dataclass(frozen=True)
class Header:
    raw: bytes
    name: str
    salt: bytes
    params: dict[str, int]
    nonce_prefix: bytes
    check: bytes
    #: the key file of an encrypted backup sealed inside
    keys: bytes | None = None


def is_protected(path: Path) -> bool:
    try:
        with Path(path).open("rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def check_passphrase(passphrase: str) -> str:
    passphrase = unicodedata.normalize("NFC", passphrase or "")
    if len(passphrase) < MIN_PASSPHRASE:
        raise ProtectError(f"A passphrase needs at least {MIN_PASSPHRASE} characters.")
    return passphrase


def _derive(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    from plprofile.store.cipher import KeyFileError, derive_kek

    try:
        return derive_kek(unicodedata.normalize("NFC", passphrase or ""), salt, params)
    except KeyFileError as exc:
        raise TamperedError("This protected file is damaged or was altered (its header is not valid). "
                            "Nothing was written.") from exc


def _check_value(key: bytes) -> bytes:
    return hmac.new(key, b"plprofile export key check", sha256).digest()[:16]


def _chunks(fh: BinaryIO) -> Iterator[tuple[int, bytes, bool]]:
    """(index, chunk, is_last) over a stream; an empty stream is one empty last chunk."""
    index, current = 0, fh.read(CHUNK)
    while True:
        following = fh.read(CHUNK)
        yield index, current, not following
        if not following:
            return
        index, current = index + 1, following


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + index.to_bytes(8, "big") + (b"\x01" if last else b"\x00")


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + index.to_bytes(4, "big")


def _tmp_for(dest: Path) -> Path:
    return dest.with_name(f".{dest.name}.{os.getpid()}.part")


def _publish(tmp: Path, dest: Path, overwrite: bool) -> None:
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    if overwrite:
        os.replace(tmp, dest)
    else:
        try:
            os.link(tmp, dest)  # fails if dest appeared meanwhile: never overwrite by accident
        except FileExistsError as exc:
            raise ProtectError(f"{dest} already exists; nothing was written.") from exc
        except OSError:
            if dest.exists():
                raise ProtectError(f"{dest} already exists; nothing was written.") from None
            os.replace(tmp, dest)
        tmp.unlink(missing_ok=True)


def protect_file(src: Path, dest: Path, passphrase: str, *, name: str | None = None,
                 params: dict[str, int] | None = None, overwrite: bool = False) -> Path:
    """Seal ``src`` into ``dest`` under ``passphrase``. ``name`` is the file name to restore on opening.

    The backup of an encrypted store carries its key file (wrapped keys only, no secret) in the header, so
    opening it gives back both files.
    """
    from plprofile.store.cipher import keys_path, looks_encrypted

    src = Path(src)
    keys = keys_path(src).read_bytes() if looks_encrypted(src) else None
    try:
        with src.open("rb") as fin:
            return protect_stream(fin, dest, passphrase, name or src.name, params=params, overwrite=overwrite,
                                  keys=keys)
    except OSError as exc:
        raise ProtectError(f"{src} could not be read: {exc.strerror or exc}. Nothing was written.") from exc


def protect_bytes(data: bytes, dest: Path, passphrase: str, name: str, *, overwrite: bool = False) -> Path:
    """Seal ``data`` (a PDF or CSV made in memory, never written in plain) into ``dest``."""
    return protect_stream(io.BytesIO(data), dest, passphrase, name, overwrite=overwrite)


def protect_stream(fin: BinaryIO, dest: Path, passphrase: str, name: str, *,
                   params: dict[str, int] | None = None, overwrite: bool = False, keys: bytes | None = None) -> Path:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    dest = Path(dest)
    passphrase = check_passphrase(passphrase)
    if dest.exists() and not overwrite:
        raise ProtectError(f"{dest} already exists; nothing was written.")
    params = dict(params or KDF_PARAMS)
    salt, prefix = secrets.token_bytes(16), secrets.token_bytes(8)
    key = _derive(passphrase, salt, params)
    extra = {"keys": keys.decode("utf-8")} if keys is not None else {}
    header = json.dumps({**extra, "kdf": {"name": "argon2id", **params, "salt": salt.hex()}, "cipher": "aes-256-gcm",
                         "chunk": CHUNK, "nonce_prefix": prefix.hex(), "check": _check_value(key).hex(),
                         "name": Path(name).name}, separators=(",", ":")).encode("utf-8")
    aead = AESGCM(key)
    tmp = _tmp_for(dest)
    try:
        with tmp.open("wb") as fout:
            fout.write(MAGIC + bytes([VERSION]) + len(header).to_bytes(2, "big") + header)
            for index, chunk, last in _chunks(fin):
                fout.write(aead.encrypt(_nonce(prefix, index), chunk, _aad(header, index, last)))
        _publish(tmp, dest, overwrite)
    except OSError as exc:
        raise ProtectError(f"{dest} could not be written: {exc.strerror or exc}. Nothing was written.") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def read_header(fh: BinaryIO) -> Header:
    start = fh.read(len(MAGIC) + 3)
    if len(start) < len(MAGIC) + 3 or start[:4] != MAGIC:
        raise ProtectError("This is not a protected plprofile file.")
    if start[4] != VERSION:
        raise ProtectError("This protected file was made by a newer version of plprofile.")
    length = int.from_bytes(start[5:7], "big")
    raw = fh.read(length)
    damaged = TamperedError("This protected file is damaged or was altered. Nothing was written.")
    if len(raw) != length:
        raise damaged
    try:
        data = json.loads(raw.decode("utf-8"))
        kdf = data["kdf"]
        if kdf["name"] != "argon2id" or data["cipher"] != "aes-256-gcm" or data["chunk"] != CHUNK:
            raise damaged
        params = {k: kdf[k] for k in ("time_cost", "memory_cost", "parallelism")}
        prefix, check = bytes.fromhex(data["nonce_prefix"]), bytes.fromhex(data["check"])
        if len(prefix) != 8 or len(check) != 16:
            raise damaged
        keys = data.get("keys")
        return Header(raw, Path(str(data["name"])).name or "export", bytes.fromhex(kdf["salt"]), params, prefix,
                      check, keys.encode("utf-8") if isinstance(keys, str) else None)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise damaged from exc


def original_name(path: Path) -> str:
    with Path(path).open("rb") as fh:
        return read_header(fh).name


def _unseal(fin: BinaryIO, fout: BinaryIO, passphrase: str) -> Header:
    """Check and decrypt the sealed stream ``fin`` into ``fout``; its header. WrongPassphraseError or
    TamperedError say what is wrong (``fout`` then holds part of the file at most: the caller throws it away)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = read_header(fin)
    key = _derive(passphrase, header.salt, header.params)
    if not hmac.compare_digest(_check_value(key), header.check):
        raise WrongPassphraseError("That passphrase does not open this file (or the file was altered). "
                                   "Nothing was written.")
    aead = AESGCM(key)
    sealed = CHUNK + 16
    index, current = 0, fin.read(sealed)
    while True:
        following = fin.read(sealed)
        last = not following
        try:
            fout.write(aead.decrypt(_nonce(header.nonce_prefix, index), current, _aad(header.raw, index, last)))
        except InvalidTag as exc:
            raise TamperedError("This protected file is damaged, cut short or was altered. "
                                "Nothing was written.") from exc
        if last:
            return header
        index, current = index + 1, following


def open_bytes(src: Path, passphrase: str, *, limit: int = 512 * 1024 * 1024) -> tuple[str, bytes]:
    """The original name and the content of the protected ``src``, checked and decrypted in memory (nothing
    touches the disk; a profile file or a sync bundle); WrongPassphraseError, TamperedError or ProtectError say
    what is wrong, as does a file bigger than ``limit``."""
    out = io.BytesIO()
    try:
        if Path(src).stat().st_size > limit:
            raise ProtectError(f"{Path(src).name} is too big to be one of plprofile's files.")
        with Path(src).open("rb") as fin:
            header = _unseal(fin, out, passphrase)
    except OSError as exc:
        raise ProtectError(f"{Path(src).name} could not be opened: {exc.strerror or exc}.") from exc
    return header.name, out.getvalue()


def open_file(src: Path, dest: Path, passphrase: str, *, overwrite: bool = False) -> Path:
    """Check and decrypt the protected ``src`` into ``dest``. WrongPassphraseError, TamperedError or
    ProtectError say what is wrong; in every such case nothing is written."""
    src, dest = Path(src), Path(dest)
    if dest.exists() and not overwrite:
        raise ProtectError(f"{dest} already exists; nothing was written.")
    tmp = _tmp_for(dest)
    try:
        with src.open("rb") as fin, tmp.open("wb") as fout:
            header = _unseal(fin, fout, passphrase)
        if header.keys is not None:  # checked with the rest (the header is in every chunk's associated data)
            from plprofile.store.cipher import keys_path, write_durably

            write_durably(keys_path(dest), header.keys)
        _publish(tmp, dest, overwrite)
    except OSError as exc:
        raise ProtectError(f"{src.name} could not be opened: {exc.strerror or exc}. Nothing was written.") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return dest
