#!/usr/bin/env python3
"""Writes the bundled sample data set (`sample/`): an organisation tree of the country as it is
from 1 July 2025 (the 17 ministries and ministry-level agencies, the 34 provinces and
centrally-run cities, two communes of Dong Nai), the assignments, the reporting calendar and a
ledger of three quarters of 2026.

Every ministry reports five quarterly indicators and every province seven; the 22 provinces
added last also report the monthly B06 (dossiers filed online) for each month of 2026-Q1 to Q3,
so that months roll up into quarters. Some units stand clearly ahead and some clearly behind,
so that rankings spread. The ledger has the kinds of trouble real reporting has: late
provinces, missing values, an outlier, a broken rule, a returned value, a value without evidence,
off-track indicators explained, half explained and not explained, a stale system value.

The numbers are invented, deterministic (fixed seeds) and only illustrate; the ledger's hashes
are computed here with hashlib, independently of chiso (see testdata/chain.py). The first
sample held 12 provinces and 3 ministries; their values still come from the SEED stream in
the same order, and everything added since draws from a stream of its own (ADDED_SEED), so
that growing the sample left the first units' values as they were."""

import datetime
import csv
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
SEED = 57  # the first units and the communes
ADDED_SEED = 570  # the units and the monthly indicator added later

# The first sample's units, in the order their values are drawn.
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
    ("DN", "Thành phố Đồng Nai", "Dong Nai City"),
    ("QN", "Tỉnh Quảng Ninh", "Quang Ninh"),
    ("TH", "Tỉnh Thanh Hóa", "Thanh Hoa"),
    ("NA", "Tỉnh Nghệ An", "Nghe An"),
    ("KH", "Tỉnh Khánh Hòa", "Khanh Hoa"),
    ("LD", "Tỉnh Lâm Đồng", "Lam Dong"),
    ("AG", "Tỉnh An Giang", "An Giang"),
]
# The rest of the Government and of the country, added later.
ADDED_MINISTRIES = [
    ("BQP", "Bộ Quốc phòng", "Ministry of National Defence"),
    ("BCA", "Bộ Công an", "Ministry of Public Security"),
    ("BNG", "Bộ Ngoại giao", "Ministry of Foreign Affairs"),
    ("BNV", "Bộ Nội vụ", "Ministry of Home Affairs"),
    ("BTP", "Bộ Tư pháp", "Ministry of Justice"),
    ("BCT", "Bộ Công Thương", "Ministry of Industry and Trade"),
    ("BNNMT", "Bộ Nông nghiệp và Môi trường", "Ministry of Agriculture and Environment"),
    ("BXD", "Bộ Xây dựng", "Ministry of Construction"),
    ("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", "Ministry of Culture, Sports and Tourism"),
    ("BGDDT", "Bộ Giáo dục và Đào tạo", "Ministry of Education and Training"),
    ("BDTTG", "Bộ Dân tộc và Tôn giáo", "Ministry of Ethnic and Religious Affairs"),
    ("NHNN", "Ngân hàng Nhà nước Việt Nam", "State Bank of Vietnam"),
    ("TTCP", "Thanh tra Chính phủ", "Government Inspectorate"),
    ("VPCP", "Văn phòng Chính phủ", "Government Office"),
]
ADDED_PROVINCES = [
    ("HUE", "Thành phố Huế", "Hue"),
    ("LCH", "Tỉnh Lai Châu", "Lai Chau"),
    ("DB", "Tỉnh Điện Biên", "Dien Bien"),
    ("SL", "Tỉnh Sơn La", "Son La"),
    ("LS", "Tỉnh Lạng Sơn", "Lang Son"),
    ("HT", "Tỉnh Hà Tĩnh", "Ha Tinh"),
    ("CB", "Tỉnh Cao Bằng", "Cao Bang"),
    ("TQ", "Tỉnh Tuyên Quang", "Tuyen Quang"),  # with Hà Giang
    ("LC", "Tỉnh Lào Cai", "Lao Cai"),  # with Yên Bái
    ("TNG", "Tỉnh Thái Nguyên", "Thai Nguyen"),  # with Bắc Kạn
    ("PT", "Tỉnh Phú Thọ", "Phu Tho"),  # with Vĩnh Phúc, Hòa Bình
    ("BN", "Tỉnh Bắc Ninh", "Bac Ninh"),  # with Bắc Giang
    ("HY", "Tỉnh Hưng Yên", "Hung Yen"),  # with Thái Bình
    ("NB", "Tỉnh Ninh Bình", "Ninh Binh"),  # with Hà Nam, Nam Định
    ("QT", "Tỉnh Quảng Trị", "Quang Tri"),  # with Quảng Bình
    ("QNG", "Tỉnh Quảng Ngãi", "Quang Ngai"),  # with Kon Tum
    ("GL", "Tỉnh Gia Lai", "Gia Lai"),  # with Bình Định
    ("DL", "Tỉnh Đắk Lắk", "Dak Lak"),  # with Phú Yên
    ("TNI", "Tỉnh Tây Ninh", "Tay Ninh"),  # with Long An
    ("VL", "Tỉnh Vĩnh Long", "Vinh Long"),  # with Bến Tre, Trà Vinh
    ("DT", "Tỉnh Đồng Tháp", "Dong Thap"),  # with Tiền Giang
    ("CM", "Tỉnh Cà Mau", "Ca Mau"),  # with Bạc Liêu
]
COMMUNES = [("DN_BH", "Phường Biên Hòa", "Bien Hoa ward"), ("DN_LK", "Xã Long Khánh", "Long Khanh commune")]
ALL_MINISTRIES = MINISTRIES + ADDED_MINISTRIES
ALL_PROVINCES = PROVINCES + ADDED_PROVINCES
MINISTRY_IDS = {m[0] for m in ALL_MINISTRIES}
ADDED_PROVINCE_IDS = {p[0] for p in ADDED_PROVINCES}

# How far along an added unit is: its shares and counts come from the top, the middle or the
# bottom (and a little below) of the ranges below; unlisted added units stand in the middle.
STANDING = {"BN": "strong", "TNG": "strong", "NB": "strong", "HUE": "strong",
            "LCH": "weak", "DB": "weak", "CB": "weak", "SL": "weak",
            "BCA": "strong", "NHNN": "strong", "VPCP": "strong", "BDTTG": "weak", "TTCP": "weak"}
TIERS = {"strong": (0.7, 1.25), "middle": (0.25, 0.75), "weak": (-0.6, 0.25)}

# Indicator: (inputs, how a unit's values are drawn). Shares draw a total and a part.
PROVINCE_ITEMS = ["C01", "C02", "C06", "C09", "B03", "B05", "B10"]
MINISTRY_ITEMS = ["B03", "B09", "C09", "C16", "C21"]
MONTHLY_ITEMS = ["B06"]  # the added provinces'
PAIRS = {
    "C06": ("httt_phe_duyet_cap_do", "httt_tong", (40, 120), (0.6, 0.95)),
    "C09": ("nhiem_vu_khcn_nghiem_thu_dung_han", "nhiem_vu_khcn_den_han", (10, 40), (0.75, 0.98)),
    "B03": ("nhiem_vu_nq57_dung_han", "nhiem_vu_nq57_den_han", (20, 60), (0.85, 1.0)),
    "B05": ("dvc_toan_trinh", "tthc_du_dieu_kien", (300, 900), (0.7, 0.95)),
    "B10": ("csdl_ket_noi", "csdl_tong", (15, 45), (0.6, 0.9)),
    "B09": ("cbccvc_boi_duong_ky_nang_so", "cbccvc_tong", (2000, 9000), (0.5, 0.9)),
    "C16": ("vbqppl_dung_han", "vbqppl_ke_hoach", (5, 20), (0.7, 1.0)),
    # Monthly: dossiers received in a month, and the share filed online.
    "B06": ("ho_so_truc_tuyen", "ho_so_tiep_nhan", (15000, 60000), (0.55, 0.85)),
}
SINGLES = {"C01": "sandbox_van_hanh", "C02": "tram_5g_moi", "C21": "don_sang_che"}
# Counts: the range of a unit's usual level, and how far a quarter strays from it.
COUNTS = {"C02": ((120, 260), 15), "C21": ((8, 30), 3)}
# Sandboxes in operation, quarter by quarter.
SANDBOXES = {"HN": [2, 3, 2], "DN": [0, 0, 0]}
SANDBOXES_BY_STANDING = {"strong": [2, 3, 3], "middle": [1, 1, 2], "weak": [0, 1, 1]}

QUARTERS = ["2026-Q1", "2026-Q2", "2026-Q3"]
MONTHS = {q: [f"2026-{3 * i + m:02d}" for m in (1, 2, 3)] for i, q in enumerate(QUARTERS)}
# Under the cut-off calendar (periods end on the 14th) with 5 working days and the holidays
# below: Q1 (ends Sat 14 Mar) is due Fri 20 Mar, Q2 (Sun 14 Jun) Fri 19 Jun, Q3 (Mon 14 Sep)
# Mon 21 Sep. Monthly values are sent on the third working day after the month's 14th (see
# month_sent) and approved that afternoon.
SENT = {"2026-Q1": "2026-03-18", "2026-Q2": "2026-06-17", "2026-Q3": "2026-09-17"}
APPROVED = {"2026-Q1": "2026-03-24", "2026-Q2": "2026-06-23", "2026-Q3": "2026-09-24"}

# Troubles. A unit's whole quarterly report sent after the deadline, by (unit, quarter):
LATE = {("HP", "2026-Q3"): "2026-09-25T15:00:00", ("QNG", "2026-Q2"): "2026-06-22T15:00:00"}
# By (unit, indicator, quarter): not reported (missing, then overdue);
MISSING = {("CT", "C02", "2026-Q3"), ("CB", "B10", "2026-Q2")}
# ten times the usual, an outlier against peers and history;
OUTLIERS = {("HCM", "C02", "2026-Q3"): 2650}
# more systems approved than exist, breaking R_C06;
BROKEN = {("DNA", "C06", "2026-Q3")}
# sent without evidence;
NO_EVIDENCE = {("BYT", "C16", "2026-Q3")}
# a connected system's value delivered before the period ended, and not since.
STALE = {("HN", "B10", "2026-Q3"): "2026-09-10T08:00:00"}
# Shares that fall quarter after quarter instead of rising (off track), by (unit, indicator).
FALLING = {("GL", "C09"), ("DL", "C09"), ("LC", "C06"), ("BXD", "C09")}
# Explanations of off-track indicators: (unit, indicator, quarter, causes, bottlenecks,
# solutions, sent at, support requested). Dong Nai does not explain C01, Dak Lak its C09, nor
# Lao Cai its C06 in Q3; the Ministry of Construction leaves its Q3 solutions blank.
EXPLANATIONS = [
    ("HN", "C01", "2026-Q3",
     "Một cơ chế thử nghiệm kết thúc đúng thời hạn; hồ sơ đề nghị mới đang thẩm định.",
     ["institutions"],
     "Hoàn thành thẩm định hai hồ sơ thử nghiệm mới trong quý IV.",
     "2026-09-18T10:00:00",
     "Đề nghị Bộ Khoa học và Công nghệ hướng dẫn quy trình đánh giá kết thúc thử nghiệm."),
    ("GL", "C09", "2026-Q2",
     "Sau hợp nhất tỉnh, nhiều nhiệm vụ chuyển tiếp của tỉnh Bình Định (cũ) phải rà soát, ký lại "
     "hợp đồng với tổ chức chủ trì; hội đồng tư vấn đánh giá, nghiệm thu chưa được kiện toàn.",
     ["institutions", "coordination"],
     "Kiện toàn hội đồng tư vấn đánh giá, nghiệm thu trong tháng 7/2026; lập danh mục nhiệm vụ "
     "chậm nghiệm thu, giao thời hạn cụ thể cho từng tổ chức chủ trì.",
     "2026-06-18T10:00:00",
     "Đề nghị Bộ Khoa học và Công nghệ hướng dẫn việc điều chỉnh hợp đồng nhiệm vụ khoa học và "
     "công nghệ khi sắp xếp đơn vị hành chính."),
    ("GL", "C09", "2026-Q3",
     "Một số tổ chức chủ trì chưa quyết toán kinh phí nên chưa đủ hồ sơ nghiệm thu; kinh phí sự "
     "nghiệp khoa học và công nghệ năm 2026 được giao chậm.",
     ["finance", "institutions"],
     "Phối hợp với Sở Tài chính hoàn thành quyết toán các nhiệm vụ tồn đọng trước ngày "
     "15/11/2026; tổ chức nghiệm thu tập trung trong quý IV.",
     "2026-09-18T10:00:00", None),
    ("LC", "C06", "2026-Q2",
     "Tiếp nhận các hệ thống thông tin của tỉnh Yên Bái (cũ) nên số hệ thống tăng, hồ sơ đề xuất "
     "cấp độ phải lập lại; thiếu cán bộ chuyên trách an toàn thông tin.",
     ["human_resources", "infrastructure"],
     "Thuê dịch vụ tư vấn lập hồ sơ đề xuất cấp độ cho các hệ thống còn lại; cử cán bộ tham gia "
     "khóa đào tạo về an toàn thông tin trong quý III.",
     "2026-06-18T14:00:00",
     "Đề nghị Bộ Công an hỗ trợ thẩm định hồ sơ đề xuất cấp độ của các hệ thống dùng chung."),
    ("BXD", "C09", "2026-Q2",
     "Một số nhiệm vụ về vật liệu xây dựng mới phải gia hạn do thay đổi tiêu chuẩn kỹ thuật; hồ sơ "
     "nhiệm vụ tiếp nhận từ Bộ Giao thông vận tải (cũ) chưa cập nhật đủ trên Cơ sở dữ liệu quốc "
     "gia về khoa học và công nghệ.",
     ["coordination", "data"],
     "Hoàn tất bàn giao, cập nhật hồ sơ các nhiệm vụ tiếp nhận trong tháng 7/2026; họp định kỳ "
     "hằng tháng với các tổ chức chủ trì có nhiệm vụ đến hạn.",
     "2026-06-19T09:00:00", None),
    ("BXD", "C09", "2026-Q3",
     "Các nhiệm vụ gia hạn trong quý II tiếp tục chậm nghiệm thu do chờ kết quả thử nghiệm.",
     ["other"], "", "2026-09-18T15:00:00", None),
]


def unit(uid, vi, en, kind, parent=None):
    u = {"id": uid, "name": {"vi": vi, "en": en}, "kind": kind}
    if parent:
        u["parent"] = parent
    return u


def org():
    units = [unit("BCD", "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
                  "Central Steering Committee on science, technology, innovation and digital transformation", "central")]
    units += [unit(i, vi, en, "ministry", "BCD") for i, vi, en in ALL_MINISTRIES]
    units += [unit(i, vi, en, "province", "BCD") for i, vi, en in ALL_PROVINCES]
    units += [unit(i, vi, en, "commune", "DN") for i, vi, en in COMMUNES]
    return {"units": units, "peer_groups": [
        {"id": "bo_nganh", "name": {"vi": "Bộ, ngành", "en": "Ministries"}, "members": [m[0] for m in ALL_MINISTRIES]},
        {"id": "tinh_thanh", "name": {"vi": "Tỉnh, thành phố", "en": "Provinces and cities"},
         "members": [p[0] for p in ALL_PROVINCES]},
    ], "persons": persons()}


OFFICERS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng", "Hoàng Thu Hà", "Vũ Đức Khang",
            "Đặng Thị Lan", "Bùi Văn Minh", "Đỗ Thị Ngọc", "Ngô Quang Phúc"]


def items_of(uid):
    """The quarterly indicators a ministry or province answers for."""
    return MINISTRY_ITEMS if uid in MINISTRY_IDS else PROVINCE_ITEMS


HEADS = ["Trần Văn Hải", "Nguyễn Thị Hồng", "Lê Quang Huy", "Phạm Thị Hương", "Hoàng Minh Khôi", "Vũ Thị Liên",
         "Đặng Văn Long", "Bùi Thị Mai", "Đỗ Văn Nam", "Ngô Thị Oanh", "Dương Văn Phong"]


def reporting_units():
    return MINISTRIES + PROVINCES + ADDED_MINISTRIES + ADDED_PROVINCES


def focal_officer(uid):
    """The person who reports for a unit: the same id the ledger's submissions carry."""
    return f"{uid.lower()}_dau_moi"


def persons():
    """Who acts: the Steering Committee's head and the approver of its standing office, and in
    every unit a head (who approves for the units below it) and a focal officer."""
    out = [{"id": "bcd_truong", "name": "Trưởng Ban Chỉ đạo", "unit": "BCD", "duties": ["head"]},
           {"id": "bcd_lanh_dao", "name": "Lãnh đạo Văn phòng Ban Chỉ đạo", "unit": "BCD", "duties": ["approver"]}]
    for k, (uid, _, _) in enumerate(reporting_units()):
        out.append({"id": f"{uid.lower()}_lanh_dao", "name": HEADS[k % len(HEADS)], "unit": uid, "duties": ["head"]})
        out.append({"id": focal_officer(uid), "name": OFFICERS[k % len(OFFICERS)], "unit": uid,
                    "duties": ["focal_officer"]})
    for uid, vi, _ in COMMUNES:
        out.append({"id": focal_officer(uid), "name": f"Cán bộ văn phòng {vi}", "unit": uid,
                    "duties": ["focal_officer"]})
    return out


def assignments():
    out = []
    for uid, _, _ in reporting_units():
        monthly = MONTHLY_ITEMS if uid in ADDED_PROVINCE_IDS else []
        for item in items_of(uid) + monthly:
            out.append({"unit": uid, "item": item, "role": "lead", "focal_officer": focal_officer(uid),
                        "from": "2026-Q1", "assigned_by": "BCD"})
    for uid, _, _ in COMMUNES:
        out.append({"unit": uid, "item": "B05", "role": "implementing", "focal_officer": focal_officer(uid),
                    "from": "2026-Q2", "assigned_by": "DN"})
    return out


CALENDAR = {"calendar": {"kind": "cutoff", "day": 15}, "due_working_days": 5,
            "holidays": ["2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
                         "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02"]}


def month_sent(month):
    """The day a month's values are sent: the third working day after its last day (the 14th),
    two before the deadline."""
    day = datetime.date.fromisoformat(f"{month}-14")
    left = 3
    while left:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day.isoformat() not in CALENDAR["holidays"]:
            left -= 1
    return day.isoformat()


def source(code):
    s = ELEMENTS[code]["source"]
    return {"kind": "form"} if s["kind"] == "form" else {"kind": "system", "system": s["name"]["vi"]}


def proof(uid, code, period, date=None):
    return chain.evidence(f"{uid}_{code}_{period}.pdf", f"{uid}|{code}|{period}", number=f"{len(uid) * 7}/BC-{uid}",
                          date=date or SENT[period], summary="Báo cáo số liệu kỳ")


def band(lo, hi, standing):
    """The part of [lo, hi] a unit draws from: all of it for the first units (no standing)."""
    if standing is None:
        return lo, hi
    a, b = TIERS[standing]
    return lo + (hi - lo) * a, lo + (hi - lo) * b


def quarterly(rng, level, uid, item, q, standing=None):
    """What `uid` reports for `item` in the q-th quarter, as (data element, value) pairs, a
    share's total before its part. `level` keeps each unit's usual values across quarters."""
    if item in SINGLES:
        code = SINGLES[item]
        if item == "C01":
            return [(code, SANDBOXES.get(uid, SANDBOXES_BY_STANDING[standing or "middle"])[q])]
        (lo, hi), spread = COUNTS[item]
        lo, hi = (max(1, round(x)) for x in band(lo, hi, standing))
        return [(code, max(0, level.setdefault((uid, code), rng.randint(lo, hi)) + rng.randint(-spread, spread)))]
    part, total, (lo, hi), (slo, shi) = PAIRS[item]
    t = level.setdefault((uid, total), rng.randint(lo, hi)) + rng.randint(0, 3)
    share = level.setdefault((uid, part), rng.uniform(*band(slo, shi, standing)))
    trend = -0.08 if (uid, item) in FALLING else 0.02
    return [(total, t), (part, min(t, round(t * min(1.0, share + trend * q))))]


def monthly(rng, level, uid, item, m, standing):
    """What an added province reports for the monthly `item` in the m-th month of 2026 (from 0):
    dossiers vary month to month around the province's usual number, the online share creeps up."""
    part, total, (lo, hi), (slo, shi) = PAIRS[item]
    if (uid, total) not in level:
        level[(uid, total)] = rng.randint(lo, hi)
        level[(uid, part)] = rng.uniform(*band(slo, shi, standing))
    t = round(level[(uid, total)] * rng.uniform(0.85, 1.15))
    share = min(0.98, level[(uid, part)] + 0.005 * m + rng.uniform(-0.02, 0.02))
    return [(total, t), (part, round(t * share))]


def write_observations(entries):
    """The values in force (the last approved revision of each unit, item and period) as a flat
    CSV table, the shape a statistics office exports and a data scientist loads into pandas."""
    approved = {e["action"]["revision"] for e in entries if e["action"]["kind"] == "approve"}
    standing = {}
    for e in entries:
        if e["action"]["kind"] == "submit" and e["sequence"] in approved:
            s = e["action"]["submission"]
            standing[(s["unit"], s["item"], s["period"])] = s
    with open(OUT / "observations.csv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["unit", "item", "period", "value", "submitted_at", "submitted_by", "source"])
        for s in standing.values():
            source = s["source"].get("system", "form")
            out.writerow([s["unit"], s["item"], s["period"], s["value"]["number"], s["submitted_at"], s["submitted_by"], source])


def main():
    rng, added = random.Random(SEED), random.Random(ADDED_SEED)
    ledger = chain.Chain()
    pending = []  # revisions to decide, with their period
    level = {}  # each unit's usual values, kept across periods so that history is plausible

    def send(uid, code, period, value, at=None, **kw):
        if "evidence_list" not in kw:
            kw["evidence_list"] = [proof(uid, code, period)]
        r = ledger.add(chain.submission(uid, code, period, {"number": str(value)}, at or f"{SENT[period]}T09:00:00",
                                        by=f"{uid.lower()}_dau_moi", source=source(code), **kw))
        pending.append((r, period))
        return r

    def report(stream, uid, period, standing=None):
        """Sends `uid`'s quarterly report, drawn from `stream`, with its troubles."""
        q = QUARTERS.index(period)
        for item in items_of(uid):
            key = (uid, item, period)
            values = quarterly(stream, level, uid, item, q, standing)
            if key in MISSING:
                continue
            if key in OUTLIERS:
                values = [(values[0][0], OUTLIERS[key])]
            if key in BROKEN:
                (total, t), (part, _) = values
                values = [(total, t), (part, t + 4)]
            kw = {"evidence_list": []} if key in NO_EVIDENCE else {}
            for code, value in values:
                send(uid, code, period, value, STALE.get(key, LATE.get((uid, period))), **kw)

    def decide(period, at):
        """Decides what `period` has pending: the BCD approves, Dong Nai decides its communes'.
        Dong Nai's online procedures for Q3 are returned instead: gives back that submission."""
        returned = None
        for r, p in [x for x in pending if x[1] == period]:
            entry = ledger.entries[r - 1]["action"]["submission"]
            decider = "dn_lanh_dao" if entry["unit"].startswith("DN_") else "bcd_lanh_dao"
            if entry["unit"] == "DN" and entry["item"] == "dvc_toan_trinh" and period == "2026-Q3":
                ledger.add(chain.give_back(r, decider, at, "Số thủ tục toàn trình lệch với Cổng Dịch vụ công quốc gia"))
                returned = entry
                continue
            ledger.add(chain.approve(r, decider, at))
        return returned

    for period in QUARTERS:
        # The added provinces' monthly values, each month approved the day it is sent.
        for month in MONTHS[period]:
            day = month_sent(month)
            m = int(month[5:]) - 1
            for uid, _, _ in ADDED_PROVINCES:
                for item in MONTHLY_ITEMS:
                    for code, value in monthly(added, level, uid, item, m, STANDING.get(uid, "middle")):
                        send(uid, code, month, value, f"{day}T09:00:00", evidence_list=[proof(uid, code, month, day)])
            decide(month, f"{day}T16:00:00")
        for uid, _, _ in MINISTRIES + PROVINCES:
            report(rng, uid, period)
        # The communes of Dong Nai report B05 to Dong Nai from Q2.
        if period != "2026-Q1":
            for uid, _, _ in COMMUNES:
                t = rng.randint(40, 90)
                send(uid, "tthc_du_dieu_kien", period, t)
                send(uid, "dvc_toan_trinh", period, round(t * rng.uniform(0.6, 0.9)))
        for uid, _, _ in ADDED_MINISTRIES + ADDED_PROVINCES:
            report(added, uid, period, STANDING.get(uid, "middle"))
        returned = decide(period, f"{APPROVED[period]}T10:00:00")
        if returned:
            fixed = dict(returned, submitted_at="2026-09-28T09:00:00", comment="Đã đối chiếu lại với Cổng DVCQG")
            value = str(int(returned["value"]["number"]) - 3)
            fixed["value"] = {"number": value}
            r = ledger.add({"kind": "submit", "submission": fixed})
            ledger.add(chain.approve(r, "bcd_lanh_dao", "2026-09-30T10:00:00"))
        if period == "2026-Q3":
            # Ha Noi sends its sandboxes twice, unchanged.
            send("HN", "sandbox_van_hanh", period, 2, "2026-09-18T09:00:00")
        for uid, indicator, p, causes, bottlenecks, solutions, at, support in EXPLANATIONS:
            if p == period:
                ledger.add(chain.explain(uid, indicator, p, causes, bottlenecks, solutions, at,
                                         by=f"{uid.lower()}_dau_moi", support=support))
    OUT.mkdir(exist_ok=True)

    def write(name, doc):
        (OUT / name).write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    write("org.json", org())
    write("assignments.json", assignments())
    write("calendar.json", CALENDAR)
    (OUT / "ledger.jsonl").write_text(ledger.jsonl(), encoding="utf-8")
    write_observations(ledger.entries)
    print(f"{len(ledger.entries)} entries, head {ledger.head()}")


if __name__ == "__main__":
    main()
