"""Reading numbers the way reports write them (core.textnum), including property tests."""

from decimal import Decimal

from hypothesis import given, strategies as st

from core.textnum import cn_to_int, find_quantities, parse_number

DIGITS = "零一二三四五六七八九"


def _four(n: int) -> str:
    out, zero = "", False
    for unit, val in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        d = n // val % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += DIGITS[d] + unit
    return out


def to_cn(n: int) -> str:
    """Write ``n`` as a report would in Chinese numerals (the usual 零 rules)."""
    if n == 0:
        return "零"
    yi, wan, rest = n // 10**8, n // 10**4 % 10**4, n % 10**4
    s = ""
    if yi:
        s += to_cn(yi) + "亿"
    if wan:
        if s and wan < 1000:
            s += "零"
        s += _four(wan) + "万"
    if rest:
        if s and (rest < 1000 or not wan and yi):
            s += "零"
        s += _four(rest)
    return s[1:] if s.startswith("一十") else s


def test_chinese_numerals_as_reports_write_them():
    assert cn_to_int("三") == 3
    assert cn_to_int("十二") == 12
    assert cn_to_int("一百零五") == 105
    assert cn_to_int("两万三千") == 23000
    assert cn_to_int("一百五") == 150  # spoken short form
    assert cn_to_int("二〇二四") == 2024
    assert cn_to_int("三五") is None  # 「三五件」 means "a few"
    assert cn_to_int("abc") is None


def test_arabic_with_wan_separators_and_full_width():
    assert parse_number("16") == 16
    assert parse_number("2.55万") == 25500
    assert parse_number("1,234") == 1234
    assert parse_number("１６") == 16
    assert parse_number("21613.91") == Decimal("21613.91")
    assert parse_number("") is None and parse_number("件") is None


def test_quantities_in_a_sentence_keep_offsets_and_mark_approximations():
    text = "全年共受理申请16件，发布信息2.55万条，其中三件，公开1000余条，约20件，第三次会议"
    qs = find_quantities(text)
    assert [(q.value, q.unit, q.approximate) for q in qs] == [
        (16, "件", False), (25500, "条", False), (3, "件", False), (1000, "条", True), (20, "件", True)]
    assert [text[q.start:q.end] for q in qs][:3] == ["16件", "2.55万条", "三件"]


@given(st.integers(min_value=0, max_value=10**12))
def test_chinese_numerals_round_trip(n):
    assert cn_to_int(to_cn(n)) == n


@given(st.integers(min_value=0, max_value=10**9))
def test_arabic_counts_in_text_are_read_exactly(n):
    for written in (str(n), f"{n:,}", str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))):
        qs = find_quantities(f"全年受理政府信息公开申请{written}件。")
        assert [q.value for q in qs] == [n]


@given(st.text(alphabet="一二两三十百千万亿零0123456789.,件条余约第次，。申请", max_size=40))
def test_any_text_is_read_without_crashing_and_offsets_hold(text):
    for q in find_quantities(text):
        assert text[q.end - 1] == q.unit
        assert q.value >= 0
