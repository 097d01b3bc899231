#!/usr/bin/env bash
# Bulk issuance: 100,000 stamps for one batch, signed and persisted in embedded Derby by the running service, timed
# from the POST to status DONE; against raw Bouncy Castle Ed25519 signing of 100,000 messages of the same size on one
# thread in the same run. Target: issuance rate >= 0.5 x raw signing rate.
# Both sides are warmed up alike: the raw side's first round of COUNT signatures is not counted, and the server
# first issues WARMUP stamps (default: COUNT, the same amount) for the same batch in an uncounted job, so the JIT
# has compiled the signing and Derby's insert paths; WARMUP=0 times a cold server. Needs the built WAR
# (./mvnw -B -o -DskipTests install). COUNT=100000 WARMUP=COUNT PORT=8383 KEEP_DATA=1 change the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/server-lib.sh
COUNT="${COUNT:-100000}"
WARMUP="${WARMUP:-$COUNT}"
WORK=$(mktemp -d /tmp/temso-bench-issuance.XXXXXX)
trap 'stop_server; [ -n "${KEEP_DATA:-}" ] || rm -rf "$WORK"' EXIT

BC_JAR="$HOME/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.86/bcprov-jdk18on-1.86.jar"
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$BC_JAR" traceability-war/src/test/java/vn/temso/bench/RawEd25519Signing.java

echo "== $(date -u +%FT%TZ) $(nproc) CPUs, $(java -version 2>&1 | head -1)"
echo "uptime before start: $(uptime)"
start_server "$WORK/data" "$WORK/server.log"
TOKEN=$(login tantru.quanly)
read -r BATCH GTIN LOT < <(demo_batch "$TOKEN")
KID=$(curl -sf "$B/.well-known/jwks.json" | tr -d ' \n' | sed -E 's/.*"kid":"([^"]+)".*/\1/')
echo "batch $BATCH gtin $GTIN lot $LOT kid $KID"

# wait_job JOB_URL: polls until the job is no longer RUNNING, prints progress every 10 s; J and STATUS hold the end
wait_job() {
  local last="" now
  while :; do
    J=$(curl -sf "$1" -H "Authorization: Bearer $TOKEN")
    STATUS=$(printf '%s' "$J" | json_field status)
    [ "$STATUS" = RUNNING ] || break
    now=$(date +%s)
    if [ "$now" != "$last" ] && [ $((now % 10)) -eq 0 ]; then echo "  $(date -u +%T) issued $(printf '%s' "$J" | json_field issued)"; last=$now; fi
    sleep 0.2
  done
}

if [ "$WARMUP" -gt 0 ]; then
  T0=$(date +%s.%N)
  JOB=$(start_job "$TOKEN" "$BATCH" "$WARMUP")
  [ -n "$JOB" ] || { echo "POST stamps did not answer 202 with a Location" >&2; exit 1; }
  wait_job "$JOB"
  [ "$STATUS" = DONE ] || { echo "warm-up job ended $STATUS" >&2; exit 1; }
  printf 'warm-up: %d stamps in %.1f s (not counted)\n' "$WARMUP" "$(echo "$(date +%s.%N) - $T0" | bc -l)"
fi

echo "uptime before issuing: $(uptime)"
T0=$(date +%s.%N)
JOB=$(start_job "$TOKEN" "$BATCH" "$COUNT")
[ -n "$JOB" ] || { echo "POST stamps did not answer 202 with a Location" >&2; exit 1; }
wait_job "$JOB"
T1=$(date +%s.%N)
echo "job: $J"
[ "$STATUS" = DONE ] || { echo "job ended $STATUS" >&2; exit 1; }
echo "uptime after issuing: $(uptime)"
ISSUE_S=$(echo "$T1 - $T0" | bc -l)
ISSUE_RATE=$(echo "$COUNT / $ISSUE_S" | bc -l)
STORED=$(curl -sf "$B/api/batches/$BATCH/stamps?size=1" -H "Authorization: Bearer $TOKEN" | json_field total)
[ "$STORED" -eq $((COUNT + WARMUP)) ] || { echo "the batch holds $STORED stamps, expected $((COUNT + WARMUP))" >&2; exit 1; }
stop_server

# the signed bytes of these stamps: "temso-stamp-v1" LF base LF gtin14 LF lot LF serial(10) LF kid
MSG=$(( ${#PUBLIC_BASE} + ${#GTIN} + ${#LOT} + 10 + ${#KID} + 14 + 5 ))
echo "raw Bouncy Castle Ed25519, one thread, $COUNT messages of $MSG bytes (server stopped):"
RAW_OUT=$(java -cp "$WORK/classes:$BC_JAR" vn.temso.bench.RawEd25519Signing "$COUNT" "$MSG" 3)
echo "$RAW_OUT" | sed 's/^/  /'
RAW_RATE=$(echo "$RAW_OUT" | sed -n 's/^best //p')
echo "uptime at the end: $(uptime)"
printf 'RESULT issuance %d stamps (batch holds %s) in %.1f s = %.0f stamps/s | raw BC sign %.0f/s | ratio %.3f (target >= 0.5)\n' \
  "$COUNT" "$STORED" "$ISSUE_S" "$ISSUE_RATE" "$RAW_RATE" "$(echo "$ISSUE_RATE / $RAW_RATE" | bc -l)"
