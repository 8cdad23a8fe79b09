"""The sync benchmark keeps working (a short run: 100 learners, 10 devices for 5 s as the app syncs, then 3 s back to back; no timing is asserted):
every figure is written, no round failed, and no change pushed by the devices at once was lost or doubled."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from plprofile.bench_sync import KEYS

pytestmark = pytest.mark.slow


def test_quick_sync_benchmark_writes_every_figure(tmp_path):
    out = tmp_path / "sync.json"
    done = subprocess.run([sys.executable, "-m", "plprofile.bench_sync", "--quick", "--json", str(out)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert set(KEYS) <= set(figures)
    assert figures["devices_concurrent"] == 10
    assert figures["concurrent_errors"] == 0 and figures["concurrent_rounds"] >= 10
    assert figures["back_to_back_errors"] == 0 and figures["back_to_back_rounds_per_s"] > 0
    assert figures["concurrent_changes_pushed"] > 0
    assert figures["concurrent_changes_lost_or_doubled"] == 0
    assert "round_mismatch" not in figures  # each teacher round sent 600 and received 200
