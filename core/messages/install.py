"""Texts about the app's own installation: the files it ships (core/resources.py)."""

from __future__ import annotations


def shipped_files_missing(package: str) -> str:
    return f"找不到程序自带的文件（{package}），安装不完整，请重新安装"


def shipped_file_not_on_disk(package: str, name: str, where) -> str:
    return f"程序自带的文件（{package}/{name}）不在文件夹中：{where}"
