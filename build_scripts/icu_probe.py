"""Print, as JSON, what Qt answers through ICU: collation, converters, case mapping, time-zone names.

Run once with the full ICU data and once with LD_LIBRARY_PATH pointing at the filtered libicudata
(build_scripts/icu_data.py); the answers must be the same. Used by the packaging tests and smoke_frozen.sh.
Usage: python build_scripts/icu_probe.py
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QStringEncoder, QTimeZone  # noqa: E402

NAMES = ["赵", "钱", "孙", "李", "周", "吴", "郑", "王", "县人民政府", "乡人民政府", "办公室", "Zhang", "abc"]


def answers() -> dict:
    zh, en = QLocale("zh_CN"), QLocale("en_US")
    collator = QCollator(zh)
    # PySide6 exposes no encode/decode call, only whether ICU opens the converter, and under which name.
    converters = [(QStringEncoder(name).isValid(), QStringDecoder(name).isValid(), QStringDecoder(name).name())
                  for name in ("GB18030", "gb18030", "UTF-8", "UTF-16LE", "ISO-8859-1")]
    available = set(QStringDecoder.availableCodecs())
    shanghai = QTimeZone(b"Asia/Shanghai")
    zone_names = [shanghai.displayName(kind, QTimeZone.NameType.LongName, locale)
                  for kind in (QTimeZone.TimeType.StandardTime, QTimeZone.TimeType.GenericTime)
                  for locale in (zh, en)]
    return {
        "zh sort": sorted(NAMES, key=collator.sortKey),
        "zh compare": [collator.compare(a, b) for a, b in zip(NAMES, NAMES[1:])],
        "converters": converters,
        "listed": sorted(available & {"GB18030", "UTF-8", "UTF-16", "ISO-8859-1"}),
        "upper": [zh.toUpper("straße ǆ ﬁ"), QLocale("tr_TR").toUpper("istanbul"), en.toLower("ΣΑΣ İ")],
        "zone names": zone_names,
    }


if __name__ == "__main__":
    json.dump(answers(), sys.stdout, ensure_ascii=False, indent=1)
    print()
