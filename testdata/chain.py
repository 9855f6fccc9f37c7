"""An independent writer of chiso ledgers, in plain Python: builds entries with the fields in
the order the format declares, and computes each entry's SHA-256 from the compact JSON of
`{"sequence", "previous", "action"}` (format 1), or of `{"format": 2, "sequence", "previous",
"recorded_at", "action"}` for an entry a store stamped (format 2), with hashlib. The Rust, Python and JavaScript suites check
that chiso computes the same hashes, byte for byte."""

import hashlib
import json

GENESIS = "0" * 64


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def evidence(file_name, content, media_type="application/pdf", number=None, date=None, summary=None):
    e = {"file_name": file_name, "sha256": hashlib.sha256(content.encode()).hexdigest(),
         "size": len(content.encode()), "media_type": media_type}
    if number:
        e["document_number"] = number
    if date:
        e["document_date"] = date
    if summary:
        e["summary"] = summary
    return e


def submission(unit, item, period, value, at, by="can_bo", source=None, evidence_list=(), measure=None,
               flags=None, comment=None):
    """Fields in `Submission`'s declaration order; empty optional fields left out."""
    s = {"unit": unit, "item": item, "period": period, "value": value}
    if measure is not None:
        s["measure"] = measure
    if flags:
        s["flags"] = flags
    s["source"] = source or {"kind": "form"}
    if evidence_list:
        s["evidence"] = list(evidence_list)
    s["submitted_by"] = by
    s["submitted_at"] = at
    if comment is not None:
        s["comment"] = comment
    return {"kind": "submit", "submission": s}


def approve(revision, by, at):
    return {"kind": "approve", "revision": revision, "by": by, "at": at}


def give_back(revision, by, at, reason):
    return {"kind": "return", "revision": revision, "by": by, "at": at, "reason": reason}


def assign(assignment, by, at):
    return {"kind": "assign", "assignment": assignment, "by": by, "at": at}


def withdraw(entry, by, at, reason, to=None):
    action = {"kind": "withdraw", "assignment": entry}
    if to is not None:
        action["to"] = to
    return {**action, "by": by, "at": at, "reason": reason}


def explain(unit, indicator, period, causes, bottlenecks, solutions, at, by="can_bo", support=None):
    e = {"unit": unit, "indicator": indicator, "period": period, "causes": causes,
         "bottlenecks": bottlenecks, "solutions": solutions}
    if support is not None:
        e["support_requested"] = support
    e["submitted_by"] = by
    e["submitted_at"] = at
    return {"kind": "explain", "explanation": e}


def entry_hash(entry):
    """The hash of an entry: every field but `hash`, in the order written."""
    return hashlib.sha256(compact({k: v for k, v in entry.items() if k != "hash"}).encode()).hexdigest()


class Chain:
    """Entries appended in order, each chained to the one before."""

    def __init__(self):
        self.entries = []

    def head(self):
        return self.entries[-1]["hash"] if self.entries else GENESIS

    def add(self, action, recorded_at=None):
        sequence = len(self.entries) + 1
        if recorded_at is None:
            hashed = {"sequence": sequence, "previous": self.head(), "action": action}
        else:
            hashed = {"format": 2, "sequence": sequence, "previous": self.head(), "recorded_at": recorded_at,
                      "action": action}
        self.entries.append(dict(hashed, hash=entry_hash(hashed)))
        return sequence

    def jsonl(self):
        return "".join(compact(e) + "\n" for e in self.entries)


def publish(period, as_of, ledger_head, rankings, by, at, scheme=None, replaces=None, reason=None):
    """A publication (issue 18): its ranking hash is SHA-256 of the rankings' compact JSON."""
    publication = {"period": period, "as_of": as_of, "ledger_head": ledger_head, "catalogue": "nq57",
                   "catalogue_version": "2026.06", "scheme": scheme or {"method": "weighted_mean"},
                   "rankings": rankings,
                   "ranking_hash": hashlib.sha256(compact(rankings).encode()).hexdigest()}
    if replaces is not None:
        publication["replaces"] = replaces
    if reason is not None:
        publication["reason"] = reason
    publication.update({"by": by, "at": at})
    return {"kind": "publish", "publication": publication}
