#!/usr/bin/env python3
"""A stand-in for an event router's DNS that knows no device: every query is answered NXDOMAIN (name unknown).

Listens on UDP ADDRESS:53 and counts what reaches it, by the second the kernel received each query (so a busy machine
that delays this program does not move queries into a later second). Each second, once it is 3 s old, it appends one
line to COUNTS_FILE: "<unix second> <queries> <names>" (names: distinct names asked that second; an A and an AAAA
query for one name count once). measure-host.sh reads those lines for the seconds of its window.
Usage: nxdomain-resolver.py ADDRESS COUNTS_FILE
"""
import socket
import struct
import sys
import time

address, counts_file = sys.argv[1], sys.argv[2]
SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35)  # Linux; not every Python names it
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
sock.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
sock.bind((address, 53))
sock.settimeout(0.5)
out = open(counts_file, "a", buffering=1)
seconds = {}  # unix second -> [queries, set of names]


def question_end(packet):
    """Where the question (name, type, class) ends, and its name in lower case; None when it cannot be read."""
    labels, at = [], 12
    while at < len(packet):
        length = packet[at]
        if length == 0:
            return at + 5, b".".join(labels).lower()
        if length & 0xC0:
            return None
        labels.append(packet[at + 1:at + 1 + length])
        at += 1 + length
    return None


def nxdomain(packet, end):
    ident, flags = struct.unpack("!HH", packet[:4])
    # A response (QR) keeping the query's RD, recursion available, RCODE 3: the name does not exist.
    return struct.pack("!HHHHHH", ident, 0x8000 | (flags & 0x0100) | 0x0080 | 3, 1, 0, 0, 0) + packet[12:end]


def received_at(ancillary):
    for level, kind, data in ancillary:
        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS:
            return struct.unpack("qq", data[:16])[0]
    return int(time.time())


def write_old(now):
    for second in sorted(s for s in seconds if s < now - 3):
        queries, names = seconds.pop(second)
        out.write(f"{second} {queries} {len(names)}\n")


print(f"answering NXDOMAIN on {address}:53", flush=True)
last_write = 0
while True:
    try:
        packet, ancillary, _, sender = sock.recvmsg(4096, 64)
    except socket.timeout:
        packet = None
    now = int(time.time())
    if now != last_write:
        write_old(now)
        last_write = now
    question = question_end(packet) if packet and len(packet) > 12 else None
    if question is None:
        continue
    end, name = question
    counts = seconds.setdefault(received_at(ancillary), [0, set()])
    counts[0] += 1
    counts[1].add(name)
    sock.sendto(nxdomain(packet, end), sender)
