"""The official report formats, described as data."""

from .forms import FORMS, GB2019, GB2021, form_for_year, get_form
from .types import CellKind, CellSpec, FormSpec, Formula, GridCell, RowSpec, TableSpec

SECTIONS = (
    ("preface", "前言"),
    ("overview", "一、总体情况"),
    ("problems", "五、存在的主要问题及改进情况"),
    ("other", "六、其他需要报告的事项"),
)
SECTION_TITLES = {
    "overview": "一、总体情况",
    "t2": "二、主动公开政府信息情况",
    "t3": "三、收到和处理政府信息公开申请情况",
    "t4": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other": "六、其他需要报告的事项",
}

__all__ = [
    "FORMS", "GB2019", "GB2021", "SECTIONS", "SECTION_TITLES", "CellKind", "CellSpec", "FormSpec",
    "Formula", "GridCell", "RowSpec", "TableSpec", "form_for_year", "get_form",
]
