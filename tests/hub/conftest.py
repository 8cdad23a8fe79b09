"""The hub as a person runs it: `plprofile serve` in a subprocess on 127.0.0.1 (a free port), on SQLite or on
a real PostgreSQL, and the command line run in subprocesses."""

from __future__ import annotations

import json
import os
import socket
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from . import postgres

PASSWORD = "correct horse battery"


def run(*args: str, env: dict | None = None, timeout: int = 180, check: bool = False) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PLPROFILE_PASSWORD": PASSWORD, **(env or {})}
    full_env.pop("PLPROFILE_DATA_DIR", None)
    done = subprocess.run([sys.executable, "-m", "plprofile", *args], capture_output=True, text=True,
                          env=full_env, timeout=timeout, stdin=subprocess.DEVNULL)
    if check and done.returncode != 0:
        raise AssertionError(f"plprofile {' '.join(args)} -> {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server() -> str:
    return postgres.server_url()


@pytest.fixture
def postgres_url(postgres_server):
    name = postgres.create_database(postgres_server)
    yield f"{postgres_server}/{name}"
    postgres.drop_database(postgres_server, name)


@dataclass
class Hub:
    folder: Path
    database: str | None
    port: int = 0
    process: subprocess.Popen | None = None
    log: Path | None = None
    extra: list[str] = field(default_factory=list)

    @property
    def where(self) -> list[str]:
        return ["--data-dir", str(self.folder)] + (["--database", self.database] if self.database else [])

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def admin(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return run("hub", *self.where, *args, check=check)

    def invite(self, role: str, name: str) -> str:
        return json.loads(self.admin("invite", "--role", role, "--name", name, "--json").stdout)["code"]

    def status(self) -> dict:
        return json.loads(self.admin("status", "--json").stdout)

    def start(self, *extra: str) -> None:
        self.port = self.port or free_port()
        self.log = self.folder.parent / f"hub-{self.port}.log"
        env = {**os.environ}
        env.pop("PLPROFILE_DATA_DIR", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "plprofile", "serve", *self.where, "--host", "127.0.0.1", "--port",
             str(self.port), *extra], stdout=self.log.open("w"), stderr=subprocess.STDOUT, env=env,
            stdin=subprocess.DEVNULL)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
        deadline = time.monotonic() + 120  # a loaded machine; this waits for readiness, it asserts no time
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the hub stopped: {self.log.read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=2) as sock, \
                        ctx.wrap_socket(sock):
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"the hub did not start: {self.log.read_text()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)


def make_hub(tmp_path: Path, database: str | None) -> Hub:
    hub = Hub(tmp_path / "hub", database)
    hub.admin("init", "--admin", "Ada Admin")
    hub.start()
    return hub


@pytest.fixture(params=["sqlite", "postgresql"])
def hub(request, tmp_path):
    database = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    h = make_hub(tmp_path, database)
    yield h
    h.stop()


@pytest.fixture
def sqlite_hub(tmp_path):
    h = make_hub(tmp_path, None)
    yield h
    h.stop()
