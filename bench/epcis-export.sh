#!/usr/bin/env bash
# EPCIS export of one big lot (issue 15): the lot's commissioning, 100,000 stamps' commissioning (ranges written out
# as epcLists) and 10,000 diary events, as ONE EPCISDocument from GET /api/batches/{id}/epcis, streamed by the
# running service from embedded Derby. Prints MB/s (best and median of RUNS timed downloads after WARM untimed ones: the JIT) and
# the heap the export holds: the server's live objects (jmap -histo:live) every SAMPLE_EVERY s during one more
# export read by a slow client (SLOW_RATE), peak minus before. Goals: >= 30 MB/s, heap held < 128 MB.
# The document is checked too: valid JSON, every stamp's Digital Link URI once, every diary event once.
# Needs the built WAR (./mvnw -B -o -DskipTests install), python3, jmap. STAMPS=100000 DIARY=10000 RUNS=5
# SAMPLE_EVERY=2 SLOW_RATE=500K WARM=5 PORT=8383 KEEP_DATA=1 change the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/server-lib.sh
STAMPS="${STAMPS:-100000}"
DIARY="${DIARY:-10000}"
RUNS="${RUNS:-5}"
SAMPLE_EVERY="${SAMPLE_EVERY:-2}"
SLOW_RATE="${SLOW_RATE:-500K}"
WARM="${WARM:-5}"
command -v jmap >/dev/null || { echo "jmap (JDK) is missing" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 2; }
WORK=$(mktemp -d /tmp/temso-bench-epcis.XXXXXX)
SAMPLER=
trap '[ -z "$SAMPLER" ] || kill "$SAMPLER" 2>/dev/null; stop_server; [ -n "${KEEP_DATA:-}" ] || rm -rf "$WORK"' EXIT

echo "== $(date -u +%FT%TZ) $(nproc) CPUs, $(java -version 2>&1 | head -1)"
start_server "$WORK/data" "$WORK/server.log"
TOKEN=$(login tantru.quanly)
read -r BATCH GTIN LOT < <(demo_batch "$TOKEN")
echo "batch $BATCH gtin $GTIN lot $LOT"

T0=$(date +%s.%N)
JOB=$(start_job "$TOKEN" "$BATCH" "$STAMPS")
[ -n "$JOB" ] || { echo "POST stamps did not answer 202 with a Location" >&2; exit 1; }
until curl -sf "$JOB" -H "Authorization: Bearer $TOKEN" | grep -q '"status":"DONE"'; do sleep 1; done
printf 'set-up: %d stamps issued in %.1f s\n' "$STAMPS" "$(echo "$(date +%s.%N) - $T0" | bc -l)"

# the diary through the API, as a cooperative's phones would write it (two connections, keep-alive)
T0=$(date +%s.%N)
python3 - "$B" "$TOKEN" "$BATCH" "$DIARY" <<'PY'
import http.client, json, sys, threading, urllib.parse
from datetime import datetime, timedelta, timezone
base, token, batch, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
u = urllib.parse.urlsplit(base)
def conn():
    return http.client.HTTPConnection(u.hostname, u.port, timeout=60)
c = conn()
c.request("GET", f"/api/batches/{batch}", headers={"Authorization": f"Bearer {token}"})
zones = [z["id"] for z in json.loads(c.getresponse().read())["zones"]]
start = datetime.now(timezone.utc) - timedelta(days=200)
kinds = [("FERTILISING", "Phân NPK 16-16-8", "50 kg/ha"), ("IRRIGATION", None, None),
         ("SPRAYING", "Chế phẩm sinh học Trichoderma", "1 kg/200 lít"), ("INSPECTION", None, None)]
errors = []
def post(lo, hi):
    h = conn()
    for i in range(lo, hi):
        kind, inp, dose = kinds[i % len(kinds)]
        e = {"type": kind, "occurredAt": (start + timedelta(minutes=25 * i)).strftime("%Y-%m-%dT%H:%M:%SZ"),
             "zoneId": zones[i % len(zones)] if zones else None, "actor": "Tổ kỹ thuật HTX",
             "note": f"Nhật ký đồng ruộng số {i}: kiểm tra sâu bệnh, ghi chép lượng nước tưới"}
        if inp:
            e.update(inputName=inp, dose=dose)
        if kind == "SPRAYING":
            e["preHarvestIntervalDays"] = 7
        h.request("POST", f"/api/batches/{batch}/events", body=json.dumps(e).encode(),
                  headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        r = h.getresponse(); body = r.read()
        if r.status != 201:
            errors.append((i, r.status, body[:300])); return
half = count // 2
ts = [threading.Thread(target=post, args=(0, half)), threading.Thread(target=post, args=(half, count))]
[t.start() for t in ts]; [t.join() for t in ts]
if errors:
    sys.exit(f"diary POST failed: {errors[:3]}")
PY
printf 'set-up: %d diary events posted in %.1f s\n' "$DIARY" "$(echo "$(date +%s.%N) - $T0" | bc -l)"

URL="$B/api/batches/$BATCH/epcis"
export_once() { curl -sf -o "$WORK/doc.jsonld" -w '%{size_download} %{time_total}\n' "$URL" -H "Authorization: Bearer $TOKEN"; }

for i in $(seq 1 "$WARM"); do
  read -r BYTES SECS < <(export_once)
  printf 'warm-up export %d: %d bytes in %.2f s (not counted)\n' "$i" "$BYTES" "$SECS"
done
python3 - "$WORK/doc.jsonld" "$GTIN" "$STAMPS" "$DIARY" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
gtin, stamps, diary = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
events = doc["epcisBody"]["eventList"]
epcs = [e for ev in events for e in ev.get("epcList", []) if "/21/" in e]
assert doc["type"] == "EPCISDocument", doc["type"]
assert len(epcs) == len(set(epcs)) >= stamps, (len(epcs), len(set(epcs)))
notes = [ev for ev in events if "Nhật ký đồng ruộng số" in json.dumps(ev, ensure_ascii=False)]
assert len(notes) >= diary, len(notes)
print(f"document checked: {len(events)} events, {len(set(epcs))} stamp URIs once each, {len(notes)} diary events")
PY

SIZES=()
for i in $(seq 1 "$RUNS"); do
  read -r BYTES SECS < <(export_once)
  RATE=$(echo "$BYTES / 1000000 / $SECS" | bc -l)
  printf '  export %d: %d bytes in %.2f s = %.1f MB/s\n' "$i" "$BYTES" "$SECS" "$RATE"
  SIZES+=("$RATE")
done
BEST=$(printf '%s\n' "${SIZES[@]}" | sort -g | tail -1)
MEDIAN=$(printf '%s\n' "${SIZES[@]}" | sort -g | sed -n "$(( (RUNS + 1) / 2 ))p")

# the heap the export holds: live objects (jmap -histo:live) every SAMPLE_EVERY s during an export read by a slow
# client (SLOW_RATE, curl --limit-rate: the export then lasts seconds, and any buffering of the document would show)
BEFORE=$(live_heap_mb)
: > "$WORK/heap.txt"
( while sleep "$SAMPLE_EVERY"; do live_heap_mb >> "$WORK/heap.txt"; done ) &
SAMPLER=$!
read -r SLOW_BYTES SLOW_SECS < <(curl -sf --limit-rate "$SLOW_RATE" -o /dev/null -w '%{size_download} %{time_total}\n' "$URL" -H "Authorization: Bearer $TOKEN")
kill "$SAMPLER"; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=
# (times carry as many fraction digits as they need: a document may differ by a few bytes)
[ $(( SLOW_BYTES - BYTES )) -le 10 ] && [ $(( BYTES - SLOW_BYTES )) -le 10 ] || { echo "the slow export gave $SLOW_BYTES bytes, not $BYTES" >&2; exit 1; }
PEAK=$( (echo "$BEFORE"; cat "$WORK/heap.txt") | sort -n | tail -1)
printf 'live heap: before the export %d MB; during a %.1f s export at %s/s, every %s s: %s\n' "$BEFORE" "$SLOW_SECS" \
  "$SLOW_RATE" "$SAMPLE_EVERY" "$(tr '\n' ' ' < "$WORK/heap.txt")"
printf 'RESULT epcis export %d bytes (%d stamps, %d diary events): best %.1f MB/s, median %.1f MB/s (goal >= 30) | heap held by the export: peak %d MB - before %d MB = %d MB (goal < 128)\n' \
  "$BYTES" "$STAMPS" "$DIARY" "$BEST" "$MEDIAN" "$PEAK" "$BEFORE" "$(( PEAK - BEFORE ))"
