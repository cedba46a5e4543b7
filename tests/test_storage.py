"""SQLite store: round trips, audit trail, transactions, and every failure leaving the file untouched."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from roster import storage
from roster.model import Roster, make_assignment
from roster.sample import sample_scenario
from roster.storage import SCHEMA_VERSION, Store, StoreError, backup_path, default_path

D = dt.date.fromisoformat


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_roster(start: str, days: int, seed: int = 0) -> Roster:
    sc = sample_scenario()
    shifts = sc.shift_map()
    out = []
    for i, p in enumerate(sc.staff):
        for k in range(days):
            d = D(start) + dt.timedelta(days=k)
            if (i + k + seed) % 3 == 0:
                continue
            out.append(make_assignment(p.id, d, shifts["DEN"[(i + k + seed) % 3]]))
    return Roster(D(start), days, tuple(out), {"status": "FEASIBLE", "objective": 12.5 + seed}, ({"rule": "x"},))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "roster.db"


@pytest.fixture
def filled(db: Path) -> Path:
    """A closed store holding the sample scenario and three rosters."""
    with Store.open(db) as st:
        sid = st.save_scenario(sample_scenario())
        for n in range(3):
            st.save_roster(f"第{n + 1}期", make_roster("2026-06-01", 28, n), scenario_id=sid, user="tester")
    return db


# ------------------------------------------------------------------ round trips


def test_default_path_under_user_data_dir():
    import platformdirs

    p = default_path()
    assert p.name == "roster.db"
    assert p.parent == Path(platformdirs.user_data_dir("roster", "Shichahai12345"))


def test_new_file_is_wal_and_current_schema(db: Path):
    with Store.open(db) as st:
        assert st.schema_version == SCHEMA_VERSION
        assert st._con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert st.load_scenario() is None
        assert st.list_rosters() == []
    assert not backup_path(db).exists()  # nothing existed, nothing to back up


def test_sample_scenario_round_trip(db: Path):
    sc = sample_scenario()
    with Store.open(db) as st:
        sid = st.save_scenario(sc)
        assert st.load_scenario() == sc
        assert [r["id"] for r in st.staff_rows()] == [p.id for p in sc.staff]
        sc2 = dataclasses.replace(sc, name="第二版", staff=sc.staff[:5])
        sid2 = st.save_scenario(sc2)
        assert sid2 > sid
    with Store.open(db) as st:  # survives reopening
        assert st.load_scenario() == sc2
        assert st.load_scenario(sid) == sc
        assert len(st.staff_rows(sid)) == 13 and len(st.staff_rows()) == 5


def test_several_rosters_round_trip(db: Path):
    rosters = [make_roster("2026-06-01", 28, 0), make_roster("2026-06-29", 7, 1), make_roster("2026-07-06", 91, 2)]
    with Store.open(db) as st:
        sid = st.save_scenario(sample_scenario())
        ids = [st.save_roster(f"R{i}", r, scenario_id=sid) for i, r in enumerate(rosters)]
    with Store.open(db) as st:
        listed = st.list_rosters()
        assert [(x.id, x.name, x.start, x.days) for x in listed] == [
            (ids[0], "R0", D("2026-06-01"), 28), (ids[1], "R1", D("2026-06-29"), 7), (ids[2], "R2", D("2026-07-06"), 91)]
        assert all(isinstance(x.saved_at, dt.datetime) for x in listed)
        for rid, ro in zip(ids, rosters, strict=True):
            back = st.load_roster(rid)
            assert set(back.assignments) == set(ro.assignments)
            assert (back.start, back.days, back.solver, back.violations) == (ro.start, ro.days, ro.solver, ro.violations)
            assert st.roster_scenario_id(rid) == sid
        st.delete_roster(ids[1], user="tester")
        assert [x.id for x in st.list_rosters()] == [ids[0], ids[2]]
        with pytest.raises(KeyError):
            st.load_roster(ids[1])
        with pytest.raises(KeyError):
            st.delete_roster(ids[1])


def test_audit_rows(db: Path):
    ro = make_roster("2026-06-01", 7)
    with Store.open(db) as st:
        rid = st.save_roster("六月", ro, user="组长")
        a0 = ro.assignments[0]
        changed = Roster(ro.start, ro.days, ro.assignments[1:])
        st.update_roster(rid, changed, action="edit", detail={"staff": a0.staff, "date": a0.date.isoformat(),
                                                              "from": a0.shift, "to": "OFF"}, user="组长")
        st.record_audit(rid, "export", "导出 Excel")
        other = st.save_roster("七月", make_roster("2026-07-01", 7))
        assert len(st.load_roster(rid).assignments) == len(ro.assignments) - 1
        rows = st.audit(rid)
        assert [r["action"] for r in rows] == ["create", "edit", "export"]
        assert rows[0]["user"] == "组长" and rows[1]["user"] == "组长"
        assert rows[1]["detail"] == {"staff": a0.staff, "date": a0.date.isoformat(), "from": a0.shift, "to": "OFF"}
        assert rows[2]["detail"] == "导出 Excel" and rows[2]["user"]  # default: the login name
        assert all(isinstance(r["at"], dt.datetime) for r in rows)
        assert [r["roster_id"] for r in st.audit(other)] == [other]
        st.delete_roster(rid)
        assert [r["action"] for r in st.audit(rid)] == ["create", "edit", "export", "delete"]
        assert len(st.audit()) == 5
        with pytest.raises(KeyError):
            st.update_roster(9999, ro, action="edit", detail="")


def test_settings(db: Path):
    with Store.open(db) as st:
        assert st.get_setting("lang", "zh_CN") == "zh_CN"
        st.set_setting("lang", "en")
        st.set_setting("window", {"w": 1200, "h": 800, "tabs": ["排班", "工时"]})
        st.set_setting("lang", "zh_CN")
    with Store.open(db) as st:
        assert st.get_setting("lang") == "zh_CN"
        assert st.get_setting("window") == {"w": 1200, "h": 800, "tabs": ["排班", "工时"]}
        assert st.settings() == {"lang": "zh_CN", "window": {"w": 1200, "h": 800, "tabs": ["排班", "工时"]}}


# ------------------------------------------------------------------ transactions


def test_exception_mid_save_rolls_back(db: Path, monkeypatch: pytest.MonkeyPatch):
    sc = sample_scenario()
    with Store.open(db) as st:
        st.save_scenario(sc)
        calls = {"n": 0}
        real = storage._staff_row

        def failing(scenario_id, person):
            calls["n"] += 1
            if calls["n"] == 5:  # the scenario row and four staff rows are already written
                raise RuntimeError("disk pulled")
            return real(scenario_id, person)

        monkeypatch.setattr(storage, "_staff_row", failing)
        with pytest.raises(RuntimeError):
            st.save_scenario(dataclasses.replace(sc, name="坏的一版"))
        assert calls["n"] == 5
        monkeypatch.undo()
        assert st.load_scenario() == sc
        assert st._con.execute("SELECT COUNT(*) FROM scenario").fetchone()[0] == 1
        assert st._con.execute("SELECT COUNT(*) FROM staff").fetchone()[0] == 13
        # and the store still works afterwards
        st.save_scenario(dataclasses.replace(sc, name="好的一版"))
        assert st.load_scenario().name == "好的一版"


def test_update_roster_is_atomic_with_its_audit_row(db: Path, monkeypatch: pytest.MonkeyPatch):
    ro = make_roster("2026-06-01", 7)
    with Store.open(db) as st:
        rid = st.save_roster("六月", ro)

        def boom(*a, **k):
            raise RuntimeError("audit failed")

        monkeypatch.setattr(storage, "_audit", boom)
        with pytest.raises(RuntimeError):
            st.update_roster(rid, Roster(ro.start, ro.days, ()), action="clear", detail="")
        monkeypatch.undo()
        assert set(st.load_roster(rid).assignments) == set(ro.assignments)
        assert [r["action"] for r in st.audit(rid)] == ["create"]


# ------------------------------------------------------------------ backup on open


def test_open_backs_up_existing_file(filled: Path):
    bak = backup_path(filled)
    assert not bak.exists()
    with Store.open(filled) as st:
        names = [x.name for x in st.list_rosters()]
        st.save_roster("打开后新增", make_roster("2026-09-01", 7))
    # the backup holds the state before this session
    con = sqlite3.connect(bak)
    try:
        assert [r[0] for r in con.execute("SELECT name FROM roster ORDER BY id")] == names
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        con.close()


def test_migrates_an_older_file_after_backing_it_up(db: Path):
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE legacy (a)")
    con.execute("INSERT INTO legacy VALUES (1)")
    con.commit()
    con.close()
    with Store.open(db) as st:
        assert st.schema_version == SCHEMA_VERSION
        st.set_setting("x", 1)
    con = sqlite3.connect(backup_path(db))
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 0
        assert con.execute("SELECT a FROM legacy").fetchall() == [(1,)]
    finally:
        con.close()


def test_failed_migration_leaves_version(db: Path, monkeypatch: pytest.MonkeyPatch):
    def bad_step(con):
        raise sqlite3.OperationalError("no such column: nope")

    monkeypatch.setattr(storage, "MIGRATIONS", [*storage.MIGRATIONS, bad_step])
    monkeypatch.setattr(storage, "SCHEMA_VERSION", len(storage.MIGRATIONS))
    with pytest.raises(StoreError) as e:
        Store.open(db)
    assert e.value.kind == "io"
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 0
        assert con.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'roster'").fetchone()[0] == 0
    finally:
        con.close()


# ------------------------------------------------------------------ failures leave the file unchanged


def _expect_failure(path: Path, kind: str, **kw) -> StoreError:
    before = sha(path)
    with pytest.raises(StoreError) as e:
        Store.open(path, **kw)
    assert e.value.kind == kind
    assert str(path) in str(e.value)  # the message names the file
    assert sha(path) == before, "the original file must not be touched"
    return e.value


def test_random_bytes_is_corrupt(db: Path):
    db.write_bytes(os.urandom(8192))
    err = _expect_failure(db, "corrupt")
    assert "损坏" in str(err)
    assert not backup_path(db).exists()


def test_corrupt_message_names_this_files_backup(tmp_path: Path):
    """The message names the backup of *this* file (GUI review #13: it always said roster.db.bak)."""
    path = tmp_path / "团队.sqlite"
    path.write_bytes(os.urandom(8192))
    err = _expect_failure(path, "corrupt")
    assert "团队.sqlite.bak" in str(err) and "roster.db.bak" not in str(err)


def test_truncated_database_is_corrupt(filled: Path):
    with Store.open(filled):
        pass  # creates a good .bak
    bak_hash = sha(backup_path(filled))
    size = filled.stat().st_size
    assert size >= 4 * 4096
    with open(filled, "r+b") as f:
        f.truncate(size // 2 + 100)
    _expect_failure(filled, "corrupt")
    assert sha(backup_path(filled)) == bak_hash  # the good backup is not overwritten by a broken copy


def test_garbled_page_is_corrupt(filled: Path):
    data = bytearray(filled.read_bytes())
    page = 4096
    data[2 * page + 8: 3 * page] = os.urandom(page - 8)
    filled.write_bytes(bytes(data))
    _expect_failure(filled, "corrupt")


def test_newer_schema_refused(filled: Path):
    con = sqlite3.connect(filled)
    con.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    con.close()
    err = _expect_failure(filled, "newer_schema")
    assert str(SCHEMA_VERSION + 5) in str(err) and "升级" in str(err)


def test_locked_by_exclusive_writer_in_wal_mode(filled: Path):
    other = sqlite3.connect(filled, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        err = _expect_failure(filled, "locked", timeout=0.2)
        assert "锁定" in str(err)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Store.open(filled) as st:  # works again once the lock is gone
        assert len(st.list_rosters()) == 3


def test_locked_rollback_journal_database(filled: Path):
    con = sqlite3.connect(filled)
    assert con.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete"
    con.close()
    other = sqlite3.connect(filled, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO settings VALUES ('k', '1')")
        _expect_failure(filled, "locked", timeout=0.2)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_save_while_another_writer_holds_the_lock(filled: Path):
    with Store.open(filled, timeout=0.2) as st:
        other = sqlite3.connect(filled, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(StoreError) as e:
                st.set_setting("k", 1)
            assert e.value.kind == "locked"
        finally:
            other.execute("ROLLBACK")
            other.close()
        st.set_setting("k", 2)
        assert st.get_setting("k") == 2


def test_unwritable_directory_is_io_error(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as e:
        Store.open(blocker / "sub" / "roster.db")
    assert e.value.kind == "io"


# ------------------------------------------------------------------ restore


def test_restore_backup_after_corruption(filled: Path):
    with Store.open(filled):
        pass  # .bak == the three-roster state
    filled.write_bytes(os.urandom(5000))
    with pytest.raises(StoreError):
        Store.open(filled)
    kept = Store.restore_backup(filled)
    assert kept != filled and kept.exists() and kept.stat().st_size == 5000  # the broken file is kept
    with Store.open(filled) as st:
        assert [x.name for x in st.list_rosters()] == ["第1期", "第2期", "第3期"]
        assert st.load_scenario() == sample_scenario()


def test_restore_without_backup(db: Path):
    with pytest.raises(StoreError) as e:
        Store.restore_backup(db)
    assert e.value.kind == "io" and ".bak" in str(e.value)


def test_backup_to(filled: Path, tmp_path: Path):
    with Store.open(filled) as st:
        st.backup_to(tmp_path / "copy.db")
    with Store.open(tmp_path / "copy.db", backup=False) as st:
        assert len(st.list_rosters()) == 3


def test_corrupt_json_row_reported(filled: Path):
    con = sqlite3.connect(filled)
    con.execute("UPDATE roster SET data = '{broken' WHERE id = 1")
    con.commit()
    con.close()
    with Store.open(filled) as st:
        with pytest.raises(StoreError) as e:
            st.load_roster(1)
        assert e.value.kind == "corrupt" and str(filled) in str(e.value)
        assert st.load_roster(2).days == 28


def test_reopen_after_a_crash_keeps_committed_wal_data(tmp_path: Path):
    import shutil

    live = tmp_path / "live"
    live.mkdir()
    st = Store.open(live / "roster.db")
    try:
        st._con.execute("PRAGMA wal_autocheckpoint=0")  # keep everything in the -wal file
        for i in range(20):
            st.set_setting(f"k{i}", "x" * 1000)
        crashed = tmp_path / "crashed"
        crashed.mkdir()
        for f in live.iterdir():  # what a power cut leaves behind: main file + -wal (+ -shm)
            shutil.copy(f, crashed / f.name)
    finally:
        st.close()
    assert (crashed / "roster.db-wal").stat().st_size > 0
    with Store.open(crashed / "roster.db") as st2:
        assert st2.get_setting("k19") == "x" * 1000
    con = sqlite3.connect(backup_path(crashed / "roster.db"))
    try:
        assert con.execute("SELECT COUNT(*) FROM settings").fetchone()[0] == 20
    finally:
        con.close()


def test_old_scenario_versions_pruned_unless_a_roster_uses_them(db: Path):
    sc = sample_scenario()
    with Store.open(db) as st:
        first = st.save_scenario(sc, keep=3)
        rid = st.save_roster("用第一版", make_roster("2026-06-01", 7), scenario_id=first)
        ids = [st.save_scenario(dataclasses.replace(sc, name=f"v{i}"), keep=3) for i in range(6)]
        kept = [r[0] for r in st._con.execute("SELECT id FROM scenario ORDER BY id")]
        assert kept == [first, *ids[-3:]]
        assert st._con.execute("SELECT COUNT(DISTINCT scenario_id) FROM staff").fetchone()[0] == 4
        assert st.load_scenario(first) == sc and st.roster_scenario_id(rid) == first
        assert st.load_scenario().name == "v5"


def test_restore_refuses_a_file_another_program_holds(filled: Path):
    with Store.open(filled):
        pass
    other = sqlite3.connect(filled, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        before = sha(filled)
        with pytest.raises(StoreError) as e:
            Store.restore_backup(filled, timeout=0.2)
        assert e.value.kind == "locked" and sha(filled) == before
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_path_with_spaces_and_chinese(tmp_path: Path):
    p = tmp_path / "排班 数据 #1" / "roster.db"
    with Store.open(p) as st:
        st.set_setting("k", "值")
    with Store.open(p) as st:  # the second open reads it through a file: URI and backs it up
        assert st.get_setting("k") == "值"
    assert backup_path(p).exists()


def test_data_saved_before_a_stricter_check_still_opens(tmp_path):
    # review of session 9: demand at 08:15 (the demand editor accepted it) or an approval ending before it starts,
    # saved by an earlier version, made the whole data file "corrupt" once the reader refused them
    import json as _json

    from roster.scenario_io import InputError, scenario_from_dict, scenario_to_dict

    d = scenario_to_dict(sample_scenario())
    d["demand"][1]["from"] = "08:15"
    d["rules"]["approval"] = {"number": "x", "valid_from": "2027-01-01", "valid_to": "2026-01-01"}
    with pytest.raises(InputError):
        scenario_from_dict(d)  # a scenario file given to the CLI: bad input
    sc, warnings = scenario_from_dict(d, lenient=True)
    assert sc.demand[1].start == 8 * 60 + 15 and len(warnings) == 2
    path = tmp_path / "roster.db"
    store = Store.open(path)
    store.save_scenario(sample_scenario())
    store.close()
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE scenario SET data = ?", (_json.dumps(d, ensure_ascii=False),))
    con.close()
    store = Store.open(path)
    try:
        assert store.load_scenario().demand[1].start == 8 * 60 + 15  # opens; not "已损坏"
    finally:
        store.close()
