"""What the UI may know of the store: opening and checking it, and its errors.

The UI reaches the store only through the services (an import-linter contract); these names are the part of
the store it may use directly. Rows it never holds: the services hand it views (``services.views``).
"""

from plprofile.store.changes import NotFoundError, StaleEditError
from plprofile.store.cipher import CipherError, DamagedFileError, WrongSecretError
from plprofile.store.engine import (
    CorruptStoreError,
    EncryptedStoreError,
    NewerStoreError,
    Store,
    StoreBusyError,
    first_line,
    health_check,
    open_store,
)

__all__ = [
    "CipherError", "CorruptStoreError", "DamagedFileError", "EncryptedStoreError", "NewerStoreError", "NotFoundError",
    "StaleEditError", "Store", "StoreBusyError", "WrongSecretError", "first_line", "health_check", "open_store",
]
