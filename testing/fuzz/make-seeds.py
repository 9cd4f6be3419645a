#!/usr/bin/python3
"""Write a seed corpus for resume_ticket_fuzz: valid and near-valid ticket
headers and state plaintexts in format v1 (docs/ticket-format.md).

  make-seeds.py DIR
"""
import os
import struct
import sys

CRIT = 0x8000


def tlv(t, v):
    return struct.pack("!HH", t, len(v)) + v


def state(idi=b"\x02\x00\x00\x00west", idr=b"\x02\x00\x00\x00east",
          sk_d=bytes(range(32)), extra=b""):
    return b"".join([
        tlv(CRIT | 1, bytes(range(16))),
        tlv(CRIT | 2, idi),
        tlv(CRIT | 3, idr),
        tlv(CRIT | 4, b"\x02"),
        tlv(CRIT | 5, struct.pack("!Q", 1800000000)),
        tlv(CRIT | 6, struct.pack("!Q", 1800003600)),
        tlv(CRIT | 7, b"\x01" * 8),
        tlv(CRIT | 8, b"\x02" * 8),
        tlv(CRIT | 9, struct.pack("!HHHHH", 20, 256, 7, 0, 19)),
        tlv(CRIT | 10, sk_d),
        tlv(11, b"west-east"),
        tlv(12, struct.pack("!I", 1)),
    ]) + extra


def header(version=1):
    return struct.pack("!BBH", version, 0, 0) + b"K" * 8 + b"N" * 12


seeds = {
    "state": state(),
    "state-long-dn": state(idi=b"\x09\x00\x00\x00" + b"0" * 1500),
    "state-sk_d-64": state(sk_d=b"\x55" * 64),
    "state-unknown-noncritical": state(extra=tlv(0x0777, b"x")),
    "state-unknown-critical": state(extra=tlv(CRIT | 0x0777, b"x")),
    "state-duplicate": state(extra=tlv(CRIT | 10, b"x" * 32)),
    "ticket": header() + b"\x00" * 64 + b"T" * 16,
    "ticket-v2": header(2) + b"\x00" * 64 + b"T" * 16,
    "stock-5.2": b"\x00" * 856,
}
os.makedirs(sys.argv[1], exist_ok=True)
for name, data in seeds.items():
    with open(os.path.join(sys.argv[1], name), "wb") as f:
        f.write(data)
