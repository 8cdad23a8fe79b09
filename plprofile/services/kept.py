"""What the teacher's week read from the whole store, kept until the store changes (``Store.data_stamp``, as the
class overview keeps its figures): opening the snapshot or the due list again, or a second window on them,
reads nothing; any commit (here or by another process) empties it. One reading at a time per store: a window
opened while the read-ahead (``warm_week``) is still reading waits for it and finds what it read."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from plprofile.store.engine import Store

T = TypeVar("T")

#: At most this many results per store (scopes, weeks, languages): the oldest go first.
LIMIT = 8


class _Kept:
    def __init__(self) -> None:
        self.stamp: tuple | None = None
        self.values: dict[tuple, Any] = {}
        self.lock = threading.RLock()


_by_store: weakref.WeakKeyDictionary[Store, _Kept] = weakref.WeakKeyDictionary()
_guard = threading.Lock()


def _of(store: Store) -> _Kept:
    with _guard:
        kept = _by_store.get(store)
        if kept is None:
            kept = _by_store[store] = _Kept()
        return kept


def kept(store: Store, key: tuple, read: Callable[[], T]) -> T:
    """``read()``, or what it gave for ``key`` since the store last changed."""
    k = _of(store)
    with k.lock:
        stamp = store.data_stamp()
        if stamp != k.stamp:
            k.values.clear()
            k.stamp = stamp
        if key in k.values:
            return k.values[key]
        value = read()
        if len(k.values) >= LIMIT:
            k.values.pop(next(iter(k.values)))
        if store.data_stamp() == stamp:  # not kept if the store changed while reading
            k.values[key] = value
        return value


def forget(store: Store) -> None:
    """Nothing kept for ``store`` (the benchmark's cold readings)."""
    k = _of(store)
    with k.lock:
        k.values.clear()
        k.stamp = None


__all__ = ["forget", "kept"]
