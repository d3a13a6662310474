"""A synthetic corpus made by varying the sample record (for benchmarks only).

Variations: paragraphs shuffled, entities renamed (consistently in both languages), dates
changed, English-only variants (no original), and sizes from about 1 KB to 1 MB.

    python bench/synth.py OUT_DIR --records 1000 [--seed 1]
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "corpus" / "wilson-110390.txt"

RENAMES = [
    ("Zhou Enlai", "周恩来"), ("Liu Shaoqi", "刘少奇"), ("Zhu De", "朱德"), ("Chen Yun", "陈云"),
    ("Peng Dehuai", "彭德怀"), ("Gao Gang", "高岗"), ("Deng Xiaoping", "邓小平"), ("Wang Jiaxiang", "王稼祥"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ZH_MONTHS = "一二三四五六七八九十"


def split_sample(text: str) -> tuple[str, list[str], str, list[str]]:
    """(metadata block, English paragraphs, original heading block, original paragraphs)."""
    meta, body = re.split(r"(?m)^- Scan of Original Document\n", text, maxsplit=1)
    meta += "- Scan of Original Document\n"
    english, original = body.split("\n# ", 1)
    heading, _, zh = original.partition("\n\n")
    return meta, _paras(english), "# " + heading, _paras(zh)


def _paras(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def variant(text: str, rng: random.Random, index: int) -> str:
    meta, en, heading, zh = split_sample(text)
    body_en, closer_en = en[1:-2], en[-2:]
    rng.shuffle(body_en)
    target_kb = _target_size_kb(rng)
    en_body = _resize(body_en, target_kb * 1024 // (2 if zh else 1), rng)
    zh_body = _resize(zh[1:-2], target_kb * 1024 // 2, rng)
    english_only = rng.random() < 0.2
    parts = [meta, en[0], *en_body, *closer_en]
    if not english_only:
        parts += [heading, zh[0], *zh_body, *zh[-2:]]
    out = "\n\n".join(parts) + "\n"
    out = _rename(out, rng)
    out = _redate(out, rng)
    return out.replace("/document/110390", f"/document/{900000 + index}")


def _target_size_kb(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.001:
        return 1024
    if roll < 0.01:
        return rng.randint(64, 256)
    if roll < 0.2:
        return 1
    return rng.randint(4, 12)


def _resize(paragraphs: list[str], target_bytes: int, rng: random.Random) -> list[str]:
    if not paragraphs:
        return []
    out: list[str] = []
    size = 0
    while size < target_bytes or not out:
        p = rng.choice(paragraphs)
        out.append(p)
        size += len(p.encode("utf-8"))
        if target_bytes <= 1024:
            break
    return out


def _rename(text: str, rng: random.Random) -> str:
    en, zh = rng.choice(RENAMES)
    return text.replace("Zhou Enlai", en).replace("周恩来", zh)


def _redate(text: str, rng: random.Random) -> str:
    month = rng.randrange(12)
    day = rng.randint(1, 28)
    year = rng.randint(1945, 1965)
    text = text.replace("January 02, 1950", f"{MONTHS[month]} {day:02d}, {year}")
    text = re.sub(r"\bJanuary\b", MONTHS[month], text)
    text = text.replace("一九五〇年", "一九" + "".join("〇一二三四五六七八九"[int(d)] for d in str(year)[2:]) + "年")
    return text.replace("一月", ZH_MONTHS[month] + "月" if month < 10 else "十" + ZH_MONTHS[month - 10] + "月")


def make_corpus(out_dir: Path, records: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    text = SAMPLE.read_text(encoding="utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(records):
        path = out_dir / f"rec{i:05d}.txt"
        path.write_text(variant(text, rng, i), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = make_corpus(args.out_dir, args.records, args.seed)
    sizes = sorted(p.stat().st_size for p in paths)
    print(f"{len(paths)} records, {sum(sizes) / 1e6:.1f} MB, sizes {sizes[0]} B .. {sizes[-1]} B")


if __name__ == "__main__":
    main()
