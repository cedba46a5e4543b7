"""One SQLite file holds the team, the saved rosters, their audit trail and the settings (SPEC §2.14).

* Default location ``platformdirs.user_data_dir("roster", "Shichahai12345")/roster.db``; any path may be given.
* ``PRAGMA journal_mode=WAL``; the schema version is ``PRAGMA user_version`` and :data:`MIGRATIONS` lists
  the steps, applied in one transaction.
* Before anything touches an existing file it is checked read-only (``quick_check``, schema version, a
  write-lock probe) and copied to ``roster.db.bak`` with the sqlite3 backup API.  A file that fails
  the check is left exactly as it was and the previous ``.bak`` is kept.
* Every save runs in one ``BEGIN IMMEDIATE`` … ``COMMIT`` transaction; an exception rolls it back.

Problems reach the user as :class:`StoreError`: a Chinese sentence naming the file and what is wrong,
with ``kind`` in ``{"corrupt", "locked", "newer_schema", "io"}``.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from .model import Roster, Scenario
from .scenario_io import InputError, roster_from_dict, roster_to_dict, scenario_from_dict, scenario_to_dict

APP_NAME = "roster"
APP_AUTHOR = "Shichahai12345"
DB_NAME = "roster.db"
BACKUP_SUFFIX = ".bak"

# Each entry upgrades the schema from version i to i + 1.  Never edit a released entry; append.
MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [
    """
    CREATE TABLE scenario (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL,
        saved_at TEXT NOT NULL
    );
    CREATE TABLE staff (
        scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
        staff_id TEXT NOT NULL,
        name TEXT NOT NULL,
        employee_no TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1,
        data TEXT NOT NULL,
        PRIMARY KEY (scenario_id, staff_id)
    );
    CREATE TABLE roster (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        start TEXT NOT NULL,
        days INTEGER NOT NULL,
        scenario_id INTEGER REFERENCES scenario(id) ON DELETE SET NULL,
        data TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        roster_id INTEGER,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX audit_roster ON audit(roster_id, id);
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
#: scenario versions kept by :meth:`Store.save_scenario` (older ones are kept only if a roster uses them)
KEEP_SCENARIO_VERSIONS = 50


class StoreError(Exception):
    """A storage problem for the user; ``kind`` is "corrupt", "locked", "newer_schema" or "io"."""

    def __init__(self, message: str, *, kind: str, path: str | os.PathLike | None = None) -> None:
        self.kind = kind
        self.path = str(path) if path is not None else None
        super().__init__(message)


class RosterInfo(NamedTuple):
    id: int
    name: str
    start: dt.date
    days: int
    saved_at: dt.datetime


def default_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / DB_NAME


def backup_path(path: str | os.PathLike) -> Path:
    p = Path(path)
    return p.with_name(p.name + BACKUP_SUFFIX)


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service environments
        return "unknown"


def _classify(exc: BaseException) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "locked"
    if any(w in text for w in ("not a database", "malformed", "corrupt", "disk image", "encrypted")):
        return "corrupt"
    return "io"


def _error(exc: BaseException, path: str | os.PathLike, doing: str) -> StoreError:
    kind = _classify(exc)
    what = {
        "locked": "数据库正被另一个程序（或另一个排班窗口）锁定，请关闭它后重试",
        "corrupt": f"文件已损坏或不是排班数据库，可用备份 {backup_path(path).name} 恢复",
        "io": "读写失败",
    }[kind]
    return StoreError(f"{doing}数据文件 {path} 时出错：{what}（{exc}）", kind=kind, path=path)


def _ro_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def _check_existing(path: Path, timeout: float) -> None:
    """Read-only checks of an existing file; raises StoreError and never writes to it."""
    try:
        con = sqlite3.connect(_ro_uri(path), uri=True, timeout=timeout)
    except sqlite3.Error as e:
        raise _error(e, path, "打开") from e
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"数据文件 {path} 由更新版本的排班程序创建（数据结构版本 {version}，本程序支持到 {SCHEMA_VERSION}），"
                "请升级程序后再打开；文件未被改动。",
                kind="newer_schema", path=path)
        result = [r[0] for r in con.execute("PRAGMA quick_check").fetchall()]
        if result != ["ok"]:
            raise StoreError(
                f"数据文件 {path} 已损坏（完整性检查：{'; '.join(map(str, result[:3]))}），"
                f"可用备份 {backup_path(path).name} 恢复；文件未被改动。",
                kind="corrupt", path=path)
    except sqlite3.Error as e:
        raise _error(e, path, "检查") from e
    finally:
        con.close()


def _sqlite_copy(src: Path, dst: Path, timeout: float) -> None:
    """Copy the database ``src`` (opened read-only) into the file ``dst`` with the sqlite3 backup API."""
    s = sqlite3.connect(_ro_uri(src), uri=True, timeout=timeout)
    try:
        d = sqlite3.connect(dst)
        try:
            s.backup(d)
        finally:
            d.close()
    finally:
        s.close()


def _backup_file(src: Path, dst: Path, timeout: float) -> None:
    """Copy ``src`` to ``dst`` with the sqlite3 backup API (consistent even in WAL mode)."""
    tmp = dst.with_name(dst.name + ".tmp")
    try:
        _sqlite_copy(src, tmp, timeout)
        os.replace(tmp, dst)
    except (sqlite3.Error, OSError) as e:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise _error(e, src, "备份") from e


class Store:
    """The application's SQLite store.  Use :meth:`open`; close with :meth:`close` or ``with``."""

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self._con = con
        self.path = path

    # ------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, timeout: float = 5.0, backup: bool = True) -> Store:
        """Open (or create) the store; an existing file is checked and backed up before it is touched."""
        p = Path(path) if path is not None else default_path()
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"无法创建数据目录 {p.parent}：{e.strerror or e}", kind="io", path=p) from e
        existed = p.exists() and p.stat().st_size > 0
        if existed:
            _check_existing(p, timeout)
            if backup:
                _backup_file(p, backup_path(p), timeout)
        try:
            con = sqlite3.connect(p, timeout=timeout, isolation_level=None)
        except sqlite3.Error as e:
            raise _error(e, p, "打开") from e
        store = cls(con, p)
        try:
            # a write lock held by someone else shows up here, before any change is made
            con.execute("BEGIN IMMEDIATE")
            con.execute("ROLLBACK")
            mode = con.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise sqlite3.OperationalError(f"database is locked (journal_mode stayed {mode})")
            con.execute("PRAGMA foreign_keys=ON")
            con.execute("PRAGMA synchronous=NORMAL")
            store._migrate()
        except StoreError:
            con.close()
            raise
        except sqlite3.Error as e:
            con.close()
            raise _error(e, p, "打开") from e
        return store

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None  # type: ignore[assignment]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._con.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version
        if current > SCHEMA_VERSION:  # raced with a newer app between check and open
            raise StoreError(f"数据文件 {self.path} 的数据结构版本 {current} 比本程序新，请升级程序。",
                             kind="newer_schema", path=self.path)
        if current == SCHEMA_VERSION:
            return
        with self._tx("升级"):
            for step in MIGRATIONS[current:]:
                if callable(step):
                    step(self._con)
                else:
                    for stmt in _statements(step):
                        self._con.execute(stmt)
            self._con.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    @contextmanager
    def _tx(self, doing: str = "保存") -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction; any exception rolls everything back."""
        con = self._con
        if con is None:
            raise StoreError(f"数据文件 {self.path} 已关闭", kind="io", path=self.path)
        try:
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise _error(e, self.path, doing) from e
        try:
            yield con
        except BaseException as exc:
            con.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _error(exc, self.path, doing) from exc
            raise
        else:
            try:
                con.execute("COMMIT")
            except sqlite3.Error as e:
                con.execute("ROLLBACK")
                raise _error(e, self.path, doing) from e

    def _read(self, sql: str, args: tuple = ()) -> list[sqlite3.Row | tuple]:
        try:
            return self._con.execute(sql, args).fetchall()
        except sqlite3.Error as e:
            raise _error(e, self.path, "读取") from e

    # ------------------------------------------------------------ scenario

    def save_scenario(self, scenario: Scenario, *, keep: int = KEEP_SCENARIO_VERSIONS) -> int:
        """Store the whole team/rules as a new version (JSON) plus one row per staff; returns its id.

        Versions beyond the newest ``keep`` that no saved roster refers to are dropped in the same
        transaction, so autosave does not grow the file without bound.
        """
        data = scenario_to_dict(scenario)
        with self._tx() as con:
            cur = con.execute("INSERT INTO scenario(name, data, saved_at) VALUES (?, ?, ?)",
                              (scenario.name, json.dumps(data, ensure_ascii=False), _now()))
            sid = int(cur.lastrowid)
            for person in data["staff"]:
                con.execute("INSERT INTO staff(scenario_id, staff_id, name, employee_no, active, data) "
                            "VALUES (?, ?, ?, ?, ?, ?)", _staff_row(sid, person))
            if keep > 0:
                old = "SELECT id FROM scenario ORDER BY id DESC LIMIT -1 OFFSET ?"
                unused = "id NOT IN (SELECT scenario_id FROM roster WHERE scenario_id IS NOT NULL)"
                con.execute(f"DELETE FROM staff WHERE scenario_id IN ({old}) AND scenario_id IN "
                            f"(SELECT id FROM scenario WHERE {unused})", (keep,))
                con.execute(f"DELETE FROM scenario WHERE id IN ({old}) AND {unused}", (keep,))
        return sid

    def load_scenario(self, scenario_id: int | None = None) -> Scenario | None:
        """The latest saved scenario (or the given version); None when none was saved."""
        if scenario_id is None:
            rows = self._read("SELECT id, data FROM scenario ORDER BY id DESC LIMIT 1")
        else:
            rows = self._read("SELECT id, data FROM scenario WHERE id = ?", (scenario_id,))
        if not rows:
            return None
        sid, text = rows[0]
        where = f"{self.path}#scenario/{sid}"
        try:
            sc, _warnings = scenario_from_dict(json.loads(text), file=where, lenient=True)
        except (json.JSONDecodeError, InputError) as e:
            raise StoreError(f"数据文件 {self.path} 中的团队数据（第 {sid} 版）已损坏：{e}", kind="corrupt",
                             path=self.path) from e
        return sc

    def scenario_versions(self) -> list[tuple[int, dt.datetime]]:
        """(id, saved at) of every saved scenario version, newest first."""
        rows = self._read("SELECT id, saved_at FROM scenario ORDER BY id DESC")
        return [(r[0], dt.datetime.fromisoformat(r[1])) for r in rows]

    def latest_scenario_id(self) -> int | None:
        rows = self._read("SELECT MAX(id) FROM scenario")
        return rows[0][0] if rows and rows[0][0] is not None else None

    def staff_rows(self, scenario_id: int | None = None) -> list[dict]:
        """Staff of a scenario version (default latest) as queried rows."""
        sid = scenario_id if scenario_id is not None else self.latest_scenario_id()
        rows = self._read("SELECT staff_id, name, employee_no, active FROM staff WHERE scenario_id = ? "
                          "ORDER BY rowid", (sid,))
        return [{"id": r[0], "name": r[1], "employee_no": r[2], "active": bool(r[3])} for r in rows]

    # ------------------------------------------------------------ rosters

    def save_roster(self, name: str, roster: Roster, *, scenario_id: int | None = None,
                    user: str | None = None) -> int:
        """Save a new roster (and its "create" audit row) in one transaction; returns its id."""
        text = json.dumps(roster_to_dict(roster), ensure_ascii=False)
        now = _now()
        with self._tx() as con:
            cur = con.execute(
                "INSERT INTO roster(name, start, days, scenario_id, data, saved_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (name, roster.start.isoformat(), roster.days, scenario_id, text, now, now))
            rid = int(cur.lastrowid)
            _audit(con, rid, "create", f"新建排班 {name}（{roster.start} 起 {roster.days} 天）", user)
        return rid

    def update_roster(self, roster_id: int, roster: Roster, *, action: str, detail: Any = "",
                      user: str | None = None) -> None:
        """Replace a roster's content and append the audit row, atomically."""
        text = json.dumps(roster_to_dict(roster), ensure_ascii=False)
        with self._tx() as con:
            cur = con.execute("UPDATE roster SET data = ?, start = ?, days = ?, updated_at = ? WHERE id = ?",
                              (text, roster.start.isoformat(), roster.days, _now(), roster_id))
            if cur.rowcount != 1:
                raise KeyError(f"排班 {roster_id} 不存在")
            _audit(con, roster_id, action, detail, user)

    def list_rosters(self) -> list[RosterInfo]:
        rows = self._read("SELECT id, name, start, days, saved_at FROM roster ORDER BY id")
        return [RosterInfo(r[0], r[1], dt.date.fromisoformat(r[2]), r[3], dt.datetime.fromisoformat(r[4]))
                for r in rows]

    def load_roster(self, roster_id: int) -> Roster:
        rows = self._read("SELECT data FROM roster WHERE id = ?", (roster_id,))
        if not rows:
            raise KeyError(f"排班 {roster_id} 不存在")
        try:
            return roster_from_dict(json.loads(rows[0][0]), file=f"{self.path}#roster/{roster_id}")
        except (json.JSONDecodeError, InputError) as e:
            raise StoreError(f"数据文件 {self.path} 中的排班 {roster_id} 已损坏：{e}", kind="corrupt",
                             path=self.path) from e

    def roster_scenario_id(self, roster_id: int) -> int | None:
        rows = self._read("SELECT scenario_id FROM roster WHERE id = ?", (roster_id,))
        return rows[0][0] if rows else None

    def delete_roster(self, roster_id: int, *, user: str | None = None) -> None:
        """Delete a roster; its audit trail stays, with a "delete" row appended."""
        with self._tx() as con:
            row = con.execute("SELECT name FROM roster WHERE id = ?", (roster_id,)).fetchone()
            if row is None:
                raise KeyError(f"排班 {roster_id} 不存在")
            con.execute("DELETE FROM roster WHERE id = ?", (roster_id,))
            _audit(con, roster_id, "delete", f"删除排班 {row[0]}", user)

    # ------------------------------------------------------------ audit

    def record_audit(self, roster_id: int | None, action: str, detail: Any = "", user: str | None = None) -> int:
        with self._tx() as con:
            return _audit(con, roster_id, action, detail, user)

    def audit(self, roster_id: int | None = None) -> list[dict]:
        """Audit rows (oldest first) of one roster, or of all rosters when ``roster_id`` is None."""
        if roster_id is None:
            rows = self._read("SELECT id, roster_id, at, user, action, detail FROM audit ORDER BY id")
        else:
            rows = self._read("SELECT id, roster_id, at, user, action, detail FROM audit WHERE roster_id = ? "
                              "ORDER BY id", (roster_id,))
        out = []
        for r in rows:
            detail: Any = r[5]
            if detail.startswith(("{", "[")):
                try:
                    detail = json.loads(detail)
                except json.JSONDecodeError:
                    pass
            out.append({"id": r[0], "roster_id": r[1], "at": dt.datetime.fromisoformat(r[2]), "user": r[3],
                        "action": r[4], "detail": detail})
        return out

    # ------------------------------------------------------------ settings

    def get_setting(self, key: str, default: Any = None) -> Any:
        rows = self._read("SELECT value FROM settings WHERE key = ?", (key,))
        if not rows:
            return default
        try:
            return json.loads(rows[0][0])
        except json.JSONDecodeError:
            return default

    def set_setting(self, key: str, value: Any) -> None:
        text = json.dumps(value, ensure_ascii=False)
        with self._tx() as con:
            con.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, text))

    def settings(self) -> dict[str, Any]:
        out = {}
        for k, v in self._read("SELECT key, value FROM settings ORDER BY key"):
            try:
                out[k] = json.loads(v)
            except json.JSONDecodeError:
                continue
        return out

    # ------------------------------------------------------------ backup

    def backup_to(self, dst: str | os.PathLike) -> None:
        """Consistent copy of the open store (e.g. "另存备份")."""
        tmp = Path(dst).with_name(Path(dst).name + ".tmp")
        try:
            d = sqlite3.connect(tmp)
            try:
                self._con.backup(d)
            finally:
                d.close()
            os.replace(tmp, dst)
        except (sqlite3.Error, OSError) as e:
            raise _error(e, dst, "备份") from e

    @staticmethod
    def restore_backup(path: str | os.PathLike | None = None, *, timeout: float = 5.0) -> Path:
        """Replace ``path`` with its ``.bak`` copy; the replaced file is kept as ``.broken-<time>``.

        Returns the path the old file was moved to (or the target path if there was no old file).
        Call it while no :class:`Store` has the file open.
        """
        p = Path(path) if path is not None else default_path()
        bak = backup_path(p)
        if not bak.exists():
            raise StoreError(f"找不到备份文件 {bak}，无法恢复 {p}", kind="io", path=bak)
        _check_existing(bak, timeout)
        if p.exists():
            _refuse_if_locked(p, timeout)
        tmp = p.with_name(p.name + ".restore.tmp")
        kept = p
        try:
            _sqlite_copy(bak, tmp, timeout)
            if p.exists():
                kept = p.with_name(f"{p.name}.broken-{dt.datetime.now():%Y%m%d-%H%M%S}")
                os.replace(p, kept)
            # a stale WAL of the replaced file must not be replayed onto the restored one
            for suffix in ("-wal", "-shm"):
                side = p.with_name(p.name + suffix)
                if not side.exists():
                    continue
                if kept != p:
                    os.replace(side, kept.with_name(kept.name + suffix))
                else:
                    side.unlink()
            os.replace(tmp, p)
        except (sqlite3.Error, OSError) as e:
            try:
                tmp.unlink()
            except OSError:
                pass
            raise _error(e, p, "恢复") from e
        return kept


def _refuse_if_locked(path: Path, timeout: float) -> None:
    """Raise StoreError("locked") when another connection holds a lock on ``path`` (never writes)."""
    try:
        con = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
    except sqlite3.Error as e:
        if _classify(e) == "locked":
            raise _error(e, path, "恢复") from e
    finally:
        con.close()


def _staff_row(scenario_id: int, person: dict) -> tuple:
    return (scenario_id, person["id"], person["name"], person.get("employee_no", ""),
            int(bool(person.get("active", True))), json.dumps(person, ensure_ascii=False))


def _audit(con: sqlite3.Connection, roster_id: int | None, action: str, detail: Any, user: str | None) -> int:
    text = detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False, default=str)
    cur = con.execute("INSERT INTO audit(roster_id, at, user, action, detail) VALUES (?, ?, ?, ?, ?)",
                      (roster_id, _now(), user or _user(), action, text))
    return int(cur.lastrowid)


def _statements(script: str) -> list[str]:
    """Split a migration script on ';' at statement ends (the schema has no ';' inside literals)."""
    out, buf = [], []
    for line in script.splitlines():
        buf.append(line)
        if sqlite3.complete_statement("\n".join(buf)):
            stmt = "\n".join(buf).strip()
            if stmt.strip(";").strip():
                out.append(stmt)
            buf = []
    rest = "\n".join(buf).strip()
    if rest:
        out.append(rest)
    return out
