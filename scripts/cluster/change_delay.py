#!/usr/bin/env python3
"""Measures how long a change made on one instance takes to show on another's trace page.

change_delay.py WATCH_URL CONDITION METHOD WRITE_URL TOKEN [JSON_BODY]
Reads WATCH_URL (JSON trace record) once, requires CONDITION (a Python expression over the record j) to be false,
sends the write, then reads WATCH_URL back to back until CONDITION is true. Prints the milliseconds from the write's
answer to the end of the first read that shows it, and how long that one read took (the part of the delay that is
the measurement); exits 1 when it does not show within 10 s or the write fails.
"""
import json
import sys
import time
import urllib.request

watch, condition, method, write_url, token = sys.argv[1:6]
body = sys.argv[6].encode() if len(sys.argv) > 6 else None


def read():
    req = urllib.request.Request(watch, headers={"Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=5) as r:
        return eval(condition, {}, {"j": json.load(r)})


if read():
    sys.exit("the condition already holds before the write: " + condition)
req = urllib.request.Request(write_url, data=body, method=method, headers={
    "Authorization": "Bearer " + token, "Content-Type": "application/json"})
try:
    with urllib.request.urlopen(req, timeout=30) as r:
        r.read()
except urllib.error.HTTPError as e:
    sys.exit("the write %s %s answered %s: %s" % (method, write_url, e.code, e.read()[:300]))
t0 = time.monotonic()
while time.monotonic() - t0 < 10:
    started = time.monotonic()
    if read():
        done = time.monotonic()
        print(round((done - t0) * 1000), round((done - started) * 1000))
        sys.exit(0)
sys.exit("not shown within 10 s")
