"""Pure-Python core of 政府信息公开年报助手: report model, official formats, rules, import and export."""

__version__ = "0.1.0"
