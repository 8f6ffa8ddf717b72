"""Keep a parsing process's memory flat: a fixed glibc mmap threshold.

glibc serves a large allocation (the model's activations for a batch, hundreds of KiB to
a few MiB) with its own ``mmap``, given back to the system when freed; but each time
such a block is freed it raises the threshold to the block's size (up to 32 MiB), so
from then on blocks of that size come from the heap instead, between small long-lived
objects, and the heap only grows. A process parsing document after document then creeps
up by a few MiB per hundred documents (``bench/memory.py``). A threshold fixed once
stops the creep. Elsewhere than glibc (macOS, musl) this does nothing.
"""
from __future__ import annotations

import ctypes

M_MMAP_THRESHOLD = -3  # mallopt parameter number (malloc.h)
# blocks at least this large get their own mapping, the rest come from the heap. Measured
# with bench/memory.py (bench/README.md, "A worker's memory"): 128 KiB (glibc's starting
# value) and 1 MiB keep memory flat too but cost 2.5 s of system time in 30 s, every
# block mapped and zeroed afresh; 4 MiB keeps it flat at no measurable cost
MMAP_THRESHOLD = 4 << 20

_done = False


def fix_mmap_threshold(threshold: int = MMAP_THRESHOLD) -> bool:
    """Fix glibc's mmap threshold for this process (once); False where there is no glibc."""
    global _done
    if _done:
        return True
    try:
        ok = bool(ctypes.CDLL("libc.so.6").mallopt(M_MMAP_THRESHOLD, threshold))
    except (OSError, AttributeError):
        return False
    _done = ok
    return ok
