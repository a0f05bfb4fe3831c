"""Frozen entry point: the same ``gui.main:main`` that the ``nianbao`` console script runs."""

import sys

from gui.main import main

if __name__ == "__main__":
    sys.exit(main())
