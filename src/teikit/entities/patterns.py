"""Names that are not in the authority, found by what stands beside them.

English: a title (Comrade, cde., Minister, General, Ambassador …) followed by one to three
capitalised words ("cde. Miklashevskii", "General Yan Xishan"). Chinese: a two- or three-character
name that starts with a common surname and stands before 同志, 部长, 主席 … ("王明同志").
Contractions: 莫米二同志 names two people by their first characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import HAN_CHAR, ZH_DIGITS, chinese_to_int

# Each alternative starts with a plain character (see _after_first).
TITLE_ALTERNATIVES_EN = (
    r"Consul General", r"Governor General", r"Major General", r"Lieutenant General", r"Brigadier General",
    r"Lieutenant Colonel", r"Rear Admiral", r"Vice Admiral", r"Attorney General", r"Secretary General",
    r"Assistant Secretary", r"Deputy Secretary", r"Under Secretary", r"Field Marshal", r"Air Marshal",
    r"Comrades?", r"Cdes?\.", r"cdes?\.", r"Com\.", r"com\.", r"comrades?", r"Generalissimo", r"General",
    r"general", r"Marshal", r"marshal", r"Premier", r"premier", r"Vice[- ]Premier", r"Prime Minister",
    r"Foreign Minister", r"Defen[cs]e Minister", r"Deputy Minister", r"Minister", r"Vice[- ]President",
    r"President", r"Vice[- ]Chairman", r"Chairman", r"chairman", r"Ambassador", r"ambassador",
    r"Secretary", r"Admiral", r"Colonel", r"Lieutenant", r"Captain", r"Major", r"Counsell?or",
    r"counsell?or", r"Consul", r"Governor", r"Commander", r"Mr\.", r"Mrs\.", r"Madame", r"Dr\.",
    r"Professor", r"Comrade-in-arms", r"Senator", r"Congressman", r"Congresswoman", r"Representative",
    r"Sir", r"Lord", r"Lady", r"Miss", r"Ms\.", r"Mme\.", r"Mlle\.", r"Gen\.", r"Adm\.", r"Col\.", r"Lt\.",
    r"Capt\.", r"Sen\.", r"Rep\.", r"Gov\.", r"Amb\.", r"Prof\.", r"King", r"Queen", r"Prince", r"Princess",
    r"Emperor", r"Shah", r"Sheikh", r"Judge", r"Justice", r"Bishop", r"Cardinal", r"Father", r"Brigadier",
    r"Sergeant", r"Ambassador-at-Large", r"Chargé", r"Charge", r"Envoy", r"Undersecretary",
)
TITLES_EN = "|".join(TITLE_ALTERNATIVES_EN)


def _after_first(alternatives, lookbehind: str) -> str:
    """The alternation with `lookbehind` (on the character before the match, written two
    characters wide) moved after each alternative's first character.

    Same matches; but every branch then starts with a plain character, so re jumps to the
    positions holding one, where a leading lookbehind makes it try the whole pattern at every
    position (about twice as slow on long texts).
    """
    for alternative in alternatives:
        assert alternative[0].isalpha(), alternative  # one plain character: '.' matches it
    return "|".join(a[0] + lookbehind + a[1:] for a in alternatives)


# Capitalised words that follow a title without being a name ("General Staff", "Minister of …").
NOT_NAMES_EN = frozenset("""
Staff Assembly Committee Committees Government Council Party Army Armies Ministry Secretary
Secretariat Office Department Bureau Union Republic Republics States Headquarters Command Affairs
Conference Congress Plenum Politburo Presidium Embassy Consulate Administration Commission
The A An And Of In On At For To From With By This That These Those It He She They We I You
Soviet Chinese American British French German Japanese Korean Mongolian Vietnamese Russian
Communist Communists Nationalist Nationalists Central People People's National Supreme Military
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Comrade Comrades General Minister Premier
Ambassador Chairman President Marshal Director Chief Deputy Vice First Second Third Foreign Defense
Defence Trade Finance Railways Marshals Generals Ministers Presidents Ambassadors
Western Eastern Northern Southern European Asian Allied Red White Yellow Great English Indian
Polish Czech Hungarian Romanian Bulgarian Yugoslav Albanian Italian Turkish Persian Arab Allies
Headquarters Staffs Forces Force Navy Air Fleet Front Division Corps Group District Region
Province City Street Square Station Hall Palace Embassy Mission Delegation Commissariat
Memoranda Correspondence Declaration Chiefs Joint Memorandum Papers Library Files Records Report
Senate House Representatives Congress Court Church Nations Kingdom Empire Crown Council Cabinet
Parliament Diet Assembly Legislature Treasury Defense Justice Interior Commerce Labor Agriculture
Affairs Relations Services Intelligence Security Operations Plans Policy Planning Research Near Far
Middle East West North South Eastern Western Office Desk Division Branch Section
""".split())
_CAP_WORD = r"(?:[A-Z][a-z]+(?:['’][a-z]+)?(?:-[A-Za-z][a-z]+)*|[A-Z]\.)"
_TITLE_NOT_IN_WORD = _after_first(TITLE_ALTERNATIVES_EN, r"(?<![\w-].)")  # (?<![\w-]) before the title
TITLE_NAME_EN = re.compile(
    rf"(?:{_TITLE_NOT_IN_WORD})\s+"
    rf"(?P<name>{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,2}})(?![\w'’-])"
)

TITLE_BEFORE_EN = re.compile(rf"(?<![\w-])(?:{TITLES_EN})\s+$")


def follows_title_en(text: str, start: int) -> bool:
    """Is the name at `start` right after a title ("Premier Zhou", "cde. Petrov")?"""
    return bool(TITLE_BEFORE_EN.search(text[max(0, start - 40) : start]))


# Chinese names in pinyin: a common surname, then a given name of one or two pinyin syllables.
SURNAMES_PINYIN = frozenset("""
Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie
Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Ye Du Cheng Su Wei Ding
Ren Shen Yao Lu Jin Fan Tan Kang Bo Qiao Nie Rao Xi Yan Fu Bai Shi Mao Kong Ke Lei Qian Qin Liao
Xiong Jia Hou Meng Qiu Duan Zou Lai Wan Gu Hao Geng Ji Chai Pu Xiang Zhan Zuo Ou Hong Lan Mu
""".split())
PINYIN_SYLLABLES = frozenset("""
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang
cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan
chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di
dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo
fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai
han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao
jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan
kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long
lou lu luan lue lun luo lv ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo
mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan
nue nuo nv o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian
qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ruan
rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi
shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang
tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo
wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying
yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhen
zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
""".split())
_PY_SYLLABLE = "|".join(sorted(PINYIN_SYLLABLES, key=lambda x: (-len(x), x)))
_PY_GIVEN = re.compile(rf"(?:{_PY_SYLLABLE})(?:['’]?(?:{_PY_SYLLABLE}))?")
# English words that happen to be pinyin ("Sun Rise", "He Ran") are not given names.
ENGLISH_PINYIN_WORDS = frozenset("""
Die Lie Tie Pie Ride Rise Dine Mine Line Bone Tone Cane Lane Sane Pane Mane Dane Hen Men Ten Pen Den
Ban Can Fan Man Pan Tan Bin Pin Tin Gun Run Sun Bun Fun Hang Bang Long Song Gang Fang Ding Ping Ling
Sing Bus Gone Done Shine She Shed Ran Tea Sea Ha Me Be He We Ye Bo Mao Cue Due Rue Sue Hue Quay Ode
Chain Chao Shao Yuan Dune June Tune Cube Lure Pure Cure Sure Mule Rule Pole Role Hole Sole Mole Dole
""".split())
# (?<![\w'’-]) on the character before the surname, written after its capital (see _after_first)
PINYIN_NAME_EN = re.compile(r"([A-Z](?<![\w'’-].)[a-z]{0,5}) ([A-Z][a-zü]{1,9})(?![\w'’-])")


def pinyin_names_en(text: str) -> list[NameGuess]:
    """'Liu Ningyi', 'Mao Anying': a Chinese surname and a one- or two-syllable pinyin given name."""
    out = []
    for m in PINYIN_NAME_EN.finditer(text):
        surname, given = m.group(1), m.group(2)
        if (surname in SURNAMES_PINYIN and _PY_GIVEN.fullmatch(given.lower().replace("ü", "v"))
                and given not in NOT_NAMES_EN and given not in ENGLISH_PINYIN_WORDS):
            out.append(NameGuess(m.start(), m.end(), f"{surname} {given}"))
    return out


SUFFIXES_ZH = "同志|部长|副部长|外长|主席|副主席|总理|副总理|将军|元帅|大使|参赞|先生|书记|司令员|总司令|委员长"
# Two-character words before 部长/主席 … that are an office, not a name (高教部长, 财政部长).
OFFICES_ZH = frozenset("""
高教 教育 文化 外贸 内务 财政 商业 农业 工业 交通 邮电 卫生 司法 公安 民政 林业 水利 铁道 国防 外交 贸易 对外
宣传 组织 统战 军委 政协 人大 工会 妇联 团委 党委 省委 市委 县委 区委 支部 总支 常委 中央 地方 全国
""".split())
SURNAMES_ZH = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "聂饶康薄柯习伍阎傅粟乔廉滕章陶师左鲁温庞安"
)
# Characters that end a word before a name or cannot be part of one.
FUNCTION_ZH = set("十百") | set("的了是在和与及或等各其这那些们我你他她它该此每把被对向从到于为以而但并也都还又就才说请叫有给同令派由即将已经曾由并称问答")
_HAN = HAN_CHAR
SUFFIX_ZH = re.compile(rf"(?:{SUFFIXES_ZH})")
CONTRACTION_ZH = re.compile(r"(?P<n>[二两三四])(?:位)?同志")


@dataclass(frozen=True)
class NameGuess:
    start: int
    end: int
    name: str


def title_names_en(text: str) -> list[NameGuess]:
    """Capitalised names after a title, with trailing non-name words trimmed."""
    out = []
    for m in TITLE_NAME_EN.finditer(text):
        words = m.group("name").split()
        words[-1] = re.sub(r"['’]s$", "", words[-1])
        while words and words[-1].rstrip(".") in NOT_NAMES_EN:
            words.pop()
        if not words or words[0] in NOT_NAMES_EN or any(w in NOT_NAMES_EN for w in words):
            continue
        if all(len(w) <= 2 for w in words):  # initials only
            continue
        if _at_sentence_start(text, m.start()) and _common_noun(words[-1]):
            continue  # "General Principles", "Major Problems"
        name = " ".join(words)
        start = m.start("name")
        end = start + len(_spanned(text[start:], words))
        out.append(NameGuess(start, end, name))
    return out


_NOUN_ENDINGS = re.compile(r"(?:tion|sion|ment|ness|ity|ism|ists?|ance|ence|ings?|ure|ures|s)$")


def _at_sentence_start(text: str, start: int) -> bool:
    """Only spaces or tabs between `start` and the text's start or a sentence's end (read backwards)."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in ".!?:;\n\ufffc\"“("


def _common_noun(word: str) -> bool:
    return bool(_NOUN_ENDINGS.search(word))


def _spanned(text: str, words: list[str]) -> str:
    """The prefix of `text` that holds `words` with their original white space."""
    pattern = r"\s+".join(re.escape(w) for w in words)
    return re.match(pattern, text).group()


def suffix_names_zh(text: str) -> list[NameGuess]:
    """Names before 同志/部长/… that start with a common surname."""
    out = []
    for m in SUFFIX_ZH.finditer(text):
        guess = _name_before(text, m.start())
        if guess:
            out.append(guess)
    return out


def _name_before(text: str, end: int) -> NameGuess | None:
    for size in (3, 2):
        start = end - size
        if start < 0:
            continue
        name = text[start:end]
        if not all(_HAN.match(ch) for ch in name) or name[0] not in SURNAMES_ZH:
            continue
        if any(ch in FUNCTION_ZH or ch in ZH_DIGITS for ch in name) or name[-2:] in OFFICES_ZH:
            continue
        before = text[start - 1] if start else ""
        if before and _HAN.match(before) and before not in FUNCTION_ZH:
            continue
        return NameGuess(start, end, name)
    return None


def is_name_like_zh(name: str) -> bool:
    """Could these two or three characters be a Chinese personal name (surname first, no function words)?"""
    return all(_HAN.match(ch) for ch in name) and name[0] in SURNAMES_ZH and not any(ch in FUNCTION_ZH for ch in name)


def contractions_zh(text: str) -> list[tuple[int, int, str]]:
    """(start, end, initials) of 莫米二同志-like contractions: N initials (、 between them allowed), then N."""
    out = []
    for m in CONTRACTION_ZH.finditer(text):
        count = chinese_to_int(m.group("n"))
        initials, pos = "", m.start()
        while len(initials) < count and pos > 0:
            pos -= 1
            if text[pos] == "、" and initials:
                continue
            if not _HAN.match(text[pos]):
                break
            initials = text[pos] + initials
        if len(initials) == count:
            out.append((pos, m.end(), initials))
    return out


# -- roles beside a name ------------------------------------------------------------------
_ROLE_EN = (
    r"(?:(?:acting|deputy|vice|first|former)[ -])?(?:foreign minister|defen[cs]e minister|prime minister|"
    r"premier|ambassador|chairman|president|general secretary|secretary-general|counsell?or|"
    r"military attach[eé]|major general|lieutenant general|general|marshal|"
    r"minister of (?:foreign affairs|(?:national )?defen[cs]e|(?:foreign )?trade|finance|railways))"
)
ROLE_BEFORE_EN = re.compile(rf"(?<![\w-])({_ROLE_EN})\s+$", re.I)
ROLE_AFTER_EN = re.compile(rf"^,\s+(?:\ufffc['’]s\s+|the\s+(?:\ufffc['’]s\s+)?)?({_ROLE_EN})(?=[,.;)])", re.I)
ROLE_BEFORE_ZH = re.compile(r"(外交部长|外长|国防部长|副总理|代总理|总理|副主席|主席|大使|参赞|将军|元帅|总司令|司令员)$")


def roles_beside(text: str, name_spans: list[tuple[int, int]], chinese: bool) -> list[tuple[int, int]]:
    """(start, end) of role phrases right before a name, or (English) in apposition right after it."""
    out = []
    for start, end in name_spans:
        before = (ROLE_BEFORE_ZH if chinese else ROLE_BEFORE_EN).search(text[max(0, start - 60) : start])
        if before:
            offset = max(0, start - 60)
            out.append((offset + before.start(1), offset + before.end(1)))
        if not chinese:
            after = ROLE_AFTER_EN.match(text[end : end + 80])
            if after:
                out.append((end + after.start(1), end + after.end(1)))
    return out
