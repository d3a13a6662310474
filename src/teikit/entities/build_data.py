"""Regenerate the derived name lists in src/teikit/data/ (run by hand; nothing runs it at run time).

    PYTHONPATH=src python -m teikit.entities.build_data ../shared/ner/hsg-people.tsv

* `hsg-people.tsv`: from the Office of the Historian's people database (public domain; see
  ../shared/ner/README.md): one line per full name form ("Walter S. Robertson", "Wang Ping-nan"),
  normalised (`name_key`), with the ids of the people who bear it. A name borne by several people
  keeps all their ids, so that it is never linked to one of them.
* `surnames.txt`: the surnames of that database (a capitalised word that is one is looked at
  as a possible person).
* `given-names.txt`: first given names borne by at least two people of that database, minus
  words that are more often something else (months, titles, places, common English words).
* `countries.tsv`: the world's states from pycountry (ISO 3166-1: name, common and official
  names, alpha-3 code), for the place records that the authority file lacks.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
TITLE_WORDS = set("""
Dr Mr Mrs Ms Miss Col Colonel General Gen Lt Lieutenant Commander Cmdr Rear Vice Admiral Adm Army
Prof Professor President Prime Minister Ambassador Sir Lord Lady Major Maj Captain Capt Brig
Brigadier Marshal Field Sen Senator Rep Representative Judge Father Rev Reverend Bishop King Queen
Prince Princess Sheikh Shaikh Emir Amir Shah Madame Mme Mlle Sgt Sergeant Air Chief Fleet Cdr
Foreign Secretary Governor Gov Count Countess Baron Duke Dame Hon Honorable Premier Chairman
Generalissimo Field-Marshal Mgr Msgr Cardinal Pope Emperor Empress Crown Dato Datuk Tun Tan Sri
""".split())
# Surnames of the database that are more often something else in running text.
NOT_SURNAMES = set("""
Re Short More Chiefs Staff Day Long Young May June Will Hope Grant Rich Price King Hall House White
Black Brown Green Gray Grey Little Small Love Power Best Strong Wise Bright Sharp Gay Swift Noble
English French German Irish Dutch Welsh Scott Christian Christmas Easter Church Bishop Major Marshal
General Judge Sheriff Page Porter Cook Baker Mason Carpenter Painter Fisher Hunter Walker Miller
Turner Taylor Waters Rivers Hill Hills Wood Woods Field Fields Lane Street Bridges Stone Ford Bank
Banks Post Mark Marks Friend Law Lord Sir North South East West Sun Moon Star Summer Winter Spring
""".split())

# First names that are more often an English word, a month, a place or a title.
NOT_GIVEN = set("""
May June April August Will Grant Hope Frank Rich Price Long King Young Rose Ray Don Van Von De Du
Le La Al El Bin Ben Abu Art Bill Bob Bud Buck Carol Chance Chase Clay Dean Dale Earl Ernest Faith
Glen Glenn Guy Hall Heath Hunter Ivy Jack Jay Joy June Lane Major Mark Marshall Mason Miles Norman
Page Park Pat Penny Pierce Rex Rich Rock Rocky Sandy Scott Sterling Stone Summer Tucker Wade
Ward Wells West Wood Woody Worth Young Washington Lincoln Jordan Georgia Virginia Victoria Florence
Austin Paris Sydney Chelsea Carolina Dakota Israel Lebanon Kuwait China India France Holland
Sharif Said Sultan General Prime Royal Grand Saint San Santa Sao New North South East West Central
Liberty Justice Sun Mao Chou Chiang Kim Lee Li Wang Zhou Ho Ma Hu Sung Song Bo Le Than Ha Can
Christian Christmas Easter German French Irish English Dutch Roman Russell Lloyd Jones Tom Sam
Ira Wing Thomas Hill Lord Sir Baron Duke Count Premier Amir Emir Sheikh Shaikh Nguyen Tran Pham
Abdul Abd Mohammed Muhammad Mohammad Ahmed Ahmad Ali Hassan Hussein Ibrahim Ismail Omar Osman
""".split())


def name_key(name: str) -> str:
    """'Walter S. Robertson' -> 'walter s robertson': no accents, dots, commas or case; apostrophes kept."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[.,]", " ", text.replace("’", "'")).replace("–", "-")
    return " ".join(text.lower().split())


def full_forms(form: str) -> tuple[str, str] | None:
    """('Walter S. Robertson', 'Walter') for 'Robertson, Walter S.' (titles dropped), else None."""
    form = re.sub(r"\([^)]*\)", " ", form).strip(" .")
    if "," in form:
        surname, rest = (p.strip() for p in form.split(",", 1))
        suffix = ""
        m = re.search(r",?\s*\b(Jr|Sr|II|III)\.?$", rest)
        if m:
            suffix, rest = f", {m.group(1)}.".replace("I.", "I"), rest[: m.start()].strip(" ,")
        words = [w for w in rest.split() if w.strip(".") not in TITLE_WORDS]
        if not words or not surname or "," in rest:
            return None
        return " ".join(words) + " " + surname + suffix, words[0]
    words = form.split()
    if len(words) < 2 or words[0].strip(".") in TITLE_WORDS:
        return None
    return " ".join(words), words[0]


def _east_asian_surname(form: str) -> str:
    """'Wang' of 'Wang Bingnan' (an East Asian name, surname first, written without a comma)."""
    from .shapes import SURNAMES_EAST_ASIA

    words = form.split()
    return words[0] if 2 <= len(words) <= 3 and words[0] in SURNAMES_EAST_ASIA else ""


def build_hsg(source: Path) -> None:
    ids_of: dict[str, set[str]] = defaultdict(set)
    given_by: dict[str, set[str]] = defaultdict(set)
    surnames: set[str] = set()
    for line in source.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        pid, names = cols[0], cols[1]
        for form in names.split(" | "):
            surname = form.split(",")[0].strip() if "," in form else _east_asian_surname(form)
            if re.fullmatch(r"(?:Ma?c|O')?[A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-Z][a-zß-ÿ]+)?", surname):
                surnames.add(surname)
            found = full_forms(form)
            if not found:
                continue
            full, given = found
            if len(full.split()) >= 2:
                ids_of[name_key(full)].add(pid)
                ids_of[name_key(re.sub(r",? (Jr|Sr)\.$", "", full))].add(pid)
            if re.fullmatch(r"[A-Z][a-zà-ÿ]{2,}", given):
                given_by[given].add(pid)
    lines = [f"{key}\t{','.join(sorted(ids))}" for key, ids in sorted(ids_of.items())]
    header = "# derived from ../shared/ner/hsg-people.tsv (HistoryAtState/people 4d7a578, public domain) by teikit.entities.build_data\n"
    (DATA / "hsg-people.tsv").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    (DATA / "surnames.txt").write_text(
        "# surnames of ../shared/ner/hsg-people.tsv (teikit.entities.build_data)\n"
        + "\n".join(sorted(surnames - NOT_SURNAMES)) + "\n", encoding="utf-8")
    given = sorted(g for g, ids in given_by.items() if len(ids) >= 2 and g not in NOT_GIVEN)
    (DATA / "given-names.txt").write_text(
        "# first given names of at least two people of ../shared/ner/hsg-people.tsv (teikit.entities.build_data)\n"
        + "\n".join(given) + "\n", encoding="utf-8")


def build_countries() -> None:
    import pycountry

    lines = []
    for c in pycountry.countries:
        names = [c.name] + [getattr(c, a) for a in ("common_name", "official_name") if getattr(c, a, None)]
        names = [n for n in dict.fromkeys(names) if "," not in n and "(" not in n]
        lines.append(f"{c.alpha_3}\t{' | '.join(names)}")
    header = f"# ISO 3166-1 states from pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''} (teikit.entities.build_data)\n"
    (DATA / "countries.tsv").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build_hsg(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/ner/hsg-people.tsv"))
    build_countries()
