"""Frozen entry point: the same ``gui.main:main`` that the ``nianbao`` console script runs.

A frozen app has no Python to start worker processes with, so multiprocessing re-runs this executable:
``--multiprocessing-fork ...`` for the audit workers, ``-c "from multiprocessing... import main"`` for its
resource tracker. Those are diverted here, before the app starts, as PyInstaller's runtime hook for
multiprocessing would do; that hook is left out because it imports multiprocessing (socket, pickle,
select ...) in every process, the terminal commands included (nianbao.spec).
"""

import sys

from gui.main import main

_HELPERS = ("from multiprocessing.resource_tracker import main", "from multiprocessing.forkserver import main",
            "import sys; from multiprocessing.forkserver import main")


def divert_multiprocessing_children(argv: list[str]) -> None:
    """Run and exit when ``argv`` is that of a multiprocessing worker or helper; return otherwise."""
    if len(argv) > 1 and argv[1] == "--multiprocessing-fork":  # name=value arguments follow
        import multiprocessing.spawn

        kwds = {}
        for arg in argv[2:]:
            name, value = arg.split("=")
            kwds[name] = None if value == "None" else int(value)
        multiprocessing.spawn.spawn_main(**kwds)
        sys.exit()
    if "-c" in argv[1:-1] and argv[argv.index("-c") + 1].startswith(_HELPERS):
        exec(argv[argv.index("-c") + 1])  # noqa: S102 - multiprocessing's own one-line helper
        sys.exit()


if __name__ == "__main__":
    divert_multiprocessing_children(sys.argv)
    sys.exit(main())
