# An independent calculation of a batch entry's hashes, from docs/ledger-format.md alone.
import hashlib, json, struct
def text(s): b = s.encode(); return struct.pack(">I", len(b)) + b
row = (text("chiso.submission.1") + text("DN") + text("B01") + text("2026-05")
       + b"\x01" + b"\x00" + b"\x01" + (875).to_bytes(16, "big")   # 87.5: positive, scale 1, 875
       + b"\x00" + b"\x00\x00" + b"\x02" + text("thong_ke")          # no measure, no flags, a system
       + struct.pack(">I", 0)                                        # no evidence
       + text("thong_ke") + text("2026-06-02T09:00:00") + b"\x00" + b"\x00")
leaf = hashlib.sha256(b"\x00" + row).hexdigest()
print("row bytes", row.hex())
print("leaf", leaf)
header = {"sequence": 1, "previous": "0" * 64,
          "action": {"kind": "import", "rows": 1,
                     "approval": {"by": "BCD", "at": "2026-06-03T08:00:00"}, "root": leaf}}
print("entry", hashlib.sha256(json.dumps(header, separators=(",", ":")).encode()).hexdigest())
