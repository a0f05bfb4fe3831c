"""Dates as typed and as printed."""

import datetime as dt

import pytest

from core.model.dates import cn_date, parse_date, parse_month_day, to_date


@pytest.mark.parametrize("text,iso", [("2025-01-21", "2025-01-21"), ("2025年1月21日", "2025-01-21"),
                                      ("２０２５年１月２１日", "2025-01-21"), ("2025.1.5", "2025-01-05"), ("  ", None)])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["明年", "2025-13-01", "2025年2月30日"])
def test_parse_date_refuses(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_month_day_and_printing():
    assert parse_month_day("3月31日") == "03-31" and parse_month_day("2-29") == "02-29"
    with pytest.raises(ValueError):
        parse_month_day("2-30")
    assert cn_date(dt.date(2026, 1, 5)) == "2026年1月5日"
    assert to_date("2025-01-21") == dt.date(2025, 1, 21) and to_date("x") is None and to_date(None) is None


@pytest.mark.parametrize("text,iso", [("二〇二五年一月二十日", "2025-01-20"), ("二○二五年十二月三十一日", "2025-12-31"),
                                      ("二〇二五年 二月 八日", "2025-02-08")])
def test_dates_in_chinese_numerals(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["二〇二五年二月三十日", "二〇二五年十三月一日", "二五年一月一日", "二〇二五年三五月一日"])
def test_impossible_dates_in_chinese_numerals_are_refused(text):
    with pytest.raises(ValueError):
        parse_date(text)
