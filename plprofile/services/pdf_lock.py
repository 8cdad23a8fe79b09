"""A PDF locked with a passphrase: standard AES-256 PDF encryption, which any PDF reader opens with it.

For the family summary (a family has no plprofile); backups and bundles keep their own ``.plpx`` sealing.
"""

from __future__ import annotations

import io

#: Fewer characters than this make a passphrase too easy to guess for a file that leaves the school.
MIN_LENGTH = 8


class PdfLockError(ValueError):
    """The PDF could not be locked; the message says why. Nothing was written."""


def lock_pdf(pdf: bytes, passphrase: str) -> bytes:
    """``pdf`` encrypted with AES-256 (PDF 2.0 security handler, revision 6): opening it asks for ``passphrase``.
    Printing and copying stay allowed to whoever opens it."""
    if len(passphrase) < MIN_LENGTH:
        raise PdfLockError(f"The passphrase needs at least {MIN_LENGTH} characters.")
    import pikepdf  # only when a PDF is locked

    out = io.BytesIO()
    try:
        with pikepdf.open(io.BytesIO(pdf)) as document:
            document.save(out, encryption=pikepdf.Encryption(owner=passphrase, user=passphrase, R=6, aes=True))
    except pikepdf.PdfError as exc:
        raise PdfLockError(f"The PDF could not be locked: {exc}") from exc
    return out.getvalue()
