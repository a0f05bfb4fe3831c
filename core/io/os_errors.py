"""The operating system's errors as a clerk should read them: in Chinese, saying what to do.

Every place that reads or writes a user's file turns an ``OSError`` into a message here, so
「No space left on device」 never reaches the window and each case is worded once.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ..errors import FileReadError, FileWriteError

NAME_MAX_BYTES = 255  # the longest file name most file systems take (ext4, NTFS in UTF-16 units)

# Windows error codes that errno does not tell apart (winerror of the OSError).
_WIN_SHARING = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_WIN_DISK_FULL = {39, 112}
_WIN_BAD_NAME = {123, 161}  # ERROR_INVALID_NAME, ERROR_BAD_PATHNAME
_WIN_PATH_TOO_LONG = {206}
_WIN_DEVICE = {21, 1117, 483, 1006}  # not ready, I/O device error, device hardware error, volume changed
_WIN_NETWORK = {53, 59, 64, 67, 1231}

_NETWORK = {errno.ESTALE, errno.ENETDOWN, errno.ENETUNREACH, errno.ENETRESET, errno.ETIMEDOUT,
            errno.EHOSTDOWN, errno.EHOSTUNREACH, errno.ECONNRESET, errno.ECONNABORTED}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM}


def _name_too_long(path: Path) -> bool:
    name = path.name
    return len(name.encode("utf-8")) > NAME_MAX_BYTES or len(name.encode("utf-16-le")) // 2 > NAME_MAX_BYTES


def reason(exc: OSError, path: str | os.PathLike | None = None, *, writing: bool = True) -> str:
    """Return what went wrong and what the clerk can do, as one or two Chinese sentences."""
    code = exc.errno
    win = getattr(exc, "winerror", None)
    p = Path(path) if path is not None else Path(exc.filename or "")
    if code in (errno.ENOSPC, errno.EDQUOT) or win in _WIN_DISK_FULL:
        return "磁盘空间不足。请删除不需要的文件腾出空间，或保存到其他磁盘、U 盘后再试。"
    if code == errno.ENAMETOOLONG or win in _WIN_PATH_TOO_LONG:
        if _name_too_long(p):
            return "文件名太长（最多约 80 个汉字）。请改用较短的文件名。"
        return "文件所在的路径太长。请保存到层级较浅的文件夹（如桌面），或缩短文件夹的名字。"
    if win in _WIN_SHARING:
        return "文件正被其他程序（如 WPS、Word 或杀毒软件）使用。请关闭该程序后再试。"
    if code == errno.EROFS:
        return "这个位置是只读的（如光盘、写保护的 U 盘或只读的共享文件夹）。请另存到其他位置。"
    if code in _NOT_ALLOWED:
        if writing:
            return ("没有写入权限：文件可能是只读的，或正被其他程序打开，或这个文件夹不允许写入。"
                    "请关闭其他程序，或另存到“我的文档”、桌面等位置。")
        return "没有读取权限。请把文件复制到“我的文档”或桌面后再打开。"
    if code == errno.EEXIST:
        return "同名文件已经存在，无法替换。请换一个文件名。"
    if code == errno.ENOENT or win in (2, 3):
        if writing:
            return "文件夹不存在（可能已被移动、删除，或 U 盘已拔出）。请重新选择保存位置。"
        return "找不到文件（可能已被移动、删除，或 U 盘已拔出）。"
    if code == errno.ENOTDIR:
        return "路径中有一部分不是文件夹。请重新选择位置。"
    if code == errno.EISDIR:
        return "这是一个文件夹，不是文件。"
    if code == errno.ELOOP:
        return "路径中的快捷方式（符号链接）互相指向，形成了循环。"
    if code == errno.EINVAL or win in _WIN_BAD_NAME:
        return "文件名中含有不允许的字符（如 \\ / : * ? \" < > |）。请改用其他文件名。"
    if code in (errno.EBUSY, errno.ETXTBSY):
        return "文件正被其他程序使用。请关闭该程序后再试。"
    if code in (errno.EMFILE, errno.ENFILE):
        return "同时打开的文件过多。请关闭一些程序后再试。"
    if code == errno.EFBIG:
        return "文件超过了这个磁盘允许的大小（如 FAT32 格式的 U 盘）。请保存到其他磁盘。"
    if code == errno.ENOMEM:
        return "内存不足。请关闭一些程序后再试。"
    if code in _NETWORK or win in _WIN_NETWORK:
        return "与网络共享文件夹的连接中断了。请检查网络后再试，或先保存到本机。"
    if code == errno.EIO or win in _WIN_DEVICE:
        return "读写磁盘时出错（U 盘或移动硬盘可能已拔出或损坏）。请检查后再试，必要时另存到其他位置。"
    number = win if win is not None else code
    return (f"系统报告了错误（代码 {number}）。请换一个位置再试；"
            "如果总是出现，请联系本单位的信息技术人员。")


def write_error(exc: OSError, path: str | os.PathLike, action: str = "保存") -> FileWriteError:
    """Return the error to raise when ``action`` (保存, 导出 …) of ``path`` failed with ``exc``."""
    return FileWriteError(f"无法{action}“{Path(path).name}”：{reason(exc, path, writing=True)}")


def read_error(exc: OSError, path: str | os.PathLike) -> FileReadError:
    """Return the error to raise when reading ``path`` failed with ``exc``."""
    return FileReadError(f"无法读取“{Path(path).name}”：{reason(exc, path, writing=False)}")
