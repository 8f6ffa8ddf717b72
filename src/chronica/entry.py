"""The ``chronica`` program: ``chronica time`` starts on the temporal engine alone.

A user tagging one file feels the start-up, so ``time`` skips the full command group
(click + rich + every subcommand's imports, about 0.4 s), and its JSON path skips click
too (:func:`chronica.time_run.run_json`); every other command goes through
:mod:`chronica.cli` unchanged.
"""
from __future__ import annotations

import sys

LIGHT_COMMANDS = ("time",)


def main() -> None:
    argv = sys.argv[1:]
    if argv and argv[0] in LIGHT_COMMANDS:
        from .time_run import run_json
        code = run_json(argv[1:])  # the JSON path without click
        if code is not None:
            sys.exit(code)
        from .time_cli import time_cmd
        time_cmd.main(argv[1:], prog_name="chronica time")
    from .cli import main as full
    full()


if __name__ == "__main__":
    main()
