"""The parsing process's fixed mmap threshold (chronica.nlp.allocator)."""
import ctypes
import platform

import pytest

from chronica.nlp import allocator


def _glibc() -> bool:
    return platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"


@pytest.mark.skipif(not _glibc(), reason="glibc only")
def test_threshold_is_fixed_once_on_glibc(monkeypatch):
    calls = []
    libc = ctypes.CDLL("libc.so.6")
    real = libc.mallopt

    class Libc:
        def mallopt(self, param, value):
            calls.append((param, value))
            return real(param, value)

    monkeypatch.setattr(allocator, "_done", False)
    monkeypatch.setattr(allocator.ctypes, "CDLL", lambda name: Libc())
    assert allocator.fix_mmap_threshold() is True
    assert allocator.fix_mmap_threshold() is True  # the second call does nothing
    assert calls == [(allocator.M_MMAP_THRESHOLD, allocator.MMAP_THRESHOLD)]


def test_no_glibc_is_no_error(monkeypatch):
    def missing(name):
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(allocator, "_done", False)
    monkeypatch.setattr(allocator.ctypes, "CDLL", missing)
    assert allocator.fix_mmap_threshold() is False
