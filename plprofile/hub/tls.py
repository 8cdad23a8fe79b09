"""The hub's certificate: made on first start when none is given, and identified by its SHA-256 fingerprint,
which travels in every pairing code so that a device trusts exactly this hub."""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

CERT_NAME, KEY_NAME = "hub-cert.pem", "hub-key.pem"
#: How much of the fingerprint a pairing code carries: 120 bits, in base32 (24 characters).
CODE_FINGERPRINT_CHARS = 24


def fingerprint(der: bytes) -> str:
    """SHA-256 of the certificate (DER), as colon-separated hex: what ``openssl x509 -fingerprint`` prints."""
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))


def code_part(der: bytes) -> str:
    """The part of the fingerprint a pairing code carries."""
    return base64.b32encode(hashlib.sha256(der).digest()).decode()[:CODE_FINGERPRINT_CHARS]


def pem_to_der(pem: bytes) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    return x509.load_pem_x509_certificate(pem).public_bytes(Encoding.DER)


def ensure_certificate(folder: Path, hosts: list[str] | None = None) -> tuple[Path, Path, bool]:
    """(certificate, key, made now) in ``folder``: a self-signed certificate made the first time (ECDSA P-256,
    ten years, the machine's name and the given hosts as subject names)."""
    cert_path, key_path = folder / CERT_NAME, folder / KEY_NAME
    if cert_path.exists() and key_path.exists():
        return cert_path, key_path, False
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    host = socket.gethostname() or "plprofile-hub"
    names: list[x509.GeneralName] = [x509.DNSName(host), x509.DNSName("localhost"),
                                     x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    for extra in hosts or []:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(extra)))
        except ValueError:
            names.append(x509.DNSName(extra))
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"plprofile hub {host}"[:64])])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.SubjectAlternativeName(list(dict.fromkeys(names))), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .sign(key, hashes.SHA256()))
    key_tmp = key_path.with_name(key_path.name + ".part")
    key_tmp.touch(mode=0o600)
    key_tmp.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    key_tmp.replace(key_path)
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return cert_path, key_path, True


def peer_certificate(host: str, port: int, timeout: float = 15.0) -> bytes:
    """The certificate (DER) a TLS server at host:port shows, read without trusting it (pairing compares it
    with the code's fingerprint before anything is sent)."""
    import ssl

    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    with socket.create_connection((host, port), timeout=timeout) as sock, \
            ctx.wrap_socket(sock, server_hostname=host) as tls:
        der = tls.getpeercert(binary_form=True)
    if not der:
        raise OSError("the server showed no certificate")
    return der


def pinned_context(pem: str):  # noqa: ANN201
    """An SSL context that trusts exactly the hub's certificate (pinned at pairing) and nothing else; the name
    in it is not checked (the hub is often reached by an address its self-signed certificate cannot know)."""
    import ssl

    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations(cadata=pem)
    ctx.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN  # a school's own certificate, not only a self-signed one
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx
