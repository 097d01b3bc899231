#!/usr/bin/env bash
# Crash check of stamp issuing (issue 3, Reliability): start a 100,000-stamp job, kill -9 the JVM mid-way, restart on
# the same data directory and check that
#   - every stamp the API reported before the crash (the job's last `issued`, and a CSV export taken mid-way) exists
#     unchanged, the job resumes by itself and ends with exactly the requested count;
#   - no serial appears twice (per GTIN) and no issue number (seq) twice in the batch, seqs run 1..N without gaps;
#   - a sample of stamps (before and after the crash) verifies GENUINE through the trace page and through the offline
#     CLI with only /.well-known/jwks.json;
#   - a new job on the same batch still works.
# Exits non-zero on the first failed check. Needs the built reactor (./mvnw -B -o -DskipTests install).
# SIGNAL=TERM stops the server cleanly instead (a stop or redeploy mid-job: the job must resume, not fail).
# COUNT=100000 KILL_AT=40000 SIGNAL=KILL PORT=8383 KEEP_DATA=1 change the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/server-lib.sh
COUNT="${COUNT:-100000}"
KILL_AT="${KILL_AT:-$((COUNT * 2 / 5))}"
SIGNAL="${SIGNAL:-KILL}"
WORK=$(mktemp -d /tmp/temso-kill9.XXXXXX)
trap 'stop_server; [ -n "${KEEP_DATA:-}" ] || rm -rf "$WORK"' EXIT
M2="$HOME/.m2/repository/org/apache/derby"
DERBY_CP="$M2/derby/10.16.1.1/derby-10.16.1.1.jar:$M2/derbytools/10.16.1.1/derbytools-10.16.1.1.jar:$M2/derbyshared/10.16.1.1/derbyshared-10.16.1.1.jar"
CLI_JAR=$(ls stamp-codec/target/stamp-codec-*-cli.jar | head -1)
FAILED=0
check() { # description, then a command that must succeed
  local what="$1"; shift
  if "$@"; then echo "PASS $what"; else echo "FAIL $what"; FAILED=1; fi
}
job_json() { curl -sf "$JOB" -H "Authorization: Bearer $TOKEN"; }

echo "== $(date -u +%FT%TZ) work dir $WORK"
echo "uptime: $(uptime)"
start_server "$WORK/data" "$WORK/server-1.log"
TOKEN=$(login tantru.quanly)
read -r BATCH GTIN LOT < <(demo_batch "$TOKEN")
BEFORE=$(curl -sf "$B/api/batches/$BATCH/stamps?size=1" -H "Authorization: Bearer $TOKEN" | json_field total)
[ "$BEFORE" = 0 ] || { echo "the demo batch already has $BEFORE stamps" >&2; exit 1; }
JOB=$(start_job "$TOKEN" "$BATCH" "$COUNT")
JOB_ID=${JOB##*/}
echo "job $JOB_ID: $COUNT stamps for batch $BATCH (gtin $GTIN lot $LOT); kill -$SIGNAL at >= $KILL_AT issued"

# poll; take one CSV export mid-way (the stamps it lists were reported as issued); kill at KILL_AT
REPORTED=0
EXPORTED=0
while :; do
  J=$(job_json)
  REPORTED=$(printf '%s' "$J" | json_field issued)
  STATUS=$(printf '%s' "$J" | json_field status)
  [ "$STATUS" = RUNNING ] || { echo "job reached $STATUS before the kill; use a larger COUNT" >&2; exit 1; }
  if [ "$EXPORTED" = 0 ] && [ "$REPORTED" -ge $((KILL_AT / 2)) ]; then
    curl -sf "$B/api/batches/$BATCH/stamps/export" -H "Authorization: Bearer $TOKEN" > "$WORK/export-before.csv"
    EXPORTED=$(($(wc -l < "$WORK/export-before.csv") - 1))
    echo "mid-way export: $EXPORTED stamps listed (job reported $REPORTED)"
  fi
  if [ "$REPORTED" -ge "$KILL_AT" ]; then
    kill -"$SIGNAL" "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true # a TERM'd server shuts down (Derby too) before it exits
    SERVER_PID=
    break
  fi
  sleep 0.2
done
echo "KILLED -$SIGNAL at $(date -u +%T); last issued the API reported: $REPORTED of $COUNT"

echo "restarting on the same data directory; uptime: $(uptime)"
start_server "$WORK/data" "$WORK/server-2.log"
TOKEN=$(login tantru.quanly)
grep -q "Taking over ISSUANCE job $JOB_ID" "$WORK/server-2.log" && echo "server log: job sweeper took over job $JOB_ID"
FIRST_AFTER=$(job_json | json_field issued)
echo "first progress after restart: issued $FIRST_AFTER"
check "committed progress survived the crash (issued after restart $FIRST_AFTER >= reported $REPORTED)" \
  test "$FIRST_AFTER" -ge "$REPORTED"
T0=$(date +%s)
while [ "$(job_json | json_field status)" = RUNNING ]; do
  [ $(( $(date +%s) - T0 )) -lt 900 ] || { echo "job not finished 900 s after restart" >&2; exit 1; }
  sleep 1
done
J=$(job_json)
echo "job after restart: $J"
check "job DONE with issued = requested = $COUNT" \
  test "$(printf '%s' "$J" | json_field status)/$(printf '%s' "$J" | json_field issued)" = "DONE/$COUNT"

curl -sf "$B/api/batches/$BATCH/stamps/export" -H "Authorization: Bearer $TOKEN" > "$WORK/export-after.csv"
check "export lists $COUNT stamps" test "$(($(wc -l < "$WORK/export-after.csv") - 1))" = "$COUNT"
# every stamp listed before the crash is still there with the same seq, serial and URL
tail -n +2 "$WORK/export-before.csv" | cut -d, -f1-3 | sort > "$WORK/before.txt"
tail -n +2 "$WORK/export-after.csv" | cut -d, -f1-3 | sort > "$WORK/after.txt"
check "all $EXPORTED stamps exported before the crash exist unchanged" \
  test "$(comm -23 "$WORK/before.txt" "$WORK/after.txt" | wc -l)" = 0
check "stamps 1..$REPORTED (reported issued before the kill) all exist" \
  test "$(tail -n +2 "$WORK/export-after.csv" | awk -F, -v n="$REPORTED" '$1>=1 && $1<=n' | wc -l)" = "$REPORTED"

# sample: 10 from before the kill, 10 after, through the trace page (JSON) and the offline CLI
curl -sf "$B/.well-known/jwks.json" > "$WORK/jwks.json"
tail -n +2 "$WORK/export-after.csv" | awk -F, -v n="$REPORTED" '$1<=n' | shuf -n 10 --random-source=<(yes) > "$WORK/sample.csv"
tail -n +2 "$WORK/export-after.csv" | awk -F, -v n="$REPORTED" '$1>n' | shuf -n 10 --random-source=<(yes) >> "$WORK/sample.csv"
WEB_OK=0; CLI_OK=0
while IFS=, read -r SEQ SERIAL URL STATUS; do
  PATH_Q=${URL#"$PUBLIC_BASE"}
  V=$(curl -sf -H 'Accept: application/json' "$B$PATH_Q" | json_field verdict)
  [ "$V" = GENUINE ] && WEB_OK=$((WEB_OK + 1)) || echo "  seq $SEQ trace page verdict $V"
  if java -jar "$CLI_JAR" --jwks "$WORK/jwks.json" "$URL" > "$WORK/cli.out" 2>&1; then CLI_OK=$((CLI_OK + 1));
  else echo "  seq $SEQ CLI: $(head -1 "$WORK/cli.out")"; fi
done < "$WORK/sample.csv"
check "20 sampled stamps GENUINE on the trace page ($WEB_OK/20)" test "$WEB_OK" = 20
check "20 sampled stamps GENUINE with the offline CLI and the JWKS only ($CLI_OK/20)" test "$CLI_OK" = 20

# issuing goes on: a new job on the same batch
JOB=$(start_job "$TOKEN" "$BATCH" 500)
JOB2_ID=${JOB##*/}
T0=$(date +%s)
while [ "$(job_json | json_field status)" = RUNNING ] && [ $(( $(date +%s) - T0 )) -lt 300 ]; do sleep 1; done
J=$(job_json)
check "a new 500-stamp job on the same batch ends DONE/500" \
  test "$(printf '%s' "$J" | json_field status)/$(printf '%s' "$J" | json_field issued)" = "DONE/500"
stop_server

# the database itself, with Derby's ij after a clean stop
cat > "$WORK/check.sql" <<SQL
connect 'jdbc:derby:$WORK/data/db';
SELECT 'JOB1', COUNT(*) FROM stamp WHERE job_id = '$JOB_ID';
SELECT 'JOB2', COUNT(*) FROM stamp WHERE job_id = '$JOB2_ID';
SELECT 'DUPSERIAL', COUNT(*) FROM (SELECT gtin, serial FROM stamp GROUP BY gtin, serial HAVING COUNT(*) > 1) d;
SELECT 'DUPSEQ', COUNT(*) FROM (SELECT batch_id, seq FROM stamp GROUP BY batch_id, seq HAVING COUNT(*) > 1) d;
SELECT 'SEQRANGE', MIN(seq), MAX(seq), COUNT(*) FROM stamp WHERE batch_id = '$BATCH';
SELECT 'JOBROWS', status, issued, requested FROM issuance_job WHERE id = '$JOB_ID';
disconnect;
exit;
SQL
java -cp "$DERBY_CP" -Dderby.stream.error.file="$WORK/ij-derby.log" -Dij.outfile="$WORK/ij.out" \
  org.apache.derby.tools.ij "$WORK/check.sql"
row() { grep -E "^$1\|" "$WORK/ij.out" | tr -d ' ' | tr '|' ' '; }   # "JOB1|100000     " -> "JOB1 100000"
echo "ij: $(row JOB1) / $(row JOB2) / $(row DUPSERIAL) / $(row DUPSEQ) / $(row SEQRANGE) / $(row JOBROWS)"
TOTAL=$((COUNT + 500))
check "ij: job rows = $COUNT" test "$(row JOB1)" = "JOB1 $COUNT"
check "ij: second job rows = 500" test "$(row JOB2)" = "JOB2 500"
check "ij: no serial twice per GTIN" test "$(row DUPSERIAL)" = "DUPSERIAL 0"
check "ij: no seq twice in a batch" test "$(row DUPSEQ)" = "DUPSEQ 0"
check "ij: seqs of the batch run 1..$TOTAL without gaps" test "$(row SEQRANGE)" = "SEQRANGE 1 $TOTAL $TOTAL"
check "ij: job row DONE $COUNT/$COUNT" test "$(row JOBROWS)" = "JOBROWS DONE $COUNT $COUNT"

if [ "$FAILED" = 0 ]; then
  echo "RESULT kill -$SIGNAL at $REPORTED/$COUNT issued: resumed to $COUNT, all checks passed"
else
  echo "RESULT kill -$SIGNAL at $REPORTED/$COUNT issued: SOME CHECKS FAILED (work dir $WORK kept)"; KEEP_DATA=1; exit 1
fi
