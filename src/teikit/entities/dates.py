"""Dates and times in English and Chinese text, normalised to ISO 8601 (TEI @when, @notBefore/@notAfter).

A `DateContext` carries the year and month that undated mentions inherit ("9 January", "二日",
"the end of the month"); it starts from the record's date and follows the text in reading order.
Without a known year the value is an XSD partial date (`--01-09`, `---02`), which TEI accepts.
"""
from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, field

from .numerals import NUMERAL_CHARS, chinese_to_int


@dataclass
class DateContext:
    """Year and month that a mention without them refers to; updated as the text is read."""

    year: int | None = None
    month: int | None = None

    @classmethod
    def from_iso(cls, iso: str | None) -> "DateContext":
        m = re.match(r"^(\d{4})(?:-(\d{2}))?", iso or "")
        if not m:
            return cls()
        return cls(int(m.group(1)), int(m.group(2)) if m.group(2) else None)


@dataclass(frozen=True)
class Found:
    """One date or time in a string: [start, end) and the TEI element with its attributes."""

    start: int
    end: int
    tag: str  # "date" | "time"
    attrs: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @property
    def attributes(self) -> dict[str, str]:
        return dict(self.attrs)


MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(1[6-9]\d\d|20\d\d)"
# early / mid / late part of a month: (first day, last day or None for the month's end)
PARTS = {
    "early": (1, 10), "beginning": (1, 10), "start": (1, 10), "first half": (1, 15),
    "mid": (11, 20), "middle": (11, 20), "second half": (16, None),
    "late": (21, None), "end": (21, None),
    "初": (1, 10), "上旬": (1, 10), "中": (11, 20), "中旬": (11, 20),
    "底": (21, None), "末": (21, None), "下旬": (21, None),
}
_PART_EN = r"(early|mid|late|the (?:beginning|start|middle|end|first half|second half) of)"

EN_PATTERNS = [
    ("dmy", re.compile(rf"\b(\d{{1,2}}){_ORD} (?:of )?({_MONTH_RE})(?:,? {_YEAR})?(?![\w-])")),
    ("mdy", re.compile(rf"\b({_MONTH_RE}) (\d{{1,2}}){_ORD}(?:, ?{_YEAR})?(?![\w-])")),
    ("part_month", re.compile(rf"\b{_PART_EN}[- ]({_MONTH_RE})(?:,? {_YEAR})?(?![\w-])", re.I)),
    ("part_this_month", re.compile(rf"\b{_PART_EN} (?:the|this|that) month\b", re.I)),
    ("month_year", re.compile(rf"\b({_MONTH_RE}),? {_YEAR}(?![\w-])")),
    ("month_alone", re.compile(rf"\b(?:[Ii]n|[Bb]y|of|[Ss]ince|[Uu]ntil|till|[Ff]rom|to|[Bb]efore|[Aa]fter|[Dd]uring) (?P<x>({_MONTH_RE}))(?![\w-])")),
    ("day_alone", re.compile(r"\b[Oo]n (?P<x>the (\d{1,2})(?:st|nd|rd|th))(?![\w-])(?! of\b)")),
    ("year_alone", re.compile(rf"\b(?:in|of|since|between|and|until|till|by|from|to|year|before|after|during) (?P<x>{_YEAR})(?![\w-]|\.\d)")),
    ("time", re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s?([ap])\.?\s?m\.?(?![\w])", re.I)),
    ("time24", re.compile(r"(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")),
]

_N = f"[{NUMERAL_CHARS}]"
_DAYPART = "(上午|下午|晚上|晚间|晚|早上|早晨|清晨|凌晨|中午|午前|午后|夜间|夜里|夜)"
ZH_PATTERNS = [
    ("zh_ymd", re.compile(rf"(?:({_N}{{4}})年)?({_N}{{1,2}})月(?:({_N}{{1,3}})[日号]|(初|底|末|上旬|中旬|下旬))?")),
    ("zh_part", re.compile(rf"(?:({_N}{{4}})年)?(?:({_N}{{1,2}})月)?(上旬|中旬|下旬)")),
    ("zh_month_part", re.compile(rf"(?<!{_N})月(初|底|末|中)(?!旬)")),
    ("zh_day", re.compile(rf"(?<![{NUMERAL_CHARS}月第])((?!两){_N}{{1,3}})[日号](?![内间])")),
    ("zh_year", re.compile(rf"(?<!{_N})({_N}{{4}})年(?![代度{NUMERAL_CHARS}])")),
    ("zh_time", re.compile(rf"{_DAYPART}?({_N}{{1,3}})[时点](?:({_N}{{1,3}})分|(半)|(整))?(?![间候期代])")),
]


# What each pattern needs somewhere in the text (a digit, a capitalised month, early/mid/late/of
# before a month's name or "the month", 月 …): a pattern whose needs are absent cannot match.
_NEEDS_RE = {
    "digit": re.compile(r"\d"),
    "clock": re.compile(r"\d:\d"),
    "Month": re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"),
    # the ends of _PART_EN (early, mid, late, … of) are looked for behind the space: re then
    # tries only at spaces and hyphens
    "part": re.compile(
        r"[- ](?<=(?:ly|id|te|of)[- ])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|th(?:e|is|at) month)", re.I
    ),
    "月": re.compile("月"), "旬": re.compile("旬"), "日": re.compile("[日号]"), "年": re.compile("年"),
    "时": re.compile("[时点]"),
}
_NEEDS_EN = ("digit", "Month", "part")  # and "clock", looked for only where there is a digit
_NEEDS_ZH = ("月", "旬", "日", "年", "时")
_ANY_ZH = re.compile("[月旬日号年时点]")  # any Chinese need: one search for most Chinese texts
# month_alone is case-sensitive: its month is capitalised ("Month", cheaper than "month").
NEEDS = {
    "dmy": ("digit", "Month"), "mdy": ("digit", "Month"), "part_month": ("part",),
    "part_this_month": ("part",), "month_year": ("digit", "Month"), "month_alone": ("Month",),
    "day_alone": ("digit",), "year_alone": ("digit",), "time": ("digit",), "time24": ("digit", "clock"),
    "zh_ymd": ("月",), "zh_part": ("旬",), "zh_month_part": ("月",), "zh_day": ("日",),
    "zh_year": ("年",), "zh_time": ("时",),
}


@dataclass(frozen=True)
class _Rule:
    """A pattern prepared once: what it needs, the tag it makes, its normaliser, its date's group."""

    kind: str
    regex: re.Pattern
    needs: frozenset[str]
    tag: str
    normalise: object  # (match, context, text) -> attributes or None
    group: int | str  # "x" where the match has a leading preposition, else 0 (the whole match)


def _rules(patterns) -> tuple[_Rule, ...]:
    return tuple(
        _Rule(kind, rx, frozenset(NEEDS[kind]), "time" if kind.endswith("time") or kind == "time24" else "date",
              globals()[f"_{kind}"], "x" if "x" in rx.groupindex else 0)
        for kind, rx in patterns
    )


def find_dates(text: str, lang: str, context: DateContext) -> list[Found]:
    """Dates and times in `text`, left to right, non-overlapping; `context` is updated."""
    chinese = lang.startswith("zh")
    present = _needs_in(text, chinese)
    if not present:
        return []  # most texts: no digit, no month, no 年月日
    candidates = []
    for rank, rule in enumerate(_ZH_RULES if chinese else _EN_RULES):
        if rule.needs <= present:
            group = rule.group
            for m in rule.regex.finditer(text):
                start, end = m.span(group)
                candidates.append((start, start - end, rank, rule, m))
    if not candidates:
        return []
    candidates.sort(key=_order)
    found: list[Found] = []
    last_end = 0
    for start, _neg_len, _rank, rule, m in candidates:
        if start < last_end:
            continue
        attrs = _normalise(rule.normalise, m, context, text)
        if attrs is None:
            continue
        last_end = start - _neg_len
        found.append(Found(start, last_end, rule.tag, tuple(attrs.items())))
    return found


def _order(candidate: tuple) -> tuple:
    """Leftmost first, then longest, then the pattern listed first."""
    return candidate[:3]


def _needs_in(text: str, chinese: bool) -> frozenset[str]:
    """The needs of the language's patterns that `text` has (none: no pattern can match)."""
    if chinese:
        if not _ANY_ZH.search(text):
            return frozenset()
        return frozenset(need for need in _NEEDS_ZH if _NEEDS_RE[need].search(text))
    present = {need for need in _NEEDS_EN if _NEEDS_RE[need].search(text)}
    if "digit" in present and _NEEDS_RE["clock"].search(text):
        present.add("clock")
    return frozenset(present)


def _normalise(handler, m: re.Match, ctx: DateContext, text: str) -> dict | None:
    try:
        return handler(m, ctx, text)
    except (ValueError, KeyError):
        return None


# ---- English -------------------------------------------------------------------------

def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _dmy(m, ctx, _text):
    return _day(ctx, _year_or(m.group(3), ctx), _month_number(m.group(2)), int(m.group(1)))


def _mdy(m, ctx, _text):
    return _day(ctx, _year_or(m.group(3), ctx), _month_number(m.group(1)), int(m.group(2)))


def _part_month(m, ctx, _text):
    return _part(ctx, _year_or(m.group(3), ctx), _month_number(m.group(2)), _part_key(m.group(1)))


def _part_this_month(m, ctx, _text):
    if ctx.month is None:
        return None
    return _part(ctx, ctx.year, ctx.month, _part_key(m.group(1)))


def _month_year(m, ctx, _text):
    year, month = int(m.group(2)), _month_number(m.group(1))
    ctx.year, ctx.month = year, month
    return {"when": f"{year:04d}-{month:02d}"}


def _month_alone(m, ctx, _text):
    month = _month_number(m.group("x"))
    ctx.month = month
    return {"when": f"{ctx.year:04d}-{month:02d}" if ctx.year else f"--{month:02d}"}


def _day_alone(m, ctx, _text):
    if ctx.month is None:
        return None
    return _day(ctx, ctx.year, ctx.month, int(m.group(2)))


def _year_alone(m, ctx, _text):
    return {"when": m.group("x")}


def _time(m, _ctx, _text):
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    hour = hour % 12 + (12 if m.group(3).lower() == "p" else 0)
    return {"when": f"{hour:02d}:{minute:02d}:00"}


def _time24(m, _ctx, _text):
    return {"when": f"{int(m.group(1)):02d}:{m.group(2)}:00"}


def _part_key(phrase: str) -> str:
    words = phrase.lower().replace("the ", "").replace(" of", "").strip()
    return words


# ---- Chinese -------------------------------------------------------------------------

def _num(s: str | None) -> int | None:
    return chinese_to_int(s) if s else None


def _zh_ymd(m, ctx, _text):
    year = _num(m.group(1))
    month, day = _num(m.group(2)), _num(m.group(3))
    year = _year_or(str(year) if year else None, ctx)
    if m.group(4):
        return _part(ctx, year, month, m.group(4))
    if day is None:
        if not 1 <= month <= 12:
            return None
        ctx.month = month
        if year:
            ctx.year = year
        return {"when": f"{year:04d}-{month:02d}" if year else f"--{month:02d}"}
    return _day(ctx, year, month, day)


def _zh_part(m, ctx, _text):
    month = _num(m.group(2)) or ctx.month
    if month is None:
        return None
    year = _year_or(m.group(1) and str(_num(m.group(1))), ctx)
    return _part(ctx, year, month, m.group(3))


def _zh_month_part(m, ctx, text):
    start = m.start()
    if start and re.match(f"[{NUMERAL_CHARS}]", text[start - 1]):
        return None
    if ctx.month is None:
        return None
    return _part(ctx, ctx.year, ctx.month, m.group(1))


def _zh_day(m, ctx, _text):
    if ctx.month is None:
        return None
    return _day(ctx, ctx.year, ctx.month, _num(m.group(1)))


def _zh_year(m, ctx, _text):
    year = _num(m.group(1))
    if not 1600 <= year <= 2099:
        return None
    return {"when": f"{year:04d}"}


def _zh_time(m, ctx, text):
    daypart, hour = m.group(1), _num(m.group(2))
    minute = 30 if m.group(4) else (_num(m.group(3)) or 0)
    has_anchor = daypart or m.group(3) or m.group(4) or (m.start() and text[m.start() - 1] in "日号")
    if not has_anchor or hour > 24 or minute > 59:
        return None
    if daypart in ("下午", "晚上", "晚间", "晚", "午后", "夜间", "夜里", "夜") and hour < 12:
        hour += 12
    if daypart in ("夜", "夜间", "夜里", "晚") and hour == 24:
        hour = 0
    return {"when": f"{hour % 24:02d}:{minute:02d}:00"}


# ---- shared --------------------------------------------------------------------------

def _year_or(explicit: str | None, ctx: DateContext) -> int | None:
    if explicit:
        return int(explicit)
    return ctx.year


def _day(ctx: DateContext, year: int | None, month: int, day: int) -> dict | None:
    if not 1 <= month <= 12 or not 1 <= day <= _last_day(year, month):
        return None
    ctx.month = month
    if year:
        ctx.year = year
        return {"when": f"{year:04d}-{month:02d}-{day:02d}"}
    return {"when": f"--{month:02d}-{day:02d}"}


def _part(ctx: DateContext, year: int | None, month: int, key: str) -> dict | None:
    if key not in PARTS or not 1 <= month <= 12:
        return None
    first, last = PARTS[key]
    last = last or _last_day(year, month)
    ctx.month = month
    if year:
        ctx.year = year
    prefix = f"{year:04d}-" if year else "--"
    return {"notBefore": f"{prefix}{month:02d}-{first:02d}", "notAfter": f"{prefix}{month:02d}-{last:02d}"}


@functools.lru_cache(maxsize=1024)
def _last_day(year: int | None, month: int) -> int:
    return calendar.monthrange(year or 2000, month)[1]


_EN_RULES = _rules(EN_PATTERNS)
_ZH_RULES = _rules(ZH_PATTERNS)
