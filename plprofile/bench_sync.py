"""Sync benchmark: ``python -m plprofile.bench_sync --json F [--database URL] [--quick]``.

Everything runs on this machine over loopback: a hub (``plprofile serve`` in a subprocess, SQLite in a temporary
folder or the PostgreSQL database given) and devices that are real stores synced with the real client, plus
simulated devices (threads speaking the hub's HTTP API) for the concurrent run. Bounded in time and count;
it prints figures and never fails on them.

The concurrent run has two parts. First (``--seconds``, the ``concurrent_*`` keys) each simulated learner
device syncs as the app does while its learner keeps writing: a round (three new entries up, what is new
down), then the app's pause after a save (``DEBOUNCE_MS``, 4 s), then the next round. Then
(``--back-to-back``, the ``back_to_back_*`` keys) the same devices sync with no pause at all, which no app
does: that part shows how many rounds a second the hub serves when every device asks at once.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

KEYS = ("sync_round_p95_ms", "first_pull_class_s", "first_pull_2000_s", "devices_concurrent",
        "concurrent_round_p95_ms", "concurrent_errors", "hub_peak_rss_mb")
PASSWORD = "bench password 1"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_hub(folder: Path, database: str | None, workers: int = 1) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    where = ["--data-dir", str(folder)] + (["--database", database] if database else [])
    env = {**os.environ, "PLPROFILE_PASSWORD": PASSWORD}
    subprocess.run([sys.executable, "-m", "plprofile", "hub", *where, "init", "--admin", "Ada Admin"], check=True,
                   env=env, capture_output=True, stdin=subprocess.DEVNULL)
    hub = subprocess.Popen([sys.executable, "-m", "plprofile", "serve", *where, "--host", "127.0.0.1", "--port",
                            str(port), "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                           stdin=subprocess.DEVNULL)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as sock, ctx.wrap_socket(sock):
                return hub, f"https://127.0.0.1:{port}"
        except OSError:
            if hub.poll() is not None:
                raise RuntimeError("the hub did not start") from None
            time.sleep(0.2)
    raise RuntimeError("the hub did not start")


def _invite(folder: Path, database: str | None, role: str, name: str) -> str:
    where = ["--data-dir", str(folder)] + (["--database", database] if database else [])
    done = subprocess.run([sys.executable, "-m", "plprofile", "hub", *where, "invite", "--role", role, "--name",
                           name, "--json"], check=True, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    return json.loads(done.stdout)["code"]


def _entries(learner_ids: list, n: int, prefix: str) -> tuple[list[dict], list]:
    values, owners = [], []
    for i in range(n):
        learner = learner_ids[i % len(learner_ids)]
        values.append({"learner_id": learner, "section": "strengths", "text": f"{prefix} {i}", "agreement": "agreed",
                       "teacher_only": False, "position": i})
        owners.append(learner)
    return values, owners


def _seed(store, actor, teacher_name: str, class_size: int, others: int, per_learner: int) -> dict:  # noqa: ANN001
    """A teacher's account, their class of ``class_size`` learners, ``others`` more learners, each with
    ``per_learner`` profile entries; returns the class's learner ids."""
    from plprofile.store import changes
    from plprofile.store.models import Account, ClassMember, Learner, ProfileEntry, SchoolClass

    with store.transaction() as s:
        teacher = Account(kind="teacher", display_name=teacher_name, username=teacher_name.lower().replace(" ", "."))
        changes.create(s, store.device_id, teacher, actor, None)
        klass = SchoolClass(title="5A")
        changes.create(s, store.device_id, klass, actor, None)
        changes.create(s, store.device_id, ClassMember(class_id=klass.id, account_id=teacher.id, role="teacher"),
                       actor, None)
        total = class_size + others
        ids = [uuid.uuid4() for _ in range(total)]
        changes.create_many(s, store.device_id, Learner, [
            {"id": ids[i], "given_name": f"Learner{i}", "family_name": "Bench", "preferred_name": f"Learner{i}"}
            for i in range(total)], actor, ids)
        in_class = ids[:class_size]
        changes.create_many(s, store.device_id, ClassMember,
                            [{"class_id": klass.id, "learner_id": i, "role": "student"} for i in in_class],
                            actor, in_class)
        values, owners = _entries(ids, total * per_learner, "seed")
        changes.create_many(s, store.device_id, ProfileEntry, values, actor, owners)
    return {"class": in_class, "teacher": teacher.id}


def _actor_of(store):  # noqa: ANN001, ANN202
    from sqlalchemy import select

    from plprofile.store.models import Meta
    from plprofile.sync.client import hub_actor

    with store.session() as s:
        return hub_actor(json.loads(s.execute(select(Meta.value).where(Meta.key == "hub_account")).scalar_one()))


def _device(folder: Path, url: str, code: str):  # noqa: ANN202
    from plprofile.store.engine import open_store
    from plprofile.sync.client import pair

    store = open_store(folder, check=False)
    pair(store, url, code, folder.name)
    return store


def _family(pid: int) -> list[int]:
    """``pid`` and its child processes (the hub's workers when it runs several)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return [pid, *(int(c) for c in children)]


def _cpu_s(pid: int) -> float:
    """CPU seconds (user and system) a process and its children have used so far (0 where /proc is not
    there)."""
    total = 0
    for p in _family(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def _rss_mb(pid: int) -> float | None:
    """The peak resident memory of a process, with its children's peaks added (an upper bound of what they
    held together)."""
    peaks = []
    for p in _family(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]))
        except OSError:
            continue
    return round(sum(peaks) / 1024, 1) if peaks else None


def _database_cpu_s() -> float:
    """CPU seconds used so far by this machine's PostgreSQL processes (0 when it runs elsewhere)."""
    import pwd

    try:
        uid = pwd.getpwnam("postgres").pw_uid
    except KeyError:
        return 0.0
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid != uid:
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(x) for x in fields[11:15])  # its own time and its ended children's (old connections)
    return total / os.sysconf("SC_CLK_TCK")


def _spent(hub_pid: int) -> tuple[float, float, float, float]:
    """(wall clock, the hub's CPU, this process's CPU, the local database's CPU) in seconds, now."""
    return time.monotonic(), _cpu_s(hub_pid), time.process_time(), _database_cpu_s()


def _per_round(figures: dict, key: str, before: tuple, after: tuple, rounds: int) -> None:
    """What a round of the simulated devices cost in CPU: in the hub, in the devices (this process: TLS, JSON,
    gzip) and in PostgreSQL, and how many rounds a second were served."""
    wall, hub, devices, database = (b - a for a, b in zip(before, after, strict=True))
    figures[f"{key}_rounds_per_s"] = round(rounds / wall, 1) if wall > 0 else None
    if rounds:
        figures[f"{key}_cpu_ms_per_round"] = {"hub": round(hub * 1000 / rounds, 1),
                                             "devices": round(devices * 1000 / rounds, 1),
                                             "database": round(database * 1000 / rounds, 1)}


def _simulated(url: str, pem: str, credentials: list[tuple[str, str, str, str]], seconds: float,
               pause: float = 0.0) -> tuple[list[float], int, int, list[str]]:
    """Learner devices as threads: each round opens a connection (as the app does), pushes 3 new entries of its
    own and pulls what is new, then waits ``pause`` seconds (the first round after a random part of it, so that
    devices do not start in step)."""
    import random

    import httpx

    from plprofile.hub.tls import pinned_context
    from plprofile.store.engine import SCHEMA_HEAD

    rounds: list[float] = []
    errors: list[str] = []
    pushed: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def run(device_id: str, token: str, account_id: str, learner_id: str) -> None:
        headers = {"authorization": f"Bearer {device_id}.{token}", "content-type": "application/json",
                   "content-encoding": "gzip"}
        cursor, n = 0, 0
        time.sleep(random.uniform(0, pause))
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                batch = []
                for _ in range(3):
                    n += 1
                    batch.append({
                        "id": str(uuid.uuid4()), "hlc": f"{time.time_ns() // 1_000_000:013d}-{n % 99999:05d}-{device_id}",
                        "learner_id": learner_id, "entity": "profile_entry", "entity_id": str(uuid.uuid4()),
                        "action": "create", "field": None, "old": None,
                        "new": json.dumps({"learner_id": learner_id, "section": "interests", "text": f"note {n}",
                                           "agreement": "agreed", "teacher_only": "false", "position": str(n)}),
                        "author_id": account_id, "author_role": "learner", "device_id": device_id,
                        "signed_in_id": None, "at": "2026-12-06T10:00:00+00:00"})
                # a connection of its own each round, as the app's ``sync_round`` opens one
                with httpx.Client(base_url=url, verify=pinned_context(pem), timeout=120) as client:
                    # the round's last (here: only) batch carries its first pull, as the app's does
                    body = gzip.compress(json.dumps({"schema": SCHEMA_HEAD, "changes": batch,
                                                     "pull": {"cursor": cursor}}).encode())
                    answer = client.post("/v1/push", content=body, headers=headers)
                    if answer.status_code != 200:
                        raise RuntimeError(answer.text[:200])
                    with lock:
                        pushed.extend(c["id"] for c in batch)
                    data = answer.json()["pull"]
                    cursor = data["cursor"]
                    while data["more"]:
                        body = gzip.compress(json.dumps({"schema": SCHEMA_HEAD, "cursor": cursor}).encode())
                        answer = client.post("/v1/pull", content=body, headers=headers)
                        if answer.status_code != 200:
                            raise RuntimeError(answer.text[:200])
                        data = answer.json()
                        cursor = data["cursor"]
            except Exception as exc:  # counted: the figure is how many rounds failed
                with lock:
                    errors.append(str(exc)[:200])
                continue
            with lock:
                rounds.append((time.perf_counter() - started) * 1000)
            time.sleep(max(0.0, min(pause, stop - time.monotonic())))

    threads = [threading.Thread(target=run, args=c, daemon=True) for c in credentials]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 300)
    return rounds, len(errors), len(pushed), pushed


def run(args: argparse.Namespace) -> dict:
    from plprofile.hub import admin
    from plprofile.hub.app import actor_of  # noqa: F401  (the hub's modules load before timing)
    from plprofile.hub.store import open_hub
    from plprofile.sync.client import sync_round

    work = Path(tempfile.mkdtemp(prefix="plprofile-bench-sync-"))
    hub_dir = work / "hub"
    hub, url = _start_hub(hub_dir, args.database, args.workers)
    figures: dict = {"hub": "postgresql" if args.database else "sqlite", "hub_processes": args.workers,
                     "learners": args.learners}
    try:
        # the admin laptop: the school's data, pushed to the hub
        school = _device(work / "admin", url, _invite(hub_dir, args.database, "admin", "Ada Admin"))
        admin_actor = _actor_of(school)
        seeded = _seed(school, admin_actor, "Tess Teacher", 30, max(0, args.learners - 30), 5)
        sync_round(school)

        # a teacher's laptop, first pull of the class
        teacher = _device(work / "teacher", url, _invite(hub_dir, args.database, "teacher", "Tess Teacher"))
        started = time.perf_counter()
        sync_round(teacher)
        figures["first_pull_class_s"] = round(time.perf_counter() - started, 3)

        # a teacher's round after a day's work: 600 changes up, 200 down
        from plprofile.store import changes
        from plprofile.store.models import ProfileEntry

        teacher_actor = _actor_of(teacher)
        times, cpu = [], []
        for r in range(args.rounds):
            with teacher.transaction() as s:
                values, owners = _entries(seeded["class"], 600, f"day {r} teacher")
                changes.create_many(s, teacher.device_id, ProfileEntry, values, teacher_actor, owners)
            with school.transaction() as s:
                values, owners = _entries(seeded["class"], 200, f"day {r} office")
                changes.create_many(s, school.device_id, ProfileEntry, values, admin_actor, owners)
            sync_round(school)
            started, hub_cpu, own_cpu = time.perf_counter(), _cpu_s(hub.pid), time.process_time()
            result = sync_round(teacher)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((_cpu_s(hub.pid) - hub_cpu + time.process_time() - own_cpu) * 1000)
            if result.pushed != 600 or result.pulled != 200:
                figures.setdefault("round_mismatch", []).append([result.pushed, result.pulled])
        figures["sync_round_p95_ms"] = round(p95(times), 1)
        # the same rounds in CPU time (the hub's process and this one's; the database server's not counted):
        # what a round costs, whatever else the machine is doing
        figures["sync_round_cpu_p95_ms"] = round(p95(cpu), 1)

        # a new admin device: the first pull of the whole school
        fresh = _device(work / "admin2", url, _invite(hub_dir, args.database, "admin", "Ada Admin"))
        started, hub_cpu, own_cpu = time.perf_counter(), _cpu_s(hub.pid), time.process_time()
        sync_round(fresh)
        figures["first_pull_2000_s"] = round(time.perf_counter() - started, 3)
        figures["first_pull_2000_cpu_s"] = round(_cpu_s(hub.pid) - hub_cpu + time.process_time() - own_cpu, 3)
        figures["first_pull_learners"] = args.learners
        for store in (school, teacher, fresh):
            store.close()

        # many devices at once: learner devices (threads) pairing, then pushing and pulling for a while
        import httpx

        from plprofile.hub.tls import pinned_context
        from plprofile.store.engine import SCHEMA_HEAD
        from plprofile.store.models import Learner

        store = open_hub(hub_dir, args.database)
        with store.session() as s:
            from sqlalchemy import select

            learners = s.execute(select(Learner).limit(args.devices)).scalars().all()
        names = [f"{x.given_name} {x.family_name}" for x in learners]
        codes = [admin.invite(store, "learner", name).code for name in names]
        from plprofile.hub.tls import peer_certificate

        pem = ssl.DER_cert_to_PEM_cert(peer_certificate("127.0.0.1", int(url.rsplit(":", 1)[1])))
        credentials = []
        with httpx.Client(base_url=url, verify=pinned_context(pem), timeout=120) as client:
            for code, learner in zip(codes, learners, strict=True):
                body = gzip.compress(json.dumps({"schema": SCHEMA_HEAD, "code": code.rsplit("-", 1)[0].replace("-", ""),
                                                 "name": "bench"}).encode())
                answer = client.post("/v1/pair", content=body, headers={"content-encoding": "gzip"}).json()
                credentials.append((answer["device_id"], answer["token"], answer["account"]["id"], str(learner.id)))
        from plprofile.hub import tables

        with store.session() as s:
            before = s.execute(select(tables.change.c.seq).order_by(tables.change.c.seq.desc()).limit(1)).scalar()
        # as the app syncs while its learner keeps writing: a round, the app's pause after a save, a round...
        from plprofile.ui.hub_sync.background import DEBOUNCE_MS

        spent = _spent(hub.pid)
        rounds, errors, pushed_count, _ = _simulated(url, pem, credentials, args.seconds, DEBOUNCE_MS / 1000)
        _per_round(figures, "concurrent", spent, _spent(hub.pid), len(rounds))
        figures["devices_concurrent"] = len(credentials)
        figures["concurrent_pause_s"] = DEBOUNCE_MS / 1000
        figures["concurrent_rounds"] = len(rounds)
        figures["concurrent_round_p95_ms"] = round(p95(rounds), 1) if rounds else None
        figures["concurrent_round_median_ms"] = round(statistics.median(rounds), 1) if rounds else None
        figures["concurrent_errors"] = errors
        # the same devices with no pause at all (no app syncs so): how many rounds a second the hub serves
        if args.back_to_back:
            spent = _spent(hub.pid)
            rounds, more_errors, more_pushed, _ = _simulated(url, pem, credentials, args.back_to_back)
            _per_round(figures, "back_to_back", spent, _spent(hub.pid), len(rounds))
            figures["back_to_back_round_p95_ms"] = round(p95(rounds), 1) if rounds else None
            figures["back_to_back_errors"] = more_errors
            pushed_count += more_pushed
        with store.session() as s:
            from sqlalchemy import func

            arrived = s.execute(select(func.count()).select_from(tables.change).where(
                tables.change.c.seq > before)).scalar_one()
            distinct = s.execute(select(func.count(func.distinct(tables.change.c.change_id))).where(
                tables.change.c.seq > before)).scalar_one()
        store.close()
        figures["concurrent_changes_pushed"] = pushed_count
        figures["concurrent_changes_lost_or_doubled"] = abs(arrived - pushed_count) + (arrived - distinct)
        figures["hub_peak_rss_mb"] = _rss_mb(hub.pid)
    finally:
        hub.terminate()
        try:
            hub.wait(30)
        except subprocess.TimeoutExpired:
            hub.kill()
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m plprofile.bench_sync", description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, metavar="F", help="write the figures to F")
    parser.add_argument("--database", metavar="URL", help="run the hub on this PostgreSQL database (empty)")
    parser.add_argument("--quick", action="store_true", help="a short run: 100 learners, 10 devices for 5 s")
    parser.add_argument("--workers", type=int, default=None,
                        help="the hub's processes (PostgreSQL only; default: one per processor core, as the README "
                             "advises for a PostgreSQL hub, at most 4)")
    parser.add_argument("--learners", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60,
                        help="how long the simulated devices sync as the app does (a round, then its pause)")
    parser.add_argument("--back-to-back", type=float, default=20, metavar="SECONDS",
                        help="then how long they sync with no pause, to see how many rounds a second the hub "
                             "serves (0: not at all)")
    args = parser.parse_args(argv)
    if args.quick:
        args.learners, args.rounds, args.devices, args.seconds, args.back_to_back = 100, 3, 10, 5, 3
    if args.workers is None:
        args.workers = min(os.cpu_count() or 1, 4) if args.database else 1
    figures = run(args)
    text = json.dumps(figures, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
