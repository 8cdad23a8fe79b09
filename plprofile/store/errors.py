"""The store's errors, apart from the engine so that backups and the engine need not import each other."""

from __future__ import annotations

import sqlite3

#: What reading a plain store's file may raise when the file is damaged.
READ_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, UnicodeDecodeError)


class StoreError(Exception):
    """The store cannot be opened; the message says why in plain words."""


class StoreBusyError(StoreError):
    """Another connection held the store's write lock for longer than we wait; nothing was written."""


class NewerStoreError(StoreError):
    pass


class CorruptStoreError(StoreError):
    pass


class LostStoreError(CorruptStoreError):
    """The store file is empty or missing where a store was (backups, its -wal or key file are beside it)."""


class EncryptedStoreError(StoreError):
    """The store is encrypted and needs a teacher's password or the recovery key (it is not damaged)."""


class WrongKeyError(EncryptedStoreError):
    """The key given does not open the store."""
