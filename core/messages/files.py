"""Texts about files on disk: operating-system errors (what happened and what to do), saving, locks."""

from __future__ import annotations

# -- why an operation failed, with what the clerk can do (core.io.os_errors picks one) ------------
DISK_FULL = "磁盘空间不足。请删除不需要的文件腾出空间，或保存到其他磁盘、U 盘后再试。"
NAME_TOO_LONG = "文件名太长（最多约 80 个汉字）。请改用较短的文件名。"
PATH_TOO_LONG = "文件所在的路径太长。请保存到层级较浅的文件夹（如桌面），或缩短文件夹的名字。"
IN_USE_BY_PROGRAM = "文件正被其他程序（如 WPS、Word 或杀毒软件）使用。请关闭该程序后再试。"
READ_ONLY_PLACE = "这个位置是只读的（如光盘、写保护的 U 盘或只读的共享文件夹）。请另存到其他位置。"
NO_WRITE_PERMISSION = ("没有写入权限：文件可能是只读的，或正被其他程序打开，或这个文件夹不允许写入。"
                       "请关闭其他程序，或另存到“我的文档”、桌面等位置。")
NO_READ_PERMISSION = "没有读取权限。请把文件复制到“我的文档”或桌面后再打开。"
ALREADY_EXISTS = "同名文件已经存在，无法替换。请换一个文件名。"
FOLDER_MISSING = "文件夹不存在（可能已被移动、删除，或 U 盘已拔出）。请重新选择保存位置。"
FILE_MISSING = "找不到文件（可能已被移动、删除，或 U 盘已拔出）。"
NOT_A_FOLDER = "路径中有一部分不是文件夹。请重新选择位置。"
IS_A_FOLDER = "这是一个文件夹，不是文件。"
LINK_LOOP = "路径中的快捷方式（符号链接）互相指向，形成了循环。"
BAD_NAME = "文件名中含有不允许的字符（如 \\ / : * ? \" < > |）。请改用其他文件名。"
BUSY = "文件正被其他程序使用。请关闭该程序后再试。"
TOO_MANY_OPEN = "同时打开的文件过多。请关闭一些程序后再试。"
TOO_BIG_FOR_DISK = "文件超过了这个磁盘允许的大小（如 FAT32 格式的 U 盘）。请保存到其他磁盘。"
NO_MEMORY = "内存不足。请关闭一些程序后再试。"
NETWORK = "与网络共享文件夹的连接中断了。请检查网络后再试，或先保存到本机。"
DEVICE = "读写磁盘时出错（U 盘或移动硬盘可能已拔出或损坏）。请检查后再试，必要时另存到其他位置。"


def other_os_error(code) -> str:
    return f"系统报告了错误（代码 {code}）。请换一个位置再试；如果总是出现，请联系本单位的信息技术人员。"


# -- saving and reading -------------------------------------------------------------------
SAVE = "保存"
EXPORT = "导出"


def cannot(action: str, name: str, reason: str) -> str:
    """``action`` (保存, 导出 …) of the file ``name`` failed for ``reason``."""
    return f"无法{action}“{name}”：{reason}"


def cannot_read(name: str, reason: str) -> str:
    return f"无法读取“{name}”：{reason}"


def backup_not_updated(bak_name: str, reason: str) -> str:
    return f"上一版本的备份“{bak_name}”没有更新：{reason}文件本身已保存。"


def not_regular(name: str) -> str:
    return f"“{name}”不是普通文件（可能是管道或设备），未读取"


def broken_link(name: str) -> str:
    return f"“{name}”是一个快捷方式（符号链接），它指向的位置不存在或形成了循环"


# -- names and locks ----------------------------------------------------------------------
FILE_NAME_FALLBACK = "年报"
SOMEONE = "另一位用户"
THIS_COMPUTER = "本机"


def _when(when: tuple[int, int, int, int, int]) -> str:
    y, m, d, hh, mm = when
    return f"{y}年{m}月{d}日 {hh:02d}:{mm:02d}"


def lock_owner(user: str | None, computer: str | None, when: tuple[int, int, int, int, int] | None) -> str:
    """Who holds a file open: 「用户 zhang（电脑 PC-01）自 2026年1月5日 09:12 起」."""
    who = f"用户 {user}" if user else SOMEONE
    where = f"电脑 {computer}" if computer else THIS_COMPUTER
    since = f"自 {_when(when)} 起" if when else ""
    return f"{who}（{where}）{since}"


def lock_left_by(user: str | None, computer: str | None, when: tuple[int, int, int, int, int] | None) -> str:
    """Who took a lock, where and when: 「电脑 PC-01 上的用户 zhang 于 2026年1月5日 09:12」."""
    where = f"电脑 {computer} 上的" if computer else f"{THIS_COMPUTER}"
    who = f"用户 {user}" if user else SOMEONE
    return f"{where}{who}" + (f" 于 {_when(when)}" if when else "")
