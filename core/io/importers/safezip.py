"""Reading members of .docx/.xlsx archives without trusting their sizes or their XML."""

from __future__ import annotations

import io
import zipfile
import zlib

from ...errors import FileReadError

MAX_MEMBER_BYTES = 50 * 1024 * 1024  # cap on bytes read from any one archive member
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # real Office XML compresses about 5-20x; bombs compress thousands of times
MAX_MEMBERS = 5000


class SafeZip:
    """An Office archive opened defensively; raises FileReadError with a Chinese message."""

    def __init__(self, data: bytes, name: str, what: str):
        self.name, self.what = name, what
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
            raise FileReadError(f"“{name}”不是有效的{what}：文件已损坏、不完整，或并非该类型") from exc
        if len(infos) > MAX_MEMBERS:
            raise FileReadError(f"“{name}”包含的部件过多，不像是正常的{what}，未读取")
        self.infos = {i.filename: i for i in infos}
        self.read_total = 0

    def has(self, member: str) -> bool:
        return member in self.infos

    def read(self, member: str) -> bytes:
        """Return a member's bytes, refusing members that are huge or compress suspiciously well."""
        info = self.infos.get(member)
        if info is None:
            raise FileReadError(f"“{self.name}”缺少必需的部件 {member}，不是有效的{self.what}")
        if info.file_size > MAX_MEMBER_BYTES or (
            info.compress_size and info.file_size / info.compress_size > MAX_RATIO
            and info.file_size > 1024 * 1024
        ):
            raise FileReadError(f"“{self.name}”中的 {member} 解压后异常巨大（疑似压缩炸弹），未读取")
        try:
            with self.zf.open(info) as fh:
                data = fh.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
                NotImplementedError, RuntimeError, zlib.error) as exc:
            raise FileReadError(f"“{self.name}”文件已损坏或不完整，无法读取其中的 {member}") from exc
        if len(data) > MAX_MEMBER_BYTES:
            raise FileReadError(f"“{self.name}”中的 {member} 解压后超过 50 MB（疑似压缩炸弹），未读取")
        self.read_total += len(data)
        if self.read_total > MAX_TOTAL_BYTES:
            raise FileReadError(f"“{self.name}”解压后总量过大（疑似压缩炸弹），未读取")
        return data


def parse_xml(data: bytes, name: str, member: str):
    """Parse XML safely: no DTDs, no entities, no network, no huge trees."""
    from lxml import etree

    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data:
        raise FileReadError(f"“{name}”中的 {member} 含有 DTD/实体声明（可能是恶意构造的文件），未读取")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False, dtd_validation=False, remove_comments=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise FileReadError(f"“{name}”中的 {member} 已损坏（XML 无法解析）") from exc
