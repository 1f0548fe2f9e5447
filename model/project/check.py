"""A project file is untrusted input: its schema and its values are checked before use.

SQLite keeps a database's schema in the file itself, and a schema can hold
expressions: generated columns, CHECK constraints, defaults, views, triggers.
Reading rows would run them (a generated ``zeroblob(900000000)`` column costs
gigabytes).  So before any row is read, :func:`check_schema` compares
``sqlite_master`` and ``PRAGMA table_xinfo`` with the schema this version
writes: the expected tables and columns only, no expression anywhere (every
word of each ``CREATE TABLE`` must be a name or one of the few keywords the app
writes), no views, triggers or other indexes than SQLite's own.
:func:`check_value_types` then checks every stored value against its column's
type in one pass per table, and :func:`parse_json` caps the size and nesting
of the JSON fields.  Every problem is a :class:`ValueError` naming the table,
column and row, which the caller turns into a ``ProjectError``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from model.project.format import SCHEMA

#: the tables whose columns are fixed (``statements`` has one column per statement field)
FIXED_SCHEMA_TABLES = ("meta", "documents", "decisions", "notes", "aliases", "topic_cues", "view_settings")
STATEMENTS = "statements"
#: a statements table may carry fields a newer build added, up to this many columns
MAX_STATEMENT_COLUMNS = 200
#: JSON fields: longest text, deepest nesting, most entries
MAX_JSON_CHARS = {"meta": 1_000_000, "values": 100_000, "view": 100_000}
MAX_JSON_DEPTH = 16
MAX_VIEW_SETTINGS = 1_000
MAX_META_CHARS = 100_000

_KEYWORDS = frozenset({"CREATE", "TABLE", "INTEGER", "TEXT", "REAL", "NOT", "NULL", "UNIQUE", "PRIMARY", "KEY"})
_TOKEN = re.compile(r'\s+|"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_]*|[(),]|.', re.S)
_STORED = {"TEXT": ("text", "null"), "INTEGER": ("integer", "null"), "REAL": ("real", "integer", "null")}


@cache
def expected_columns() -> dict[str, tuple[tuple[Any, ...], ...]]:
    """``PRAGMA table_xinfo`` of each fixed table as this version creates it."""
    con = sqlite3.connect(":memory:")
    try:
        con.executescript(SCHEMA)
        return {t: tuple(_xinfo(con, t)) for t in FIXED_SCHEMA_TABLES}
    finally:
        con.close()


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _xinfo(con: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    """(name, declared type, not null, default, primary key, hidden) of each column."""
    return [(r[1], str(r[2]).upper(), r[3], r[4], r[5], r[6]) for r in con.execute(f"PRAGMA table_xinfo({_q(table)})")]


def check_schema(con: sqlite3.Connection) -> None:
    """Raise :class:`ValueError` unless the schema is exactly one this version writes (no row is read)."""
    rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    tables: dict[str, str] = {}
    for kind, name, table, sql in rows:
        if kind == "table" and name in (*FIXED_SCHEMA_TABLES, STATEMENTS):
            tables[name] = sql or ""
        elif kind == "index" and sql is None and str(name).startswith("sqlite_autoindex_") \
                and table in FIXED_SCHEMA_TABLES:
            continue  # SQLite's own index behind a UNIQUE or PRIMARY KEY column
        else:
            raise ValueError(f"unexpected {kind} '{name}' in the file (projects hold only their own tables)")
    expected = expected_columns()
    for table, sql in tables.items():
        columns = _xinfo(con, table)
        names = {c[0] for c in columns}
        _check_create_words(table, sql, names)
        if any(c[5] for c in columns):
            raise ValueError(f"table '{table}' has a generated or hidden column")
        if table in expected and tuple(columns) != expected[table]:
            raise ValueError(f"table '{table}' does not have the columns of a project")
        if table == STATEMENTS:
            _check_statement_columns(columns)


def _check_create_words(table: str, sql: str, names: set[str]) -> None:
    """Every word of the ``CREATE TABLE`` is a keyword the app writes or a name: no expression, constraint or option."""
    allowed = {n.upper() for n in names} | {table.upper()} | _KEYWORDS
    for token in _TOKEN.findall(sql):
        if token.isspace() or token.startswith('"') or token in "(),":
            continue
        if token.upper() not in allowed:
            raise ValueError(f"table '{table}' is declared with '{token[:40]}', which projects never use")


def _check_statement_columns(columns: list[tuple[Any, ...]]) -> None:
    if len(columns) > MAX_STATEMENT_COLUMNS:
        raise ValueError(f"table 'statements' has {len(columns)} columns (at most {MAX_STATEMENT_COLUMNS})")
    if not columns or columns[0] != ("ord", "INTEGER", 0, None, 1, 0):
        raise ValueError("table 'statements' does not start with its row number column")
    for name, kind, notnull, default, pk, _hidden in columns[1:]:
        if kind not in _STORED or notnull or default is not None or pk:
            raise ValueError(f"statement column '{name}' is declared as '{kind}', which projects never use")


def check_value_types(con: sqlite3.Connection, tables: Iterable[str]) -> None:
    """Raise :class:`ValueError` naming the first value whose stored type does not fit its column."""
    for table in tables:
        columns = [(c[0], c[1]) for c in _xinfo(con, table)]
        tests = [(name, f"typeof({_q(name)}) NOT IN ({', '.join(repr(t) for t in _STORED[kind])})")
                 for name, kind in columns if kind in _STORED]
        if not tests:
            continue
        bad = con.execute(f"SELECT rowid, {', '.join(t for _, t in tests)} FROM {_q(table)} "
                          f"WHERE {' OR '.join(t for _, t in tests)} LIMIT 1").fetchone()
        if bad is not None:
            column = next(name for (name, _), flag in zip(tests, bad[1:], strict=True) if flag)
            kind = dict(columns)[column].lower()
            raise ValueError(f"row {bad[0]} of table '{table}': column '{column}' does not hold {kind}")


def parse_json(text: str, what: str, kind: str) -> Any:
    """``text`` parsed, refused with a plain reason when too long, too deep or not JSON."""
    limit = MAX_JSON_CHARS[kind]
    if len(text) > limit:
        raise ValueError(f"{what} is {len(text):,} characters long (at most {limit:,})")
    try:
        value = json.loads(text)
    except RecursionError:
        raise ValueError(f"{what} is nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{what} is not valid JSON ({exc.msg})") from None
    if _depth(value) > MAX_JSON_DEPTH:
        raise ValueError(f"{what} is nested more than {MAX_JSON_DEPTH} levels deep")
    return value


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level <= MAX_JSON_DEPTH:
                stack.extend((v, level + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


_META_TEXT = ("title", "date", "source", "url", "path", "encoding", "speaker_country", "dateline",
              "byline", "section", "length")


def document_meta(value: Any, doc_id: str) -> dict[str, Any]:
    """The metadata of a stored document, each known field of the type :class:`Document` needs."""
    what = f"the metadata of document '{doc_id[:80]}'"
    if not isinstance(value, dict):
        raise ValueError(f"{what} is not a JSON object")
    out: dict[str, Any] = {}
    for key in _META_TEXT:
        v = value.get(key)
        if v is not None and not isinstance(v, str):
            raise ValueError(f"{what}: '{key}' is not text")
        out[key] = v
    fmt = value.get("format", "txt")
    if not isinstance(fmt, str):
        raise ValueError(f"{what}: 'format' is not text")
    out["format"] = fmt
    also = value.get("also_sources", [])
    if not isinstance(also, list) or not all(isinstance(s, str) for s in also):
        raise ValueError(f"{what}: 'also_sources' is not a list of texts")
    pages = value.get("pages", [])
    if not isinstance(pages, list) or not all(isinstance(p, int) and not isinstance(p, bool) and p >= 0
                                              for p in pages):
        raise ValueError(f"{what}: 'pages' is not a list of offsets")
    out["also_sources"], out["pages"] = tuple(also), tuple(pages)
    return out


def decision_values(value: Any, decision_id: str) -> dict[str, Any]:
    """The ``values`` of a stored decision: an object of plain values."""
    what = f"the values of decision '{decision_id[:80]}'"
    if not isinstance(value, dict):
        raise ValueError(f"{what} are not a JSON object")
    for k, v in value.items():
        if v is not None and not isinstance(v, str | int | float):
            raise ValueError(f"{what}: '{k[:40]}' is not a plain value")
    return value


def view_settings(rows: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The stored view settings, capped in number, size and nesting."""
    out: dict[str, Any] = {}
    for key, text in rows:
        if len(out) >= MAX_VIEW_SETTINGS:
            raise ValueError(f"there are more than {MAX_VIEW_SETTINGS} view settings")
        out[key] = parse_json(text, f"view setting '{key[:80]}'", "view")
    return out


def meta_entries(rows: Iterable[tuple[str, str]]) -> Mapping[str, str]:
    """The stored meta entries (app, saved_at …), each capped in size."""
    out: dict[str, str] = {}
    for key, value in rows:
        if len(key) + len(value) > MAX_META_CHARS:
            raise ValueError(f"meta entry '{key[:80]}' is {len(value):,} characters long (at most {MAX_META_CHARS:,})")
        out[key] = value
    return out
