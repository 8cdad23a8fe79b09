"""What a device needs around pairing, besides ``client.pair``: what a code grants (asked of the hub before the
code is used), the code as words to type (BIP-39's word lists: short words, told apart by their first four
letters) and a refusal sorted into what a person can do about it. No Qt."""

from __future__ import annotations

import base64
import json
import unicodedata
from dataclasses import dataclass
from functools import cache

from .client import SyncError

#: A pairing code: 16 characters of secret (4 groups) and 24 of the hub certificate's fingerprint, base 32.
SECRET_CHARS = 16
FINGERPRINT_CHARS = 24
_BITS = (SECRET_CHARS + FINGERPRINT_CHARS) * 5  # 200
_WORD_BITS = 11
WORDS = -(-_BITS // _WORD_BITS)  # 19
LANGUAGES = {"en": "english", "es": "spanish"}


@dataclass(frozen=True)
class Invitation:
    role: str  # "admin", "teacher" or "learner"
    name: str
    expires: str


def look_up(url: str, code: str) -> Invitation:
    """What ``code`` grants on the hub at ``url``, checked against the certificate the code names (else nothing
    is sent). The code stays unused. Raises SyncError (see ``problem``)."""
    import ssl

    import httpx

    from plprofile.hub.admin import split_code
    from plprofile.hub.tls import code_part, peer_certificate, pinned_context

    from .client import _host_port

    try:
        secret, fp = split_code(normalise_code(code))
    except ValueError as exc:
        raise SyncError(f"{exc}; nothing was changed.") from None
    host, port = _host_port(url)
    try:
        der = peer_certificate(host, port)
    except OSError as exc:
        raise SyncError(f"the hub at {url} cannot be reached ({exc}); nothing was changed.") from exc
    if code_part(der) != fp:
        raise SyncError("the hub at this address shows a different certificate from the one in the pairing "
                        "code: it may not be the school's hub. Nothing was sent.")
    pem = ssl.DER_cert_to_PEM_cert(der)
    try:
        with httpx.Client(base_url=f"https://{host}:{port}", verify=pinned_context(pem), timeout=30) as client:
            response = client.post("/v1/invitation", content=json.dumps({"code": secret}).encode(),
                                   headers={"content-type": "application/json"})
    except httpx.HTTPError as exc:
        raise SyncError(f"the hub cannot be reached ({exc}); try again when the network is there.") from exc
    try:
        data = response.json()
    except ValueError:
        data = {}
    if response.status_code == 404:
        raise SyncError("the hub's plprofile is older than this device's: ask the school to update the hub.")
    if response.status_code != 200:
        raise SyncError(data.get("error") or f"the hub answered {response.status_code}.")
    return Invitation(str(data["role"]), str(data["name"]), str(data.get("expires", "")))


#: What a person can do about a refusal: the device's reading of the hub's and the client's reasons.
PROBLEMS = (
    ("not right", "wrong"), ("not a pairing code", "wrong"), ("already used", "used"), ("expired", "expired"),
    ("different certificate", "certificate"), ("revoked", "revoked"), ("older than the hub", "app_old"),
    ("newer than the hub", "app_new"), ("does not know this device", "unknown_device"),
    ("no longer on the hub", "unknown_device"), ("not paired", "not_paired"), ("already paired", "paired"),
    ("cannot be reached", "offline"), ("not a hub address", "address"),
)
#: The problems a person must act on (the rest clear up when the network is back).
NEEDS_ATTENTION = frozenset({"certificate", "revoked", "app_old", "app_new", "unknown_device"})


def problem(exc: BaseException) -> str:
    """The kind of a refusal: one of PROBLEMS' kinds, or "other"."""
    text = str(exc)
    return next((kind for words, kind in PROBLEMS if words in text), "other")


# ---- the code as words ---------------------------------------------------------------------------------
def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


@cache
def _wordlist(language: str) -> tuple[list[str], dict[str, int]]:
    from mnemonic import Mnemonic

    words = Mnemonic(language).wordlist
    index: dict[str, int] = {}
    for i, word in enumerate(words):
        index[_plain(word)] = i
    for i, word in enumerate(words):  # BIP-39: the first four letters tell each word apart
        index.setdefault(_plain(word)[:4], i)
    return words, index


def code_to_words(code: str, language: str = "en") -> list[str]:
    """The pairing ``code`` as WORDS words of the language's BIP-39 list (``words_to_code`` reads it back)."""
    from plprofile.hub.admin import split_code

    secret, fp = split_code(code)
    if len(secret) != SECRET_CHARS or len(fp) != FINGERPRINT_CHARS:
        raise ValueError("that is not a pairing code (it looks like ABCD-EFGH-IJKL-MNOP-…)")
    number = int.from_bytes(base64.b32decode(secret + fp), "big")  # 200 bits
    number <<= WORDS * _WORD_BITS - _BITS
    words, _index = _wordlist(LANGUAGES.get(language, "english"))
    return [words[(number >> (_WORD_BITS * (WORDS - 1 - i))) & 0x7FF] for i in range(WORDS)]


def words_to_code(text: str) -> str:
    """A code typed as words (either language, accents and case as typed, first four letters are enough)."""
    typed = [_plain(w) for w in text.replace(",", " ").replace("-", " ").split()]
    if len(typed) != WORDS:
        raise ValueError(f"a pairing code is {WORDS} words; {len(typed)} were typed")
    for language in LANGUAGES.values():
        _words, index = _wordlist(language)
        found = [index.get(w, index.get(w[:4])) for w in typed]
        if all(i is not None for i in found):
            break
    else:
        unknown = next(w for w in typed if all(
            _wordlist(lang)[1].get(w, _wordlist(lang)[1].get(w[:4])) is None for lang in LANGUAGES.values()))
        raise ValueError(f"“{unknown}” is not one of the code's words: check its spelling")
    number = 0
    for i in found:
        number = (number << _WORD_BITS) | i
    pad = WORDS * _WORD_BITS - _BITS
    if number & ((1 << pad) - 1):
        raise ValueError("these words are not a pairing code: check them, in order")
    raw = base64.b32encode((number >> pad).to_bytes(_BITS // 8, "big")).decode()
    secret, fp = raw[:SECRET_CHARS], raw[SECRET_CHARS:]
    return "-".join(secret[i:i + 4] for i in range(0, SECRET_CHARS, 4)) + "-" + fp


def normalise_code(text: str) -> str:
    """A code as typed: the code itself, or its words."""
    tokens = text.replace(",", " ").split()
    if len(tokens) > 1 or (len(tokens) == 1 and len(tokens[0].split("-")) == WORDS):
        return words_to_code(text)
    return text.strip()
