"""What the UI may know of the store: opening and checking it, its errors, and the rows the services hand out.

The UI reaches the store only through the services (an import-linter contract); these names are the part of
the store it may use directly.
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
from plprofile.store.models import (
    FAMILY_SHAREABLE,
    BackpackItem,
    ChangeLog,
    CheckIn,
    ChoiceOption,
    Conference,
    Goal,
    Learner,
    ProfileEntry,
)

__all__ = [
    "FAMILY_SHAREABLE", "BackpackItem", "CheckIn", "ChangeLog", "ChoiceOption", "CipherError", "Conference", "CorruptStoreError", "DamagedFileError",
    "EncryptedStoreError", "Goal", "Learner", "NewerStoreError", "NotFoundError", "ProfileEntry", "StaleEditError",
    "Store", "StoreBusyError", "WrongSecretError", "first_line", "health_check", "open_store",
]
