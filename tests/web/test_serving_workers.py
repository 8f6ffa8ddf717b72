"""`chronica serve --workers N`: processes forked after loading, one port."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx  # the maintained successor, the one Starlette's TestClient uses
import pytest

from chronica.web.serving import SMALL_KB_EVENTS, auto_workers

SERVER = """
import sys
sys.path.insert(0, {tests!r})
from web_corpus import TEXTS, make_export
from chronica.web.app import create_app
from chronica.web.kb import KnowledgeBase
from chronica.web.serving import serve
serve(create_app(KnowledgeBase.from_export(make_export(), dict(TEXTS))), "127.0.0.1", {port}, workers=2)
"""


@pytest.mark.parametrize("events,expected", [(0, 1), (SMALL_KB_EVENTS - 1, 1)])
def test_serving_small_knowledge_base_gets_one_worker(events, expected):
    assert auto_workers(events) == expected


def test_serving_large_knowledge_base_gets_a_worker_per_core():
    assert 1 <= auto_workers(100_000) <= 4
    assert auto_workers(100_000) == min(4, os.cpu_count() or 1) or not hasattr(os, "fork")


@pytest.mark.skipif(not hasattr(os, "fork") or not Path("/proc/self").exists(), reason="needs fork() and /proc")
def test_serving_two_workers_answer_on_one_port_and_stop_together(tmp_path):
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = SERVER.format(tests=str(Path(__file__).resolve().parent), port=port)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        answers = []
        for _ in range(600):  # the server is up when it answers (no timing asserted)
            try:
                answers.append(httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).json())
                break
            except httpx.HTTPError:
                if proc.poll() is not None:
                    break
                time.sleep(0.1)
        assert answers and answers[0]["events"] > 0, proc.stderr.read().decode() if proc.poll() is not None else ""
        children = [int(p) for p in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
        assert len(children) == 2
        # fresh connections, spread over the workers by the kernel
        assert all(httpx.get(f"http://127.0.0.1:{port}/timeline").status_code == 200 for _ in range(6))
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    assert proc.returncode == 0
    for child in children:
        assert not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().split()[2]
