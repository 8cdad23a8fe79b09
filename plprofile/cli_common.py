"""What every command shares: the data folder, secrets asked for or taken from the environment, and the refusal a
command ends with (its message, exit 1). Light: the standard library until a store is opened."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "PLPROFILE_DATA_DIR"
#: A teacher's password or the recovery key of an encrypted store, for scripts (else it is asked for).
ENV_PASSWORD = "PLPROFILE_PASSWORD"
#: The new password when encrypting or re-keying from a script.
ENV_NEW_PASSWORD = "PLPROFILE_NEW_PASSWORD"
#: The passphrase of a protected export, for scripts.
ENV_PASSPHRASE = "PLPROFILE_PASSPHRASE"


def default_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("plprofile", appauthor=False))


class Refused(Exception):
    """A command stops: its message is printed, nothing was changed, and the exit status is 1."""


def secret(prompt: str, env: str, *, twice: bool = False) -> str:
    value = os.environ.get(env)
    if value:
        return value
    import getpass

    try:
        first = getpass.getpass(prompt)
        if twice and getpass.getpass("Type it again: ") != first:
            raise Refused("the two entries are not the same; nothing was changed.")
    except EOFError:
        raise Refused(f"nothing was typed; run this in a terminal or set ${env}. Nothing was changed.") from None
    return first


def store_key(data_dir: Path) -> tuple[bytes | None, str | None]:
    """(data key, the secret that opened it) of an encrypted store; (None, None) for a plain one."""
    from .services import encryption as enc
    from .store import cipher

    if not enc.is_encrypted(data_dir):
        return None, None
    typed = secret(f"The store in {data_dir} is encrypted. A teacher's password or the recovery key: ",
                   ENV_PASSWORD)
    try:
        return enc.unlock(data_dir, typed), typed
    except cipher.CipherError as exc:
        raise Refused(f"{exc} Nothing was changed.") from exc
