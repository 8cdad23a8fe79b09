"""The store's pepper: a random secret kept in a file beside the store, never inside it, mixed into every
learner's PIN before it is hashed. A copy of the store file alone (a backup carried away, the file sent
somewhere) then holds PIN hashes that cannot be tried against the 10,000 four-digit PINs without it."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

#: ``plprofile.sqlite3`` -> ``plprofile.sqlite3.pepper``, beside the store (and its key file, if encrypted).
SUFFIX = ".pepper"
PEPPER_BYTES = 32


def pepper_path(store_path: Path) -> Path:
    store_path = Path(store_path)
    return store_path.with_name(store_path.name + SUFFIX)


def load(store_path: Path, *, create: bool = False) -> bytes | None:
    """The store's pepper; None when there is none (and ``create`` is False). A new one is written durably,
    readable by its owner only. A file that is not a pepper counts as none."""
    path = pepper_path(store_path)
    try:
        raw = bytes.fromhex(path.read_text(encoding="ascii").strip())
        if len(raw) == PEPPER_BYTES:
            return raw
        return None
    except FileNotFoundError:
        pass
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not create:
        return None
    pepper = secrets.token_bytes(PEPPER_BYTES)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, pepper.hex().encode("ascii") + b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)  # never replaces a pepper another process wrote in the meantime
    except FileExistsError:
        return load(store_path)
    except OSError:  # a file system without hard links
        if path.exists():
            return load(store_path)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return pepper


def mix(pepper: bytes, secret: str) -> str:
    """What is hashed in place of the PIN: HMAC-SHA256 of it under the pepper."""
    return hmac.new(pepper, secret.encode("utf-8"), hashlib.sha256).hexdigest()
