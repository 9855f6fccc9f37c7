#!/usr/bin/env python3
"""Writes the ledger cases. Each case is a ledger written by an independent Python writer
(../../chain.py: hashlib over the compact JSON of each entry), possibly tampered with, and
the verification expected from reading the chain rules:

- `actions.json`: the actions, in order (the untampered ledger is these appended one by one);
- `ledger.jsonl`: the ledger as stored, after the tampering;
- `expected.json`: `{"head": the published head or null, "verification": what verify says}`;
- `recorded_at.json` (stamped cases only): the time the store's clock read at each append, or
  null where the entry was appended unstamped.

Every suite appends `actions.json` and must write the untampered ledger byte for byte (so the
hashes agree with hashlib), then reads `ledger.jsonl` and must verify it as expected."""

import copy
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE / "../.."))
import chain  # noqa: E402

PDF = chain.evidence("bao_cao_quy_2.pdf", "Báo cáo quý II", number="45/BC-UBND", date="2026-06-16",
                     summary="Số cơ chế thử nghiệm đang vận hành")
ACTIONS = [
    chain.submission("DN", "sandbox_van_hanh", "2026-Q2", {"number": "2"}, "2026-06-16T09:00:00",
                     evidence_list=[PDF], measure="cơ chế", comment="Số liệu chính thức"),
    chain.give_back(1, "bcd_lanh_dao", "2026-06-17T10:00:00", "Thiếu quyết định cho phép thử nghiệm"),
    chain.submission("DN", "sandbox_van_hanh", "2026-Q2", {"number": "2"}, "2026-06-18T09:00:00",
                     evidence_list=[PDF, chain.evidence("quyet_dinh.pdf", "QĐ 12/QĐ-UBND")]),
    chain.approve(3, "bcd_lanh_dao", "2026-06-19T10:00:00"),
    chain.explain("DN", "C01", "2026-Q2", "Hồ sơ thử nghiệm mới đang thẩm định.", ["institutions", "human_resources"],
                  "Hoàn thành thẩm định trong quý III.", "2026-06-20T08:30:00"),
]


def build(recorded=None, actions=ACTIONS):
    c = chain.Chain()
    for i, a in enumerate(actions):
        c.add(a, recorded[i] if recorded else None)
    return c


def case(name, tamper=None, head=None, verification=None, recorded=None, actions=ACTIONS, assignments=None):
    c = build(recorded, actions)
    entries = copy.deepcopy(c.entries)
    if tamper:
        entries = tamper(entries)
    folder = HERE / name
    folder.mkdir(exist_ok=True)
    (folder / "actions.json").write_text(json.dumps(actions, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (folder / "ledger.jsonl").write_text("".join(chain.compact(e) + "\n" for e in entries), encoding="utf-8")
    if verification is None:  # intact: valid, every entry read, head the last hash
        verification = {"valid": True, "entries": len(entries), "head": entries[-1]["hash"], "first_problem": None}
    expected = {"head": head(c) if head else None, "verification": verification}
    if assignments is not None:  # what the appended ledger holds in force
        expected["assignments"] = assignments
    if recorded:
        (folder / "recorded_at.json").write_text(json.dumps(recorded) + "\n", encoding="utf-8")
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def broken(entries, position, kind):
    return {"valid": False, "entries": entries, "head": "", "first_problem": {"position": position, "kind": kind}}


def edit_value(entries):
    entries[0]["action"]["submission"]["value"] = {"number": "3"}  # hash no longer matches
    return entries


def edit_and_rehash(entries):
    # Entry 3's value changed and its own hash recomputed: entry 3 looks intact, but entry 4
    # still links to the old hash, so entry 3 is named.
    e = entries[2]
    e["action"]["submission"]["value"] = {"number": "5"}
    hashed = {"sequence": e["sequence"], "previous": e["previous"], "action": e["action"]}
    e["hash"] = chain.hashlib.sha256(chain.compact(hashed).encode()).hexdigest()
    return entries


def change_evidence_hash(entries):
    entries[2]["action"]["submission"]["evidence"][1]["sha256"] = "f" * 64
    return entries


def remove_second(entries):
    return entries[:1] + entries[2:]  # position 2 now holds sequence 3, and 2 is nowhere


def insert_copy(entries):
    return entries[:2] + [copy.deepcopy(entries[1])] + entries[2:]  # sequence 2 again at 3


def swap(entries):
    entries[1], entries[2] = entries[2], entries[1]  # sequence 3 at position 2; 2 comes later
    return entries


def truncate(entries):
    return entries[:3]


case("intact")
case("intact-with-head", head=lambda c: c.head())
case("edited-value", edit_value, verification=broken(5, 1, "edited"))
case("edited-and-rehashed", edit_and_rehash, verification=broken(5, 3, "edited"))
case("evidence-hash-changed", change_evidence_hash, verification=broken(5, 3, "edited"))
case("removed", remove_second, verification=broken(4, 2, "removed"))
case("inserted", insert_copy, verification=broken(6, 3, "inserted"))
case("reordered", swap, verification=broken(5, 2, "reordered"))
# Cut to three entries: intact as far as it goes, but the head published after five is gone.
case("truncated", truncate, head=lambda c: c.head(), verification=broken(3, 4, "truncated"))
# Without the published head the same cut cannot be seen: say so.
case("truncated-without-head", truncate)

# Stamped by a store (format 2): each entry's time is the store's, one day after the claim of
# the action (times never decrease along the chain), and the hash covers it.
STAMPED = ["2026-06-16T09:05:00", "2026-06-17T10:00:30", "2026-06-18T09:00:10", "2026-06-19T10:00:00",
           "2026-06-20T08:31:00"]
case("stamped", recorded=STAMPED, head=lambda c: c.head())
# An old ledger carried on by a store: two unstamped entries, then stamped ones. Valid.
MIXED = [None, None] + STAMPED[2:]
case("stamped-after-unstamped", recorded=MIXED)


def backdate(entries):
    # Entry 4's recorded time set before entry 3's and its hash recomputed, and every later
    # link and hash after it (as a forger with write access would): the chain links hold, but
    # the time goes back, so entry 4 is named.
    entries[3]["recorded_at"] = "2026-06-17T00:00:00"
    for i in range(3, len(entries)):
        if i > 0:
            entries[i]["previous"] = entries[i - 1]["hash"]
        entries[i]["hash"] = chain.entry_hash(entries[i])
    return entries


case("stamped-backdated", backdate, recorded=STAMPED, verification=broken(5, 4, "backdated"))


def unstamp_last(entries):
    # The last entry written without a time after the store began stamping, rehashed as format 1.
    last = entries[-1]
    del last["format"], last["recorded_at"]
    last["hash"] = chain.entry_hash(last)
    return entries


case("stamped-then-unstamped", unstamp_last, recorded=STAMPED, verification=broken(5, 5, "backdated"))


def stamp_without_format(entries):
    # A recorded time in an entry that does not declare format 2: not an entry any store
    # writes, and no hash can match it (rehashed or not).
    entries[1].pop("format")
    entries[1]["hash"] = chain.entry_hash(entries[1])
    return entries


case("stamped-format-missing", stamp_without_format, recorded=STAMPED, verification=broken(5, 2, "edited"))

# Assigning and withdrawing on the chain (who gave what, when): the Steering Committee gives
# C01 to DN, withdraws it after Q2, and gives it to DN's commune from Q3; the field order is
# the declared one (assign: assignment, by, at; withdraw: assignment, to, by, at, reason).
C01_DN = {"unit": "DN", "item": "C01", "role": "lead", "focal_officer": "dn_dau_moi", "from": "2026-Q1",
          "assigned_by": "BCD"}
ASSIGNING = [
    chain.assign(C01_DN, "bcd_lanh_dao", "2026-01-05T09:00:00"),
    chain.withdraw(1, "bcd_lanh_dao", "2026-06-30T16:00:00", "Chuyển cho cấp xã thực hiện", to="2026-Q2"),
    chain.assign({**C01_DN, "unit": "DN_X1", "role": "implementing", "focal_officer": "x1_dau_moi",
                  "from": "2026-Q3", "assigned_by": "DN"}, "dn_lanh_dao", "2026-07-01T08:00:00"),
]
ASSIGNED_AT = ["2026-01-05T09:00:02", "2026-06-30T16:00:01", "2026-07-01T08:00:05"]
# In force after the three: DN's C01 ended with Q2 by the withdrawal (entry 1), the ward's
# from Q3 on (entry 3), each as given with the entry that made it.
case("assigned", recorded=ASSIGNED_AT, actions=ASSIGNING, head=lambda c: c.head(), assignments=[
    {"entry": 1, **C01_DN, "to": "2026-Q2"},
    {"entry": 3, **ASSIGNING[2]["assignment"]}])


def reassign(entries):
    entries[0]["action"]["assignment"]["unit"] = "HP"  # who was given C01, rewritten: hash no longer matches
    return entries


case("assigned-edited", reassign, recorded=ASSIGNED_AT, actions=ASSIGNING, verification=broken(3, 1, "edited"))


# Issue 18: a period's ranking published, then republished naming the publication it replaces
# (HN, without a score, is unranked: its rank and score are left out).
# Each publication follows the head it was computed on (the head before it), and its ranking hash
# is hashlib's over the rankings' compact JSON: every suite must append both and agree.
def publishing():
    rows = [{"unit": "DN", "rank": "1", "score": "0.9"}, {"unit": "HN"}]
    rankings = [{"peer_group": "tinh", "rows": rows}]
    c = build()
    first = chain.publish("2026-Q2", "2026-07-10T00:00:00", c.head(), rankings, "bcd_lanh_dao",
                          "2026-07-11T09:00:00")
    c.add(first)
    rows2 = [{"unit": "DN", "rank": "1", "score": "1"}, {"unit": "HN"}]
    second = chain.publish("2026-Q2", "2026-07-12T00:00:00", c.head(), [{"peer_group": "tinh", "rows": rows2}],
                           "bcd_lanh_dao", "2026-07-12T09:00:00", replaces=len(ACTIONS) + 1,
                           reason="Đính chính số liệu của DN")
    return ACTIONS + [first, second]


case("published", actions=publishing(), head=lambda c: c.head())
