"""One running plprofile per store per computer: a lock file in the data folder, and a local socket through which a
second start asks the first to bring its window forward.

Part of the app's start (``app.run_gui``), not of the main window, so tests can open many windows in one process.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "plprofile.lock"
#: How long a second start keeps trying to reach the first one (it may still be starting up).
REACH_MS = 3000


def _user() -> str:
    """Who runs this (each person's plprofile answers only their own second start)."""
    if hasattr(os, "getuid"):
        return str(os.getuid())
    return os.environ.get("USERNAME", "")


class StoreGuard:
    """Holds the store's lock while the app runs; calls ``on_show`` when a second start asks to be shown.

    Plain Python with the standard library's cheapest pieces: it runs before the first window (most
    of it writing the lock file); the local server and its QtNetwork wait until the window is up."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.lock = QLockFile(str(self.data_dir / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone (never by age: the app runs for days)
        where = f"{_user()}:{self.data_dir.resolve()}".encode()
        self.server_name = f"plprofile-{zlib.crc32(where):08x}-{zlib.adler32(where):08x}"
        self.server = None
        self.on_show: Callable[[], None] | None = None

    def acquire(self) -> bool:
        """True: this process now holds the store (or the folder cannot hold a lock file: the store's own
        checks then say what is wrong). False: another plprofile holds it."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True
        if self.lock.tryLock(0):
            return True
        return self.lock.error() != QLockFile.LockError.LockFailedError

    def listen(self) -> None:
        """Answer second starts (once the first window is up: QtNetwork loads here, not before the first paint)."""
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.server_name)  # left by a process that was killed; we hold the lock
        self.server = QLocalServer()
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._answer)
        self.server.listen(self.server_name)

    def _answer(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.write(b"shown\n")
            socket.flush()
            socket.disconnectFromServer()
            socket.deleteLater()
            if self.on_show is not None:
                self.on_show()

    def ask_first_to_show(self) -> bool:
        """From a second start: ask the running plprofile to bring its window forward; True if it answered."""
        import time

        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + REACH_MS / 1000
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.server_name)
            if socket.waitForConnected(300) and socket.waitForReadyRead(1000):
                answered = bytes(socket.readAll().data()).startswith(b"shown")
                socket.abort()
                if answered:
                    return True
            socket.abort()
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.2)

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()
