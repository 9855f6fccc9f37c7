"""Durable ledgers from Python: the same stores as the CLI (a JSON Lines file and SQLite here;
PostgreSQL is the same code, tested against a real server by the Rust suites), appending under
the rules, stamped by the store's clock, and refusing a ledger cut or edited behind their back."""

import datetime
import json

import pytest

import chiso
from conftest import VECTORS


@pytest.fixture(params=["file", "sqlite"])
def location(request, tmp_path):
    return str(tmp_path / "so_cai.jsonl") if request.param == "file" else f"sqlite:{tmp_path / 'so_cai.db'}"


@pytest.fixture
def dong_nai():
    data = json.loads((VECTORS / "policy" / "matrix" / "input.json").read_text(encoding="utf-8"))
    return chiso.Reporting(chiso.Catalogue.nq57(), data["org"], data["assignments"])


def _submission(unit="DN", item="sandbox_van_hanh", period="2026-Q2", at="2026-07-02T09:00:00"):
    return {"kind": "submit", "submission": {
        "unit": unit, "item": item, "period": period, "value": {"number": "2"},
        "source": {"kind": "form"}, "submitted_by": "can_bo", "submitted_at": at}}


def _vietnam_now():
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) + datetime.timedelta(hours=7)


def test_appends_are_stamped_by_the_store_and_read_back(location):
    store = chiso.Store(location)
    before = _vietnam_now().replace(microsecond=0)
    entry = store.append(_submission())
    after = _vietnam_now()
    assert entry["format"] == 2
    recorded = datetime.datetime.fromisoformat(entry["recorded_at"])
    assert before <= recorded <= after
    assert store.anchor == {"sequence": 1, "hash": entry["hash"]}
    again = chiso.Store(location, create=False)
    assert again.ledger().to_jsonl() == store.ledger().to_jsonl()
    assert again.ledger().verify()["valid"]


def test_the_rules_apply_when_an_actor_appends(location, dong_nai):
    store = chiso.Store(location)
    with pytest.raises(chiso.PolicyError) as refused:
        store.append(_submission(), actor="HN", reporting=dong_nai)
    assert refused.value.code == "policy.denied"
    assert len(store.ledger()) == 0
    assert store.append(_submission(), actor="DN", reporting=dong_nai)["sequence"] == 1
    with pytest.raises(TypeError):
        store.append(_submission(), actor="DN")


def test_a_claim_later_than_the_store_clock_is_refused(location):
    store = chiso.Store(location)
    tomorrow = (_vietnam_now() + datetime.timedelta(days=1)).replace(microsecond=0).isoformat()
    with pytest.raises(chiso.LedgerError) as refused:
        store.append(_submission(at=tomorrow))
    assert refused.value.findings[0]["code"] == "ledger.time_ahead"


def test_a_cut_file_is_an_error_never_intact(tmp_path):
    path = tmp_path / "so_cai.jsonl"
    store = chiso.Store(str(path))
    for unit in ("DN", "DN"):
        store.append(_submission(unit=unit))
    path.write_text("", encoding="utf-8")
    with pytest.raises(chiso.StoreError) as refused:
        chiso.Store(str(path), create=False)
    assert refused.value.code == "store.truncated"
    assert "0" in refused.value.message_en and "2" in refused.value.message_en
    assert "cắt" in refused.value.message_vi


def test_an_edited_file_is_a_ledger_error(tmp_path):
    path = tmp_path / "so_cai.jsonl"
    chiso.Store(str(path)).append(_submission())
    path.write_text(path.read_text(encoding="utf-8").replace('"2"', '"3"'), encoding="utf-8")
    with pytest.raises(chiso.LedgerError) as refused:
        chiso.Store(str(path))
    assert refused.value.code == "ledger.tampered"


def test_a_missing_ledger_is_not_created_unless_asked(tmp_path):
    with pytest.raises(chiso.StoreError) as refused:
        chiso.Store(str(tmp_path / "none.jsonl"), create=False)
    assert refused.value.code == "store.missing"
    assert chiso.Store(str(tmp_path / "none.jsonl")).backend == "file"
    assert chiso.Store(f"sqlite:{tmp_path / 'x.db'}").backend == "sqlite"


def test_load_verifies_against_a_published_head(tmp_path):
    sample = VECTORS / "ledger" / "truncated"
    expected = json.loads((sample / "expected.json").read_text(encoding="utf-8"))
    with pytest.raises(chiso.LedgerError) as refused:
        chiso.Ledger.load(sample / "ledger.jsonl", head=expected["head"])
    assert refused.value.code == "ledger.tampered"
    assert len(chiso.Ledger.load(sample / "ledger.jsonl")) == 3


def test_the_sample_acts_through_persons(tmp_path):
    """The bundled chart names persons: a focal officer submits, an approver above decides, a
    unit id is no actor, and no one decides on their own submission."""
    reporting = chiso.Reporting.load(VECTORS.parents[1] / "examples" / "data" / "sample")
    store = chiso.Store(str(tmp_path / "so_cai.jsonl"))
    submission = {"kind": "submit", "submission": {
        "unit": "DN", "item": "httt_tong", "period": "2026-Q3", "value": {"number": "12"},
        "source": {"kind": "form"}, "submitted_by": "dn_dau_moi", "submitted_at": "2026-10-01T09:00:00",
        "evidence": [{"file_name": "bao_cao.pdf", "sha256": "ab" * 32, "size": 2048, "media_type": "application/pdf"}]}}
    with pytest.raises(chiso.PolicyError) as refused:
        store.append(submission, actor="DN", reporting=reporting)
    assert refused.value.message_en.endswith("there is no person `DN` in the organisation chart")
    assert store.append(submission, actor="dn_dau_moi", reporting=reporting)["sequence"] == 1
    now = _vietnam_now().replace(microsecond=0).isoformat()

    def approve(by):
        return {"kind": "approve", "revision": 1, "by": by, "at": now}

    with pytest.raises(chiso.PolicyError) as refused:
        store.append(approve("dn_dau_moi"), actor="dn_dau_moi", reporting=reporting)
    assert "approver" in refused.value.message_en
    with pytest.raises(chiso.PolicyError) as refused:
        store.append(approve("Thủ tướng"), actor="bcd_lanh_dao", reporting=reporting)
    assert "signed `Thủ tướng`" in refused.value.message_en
    assert store.append(approve("bcd_lanh_dao"), actor="bcd_lanh_dao", reporting=reporting)["sequence"] == 2


def test_assigning_and_withdrawing_in_the_ledger(tmp_path):
    """Dong Nai's head passes C02 down to the ward of Biên Hòa in the ledger; the ward's officer
    may then report its input, and no longer after the withdrawal ends it with Q3."""
    reporting = chiso.Reporting.load(VECTORS.parents[1] / "examples" / "data" / "sample")
    store = chiso.Store(f"sqlite:{tmp_path / 'so_cai.db'}")
    now = _vietnam_now().replace(microsecond=0).isoformat()

    def submit(period):
        return {"kind": "submit", "submission": {
            "unit": "DN_BH", "item": "tram_5g_moi", "period": period, "value": {"number": "4"},
            "source": {"kind": "form"}, "submitted_by": "dn_bh_dau_moi", "submitted_at": now}}

    with pytest.raises(chiso.PolicyError) as refused:
        store.append(submit("2026-Q3"), actor="dn_bh_dau_moi", reporting=reporting)
    assert refused.value.code == "policy.denied"
    assign = {"kind": "assign", "by": "dn_lanh_dao", "at": now, "assignment": {
        "unit": "DN_BH", "item": "C02", "role": "implementing", "focal_officer": "dn_bh_dau_moi",
        "from": "2026-Q3", "assigned_by": "DN"}}
    with pytest.raises(chiso.PolicyError) as refused:  # a sibling province's head
        store.append({**assign, "by": "hp_lanh_dao"}, actor="hp_lanh_dao", reporting=reporting)
    assert "units below it" in refused.value.message_en or "their unit" in refused.value.message_en
    made = store.append(assign, actor="dn_lanh_dao", reporting=reporting)["sequence"]
    assert store.append(submit("2026-Q3"), actor="dn_bh_dau_moi", reporting=reporting)["sequence"] == 2
    withdraw = {"kind": "withdraw", "assignment": made, "to": "2026-Q3", "by": "dn_lanh_dao", "at": now,
                "reason": "Tỉnh trực tiếp theo dõi từ quý IV"}
    store.append(withdraw, actor="dn_lanh_dao", reporting=reporting)
    with pytest.raises(chiso.PolicyError):
        store.append(submit("2026-Q4"), actor="dn_bh_dau_moi", reporting=reporting)
    rows = store.ledger().assignments().rows
    assert [(r["entry"], r["unit"], r["item"], r["from"], r["to"]) for r in rows] == [
        (1, "DN_BH", "C02", "2026-Q3", "2026-Q3")]
    with pytest.raises(chiso.LedgerError) as twice:
        store.append(withdraw, actor="dn_lanh_dao", reporting=reporting)
    assert twice.value.code == "ledger.invalid_entry"
