"""The site's manifest and index on disk (SQLite, in SITE/.teikit-site/site.db): each
document's input hash and metadata, its mentions and the authority records it carries.

Kept on disk rather than in memory so that a 10,000-record site builds in flat memory (the
registers are written one entity at a time from an indexed query), and so that a rebuild knows
which records changed and which pages depend on them.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs (slug TEXT PRIMARY KEY, source TEXT, hash TEXT, sortkey TEXT,
                                 info TEXT, pager TEXT DEFAULT '');
CREATE TABLE IF NOT EXISTS mentions (key TEXT, slug TEXT, sid TEXT, lang TEXT, name TEXT, context TEXT);
CREATE INDEX IF NOT EXISTS mentions_key ON mentions (key);
CREATE INDEX IF NOT EXISTS mentions_slug ON mentions (slug);
CREATE TABLE IF NOT EXISTS entities (key TEXT, slug TEXT, data TEXT);
CREATE INDEX IF NOT EXISTS entities_key ON entities (key);
CREATE INDEX IF NOT EXISTS entities_slug ON entities (slug);
"""


class Store:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path))
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def get_meta(self, name: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM meta WHERE name=?", (name,)).fetchone()
        return row[0] if row else default

    def set_meta(self, name: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))

    def hashes(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT slug, hash FROM docs"))

    def keys_of(self, slug: str) -> set[str]:
        """The entity keys a document mentions or carries."""
        rows = self.db.execute("SELECT key FROM mentions WHERE slug=? UNION SELECT key FROM entities WHERE slug=?",
                               (slug, slug))
        return {r[0] for r in rows}

    def remove(self, slug: str) -> None:
        for table in ("docs", "mentions", "entities"):
            self.db.execute(f"DELETE FROM {table} WHERE slug=?", (slug,))

    def put(self, slug: str, source: str, digest: str, info: dict, mentions: list[dict], entities: dict) -> None:
        """Replace a document's rows."""
        self.remove(slug)
        sortkey = f"{info.get('date') or '9999'}\t{(info.get('title') or '').casefold()}\t{slug}"
        self.db.execute("INSERT INTO docs (slug, source, hash, sortkey, info) VALUES (?,?,?,?,?)",
                        (slug, source, digest, sortkey, json.dumps(info, ensure_ascii=False)))
        self.db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?)",
                            [(m["key"], slug, m["sid"], m["lang"], m["name"], m["context"]) for m in mentions])
        self.db.executemany("INSERT INTO entities VALUES (?,?,?)",
                            [(k, slug, json.dumps(v, ensure_ascii=False)) for k, v in entities.items()])

    def docs(self):
        """(slug, info) of every document in date order."""
        for slug, info in self.db.execute("SELECT slug, info FROM docs ORDER BY sortkey"):
            yield slug, json.loads(info)

    def pagers(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT slug, pager FROM docs"))

    def set_pager(self, slug: str, pager: str) -> None:
        self.db.execute("UPDATE docs SET pager=? WHERE slug=?", (pager, slug))

    def entity_keys(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT key FROM entities ORDER BY key")]

    def entity_records(self, key: str) -> list[dict]:
        """The distinct records of an entity (one per document that carries a different one)."""
        return [json.loads(r[0]) for r in self.db.execute("SELECT DISTINCT data FROM entities WHERE key=?", (key,))]

    def entity_mentions(self, key: str):
        """(slug, sid, lang, name, context) of an entity's mentions, records in date order."""
        return self.db.execute(
            "SELECT m.slug, m.sid, m.lang, m.name, m.context FROM mentions m JOIN docs d ON d.slug = m.slug "
            "WHERE m.key=? ORDER BY d.sortkey, m.rowid", (key,)).fetchall()

    def counts(self) -> dict[str, tuple[int, int]]:
        """key -> (mentions, records)."""
        rows = self.db.execute("SELECT key, COUNT(*), COUNT(DISTINCT slug) FROM mentions GROUP BY key")
        return {k: (n, d) for k, n, d in rows}

    def doc_keys(self):
        """(slug, key) of every document's mentioned entities."""
        return self.db.execute("SELECT DISTINCT slug, key FROM mentions")

    def has_coordinates(self) -> bool:
        row = self.db.execute("SELECT 1 FROM entities WHERE json_extract(data, '$.geo') != '' LIMIT 1").fetchone()
        return row is not None
