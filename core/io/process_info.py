"""Who and where this process is, and whether another process is still alive (lock and temp files)."""

from __future__ import annotations

import getpass
import hashlib
import os
import socket


def host_name() -> str:
    """Return this computer's name (as other computers on the office network see it)."""
    try:
        return socket.gethostname() or "?"
    except OSError:
        return "?"


def user_name() -> str:
    """Return the login name of the user running this process."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment or the password database
        return "?"


def host_tag() -> str:
    """Return four letters that tell this computer apart in short file names."""
    return hashlib.sha1(host_name().encode("utf-8", "replace")).hexdigest()[:4]


def pid_alive(pid: int) -> bool:
    """Return whether a process with id ``pid`` is running on this computer."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    except OSError:
        return False
    return True


def _pid_alive_windows(pid: int) -> bool:
    # os.kill(pid, 0) would terminate the process on Windows: ask the kernel instead.
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    process_query_limited_information, still_active = 0x1000, 259
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == 5  # access denied: the process exists
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
