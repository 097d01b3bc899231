#!/usr/bin/env bash
# What the cluster costs on one machine: trace pages through haproxy with two instances and with one (the other
# stopped, so haproxy sends everything to the survivor), over ~1,000 genuine stamp URLs (Accept text/html), and a
# 100,000-stamp issuing job on PostgreSQL. Prints req/s and latency for both and the ratio two/one.
# On a 2-core machine two JVMs share the same cores as one, so the ratio shows the overhead (haproxy's hop,
# two JIT-warmed heaps, Hazelcast heartbeats); docs/performance.md explains scaling on more machines.
# Uses scripts/cluster/lib.sh (private PostgreSQL, haproxy, instances on loopback), with its own ports.
# DURATION=30s WARMUP=30s CONNECTIONS=32 STAMPS=1000 ISSUE=100000 change the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
export CLUSTER_HTTP_BASE="${CLUSTER_HTTP_BASE:-8880}" CLUSTER_HZ_BASE="${CLUSTER_HZ_BASE:-7300}" CLUSTER_PG_PORT="${CLUSTER_PG_PORT:-5446}"
. scripts/cluster/lib.sh
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-30s}"
CONNECTIONS="${CONNECTIONS:-32}"
STAMPS="${STAMPS:-1000}"
ISSUE="${ISSUE:-100000}"
trap 'cluster_down; [ -n "${CLUSTER_KEEP:-}" ] || rm -rf "$CLUSTER_WORK"' EXIT

echo "== $(date -u +%FT%TZ) $(nproc) CPUs, $(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1)"
echo "uptime before start: $(uptime)"
cluster_up
TOKEN=$(token tantru.quanly)
issue_stamps "$TOKEN" "$STAMPS" | cut -d' ' -f2 >"$CLUSTER_WORK/paths.txt"
[ "$(wc -l <"$CLUSTER_WORK/paths.txt")" -ge "$STAMPS" ] || { echo "stamps were not issued" >&2; exit 1; }

# run_wrk LABEL: warm-up, then the measured run; prints "req/s p50 p99" of the measured run
run_wrk() {
  PATHS_FILE="$CLUSTER_WORK/paths.txt" wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/trace-page.lua "$LB_URL" >/dev/null
  PATHS_FILE="$CLUSTER_WORK/paths.txt" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/trace-page.lua "$LB_URL" \
    >"$CLUSTER_WORK/wrk-$1.txt"
  sed -n '1,20p' "$CLUSTER_WORK/wrk-$1.txt" >&2
  local rps p50 p99
  rps=$(sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p' "$CLUSTER_WORK/wrk-$1.txt")
  p50=$(sed -nE 's/^ *50% *([0-9.]+[a-z]+).*/\1/p' "$CLUSTER_WORK/wrk-$1.txt")
  p99=$(sed -nE 's/^ *99% *([0-9.]+[a-z]+).*/\1/p' "$CLUSTER_WORK/wrk-$1.txt")
  grep -q 'Non-2xx' "$CLUSTER_WORK/wrk-$1.txt" && { echo "non-2xx answers in the $1 run" >&2; exit 1; }
  echo "$rps $p50 $p99"
}

read -r RPS2 P50_2 P99_2 < <(run_wrk two)
echo "FIGURE trace_pages_two_instances: $RPS2 req/s, p50 $P50_2, p99 $P99_2"
instance_stop b
sleep 2 # haproxy marks b DOWN after two failed checks
read -r RPS1 P50_1 P99_1 < <(run_wrk one)
echo "FIGURE trace_pages_one_instance: $RPS1 req/s, p50 $P50_1, p99 $P99_1"
python3 -c "import sys; print('FIGURE ratio two/one instances: %.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$RPS2" "$RPS1"

# issuance on PostgreSQL (instance a alone): the job's own start and finish times
BATCH=$(curl -sf "$A_URL/api/batches?status=OPEN" -H "Authorization: Bearer $TOKEN" | jq_ 'j["items"][0]["id"]')
T0=$(now_ms)
JOB=$(start_issuing "$A_URL" "$TOKEN" "$BATCH" "$ISSUE")
until curl -sf "$JOB" -H "Authorization: Bearer $TOKEN" | grep -q '"status":"DONE"'; do sleep 0.2; done
MS=$(( $(now_ms) - T0 ))
echo "FIGURE issuance_postgresql: $ISSUE stamps in $MS ms = $(( ISSUE * 1000 / MS )) stamps/s"
echo "uptime at the end: $(uptime)"
