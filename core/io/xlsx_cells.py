"""Excel column letters ↔ numbers, without importing openpyxl (its package import is slow)."""


def column_letter(n: int) -> str:
    """1 -> A, 27 -> AA."""
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def column_index(letters: str) -> int:
    """A -> 1, AA -> 27."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n
