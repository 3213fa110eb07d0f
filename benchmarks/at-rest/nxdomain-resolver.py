#!/usr/bin/env python3
"""A stand-in for an event router's DNS that knows no device: every query is answered NXDOMAIN (name unknown).

Listens on UDP ADDRESS:53 and counts what reaches it. Each second it appends one line to COUNTS_FILE:
"<unix second> <queries> <names>" (names: distinct names asked that second; an A and an AAAA query for one name
count once). measure-host.sh reads those lines for the seconds of its window.
Usage: nxdomain-resolver.py ADDRESS COUNTS_FILE
"""
import socket
import struct
import sys
import time

address, counts_file = sys.argv[1], sys.argv[2]
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
sock.bind((address, 53))
sock.settimeout(0.5)
out = open(counts_file, "a", buffering=1)


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


second, queries, names = int(time.time()), 0, set()
print(f"answering NXDOMAIN on {address}:53", flush=True)
while True:
    try:
        packet, sender = sock.recvfrom(4096)
    except socket.timeout:
        packet = None
    now = int(time.time())
    while second < now:
        out.write(f"{second} {queries} {len(names)}\n")
        second, queries, names = second + 1, 0, set()
    question = question_end(packet) if packet and len(packet) > 12 else None
    if question is None:
        continue
    end, name = question
    queries += 1
    names.add(name)
    sock.sendto(nxdomain(packet, end), sender)
