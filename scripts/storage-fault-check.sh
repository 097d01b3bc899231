#!/usr/bin/env bash
# Storage faults on embedded Derby (issue 13, "Storage faults are visible and survivable"): one instance (no cluster)
# whose data directory is on a small tmpfs volume of its own. A 100,000-stamp job runs; the volume is then filled to
# the last byte with a filler file and the script checks that
#   - /health/ready turns DOWN (the load balancer stops sending work) and stays DOWN while the disk is full;
#   - writes (sign-in, a new batch) answer 2xx or 503 problem+json storage-unavailable with Retry-After, never 500;
#   - a trace page of a stamp seen before still answers 200 (reads work; its scan is kept in memory and written later);
# then frees the space and checks that, without a restart,
#   - /health/ready is UP again (FIGURE derby_recovery_ms), sign-in and a new batch work;
#   - the job started before the fault reaches its full count (needs jobs to pause and continue on storage faults:
#     job_finishes_after_space_returns; STORAGE_JOB_STRICT=0 reports it PENDING instead of failing).
# Needs root (mount), curl, python3, dd, and the built WAR (./mvnw -B -o -pl traceability-war -am -DskipTests
# package; TEMSO_WAR names another copy). Settings: PORT (8790), VOLUME_MB (48), COUNT (100000), FILL_AT (stamps issued before the disk is filled,
# 10000), MIN_FREE_MB (TEMSO_STORAGE_MIN_FREE_MB of the instance, 4), KEEP=1 keeps the work directory.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8790}"
VOLUME_MB="${VOLUME_MB:-48}"
COUNT="${COUNT:-100000}"
FILL_AT="${FILL_AT:-10000}"
export TEMSO_STORAGE_MIN_FREE_MB="${MIN_FREE_MB:-4}"
WORK=$(mktemp -d /tmp/temso-storage-fault.XXXXXX)
VOL="$WORK/vol"
cp "${TEMSO_WAR:-traceability-war/target/temso.war}" "$WORK/temso.war"   # a rebuild while this runs changes nothing
export TEMSO_WAR="$WORK/temso.war"
. bench/server-lib.sh

now_ms() { date +%s%3N; }
pass()   { printf 'PASS %s\n' "$*"; }
fail()   { printf 'FAIL %s\n' "$*" >&2; exit 1; }
figure() { printf 'FIGURE %s=%s %s\n' "$1" "$2" "${3:-}"; }
log()    { printf '[storage] %s\n' "$*" >&2; }
cleanup() {
  local rc=$?
  set +e
  rm -f "$WORK/keep-full"; [ -n "${FILLER_PID:-}" ] && wait "$FILLER_PID" 2>/dev/null
  stop_server
  mountpoint -q "$VOL" && umount "$VOL"
  if [ "$rc" -ne 0 ] || [ "${KEEP:-}" = 1 ]; then log "work directory kept: $WORK (server log $WORK/server.log)"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

ready_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$B/health/ready"; }
# wait_ready_is CODE TIMEOUT_S -> ms until /health/ready answered CODE; fails on timeout
wait_ready_is() {
  local want=$1 timeout=$2 t0; t0=$(now_ms)
  until [ "$(ready_code)" = "$want" ]; do
    [ $(( $(now_ms) - t0 )) -lt $((timeout * 1000)) ] || fail "/health/ready did not answer $want within $timeout s: $(curl -s -m 5 "$B/health/ready")"
    sleep 0.2
  done
  echo $(( $(now_ms) - t0 ))
}
# write_outcome NAME STATUS HEADERS BODY: a write must succeed or answer 503 storage-unavailable with Retry-After;
# sets OUTCOME (ok or 503), fails the check otherwise
write_outcome() {
  local what=$1 status=$2 headers=$3 body=$4
  case "$status" in
    2??) OUTCOME=ok ;;
    503)
      grep -qi '^content-type: application/problem+json' <<<"$headers" || fail "$what: 503 without problem+json: $headers"
      grep -qi '^retry-after:' <<<"$headers" || fail "$what: 503 without Retry-After"
      [ "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["type"])' "$body")" = "https://temso.vn/problems/storage-unavailable" ] \
        || fail "$what: 503 of another type: $body"
      OUTCOME=503 ;;
    *) fail "$what answered $status while the disk is full (expected 2xx or 503 storage-unavailable): $body" ;;
  esac
}
# call METHOD PATH [JSON] [TOKEN] -> sets STATUS, HEADERS, BODY
call() {
  local out; out=$(mktemp "$WORK/call.XXXXXX")
  STATUS=$(curl -s -m 30 -D "$out.h" -o "$out" -w '%{http_code}' -X "$1" "$B$2" -H 'Content-Type: application/json' \
    ${4:+-H "Authorization: Bearer $4"} ${3:+-d "$3"})
  HEADERS=$(tr -d '\r' <"$out.h"); BODY=$(cat "$out"); rm -f "$out" "$out.h"
}
sign_in() { call POST /api/auth/login '{"username":"tantru.quanly","password":"temso-demo-2026"}'; }
new_batch() { # a batch of the demo batch's product and zone, with a fresh lot code
  call POST /api/batches "{\"productId\":\"$PRODUCT\",\"zoneIds\":[\"$ZONE\"],\"lotCode\":\"SF$1\",\"harvestDate\":\"2026-11-20\",\"quantity\":10,\"unit\":\"kg\"}" "$TOKEN"
}
job_json() { curl -sf -m 10 "$JOB" -H "Authorization: Bearer $TOKEN"; }
job_field() { job_json | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

# job_finishes_after_space_returns: the job started before the fault ends DONE with every stamp once space is back.
# Jobs pause on a storage fault and continue by themselves (platform.jobs.StoragePause); a job that fails or stays
# RUNNING without progress for 30 s fails the check (STORAGE_JOB_STRICT=0 reports it PENDING instead).
job_finishes_after_space_returns() {
  local t0 status issued last="" moved; t0=$(date +%s); moved=$t0
  while :; do
    status=$(job_field status 2>/dev/null || echo "?"); issued=$(job_field issued 2>/dev/null || echo "?")
    [ "$status" = RUNNING ] || break
    [ "$issued" != "$last" ] && { last=$issued; moved=$(date +%s); }
    # stuck: no progress for 30 s (a job that does not continue by itself never will)
    [ $(( $(date +%s) - moved )) -lt 30 ] || break
    [ $(( $(date +%s) - t0 )) -lt "${JOB_WAIT_S:-600}" ] || break
    sleep 2
  done
  if [ "$status" = DONE ] && [ "$issued" = "$COUNT" ]; then
    pass "the job started before the fault ended DONE with $issued stamps after space returned, without a restart"
    figure derby_job_after_fault_s $(( $(date +%s) - t0 )) s
  elif [ "${STORAGE_JOB_STRICT:-1}" = 1 ]; then
    fail "the job started before the fault is $status with $issued of $COUNT stamps"
  else
    printf 'PENDING the job started before the fault is %s with %s of %s stamps (STORAGE_JOB_STRICT=0)\n' \
      "$status" "$issued" "$COUNT"
  fi
}

mkdir -p "$VOL"
mount -t tmpfs -o "size=${VOLUME_MB}m" temso-storage-check "$VOL"
log "volume $VOL: ${VOLUME_MB} MB tmpfs; instance on port $PORT, log $WORK/server.log"
start_server "$VOL/data" "$WORK/server.log"
wait_ready_is 200 120 >/dev/null
TOKEN=$(login tantru.quanly)
read -r BATCH GTIN LOT < <(demo_batch "$TOKEN")
B_JSON=$(curl -sf "$B/api/batches/$BATCH" -H "Authorization: Bearer $TOKEN")
PRODUCT=$(python3 -c 'import json,sys; j=json.loads(sys.argv[1]); print(j["productId"])' "$B_JSON")
ZONE=$(python3 -c 'import json,sys; j=json.loads(sys.argv[1]); print(j["zones"][0]["id"])' "$B_JSON")
new_batch before; [ "$STATUS" = 201 ] || [ "$STATUS" = 200 ] || fail "creating a batch before the fault: $STATUS $BODY"
log "free on the volume after start: $(df -m --output=avail "$VOL" | tail -1 | tr -d ' ') MB"

# a stamp scanned once before the fault: its page must still answer while the disk is full
STAMP_PATH=$(curl -sf "$B/api/batches/$BATCH/stamps?size=1" -H "Authorization: Bearer $TOKEN" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["url"])' 2>/dev/null || true)
JOB=$(start_job "$TOKEN" "$BATCH" "$COUNT")
[ -n "$JOB" ] || fail "the issuing job was refused"
until [ "$(job_field issued)" -ge "$FILL_AT" ]; do
  [ "$(job_field status)" = RUNNING ] || fail "the job ended ($(job_json)) before $FILL_AT stamps; use a larger COUNT"
  sleep 0.5
done
if [ -z "$STAMP_PATH" ]; then
  STAMP_PATH=$(curl -sf "$B/api/batches/$BATCH/stamps?size=1" -H "Authorization: Bearer $TOKEN" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["url"])')
fi
STAMP_PATH=$(sed -E 's#^https?://[^/]+##' <<<"$STAMP_PATH")
[ "$(curl -s -o /dev/null -w '%{http_code}' "$B$STAMP_PATH")" = 200 ] || fail "trace page of $STAMP_PATH before the fault"

# fill the volume to the last byte and keep it full: Derby deletes log files it no longer needs after a checkpoint
# (and a failed job stops writing), which would otherwise free space again at once
T_FULL=$(now_ms)
touch "$WORK/keep-full"
( i=0; while [ -f "$WORK/keep-full" ]; do
    dd if=/dev/zero of="$VOL/filler.$i" bs=16k 2>/dev/null || true; i=$((i + 1)); sleep 0.2
  done ) &
FILLER_PID=$!
sleep 1
log "volume full at $(job_field issued) stamps issued: $(df -k --output=avail "$VOL" | tail -1 | tr -d ' ') KB free"
MS=$(wait_ready_is 503 20)
figure derby_ready_down_ms "$MS" ms
pass "/health/ready DOWN $MS ms after the disk filled: $(curl -s -m 5 "$B/health/ready" | head -c 400)"

# writes while full: small ones may still fit into pages Derby has; none may answer 500
sleep 3 # the job meets the full disk
WROTE_503=0
sign_in; write_outcome "sign-in while full" "$STATUS" "$HEADERS" "$BODY"; [ "$OUTCOME" = 503 ] && WROTE_503=$((WROTE_503 + 1))
for i in 1 2 3; do
  new_batch "full$i"; write_outcome "new batch $i while full" "$STATUS" "$HEADERS" "$BODY"; [ "$OUTCOME" = 503 ] && WROTE_503=$((WROTE_503 + 1))
done
call POST "/api/batches/$BATCH/stamps" '{"count":5000}' "$TOKEN"
case "$STATUS" in
  202|429) log "a new 5,000-stamp job while full: $STATUS" ;;
  *) write_outcome "new issuing job while full" "$STATUS" "$HEADERS" "$BODY"; [ "$OUTCOME" = 503 ] && WROTE_503=$((WROTE_503 + 1)) ;;
esac
# Derby still rewrites pages it has and appends to its current log file (1 MB): small writes may fit. Diary entries
# with 2,000-character notes fill the log file within a few hundred writes; the one that needs a new file or page
# must answer 503, and none may answer 500
NOTE=$(python3 -c 'print("ghi chú " * 250)')
DIARY=0
for i in $(seq 400); do
  [ "$WROTE_503" -gt 0 ] && break
  DIARY=$i
  call POST "/api/batches/$BATCH/events" "{\"type\":\"INSPECTION\",\"occurredAt\":\"2026-11-20T08:00:00Z\",\"note\":\"$NOTE\"}" "$TOKEN"
  write_outcome "diary entry $i while full" "$STATUS" "$HEADERS" "$BODY"; [ "$OUTCOME" = 503 ] && WROTE_503=$((WROTE_503 + 1))
done
[ "$WROTE_503" -gt 0 ] || fail "400 diary entries fitted on a full disk: no write met the fault"
pass "writes while the disk is full: none answered 500, $WROTE_503 answered 503 storage-unavailable with Retry-After of $((5 + DIARY)) (sign-in, 3 batches, an issuing job, $DIARY diary entries; the others fitted into pages and log Derby had)"
log "$(grep -c 'Storage unavailable' "$WORK/server.log") storage-unavailable answers logged"
TRACE=$(curl -s -o /dev/null -w '%{http_code}' "$B$STAMP_PATH")
[ "$TRACE" = 200 ] || fail "the trace page of a stamp seen before answered $TRACE while the disk is full"
pass "trace page of a stamp seen before still answers 200 while the disk is full (its scan is queued in memory)"
[ "$(ready_code)" = 503 ] || fail "/health/ready is UP again while the disk is still full"
log "job while full: $(job_json)"

# free the space: the instance comes back by itself
rm -f "$WORK/keep-full"; wait "$FILLER_PID" 2>/dev/null || true
rm -f "$VOL"/filler.*
# and grow the volume, as an operator would: 100,000 stamps do not fit on 48 MB, and the job would only pause again
mount -o "remount,size=$((VOLUME_MB * 4))m" "$VOL"
MS=$(wait_ready_is 200 60)
figure derby_recovery_ms "$MS" ms
pass "/health/ready UP $MS ms after space was freed, without a restart"
PID_BEFORE=$SERVER_PID
sign_in; [ "$STATUS" = 200 ] || fail "sign-in after recovery: $STATUS $BODY"
new_batch after; [ "$STATUS" = 201 ] || [ "$STATUS" = 200 ] || fail "creating a batch after recovery: $STATUS $BODY"
kill -0 "$PID_BEFORE" || fail "the server process is gone"
pass "sign-in and a new batch work after recovery, same process (pid $PID_BEFORE)"
job_finishes_after_space_returns
log "fault to recovery took $(( ($(now_ms) - T_FULL) / 1000 )) s in all"
