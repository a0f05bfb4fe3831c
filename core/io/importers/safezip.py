"""Reading members of .docx/.xlsx archives without trusting their sizes or their XML."""

from __future__ import annotations

import io
import zipfile
import zlib

from ...errors import FileReadError
from ...messages import reading as msg

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
            raise FileReadError(msg.bad_archive(name, what)) from exc
        if len(infos) > MAX_MEMBERS:
            raise FileReadError(msg.too_many_members(name, what))
        self.infos = {i.filename: i for i in infos}
        self.read_total = 0

    def has(self, member: str) -> bool:
        return member in self.infos

    def read(self, member: str) -> bytes:
        """Return a member's bytes, refusing members that are huge or compress suspiciously well."""
        info = self.infos.get(member)
        if info is None:
            raise FileReadError(msg.member_missing(self.name, member, self.what))
        if info.file_size > MAX_MEMBER_BYTES or (
            info.compress_size and info.file_size / info.compress_size > MAX_RATIO
            and info.file_size > 1024 * 1024
        ):
            raise FileReadError(msg.member_bomb(self.name, member))
        try:
            with self.zf.open(info) as fh:
                data = fh.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
                NotImplementedError, RuntimeError, zlib.error) as exc:
            raise FileReadError(msg.member_damaged(self.name, member)) from exc
        if len(data) > MAX_MEMBER_BYTES:
            raise FileReadError(msg.member_too_large(self.name, member, MAX_MEMBER_BYTES // 1024 // 1024))
        self.read_total += len(data)
        if self.read_total > MAX_TOTAL_BYTES:
            raise FileReadError(msg.archive_bomb(self.name))
        return data


def parse_xml(data: bytes, name: str, member: str):
    """Parse XML safely: no DTDs, no entities, no network, no huge trees."""
    from lxml import etree

    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data:
        raise FileReadError(msg.xml_entities(name, member))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False, dtd_validation=False, remove_comments=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise FileReadError(msg.bad_xml(name, member)) from exc
