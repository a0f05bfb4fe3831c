"""Telling how a text file's bytes encode its characters, as Chinese offices save them.

UTF-8 (with or without BOM), GBK/GB18030, UTF-16 and UTF-32 with or without BOM, and Big5 (a
traditional-Chinese system): each candidate that decodes is scored by how much of it is common
Chinese text, and the best one wins. A UTF-8 file with a few broken bytes is read with those bytes
replaced and a note saying where. Big5 text is turned into simplified characters for the words of
a report, so that its headings and table labels are recognised.
"""

from __future__ import annotations

from ...errors import FileReadError
from ...messages import reading as msg
from ..read_result import NoteCode, ReadNote

# Characters frequent in Chinese prose and in these reports, in simplified and traditional forms.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而"
    "方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好"
    "应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向"
    "道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特"
    "件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队"
    "南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风"
    "切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许"
    "步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列"
    "习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派"
    "层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严申请息况镇乡街督监审诉讼罚费章范废执案卷秘密"
    "稳护务询掌另补仍误确访获执续缴违纠维持尚纠诉讼订编栏网站媒"
    "們這來時說會過後從問當學國對發經長業產見點動關種條於實現際還應總類機構設計務員區縣辦廳鄉鎮衛門電網絡聯繫"
    "單統義級錄協製導項決復訴維審糾紛續繳費舉責權認識職稱領園東內係況體規範廢許罰強徵購額萬幣眾並補託無訪複獲"
    "證價麼個組織團營執檢詢屬險穩護題進開資訊請數處報議訟結轉據與為")

# Traditional characters of the words a report is read by (headings, table labels), to simplified.
_T2S = str.maketrans(
    "開資訊請數處報議訟結轉據與為這來時說會過後從問當學國對發經長業產見點動關種條於實現際還應總類機構設計務員區"
    "縣辦廳鄉鎮衛門電網絡聯繫單統義級錄協製導項決復訴維審糾紛續繳費舉責權認識職稱領園東內係況體規範廢許罰強徵"
    "購額萬幣眾並補託無訪複獲證價們麼個組織團營執檢詢屬險穩護題進頒佈廣災運勞醫療稅監貫徹準備優術傳環節質屆"
    "畢隨滿圖書館幹劃歸彙匯舊蘭讓讀錯鐘號聞響燈衝雜禮頁願顧類沒確納繼歷專線戶紀層擴濟覺裡爲衆",
    "开资讯请数处报议讼结转据与为这来时说会过后从问当学国对发经长业产见点动关种条于实现际还应总类机构设计务员区"
    "县办厅乡镇卫门电网络联系单统义级录协制导项决复诉维审纠纷续缴费举责权认识职称领园东内系况体规范废许罚强征"
    "购额万币众并补托无访复获证价们么个组织团营执检询属险稳护题进颁布广灾运劳医疗税监贯彻准备优术传环节质届"
    "毕随满图书馆干划归汇汇旧兰让读错钟号闻响灯冲杂礼页愿顾类没确纳继历专线户纪层扩济觉里为众")
# Words Taiwan and Hong Kong write otherwise (資訊 for 信息), turned first.
_T2S_WORDS = (("資訊", "信息"), ("反覆", "反复"))

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_NAMES = {"utf-16-le": "UTF-16", "utf-16-be": "UTF-16", "utf-32-le": "UTF-32", "utf-32-be": "UTF-32",
          "big5": "Big5（繁体）", "gb18030": "GBK/GB18030", "utf-8": "UTF-8"}
MAX_BAD_BYTES = 16  # more broken bytes than this and a UTF-8 reading is a guess, not a repair


def _score(text: str) -> float:
    """The share of a text's letters that are common Chinese characters, ASCII or punctuation."""
    sample = text[:20000]
    letters = [ch for ch in sample if not ch.isspace()]
    if not letters:
        return 0.0
    good = sum(1 for ch in letters if ch in _COMMON or " " <= ch < "\u007f" or "\u3000" <= ch <= "\u303f"
               or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·")
    return good / len(letters)


def wide_encoding(data: bytes) -> str | None:
    """Return "utf-16-le" … "utf-32-be" when the bytes are UTF-16/32 text without a BOM, else None.

    Such text has zero bytes (ASCII and characters like 「一」 U+4E00 have one); each candidate
    that decodes is scored as Chinese text.
    """
    sample = data[:8192]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    best, best_score = None, 0.6
    for enc, width in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(data) % width:
            continue
        try:
            text = sample[:len(sample) - len(sample) % 4].decode(enc)
        except UnicodeDecodeError:
            continue
        score = _score(text)
        if score > best_score:
            best, best_score = enc, score
    return best


LEGACY_ENCODINGS = ("gb18030", "big5")  # tried in turn on a file that is not UTF-8; the best-scoring text wins


def decode(data: bytes, name: str) -> tuple[str, list[ReadNote]]:
    """Decode a text file; return the text and notes about a guessed or repaired encoding."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc).lstrip("\ufeff"), []
            except UnicodeDecodeError as exc:
                raise FileReadError(msg.encoding_unknown(name)) from exc
    wide = wide_encoding(data)
    if wide:
        try:
            return data.decode(wide), []
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    for enc in LEGACY_ENCODINGS:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):  # LookupError: a build without that codec
            continue
        candidates.append((_score(text), enc, text))
    repaired = data.decode("utf-8", errors="replace")
    bad = repaired.count("\ufffd")
    if bad <= MAX_BAD_BYTES and any(b >= 0xE0 for b in data[:4096]):
        candidates.append((_score(repaired) + 0.05, "utf-8", repaired))  # a UTF-8 file with a few bad bytes
    if not candidates:
        raise FileReadError(msg.encoding_unknown(name))
    score, enc, text = max(candidates)
    if score < 0.6:
        raise FileReadError(msg.encoding_unknown(name))
    if enc == "utf-8":
        return text, _bad_byte_notes(text)
    if enc == "big5":
        return simplified(text), [ReadNote(NoteCode.ENCODING, msg.encoding_big5(name))]
    return text, []


def simplified(text: str) -> str:
    """Turn the traditional characters of a report's words into simplified ones."""
    for old, new in _T2S_WORDS:
        text = text.replace(old, new)
    return text.translate(_T2S)


def _bad_byte_notes(text: str) -> list[ReadNote]:
    """Say where bytes could not be read: 「第 12 行第 5 个字」."""
    places = []
    for number, line in enumerate(text.split("\n"), 1):
        col = line.find("\ufffd")
        while col >= 0:
            places.append((number, col + 1, line.strip()[:20]))
            col = line.find("\ufffd", col + 1)
    return [ReadNote(NoteCode.ENCODING, msg.encoding_bad_bytes(places))]
