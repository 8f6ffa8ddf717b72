"""Running the app under uvicorn, in one process or in several forked from one.

Several workers are forked after the knowledge base is loaded and the first pages are
rendered, so they share that memory (copy-on-write; the app freezes it out of the
garbage collector) and start at once. Each worker listens on its own SO_REUSEPORT
socket bound to the same port, so the kernel spreads connections evenly between them;
a slow first render in one worker then holds up only the clients it serves.
"""
from __future__ import annotations

import os
import signal
import socket
import sys

SMALL_KB_EVENTS = 2000  # below this one process answers everything from its cache


def auto_workers(events: int) -> int:
    """Workers for `--workers 0`: one for a small knowledge base, else one per core (at most 4)."""
    if events < SMALL_KB_EVENTS or not _can_fork():
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _can_fork() -> bool:
    return hasattr(os, "fork") and hasattr(socket, "SO_REUSEPORT") and sys.platform != "win32"


def _config(app, log_level: str, access_log: bool):
    import uvicorn
    return uvicorn.Config(app, log_level=log_level, access_log=access_log, lifespan="off")


def _listening_sockets(host: str, port: int, count: int) -> list[socket.socket]:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    out: list[socket.socket] = []
    for _ in range(count):
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        port = sock.getsockname()[1]  # port 0: the others share the port the first one got
        sock.listen(2048)
        sock.set_inheritable(True)
        out.append(sock)
    return out


def serve(app, host: str, port: int, workers: int = 1, log_level: str = "warning", access_log: bool = True) -> None:
    """Serve app until interrupted; workers > 1 forks that many processes (POSIX only)."""
    import uvicorn

    if workers <= 1 or not _can_fork():
        uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=access_log)
        return
    sockets = _listening_sockets(host, port, workers)
    children: list[int] = []
    for mine in sockets:
        pid = os.fork()
        if pid == 0:  # worker: serve on its own socket until told to stop
            for other in sockets:
                if other is not mine:
                    other.close()
            code = 0
            try:
                uvicorn.Server(_config(app, log_level, access_log)).run(sockets=[mine])
            except BaseException:  # noqa: BLE001 - a worker must never return into the parent's code
                code = 1
            finally:
                os._exit(code)
        children.append(pid)
    for sock in sockets:
        sock.close()
    _supervise(children)


def _supervise(children: list[int]) -> None:
    """Wait for the workers; pass SIGINT/SIGTERM on to them."""
    def stop(signum, _frame):
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    remaining = set(children)
    while remaining:
        try:
            pid, _ = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        remaining.discard(pid)
        if remaining:  # one worker gone (crashed or stopped): stop the rest too
            stop(signal.SIGTERM, None)
