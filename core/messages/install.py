"""Texts for a broken installation: a file the app ships with cannot be found."""

from __future__ import annotations


def package_missing(package: str) -> str:
    return f"找不到程序自带的文件（{package}），安装不完整，请重新安装"


def not_a_folder(package: str, name: str, path: object) -> str:
    return f"程序自带的文件（{package}/{name}）不在文件夹中：{path}"
