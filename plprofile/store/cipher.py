"""Encryption at rest: SQLCipher connections, the data key and its key slots.

An encrypted store is one SQLCipher 4 file encrypted under a random 256-bit **data key**, given to SQLCipher as
a raw key (``PRAGMA key = "x'…'"``, so SQLCipher's own PBKDF2 is skipped). The data key itself is never stored.
Beside the store, a small plaintext **key file** (``plprofile.sqlite3.keys``, JSON) holds the data key wrapped
with AES-256-GCM in **slots**: one per teacher password and one for the **recovery key**, each under a
key-encryption key derived by Argon2id from that secret with its own salt. Any slot opens the store; adding a
teacher or changing a password rewraps the same data key, and nothing about the store changes.

Whether a file is encrypted is judged from its bytes (a plain SQLite file starts with "SQLite format 3"), not from
the key file, so a key file left behind by an interrupted change never makes a plain store unreadable. A backup of
an encrypted store is encrypted with the same data key and gets a copy of the key file beside it.

Nothing here imports Qt or Alembic, and nothing logs a secret or a key.
"""

from __future__ import annotations

import base64
import hmac
import json
import os
import secrets
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path
from typing import Any

from plprofile.domain.errors import QT_TRANSLATE_NOOP, UserError

from .files import fsync_dir

KEYS_SUFFIX = ".keys"
SQLITE_MAGIC = b"SQLite format 3\x00"
KEY_BYTES = 32
KEYS_FORMAT = "plprofile-keys"
KEYS_VERSION = 1

#: Argon2id parameters for the key-encryption keys. The key file is the one thing an attacker with a stolen
#: laptop can guess passwords against offline, so these are stronger than the sign-in hashes inside the store:
#: 128 MiB, 3 passes, 4 lanes (about 0.2 s on a current laptop core, under a second on an old one; measured
#: figures are in the report). Stored per slot, so they can be raised later without breaking old files.
KDF_PARAMS = {"time_cost": 3, "memory_cost": 128 * 1024, "parallelism": 4}
#: Smallest parameters a key file may ask for (a tampered file must not make guessing cheap).
KDF_FLOOR = {"time_cost": 1, "memory_cost": 8 * 1024, "parallelism": 1}
KDF_CEILING = {"time_cost": 20, "memory_cost": 2 * 1024 * 1024, "parallelism": 16}

#: The recovery key: 160 random bits as 32 base32 letters and digits, in groups of four.
RECOVERY_BYTES = 20
PASSWORD, RECOVERY = "password", "recovery"


class CipherError(UserError):
    """Something about encryption went wrong; the message is safe to show (it holds no secret) and reads in the
    reader's language."""

    MESSAGES = {
        "key_size": QT_TRANSLATE_NOOP("services", "A data key is 32 bytes."),
        "exists": QT_TRANSLATE_NOOP("services", "{name} already exists."),
        "kdf_refused": QT_TRANSLATE_NOOP("services", "The key file asks for key-derivation settings plprofile does "
                                                     "not accept."),
        "key_file_damaged": QT_TRANSLATE_NOOP("services", "The key file is damaged."),
        "key_file_format": QT_TRANSLATE_NOOP("services", "The key file uses a format this version of plprofile does "
                                                         "not know."),
        "foreign_key": QT_TRANSLATE_NOOP("services", "That data key does not belong to this key file."),
        "type_secret": QT_TRANSLATE_NOOP("services", "Type the password or the recovery key."),
        "file_damaged": QT_TRANSLATE_NOOP("services", "The password or recovery key is right, but the store does "
                                                      "not open with its key: the file is damaged."),
        "wrong_recovery": QT_TRANSLATE_NOOP("services", "That recovery key does not open this store."),
        "wrong_password": QT_TRANSLATE_NOOP("services", "That password does not open this store."),
        "not_key_file": QT_TRANSLATE_NOOP("services", "The key file is not a plprofile key file."),
        "key_file_newer": QT_TRANSLATE_NOOP("services", "The key file was written by a newer version of plprofile."),
        "key_file_missing": QT_TRANSLATE_NOOP("services", "The key file {name} is missing, so {store} cannot be "
                                                          "unlocked."),
        "key_file_unreadable": QT_TRANSLATE_NOOP("services", "The key file {name} cannot be read: {reason}."),
    }


class WrongSecretError(CipherError):
    """No key slot opens with the password or recovery key given."""


class KeyFileError(CipherError):
    """The key file is missing, damaged or of an unknown format."""


class DamagedFileError(CipherError):
    """The secret is right (its slot opened, authenticated) but the file does not open with the key: the file is
    damaged. ``key`` is the store's key, for checking and restoring its encrypted backups."""

    def __init__(self, code: str, key: bytes | None = None, /, **arguments: object) -> None:
        super().__init__(code, **arguments)
        self.key = key


# ---- SQLCipher connections ------------------------------------------------------------------------
def dbapi():  # noqa: ANN201
    """The sqlcipher3 DB-API module (imported on first use: plain stores never load it)."""
    import sqlcipher3.dbapi2 as module

    return module


def read_errors() -> tuple[type[Exception], ...]:
    module = dbapi()
    return (module.Error, UnicodeDecodeError)


def key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise CipherError("key_size")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def apply_key(con, key: bytes) -> None:  # noqa: ANN001
    """Key a fresh sqlcipher3 connection; this must come before any other statement on it."""
    con.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is an answer, not an error to print
    con.execute(key_pragma(key))
    con.execute("PRAGMA temp_store = MEMORY")  # sorts and temporary tables never spill to a plain file


def connect(path: Path | str, key: bytes, *, readonly: bool = False, uri_extra: str = "", **kwargs: Any):  # noqa: ANN201
    """An sqlcipher3 connection to ``path`` with ``key`` applied (and nothing else run on it yet).

    ``readonly`` opens it with ``mode=ro`` (plus ``uri_extra``, e.g. ``&immutable=1``) so it can never write.
    """
    module = dbapi()
    if readonly:
        target = Path(path).resolve().as_uri() + "?mode=ro" + uri_extra
        con = module.connect(target, uri=True, **kwargs)
    else:
        con = module.connect(str(path), **kwargs)
    apply_key(con, key)
    return con


def opens_with(path: Path, key: bytes) -> bool:
    """Whether ``key`` decrypts ``path`` (reads page 1 only, read-only)."""
    try:
        con = connect(path, key, readonly=True, uri_extra="&immutable=1")
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return True
        finally:
            con.close()
    except read_errors():
        return False


def export_database(src: Path, src_key: bytes | None, dest: Path, dest_key: bytes | None) -> None:
    """Write every table, index and row of ``src`` into the new file ``dest`` under another key (or none).

    Uses ``sqlcipher_export`` into an attached database: the way SQLCipher encrypts a plain file, decrypts one
    or changes the key. ``src`` is opened read-only. ``dest`` must not exist; it is left in rollback-journal
    mode, one self-contained file.
    """
    module = dbapi()
    if dest.exists():
        raise CipherError("exists", name=dest.name)
    con = module.connect(Path(src).resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    try:
        if src_key is not None:
            apply_key(con, src_key)
        else:
            con.execute("PRAGMA cipher_log_level = NONE")
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails here on a wrong key
        target_key = f"x'{dest_key.hex()}'" if dest_key is not None else ""
        con.execute("ATTACH DATABASE ? AS target KEY ?", (str(dest), target_key))
        try:
            con.execute("SELECT sqlcipher_export('target')")
            version = con.execute("PRAGMA main.user_version").fetchone()[0]
            con.execute(f"PRAGMA target.user_version = {int(version)}")
        finally:
            con.execute("DETACH DATABASE target")
    finally:
        con.close()


# ---- what a file is -------------------------------------------------------------------------------
def keys_path(db_path: Path) -> Path:
    """``plprofile.sqlite3`` -> ``plprofile.sqlite3.keys`` (and the same beside every backup)."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + KEYS_SUFFIX)


#: One descriptor per store in use (a -wal beside it) whose head was read, kept open: on POSIX, closing any
#: descriptor of a file drops every lock this process holds on it, SQLite's included, and another process could
#: then delete the -wal from under the open store (SQLite's "How To Corrupt" 2.2). Replaced when the path
#: points to another file (a restore).
_HEADS: dict[str, tuple[tuple[int, int], int]] = {}
_HEADS_LOCK = threading.Lock()


def read_head(path: Path, size: int = 100) -> bytes:
    """The first ``size`` bytes of ``path`` (OSError if it cannot be read), without closing a descriptor of a
    file this process may hold SQLite locks on."""
    key = os.path.abspath(path)
    if os.name != "posix" or not os.path.exists(key + "-wal"):  # no SQLite locks to lose
        with open(key, "rb") as fh:
            return fh.read(size)
    with _HEADS_LOCK:
        st = os.stat(key)
        kept = _HEADS.get(key)
        if kept is None or kept[0] != (st.st_dev, st.st_ino):
            fd = os.open(key, os.O_RDONLY)
            if kept is not None:
                os.close(kept[1])  # the file it pointed to was replaced: nothing holds locks on it any more
            kept = _HEADS[key] = ((st.st_dev, st.st_ino), fd)
        return os.pread(kept[1], size, 0)


def looks_encrypted(path: Path) -> bool:
    """True for a non-empty file that does not start like a plain SQLite file but has a key file beside it."""
    path = Path(path)
    try:
        if path.stat().st_size == 0:
            return False
        head = read_head(path, len(SQLITE_MAGIC))
    except OSError:
        return False
    return head != SQLITE_MAGIC and keys_path(path).exists()


def is_plain_sqlite(path: Path) -> bool:
    try:
        return read_head(Path(path), len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


# ---- secrets --------------------------------------------------------------------------------------
def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_key() -> str:
    raw = base64.b32encode(secrets.token_bytes(RECOVERY_BYTES)).decode("ascii")
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def normalise_recovery_key(text: str) -> str | None:
    """The canonical form of a typed recovery key (case, spaces and dashes forgiven; O/0, I/L/1 confusion
    repaired), or None if ``text`` is not shaped like one."""
    cleaned = "".join(c for c in (text or "").upper() if c.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    if len(cleaned) != 32 or any(c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" for c in cleaned):
        return None
    return "-".join(cleaned[i:i + 4] for i in range(0, 32, 4))


def _secret_bytes(secret: str) -> bytes:
    return unicodedata.normalize("NFC", secret).encode("utf-8")


def derive_kek(secret: str, salt: bytes, params: dict[str, int]) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    for name, low in KDF_FLOOR.items():
        value = params.get(name)
        if not isinstance(value, int) or value < low or value > KDF_CEILING[name]:
            raise KeyFileError("kdf_refused")
    return hash_secret_raw(_secret_bytes(secret), salt, time_cost=params["time_cost"],
                           memory_cost=params["memory_cost"], parallelism=params["parallelism"],
                           hash_len=KEY_BYTES, type=Type.ID)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise KeyFileError("key_file_damaged")
    try:
        return base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise KeyFileError("key_file_damaged") from exc


def key_id(data_key: bytes) -> str:
    """A short public fingerprint of a data key: tells which key a backup was made with, reveals nothing."""
    return hmac.new(data_key, b"plprofile key id", sha256).hexdigest()[:16]


# ---- the key file ---------------------------------------------------------------------------------
@dataclass
class Slot:
    kind: str  # password or recovery
    label: str  # the teacher's sign-in name for a password slot
    salt: bytes
    params: dict[str, int]
    nonce: bytes
    wrapped: bytes
    #: which data key this slot holds (during a re-key the file briefly holds slots for the old and new key)
    kid: str = ""

    def aad(self) -> bytes:
        return json.dumps([KEYS_FORMAT, KEYS_VERSION, self.kid, self.kind, self.label],
                          separators=(",", ":")).encode()

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "label": self.label, "key_id": self.kid, "kdf": {"name": "argon2id", **self.params,
                                                                "salt": _b64(self.salt)},
                "nonce": _b64(self.nonce), "wrapped": _b64(self.wrapped)}

    @classmethod
    def from_json(cls, data: Any) -> Slot:
        try:
            kdf = data["kdf"]
            if kdf.get("name") != "argon2id" or data["kind"] not in (PASSWORD, RECOVERY):
                raise KeyFileError("key_file_format")
            params = {k: kdf[k] for k in ("time_cost", "memory_cost", "parallelism")}
            return cls(data["kind"], str(data["label"]), _unb64(kdf["salt"]), params, _unb64(data["nonce"]),
                       _unb64(data["wrapped"]), str(data["key_id"]))
        except (KeyError, TypeError, AttributeError) as exc:
            raise KeyFileError("key_file_damaged") from exc


@dataclass
class Keyring:
    """The key slots of one encrypted store (or backup)."""

    kid: str
    slots: list[Slot] = field(default_factory=list)

    # -- making and opening slots --
    @staticmethod
    def _wrap(kind: str, label: str, secret: str, data_key: bytes, kid: str,
              params: dict[str, int] | None = None) -> Slot:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        params = dict(params or KDF_PARAMS)
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        slot = Slot(kind, label, salt, params, nonce, b"", kid)
        slot.wrapped = AESGCM(derive_kek(secret, salt, params)).encrypt(nonce, data_key, slot.aad())
        return slot

    @classmethod
    def create(cls, data_key: bytes, label: str, password: str, recovery_key: str,
               params: dict[str, int] | None = None) -> Keyring:
        kid = key_id(data_key)
        ring = cls(kid)
        ring.slots.append(cls._wrap(PASSWORD, label, password, data_key, kid, params))
        ring.slots.append(cls._wrap(RECOVERY, "", normalise_recovery_key(recovery_key) or recovery_key,
                                    data_key, kid, params))
        return ring

    def set_password(self, data_key: bytes, label: str, password: str, params: dict[str, int] | None = None) -> None:
        """Add or replace ``label``'s password slot (a new teacher, or a changed password)."""
        if key_id(data_key) != self.kid:
            raise CipherError("foreign_key")
        self.slots = [s for s in self.slots if not (s.kind == PASSWORD and s.label == label and s.kid == self.kid)]
        self.slots.append(self._wrap(PASSWORD, label, password, data_key, self.kid, params))

    def remove_password(self, label: str) -> None:
        self.slots = [s for s in self.slots if not (s.kind == PASSWORD and s.label == label)]

    def labels(self) -> list[str]:
        return [s.label for s in self.slots if s.kind == PASSWORD and s.kid == self.kid]

    def merged_with(self, older: Keyring) -> Keyring:
        """This ring's slots followed by ``older``'s: written during a re-key, so whichever file is in place
        after a crash can still be unlocked."""
        return Keyring(self.kid, [*self.slots, *older.slots])

    def _open(self, slot: Slot, secret: str) -> bytes | None:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            key = AESGCM(derive_kek(secret, slot.salt, slot.params)).decrypt(slot.nonce, slot.wrapped, slot.aad())
        except InvalidTag:
            return None
        return key if len(key) == KEY_BYTES and key_id(key) == slot.kid else None

    def unlock(self, secret: str, label: str | None = None, accept: Callable[[bytes], bool] | None = None) -> bytes:
        """The data key, from a password (any teacher's, or ``label``'s only) or the recovery key.

        Raises WrongSecretError when no slot opens. A recovery key is recognised by its shape and tried
        first; a password costs one Argon2id run per teacher slot. ``accept(key)`` may refuse a key (one that
        does not open the file at hand), and the search goes on.
        """
        if not secret:
            raise WrongSecretError("type_secret")
        recovery = normalise_recovery_key(secret)
        candidates = [(s, recovery) for s in self.slots if s.kind == RECOVERY] if recovery else []
        candidates += [(s, secret) for s in self.slots
                       if s.kind == PASSWORD and (label is None or s.label == label)]
        refused: bytes | None = None
        for slot, text in candidates:
            key = self._open(slot, text)
            if key is not None and (accept is None or accept(key)):
                return key
            refused = refused or key
        if refused is not None:  # the secret is right; the file is what does not open
            raise DamagedFileError("file_damaged", refused)
        if recovery:
            raise WrongSecretError("wrong_recovery")
        raise WrongSecretError("wrong_password")

    def opens(self, label: str, secret: str) -> bool:
        return any(self._open(s, secret) is not None for s in self.slots
                   if s.kind == PASSWORD and s.label == label and s.kid == self.kid)

    # -- the file --
    def to_bytes(self) -> bytes:
        data = {"format": KEYS_FORMAT, "version": KEYS_VERSION, "cipher": "sqlcipher4-raw-key",
                "key_id": self.kid, "wrap": "aes-256-gcm", "slots": [s.to_json() for s in self.slots]}
        return (json.dumps(data, indent=1) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> Keyring:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise KeyFileError("key_file_damaged") from exc
        if not isinstance(data, dict) or data.get("format") != KEYS_FORMAT:
            raise KeyFileError("not_key_file")
        if data.get("version") != KEYS_VERSION:
            raise KeyFileError("key_file_newer")
        slots = data.get("slots")
        if not isinstance(slots, list) or not isinstance(data.get("key_id"), str):
            raise KeyFileError("key_file_damaged")
        return cls(data["key_id"], [Slot.from_json(s) for s in slots])

    @classmethod
    def load(cls, db_path: Path) -> Keyring:
        path = keys_path(db_path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise KeyFileError("key_file_missing", name=path.name, store=Path(db_path).name) from exc
        except OSError as exc:
            raise KeyFileError("key_file_unreadable", name=path.name, reason=exc.strerror or exc) from exc
        if len(raw) > 1_000_000:
            raise KeyFileError("key_file_damaged")
        return cls.from_bytes(raw)

    def save(self, db_path: Path) -> Path:
        """Write the key file beside ``db_path`` atomically and durably (temp file, fsync, rename, fsync dir)."""
        return write_durably(keys_path(db_path), self.to_bytes())


def write_durably(path: Path, data: bytes) -> Path:
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(path.parent)
    return path
