"""A throwaway PostgreSQL server, for the tests' fixture (tests/conftest.py) and the
benchmarks (bench/pgserver.py) alike: initdb in a temporary folder, start on a free
loopback port, remove everything on exit. Needs the server binaries (Debian's
``postgresql`` package); run as root, the server runs as the ``postgres`` user.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from glob import glob
from pathlib import Path
from typing import Iterator


class PostgresMissing(RuntimeError):
    """No PostgreSQL server binaries on this machine."""


def _pg_bin(name: str) -> str | None:
    found = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def server_binaries() -> tuple[str, str] | None:
    """(initdb, pg_ctl), or None when PostgreSQL's server is not installed."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    return (initdb, pg_ctl) if initdb and pg_ctl else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def throwaway_postgres(prefix: str = "chronica-pg-", durable: bool = True) -> Iterator[str]:
    """A fresh cluster's URL (database ``postgres``, user ``postgres``, no password).
    ``durable=False`` (the tests) turns fsync off and stops without a checkpoint: faster,
    and nothing is kept anyway."""
    binaries = server_binaries()
    if binaries is None:
        raise PostgresMissing("no PostgreSQL server binaries (apt-get install postgresql)")
    initdb, pg_ctl = binaries
    base = Path(tempfile.mkdtemp(prefix=prefix))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
        os.chmod(base, 0o755)
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    options = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1" + ("" if durable else " -c fsync=off")
    try:
        subprocess.run(as_user + [initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"],
                       check=True, capture_output=True)
        subprocess.run(as_user + [pg_ctl, "-D", str(data), "-l", str(base / "log"), "-w", "-o", options, "start"],
                       check=True, capture_output=True)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(as_user + [pg_ctl, "-D", str(data), "-m", "fast" if durable else "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
