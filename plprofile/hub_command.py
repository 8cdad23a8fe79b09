"""The hub's commands (serve, hub …) and a device's (pair, sync): parsers and runners. Light at import: the
server, the database drivers and httpx load only when one of these commands runs."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

HELP = """\
  plprofile serve [--data-dir DIR | --database URL] [--host H] [--port P] [--cert F --key F]
                                                   run the school hub (HTTPS); SQLite in DIR by default
  plprofile hub [--data-dir DIR | --database URL] init --admin NAME
  plprofile hub … invite --role admin|teacher|learner --name NAME [--json]  (the code, and as words)
  plprofile hub … devices | revoke DEVICE | status [--json]
                                                   administer the hub: pairing codes, devices
  plprofile [--data-dir DIR] pair URL CODE          pair this device with the school's hub
  plprofile [--data-dir DIR] sync [--json]          one sync round with the hub
"""
ENV_DATABASE = "PLPROFILE_HUB_DATABASE"
DEFAULT_PORT = 8443


def add_parsers(commands, data_dir: argparse.ArgumentParser) -> None:  # noqa: ANN001
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--database", metavar="URL", default=argparse.SUPPRESS,
                    help=f"a PostgreSQL database (postgresql+psycopg://USER:PASSWORD@HOST/DB; or ${ENV_DATABASE}) "
                         "instead of the SQLite store in the hub's folder")
    serve = commands.add_parser(
        "serve", parents=[data_dir, db], help="run the school hub",
        description="Run the school hub over HTTPS. Its data: a SQLite store in the data folder's 'hub' folder "
                    "(or --data-dir DIR), or a PostgreSQL database (--database). Without --cert it makes a "
                    "self-signed certificate on first start and prints its fingerprint; pairing codes carry it.")
    serve.add_argument("--host", default="0.0.0.0", help="the address to listen on (default: all)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"the port (default: {DEFAULT_PORT})")
    serve.add_argument("--cert", type=Path, metavar="F", help="the hub's certificate (PEM), with --key")
    serve.add_argument("--key", type=Path, metavar="F", help="its private key (PEM)")
    serve.add_argument("--workers", type=int, default=1, metavar="N",
                       help="serve with N processes (PostgreSQL only; a SQLite hub is one process). Default 1; "
                            "about one per processor core for a school's or a district's server")
    hub = commands.add_parser("hub", parents=[data_dir, db], help="administer the school hub",
                              description="Administer the school hub's store: the first admin account, "
                                          "pairing codes, paired devices.")
    actions = hub.add_subparsers(dest="hub_command", metavar="{init,invite,devices,revoke,status}", title="actions")
    actions.required = True
    init = actions.add_parser("init", parents=[data_dir, db], help="create the hub's first admin account",
                              description="Create the hub's store and its first admin account (the password "
                                          "is asked for, or read from $PLPROFILE_PASSWORD).")
    init.add_argument("--admin", metavar="NAME", required=True, help="the admin's name")
    invite = actions.add_parser("invite", parents=[data_dir, db], help="a one-time pairing code for a device",
                                description="Print a one-time pairing code (valid 24 hours) for a device that "
                                            "will act for NAME's account.")
    invite.add_argument("--role", choices=("admin", "teacher", "learner"), required=True)
    invite.add_argument("--name", required=True, metavar="NAME",
                        help="the admin's or teacher's name, or the learner's full name or school ID")
    invite.add_argument("--json", action="store_true", help='print {"code": ..., "expires": ...}')
    devices = actions.add_parser("devices", parents=[data_dir, db], help="list the paired devices")
    devices.add_argument("--json", action="store_true")
    revoke = actions.add_parser("revoke", parents=[data_dir, db], help="revoke a device's credential")
    revoke.add_argument("device", metavar="DEVICE", help="the device's id (or its first characters)")
    status = actions.add_parser("status", parents=[data_dir, db], help="what the hub holds")
    status.add_argument("--json", action="store_true")
    pair = commands.add_parser(
        "pair", parents=[data_dir], help="pair this device with the school's hub",
        description="Pair this device with the hub at URL using a one-time CODE from 'plprofile hub invite'. The "
                    "code carries the hub's certificate fingerprint: a hub showing another certificate is refused.")
    pair.add_argument("url", metavar="URL", help="the hub's address, like https://hub.school.example:8443")
    pair.add_argument("code", metavar="CODE", help="the pairing code")
    pair.add_argument("--name", metavar="NAME", help="this device's name on the hub (default: the computer's)")
    sync = commands.add_parser("sync", parents=[data_dir], help="one sync round with the hub",
                               description="Push this device's changes to the hub and pull what changed in its "
                                           "scope. Exit 0 done, 1 not (the message says why).")
    sync.add_argument("--json", action="store_true", help='print {"pushed": n, "pulled": m, "conflicts": k}')
    sync.add_argument("--send-again", action="store_true",
                      help="first offer the hub once more the changes it refused before (the reason may be gone)")


def hub_folder(args: argparse.Namespace) -> Path:
    if getattr(args, "data_dir", None):
        return Path(args.data_dir).expanduser()
    from .cli_common import default_data_dir

    return default_data_dir() / "hub"


def _database(args: argparse.Namespace) -> str | None:
    return getattr(args, "database", None) or os.environ.get(ENV_DATABASE) or None


def _say(text: str) -> None:
    print(text, flush=True)


def _fail(text: str, code: int = 1) -> int:
    print(f"plprofile: {text}", file=sys.stderr, flush=True)
    return code


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from .store.engine import StoreError

    try:
        if args.command == "serve":
            return _serve(args)
        if args.command == "hub":
            return _hub(args)
        if args.command == "pair":
            return _pair(args, data_dir)
        if args.command == "sync":
            return _sync(args, data_dir)
    except StoreError as exc:
        return _fail(str(exc))
    raise AssertionError(args.command)  # pragma: no cover


def _open(args: argparse.Namespace):  # noqa: ANN202
    from .hub.store import open_hub

    return open_hub(hub_folder(args), _database(args))


def _certificate(args: argparse.Namespace, store) -> tuple[Path, Path]:  # noqa: ANN001
    """The certificate the hub shows (given, or made in the hub's folder), its fingerprint recorded."""
    from .hub import admin, tls

    if args_cert := getattr(args, "cert", None):
        if not getattr(args, "key", None):
            raise _Usage("--cert goes with --key.")
        cert, key, made = Path(args_cert).expanduser(), Path(args.key).expanduser(), False
    else:
        cert, key, made = tls.ensure_certificate(hub_folder(args) / "tls")
    der = tls.pem_to_der(cert.read_bytes())
    admin.set_meta_value(store, "tls_fingerprint", tls.fingerprint(der))
    admin.set_meta_value(store, "tls_code_part", tls.code_part(der))
    if made:
        _say(f"Made a self-signed certificate for the hub: {cert}")
    return cert, key


class _Usage(Exception):
    pass


def _serve(args: argparse.Namespace) -> int:
    from .hub import admin
    from .hub.app import create_app

    workers = args.workers
    if not 1 <= workers <= MAX_WORKERS:
        return _fail(f"--workers is a number from 1 to {MAX_WORKERS}.", 2)
    if workers > 1 and not _database(args):
        return _fail("--workers needs a PostgreSQL database (--database): a SQLite hub is one process.", 2)
    store = _open(args)
    try:
        cert, key = _certificate(args, store)
    except _Usage as exc:
        return _fail(str(exc), 2)
    import uvicorn  # start-up: only the hub loads the server

    _say(f"plprofile hub on https://{args.host}:{args.port} ({store.engine.dialect.name}"
         f"{f', {workers} processes' if workers > 1 else ''}).")
    _say(f"Certificate fingerprint (SHA-256): {admin.get_meta_value(store, 'tls_fingerprint')}")
    tls = {"ssl_certfile": str(cert), "ssl_keyfile": str(key), "log_level": "warning",
           "timeout_graceful_shutdown": 5, "host": args.host, "port": args.port}
    if workers == 1:
        uvicorn.run(create_app(store), **tls)
        store.close()
        return 0
    # several processes: each opens its own connections (the hub keeps nothing between requests), found by
    # uvicorn through the factory below with the database's address in the environment
    store.close()
    os.environ[ENV_DATABASE] = _database(args) or ""
    uvicorn.run("plprofile.hub_command:worker_app", factory=True, workers=workers, **tls)
    return 0


#: The most processes ``serve --workers`` starts.
MAX_WORKERS = 64


def worker_app():  # noqa: ANN201
    """The hub's app in one of ``serve --workers``' processes (uvicorn calls this in each)."""
    from .hub.app import create_app
    from .hub.store import open_hub

    return create_app(open_hub(None, os.environ[ENV_DATABASE]))


def _hub(args: argparse.Namespace) -> int:
    from .hub import admin

    store = _open(args)
    try:
        if args.hub_command == "init":
            from .cli_common import ENV_PASSWORD, Refused, secret
            from .domain.profile import ValidationError

            try:
                password = secret(f"A password for {args.admin} (at least 8 characters): ", ENV_PASSWORD, twice=True)
                account = admin.init(store, args.admin, password)
            except (Refused, ValidationError) as exc:
                return _fail(f"{exc}")
            if not admin.get_meta_value(store, "tls_fingerprint"):
                _certificate(args, store)
            _say(f"The hub is ready: {account.display_name} is its admin (sign-in name {account.username}).")
            _say(f"Certificate fingerprint (SHA-256): {admin.get_meta_value(store, 'tls_fingerprint')}")
            return 0
        if args.hub_command == "invite":
            if not admin.get_meta_value(store, "tls_fingerprint"):
                _certificate(args, store)
            invitation = admin.invite(store, args.role, args.name)
            from .sync.pairing import code_to_words  # the same code as words, for a person to type

            words = code_to_words(invitation.code)
            if args.json:
                _say(json.dumps({"code": invitation.code, "words": words, "expires": invitation.expires.isoformat()}))
            else:
                _say(f"Pairing code for {invitation.name} ({invitation.role}), valid until "
                     f"{invitation.expires.astimezone():%Y-%m-%d %H:%M}, once:")
                _say(f"    {invitation.code}")
                _say("On the device: plprofile pair https://HUB-ADDRESS:PORT CODE")
                _say("or, in the app (File → Connect to the school hub…), the same code as words:")
                _say(f"    {' '.join(words)}")
            return 0
        if args.hub_command == "devices":
            rows = admin.devices(store)
            if args.json:
                _say(json.dumps([{"id": r.id, "name": r.name, "role": r.role, "account": r.account,
                                  "paired": r.paired_at.isoformat(),
                                  "last_seen": r.last_seen_at.isoformat() if r.last_seen_at else None,
                                  "revoked": r.revoked_at.isoformat() if r.revoked_at else None} for r in rows]))
                return 0
            if not rows:
                _say("No devices are paired yet.")
            for r in rows:
                state = f"revoked {r.revoked_at:%Y-%m-%d %H:%M}" if r.revoked_at else (
                    f"last seen {r.last_seen_at:%Y-%m-%d %H:%M}" if r.last_seen_at else "not synced yet")
                _say(f"{r.id}  {r.role:<8} {r.account:<30} {r.name:<24} {state}")
            return 0
        if args.hub_command == "revoke":
            row = admin.revoke(store, args.device)
            _say(f"Revoked {row.id} ({row.name}, {row.account}): it can no longer sync.")
            return 0
        if args.hub_command == "status":
            info = admin.status(store)
            if args.json:
                _say(json.dumps(info))
            else:
                for key, value in info.items():
                    _say(f"{key.replace('_', ' ')}: {value}")
            return 0
    except admin.AdminError as exc:
        return _fail(str(exc), 2)
    finally:
        store.close()
    raise AssertionError(args.hub_command)  # pragma: no cover


def _device_store(data_dir: Path):  # noqa: ANN202
    from .cli_common import store_key
    from .store.engine import open_store

    return open_store(data_dir, store_key(data_dir)[0], check=False)


def _pair(args: argparse.Namespace, data_dir: Path) -> int:
    from .cli_common import Refused
    from .sync.client import SyncError, pair

    try:
        store = _device_store(data_dir)
    except Refused as exc:
        return _fail(str(exc))
    try:
        account = pair(store, args.url, args.code, args.name)
    except SyncError as exc:
        return _fail(str(exc), 2)
    finally:
        store.close()
    _say(f"Paired with {args.url}: this device acts for {account['name']} ({account['invited_as']}). "
         "Run 'plprofile sync' to bring the data together.")
    return 0


def _sync(args: argparse.Namespace, data_dir: Path) -> int:
    from .cli_common import Refused
    from .sync.client import SyncError, sync_round

    try:
        store = _device_store(data_dir)
    except Refused as exc:
        return _fail(str(exc))
    try:
        if args.send_again:
            from .services.hub_device import send_held_again

            again = send_held_again(store)
            if not args.json:
                _say(f"Sending again {again} change(s) the hub refused before.")
        result = sync_round(store)
    except SyncError as exc:
        return _fail(str(exc))
    finally:
        store.close()
    if args.json:
        _say(json.dumps(result.to_json()))
    else:
        _say(f"Synced: {result.pushed} sent, {result.pulled} received, {result.conflicts} conflict(s)"
             + (f", {result.removed} row(s) no longer in this device's scope removed" if result.removed else "") + ".")
        for warning in result.warnings:
            _say(f"Warning: {warning}")
    return 0
