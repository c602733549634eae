"""Figures in a document's text, as Swedish applications write them.

Amounts (``42.350 kr``, ``42 350``, ``1.767.000``, ``270000``, ``1 111 403,50``), rates
(``1,42``, ``150%``), months (``3,5 mån``, ``9/12``), formulas ("42.350 kr*1,42*3,5 mån=
210.479kr"), date ranges ("240915- 270914", "2022-01-01 – 2024-03-31", "1 februari 2017
— 31 januari 2020") and budget-year labels ("År 2022", "år 2", "2024, 15 SEPT–31 DEC",
"JAN–SEP").

Every function here is linear in its input: the texts are cells and lines of a document
(each cut to :data:`MAX_TEXT` characters), and no pattern backtracks over a run of spaces.
Numbers become ``Decimal`` through :func:`grantcalc.money.document_number`, never a float.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import combinations

from grantcalc.budget.stated import TIMES  # the multiplication signs, as stated figures read them
from grantcalc.money import NumberError, document_number

__all__ = [
    "MAX_TEXT", "Factor", "Formula", "YearLabel", "amount_of", "split_amounts", "parse_formula", "date_range",
    "year_label", "approximate", "words", "stem", "clean", "is_total_label", "rate_in", "money_rates", "choose",
    "placements", "single_date", "month_range",
]

MAX_TEXT = 2_000  # characters of one cell or line looked at; a longer one is cut (and is no budget row)

_SPACE = "[ \u00a0\u202f\u2009]"
# one number as documents print it: 1.111.403 | 1 111 403 | 1111403 | 1,42 | 3,5 | 210479.5 (a sheet's digits)
_NUMBER = re.compile(
    rf"(?<![\d,.])[+\-\u2212]?(?:\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\d])")
_WHOLE = re.compile(
    rf"[+\-\u2212]?\s*(?:\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:,\d+)?|\d+(?:[.,]\d+)?)")
_GROUP = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_KR = re.compile(r"^\s*(?:kr|kronor|sek|:-)\.?(?![^\W\d_])", re.IGNORECASE)
_APPROX = re.compile(r"(?:^|(?<=\s)|(?<=\())(?:ca\.?|cirka|circa|ungefär|omkring|~|≈)\s*$", re.IGNORECASE)
_TOTAL_LABEL = re.compile(r"^\s*(?:summa|totalt?|total|totala|sum|s:a)\b", re.IGNORECASE)
_MONTH_UNIT = re.compile(r"^\s*(?:mån(?:ader|ad)?|mnd|månader)\b\.?", re.IGNORECASE)
_PER = re.compile(r"^\s*(?:kr|kronor|sek)?\s*/\s*(mån(?:ad)?|mnd|år|pers(?:on)?|st|deltagare|tim(?:me)?|h|dag)\b",
                  re.IGNORECASE)
_UNIT_WORD = re.compile(r"^\s*([^\W\d_][\w.]*)", re.UNICODE)
_FRACTION = re.compile(r"(?<!\d)(\d{1,2})\s*/\s*12(?!\d)")
_PERCENT_AFTER = re.compile(r"^\s*%")


def clean(text: str) -> str:
    """A cell or line as one line of single spaces, cut to :data:`MAX_TEXT`."""
    return " ".join(text[:MAX_TEXT].replace("**", "").replace("__", "").split()).strip("*_ ")


def words(text: str) -> list[str]:
    """The words of ``text`` (letters only, lower case): what names are compared by."""
    return re.findall(r"[^\W\d_]+", text.casefold())


def stem(text: str) -> tuple[str, ...]:
    """A line's name as it is matched across a document's years: its words before the first
    figure, bracket or colon ("Processledare 100 % /samordnare (…)" → processledare)."""
    head = re.split(r"[\d(:]", text, maxsplit=1)[0]
    out = tuple(words(head)) or tuple(words(text))[:3]
    # a number that is part of the name ("Coach 2", "Rad 5 material"), not a measure ("9 mån", "100 %")
    m = re.match(r"\s*(\d+)(?!\s*(?:%|mån|kr|st|pers|tim|h\b|dag|år|x|×|\*|[.,]\d))", text[len(head):])
    if m and out:
        out = (*out, m.group(1))
    return out


def is_total_label(text: str) -> bool:
    return bool(_TOTAL_LABEL.match(text))


def _number(text: str) -> Decimal | None:
    try:
        return document_number(text)
    except NumberError:
        return None


def amount_of(text: str) -> tuple[Decimal, bool] | None:
    """The one amount a cell holds ("1 111 403", "210.479kr", "ca 70 000 kr", "–" is none) and
    whether it is approximate; None when the cell holds no single amount."""
    s = clean(text)
    if not s or s in ("-", "–", "—"):
        return None
    approx = False
    lowered = s.casefold()
    for word in ("ca.", "ca", "cirka", "circa", "ungefär", "omkring", "~", "≈"):
        if lowered.startswith(word) and (len(s) == len(word) or not s[len(word)].isalpha()):
            s, approx = s[len(word):].strip(), True
            break
    s = re.sub(r"(?i)\s*(kr|kronor|sek|:-)\.?\s*$", "", s)
    s = re.sub(r"(?i)\s*(?:kr)?/(år|mån)\s*$", "", s)
    if not s or not re.fullmatch(r"[+\-\u2212]?[\d .,\u00a0\u202f\u2009]+", s):
        return None
    if not _WHOLE.fullmatch(s):  # "2024 576 968" is a year and an amount, not one number
        return None
    value = _number(s)
    return None if value is None else (value, approx)


def split_amounts(tokens: str, columns: int) -> list[list[Decimal]]:
    """The ways a run of digit groups splits into at most ``columns`` amounts.

    A PDF copy prints "943 403 970 966 249 839 2 164 208": spaces both group thousands and part
    the cells. An amount is a group of 1–3 digits followed by groups of exactly 3 (or one group
    of any length, "270000"); a group "000" never starts one. Every reading is returned (at
    most a few hundred for a row of a budget table), for the caller to choose by the table's
    sums. Points as thousands ("1.250.000 480.000") and decimal commas part nothing."""
    groups = _GROUP.findall(tokens)
    if not groups or len(groups) > 40:
        return []
    out: list[list[Decimal]] = []

    def walk(i: int, acc: list[str]) -> None:
        if len(out) >= 500 or len(acc) > columns:
            return
        if i == len(groups):
            values = [_number(a) for a in acc]
            if all(v is not None for v in values):
                out.append([v for v in values if v is not None])
            return
        head = groups[i]
        if (len(head) > 3 and "," not in head) or "." in head:  # "270000", "1.250.000": a number of its own
            walk(i + 1, [*acc, head])
            return
        if head.startswith("0") and head != "0" and not head.startswith("0,"):
            return
        text = head
        walk(i + 1, [*acc, text])
        j = i + 1
        while j < len(groups) and len(groups[j].split(",")[0]) == 3 and "," not in text:
            text = text + groups[j]
            walk(j + 1, [*acc, text])
            j += 1

    walk(0, [])
    return out


@dataclass(frozen=True, slots=True)
class Factor:
    """One factor of a printed formula: its value and what it is (``money``, ``rate`` (a %),
    ``months``, ``count``, ``plain``), with ``per`` for money ("month", "year", "unit") and the
    counted ``unit`` ("pers")."""

    value: Decimal
    kind: str
    per: str | None = None
    unit: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Formula:
    """A printed formula: the label before it, its factors, its result (approximate or not) and
    the formula as written (``text``, from the first factor to the result)."""

    label: str
    factors: tuple[Factor, ...]
    result: Decimal | None
    text: str
    approx: bool = False

    @property
    def product(self) -> Decimal:
        out = Decimal(1)
        for f in self.factors:
            out *= f.value
        return out


def _factor(segment: str, first: bool) -> tuple[str, Factor] | None:
    """The factor of one segment between multiplication signs, and (for the first) the label
    text before it."""
    s = segment.strip()
    fraction = _FRACTION.search(s)
    if fraction and not first:
        months = Decimal(fraction.group(1))
        return s[:fraction.start()], Factor(months / 12, "share", text=fraction.group(0))
    matches = list(_NUMBER.finditer(s))
    if not matches:
        return None
    m = matches[-1] if first else matches[0]
    # a first segment "Övriga personalkostnader 5.000 kr/pers/år 416 kr": the last number is the factor
    value = _number(m.group(0))
    if value is None:
        return None
    after = s[m.end():]
    label = s[:m.start()]
    text = s[m.start():].strip()
    if _PERCENT_AFTER.match(after):
        return label, Factor(value / 100, "rate", text=text)
    per_match = _PER.match(after)
    if _MONTH_UNIT.match(after):
        return label, Factor(value, "months", text=text)
    if per_match:
        unit = per_match.group(1).casefold()
        per = "month" if unit.startswith(("mån", "mnd")) else "year" if unit == "år" else "unit"
        rest = after[per_match.end():]
        if per == "unit" and re.match(r"\s*/\s*(mån|mnd)", rest, re.IGNORECASE):
            per = "unit_month"
        elif per == "unit" and re.match(r"\s*/\s*år", rest, re.IGNORECASE):
            per = "unit_year"
        return label, Factor(value, "money", per=per, unit=unit if per.startswith("unit") else None, text=text)
    if _KR.match(after):
        return label, Factor(value, "money", text=text)
    word = _UNIT_WORD.match(after)
    if word:
        return label, Factor(value, "count", unit=word.group(1).casefold().rstrip("."), text=text)
    return label, Factor(value, "plain", text=text)


def parse_formula(text: str) -> Formula | None:
    """A formula printed in ``text``: "Label a × b × c = d" (or without its result: "a × b").

    The label is the text before the first factor; the first factor is the last number of the
    text before the first multiplication sign, so a label may hold figures of its own
    ("Övriga personalkostnader 5.000 kr/pers/år 416 kr × 3 × 3,5 = 4.368 kr")."""
    s = clean(text)
    result: Decimal | None = None
    approx = False
    left = s
    if "=" in s:
        left, _, right = s.rpartition("=")
        found = amount_of(_leading_amount(right))
        if found is None:
            return None
        result, approx = found
    parts = TIMES.split(left)
    if len(parts) < 2 and result is None:
        return None
    # the formula starts at the last segment that holds more than one figure ("Jobbcoacher 2 x 100 %
    # 34 000 kr/mån x 1,43 x 2 x 4 mån": the label's own "x" is not the formula's)
    first = 0
    for i in range(1, len(parts)):
        if len(_NUMBER.findall(parts[i])) > 1 and not _FRACTION.search(parts[i]):
            first = i
    head_text = "×".join(parts[:first + 1]) if first else parts[0]
    segments = [head_text, *parts[first + 1:]]
    factors: list[Factor] = []
    label = ""
    start: int | None = None
    for i, part in enumerate(segments):
        if not part.strip():
            continue
        got = _factor(part, first=not factors)
        if got is None:
            if i == 0 and not factors:  # "Lunch à 1 200 kr × 40": a label without figures before the first sign
                label = part.strip()
                continue
            return None
        head, factor = got
        if not factors and not label:
            label = head.strip()
        factors.append(factor)
    if not factors:
        return None
    if len(factors) == 1 and (result is None or factors[0].kind != "money"):
        return None  # "Resor 18 000 kr/år, 4 mån = 6 000 kr": a label and its amount, no formula
    label = re.sub(r"[\s:–-]+$", "", label).strip()
    start = s.find(factors[0].text, len(label) if label and s.startswith(label) else 0)
    formula_text = s[start:].strip() if start >= 0 else s
    if start > 0:
        label = re.sub(r"[\s:=–-]+$|\s+à$", "", s[:start].strip()).strip()
    return Formula(label, tuple(factors), result, formula_text, approx)


def _leading_amount(text: str) -> str:
    """The amount at the start of ``text`` (a formula's result, then perhaps more words)."""
    m = re.match(r"\s*((?:ca\.?|cirka|~|≈)?\s*[+\-\u2212]?[\d][\d .,\u00a0\u202f]*(?:\s*(?:kr|kronor|sek)\.?)?)",
                 text, re.IGNORECASE)
    return m.group(1).strip() if m else ""


def approximate(text: str) -> bool:
    """Whether ``text`` states its figure approximately ("ca 4 %", "cirka 70 000")."""
    return bool(re.search(r"(?i)(?:^|\s|\()(?:ca\.?|cirka|circa|ungefär|omkring)\s*\d|[~≈]\s*\d", text))


def rate_in(text: str) -> Decimal | None:
    """The one percentage ``text`` names ("Processledare 100 %" → 1, "EVI-coacher 150%" → 1.5)."""
    found = re.findall(r"(\d+(?:,\d+)?)\s*%", text)
    if len(found) != 1:
        return None
    return _number(found[0] + " %")


def money_rates(text: str) -> list[Factor]:
    """The rates a label states in words: "32.000 kr/år", "5.000 kr/pers/år", "35 000 kr/mån"."""
    out: list[Factor] = []
    for m in _NUMBER.finditer(text):
        got = _factor(text[m.start():], first=False)
        if got and got[1].kind == "money" and got[1].per:
            out.append(got[1])
    return out


_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4, "maj": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_DASH = r"\s*(?:–|—|-|−|till|t\.o\.m\.?|tom)\s*"
_ISO = r"(\d{4})-(\d{2})-(\d{2})"
_SHORT = r"(?<!\d)(\d{2})(\d{2})(\d{2})(?!\d)"
_LONG = r"(\d{1,2})\s+([a-zåäö]+)\.?\s+(\d{4})"


def _date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def date_range(text: str) -> tuple[date, date] | None:
    """The first period ``text`` states: "2022-01-01 – 2024-03-31", "240915- 270914",
    "1 februari 2017 — 31 januari 2020", "2023-04-01--2026-03-31"."""
    s = clean(text)
    m = re.search(_ISO + r"\s*(?:–|—|-{1,2}|−|till)\s*" + _ISO, s)
    if m:
        a = _date(int(m[1]), int(m[2]), int(m[3]))
        b = _date(int(m[4]), int(m[5]), int(m[6]))
        if a and b and a <= b:
            return a, b
    m = re.search(_SHORT + _DASH + _SHORT, s)
    if m:
        a = _date(2000 + int(m[1]), int(m[2]), int(m[3]))
        b = _date(2000 + int(m[4]), int(m[5]), int(m[6]))
        if a and b and a <= b:
            return a, b
    m = re.search(_LONG + _DASH + _LONG, s, re.IGNORECASE)
    if m:
        ma, mb = _MONTHS.get(m[2].casefold()), _MONTHS.get(m[5].casefold())
        if ma and mb:
            a, b = _date(int(m[3]), ma, int(m[1])), _date(int(m[6]), mb, int(m[4]))
            if a and b and a <= b:
                return a, b
    return None


_MONTH_SPAN = re.compile(r"(?:från\s+)?([a-zåäö]{3,9})\.?\s+(\d{4})\s*(?:till och med|t\.o\.m\.?|till|–|—|-)\s*"
                         r"([a-zåäö]{3,9})\.?\s+(\d{4})", re.IGNORECASE)


def month_range(text: str) -> tuple[date, date] | None:
    """A period written in months: "från mars 2025 till och med december 2026"."""
    import calendar

    m = _MONTH_SPAN.search(clean(text))
    if not m:
        return None
    a, b = _MONTHS.get(m[1].casefold()), _MONTHS.get(m[3].casefold())
    if not a or not b:
        return None
    start = date(int(m[2]), a, 1)
    end = date(int(m[4]), b, calendar.monthrange(int(m[4]), b)[1])
    return (start, end) if start <= end else None


def single_date(text: str) -> date | None:
    m = re.search(_ISO, text)
    if m:
        return _date(int(m[1]), int(m[2]), int(m[3]))
    return None


@dataclass(frozen=True, slots=True)
class YearLabel:
    """A budget year as a heading or column names it: ``key`` the calendar year (2024) or the
    project year's number (1, with ``project``), and the part of the year it says it covers
    ("15 SEPT–31 DEC": ``start``/``end`` as (month, day)), if any."""

    key: int
    project: bool = False
    start: tuple[int, int] | None = None
    end: tuple[int, int] | None = None
    text: str = ""


_YEAR_HEAD = re.compile(
    r"^\s*(?:(?:budget)?år|year|projektår|verksamhetsår)?\s*(20\d{2}|19\d{2})\b(.*)$", re.IGNORECASE)
_PROJECT_YEAR = re.compile(r"^\s*(?:projektår|år|year|verksamhetsår)\s*(\d{1,2})\b(.*)$", re.IGNORECASE)
_DAY_MONTH = re.compile(r"(\d{1,2})?\s*([a-zåäö]{3,9})\.?", re.IGNORECASE)


def year_label(text: str) -> YearLabel | None:
    """``text`` as a budget year's label: "År 2022", "2023", "2024, 15 SEPT–31 DEC",
    "2027 JAN–SEP", "År 1", "Projektår 2"; None for anything else (a label with more words
    after the year than a part-year range is no year label: "2024 års kostnader" is)."""
    s = re.sub(r"\s*\([^()]*\)\s*$", "", clean(text)).strip("*#: ")  # "2024  (2024-09-15 – 2024-12-31, 3,5 mån)"
    if len(s) > 60:
        return None
    m = _PROJECT_YEAR.match(s)
    if m and not m.group(2).strip(" ,.:"):
        return YearLabel(int(m.group(1)), project=True, text=s)
    m = _YEAR_HEAD.match(s)
    if not m:
        return None
    rest = m.group(2).strip(" ,.:()")
    key = int(m.group(1))
    if not rest:
        return YearLabel(key, text=s)
    span = re.split(r"\s*(?:–|—|-|−)\s*", rest)
    if len(span) == 2:
        a, b = _month_day(span[0], first=True), _month_day(span[1], first=False)
        if a and b:
            return YearLabel(key, start=a, end=b, text=s)
    return None


def _month_day(text: str, first: bool) -> tuple[int, int] | None:
    m = _DAY_MONTH.fullmatch(text.strip())
    if not m:
        return None
    month = _MONTHS.get(m.group(2).casefold())
    if not month:
        return None
    if m.group(1):
        return month, int(m.group(1))
    if first:
        return month, 1
    import calendar

    return month, calendar.monthrange(2024 if month == 2 else 2023, month)[1]


def choose(readings: list[list[Decimal]], columns: int, total_column: bool) -> tuple[list[Decimal], bool] | None:
    """The reading of a number run that fits the table: with a total column, the one whose last
    amount is the sum of the others (True: proven by its sum); else the one with exactly
    ``columns`` amounts, when there is only one such."""
    if total_column:
        summed = [r for r in readings if len(r) >= 2 and sum(r[:-1]) == r[-1]]
        if summed:
            full = [r for r in summed if len(r) == columns]
            return (full or summed)[0], True
        # one amount only: the total alone ("… | | | 0")
    readings = [r for r in readings if len(r) <= columns]
    if not readings:
        return None
    # else the most plausible: its largest amount the smallest ("1 305 000 1 735 000" is two amounts of
    # a million, not 1 305 and 0001 735 000…), and of those the one with the most amounts
    best = min(readings, key=lambda r: (max(abs(v) for v in r), -len(r)))
    return best, False


def placements(count: int, columns: int) -> list[tuple[int, ...]]:
    """Which ``count`` of ``columns`` cells a shorter row fills, in every order-keeping way."""
    if count > columns or columns > 12:
        return []
    return list(combinations(range(columns), count))
