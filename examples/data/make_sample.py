#!/usr/bin/env python3
"""Writes the bundled sample data set (`sample/`): an organisation tree, the assignments, the
reporting calendar and a ledger of three quarters of 2026, with the kinds of trouble real
reporting has (a late province, a missing value, an outlier, a broken rule, a returned value,
an off-track indicator with and without an explanation, a stale system value).

The numbers are invented, deterministic (a fixed seed) and only illustrate; the ledger's
hashes are computed here with hashlib, independently of chiso (see testdata/chain.py)."""

import json
import pathlib
import random
import sys

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE / "../../testdata"))
import chain  # noqa: E402

OUT = HERE / "sample"
CATALOGUE = json.loads((HERE / "../../core/data/nq57.json").read_text(encoding="utf-8"))
ELEMENTS = {d["code"]: d for d in CATALOGUE["data_elements"]}

MINISTRIES = [
    ("BKHCN", "Bộ Khoa học và Công nghệ", "Ministry of Science and Technology"),
    ("BTC", "Bộ Tài chính", "Ministry of Finance"),
    ("BYT", "Bộ Y tế", "Ministry of Health"),
]
PROVINCES = [
    ("HN", "Thành phố Hà Nội", "Ha Noi"),
    ("HCM", "Thành phố Hồ Chí Minh", "Ho Chi Minh City"),
    ("HP", "Thành phố Hải Phòng", "Hai Phong"),
    ("DNA", "Thành phố Đà Nẵng", "Da Nang"),
    ("CT", "Thành phố Cần Thơ", "Can Tho"),
    ("DN", "Tỉnh Đồng Nai", "Dong Nai"),
    ("QN", "Tỉnh Quảng Ninh", "Quang Ninh"),
    ("TH", "Tỉnh Thanh Hóa", "Thanh Hoa"),
    ("NA", "Tỉnh Nghệ An", "Nghe An"),
    ("KH", "Tỉnh Khánh Hòa", "Khanh Hoa"),
    ("LD", "Tỉnh Lâm Đồng", "Lam Dong"),
    ("AG", "Tỉnh An Giang", "An Giang"),
]
COMMUNES = [("DN_BH", "Phường Biên Hòa", "Bien Hoa ward"), ("DN_LK", "Xã Long Khánh", "Long Khanh commune")]

# Indicator: (inputs, how a unit's values are drawn). Shares draw a total and a part.
PROVINCE_ITEMS = ["C01", "C02", "C06", "C09", "B03", "B05", "B10"]
MINISTRY_ITEMS = ["B03", "B09", "C09", "C16", "C21"]
PAIRS = {
    "C06": ("httt_phe_duyet_cap_do", "httt_tong", (40, 120), (0.6, 0.95)),
    "C09": ("nhiem_vu_khcn_nghiem_thu_dung_han", "nhiem_vu_khcn_den_han", (10, 40), (0.75, 0.98)),
    "B03": ("nhiem_vu_nq57_dung_han", "nhiem_vu_nq57_den_han", (20, 60), (0.85, 1.0)),
    "B05": ("dvc_toan_trinh", "tthc_du_dieu_kien", (300, 900), (0.7, 0.95)),
    "B10": ("csdl_ket_noi", "csdl_tong", (15, 45), (0.6, 0.9)),
    "B09": ("cbccvc_boi_duong_ky_nang_so", "cbccvc_tong", (2000, 9000), (0.5, 0.9)),
    "C16": ("vbqppl_dung_han", "vbqppl_ke_hoach", (5, 20), (0.7, 1.0)),
}
SINGLES = {"C01": "sandbox_van_hanh", "C02": "tram_5g_moi", "C21": "don_sang_che"}
QUARTERS = ["2026-Q1", "2026-Q2", "2026-Q3"]
# Under the cut-off calendar (periods end on the 14th) with 5 working days and the holidays
# below: Q1 (ends Sat 14 Mar) is due Fri 20 Mar, Q2 (Sun 14 Jun) Fri 19 Jun, Q3 (Mon 14 Sep)
# Mon 21 Sep.
SENT = {"2026-Q1": "2026-03-18", "2026-Q2": "2026-06-17", "2026-Q3": "2026-09-17"}
APPROVED = {"2026-Q1": "2026-03-24", "2026-Q2": "2026-06-23", "2026-Q3": "2026-09-24"}


def unit(uid, vi, en, kind, parent=None):
    u = {"id": uid, "name": {"vi": vi, "en": en}, "kind": kind}
    if parent:
        u["parent"] = parent
    return u


def org():
    units = [unit("BCD", "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
                  "Central Steering Committee on science, technology, innovation and digital transformation", "central")]
    units += [unit(i, vi, en, "ministry", "BCD") for i, vi, en in MINISTRIES]
    units += [unit(i, vi, en, "province", "BCD") for i, vi, en in PROVINCES]
    units += [unit(i, vi, en, "commune", "DN") for i, vi, en in COMMUNES]
    return {"units": units, "peer_groups": [
        {"id": "bo_nganh", "name": {"vi": "Bộ, ngành", "en": "Ministries"}, "members": [m[0] for m in MINISTRIES]},
        {"id": "tinh_thanh", "name": {"vi": "Tỉnh, thành phố", "en": "Provinces and cities"},
         "members": [p[0] for p in PROVINCES]},
    ]}


OFFICERS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng", "Hoàng Thu Hà", "Vũ Đức Khang",
            "Đặng Thị Lan", "Bùi Văn Minh", "Đỗ Thị Ngọc", "Ngô Quang Phúc"]


def assignments():
    out = []
    for k, (uid, _, _) in enumerate(MINISTRIES + PROVINCES):
        items = MINISTRY_ITEMS if any(uid == m[0] for m in MINISTRIES) else PROVINCE_ITEMS
        for item in items:
            out.append({"unit": uid, "item": item, "role": "lead", "focal_officer": OFFICERS[k % len(OFFICERS)],
                        "from": "2026-Q1", "assigned_by": "BCD"})
    for uid, _, _ in COMMUNES:
        out.append({"unit": uid, "item": "B05", "role": "implementing", "focal_officer": "Cán bộ văn phòng xã",
                    "from": "2026-Q2", "assigned_by": "DN"})
    return out


CALENDAR = {"calendar": {"kind": "cutoff", "day": 15}, "due_working_days": 5,
            "holidays": ["2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
                         "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02"]}


def source(code):
    s = ELEMENTS[code]["source"]
    return {"kind": "form"} if s["kind"] == "form" else {"kind": "system", "system": s["name"]["vi"]}


def proof(uid, code, period):
    return chain.evidence(f"{uid}_{code}_{period}.pdf", f"{uid}|{code}|{period}", number=f"{len(uid) * 7}/BC-{uid}",
                          date=SENT[period], summary="Báo cáo số liệu kỳ")


def main():
    rng = random.Random(57)
    ledger = chain.Chain()
    pending = []  # revisions to approve, with the quarter

    def send(uid, code, period, value, at=None, **kw):
        kw.setdefault("evidence_list", [proof(uid, code, period)])
        r = ledger.add(chain.submission(uid, code, period, {"number": str(value)}, at or f"{SENT[period]}T09:00:00",
                                        by=f"{uid.lower()}_dau_moi", source=source(code), **kw))
        pending.append((r, period))
        return r

    # Each unit's level, kept across quarters so that history is plausible.
    level = {}
    for period in QUARTERS:
        for uid, _, _ in MINISTRIES + PROVINCES:
            items = MINISTRY_ITEMS if any(uid == m[0] for m in MINISTRIES) else PROVINCE_ITEMS
            for item in items:
                late = uid == "HP" and period == "2026-Q3"
                at = "2026-09-25T15:00:00" if late else None
                if item in SINGLES:
                    code = SINGLES[item]
                    if item == "C01":
                        value = {"HN": [2, 3, 2], "DN": [0, 0, 0]}.get(uid, [1, 1, 2])[QUARTERS.index(period)]
                    elif item == "C02":
                        value = level.setdefault((uid, code), rng.randint(120, 260)) + rng.randint(-15, 15)
                        if uid == "HCM" and period == "2026-Q3":
                            value = 2650  # ten times the usual: an outlier against peers and history
                        if uid == "CT" and period == "2026-Q3":
                            continue  # not reported: missing and overdue
                    else:
                        value = level.setdefault((uid, code), rng.randint(8, 30)) + rng.randint(-3, 3)
                    send(uid, code, period, value, at)
                    continue
                part, total, (lo, hi), (slo, shi) = PAIRS[item]
                t = level.setdefault((uid, total), rng.randint(lo, hi)) + rng.randint(0, 3)
                share = level.setdefault((uid, part), rng.uniform(slo, shi))
                p = min(t, round(t * min(1.0, share + 0.02 * QUARTERS.index(period))))
                if uid == "DNA" and item == "C06" and period == "2026-Q3":
                    p = t + 4  # more systems approved than exist: breaks R_C06
                kw = {}
                if uid == "BYT" and item == "C16" and period == "2026-Q3":
                    kw["evidence_list"] = []  # no evidence attached
                stale = uid == "HN" and item == "B10" and period == "2026-Q3"
                send(uid, total, period, t, "2026-09-10T08:00:00" if stale else at, **kw)
                send(uid, part, period, p, "2026-09-10T08:00:00" if stale else at, **kw)
        # The communes of Dong Nai report B05 to Dong Nai from Q2.
        if period != "2026-Q1":
            for uid, _, _ in COMMUNES:
                t = rng.randint(40, 90)
                send(uid, "tthc_du_dieu_kien", period, t)
                send(uid, "dvc_toan_trinh", period, round(t * rng.uniform(0.6, 0.9)))
        # Decisions: BCD approves, except what is handled below; Dong Nai decides its communes'.
        returned = None
        for r, p in [x for x in pending if x[1] == period]:
            entry = ledger.entries[r - 1]["action"]["submission"]
            decider = "dn_lanh_dao" if entry["unit"].startswith("DN_") else "bcd_lanh_dao"
            if entry["unit"] == "DN" and entry["item"] == "dvc_toan_trinh" and period == "2026-Q3":
                ledger.add(chain.give_back(r, decider, f"{APPROVED[period]}T10:00:00",
                                           "Số thủ tục toàn trình lệch với Cổng Dịch vụ công quốc gia"))
                returned = entry
                continue
            ledger.add(chain.approve(r, decider, f"{APPROVED[period]}T10:00:00"))
        if returned:
            fixed = dict(returned, submitted_at="2026-09-28T09:00:00", comment="Đã đối chiếu lại với Cổng DVCQG")
            value = str(int(returned["value"]["number"]) - 3)
            fixed["value"] = {"number": value}
            r = ledger.add({"kind": "submit", "submission": fixed})
            ledger.add(chain.approve(r, "bcd_lanh_dao", "2026-09-30T10:00:00"))
        if period == "2026-Q3":
            # Ha Noi sends its sandboxes twice, unchanged.
            send("HN", "sandbox_van_hanh", period, 2, "2026-09-18T09:00:00")
            # Ha Noi explains C01 (fewer sandboxes than in Q2); Dong Nai does not.
            ledger.add(chain.explain(
                "HN", "C01", period,
                "Một cơ chế thử nghiệm kết thúc đúng thời hạn; hồ sơ đề nghị mới đang thẩm định.",
                ["institutions"],
                "Hoàn thành thẩm định hai hồ sơ thử nghiệm mới trong quý IV.",
                "2026-09-18T10:00:00", by="hn_dau_moi",
                support="Đề nghị Bộ Khoa học và Công nghệ hướng dẫn quy trình đánh giá kết thúc thử nghiệm."))
    OUT.mkdir(exist_ok=True)

    def write(name, doc):
        (OUT / name).write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    write("org.json", org())
    write("assignments.json", assignments())
    write("calendar.json", CALENDAR)
    (OUT / "ledger.jsonl").write_text(ledger.jsonl(), encoding="utf-8")
    print(f"{len(ledger.entries)} entries, head {ledger.head()}")


if __name__ == "__main__":
    main()
