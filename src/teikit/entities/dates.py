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

from ..lang import NUMERAL_CHARS, chinese_to_int, is_chinese, int_to_roman, month_number, roman_to_int


@dataclass
class DateContext:
    """Year and month that a mention without them refers to; updated as the text is read."""

    year: int | None = None
    month: int | None = None
    anchor: str | None = None  # the record's own date (ISO), for "yesterday", "this year"; None: not used

    @classmethod
    def from_iso(cls, iso: str | None, relative: bool = True) -> "DateContext":
        m = re.match(r"^(\d{4})(?:-(\d{2}))?", iso or "")
        if not m:
            return cls()
        return cls(int(m.group(1)), int(m.group(2)) if m.group(2) else None, iso if relative else None)


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
_SIC = r"(?:[ \t]?\[sic\])?"
_DAY = rf"(\d{{1,2}}){_ORD}"
_TO = r"[ \t]?(?:and|[–-]|to)[ \t]?"
_ROMAN_RE = "|".join(int_to_roman(n) for n in range(12, 0, -1))  # XII|XI|X|IX|…|I: the months
_RELATIVE = {
    "the day before yesterday": ("day", -2), "the day after tomorrow": ("day", 2), "yesterday": ("day", -1),
    "today": ("day", 0), "tomorrow": ("day", 1), "this year": ("year", 0), "last year": ("year", -1),
    "next year": ("year", 1), "this month": ("month", 0), "last month": ("month", -1), "next month": ("month", 1),
}
# words before a number that make it a reference, not a year ("telegram 1953", "p. 1949")
_NUMBERED = re.compile(
    r"(?<!\w)(?:telegrams?|tels?|deptel|despatch|dispatch|cables?|airgram|circular|no|nos|number|p|pp|page|pages|vol|"
    r"op|d|f|file|doc|document|room|para|paragraph|resolution|item|case|memo|serial|sheet|ll?|listy?|delo)\.?[ \t]*$",
    re.I,
)

EN_PATTERNS = [
    ("day_range", re.compile(rf"\b{_DAY}{_TO}{_DAY} (?:of )?({_MONTH_RE})(?:,? {_YEAR})?(?![\w-])")),
    ("month_day_range", re.compile(rf"\b({_MONTH_RE}) {_DAY}{_TO}{_DAY}(?:, ?{_YEAR})?(?![\w-])")),
    ("month_range", re.compile(rf"\b({_MONTH_RE})[ \t]?(?:[–-]|to)[ \t]?({_MONTH_RE})(?:,? {_YEAR})?(?![\w-])")),
    ("dmy", re.compile(rf"\b(\d{{1,2}}){_ORD}{_SIC} (?:of )?({_MONTH_RE}){_SIC}(?:,? {_YEAR}{_SIC})?(?![\w-])")),
    ("mdy", re.compile(rf"\b({_MONTH_RE}){_SIC} (\d{{1,2}}){_ORD}{_SIC}(?:, ?{_YEAR}{_SIC})?(?![\w-])")),
    ("roman", re.compile(rf"(?<![\d./])(\d{{1,2}})([./])({_ROMAN_RE})(?:\2(\d{{4}}))?(?![\w/]|\.\w)")),
    ("part_month", re.compile(rf"\b{_PART_EN}[- ](?:the month of )?({_MONTH_RE})(?:,? {_YEAR})?(?![\w-])", re.I)),
    ("part_this_month", re.compile(rf"\b{_PART_EN} (?:the|this|that) month\b(?! of [A-Z])", re.I)),
    ("month_year", re.compile(rf"\b({_MONTH_RE}),? {_YEAR}(?![\w-])")),
    ("month_alone", re.compile(rf"\b(?:[Ii]n|[Bb]y|of|[Ss]ince|[Uu]ntil|till|[Ff]rom|to|[Bb]efore|[Aa]fter|[Dd]uring) (?P<x>({_MONTH_RE}))(?![\w-])")),
    ("day_alone", re.compile(r"\b[Oo]n (?P<x>the (\d{1,2})(?:st|nd|rd|th))(?![\w-])(?! of\b)")),
    ("year_alone", re.compile(rf"\b(?:in|of|since|between|and|until|till|by|from|to|year|before|after|during) (?P<x>{_YEAR})(?![\w-]|\.\d)")),
    ("year_range", re.compile(rf"(?<![\w$£.,/–-]){_YEAR}[ \t]?[–-][ \t]?(1[6-9]\d\d|20\d\d|\d\d)(?!\w|[.,:/–-]\d)")),
    ("bare_year", re.compile(rf"(?<![\w$£.,/–-]){_YEAR}(?!\w|[.,:/]\d|[ \t]?[–-][ \t]?\d)")),
    ("relative", re.compile(r"\b(?:the day (?:before yesterday|after tomorrow)|yesterday|today|tomorrow|"
                            r"(?:this|last|next) (?:year|month))\b", re.I)),
    ("time_range", re.compile(r"\b(\d{1,2})(?::(\d{2}))?[ \t]?(?:[–-]|to)[ \t]?(\d{1,2})(?::(\d{2}))?\s?([ap])\.?\s?m\.?(?![\w])", re.I)),
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
    "rel": re.compile(r"(?i)yesterday|today|tomorrow|(?:this|last|next) (?:year|month)"),
    "year4": re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)"),
    "roman": re.compile(r"\d[./][IVX]"),
    "ampm": re.compile(r"\d\s?[ap]\.?\s?m", re.I),
    "range": re.compile(r"\d(?:st|nd|rd|th)?[ \t]?(?:and|[–-]|to)[ \t]?\d"),
    "monthrange": re.compile(r"(?:ary|rch|pril|May|une|uly|ust|ber)[ \t]?(?:[–-]|to)[ \t]?[A-Z]"),
}
_NEEDS_EN = ("digit", "Month", "part", "rel", "monthrange")  # and the DIGIT_NEEDS, only where there is a digit
_DIGIT_NEEDS = ("clock", "year4", "roman", "ampm", "range")
_NEEDS_ZH = ("月", "旬", "日", "年", "时")
_ANY_ZH = re.compile("[月旬日号年时点]")  # any Chinese need: one search for most Chinese texts
# month_alone is case-sensitive: its month is capitalised ("Month", cheaper than "month").
NEEDS = {
    "dmy": ("digit", "Month"), "mdy": ("digit", "Month"), "day_range": ("digit", "Month", "range"),
    "month_day_range": ("digit", "Month", "range"), "month_range": ("Month", "monthrange"),
    "roman": ("digit", "roman"), "bare_year": ("digit", "year4"), "year_range": ("digit", "year4", "range"), "relative": ("rel",),
    "time_range": ("digit", "ampm", "range"), "part_month": ("part",),
    "part_this_month": ("part",), "month_year": ("digit", "Month"), "month_alone": ("Month",),
    "day_alone": ("digit",), "year_alone": ("digit", "year4"), "time": ("digit", "ampm"), "time24": ("digit", "clock"),
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
        _Rule(kind, rx, frozenset(NEEDS[kind]), "time" if kind.startswith("time") or kind.endswith("time") else "date",
              globals()[f"_{kind}"], "x" if "x" in rx.groupindex else 0)
        for kind, rx in patterns
    )


def find_dates(text: str, lang: str, context: DateContext) -> list[Found]:
    """Dates and times in `text`, left to right, non-overlapping; `context` is updated."""
    chinese = is_chinese(lang)
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
    if "digit" in present:
        present.update(need for need in _DIGIT_NEEDS if _NEEDS_RE[need].search(text))
    return frozenset(present)


def _normalise(handler, m: re.Match, ctx: DateContext, text: str) -> dict | None:
    try:
        return handler(m, ctx, text)
    except (ValueError, KeyError):
        return None


# ---- English -------------------------------------------------------------------------

def _month_number(name: str) -> int:
    return month_number(name)


def _dmy(m, ctx, text):
    return _in_sentence_year(m, ctx, text, m.group(3), lambda year: _day(ctx, year, _month_number(m.group(2)), int(m.group(1))))


def _mdy(m, ctx, text):
    return _in_sentence_year(m, ctx, text, m.group(3), lambda year: _day(ctx, year, _month_number(m.group(1)), int(m.group(2))))


def _part_month(m, ctx, text):
    month, key = _month_number(m.group(2)), _part_key(m.group(1))
    return _in_sentence_year(m, ctx, text, m.group(3), lambda year: _part(ctx, year, month, key))


def _day_range(m, ctx, text):
    """5 and 6 July, 5-6 July [1950]: notBefore the first day, notAfter the second."""
    month = _month_number(m.group(3))
    return _in_sentence_year(m, ctx, text, m.group(4), lambda year: _span(ctx, year, month, int(m.group(1)), month, int(m.group(2))))


def _month_day_range(m, ctx, text):
    month = _month_number(m.group(1))
    return _in_sentence_year(m, ctx, text, m.group(4), lambda year: _span(ctx, year, month, int(m.group(2)), month, int(m.group(3))))


def _month_range(m, ctx, text):
    """September-October 1949, June-July: from the first month's first day to the second's last."""
    first, second = _month_number(m.group(1)), _month_number(m.group(2))
    if second <= first:
        return None

    def value(year):
        return _span(ctx, year, first, 1, second, _last_day(year, second))

    return _in_sentence_year(m, ctx, text, m.group(3), value)


def _roman(m, ctx, text):
    """31/XII, 3.XI.1949: a day and a month in Roman numerals."""
    if not m.group(4) and m.group(2) == "." and m.group(3) in ("I", "V", "X"):
        return None  # "2.I" alone is likelier a section number
    month = roman_to_int(m.group(3))
    return _in_sentence_year(m, ctx, text, m.group(4), lambda year: _day(ctx, year, month, int(m.group(1))))


def _year_range(m, _ctx, text):
    """1949-1950, 1958–62: notBefore the first year, notAfter the second."""
    if _NUMBERED.search(text, max(0, m.start() - 14), m.start()):
        return None
    first, second = m.group(1), m.group(2)
    if len(second) == 2:
        second = first[:2] + second
    if second <= first:
        return None
    return {"notBefore": first, "notAfter": second}


def _bare_year(m, _ctx, text):
    """A year standing alone in running text ("the current 1945 treaty"), not a numbered reference."""
    if _NUMBERED.search(text, max(0, m.start() - 14), m.start()):
        return None
    return {"when": m.group(1)}


def _relative(m, ctx, _text):
    """yesterday, this year …: from the record's own date, only if it is precise enough."""
    import datetime

    unit, delta = _RELATIVE[" ".join(m.group().lower().split())]
    anchor = ctx.anchor or ""
    if unit == "day" and re.fullmatch(r"\d{4}-\d\d-\d\d", anchor):
        day = datetime.date.fromisoformat(anchor) + datetime.timedelta(days=delta)
        return {"when": day.isoformat(), "type": "relative"}
    if unit == "month" and re.match(r"\d{4}-\d\d", anchor):
        index = int(anchor[:4]) * 12 + int(anchor[5:7]) - 1 + delta
        return {"when": f"{index // 12:04d}-{index % 12 + 1:02d}", "type": "relative"}
    if unit == "year" and re.match(r"\d{4}", anchor):
        return {"when": f"{int(anchor[:4]) + delta:04d}", "type": "relative"}
    return None


def _time_range(m, _ctx, _text):
    """11-12 a.m., 9 to 11 p.m.: notBefore the first time, notAfter the second (12 after 11 a.m. is noon)."""
    first, second = int(m.group(1)), int(m.group(3))
    minutes = (int(m.group(2) or 0), int(m.group(4) or 0))
    if not (1 <= first <= 12 and 1 <= second <= 12) or max(minutes) > 59:
        return None
    pm = m.group(5).lower() == "p"
    end = second % 12 + (12 if pm or second == 12 else 0)
    start = first % 12 + (12 if pm and first <= second and first != 12 else 0)
    if start >= end:
        return None
    return {"notBefore": f"{start:02d}:{minutes[0]:02d}:00", "notAfter": f"{end:02d}:{minutes[1]:02d}:00"}


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


_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)|\n\s*\n")
_ANY_YEAR = re.compile(r"(?<![\d.,/])(1[6-9]\d\d|20\d\d)(?![\d,])")


def _in_sentence_year(m, ctx: DateContext, text: str, explicit: str | None, make):
    """make(year): with the explicit year, else the one year the sentence states elsewhere ("May 1st
    appeals in 1948"), which does not carry forward, else the context's year."""
    if explicit:
        return make(int(explicit))
    year = _sentence_year(text, m.start(), m.end())
    if year is None or year == ctx.year:
        return make(ctx.year)
    before = (ctx.year, ctx.month)
    value = make(year)
    ctx.year, ctx.month = before
    return value


def _sentence_year(text: str, start: int, end: int) -> int | None:
    left = max((e.end() for e in _SENTENCE_END.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    stop = _SENTENCE_END.search(text, end)
    right = stop.start() if stop else min(len(text), end + 300)
    years = {int(y.group(1)) for y in _ANY_YEAR.finditer(text, left, right) if not start <= y.start() < end}
    return years.pop() if len(years) == 1 else None


def _span(ctx: DateContext, year, first_month: int, first_day: int, last_month: int, last_day: int) -> dict | None:
    """notBefore/notAfter of a range of days within a year (None if a day does not exist)."""
    if not (1 <= first_day <= _last_day(year, first_month) and 1 <= last_day <= _last_day(year, last_month)):
        return None
    if (first_month, first_day) >= (last_month, last_day):
        return None
    ctx.month = last_month
    if year:
        ctx.year = year
    prefix = f"{year:04d}-" if year else "--"
    return {"notBefore": f"{prefix}{first_month:02d}-{first_day:02d}", "notAfter": f"{prefix}{last_month:02d}-{last_day:02d}"}


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
