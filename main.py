"""VoIP Device Console: the composition root. Without a command the GUI starts; see `--help`."""
from __future__ import annotations

import logging
import sys


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from app.cli import COMMANDS

    if any(arg in COMMANDS or arg in ("-h", "--help") for arg in argv):
        from app.cli import main as cli_main

        return cli_main(argv)
    from ui.launcher import run_gui  # Qt is imported only for the GUI

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
